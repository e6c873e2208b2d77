/* sandbox.c: the lua_State a rule runs in. Only allow-listed libraries are
 * reachable (base without dofile/loadfile/collectgarbage, string without
 * dump, table, math without random, utf8, and sk); globals and libraries are
 * read-only views; only source chunks load; every rule call has an
 * instruction budget (a count hook) and a memory cap (the allocator). */
#include "internal.h"
#include "native.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern const char sk_lua_source[];
extern const size_t sk_lua_source_size;

#define HOOK_STEP 1000 /* instructions between budget checks */
#define ENV_KEY "startklar.env"

static sk_sandbox *sandbox_of(lua_State *L)
{
    return *(sk_sandbox **)lua_getextraspace(L);
}

/* ---- memory: every byte counted, a cap per call --------------------------- */

/* Lua allocates and frees many small objects per unit (three tables per
 * document map or list, strings, closures, a rule's own tables): blocks of
 * up to 256 bytes come from free lists per size, carved out of big chunks,
 * at a fraction of the cost of malloc and free. The chunks are bounded;
 * beyond them (or when a block shrinks into a small size) malloc serves, and
 * the heap remembers that it must tell its blocks from malloc's on free. */
#define HEAP_GRAIN 16 /* block sizes are multiples of it; chunks keep its alignment */
#define HEAP_CLASSES 16 /* blocks of 16, 32, ... 256 bytes */
#define HEAP_CHUNK ((size_t)1 << 20)
#define HEAP_CHUNKS 16 /* at most 16 MB held in chunks */

typedef struct lua_heap {
    sk_sandbox *sb;
    void *avail[HEAP_CLASSES]; /* freed blocks of each size, linked through their first word */
    char *chunk[HEAP_CHUNKS];
    int nchunks;
    size_t bump;    /* bytes given out of the newest chunk */
    int foreign;    /* some small block came from malloc */
    int refused;    /* the last request that was not a free was refused: */
    void *refused_ptr; /* its block */
    size_t refused_size; /* and its size */
} lua_heap;

/* Under AddressSanitizer every block goes to malloc, so that a use after
 * free inside a lua_State is still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_POOLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_POOLED 0
#endif
#endif
#ifndef HEAP_POOLED
#define HEAP_POOLED 1
#endif

static int heap_small(size_t size)
{
    return HEAP_POOLED && size > 0 && size <= HEAP_GRAIN * HEAP_CLASSES;
}

static size_t heap_class(size_t size)
{
    return (size - 1) / HEAP_GRAIN;
}

static void *heap_get(lua_heap *h, size_t size)
{
    if (!heap_small(size))
        return malloc(size);
    size_t c = heap_class(size), bytes = (c + 1) * HEAP_GRAIN;
    void *p = h->avail[c];
    if (p) {
        memcpy(&h->avail[c], p, sizeof p); /* its successor */
        return p;
    }
    if (h->nchunks == 0 || h->bump + bytes > HEAP_CHUNK) {
        char *chunk = h->nchunks < HEAP_CHUNKS ? malloc(HEAP_CHUNK) : NULL;
        if (!chunk) {
            h->foreign = 1;
            return malloc(bytes);
        }
        h->chunk[h->nchunks++] = chunk;
        h->bump = 0;
    }
    p = h->chunk[h->nchunks - 1] + h->bump;
    h->bump += bytes;
    return p;
}

static int heap_owns(const lua_heap *h, const void *p)
{
    for (int i = 0; i < h->nchunks; i++)
        if ((const char *)p >= h->chunk[i] && (const char *)p < h->chunk[i] + HEAP_CHUNK)
            return 1;
    return 0;
}

static void heap_put(lua_heap *h, void *p, size_t size)
{
    if (!heap_small(size) || (h->foreign && !heap_owns(h, p))) {
        free(p);
        return;
    }
    size_t c = heap_class(size);
    memcpy(p, &h->avail[c], sizeof p);
    h->avail[c] = p;
}

/* Whether a new block is a short string (up to 40 bytes: a header of 24
 * bytes, the text and its NUL; Lua tags every new string LUA_TSTRING). Lua
 * interns short strings and brings a dead one back to life instead of
 * allocating it anew, depending on whether the collector has freed it yet:
 * they are left out of a call's count (the budget bounds how many a call
 * makes, the state's cap what they hold). A long string of a few bytes more
 * may be left out too, which changes nothing. */
#define SHORT_STRING(ptr, osize, nsize) (!(ptr) && (osize) == LUA_TSTRING && (nsize) <= 72)

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    lua_heap *h = ud;
    sk_sandbox *sb = h->sb;
    size_t old = ptr ? osize : 0; /* without ptr, osize tells the object's type */
    if (nsize == 0) {
        if (ptr)
            heap_put(h, ptr, old);
        sb->used -= old;
        return NULL;
    }
    if (nsize > old) {
        /* a call's cap counts what it allocated, not what is live: Lua
         * answers a refusal with an emergency collection, and a cap on live
         * bytes would give a verdict that depends on how much garbage there
         * was (and so on the units checked before, and on --jobs) */
        if (nsize - old > sb->call_memory - sb->allocated && !SHORT_STRING(ptr, osize, nsize)) {
            sb->out_of_memory = 1;
            return NULL;
        }
        /* the state's cap is on live bytes: a refusal the emergency
         * collection makes good (Lua asks once more: the same growth, with
         * only frees and shrinks between) is no verdict; a second refusal,
         * or a refusal not asked again (it raised), is */
        int again = h->refused && h->refused_ptr == ptr && h->refused_size == nsize;
        if (h->refused && !again)
            sb->out_of_memory = 1;
        h->refused = 0;
        if (sb->used - old + nsize > sb->limit) {
            if (again)
                sb->out_of_memory = 1;
            else
                h->refused = 1, h->refused_ptr = ptr, h->refused_size = nsize;
            return NULL;
        }
    }
    void *p;
    if (!ptr) {
        p = heap_get(h, nsize);
    } else if (heap_small(old) && heap_small(nsize) && heap_class(old) == heap_class(nsize)) {
        p = ptr; /* the block has room */
    } else if (!heap_small(old) && !heap_small(nsize)) {
        p = realloc(ptr, nsize);
    } else if (!heap_small(old) && nsize < old) {
        /* a malloc'd block shrinking into a small size stays malloc's */
        p = realloc(ptr, nsize);
        if (p)
            h->foreign = 1;
    } else {
        p = heap_get(h, nsize);
        if (p) {
            memcpy(p, ptr, old < nsize ? old : nsize);
            heap_put(h, ptr, old);
        }
    }
    if (p) {
        sb->used = sb->used - old + nsize;
        if (nsize > old && !SHORT_STRING(ptr, osize, nsize))
            sb->allocated += nsize - old;
    }
    return p;
}

/* ---- instructions and wall time: a count hook that cannot be swallowed ---- */

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void budget_hook(lua_State *L, lua_Debug *ar);

/* Marks the call stopped for good: from now on every instruction fails, so
 * a pcall inside the rule cannot catch the error and go on. */
static void mark_stopped(lua_State *L, sk_sandbox *sb, int why)
{
    if (sb->stopped)
        return;
    sb->stopped = why;
    if (why == SK_STOP_BUDGET)
        sk_sandbox_record_stop(sb, sb->budget == 1 ? "rule stopped: it ran more than %lu instruction"
                                                   : "rule stopped: it ran more than %lu instructions",
                               sb->budget);
    else if (why == SK_STOP_TIME)
        sk_sandbox_record_stop(sb, "rule stopped: it ran for more than %lu ms", sb->limits->rule_time_ms);
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
}

/* Raises the stop of the current call, naming the line the rule was at (ar,
 * when the hook has it: the loop that did not end). */
static int raise_stop(lua_State *L, sk_sandbox *sb, lua_Debug *ar)
{
    char where[256] = "";
    if (ar && lua_getinfo(L, "Sl", ar) && ar->source[0] == '@' && ar->currentline > 0)
        snprintf(where, sizeof where, "%s:%d: ", ar->source + 1, ar->currentline);
    return luaL_error(L, "%s%s", where, sb->stop.message ? sb->stop.message : "rule stopped");
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    sk_sandbox *sb = sandbox_of(L);
    if (ar->event == LUA_HOOKLINE) { /* test --coverage: a line ran */
        sb->watch->line(sb->watch->ud, L, ar);
        return;
    }
    /* watched, every instruction is counted; the clock is still read only
     * every HOOK_STEP instructions (--timing would otherwise pay for it) */
    sb->spent += sb->stopped || sb->watch ? 1 : HOOK_STEP;
    if (!sb->stopped && sb->spent > sb->budget)
        mark_stopped(L, sb, SK_STOP_BUDGET);
    else if (!sb->stopped && sb->deadline && sb->spent >= sb->clock_at) {
        sb->clock_at = sb->spent + HOOK_STEP;
        if (now_ns() > sb->deadline)
            mark_stopped(L, sb, SK_STOP_TIME);
    }
    if (sb->stopped)
        raise_stop(L, sb, ar);
}

void sk_sandbox_record_stop(sk_sandbox *sb, const char *fmt, ...)
{
    if (sb->stop.message)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (sk_error_setv(&sb->stop, fmt, ap))
        sk_error_clear(&sb->stop); /* out of memory: "rule stopped", no reason */
    va_end(ap);
}

int sk_sandbox_stop(lua_State *L, int why)
{
    sk_sandbox *sb = sandbox_of(L);
    mark_stopped(L, sb, why);
    return raise_stop(L, sb, NULL);
}

/* Charges n instructions of work done in C, where the hook never fires (a
 * table.move over 2^62 indexes would otherwise never end). */
void sk_sandbox_charge(lua_State *L, lua_Unsigned n)
{
    sk_sandbox *sb = sandbox_of(L);
    if (!sb->stopped && n <= sb->budget - (sb->spent < sb->budget ? sb->spent : sb->budget)) {
        sb->spent += (unsigned long)n;
        return;
    }
    mark_stopped(L, sb, SK_STOP_BUDGET);
    raise_stop(L, sb, NULL);
}

/* ---- library functions that loop in C, where the count hook never fires ---- */

/* Calls upvalue 1 (the library's own function) with the arguments as given. */
static int call_original(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* Charges the items first..last of a loop in C (nothing when last < first). */
static void charge_range(lua_State *L, lua_Integer first, lua_Integer last)
{
    if (last >= first)
        sk_sandbox_charge(L, (lua_Unsigned)last - (lua_Unsigned)first + 1);
}

/* table.move(a1, f, e, t [, a2]): one instruction per element moved. */
static int sandbox_move(lua_State *L)
{
    charge_range(L, luaL_checkinteger(L, 2), luaL_checkinteger(L, 3));
    return call_original(L);
}

/* table.concat(t [, sep [, i [, j]]]) and table.unpack(t [, i [, j]]): one
 * instruction per item (an __index function and j = math.maxinteger would
 * otherwise loop for ever). upvalue 2: the position of i. */
static int sandbox_range(lua_State *L)
{
    int at = (int)lua_tointeger(L, lua_upvalueindex(2));
    if (lua_type(L, 1) == LUA_TTABLE) {
        lua_Integer i = luaL_optinteger(L, at, 1);
        lua_Integer j = lua_isnoneornil(L, at + 1) ? luaL_len(L, 1) : luaL_checkinteger(L, at + 1);
        charge_range(L, i, j);
    }
    return call_original(L);
}

/* table.insert(t, pos, v) and table.remove(t, pos) shift the items after
 * pos in C, table.sort(t) compares about n log n times: one instruction per
 * item shifted or compared. upvalue 2: SHIFT_*. */
enum { SHIFT_INSERT, SHIFT_REMOVE, SHIFT_SORT };
static int sandbox_shift(lua_State *L)
{
    int how = (int)lua_tointeger(L, lua_upvalueindex(2)), top = lua_gettop(L);
    if (lua_type(L, 1) == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, 1);
        if (how == SHIFT_SORT && n > 1) {
            lua_Integer log = 1;
            while (log < 62 && ((lua_Integer)1 << log) < n)
                log++;
            sk_sandbox_charge(L, (lua_Unsigned)n * (lua_Unsigned)log);
        } else if ((how == SHIFT_INSERT && top == 3) || (how == SHIFT_REMOVE && top >= 2)) {
            if (lua_isinteger(L, 2)) /* table.insert(t, v) and remove(t) shift nothing */
                charge_range(L, lua_tointeger(L, 2), n);
        }
    }
    return call_original(L);
}

/* string.rep(s, n [, sep]): Lua loops n times even when s and sep are
 * empty, so string.rep("", math.maxinteger) never ends: an empty result is
 * given at once. Any other result holds at least n bytes, which the memory
 * cap bounds; its copies are charged one instruction per 16. */
static int sandbox_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    sk_sandbox_charge(L, (lua_Unsigned)n / 16);
    return call_original(L);
}

/* ---- patterns: matching runs in C, where the count hook never fires ---------- */

/* A pessimistic number of steps a Lua pattern may take on a text of n bytes.
 * Each unbounded quantifier (* + -) may retry over the text, and so may a
 * balance %bxy (it scans for the closing y) and a back-reference %1-%9 (it
 * compares a capture as long as the text); a pattern that is not anchored
 * with ^ is tried from every position: about n^e / e! steps for e such
 * retries. ('a'):rep(1e5):find('.-.-.-b') is about 4e18 steps: without this,
 * a rule could stop the whole run. */
int sk_sandbox_pattern_exponent(const char *p, size_t plen)
{
    int e = plen && p[0] == '^' ? 0 : 1;
    for (size_t i = 0; i < plen; i++) {
        if (p[i] == '%') {
            if (i + 1 < plen && (p[i + 1] == 'b' || (p[i + 1] >= '1' && p[i + 1] <= '9')))
                e++;
            i += i + 1 < plen && p[i + 1] == 'b' ? 3 : 1; /* %x, or %bxy */
        } else if (p[i] == '[') {
            i += i + 1 < plen && p[i + 1] == '^' ? 2 : 1;
            i += i < plen && p[i] == ']' ? 1 : 0; /* a ']' first is literal */
            while (i < plen && p[i] != ']')
                i += p[i] == '%' ? 2 : 1;
        } else if (p[i] == '*' || p[i] == '+' || p[i] == '-') {
            e++;
        }
    }
    return e;
}

double sk_sandbox_pattern_cost(int e, size_t n)
{
    double steps = 1, fact = 1;
    for (int i = 1; i <= e; i++) {
        steps *= (double)n + 1;
        fact *= i;
    }
    return steps / fact + (double)n;
}

/* Each step of the matcher may walk the whole pattern (a long literal, a set
 * of many ranges): a pattern longer than 32 bytes costs plen / 32 times as
 * much. gmatch takes ^ as a plain character, so its pattern is tried from
 * every position. */
static double pattern_steps(const char *p, size_t plen, size_t n, int plain, int gmatch)
{
    if (plain)
        return (double)n + 1;
    int e = sk_sandbox_pattern_exponent(p, plen);
    if (gmatch && plen && p[0] == '^')
        e++;
    double cost = sk_sandbox_pattern_cost(e, n);
    return plen > 32 ? cost * ((double)plen / 32.0) : cost;
}

/* Charges steps for a match of pattern p on a text of n bytes, or stops the
 * rule with a message that says why when they are more than the whole budget. */
void sk_sandbox_charge_steps(lua_State *L, const char *p, double steps, size_t n)
{
    sk_sandbox *sb = sandbox_of(L);
    if (steps > (double)sb->budget) {
        sk_sandbox_record_stop(sb, n == 1 ? "rule stopped: the pattern '%.40s' could take %.0e steps on a "
                                            "text of %zu byte, more than the rule's budget"
                                          : "rule stopped: the pattern '%.40s' could take %.0e steps on a "
                                            "text of %zu bytes, more than the rule's budget",
                               p, steps, n);
        sk_sandbox_stop(L, SK_STOP_PATTERN);
    }
    sk_sandbox_charge(L, (lua_Unsigned)steps);
}

/* string.find, match, gmatch, gsub: each pattern step counts as one
 * instruction of the rule's budget, charged before the match starts; a
 * pattern that could take more than the whole budget on its own is refused
 * with a message that says why. upvalue 2: 1 for find (whose 4th argument
 * turns patterns off), 2 for gmatch. */
static int charged_pattern(lua_State *L)
{
    size_t n, plen;
    const char *s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &n) : NULL;
    const char *p = lua_type(L, 2) == LUA_TSTRING ? lua_tolstring(L, 2, &plen) : NULL;
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    if (s && p)
        sk_sandbox_charge_steps(L, p, pattern_steps(p, plen, n, kind == 1 && lua_toboolean(L, 4), kind == 2), n);
    return call_original(L);
}

/* The message handler of a rule call: a traceback, never a call into the
 * error object's own metamethods (a __tostring that throws must not escape). */
static int message_handler(lua_State *L)
{
    sk_sandbox *sb = sandbox_of(L);
    sb->call_memory = SIZE_MAX; /* room to build the message */
    const char *msg = lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER
                          ? lua_tostring(L, 1)
                          : lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int sk_sandbox_call(sk_sandbox *sb, int nargs, int nresults)
{
    lua_State *L = sb->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    void *ud;
    lua_getallocf(L, &ud);
    lua_heap *heap = ud;
    sb->spent = 0;
    sb->stopped = SK_STOP_NONE;
    sk_error_clear(&sb->stop);
    sb->out_of_memory = 0;
    heap->refused = 0;
    sb->allocated = 0;
    sb->call_memory = sb->limits->rule_memory;
    unsigned long ms = sb->limits->rule_time_ms;
    sb->deadline = ms ? now_ns() + (long long)ms * 1000000LL : 0;
    sb->clock_at = HOOK_STEP;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT | (sb->watch && sb->watch->line ? LUA_MASKLINE : 0),
                sb->watch ? 1 : HOOK_STEP);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_sethook(L, NULL, 0, 0);
    if (heap->refused) /* refused and not asked again: it raised */
        sb->out_of_memory = 1;
    heap->refused = 0;
    sb->call_memory = SIZE_MAX;
    sb->deadline = 0;
    lua_remove(L, base);
    if (sb->out_of_memory && !sb->stopped)
        sk_sandbox_record_stop(sb, "rule stopped: it allocated more than %d MB",
                               (int)(sb->limits->rule_memory >> 20));
    if (status == LUA_OK && (sb->stopped || sb->out_of_memory)) {
        /* the rule caught the stop with pcall and returned: still a stop */
        lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
        lua_pushstring(L, sb->stop.message ? sb->stop.message : "rule stopped");
        status = LUA_ERRRUN;
    } else if (status != LUA_OK && sb->out_of_memory && !sb->stopped) {
        /* Lua's own "not enough memory" (and its traceback) after the stop's reason */
        lua_pushfstring(L, "%s\n%s", sb->stop.message ? sb->stop.message : "rule stopped",
                        lua_tostring(L, -1));
        lua_remove(L, -2);
    }
    return status;
}

/* ---- read-only views -------------------------------------------------------- */

static int ro_newindex(lua_State *L)
{
    return luaL_error(L, "attempt to change a read-only value (key '%s')",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
}

static int env_newindex(lua_State *L)
{
    return luaL_error(L, "rules may not set the global '%s' (declare it local)",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
}

/* The keys of a view's metatable that C reads: pushed from the registry,
 * where build_sandbox keeps them interned (no string lookup by C text, which
 * costs a strcmp each time), and read raw (a rule's own metatable with an
 * __index of its own is not run from here). */
enum { META_INDEX, META_NEWINDEX, META_N, META_KEYS };
static const char *const META_KEY_NAMES[META_KEYS] = {"__index", "__newindex", "__n"};

/* Pushes meta[key] for the metatable at the absolute index meta; returns its type. */
static int meta_get(lua_State *L, int meta, int key)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, sandbox_of(L)->meta_keys[key]);
    return lua_rawget(L, meta);
}

/* Whether the table at idx is a read-only view: its metatable is left on
 * the stack when it is (1), nothing when it is not (0). */
static int view_meta(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    int meta = lua_gettop(L);
    meta_get(L, meta, META_NEWINDEX);
    lua_CFunction f = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    if (f != ro_newindex && f != env_newindex) {
        lua_pop(L, 1);
        return 0;
    }
    return 1;
}

int sk_sandbox_inner(lua_State *L, int idx)
{
    if (!view_meta(L, idx))
        return 0;
    int meta = lua_gettop(L);
    meta_get(L, meta, META_INDEX);
    lua_replace(L, meta);
    return 1;
}

/* Whether the value at idx is a read-only view; if so its inner table is
 * pushed and *n set to its length (what ro_len says: __n, else the inner
 * table's), so that C can walk it without a metamethod per item. */
int sk_sandbox_view(lua_State *L, int idx, lua_Integer *n)
{
    if (!view_meta(L, idx))
        return 0;
    int meta = lua_gettop(L);
    int has_n = meta_get(L, meta, META_N) == LUA_TNUMBER;
    meta_get(L, meta, META_INDEX);
    *n = has_n ? lua_tointeger(L, -2) : (lua_Integer)lua_rawlen(L, -1);
    lua_replace(L, meta);
    lua_settop(L, meta);
    return 1;
}

/* #view: __n, else the inner table's length. (Lua passes the view twice.) */
static int ro_len(lua_State *L)
{
    lua_getmetatable(L, 1);
    int meta = lua_gettop(L);
    if (meta_get(L, meta, META_N) == LUA_TNUMBER)
        return 1;
    lua_pop(L, 1);
    meta_get(L, meta, META_INDEX);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

/* next() that sees through read-only views: pairs(), next(), sk.present. */
static int sandbox_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (sk_sandbox_inner(L, 1))
        lua_replace(L, 1);
    if (lua_next(L, 1))
        return 2;
    lua_pushnil(L);
    return 1;
}

static int ro_pairs(lua_State *L)
{
    lua_pushcfunction(L, sandbox_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* A document's views (luadoc.c) have only the metatable fields the VM
 * needs (__index, __newindex, and __len for a list): these three base
 * functions know every view by its __newindex, and give what __pairs and
 * __metatable = false give the other views. They stand in the real globals
 * too, so a traceback names them as it named the base library's. */

/* pairs(t): a view's items through next that sees through it; for any
 * other value what the base library's pairs does (upvalue 1: its next). */
static int sandbox_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (view_meta(L, 1)) {
        lua_pop(L, 1);
        return ro_pairs(L);
    }
    if (luaL_getmetafield(L, 1, "__pairs") == LUA_TNIL) {
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_pushvalue(L, 1);
        lua_pushnil(L);
    } else {
        lua_pushvalue(L, 1); /* a rule's own __pairs, called as the base library calls it */
        lua_call(L, 1, 3);
    }
    return 3;
}

/* getmetatable(v): false for a view; the base library's (upvalue 1) for
 * any other value. */
static int sandbox_getmetatable(lua_State *L)
{
    luaL_checkany(L, 1);
    if (view_meta(L, 1)) {
        lua_pushboolean(L, 0);
        return 1;
    }
    return call_original(L);
}

static void push_proxy_meta(lua_State *L, int inner, lua_CFunction newindex)
{
    inner = lua_absindex(L, inner);
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, inner);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, ro_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, ro_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
}

void sk_sandbox_wrap(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_createtable(L, 0, 0);
    push_proxy_meta(L, idx, ro_newindex);
    lua_setmetatable(L, -2);
}

static void readonly_deep(lua_State *L, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    if (depth < 8) {
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            if (lua_type(L, -1) == LUA_TTABLE && !sk_sandbox_inner(L, -1)) {
                readonly_deep(L, -1, depth + 1);
                lua_pushvalue(L, -3);
                lua_insert(L, -2);
                lua_rawset(L, idx); /* replace the nested table by its view */
            } else if (lua_type(L, -1) == LUA_TTABLE) {
                lua_pop(L, 1); /* the inner pushed by sk_sandbox_inner */
            }
            lua_pop(L, 1);
        }
    }
    sk_sandbox_wrap(L, idx);
}

void sk_sandbox_push_readonly(lua_State *L, int idx)
{
    readonly_deep(L, idx, 0);
}

/* ---- replacements of base functions ----------------------------------------- */

static int sandbox_rawset(lua_State *L)
{
    if (sk_sandbox_inner(L, 1))
        return luaL_error(L, "attempt to change a read-only value with rawset");
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

static int sandbox_rawget(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    lua_settop(L, 2);
    if (sk_sandbox_inner(L, 1))
        lua_replace(L, 1);
    lua_rawget(L, 1);
    return 1;
}

static int sandbox_rawlen(lua_State *L)
{
    int t = lua_type(L, 1);
    luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
    if (t == LUA_TTABLE && sk_sandbox_inner(L, 1)) {
        lua_pop(L, 1);
        return ro_len(L);
    }
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

/* setmetatable(t, mt): the base library's (upvalue 1). A view is handed to
 * it as upvalue 2, an empty table with a protected metatable, so that it
 * refuses a view as it refuses every protected metatable, with the same
 * checks of the arguments first. */
static int sandbox_setmetatable(lua_State *L)
{
    /* finalizers would run rule code outside its call, after its budget */
    if (lua_type(L, 2) == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, "finalizers (__gc) are not allowed in rules");
    lua_settop(L, 2);
    if (view_meta(L, 1)) {
        lua_pop(L, 1);
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_replace(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* type(v): the base library's, with the names kept as upvalues instead of
 * looked up as strings on every call (rules call it all the time). */
static int sandbox_type(lua_State *L)
{
    int t = lua_type(L, 1);
    luaL_argcheck(L, t != LUA_TNONE, 1, "value expected");
    lua_pushvalue(L, lua_upvalueindex(t + 1));
    return 1;
}

/* load(chunk [, name [, mode [, env]]]): text chunks only, in the sandbox. */
static int sandbox_load(lua_State *L)
{
    int has_env = !lua_isnone(L, 4);
    lua_settop(L, 4);
    lua_pushvalue(L, lua_upvalueindex(1)); /* the real load */
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushliteral(L, "t");
    if (has_env)
        lua_pushvalue(L, 4);
    else
        sk_sandbox_push_env(L);
    lua_call(L, 4, LUA_MULTRET);
    return lua_gettop(L) - 4;
}

/* print writes to stderr: stdout belongs to the report. */
static int sandbox_print(lua_State *L)
{
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1)
            fputc('\t', stderr);
        fwrite(s, 1, len, stderr);
        lua_pop(L, 1);
    }
    fputc('\n', stderr);
    return 0;
}


typedef struct charged_fn {
    lua_CFunction open; /* the library */
    const char *name;
    lua_CFunction wrapper; /* upvalue 1: the original; upvalue 2: arg */
    int arg;
} charged_fn;

/* Every library function that may loop in C for longer than its arguments'
 * memory, each charged to the budget before it starts. */
static const charged_fn CHARGED[] = {
    {luaopen_table, "move", sandbox_move, 0},
    {luaopen_table, "concat", sandbox_range, 3},
    {luaopen_table, "unpack", sandbox_range, 2},
    {luaopen_table, "insert", sandbox_shift, SHIFT_INSERT},
    {luaopen_table, "remove", sandbox_shift, SHIFT_REMOVE},
    {luaopen_table, "sort", sandbox_shift, SHIFT_SORT},
    {luaopen_string, "rep", sandbox_rep, 0},
    {luaopen_string, "find", charged_pattern, 1},
    {luaopen_string, "match", charged_pattern, 0},
    {luaopen_string, "gmatch", charged_pattern, 2},
    {luaopen_string, "gsub", charged_pattern, 0},
    {NULL, NULL, NULL, 0},
};

/* ---- building the state --------------------------------------------------------- */

static const char *const BASE_ALLOWED[] = {
    "assert", "error", "getmetatable", "ipairs", "pairs", "pcall", "rawequal",
    "select", "tonumber", "tostring", "xpcall", "_VERSION", NULL,
};

static const luaL_Reg BASE_REPLACED[] = {
    {"next", sandbox_next},     {"rawget", sandbox_rawget}, {"rawset", sandbox_rawset},
    {"rawlen", sandbox_rawlen}, {"print", sandbox_print},   {NULL, NULL},
};

typedef struct library {
    const char *name;
    lua_CFunction open;
    const char *const *removed; /* functions a rule must not have */
} library;

static const char *const STRING_REMOVED[] = {"dump", NULL};
static const char *const MATH_REMOVED[] = {"random", "randomseed", NULL};
static const char *const NONE_REMOVED[] = {NULL};

static const library LIBRARIES[] = {
    {"string", luaopen_string, STRING_REMOVED},
    {"table", luaopen_table, NONE_REMOVED},
    {"math", luaopen_math, MATH_REMOVED},
    {"utf8", luaopen_utf8, NONE_REMOVED},
    {NULL, NULL, NULL},
};

void sk_sandbox_push_env(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENV_KEY);
}

static int build_sandbox(lua_State *L)
{
    sk_sandbox *sb = sandbox_of(L);
    for (int k = 0; k < META_KEYS; k++) {
        lua_pushstring(L, META_KEY_NAMES[k]);
        sb->meta_keys[k] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    /* the real globals, never handed to a rule */
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    int real = lua_gettop(L);
    /* pairs and getmetatable that know the views, in the real globals too */
    lua_getfield(L, real, "next");
    lua_pushcclosure(L, sandbox_pairs, 1);
    lua_setfield(L, real, "pairs");
    lua_getfield(L, real, "getmetatable");
    lua_pushcclosure(L, sandbox_getmetatable, 1);
    lua_setfield(L, real, "getmetatable");
    lua_newtable(L); /* G: what rules see */
    int G = lua_gettop(L);
    for (const char *const *name = BASE_ALLOWED; *name; name++) {
        lua_getfield(L, real, *name);
        lua_setfield(L, G, *name);
    }
    for (const luaL_Reg *r = BASE_REPLACED; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, G, r->name);
    }
    for (int t = LUA_TNIL; t < LUA_NUMTYPES; t++)
        lua_pushstring(L, lua_typename(L, t));
    lua_pushcclosure(L, sandbox_type, LUA_NUMTYPES);
    lua_setfield(L, G, "type");
    lua_getfield(L, real, "setmetatable");
    lua_createtable(L, 0, 0); /* upvalue 2: the stand-in of a view, protected */
    lua_createtable(L, 0, 1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, sandbox_setmetatable, 2);
    lua_setfield(L, G, "setmetatable");
    lua_getfield(L, real, "load");
    lua_pushcclosure(L, sandbox_load, 1);
    lua_setfield(L, G, "load");

    for (const library *lib = LIBRARIES; lib->name; lib++) {
        luaL_requiref(L, lib->name, lib->open, 0);
        for (const char *const *f = lib->removed; *f; f++) {
            lua_pushnil(L);
            lua_setfield(L, -2, *f);
        }
        /* library functions that loop in C are charged to the budget; they
         * are replaced in the library itself, so s:find() is charged too */
        for (const charged_fn *c = CHARGED; c->name; c++) {
            if (c->open != lib->open)
                continue;
            lua_getfield(L, -1, c->name);
            lua_pushinteger(L, c->arg);
            lua_pushcclosure(L, c->wrapper, 2);
            lua_setfield(L, -2, c->name);
        }
        sk_sandbox_wrap(L, -1);
        lua_setfield(L, G, lib->name);
        lua_pop(L, 1);
    }
    /* the strings' shared metatable must not be reachable: getmetatable("") is false */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    /* the environment: a read-only view of G whose writes name the global */
    lua_createtable(L, 0, 0);
    push_proxy_meta(L, G, env_newindex);
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, ENV_KEY);

    /* sk, the helper library, runs inside the sandbox like any rule (from the
     * bytecode the build compiled; its text should that ever not load) */
    if (luaL_loadbufferx(L, (const char *)sk_lua_bytecode, sk_lua_bytecode_size, "=sk.lua", "b") != LUA_OK &&
        (lua_pop(L, 1), luaL_loadbufferx(L, sk_lua_source, sk_lua_source_size, "=sk.lua", "t")) != LUA_OK)
        return lua_error(L);
    sk_sandbox_push_env(L);
    lua_setupvalue(L, -2, 1);
    sk_native_push(L); /* the chunk's argument: its private helpers */
    lua_call(L, 1, 1);
    if (!lua_istable(L, -1))
        return luaL_error(L, "sk.lua did not return its table");
    sk_sandbox_push_readonly(L, -1);
    lua_setfield(L, G, "sk");
    lua_pop(L, 1);
    lua_settop(L, 0);
    return 0;
}

int sk_sandbox_open(sk_sandbox *sb, const sk_limits *limits, char **msg)
{
    memset(sb, 0, sizeof *sb);
    sb->limits = limits;
    sb->state_limit = limits->state_memory;
    sb->limit = sb->state_limit;
    sb->call_memory = SIZE_MAX;
    sb->budget = limits->rule_budget;
    lua_heap *heap = calloc(1, sizeof *heap);
    if (heap)
        heap->sb = sb;
    sb->L = heap ? lua_newstate(capped_alloc, heap) : NULL;
    if (!sb->L) {
        free(heap);
        *msg = sk_strdup("cannot create a Lua state: out of memory");
        return -1;
    }
    *(sk_sandbox **)lua_getextraspace(sb->L) = sb;
    /* a unit's values die young: the generational collector suits them */
    lua_gc(sb->L, LUA_GCGEN, 0, 0);
    lua_pushcfunction(sb->L, build_sandbox);
    if (lua_pcall(sb->L, 0, 0, 0) != LUA_OK) {
        *msg = sk_printf("cannot build the rule sandbox: %s", lua_tostring(sb->L, -1));
        sk_sandbox_close(sb);
        return -1;
    }
    return 0;
}

size_t sk_sandbox_destroy(sk_sandbox *sb)
{
    if (!sb)
        return 0;
    size_t left = sk_sandbox_close(sb);
    free(sb);
    return left;
}

size_t sk_sandbox_close(sk_sandbox *sb)
{
    if (sb->L) {
        void *ud;
        lua_getallocf(sb->L, &ud);
        lua_close(sb->L);
        lua_heap *heap = ud;
        for (int i = 0; i < heap->nchunks; i++)
            free(heap->chunk[i]);
        free(heap);
    }
    sb->L = NULL;
    sk_error_clear(&sb->stop);
    return sb->used; /* lua_close freed everything through capped_alloc: 0 unless a leak */
}
