/* native_text.c: sk's text helpers in C: the case fold of Latin, Greek and
 * Cyrillic letters (sk.fold), the words of a text (sk.words), the key a name
 * is compared by (sk.name_key), and two-way channels (sk.two_way,
 * sk.channel_survey). The tables of the code points that make words and of
 * the case folds are defined here, once. Each helper answers as the Lua code
 * it replaced (tests/native/ND-02.lua keeps that code as the reference and
 * compares them): a text is read as Lua 5.4's utf8.codes reads it (bytes
 * 0x80-0xBF where a character should begin are skipped; anything else that is
 * not UTF-8 raises "invalid UTF-8 code"), and each helper charges one
 * instruction per byte for each walk it makes over a text. */
#include "native.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>
#include <string.h>


/* The code points that are letters, digits or combining marks (Unicode
 * categories L, M, N), as sorted ranges: exact for the Latin, Greek and
 * Cyrillic blocks, the other scripts taken whole; punctuation, spaces,
 * dashes, symbols and emoji between them are not. */
typedef struct cp_range {
    uint32_t first, last;
} cp_range;
static const cp_range WORD_RANGES[] = {
    {0x30, 0x39},       {0x41, 0x5A},       {0x61, 0x7A},       {0xAA, 0xAA},     {0xB2, 0xB3},
    {0xB5, 0xB5},       {0xB9, 0xBA},       {0xC0, 0xD6},       {0xD8, 0xF6},     {0xF8, 0x2C1},
    {0x2C6, 0x2D1},     {0x2E0, 0x2E4},     {0x300, 0x374},     {0x376, 0x37D},   {0x37F, 0x37F},
    {0x386, 0x386},     {0x388, 0x3F5},     {0x3F7, 0x481},     {0x483, 0x52F},   {0x531, 0x1FFF},
    {0x2070, 0x2079},   {0x207F, 0x2089},   {0x2C00, 0x2DFF},   {0x3040, 0xD7FF}, {0xF900, 0xFDFF},
    {0xFE70, 0xFEFF},   {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},   {0xFF41, 0xFF5A}, {0xFF66, 0xFFDC},
    {0x10000, 0x1EFFF}, {0x20000, 0x3FFFF},
};

/* Simple Unicode case folding for the Latin, Greek and Cyrillic alphabets
 * (CaseFolding.txt, status C and S): Å -> å, Ö -> ö, Ł -> ł, Ŵ -> ŵ,
 * ẞ -> ß, Σ -> σ, ς -> σ, Ж -> ж, as sorted ranges. Other code points are
 * their own fold. */
enum fold_how {
    FOLD_ADD,  /* the code point plus add */
    FOLD_PAIR, /* an upper-case letter followed by its lower case: even -> odd */
    FOLD_PAIR1 /* the same, odd -> even */
};
typedef struct fold_range {
    uint32_t first, last;
    enum fold_how how;
    int32_t add;
} fold_range;
static const fold_range FOLD_RANGES[] = {
    {0x41, 0x5A, FOLD_ADD, 32},
    {0xB5, 0xB5, FOLD_ADD, 0x3BC - 0xB5}, /* µ -> μ */
    {0xC0, 0xD6, FOLD_ADD, 32},
    {0xD8, 0xDE, FOLD_ADD, 32},
    {0x100, 0x12F, FOLD_PAIR, 0},
    {0x130, 0x130, FOLD_ADD, 0x69 - 0x130}, /* İ -> i */
    {0x132, 0x137, FOLD_PAIR, 0},
    {0x139, 0x148, FOLD_PAIR1, 0},
    {0x14A, 0x177, FOLD_PAIR, 0},
    {0x178, 0x178, FOLD_ADD, 0xFF - 0x178}, /* Ÿ -> ÿ */
    {0x179, 0x17E, FOLD_PAIR1, 0},
    {0x17F, 0x17F, FOLD_ADD, 0x73 - 0x17F}, /* ſ -> s */
    {0x386, 0x386, FOLD_ADD, 0x3AC - 0x386},
    {0x388, 0x38A, FOLD_ADD, 0x3AD - 0x388},
    {0x38C, 0x38C, FOLD_ADD, 0x3CC - 0x38C},
    {0x38E, 0x38F, FOLD_ADD, 0x3CD - 0x38E},
    {0x391, 0x3A1, FOLD_ADD, 32},
    {0x3A3, 0x3AB, FOLD_ADD, 32},
    {0x3C2, 0x3C2, FOLD_ADD, 1}, /* ς -> σ */
    {0x400, 0x40F, FOLD_ADD, 80},
    {0x410, 0x42F, FOLD_ADD, 32},
    {0x460, 0x481, FOLD_PAIR, 0},
    {0x48A, 0x4BF, FOLD_PAIR, 0},
    {0x4D0, 0x52F, FOLD_PAIR, 0},
    {0x1E00, 0x1E95, FOLD_PAIR, 0},
    {0x1E9E, 0x1E9E, FOLD_ADD, 0xDF - 0x1E9E}, /* ẞ -> ß */
    {0x1EA0, 0x1EFF, FOLD_PAIR, 0},
};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

static int is_word_code(uint32_t c)
{
    size_t lo = 0, hi = COUNT(WORD_RANGES);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < WORD_RANGES[mid].first)
            hi = mid;
        else if (c > WORD_RANGES[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static uint32_t fold_code(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    size_t lo = 0, hi = COUNT(FOLD_RANGES);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const fold_range *r = &FOLD_RANGES[mid];
        if (c < r->first)
            hi = mid;
        else if (c > r->last)
            lo = mid + 1;
        else if (r->how == FOLD_PAIR)
            return c % 2 == 0 ? c + 1 : c;
        else if (r->how == FOLD_PAIR1)
            return c % 2 == 1 ? c + 1 : c;
        else
            return (uint32_t)((int32_t)c + r->add);
    }
    return c;
}

/* The next code point of s (n bytes) from *pos, as utf8.codes walks a text:
 * continuation bytes where a character should begin are skipped. 1 and *cp
 * set, 0 at the end, or raises "invalid UTF-8 code". */
static int next_code(lua_State *L, const unsigned char *s, size_t n, size_t *pos, uint32_t *cp)
{
    size_t i = *pos;
    while (i < n && (s[i] & 0xC0) == 0x80)
        i++;
    if (i >= n)
        return 0;
    if (!sk_utf8_decode(s + i, n - i, cp))
        return luaL_error(L, "invalid UTF-8 code");
    *pos = i + 1;
    return 1;
}

/* Writes the UTF-8 form of c (at most U+10FFFF) at out; its length. */
static size_t encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Whether s (n bytes) has a byte outside ASCII; charged one step a byte. */
static int is_wide(lua_State *L, const char *s, size_t n)
{
    sk_native_charge_text(L, n);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

/* Scratch for a text's folded form: no code point's fold is longer than
 * its own UTF-8 form, so n bytes plus a separator per code point's worth
 * never overflow n + 1. Small texts use the C stack, long ones a userdata
 * the collector frees (pushed on the stack). */
typedef struct scratch {
    char small[256];
    char *buf;
    size_t cap;
} scratch;

static char *scratch_get(lua_State *L, scratch *sc, size_t n)
{
    sc->cap = n + 1;
    sc->buf = sc->cap <= sizeof sc->small ? sc->small : lua_newuserdatauv(L, sc->cap, 0);
    return sc->buf;
}

/* The fold of s (n bytes) into out (n bytes at least); its length. */
static size_t fold_into(lua_State *L, const char *s, size_t n, char *out)
{
    if (!is_wide(L, s, n)) { /* string.lower of an ASCII text */
        for (size_t i = 0; i < n; i++)
            out[i] = (char)fold_code((unsigned char)s[i]);
        return n;
    }
    sk_sandbox_charge(L, n); /* the walk over the code points */
    size_t pos = 0, o = 0;
    uint32_t c;
    while (next_code(L, (const unsigned char *)s, n, &pos, &c)) {
        char enc[4];
        size_t len = encode(fold_code(c), enc);
        if (o + len > n)
            luaL_error(L, "sk.fold: a fold longer than its text"); /* cannot happen: see scratch */
        memcpy(out + o, enc, len);
        o += len;
    }
    return o;
}

/* Pushes the fold of s (n bytes). */
static void push_fold(lua_State *L, const char *s, size_t n)
{
    scratch sc;
    char *out = scratch_get(L, &sc, n);
    size_t len = fold_into(L, s, n, out);
    lua_pushlstring(L, out, len);
    if (out != sc.small)
        lua_remove(L, -2); /* the userdata */
}

/* sk.fold(s): the case fold of tostring(s). */
static int native_fold(lua_State *L)
{
    size_t n;
    const char *s = luaL_tolstring(L, 1, &n);
    push_fold(L, s, n);
    return 1;
}

/* sk.name_key(s): tostring(s) without leading and trailing spaces, folded. */
static int native_name_key(lua_State *L)
{
    size_t n;
    const char *s = luaL_tolstring(L, 1, &n);
    s = sk_native_trim(L, s, &n);
    push_fold(L, s, n);
    return 1;
}

/* The words of s (n bytes), folded, into out: each followed by a '\0' (no
 * word has one: U+0000 is not a word's code point), charged one step a byte.
 * Returns the bytes written. */
static size_t words_into(lua_State *L, const char *s, size_t n, char *out)
{
    sk_native_charge_text(L, n);
    size_t pos = 0, o = 0, start = 0;
    uint32_t c;
    while (next_code(L, (const unsigned char *)s, n, &pos, &c)) {
        if (is_word_code(c)) {
            char enc[4];
            size_t len = encode(fold_code(c), enc);
            if (o + len + 1 > n + 1)
                luaL_error(L, "sk.words: a fold longer than its text"); /* cannot happen */
            memcpy(out + o, enc, len);
            o += len;
        } else if (o > start) {
            out[o++] = '\0';
            start = o;
        }
    }
    if (o > start)
        out[o++] = '\0';
    return o;
}

/* sk.words(s): a new list of the folded words of s; empty when s is not a
 * string. */
static int native_words(lua_State *L)
{
    lua_settop(L, 1);
    if (lua_type(L, 1) != LUA_TSTRING) {
        lua_newtable(L);
        return 1;
    }
    size_t n;
    const char *s = lua_tolstring(L, 1, &n);
    scratch sc;
    char *out = scratch_get(L, &sc, n);
    size_t len = words_into(L, s, n, out);
    lua_newtable(L);
    lua_Integer k = 0;
    for (size_t i = 0; i < len;) {
        size_t wl = strlen(out + i);
        lua_pushlstring(L, out + i, wl);
        lua_rawseti(L, -2, ++k);
        i += wl + 1;
    }
    return 1;
}

/* Pushes a new list of the folded stems of the value at idx (nil or false:
 * the default list at dflt), those sk.present says are there, as sk.lua's
 * two_way made it. */
static void push_folded_stems(lua_State *L, int idx, int dflt)
{
    idx = lua_absindex(L, idx);
    sk_list l;
    sk_list_push(L, lua_toboolean(L, idx) ? idx : dflt, &l);
    lua_newtable(L);
    int out = lua_gettop(L);
    lua_Integer k = 0;
    for (lua_Integer i = 1; i <= l.n; i++) {
        sk_sandbox_charge(L, 1); /* the loop */
        if (sk_list_get(L, &l, i) != LUA_TNIL && sk_native_present_at(L, -1)) {
            size_t sn;
            const char *stem = luaL_tolstring(L, -1, &sn);
            push_fold(L, stem, sn);
            lua_rawseti(L, out, ++k);
            lua_pop(L, 1); /* tostring's */
        }
        lua_pop(L, 1);
    }
    lua_remove(L, out - 1); /* the list */
}

/* Whether a word of name (a string, else no word) begins with one of the
 * folded stems in the list at stems. */
static int is_two_way(lua_State *L, int name, int stems)
{
    if (lua_type(L, name) != LUA_TSTRING)
        return 0;
    size_t n;
    const char *s = lua_tolstring(L, name, &n);
    scratch sc;
    char *out = scratch_get(L, &sc, n);
    size_t len = words_into(L, s, n, out); /* every word first: an error anywhere raises */
    lua_Integer nstems = (lua_Integer)lua_rawlen(L, stems);
    int found = 0;
    for (size_t i = 0; i < len && !found;) {
        size_t wl = strlen(out + i);
        for (lua_Integer j = 1; j <= nstems && !found; j++) {
            size_t sl;
            lua_rawgeti(L, stems, j);
            const char *stem = lua_tolstring(L, -1, &sl);
            found = sl <= wl && memcmp(out + i, stem, sl) == 0;
            lua_pop(L, 1);
        }
        i += wl + 1;
    }
    if (out != sc.small)
        lua_pop(L, 1);
    return found;
}

/* sk.two_way(name, stems); upvalue 1: sk.TWO_WAY_STEMS. */
static int native_two_way(lua_State *L)
{
    lua_settop(L, 2);
    push_folded_stems(L, 2, lua_upvalueindex(1)); /* 3 */
    lua_pushboolean(L, is_two_way(L, 1, 3));
    return 1;
}

/* sk.channel_survey(names, stems); upvalue 1: sk.TWO_WAY_STEMS. The stems
 * are folded once, when the first name is tested. */
static int native_channel_survey(lua_State *L)
{
    lua_settop(L, 2);
    lua_pushnil(L);   /* 3: the folded stems, when made */
    lua_newtable(L);  /* 4: seen */
    lua_newtable(L);  /* 5: channels */
    int two_way = 0;
    lua_Integer k = 0;
    for (lua_Integer i = 1;; i++) { /* ipairs(names) */
        sk_sandbox_charge(L, 1);
        if (lua_geti(L, 1, i) == LUA_TNIL)
            break;
        if (lua_type(L, 6) == LUA_TSTRING && sk_native_present_at(L, 6)) {
            if (!two_way) {
                if (lua_isnil(L, 3)) {
                    push_folded_stems(L, 2, lua_upvalueindex(1));
                    lua_replace(L, 3);
                }
                two_way = is_two_way(L, 6, 3);
            }
            size_t n;
            const char *c = lua_tolstring(L, 6, &n);
            push_fold(L, c, n); /* 7: key */
            lua_pushvalue(L, 7);
            if (lua_rawget(L, 4) == LUA_TNIL) {
                lua_pushvalue(L, 7);
                lua_pushboolean(L, 1);
                lua_rawset(L, 4);
                lua_pushvalue(L, 6);
                lua_rawseti(L, 5, ++k);
            }
        }
        lua_settop(L, 5);
    }
    lua_settop(L, 5);
    lua_pushboolean(L, two_way);
    lua_insert(L, -2);
    return 2;
}

/* native.make_two_way(TWO_WAY_STEMS) -> two_way, channel_survey. */
static int native_make_two_way(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, native_two_way, 1);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, native_channel_survey, 1);
    return 2;
}

static const luaL_Reg NATIVE_TEXT[] = {
    {"fold", native_fold},
    {"words", native_words},
    {"name_key", native_name_key},
    {"make_two_way", native_make_two_way},
    {NULL, NULL},
};

void sk_native_text_add(lua_State *L)
{
    luaL_setfuncs(L, NATIVE_TEXT, 0);
}
