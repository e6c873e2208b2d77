/* luadoc.c: documents as Lua values. Maps become tables, lists sequences,
 * dates "YYYY-MM-DD" strings, null nil; every table is a read-only view, so
 * a rule that writes to a document gets an error instead of a changed tree. */
#include "internal.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>
#include <string.h>

/* A unit has some sixty maps and lists, each a view of three tables (the
 * empty proxy, its metatable, the data): the cost of a unit's conversion is
 * mostly building metatables. So a view's metatable is built from a
 * template kept on the stack (its keys and functions pushed once, set with
 * rawset instead of looking each key string up), and holds only what the
 * VM needs: __index (the data) and __newindex (the read-only error, by
 * which sandbox.c knows a view), and for a list __len, and __n when it
 * holds a null (# must still count every item; without a null the data's
 * length is the list's). sandbox.c's next, pairs, rawlen, getmetatable and
 * setmetatable give for such a view what they give for the views
 * sk_sandbox_wrap makes, whose metatables also hold __pairs and
 * __metatable = false. */

enum {
    T_INDEX,       /* "__index" */
    T_NEWINDEX,    /* "__newindex" */
    T_LEN,         /* "__len" */
    T_N,           /* "__n" */
    T_NEWINDEX_FN, /* the function of read-only views */
    T_LEN_FN,      /* their length */
    T_KEYS,        /* the key cache (below) */
    T_STRINGS,     /* its strings */
    T_SLOTS
};

/* A map's keys are mostly the schema's: the check notes each pair's field
 * (sk_pair.field), and the Lua string of a field's key is made once per
 * sandbox, then taken from here by the field's address (a compare and an
 * array read instead of lua_pushstring's strlen, strcmp and hashing). A
 * slot holds the last field that hashed to it; its string is item slot + 1
 * of the strings table. */
#define KEY_SLOTS 1024
typedef struct key_cache {
    const sk_field *field[KEY_SLOTS];
} key_cache;

static void push_key(lua_State *L, int t, const sk_pair *p)
{
    if (!p->field) { /* x_ keys, a profile's rule ids */
        lua_pushstring(L, p->key);
        return;
    }
    key_cache *kc = lua_touserdata(L, t + T_KEYS);
    size_t slot = ((uintptr_t)p->field / sizeof(sk_field)) % KEY_SLOTS;
    if (kc->field[slot] == p->field) {
        lua_rawgeti(L, t + T_STRINGS, (lua_Integer)slot + 1);
        return;
    }
    lua_pushstring(L, p->key);
    lua_pushvalue(L, -1);
    lua_rawseti(L, t + T_STRINGS, (lua_Integer)slot + 1);
    kc->field[slot] = p->field;
}

/* The template is made once per sandbox and kept in the registry, as a
 * sequence of its T_SLOTS values. */
static const char TEMPLATE = 0; /* its address is the template's key in the registry */

static void make_template(lua_State *L)
{
    lua_createtable(L, T_SLOTS, 0);
    int tpl = lua_gettop(L);
    lua_pushliteral(L, "__index");
    lua_pushliteral(L, "__newindex");
    lua_pushliteral(L, "__len");
    lua_pushliteral(L, "__n");
    /* the functions, taken from a view sandbox.c makes */
    lua_createtable(L, 0, 0);
    sk_sandbox_wrap(L, -1);
    lua_getmetatable(L, -1);
    lua_replace(L, -3);
    lua_pop(L, 1);
    int meta = lua_gettop(L);
    lua_getfield(L, meta, "__newindex");
    lua_getfield(L, meta, "__len");
    lua_remove(L, meta);
    key_cache *kc = lua_newuserdatauv(L, sizeof *kc, 0);
    memset(kc, 0, sizeof *kc);
    lua_createtable(L, KEY_SLOTS, 0); /* the strings */
    for (int i = T_SLOTS; i >= 1; i--)
        lua_rawseti(L, tpl, i);
    lua_pushvalue(L, tpl);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &TEMPLATE);
}

/* Pushes the template's values; returns the index of the first. */
static int push_template(lua_State *L)
{
    luaL_checkstack(L, T_SLOTS + 4, "document too deep");
    int base = lua_gettop(L) + 1;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &TEMPLATE) != LUA_TTABLE) {
        lua_pop(L, 1);
        make_template(L);
    }
    for (int i = 1; i <= T_SLOTS; i++)
        lua_rawgeti(L, base, i);
    lua_remove(L, base);
    return base;
}

static void meta_set(lua_State *L, int meta, int key, int value)
{
    lua_pushvalue(L, key);
    lua_pushvalue(L, value);
    lua_rawset(L, meta);
}

/* Replaces the data table on top of the stack by its read-only view. nulls:
 * for a list, whether it holds a null (then __n tells its length n). */
static void wrap(lua_State *L, int t, int list, int nulls, size_t n)
{
    int inner = lua_gettop(L);
    lua_createtable(L, 0, 0); /* the proxy: always empty */
    lua_createtable(L, 0, list ? (nulls ? 4 : 3) : 2);
    int meta = inner + 2;
    meta_set(L, meta, t + T_INDEX, inner);
    meta_set(L, meta, t + T_NEWINDEX, t + T_NEWINDEX_FN);
    if (list) {
        meta_set(L, meta, t + T_LEN, t + T_LEN_FN);
        if (nulls) {
            lua_pushvalue(L, t + T_N);
            lua_pushinteger(L, (lua_Integer)n);
            lua_rawset(L, meta);
        }
    }
    lua_setmetatable(L, -2);
    lua_remove(L, inner);
}

static void push_node(lua_State *L, int t, const sk_node *n)
{
    switch (n->type) {
    case SK_NODE_NULL:
        lua_pushnil(L);
        return;
    case SK_NODE_BOOL:
        lua_pushboolean(L, n->v.b);
        return;
    case SK_NODE_INT:
        lua_pushinteger(L, (lua_Integer)n->v.i);
        return;
    case SK_NODE_NUM:
        lua_pushnumber(L, (lua_Number)n->v.n);
        return;
    case SK_NODE_STR:
    case SK_NODE_DATE:
        lua_pushlstring(L, n->text, n->len);
        return;
    case SK_NODE_MAP:
        luaL_checkstack(L, 6, "document too deep");
        lua_createtable(L, 0, (int)n->v.map.count);
        for (size_t i = 0; i < n->v.map.count; i++) {
            const sk_pair *p = &n->v.map.items[i];
            if (p->value->type == SK_NODE_NULL)
                continue;
            push_key(L, t, p);
            push_node(L, t, p->value);
            lua_rawset(L, -3);
        }
        wrap(L, t, 0, 0, 0);
        return;
    case SK_NODE_SEQ: {
        luaL_checkstack(L, 6, "document too deep");
        int nulls = 0;
        lua_createtable(L, (int)n->v.seq.count, 0);
        for (size_t i = 0; i < n->v.seq.count; i++) {
            nulls |= n->v.seq.items[i]->type == SK_NODE_NULL;
            push_node(L, t, n->v.seq.items[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        wrap(L, t, 1, nulls, n->v.seq.count);
        return;
    }
    }
}

void sk_luadoc_push(lua_State *L, const sk_node *n)
{
    int t = push_template(L);
    push_node(L, t, n);
    lua_replace(L, t);
    lua_settop(L, t);
}

void sk_luadoc_push_unit(lua_State *L, const sk_unit *u)
{
    int t = push_template(L);
    lua_createtable(L, 0, 4);
    lua_pushstring(L, u->hsa_id);
    lua_setfield(L, -2, "hsa_id");
    if (u->name) {
        lua_pushstring(L, u->name);
        lua_setfield(L, -2, "name");
    }
    /* the unit's files that could not be loaded: what is absent from
     * documents may be in one of them (a rule about a missing kind says so) */
    lua_createtable(L, (int)u->nfailed, 0);
    for (size_t i = 0; i < u->nfailed; i++) {
        lua_pushstring(L, u->failed_files[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    wrap(L, t, 1, 0, u->nfailed);
    lua_setfield(L, -2, "unread");
    lua_createtable(L, 0, 3); /* documents */
    for (const sk_kind *k = sk_kinds; k->name; k++) {
        if (!k->unit_document)
            continue;
        lua_createtable(L, 0, 0);
        size_t n = 0;
        for (size_t i = 0; i < u->count; i++) {
            if (u->docs[i]->kind != k->name)
                continue;
            push_node(L, t, u->docs[i]->root);
            lua_rawseti(L, -2, (lua_Integer)++n);
        }
        wrap(L, t, 1, 0, n);
        lua_setfield(L, -2, k->name);
    }
    wrap(L, t, 0, 0, 0);
    lua_setfield(L, -2, "documents");
    wrap(L, t, 0, 0, 0);
    lua_replace(L, t);
    lua_settop(L, t);
}
