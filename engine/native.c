/* native.c: the hottest helpers of sk.lua in C (dates, present, each, count,
 * set, join, lower, trim, same_text, the plan walks; the text helpers are in
 * native_text.c). In Lua every step of them also paid for the count hook, and
 * the date and text helpers for a charged pattern match. sk.lua receives them
 * as its chunk's argument (sk_native_push), so no rule can reach this table.
 * Each is the one implementation of its helper (sk.lua keeps no Lua copy;
 * tests/native/ND-01.lua is the reference the tests compare them with), is
 * charged for what it does in C (one instruction per byte of a text and per
 * item of a list it walks), reads a document only through its read-only
 * views, and hands out views, scalars and new tables (sk.plan_reach of a
 * document: one read-only view, made once and shared by every rule that asks;
 * sk.activities of a document replays a walk made once, which no rule sees).
 * A rule's own tables are read through their metamethods, as Lua code would. */
#include "native.h"

#include <ctype.h>
#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#define CHARGE(L, n) sk_native_charge_text(L, n)

void sk_native_charge_text(lua_State *L, size_t n)
{
    sk_sandbox_charge(L, (lua_Unsigned)n + 1);
}

/* Lua's floor division for a positive divisor (a // b in sk.lua). */
static lua_Integer floor_div(lua_Integer a, lua_Integer b)
{
    lua_Integer q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* The year, month and day of a string matching ^%d%d%d%d%-%d%d%-%d%d$ (the
 * digits are not checked as a calendar date, as in sk.lua); 0 for anything else. */
static int date_parts(lua_State *L, int idx, lua_Integer *y, lua_Integer *m, lua_Integer *d)
{
    size_t n;
    if (lua_type(L, idx) != LUA_TSTRING)
        return 0;
    const char *s = lua_tolstring(L, idx, &n);
    CHARGE(L, n);
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return 0;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return 1;
}

/* Days since 1970-01-01 of a civil date: sk.lua's day_number. */
static lua_Integer day_number(lua_Integer y, lua_Integer m, lua_Integer d)
{
    if (m <= 2)
        y--;
    lua_Integer era = floor_div(y, 400);
    lua_Integer yoe = y - era * 400;
    lua_Integer mp = (m + 9) % 12; /* m >= 0 */
    lua_Integer doy = (153 * mp + 2) / 5 + d - 1;
    lua_Integer doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* date_parts(s) -> y, m, d, or nil */
static int native_date_parts(lua_State *L)
{
    lua_Integer y, m, d;
    if (!date_parts(L, 1, &y, &m, &d)) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushinteger(L, y);
    lua_pushinteger(L, m);
    lua_pushinteger(L, d);
    return 3;
}

/* sk.is_date(s) */
static int native_is_date(lua_State *L)
{
    lua_Integer y, m, d;
    lua_pushboolean(L, date_parts(L, 1, &y, &m, &d));
    return 1;
}

/* sk.days(a, b): b - a in days, or nil */
static int native_days(lua_State *L)
{
    lua_Integer ay, am, ad, by, bm, bd;
    int a = date_parts(L, 1, &ay, &am, &ad), b = date_parts(L, 2, &by, &bm, &bd);
    if (!a || !b) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushinteger(L, day_number(by, bm, bd) - day_number(ay, am, ad));
    return 1;
}

/* Whether the value at idx is present, as sk.present says (native.h). */
int sk_native_present_at(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNONE:
    case LUA_TNIL:
        return 0;
    case LUA_TBOOLEAN:
        return lua_toboolean(L, idx);
    case LUA_TSTRING: {
        size_t n, i = 0;
        const char *s = lua_tolstring(L, idx, &n);
        CHARGE(L, n);
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        return i < n;
    }
    case LUA_TTABLE: {
        int top = lua_gettop(L);
        lua_pushvalue(L, idx);
        if (sk_sandbox_inner(L, -1))
            lua_replace(L, -2);
        lua_pushnil(L);
        int present = lua_next(L, top + 1) != 0;
        lua_settop(L, top);
        return present;
    }
    default:
        return 1;
    }
}

static int native_present(lua_State *L)
{
    lua_pushboolean(L, sk_native_present_at(L, 1));
    return 1;
}

/* The iterator of nothing: sk.each and sk.activities of an absent value. */
static int iter_none(lua_State *L)
{
    (void)L;
    return 0;
}

/* Pushes the list of the value at idx (see sk_list in native.h) and fills *l. */
void sk_list_push(lua_State *L, int idx, sk_list *l)
{
    idx = lua_absindex(L, idx);
    l->plain = 1;
    if (!sk_sandbox_view(L, idx, &l->n)) {
        l->n = 0;
        if (lua_type(L, idx) == LUA_TTABLE) {
            l->plain = 0;
            l->n = luaL_len(L, idx);
            lua_pushvalue(L, idx);
        } else {
            lua_pushnil(L);
        }
    }
    l->idx = lua_gettop(L);
}

/* Pushes item i of the list; its type. */
int sk_list_get(lua_State *L, const sk_list *l, lua_Integer i)
{
    if (lua_isnil(L, l->idx)) {
        lua_pushnil(L);
        return LUA_TNIL;
    }
    return l->plain ? lua_rawgeti(L, l->idx, i) : lua_geti(L, l->idx, i);
}

/* The step of sk.each; upvalues: the list's table, the last index, the
 * length, whether it is plain. Null items are skipped. */
static int each_step(lua_State *L)
{
    sk_list l = {lua_upvalueindex(1), lua_toboolean(L, lua_upvalueindex(4)),
              lua_tointeger(L, lua_upvalueindex(3))};
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    while (i < l.n) {
        i++;
        if (sk_list_get(L, &l, i) != LUA_TNIL) {
            lua_pushinteger(L, i);
            lua_copy(L, -1, lua_upvalueindex(2));
            lua_insert(L, -2);
            return 2;
        }
        lua_pop(L, 1);
        sk_sandbox_charge(L, 1); /* a run of nulls is a loop in C */
    }
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    return 0;
}

/* sk.each(list): for i, x in sk.each(doc.staff) do, over a list that may be
 * absent (nothing to iterate), a document's or a rule's own. */
static int native_each(lua_State *L)
{
    lua_settop(L, 1);
    if (lua_type(L, 1) != LUA_TTABLE) {
        lua_pushcfunction(L, iter_none);
        return 1;
    }
    sk_list l;
    sk_list_push(L, 1, &l);
    lua_pushinteger(L, 0);
    lua_pushinteger(L, l.n);
    lua_pushboolean(L, l.plain);
    lua_pushcclosure(L, each_step, 4);
    return 1;
}

/* sk.count(list): #list of a table, else 0. */
static int native_count(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TTABLE) {
        lua_pushinteger(L, 0);
        return 1;
    }
    lua_len(L, 1);
    return 1;
}

/* sk.set(list): value -> true for the items of a list that may be absent. */
static int native_set(lua_State *L)
{
    lua_settop(L, 1);
    sk_list l;
    sk_list_push(L, 1, &l); /* 2 */
    sk_sandbox_charge(L, (lua_Unsigned)l.n + 1); /* a loop in C */
    lua_createtable(L, 0, l.n > 0 && l.n < 64 ? (int)l.n : 0); /* 3 */
    for (lua_Integer i = 1; i <= l.n; i++) {
        if (sk_list_get(L, &l, i) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushboolean(L, 1);
        lua_rawset(L, 3);
    }
    return 1;
}

/* sk.join(list, sep): the items of a list that may be absent through
 * tostring, joined with sep (", " when nil or false; else a string or a
 * number, as table.concat takes). */
static int native_join(lua_State *L)
{
    lua_settop(L, 2);
    int st = lua_type(L, 2);
    size_t seplen = 2;
    const char *sep = ", ";
    if (st == LUA_TSTRING || st == LUA_TNUMBER)
        sep = lua_tolstring(L, 2, &seplen);
    else if (!(st == LUA_TNIL || (st == LUA_TBOOLEAN && !lua_toboolean(L, 2))))
        return luaL_typeerror(L, 2, "string");
    sk_list l;
    sk_list_push(L, 1, &l); /* 3 */
    sk_sandbox_charge(L, (lua_Unsigned)l.n + 1); /* a loop in C */
    if (!l.plain) {
        /* a rule's own table: its items through its metamethods and through
         * tostring (which may call __tostring), before any buffer is open */
        lua_Integer k = 0;
        lua_createtable(L, l.n > 0 && l.n < 64 ? (int)l.n : 0, 0); /* 4 */
        for (lua_Integer i = 1; i <= l.n; i++) {
            if (sk_list_get(L, &l, i) == LUA_TNIL) {
                lua_pop(L, 1);
                continue;
            }
            luaL_tolstring(L, -1, NULL);
            lua_rawseti(L, 4, ++k);
            lua_pop(L, 1);
        }
        lua_replace(L, 3);
        l.n = k;
    }
    /* the last item that is not null: a separator follows every item before
     * it, so that each is added while the buffer's box is on top of the stack
     * (a value pushed above the box while the buffer grows would be taken for
     * the box: the crash of issue 20) */
    lua_Integer last = lua_isnil(L, 3) ? 0 : l.n;
    while (last > 0 && lua_rawgeti(L, 3, last) == LUA_TNIL) {
        lua_pop(L, 1);
        last--;
    }
    lua_settop(L, 3);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (lua_Integer i = 1; i <= last; i++) {
        if (lua_rawgeti(L, 3, i) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        luaL_tolstring(L, -1, NULL); /* what tostring gives */
        lua_remove(L, -2);
        luaL_addvalue(&b); /* the text above the box */
        if (i < last)
            luaL_addlstring(&b, sep, seplen); /* the box on top */
    }
    luaL_pushresult(&b);
    return 1;
}

/* sk.plan_status(act): act.status when act is a table and it is present,
 * else "planned". */
static int native_plan_status(lua_State *L)
{
    lua_settop(L, 1);
    if (lua_type(L, 1) == LUA_TTABLE) {
        lua_getfield(L, 1, "status");
        if (sk_native_present_at(L, 2))
            return 1;
    }
    lua_pushliteral(L, "planned");
    return 1;
}

/* The step of sk.activities; upvalues: 1 the phase names in order, 2 the
 * plan's phases, 3 the phase number, 4 its activities (a view's inner table,
 * or a rule's own table, or nil), 5 the last index, 6 their number, 7 whether
 * 4 is plain (read with rawget). As sk.lua's walk did: phase by phase, null
 * items skipped, each activity with a new path table. */
static int activities_step(lua_State *L)
{
    lua_Integer p = lua_tointeger(L, lua_upvalueindex(3));
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(5));
    lua_Integer n = lua_tointeger(L, lua_upvalueindex(6));
    for (;;) {
        if (i < n) {
            i++;
            int t = lua_toboolean(L, lua_upvalueindex(7))
                        ? lua_rawgeti(L, lua_upvalueindex(4), i)
                        : lua_geti(L, lua_upvalueindex(4), i);
            if (t == LUA_TNIL) {
                lua_pop(L, 1);
                sk_sandbox_charge(L, 1); /* a loop in C over a rule's own list of nils */
                continue;
            }
            lua_pushinteger(L, i);
            lua_replace(L, lua_upvalueindex(5));
            lua_rawgeti(L, lua_upvalueindex(1), p); /* the phase */
            lua_createtable(L, 4, 0);
            lua_pushliteral(L, "phases");
            lua_rawseti(L, -2, 1);
            lua_pushvalue(L, -2);
            lua_rawseti(L, -2, 2);
            lua_pushliteral(L, "activities");
            lua_rawseti(L, -2, 3);
            lua_pushinteger(L, i);
            lua_rawseti(L, -2, 4);
            lua_rotate(L, -2, 1); /* act, path, phase */
            return 3;
        }
        p++;
        lua_pushinteger(L, p);
        lua_replace(L, lua_upvalueindex(3));
        lua_pushinteger(L, 0);
        lua_replace(L, lua_upvalueindex(5));
        lua_pushinteger(L, 0);
        lua_replace(L, lua_upvalueindex(6));
        if (lua_rawgeti(L, lua_upvalueindex(1), p) == LUA_TNIL)
            return 0; /* after the last phase */
        lua_gettable(L, lua_upvalueindex(2)); /* phases[phase] */
        i = n = 0;
        if (lua_type(L, -1) == LUA_TTABLE && lua_getfield(L, -1, "activities") == LUA_TTABLE) {
            int plain = sk_sandbox_view(L, -1, &n);
            if (!plain)
                n = luaL_len(L, -1);
            lua_replace(L, lua_upvalueindex(4));
            lua_pushboolean(L, plain);
            lua_replace(L, lua_upvalueindex(7));
            lua_pushinteger(L, n);
            lua_replace(L, lua_upvalueindex(6));
        }
        lua_settop(L, 0);
    }
}

static int is_document_map(lua_State *L, int idx);
static int memo_get(lua_State *L, const void *key, int idx);
static void memo_put(lua_State *L, const void *key, int idx);

/* The key of sk.activities' walk of a document in its view's metatable. */
static const char MEMO_WALK = 0;

/* Pushes the walk of the document's plan at 1 (a view; upvalue 1: the
 * phase names), made once per document and kept as a memo (below): a plain
 * table no rule ever gets, of the activities activities_step would find, in
 * its order, three items each (the activity, its phase, its place in the
 * phase's list), and the keys of a path: [0] "phases", [-1] "activities".
 * The walk is charged to its first caller, one step an item. */
static void activities_walk(lua_State *L)
{
    lua_createtable(L, 12, 2);
    int w = lua_gettop(L);
    lua_pushliteral(L, "phases");
    lua_rawseti(L, w, 0);
    lua_pushliteral(L, "activities");
    lua_rawseti(L, w, -1);
    if (lua_getfield(L, 1, "phases") != LUA_TTABLE) { /* w + 1 */
        lua_settop(L, w);
        return;
    }
    lua_Integer k = 0;
    for (lua_Integer p = 1; lua_rawgeti(L, lua_upvalueindex(1), p) != LUA_TNIL; p++) { /* w + 2 */
        lua_pushvalue(L, w + 2);
        lua_gettable(L, w + 1); /* w + 3: phases[phase] */
        if (lua_type(L, w + 3) == LUA_TTABLE && lua_getfield(L, w + 3, "activities") == LUA_TTABLE) {
            sk_list l; /* w + 5: the list, as activities_step reads it */
            sk_list_push(L, w + 4, &l);
            sk_sandbox_charge(L, (lua_Unsigned)l.n + 1); /* a loop in C */
            for (lua_Integer i = 1; i <= l.n; i++) {
                if (sk_list_get(L, &l, i) == LUA_TNIL) {
                    lua_pop(L, 1);
                    continue;
                }
                lua_rawseti(L, w, ++k);
                lua_pushvalue(L, w + 2);
                lua_rawseti(L, w, ++k);
                lua_pushinteger(L, i);
                lua_rawseti(L, w, ++k);
            }
        }
        lua_settop(L, w + 1);
    }
    lua_settop(L, w);
}

/* The step of sk.activities over a document's walk; upvalues: 1 the walk,
 * 2 the items of it already handed out. Each activity with a new path. */
static int walk_step(lua_State *L)
{
    lua_Integer k = lua_tointeger(L, lua_upvalueindex(2));
    if (lua_rawgeti(L, lua_upvalueindex(1), k + 1) == LUA_TNIL) /* the activity */
        return 0; /* after the last */
    lua_pushinteger(L, k + 3);
    lua_replace(L, lua_upvalueindex(2));
    lua_rawgeti(L, lua_upvalueindex(1), k + 2); /* the phase */
    lua_createtable(L, 4, 0);
    lua_rawgeti(L, lua_upvalueindex(1), 0);
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, 2);
    lua_rawgeti(L, lua_upvalueindex(1), -1);
    lua_rawseti(L, -2, 3);
    lua_rawgeti(L, lua_upvalueindex(1), k + 3);
    lua_rawseti(L, -2, 4);
    lua_rotate(L, -2, 1); /* act, path, phase */
    return 3;
}

/* sk.activities(plan); upvalue 1: sk.PHASES. A document's plan is walked
 * once, by the first rule that asks, and every rule replays that walk (a
 * document never changes); any other table is walked as the rule goes. */
static int native_activities(lua_State *L)
{
    lua_settop(L, 1);
    if (is_document_map(L, 1)) {
        if (!memo_get(L, &MEMO_WALK, 1)) {
            activities_walk(L);
            memo_put(L, &MEMO_WALK, 1);
        }
        lua_pushinteger(L, 0);
        lua_pushcclosure(L, walk_step, 2);
        return 1;
    }
    if (lua_type(L, 1) != LUA_TTABLE || lua_getfield(L, 1, "phases") != LUA_TTABLE) {
        lua_pushcfunction(L, iter_none);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, -2);
    lua_pushinteger(L, 0); /* p */
    lua_pushnil(L);        /* list */
    lua_pushinteger(L, 0); /* i */
    lua_pushinteger(L, 0); /* n */
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, activities_step, 7);
    return 1;
}

/* native.make_activities(PHASES): sk.activities over these phases. */
static int native_make_activities(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushcclosure(L, native_activities, 1);
    return 1;
}

/* The lower-case form of s into out (n bytes): string.lower's bytes, then
 * every "\xC3" + [\x80-\x9E] pair folded by map (sk.lua's FOLD, validated by
 * native_make_lower to keep the length), as sk.lua's gsub did. */
static void fold_lower(const char *s, size_t n, char *out, const unsigned char *map)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char c = (unsigned char)out[i + 1];
        if ((unsigned char)out[i] == 0xC3 && c >= 0x80 && c <= 0x9E) {
            if (map[c - 0x80])
                out[i + 1] = (char)map[c - 0x80];
            i++; /* the pair is consumed whether or not it was folded */
        }
    }
}

/* sk.lower(s); upvalue 1: the fold map (a userdata of 31 bytes). */
static int native_lower(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    const unsigned char *map = lua_touserdata(L, lua_upvalueindex(1));
    CHARGE(L, n);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, n);
    fold_lower(s, n, out, map);
    luaL_pushresultsize(&b, n);
    return 1;
}

/* s without leading and trailing spaces, as ^%s*(.-)%s*$ captures it. */
static const char *trim(const char *s, size_t *n)
{
    while (*n && isspace((unsigned char)s[0]))
        s++, (*n)--;
    while (*n && isspace((unsigned char)s[*n - 1]))
        (*n)--;
    return s;
}

const char *sk_native_trim(lua_State *L, const char *s, size_t *n)
{
    CHARGE(L, *n);
    return trim(s, n);
}

/* sk.trim(s): tostring(s) without leading and trailing spaces, as
 * tostring(s):match("^%s*(.-)%s*$") gives it, charged by the byte (the
 * pattern is estimated at n^3/6 steps). */
static int native_trim(lua_State *L)
{
    size_t n;
    const char *s = luaL_tolstring(L, 1, &n);
    s = sk_native_trim(L, s, &n);
    lua_pushlstring(L, s, n);
    return 1;
}

/* sk.same_text(a, b); upvalue 1: the fold map. */
static int native_same_text(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TSTRING || lua_type(L, 2) != LUA_TSTRING) {
        lua_pushboolean(L, 0);
        return 1;
    }
    size_t na, nb;
    const char *a = lua_tolstring(L, 1, &na), *b = lua_tolstring(L, 2, &nb);
    const unsigned char *map = lua_touserdata(L, lua_upvalueindex(1));
    a = sk_native_trim(L, a, &na);
    CHARGE(L, na); /* the fold's walk */
    b = sk_native_trim(L, b, &nb);
    CHARGE(L, nb);
    if (na != nb) { /* folding keeps lengths */
        lua_pushboolean(L, 0);
        return 1;
    }
    char small[2][128];
    char *fa = small[0], *fb = small[1];
    if (na > sizeof small[0]) { /* scratch the collector frees */
        fa = lua_newuserdatauv(L, na, 0);
        fb = lua_newuserdatauv(L, nb, 0);
    }
    fold_lower(a, na, fa, map);
    fold_lower(b, nb, fb, map);
    lua_pushboolean(L, memcmp(fa, fb, na) == 0);
    return 1;
}

/* native.make_lower(FOLD) -> lower, same_text: FOLD maps upper-case
 * letters "\xC3" + [\x80-\x9E] to lower-case ones "\xC3" + one byte. */
static int native_make_lower(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    unsigned char *map = lua_newuserdatauv(L, 31, 0);
    memset(map, 0, 31);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        size_t kn, vn;
        const char *k = lua_tolstring(L, -2, &kn), *v = lua_tolstring(L, -1, &vn);
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING || kn != 2 ||
            vn != 2 || (unsigned char)k[0] != 0xC3 || (unsigned char)k[1] < 0x80 ||
            (unsigned char)k[1] > 0x9E || (unsigned char)v[0] != 0xC3)
            return luaL_error(L, "make_lower: FOLD must map \\xC3 + [\\x80-\\x9E] to \\xC3 + a byte");
        map[(unsigned char)k[1] - 0x80] = (unsigned char)v[1];
        lua_pop(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, native_lower, 1);
    lua_insert(L, -2);
    lua_pushcclosure(L, native_same_text, 1);
    return 2;
}

/* Whether act (at idx) counts: a table whose sk.plan_status is not
 * "cancelled". */
static int plan_active(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        return 0;
    lua_getfield(L, idx, "status");
    int cancelled = 0;
    if (sk_native_present_at(L, -1) && lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char *status = lua_tolstring(L, -1, &len);
        cancelled = len == 9 && memcmp(status, "cancelled", 9) == 0;
    }
    lua_pop(L, 1);
    return !cancelled;
}

/* Pushes the list under key in the table at idx (see list), in place of
 * the value itself. */
static void list_open(lua_State *L, int idx, const char *key, sk_list *l)
{
    lua_getfield(L, idx, key);
    sk_list_push(L, -1, l);
    lua_remove(L, -2);
    l->idx--;
}

/* sk.plan_groups(plan): id (as text) -> { group, index, path } of the
 * plan's target groups (a document's or a rule's own table). */
static int native_plan_groups(lua_State *L)
{
    sk_list l;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L); /* 2: byid */
    list_open(L, 1, "target_groups", &l); /* 3 */
    lua_Integer n = l.n;
    sk_sandbox_charge(L, (lua_Unsigned)n + 1); /* a loop in C */
    for (lua_Integer i = 1; i <= n; i++) {
        int t = sk_list_get(L, &l, i); /* 4: g */
        if (t == LUA_TTABLE && lua_getfield(L, 4, "id") != LUA_TNIL) {
            luaL_tolstring(L, -1, NULL); /* 6: tostring(g.id) */
            if (lua_rawget(L, 2) == LUA_TNIL) {
                luaL_tolstring(L, 5, NULL);
                lua_createtable(L, 0, 3);
                lua_pushvalue(L, 4);
                lua_setfield(L, -2, "group");
                lua_pushinteger(L, i);
                lua_setfield(L, -2, "index");
                lua_createtable(L, 2, 0);
                lua_pushliteral(L, "target_groups");
                lua_rawseti(L, -2, 1);
                lua_pushinteger(L, i);
                lua_rawseti(L, -2, 2);
                lua_setfield(L, -2, "path");
                lua_rawset(L, 2);
            }
        }
        lua_settop(L, 3);
    }
    lua_settop(L, 2);
    return 1;
}

/* Whether the value at idx is a document's map: a read-only view that
 * luadoc.c made from the loaded tree (the only views without __len but for
 * the maps of sk.plan_reach's own result, which never change either: the
 * reach of such a map, kept in it, is the empty one), whose
 * contents never change while it lives. Views of a rule's own tables
 * (ctx.params) have a __len, and their contents may change under them. */
static int is_document_map(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    int meta = lua_gettop(L);
    int doc = 0;
    lua_pushliteral(L, "__len");
    if (lua_rawget(L, meta) == LUA_TNIL) {
        lua_Integer n;
        doc = sk_sandbox_view(L, idx, &n); /* pushes the inner table when it is one */
    }
    lua_settop(L, meta - 1);
    return doc;
}

/* A memoised helper keeps its result for a document in the metatable of
 * the document's view, under a light userdata key no rule can make (a rule
 * sees no view's metatable, and the engine reads only its metamethods). So
 * the result lives exactly as long as the document, no table outlives a
 * unit, and the collector has nothing more to walk (a cache table costs it
 * more than the memo saves: one with weak keys is walked whole at each
 * collection, one that holds the documents of past units keeps them
 * young). */

/* Pushes the result kept under key for the document at idx (a view) and
 * returns 1, or returns 0 with nothing pushed. */
static int memo_get(lua_State *L, const void *key, int idx)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    if (lua_rawgetp(L, -1, key) != LUA_TNIL) {
        lua_remove(L, -2);
        return 1;
    }
    lua_pop(L, 2);
    return 0;
}

/* Keeps the result on top under key for the document at idx: a read-only
 * view, all the way down, that every later caller gets (sk.plan_reach), or
 * a plain table no rule ever gets (sk.activities' walk), so that no rule
 * can change what the next one sees. */
static void memo_put(lua_State *L, const void *key, int idx)
{
    if (!lua_getmetatable(L, idx))
        return;
    lua_pushvalue(L, -2);
    lua_rawsetp(L, -2, key);
    lua_pop(L, 1);
}

/* The template of small_wrap, made once per sandbox (plan_reach's upvalue
 * 2): its items are the keys "__index", "__newindex" and "__len" and the
 * functions of the read-only views' __newindex and __len, taken from a view
 * sk_sandbox_wrap made. */
enum { W_INDEX = 1, W_NEWINDEX, W_LEN, W_NEWINDEX_FN, W_LEN_FN };

static void push_wrap_template(lua_State *L)
{
    lua_createtable(L, W_LEN_FN, 0);
    int tmpl = lua_gettop(L);
    lua_pushliteral(L, "__index");
    lua_rawseti(L, tmpl, W_INDEX);
    lua_pushliteral(L, "__newindex");
    lua_rawseti(L, tmpl, W_NEWINDEX);
    lua_pushliteral(L, "__len");
    lua_rawseti(L, tmpl, W_LEN);
    lua_newtable(L);
    sk_sandbox_wrap(L, -1);
    lua_getmetatable(L, -1);
    lua_getfield(L, -1, "__newindex");
    lua_rawseti(L, tmpl, W_NEWINDEX_FN);
    lua_getfield(L, -1, "__len");
    lua_rawseti(L, tmpl, W_LEN_FN);
    lua_settop(L, tmpl);
}

/* Sets meta[tmpl[key]] = the value at idx (absolute indexes). */
static void wrap_set(lua_State *L, int meta, int tmpl, int key, int idx)
{
    lua_rawgeti(L, tmpl, key);
    lua_pushvalue(L, idx);
    lua_rawset(L, meta);
}

/* Replaces the table on top by a read-only view of it, as small as a
 * document's (luadoc.c): an empty proxy whose metatable holds __index (the
 * table) and __newindex (the read-only error, by which sandbox.c knows a
 * view), and for a list __len. sandbox.c's next, pairs, rawlen,
 * getmetatable and setmetatable give for it what they give for the views
 * sk_sandbox_wrap makes, whose metatables also hold __pairs and
 * __metatable = false (three more keys in every metatable: most of what
 * the result of sk.plan_reach allocated). tmpl: the template above. */
static void small_wrap(lua_State *L, int tmpl, int list)
{
    int inner = lua_gettop(L);
    lua_createtable(L, 0, 0);               /* inner + 1: the proxy, always empty */
    lua_createtable(L, 0, list ? 3 : 2);    /* inner + 2: its metatable */
    lua_rawgeti(L, tmpl, W_NEWINDEX_FN);    /* inner + 3 */
    wrap_set(L, inner + 2, tmpl, W_INDEX, inner);
    wrap_set(L, inner + 2, tmpl, W_NEWINDEX, inner + 3);
    if (list) {
        lua_rawgeti(L, tmpl, W_LEN_FN);
        wrap_set(L, inner + 2, tmpl, W_LEN, inner + 4);
    }
    lua_settop(L, inner + 2);
    lua_setmetatable(L, inner + 1);
    lua_replace(L, inner);
}

static void plan_reach_walk(lua_State *L, int tmpl);

/* Pushes sk.plan_reach of the value at 1: new tables, or with tmpl (the
 * template of small_wrap; 0: none) the read-only views of new tables. */
static void plan_reach(lua_State *L, int tmpl)
{
    lua_newtable(L); /* 2: reach */
    if (lua_type(L, 1) != LUA_TTABLE || lua_getfield(L, 1, "phases") != LUA_TTABLE)
        lua_settop(L, 2);
    else
        plan_reach_walk(L, tmpl);
    if (tmpl) { /* the lists, then the whole */
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            small_wrap(L, tmpl, 1);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, 2); /* an existing key: allowed while traversing */
        }
        small_wrap(L, tmpl, 0);
    }
}

/* Whether the text at idx equals one of the texts at first .. last (the
 * ids an activity named before: a few, so a scan costs less than a table). */
static int seen_before(lua_State *L, int idx, int first, int last)
{
    for (int k = first; k <= last; k++)
        if (lua_rawequal(L, k, idx))
            return 1;
    return 0;
}

/* plan_reach's walk: 1 the plan, 2 the result, 3 its phases (a table). */
static void plan_reach_walk(lua_State *L, int tmpl)
{
    for (lua_Integer p = 1; lua_rawgeti(L, lua_upvalueindex(1), p) != LUA_TNIL; p++) {
        /* 4: phase */
        sk_list acts, ids;
        lua_pushvalue(L, 4);
        lua_gettable(L, 3); /* 5: phases[phase] */
        if (lua_type(L, 5) != LUA_TTABLE) {
            lua_settop(L, 3);
            continue;
        }
        list_open(L, 5, "activities", &acts); /* 6 */
        sk_sandbox_charge(L, (lua_Unsigned)acts.n + 1); /* a loop in C */
        for (lua_Integer i = 1; i <= acts.n; i++) {
            sk_list_get(L, &acts, i); /* 7: act */
            if (!plan_active(L, 7)) {
                lua_settop(L, 6);
                continue;
            }
            lua_pushnil(L); /* 8: its entry { act, path, phase }, made when first needed */
            lua_pushnil(L); /* 9: the ids seen, a set once there are many */
            list_open(L, 7, "target_groups", &ids); /* 10 */
            sk_sandbox_charge(L, (lua_Unsigned)ids.n + 1);
            /* the keys seen are kept on the stack above 10 while they are
             * few (SCAN of them), then in the set at 9 */
            enum { SCAN = 8 };
            int nkeys = 0;
            luaL_checkstack(L, SCAN + 12, "too many target groups");
            for (lua_Integer j = 1; j <= ids.n; j++) {
                int top = 10 + nkeys;
                if (sk_list_get(L, &ids, j) == LUA_TNIL) { /* top + 1: id */
                    lua_settop(L, top);
                    continue;
                }
                luaL_tolstring(L, top + 1, NULL); /* top + 2: key */
                lua_remove(L, top + 1);           /* top + 1: key */
                int key = top + 1;
                if (lua_isnil(L, 9) ? seen_before(L, key, 11, top)
                                    : (lua_pushvalue(L, key), lua_rawget(L, 9) != LUA_TNIL)) {
                    lua_settop(L, top);
                    continue;
                }
                lua_settop(L, key);
                if (lua_isnil(L, 9) && nkeys == SCAN) { /* many: a set from now on */
                    lua_createtable(L, 0, 2 * SCAN);
                    for (int k = 11; k <= top; k++) {
                        lua_pushvalue(L, k);
                        lua_pushboolean(L, 1);
                        lua_rawset(L, -3);
                    }
                    lua_replace(L, 9);
                }
                if (!lua_isnil(L, 9)) {
                    lua_pushvalue(L, key);
                    lua_pushboolean(L, 1);
                    lua_rawset(L, 9);
                }
                if (lua_isnil(L, 8)) { /* one entry, in the list of every group it reaches */
                    lua_createtable(L, 0, 3);
                    lua_pushvalue(L, 7);
                    lua_setfield(L, -2, "act");
                    lua_createtable(L, 4, 0);
                    lua_pushliteral(L, "phases");
                    lua_rawseti(L, -2, 1);
                    lua_pushvalue(L, 4);
                    lua_rawseti(L, -2, 2);
                    lua_pushliteral(L, "activities");
                    lua_rawseti(L, -2, 3);
                    lua_pushinteger(L, i);
                    lua_rawseti(L, -2, 4);
                    if (tmpl)
                        small_wrap(L, tmpl, 1);
                    lua_setfield(L, -2, "path");
                    lua_pushvalue(L, 4);
                    lua_setfield(L, -2, "phase");
                    if (tmpl)
                        small_wrap(L, tmpl, 0);
                    lua_replace(L, 8);
                }
                lua_pushvalue(L, key);
                if (lua_rawget(L, 2) == LUA_TNIL) { /* key + 1: the list of key */
                    lua_pop(L, 1);
                    lua_newtable(L);
                    lua_pushvalue(L, key);
                    lua_pushvalue(L, -2);
                    lua_rawset(L, 2);
                }
                lua_pushvalue(L, 8);
                lua_rawseti(L, key + 1, (lua_Integer)lua_rawlen(L, key + 1) + 1);
                if (lua_isnil(L, 9)) { /* keep the key on the stack */
                    lua_settop(L, key);
                    nkeys++;
                } else {
                    lua_settop(L, top);
                }
            }
            lua_settop(L, 6);
        }
        lua_settop(L, 3);
    }
    lua_settop(L, 2);
}

/* The key of sk.plan_reach's result in a document's proxy (its address). */
static const char MEMO_REACH = 0;

/* sk.plan_reach(plan) (upvalue 1: sk.PHASES, 2: the template of
 * small_wrap): id (as text)
 * -> list of { act, path, phase }, phase by phase in order, for a document
 * or a rule's own table (anything else reaches nobody); a cancelled activity
 * reaches nobody. For a document the result is computed once, by its first
 * caller (who is charged for it), and every caller gets the same read-only
 * view of it. */
static int native_plan_reach(lua_State *L)
{
    lua_settop(L, 1);
    int memo = is_document_map(L, 1);
    if (memo && memo_get(L, &MEMO_REACH, 1))
        return 1;
    plan_reach(L, memo ? lua_upvalueindex(2) : 0);
    if (memo)
        memo_put(L, &MEMO_REACH, 1);
    return 1;
}

/* native.make_plan_reach(PHASES) -> sk.plan_reach over these phases. */
static int native_make_plan_reach(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    push_wrap_template(L);
    lua_pushcclosure(L, native_plan_reach, 2);
    return 1;
}

static const luaL_Reg NATIVE[] = {
    {"date_parts", native_date_parts},
    {"is_date", native_is_date},
    {"days", native_days},
    {"present", native_present},
    {"trim", native_trim},
    {"each", native_each},
    {"set", native_set},
    {"join", native_join},
    {"plan_groups", native_plan_groups},
    {"make_lower", native_make_lower},
    {"make_activities", native_make_activities},
    {"count", native_count},
    {"plan_status", native_plan_status},
    {"make_plan_reach", native_make_plan_reach},
    {NULL, NULL},
};

/* Pushes the table of native helpers. */
void sk_native_push(lua_State *L)
{
    luaL_newlib(L, NATIVE);
    sk_native_text_add(L);
}
