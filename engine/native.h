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

#endif
