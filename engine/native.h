/* native.h: what sandbox.c lends native.c, the helpers of sk.lua in C. */
#ifndef SK_NATIVE_H
#define SK_NATIVE_H

#include "internal.h"

#include <lua.h>

/* Charges n instructions of work done in C to the current rule call; raises
 * the budget stop when they are more than what is left. */
void sk_sandbox_charge(lua_State *L, lua_Unsigned n);
/* The cost of a Lua pattern on a text of n bytes, as string.find and its
 * kin are charged: its exponent (unbounded quantifiers, plus one when not
 * anchored), then about n^e / e! steps. */
int sk_sandbox_pattern_exponent(const char *p, size_t plen);
double sk_sandbox_pattern_cost(int exponent, size_t n);
/* Charges the steps of pattern p on a text of n bytes, or stops the rule
 * with a message naming p when they are more than the whole budget. */
void sk_sandbox_charge_steps(lua_State *L, const char *p, double steps, size_t n);
/* Whether the value at idx is a read-only view; if so its inner table is
 * pushed and *n set to its length (__n, else the inner table's). */
int sk_sandbox_view(lua_State *L, int idx, lua_Integer *n);

/* Pushes the table of sk.lua's native helpers (native.c). */
void sk_native_push(lua_State *L);

/* ---- what native.c lends native_text.c ---- */

/* Charges a helper's walk over a text of n bytes: one instruction per byte
 * (and one for the call), what the walk costs in C. Not what the Lua pattern
 * it replaced was estimated at: "^%s*(.-)%s*$" was charged n^3/6 steps, so
 * comparing a few dozen service names stopped a rule that takes microseconds. */
void sk_native_charge_text(lua_State *L, size_t n);

/* A list a helper walks: a view's inner table (plain: read with rawgeti,
 * its length __n) or any other table (read with its metamethods, as Lua
 * code would: #list once, then list[i]); anything else is an empty list. */
typedef struct sk_list {
    int idx; /* the table on the stack (nil for an empty list) */
    int plain;
    lua_Integer n;
} sk_list;
/* Pushes the list of the value at idx and fills *l. */
void sk_list_push(lua_State *L, int idx, sk_list *l);
/* Pushes item i of the list; returns its type. */
int sk_list_get(lua_State *L, const sk_list *l, lua_Integer i);
/* Whether the value at idx is present, as sk.present says: not nil, not
 * false, not a blank string, not an empty table (seen through a read-only
 * view, as next() does). Leaves the stack as it was. */
int sk_native_present_at(lua_State *L, int idx);

/* s (n bytes) without leading and trailing spaces, as ^%s*(.-)%s*$
 * captures it, charged as that match was; *n becomes the trimmed length. */
const char *sk_native_trim(lua_State *L, const char *s, size_t *n);

/* Adds sk.lua's native text helpers (native_text.c) to the table on top. */
void sk_native_text_add(lua_State *L);

#endif
