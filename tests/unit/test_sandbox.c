/* test_sandbox.c: what a rule can and cannot do. Each hostile rule must be
 * contained: reported as a rule error naming the rule and the unit, with no
 * effect outside it, while the other rules and units are still checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define PLAN(id) "kind: communication-plan\nversion: 1\nunit: {hsa_id: " id "}\nowner: Karin Ek\n---\n"

/* A rule directory with one hostile rule and one honest rule (HON-01),
 * checked over two units. */
typedef struct run {
    char dir[64];
    sk_result res;
} run;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char HONEST[] =
    "return { id = 'HON-01', severity = 'warning', applies_to = 'communication-plan', title = 't',\n"
    "  check = function(doc, report) report{ path = {'owner'}, message = 'owner is ' .. doc.owner } end }\n";

/* Runs the hostile rule (prelude before its table, body in its check) and
 * the honest one on two units, with limits (NULL: the defaults with a
 * smaller budget, to keep the runaway tests quick). */
static void run_rule_limits(run *r, const char *prelude, const char *body, const sk_limits *given)
{
    strcpy(r->dir, "/tmp/sk-sandbox-XXXXXX");
    assert_non_null(mkdtemp(r->dir));
    char path[128];
    snprintf(path, sizeof path, "%s/hostile.lua", r->dir);
    sk_buf src = {0};
    sk_buf_printf(&src, "%s\nreturn { id = 'BAD-01', severity = 'error', applies_to = 'communication-plan',\n"
                        "  title = 't', check = function(doc, report, ctx)\n%s\nend }\n", prelude, body);
    write_file(path, src.data);
    sk_buf_free(&src);
    snprintf(path, sizeof path, "%s/honest.lua", r->dir);
    write_file(path, HONEST);
    snprintf(path, sizeof path, "%s/units.yaml", r->dir);
    write_file(path, PLAN("SE1-A") PLAN("SE1-B"));

    const char *dirs[] = {r->dir};
    const char *paths[] = {path};
    sk_limits limits = sk_limits_default();
    limits.rule_budget = 1000000; /* keep the runaway tests quick */
    if (given)
        limits = *given;
    sk_check_options o = {.paths = paths, .npaths = 1, .rule_dirs = dirs, .nrule_dirs = 1,
                          .as_of = "2027-04-10", .fail_on = SK_SEV_ERROR, .limits = &limits};
    assert_true(sk_check(&o, &r->res) >= 0);
}

static void run_rule_with(run *r, const char *prelude, const char *body)
{
    run_rule_limits(r, prelude, body, NULL);
}

static void run_rule(run *r, const char *body)
{
    run_rule_with(r, "", body);
}

static void cleanup(run *r)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", r->dir);
    assert_int_equal(system(cmd), 0);
    sk_result_free(&r->res);
}

/* The hostile rule failed on both units, with part in its message, and the
 * honest rule still reported on both. */
static void expect_contained_limits(const char *body, const char *part, const sk_limits *limits)
{
    run r;
    run_rule_limits(&r, "", body, limits);
    assert_int_equal(r.res.nunits, 2);
    size_t rule_errors = 0;
    for (size_t i = 0; i < r.res.errors.count; i++) {
        const sk_error *e = &r.res.errors.items[i];
        assert_int_equal(e->kind, SK_ERR_RULE);
        assert_string_equal(e->rule, "BAD-01");
        if (!strstr(e->message, part))
            fail_msg("rule error '%s' lacks '%s'", e->message, part);
        assert_non_null(strstr(e->message, "on unit SE1-"));
        rule_errors++;
    }
    assert_int_equal(rule_errors, 2);
    for (size_t u = 0; u < 2; u++) {
        assert_int_equal(r.res.units[u].status, SK_UNIT_ERROR);
        assert_int_equal(r.res.units[u].nfindings, 1);
        assert_string_equal(r.res.units[u].findings[0].rule, "HON-01");
        assert_string_equal(r.res.units[u].findings[0].message, "owner is Karin Ek");
    }
    cleanup(&r);
}

static void expect_contained(const char *body, const char *part)
{
    expect_contained_limits(body, part, NULL);
}

static void no_os(void **s) { (void)s; expect_contained("os.execute('touch /tmp/sk-pwned')", "global 'os'"); }
static void no_io(void **s) { (void)s; expect_contained("io.open('/etc/passwd')", "global 'io'"); }
static void no_require(void **s) { (void)s; expect_contained("require('os')", "global 'require'"); }
static void no_package(void **s) { (void)s; expect_contained("package.loadlib('x', 'y')", "global 'package'"); }
static void no_debug(void **s) { (void)s; expect_contained("debug.getregistry()", "global 'debug'"); }
static void no_dofile(void **s) { (void)s; expect_contained("dofile('/etc/passwd')", "global 'dofile'"); }
static void no_collectgarbage(void **s) { (void)s; expect_contained("collectgarbage()", "global 'collectgarbage'"); }
static void no_string_dump(void **s) { (void)s; expect_contained("load(string.dump(function() end))", "field 'dump'"); }

static void no_binary_chunks(void **s)
{
    (void)s;
    expect_contained("local f, err = load('\\27Lua\\84\\0'); error(err)", "binary chunk");
}

static void loops_are_stopped(void **s) { (void)s; expect_contained("while true do end", "rule stopped"); }

static void pcall_cannot_swallow_the_stop(void **s)
{
    (void)s;
    expect_contained("while true do pcall(function() while true do end end) end", "rule stopped");
}

static void memory_is_capped(void **s)
{
    (void)s;
    expect_contained("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 4096) .. i end", "rule stopped");
}

static void string_rep_bomb(void **s) { (void)s; expect_contained("local x = string.rep('x', 1 << 40)", ""); }

static void documents_are_read_only(void **s)
{
    (void)s;
    expect_contained("doc.owner = 'Mallory'", "read-only");
    expect_contained("rawset(doc, 'owner', 'Mallory')", "read-only");
    expect_contained("setmetatable(doc, {})", "protected metatable");
    expect_contained("table.insert(doc.x or doc, 1)", "read-only");
}

static void globals_are_read_only(void **s)
{
    (void)s;
    expect_contained("leaked = true", "may not set the global 'leaked'");
    expect_contained("string.upper = nil", "read-only");
    expect_contained("sk.days = nil", "read-only");
}

static void string_metatable_is_hidden(void **s)
{
    (void)s;
    expect_contained("getmetatable('').__index = {}", "index a boolean");
}

static void error_objects_cannot_throw(void **s)
{
    (void)s;
    expect_contained("error(setmetatable({}, {__tostring = function() error('boom') end}))",
                     "error object is a table value");
}

static void finalizers_are_refused(void **s)
{
    (void)s;
    expect_contained("setmetatable({}, {__gc = function() end})", "finalizers");
}

static void report_must_be_well_formed(void **s)
{
    (void)s;
    expect_contained("report{ path = {'owner'} }", "'message' must be a string");
    expect_contained("report{ message = 'x', severity = 'fatal' }", "'severity' must be one of");
    expect_contained("report{ message = 'x', path = { {} } }", "path item 1");
}

static void catastrophic_patterns_are_refused(void **s)
{
    (void)s;
    /* matching runs in C, out of the count hook's sight: charged up front */
    expect_contained("local x = ('a'):rep(1e5):find('.-.-.-b')", "could take 4e+18 steps");
    expect_contained("local t = ('a'):rep(1e5) for _ in t:gmatch('(.-)(.-)b') do end", "more than the rule's budget");
    expect_contained("for i = 1, 1e7 do local x = string.rep('a', 3000):match('^(.-)b') end", "rule stopped");
}

/* Work inside one C call never meets the count hook: each library function
 * that loops in C is charged before it starts (issue 20). Before, each of
 * these never returned; ctest's TIMEOUT on this test is the guard. */
static void c_loops_are_charged(void **s)
{
    (void)s;
    expect_contained("local x = ('x'):rep(1 << 40)", "rule stopped");
    expect_contained("local x = (''):rep(1 << 40, 'x')", "rule stopped");
    expect_contained("local x = ('('):rep(2e5):find('%b()')", "could take");
    expect_contained("local x = ('(x'):rep(1e5):match('(%b())%1')", "could take");
    expect_contained("for w in ('^'):rep(2e5):gmatch('^.-x') do end", "could take");
    expect_contained("local x = ('a'):rep(1e5):find(('a'):rep(1e4) .. 'b')", "could take");
    expect_contained("local t = setmetatable({}, {__index = function() return '' end})\n"
                     "local x = table.concat(t, '', 1, math.maxinteger)", "rule stopped");
    expect_contained("local t = setmetatable({}, {__index = function() return 1 end})\n"
                     "local x = table.unpack(t, 1, 1 << 40)", "rule stopped");
    expect_contained("local t = {} for i = 1, 1e5 do t[i] = i end\n"
                     "for i = 1, 1e6 do table.insert(t, 1, i) end", "rule stopped");
    expect_contained("local t = {} for i = 1, 1e5 do t[i] = i end\n"
                     "for i = 1, 1e6 do table.remove(t, 1) t[#t + 1] = i end", "rule stopped");
    expect_contained("local t = setmetatable({}, {__len = function() return math.maxinteger end,\n"
                     "  __index = function() return 1 end, __newindex = function() end})\n"
                     "table.insert(t, 1, 0)", "rule stopped");
}

/* ... and ordinary uses of them are cheap. */
static void c_loops_still_work(void **s)
{
    (void)s;
    run r;
    run_rule(&r, "local t = {} for i = 1, 100 do table.insert(t, 1, i) end\n"
                 "assert(table.remove(t, 1) == 100 and table.remove(t) == 1 and #t == 98)\n"
                 "table.sort(t) assert(t[1] == 2 and table.concat(t, ',', 1, 2) == '2,3')\n"
                 "assert(select('#', table.unpack(t)) == 98 and ('ab'):rep(3, '-') == 'ab-ab-ab')\n"
                 "assert(('x(a(b))'):match('%b()') == '(a(b))' and ('abab'):find('(ab)%1') == 1)\n"
                 "assert(string.rep('', math.maxinteger) == '' and (''):rep(1 << 62, '') == '')\n"
                 "assert(('a'):rep(0) == '' and ('a'):rep(-5, 'x') == '' and ('a'):rep(1, 'x') == 'a')\n"
                 "report{ message = 'c loops ok' }");
    assert_int_equal(r.res.errors.count, 0);
    assert_string_equal(r.res.units[0].findings[0].message, "c loops ok");
    cleanup(&r);
}

/* Every rule call has a wall-clock deadline too, checked by the count hook:
 * a loop with a budget too large to end it is stopped after rule_time_ms,
 * as a rule error naming rule and unit; the honest rule still reports. */
static void calls_have_a_deadline(void **s)
{
    (void)s;
    sk_limits limits = sk_limits_default();
    limits.rule_budget = (unsigned long)-1 / 2;
    limits.rule_time_ms = 50;
    expect_contained_limits("while true do end", "rule stopped: it ran for more than 50 ms", &limits);
    expect_contained_limits("while true do pcall(function() while true do end end) end",
                            "rule stopped: it ran for more than 50 ms", &limits);
    expect_contained_limits("pcall(function() while true do end end)",
                            "rule stopped: it ran for more than 50 ms", &limits);
}

static void ordinary_patterns_still_work(void **s)
{
    (void)s;
    run r;
    run_rule(&r, "assert(('  Karin Ek  '):match('^%s*(.-)%s*$') == 'Karin Ek')\n"
                 "assert(select(2, ('a,b,c'):gsub(',', ';')) == 2 and ('a.b'):find('.', 1, true) == 2)\n"
                 "local n = 0 for w in ('APT, dialogmöte'):gmatch('[^,]+') do n = n + 1 end assert(n == 2)\n"
                 "assert(('x'):rep(1e5):find('y', 1, true) == nil)\n"
                 "report{ message = 'patterns ok' }");
    assert_int_equal(r.res.errors.count, 0);
    assert_string_equal(r.res.units[0].findings[0].message, "patterns ok");
    cleanup(&r);
}

static void deep_recursion_is_contained(void **s)
{
    (void)s;
    expect_contained("local function f() return f() + 1 end f()", "");
}

static void sandbox_offers_the_contract(void **s)
{
    (void)s;
    /* everything RULE-API.md promises is there and works on documents */
    run r;
    run_rule(&r, "local n = 0 for k, v in pairs(doc) do n = n + 1 end\n"
                 "assert(n == 4 and #doc.unit == 0 and doc.unit.hsa_id:match('^SE1'))\n"
                 "assert(type(doc) == 'table' and next(doc) ~= nil and rawget(doc, 'owner') == 'Karin Ek')\n"
                 "assert(ctx.as_of == '2027-04-10' and ctx.days('2027-04-01', ctx.as_of) == 9)\n"
                 "assert(ctx.unit.documents['communication-plan'][1].owner == 'Karin Ek')\n"
                 "assert(math.floor(2.5) == 2 and utf8.len('Vårdcentral') == 11 and string.format('%d', 3) == '3')\n"
                 "assert(sk.maturity_level({'posts'}) == 1 and math.random == nil)\n"
                 "report{ path = {'unit', 'hsa_id'}, message = 'seen', severity = 'warning' }");
    assert_int_equal(r.res.errors.count, 0);
    for (size_t u = 0; u < 2; u++) {
        assert_int_equal(r.res.units[u].nfindings, 2);
        const sk_finding *f = &r.res.units[u].findings[0];
        assert_string_equal(f->rule, "BAD-01");
        assert_int_equal(f->severity, SK_SEV_WARNING);
        assert_string_equal(f->path, "unit.hsa_id");
        assert_int_equal(f->column, 8);
    }
    cleanup(&r);
}

/* next, rawlen, rawget and rawset see through the engine's views only; a
 * rule's own table, whose metatable has a metatable of its own, is a plain
 * table to them, and they run none of its metamethods. */
static void own_metatables_are_not_run(void **s)
{
    (void)s;
    run r;
    run_rule(&r, "local calls = 0\n"
                 "local mt = setmetatable({}, {__index = function() calls = calls + 1 end})\n"
                 "local t = setmetatable({10, 20}, mt) calls = 0\n"
                 "assert(rawlen(t) == 2 and next(t) == 1 and rawget(t, 2) == 20)\n"
                 "rawset(t, 3, 30) assert(rawlen(t) == 3)\n"
                 "local n = 0 for _ in pairs(t) do n = n + 1 end assert(n == 3)\n"
                 "assert(calls == 0, 'metamethods ran: ' .. calls)\n"
                 "assert(rawlen(doc.unit) == 0 and #doc.unit == 0 and rawget(doc.unit, 'hsa_id'):match('^SE1'))\n"
                 "report{ path = {'owner'}, message = 'seen', severity = 'warning' }");
    if (r.res.errors.count)
        fail_msg("%s", r.res.errors.items[0].message);
    assert_int_equal(r.res.units[0].nfindings, 2);
    cleanup(&r);
}

/* A document's keys are the same strings on every unit (the second unit's
 * come from the key cache the first one filled), x_ keys included. */
static void document_keys_on_every_unit(void **s)
{
    (void)s;
    run r;
    run_rule(&r, "local keys = {} for k in pairs(doc) do keys[#keys + 1] = k end table.sort(keys)\n"
                 "assert(table.concat(keys, ',') == 'kind,owner,unit,version', table.concat(keys, ','))\n"
                 "local u = {} for k in pairs(doc.unit) do u[#u + 1] = k end\n"
                 "assert(#u == 1 and u[1] == 'hsa_id' and doc.unit.hsa_id:match('^SE1%-[AB]$'))\n"
                 "report{ path = {'owner'}, message = 'seen', severity = 'warning' }");
    if (r.res.errors.count)
        fail_msg("%s", r.res.errors.items[0].message);
    assert_int_equal(r.res.units[0].nfindings, 2);
    assert_int_equal(r.res.units[1].nfindings, 2);
    cleanup(&r);
}

/* A document's views hold only what the VM needs in their metatables; pairs,
 * getmetatable and setmetatable treat them as every other view: hidden
 * metatables, protected ones, items through next. */
static void document_views_are_like_every_view(void **s)
{
    (void)s;
    run r;
    run_rule(&r, "assert(getmetatable(doc) == false and getmetatable(doc.unit) == false)\n"
                 "assert(getmetatable(ctx.unit) == false and getmetatable(_ENV) == false and getmetatable(sk) == false)\n"
                 "assert(#ctx.unit.documents['communication-plan'] == 1 and #ctx.unit == 0)\n"
                 "assert(getmetatable({}) == nil and getmetatable(setmetatable({}, {__metatable = 1})) == 1)\n"
                 "assert(doc.__index == nil and doc.__metatable == nil and doc.__pairs == nil)\n"
                 "local f, t, k = pairs(doc) assert(f == next and t == doc and k == nil)\n"
                 "local n = 0 for _ in pairs(doc.unit) do n = n + 1 end assert(n == 1)\n"
                 "f = pairs({}) assert(f ~= next) -- the base library's own next, as before\n"
                 "n = 0 for k, v in pairs(setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, 2 end end, t, nil end})) do n = n + k + v end\n"
                 "assert(n == 3)\n"
                 "for _, v in ipairs({doc, doc.unit, ctx.unit, ctx.unit.documents, sk, string, _ENV}) do\n"
                 "  local ok, e = pcall(setmetatable, v, {}) assert(not ok and e == 'cannot change a protected metatable', e)\n"
                 "end\n"
                 "local ok, e = pcall(setmetatable, doc, 5) assert(e:match('bad argument #2'), e)\n"
                 "ok, e = pcall(getmetatable) assert(e:match(\"bad argument #1 to 'getmetatable'\"), e)\n"
                 "ok, e = pcall(pairs) assert(e:match(\"bad argument #1 to 'pairs'\"), e)\n"
                 "report{ path = {'owner'}, message = 'seen', severity = 'warning' }\n"
                 "if ctx.unit.hsa_id == 'SE1-A' then setmetatable(doc, {}) else setmetatable(sk, {}) end");
    /* the refusal reads the same for a document's view and for another view */
    assert_int_equal(r.res.errors.count, 2);
    for (size_t i = 0; i < 2; i++) {
        const sk_error *e = &r.res.errors.items[i];
        assert_non_null(strstr(e->message, "cannot change a protected metatable"));
        assert_non_null(e->traceback);
        assert_non_null(strstr(e->traceback, "[C]: in function 'setmetatable'\n\t[C]: in global 'setmetatable'"));
    }
    assert_int_equal(r.res.units[0].nfindings, 2);
    cleanup(&r);
}

static void report_kept_for_later_is_dead(void **s)
{
    (void)s;
    /* a report() kept from the first unit's call cannot write into the second */
    run r;
    run_rule_with(&r, "local kept = {}",
                  "if kept[1] then kept[1]{ message = 'smuggled' } else kept[1] = report end");
    assert_int_equal(r.res.errors.count, 1);
    assert_string_equal(r.res.errors.items[0].unit, "SE1-B");
    assert_non_null(strstr(r.res.errors.items[0].message, "outside the check call"));
    assert_int_equal(r.res.units[0].nfindings, 1); /* HON-01 only */
    assert_int_equal(r.res.units[1].nfindings, 1);
    cleanup(&r);
}

static void no_coroutine(void **s)
{
    (void)s;
    /* an endless loop inside a coroutine cannot even start */
    expect_contained("coroutine.wrap(function() while true do end end)()", "global 'coroutine'");
    expect_contained("assert(coroutine == nil) error('no coroutine')", "no coroutine");
}

static void loop_inside_pcall_is_stopped(void **s)
{
    (void)s;
    /* the stop is caught by pcall, the rule goes on and reports: still stopped, no finding kept */
    expect_contained("pcall(function() while true do end end) report{ message = 'after' }",
                     "rule stopped");
    expect_contained("xpcall(function() while true do end end, function() return 'handled' end)",
                     "rule stopped");
}

static void table_growth_bombs(void **s)
{
    (void)s;
    expect_contained("local t = {} for i = 1, 1e9 do t[i] = i end", "rule stopped");
    expect_contained("local t = {} for i = 1, 1e9 do t[tostring(i)] = {i} end", "rule stopped");
    expect_contained("local t = {} for i = 1, 64 do t[#t + 1] = string.rep('x', 1 << 20) end",
                     "rule stopped");
    /* table.move loops in C, where the count hook never fires */
    expect_contained("table.move({}, 1, 1 << 62, 1, {})", "rule stopped");
    expect_contained("local t = {} table.move({1, 2, 3}, 1, 3, 1 << 40, t) table.move(t, 1 << 40, 1 << 61, 1)",
                     "rule stopped");
}

static void table_move_still_works(void **s)
{
    (void)s;
    run r;
    run_rule(&r, "local t = table.move({1, 2, 3}, 1, 3, 2, {0}) assert(#t == 4 and t[4] == 3)\n"
                 "assert(table.move({}, 5, 1, 1)) report{ message = 'moved' }");
    assert_int_equal(r.res.errors.count, 0);
    assert_int_equal(r.res.units[0].nfindings, 2);
    cleanup(&r);
}

static void globals_do_not_carry_to_the_next_unit(void **s)
{
    (void)s;
    /* unit SE1-A tries every way to leave a value behind; SE1-B must see none */
    run r;
    run_rule(&r, "local seen = x_marker ~= nil or rawget(string, 'marker') ~= nil or ctx.marker ~= nil\n"
                 "  or sk.marker ~= nil or getmetatable('') ~= false\n"
                 "if seen then report{ message = 'leaked into ' .. ctx.unit.hsa_id } end\n"
                 "pcall(function() x_marker = 1 end) pcall(rawset, _ENV, 'x_marker', 1)\n"
                 "pcall(function() string.marker = 1 end) pcall(rawset, string, 'marker', 1)\n"
                 "pcall(function() ctx.marker = 1 end) pcall(function() sk.marker = 1 end)\n"
                 "pcall(setmetatable, _ENV, {}) pcall(setmetatable, string, {})");
    assert_int_equal(r.res.errors.count, 0);
    assert_int_equal(r.res.nunits, 2);
    for (size_t u = 0; u < 2; u++) {
        assert_int_equal(r.res.units[u].nfindings, 1);
        assert_string_equal(r.res.units[u].findings[0].rule, "HON-01");
    }
    cleanup(&r);
}

/* After lua_close the capped allocator counts 0 bytes, whatever the rules did. */
static void closing_counts_zero_bytes(void **s)
{
    (void)s;
    static const char *const BODIES[] = {
        "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 4096) .. i end",
        "while true do pcall(function() while true do end end) end",
        "local x = string.rep('x', 1 << 40)",
        "error(setmetatable({}, {__tostring = function() error('boom') end}))",
        "local function f() return f() + 1 end f()",
        "table.move({}, 1, 1 << 62, 1, {})",
        "report{ message = 'fine' }",
    };
    for (size_t i = 0; i < sizeof BODIES / sizeof *BODIES; i++) {
        run r;
        run_rule(&r, BODIES[i]);
        /* a leak would be an internal error of the run (a plugin error without a file) */
        for (size_t k = 0; k < r.res.errors.count; k++)
            assert_int_equal(r.res.errors.items[k].kind, SK_ERR_RULE);
        /* and directly: a runtime over the same rules closes at 0 */
        const char *dirs[] = {r.dir};
        sk_errors errs;
        sk_errors_init(&errs);
        sk_limits limits = sk_limits_default();
        limits.rule_budget = 1000000;
        sk_rules *rules = sk_rules_load(dirs, 1, &limits, &errs);
        assert_non_null(rules);
        assert_int_equal(errs.count, 0);
        sk_error err;
        sk_runtime *rt = sk_runtime_new(rules, &err);
        assert_non_null(rt);
        sk_docset *ds = sk_docset_new(&limits);
        char path[128];
        snprintf(path, sizeof path, "%s/units.yaml", r.dir);
        assert_int_equal(sk_load_file(ds, path, &errs), 0);
        sk_unitset *us = sk_group(ds, &errs);
        for (size_t u = 0; u < sk_unitset_count(us); u++) {
            sk_unit_result out;
            memset(&out, 0, sizeof out);
            assert_int_equal(sk_runtime_check(rt, sk_unitset_get(us, u), "2027-04-10", &out, &errs), 0);
            sk_unit_result_free(&out);
        }
        assert_int_equal(sk_runtime_free(rt), 0);
        sk_unitset_free(us);
        sk_docset_free(ds);
        sk_rules_free(rules);
        sk_errors_free(&errs);
        cleanup(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_os),
        cmocka_unit_test(no_io),
        cmocka_unit_test(no_require),
        cmocka_unit_test(no_package),
        cmocka_unit_test(no_debug),
        cmocka_unit_test(no_dofile),
        cmocka_unit_test(no_collectgarbage),
        cmocka_unit_test(no_string_dump),
        cmocka_unit_test(no_binary_chunks),
        cmocka_unit_test(loops_are_stopped),
        cmocka_unit_test(pcall_cannot_swallow_the_stop),
        cmocka_unit_test(memory_is_capped),
        cmocka_unit_test(string_rep_bomb),
        cmocka_unit_test(documents_are_read_only),
        cmocka_unit_test(globals_are_read_only),
        cmocka_unit_test(string_metatable_is_hidden),
        cmocka_unit_test(error_objects_cannot_throw),
        cmocka_unit_test(finalizers_are_refused),
        cmocka_unit_test(report_must_be_well_formed),
        cmocka_unit_test(catastrophic_patterns_are_refused),
        cmocka_unit_test(ordinary_patterns_still_work),
        cmocka_unit_test(c_loops_are_charged),
        cmocka_unit_test(c_loops_still_work),
        cmocka_unit_test(calls_have_a_deadline),
        cmocka_unit_test(deep_recursion_is_contained),
        cmocka_unit_test(sandbox_offers_the_contract),
        cmocka_unit_test(own_metatables_are_not_run),
        cmocka_unit_test(document_keys_on_every_unit),
        cmocka_unit_test(document_views_are_like_every_view),
        cmocka_unit_test(report_kept_for_later_is_dead),
        cmocka_unit_test(no_coroutine),
        cmocka_unit_test(loop_inside_pcall_is_stopped),
        cmocka_unit_test(table_growth_bombs),
        cmocka_unit_test(table_move_still_works),
        cmocka_unit_test(globals_do_not_carry_to_the_next_unit),
        cmocka_unit_test(closing_counts_zero_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
