/* luadoc.c: documents as Lua values. Maps become tables, lists sequences,
 * dates "YYYY-MM-DD" strings, null nil; every table is a read-only view, so
 * a rule that writes to a document gets an error instead of a changed tree. */
#include "internal.h"

#include <lauxlib.h>
#include <lua.h>

static void set_list_length(lua_State *L, size_t n)
{
    /* lists may hold nulls (nil): # must still count every item */
    lua_getmetatable(L, -1);
    lua_pushinteger(L, (lua_Integer)n);
    lua_setfield(L, -2, "__n");
    lua_pop(L, 1);
}

void sk_luadoc_push(lua_State *L, const sk_node *n)
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
        luaL_checkstack(L, 4, "document too deep");
        lua_createtable(L, 0, (int)n->v.map.count);
        for (size_t i = 0; i < n->v.map.count; i++) {
            const sk_pair *p = &n->v.map.items[i];
            if (p->value->type == SK_NODE_NULL)
                continue;
            sk_luadoc_push(L, p->value);
            lua_setfield(L, -2, p->key);
        }
        sk_sandbox_wrap(L, -1);
        lua_remove(L, -2);
        return;
    case SK_NODE_SEQ:
        luaL_checkstack(L, 4, "document too deep");
        lua_createtable(L, (int)n->v.seq.count, 0);
        for (size_t i = 0; i < n->v.seq.count; i++) {
            sk_luadoc_push(L, n->v.seq.items[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        sk_sandbox_wrap(L, -1);
        lua_remove(L, -2);
        set_list_length(L, n->v.seq.count);
        return;
    }
}

void sk_luadoc_push_unit(lua_State *L, const sk_unit *u)
{
    lua_createtable(L, 0, 3);
    lua_pushstring(L, u->hsa_id);
    lua_setfield(L, -2, "hsa_id");
    if (u->name) {
        lua_pushstring(L, u->name);
        lua_setfield(L, -2, "name");
    }
    lua_createtable(L, 0, 3); /* documents */
    for (const sk_kind *k = sk_kinds; k->name; k++) {
        if (!k->unit_document)
            continue;
        lua_createtable(L, 0, 0);
        size_t n = 0;
        for (size_t i = 0; i < u->count; i++) {
            if (u->docs[i]->kind != k->name)
                continue;
            sk_luadoc_push(L, u->docs[i]->root);
            lua_rawseti(L, -2, (lua_Integer)++n);
        }
        sk_sandbox_wrap(L, -1);
        lua_remove(L, -2);
        lua_setfield(L, -2, k->name);
    }
    sk_sandbox_wrap(L, -1);
    lua_remove(L, -2);
    lua_setfield(L, -2, "documents");
    sk_sandbox_wrap(L, -1);
    lua_remove(L, -2);
}
