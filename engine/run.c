/* run.c: the runtime of one worker: a sandboxed lua_State with every rule
 * compiled into it, checking one unit at a time. A rule sees the unit's
 * documents as read-only values and records findings through report{},
 * whose path is resolved here to the file:line:column of the tree. */
#include "internal.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

typedef struct compiled {
    int check;   /* registry ref of the check function, LUA_NOREF when missing */
    int ctx;     /* registry ref of the ctx table's inner table */
    int ctxview; /* registry ref of the read-only ctx */
} compiled;

struct sk_runtime {
    sk_sandbox *sb; /* the registry's spare state, or one of its own */
    const sk_rules *rules;
    compiled *compiled;
    /* the call in progress, read by report() */
    unsigned long call;
    const sk_rule *rule;
    const sk_unit *unit;
    const sk_doc *doc; /* NULL for a unit rule */
    sk_unit_result *out;
    size_t call_findings, call_bytes; /* what the current call reported */
    size_t unit_bytes;                /* bytes of the unit's findings */
    int out_of_memory;
    char *as_of;    /* the ctx.as_of every rule's ctx holds */
    int as_of_set;  /* whether they hold it */
    sk_timing *timing; /* --timing: this runtime's counters, or NULL */
};

static sk_runtime *runtime_of(lua_State *L)
{
    return (sk_runtime *)lua_touserdata(L, lua_upvalueindex(1));
}

/* ---- resolving a report path to a position ------------------------------------ */

typedef struct resolved {
    const sk_doc *doc;
    int line, column;
    sk_buf path; /* "target_groups[2].owner" */
} resolved;

/* Walks path[first..n] from the document root as far as it exists. */
static void resolve_in_doc(lua_State *L, int path, lua_Integer first, lua_Integer n, resolved *r)
{
    const sk_node *node = r->doc->root;
    int found = 1;
    r->line = node->line;
    r->column = node->column;
    for (lua_Integer i = first; i <= n; i++) {
        int t = lua_geti(L, path, i);
        if (t == LUA_TSTRING) {
            const char *key = lua_tostring(L, -1);
            sk_buf_printf(&r->path, "%s%s", r->path.len ? "." : "", key);
            const sk_pair *p = found ? sk_node_pair(node, key) : NULL;
            if (p) {
                node = p->value;
                r->line = p->line;
                r->column = p->column;
            } else {
                found = 0;
            }
        } else {
            lua_Integer idx = lua_tointeger(L, -1);
            sk_buf_printf(&r->path, "[%lld]", (long long)idx);
            if (found && node->type == SK_NODE_SEQ && idx >= 1 && (size_t)idx <= node->v.seq.count) {
                node = node->v.seq.items[idx - 1];
                r->line = node->line;
                r->column = node->column;
            } else {
                found = 0;
            }
        }
        lua_pop(L, 1);
    }
}

/* The n-th document of a kind in the unit (1-based), or NULL. */
static const sk_doc *unit_doc(const sk_unit *u, const char *kind, lua_Integer n)
{
    for (size_t i = 0; i < u->count; i++)
        if (strcmp(u->docs[i]->kind, kind) == 0 && --n == 0)
            return u->docs[i];
    return NULL;
}

static void resolve(lua_State *L, sk_runtime *rt, int path, resolved *r)
{
    lua_Integer n = luaL_len(L, path);
    lua_Integer first = 1;
    r->doc = rt->doc;
    if (!r->doc) {
        /* a unit rule: {"documents", kind, i, ...} names a document */
        r->doc = rt->unit->docs[0];
        int top = lua_gettop(L);
        if (n >= 3 && lua_geti(L, path, 1) == LUA_TSTRING &&
            strcmp(lua_tostring(L, -1), "documents") == 0 && lua_geti(L, path, 2) == LUA_TSTRING &&
            lua_geti(L, path, 3) == LUA_TNUMBER) {
            const sk_doc *d = unit_doc(rt->unit, lua_tostring(L, -2), lua_tointeger(L, -1));
            if (d) {
                r->doc = d;
                first = 4;
            }
        }
        lua_settop(L, top);
    }
    resolve_in_doc(L, path, first, n, r);
}

/* ---- report{ path = {...}, message = "...", data = {...}, severity = "..." } -------- */

static int value_cmp(const void *a, const void *b)
{
    return strcmp(((const sk_value *)a)->name, ((const sk_value *)b)->name);
}

static const char *read_list(lua_State *L, sk_value *v);

/* One value of data at the top of the stack into v (name set by the caller):
 * NULL, or why it cannot be a value. */
static const char *read_value(lua_State *L, sk_value *v)
{
    switch (lua_type(L, -1)) {
    case LUA_TSTRING:
        v->type = SK_VAL_STR;
        return (v->v.s = sk_strdup(lua_tostring(L, -1))) ? NULL : "out of memory";
    case LUA_TBOOLEAN:
        v->type = SK_VAL_BOOL;
        v->v.b = lua_toboolean(L, -1);
        return NULL;
    case LUA_TNUMBER:
        if (lua_isinteger(L, -1)) {
            v->type = SK_VAL_INT;
            v->v.i = (long long)lua_tointeger(L, -1);
        } else {
            v->type = SK_VAL_NUM;
            v->v.n = (double)lua_tonumber(L, -1);
        }
        return NULL;
    case LUA_TTABLE: {
        /* a list of the document is a read-only view: read its inner table */
        int inner = sk_sandbox_inner(L, -1);
        const char *why = read_list(L, v);
        if (inner)
            lua_pop(L, 1);
        return why;
    }
    default:
        return "must be a string, a number, a boolean or a list of strings";
    }
}

/* The list at the top of the stack into v. */
static const char *read_list(lua_State *L, sk_value *v)
{
    {
        v->type = SK_VAL_LIST;
        size_t n = (size_t)lua_rawlen(L, -1);
        v->v.list.items = n ? calloc(n, sizeof *v->v.list.items) : NULL;
        if (n && !v->v.list.items)
            return "out of memory";
        for (size_t i = 0; i < n; i++) {
            int t = lua_rawgeti(L, -1, (lua_Integer)i + 1);
            if (t != LUA_TSTRING && t != LUA_TNUMBER) {
                lua_pop(L, 1);
                return "must be a list of strings";
            }
            v->v.list.items[i] = sk_strdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            if (!v->v.list.items[v->v.list.count++])
                return "out of memory";
        }
        return NULL;
    }
}

/* The table data at idx into *out (sorted by name): NULL, or the error. */
static const char *read_data(lua_State *L, int idx, sk_value **out, size_t *n, char *bad, size_t badsize)
{
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            return "keys must be names";
        }
        if (sk_grow((void **)out, &cap, *n, sizeof **out)) {
            lua_pop(L, 2);
            return "out of memory";
        }
        sk_value *v = &(*out)[(*n)++];
        memset(v, 0, sizeof *v);
        v->type = SK_VAL_INT;
        const char *why = (v->name = sk_strdup(lua_tostring(L, -2))) ? read_value(L, v) : "out of memory";
        if (why) {
            snprintf(bad, badsize, "%s", lua_tostring(L, -2));
            lua_pop(L, 2);
            return why;
        }
        lua_pop(L, 1);
    }
    if (*n > 1)
        qsort(*out, *n, sizeof **out, value_cmp);
    return NULL;
}

/* Whether s looks like a message id (a name: letters, digits, '_'). */
static int looks_like_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

/* The rule's message id closest to id, for "did you mean". */
static const char *closest_message(const sk_rule_info *r, const char *id)
{
    sk_nearest near = {.word = id};
    for (size_t i = 0; i < r->nmessages; i++)
        sk_nearest_try(&near, r->messages[i].id);
    return sk_nearest_get(&near);
}

/* Counts a finding of bytes bytes of text against the caps of the call and
 * of the unit; 0, or -1 with the stop recorded in the sandbox when one is
 * exceeded (the rule is stopped: its findings so far are kept). */
static int charge_finding(sk_runtime *rt, size_t bytes)
{
    const sk_limits *lim = rt->sb->limits;
    size_t n;
    if (rt->call_findings >= (n = lim->rule_findings))
        sk_sandbox_record_stop(rt->sb, n == 1 ? "rule stopped: it reported more than %zu finding in one call"
                                              : "rule stopped: it reported more than %zu findings in one call", n);
    else if (bytes > (n = lim->rule_finding_bytes) - rt->call_bytes)
        sk_sandbox_record_stop(rt->sb, n == 1 ? "rule stopped: it reported more than %zu byte of findings in one call"
                                              : "rule stopped: it reported more than %zu bytes of findings in one call", n);
    else if (rt->out->nfindings >= (n = lim->unit_findings))
        sk_sandbox_record_stop(rt->sb, n == 1 ? "rule stopped: the unit has more than %zu finding"
                                              : "rule stopped: the unit has more than %zu findings", n);
    else if (bytes > (n = lim->unit_finding_bytes) - rt->unit_bytes)
        sk_sandbox_record_stop(rt->sb, n == 1 ? "rule stopped: the unit's findings hold more than %zu byte"
                                              : "rule stopped: the unit's findings hold more than %zu bytes", n);
    else {
        rt->call_findings++;
        rt->call_bytes += bytes;
        rt->unit_bytes += bytes;
        return 0;
    }
    return -1;
}

static int report(lua_State *L)
{
    sk_runtime *rt = runtime_of(L);
    if ((unsigned long)lua_tointeger(L, lua_upvalueindex(2)) != rt->call)
        return luaL_error(L, "report() was called outside the check call it was given to");
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    if (lua_getfield(L, 1, "message") != LUA_TSTRING)
        return luaL_error(L, "report{}: 'message' must be a string");
    const char *message = lua_tostring(L, 2);
    const sk_rule_info *info = &rt->rule->info;
    const sk_message_def *def = sk_rule_message(info, message);
    int has_data = lua_getfield(L, 1, "data") != LUA_TNIL;
    if (has_data && lua_type(L, 3) != LUA_TTABLE)
        return luaL_error(L, "report{}: 'data' must be a table of names and values");
    lua_pop(L, 1);
    if (!def && (has_data || (info->nmessages && looks_like_id(message)))) {
        const char *hint = closest_message(info, message);
        if (hint)
            return luaL_error(L, "report{}: message '%s' is not one of the rule's messages (did you mean '%s'?)",
                              message, hint);
        return luaL_error(L, "report{}: message '%s' is not one of the rule's messages", message);
    }
    sk_severity sev = rt->rule->info.severity;
    if (lua_getfield(L, 1, "severity") != LUA_TNIL) {
        sk_severity s;
        if (lua_type(L, 3) != LUA_TSTRING || sk_severity_parse(lua_tostring(L, 3), 0, &s))
            return luaL_error(L, "report{}: 'severity' must be one of: error, warning, info");
        if (s > sev)
            return luaL_error(L, "report{}: 'severity' may only lower the rule's severity (%s)",
                              sk_severity_name(sev));
        sev = s;
    }
    int owner = lua_getfield(L, 1, "owner") == LUA_TNIL ? 0 : lua_gettop(L);
    if (owner && (lua_type(L, owner) != LUA_TSTRING || !*lua_tostring(L, owner)))
        return luaL_error(L, "report{}: 'owner' must be a name (a non-empty string)");
    int t = lua_getfield(L, 1, "path");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
    } else if (t != LUA_TTABLE) {
        return luaL_error(L, "report{}: 'path' must be a list of keys and indexes");
    }
    int path = lua_gettop(L);
    lua_Integer n = luaL_len(L, path);
    for (lua_Integer i = 1; i <= n; i++) {
        int et = lua_geti(L, path, i);
        if (et != LUA_TSTRING && !(et == LUA_TNUMBER && lua_isinteger(L, -1)))
            return luaL_error(L, "report{}: path item %d must be a key (string) or an index (integer)",
                              (int)i);
        lua_pop(L, 1);
    }
    resolved r = {0};
    resolve(L, rt, path, &r);
    if (charge_finding(rt, lua_rawlen(L, 2) + r.path.len)) {
        sk_buf_free(&r.path);
        return sk_sandbox_stop(L, SK_STOP_FINDINGS);
    }

    sk_unit_result *out = rt->out;
    if (sk_grow((void **)&out->findings, &out->capfindings, out->nfindings, sizeof *out->findings)) {
        sk_buf_free(&r.path);
        rt->out_of_memory = 1;
        return luaL_error(L, "out of memory");
    }
    sk_finding *f = &out->findings[out->nfindings];
    memset(f, 0, sizeof *f);
    f->rule = sk_strdup(rt->rule->info.id);
    f->severity = sev;
    f->message = sk_strdup(message);
    f->lang = "";
    f->file = sk_strdup(r.doc->file);
    f->line = r.line;
    f->column = r.column;
    f->path = r.path.data ? r.path.data : sk_strdup("");
    const char *bad = NULL;
    char badname[64] = "";
    if (def) {
        /* the message by id: its values as plain data, its text in English
         * until the report stage renders it in the run's language */
        f->message_id = sk_strdup(message);
        if (has_data) {
            lua_getfield(L, 1, "data");
            bad = read_data(L, lua_gettop(L), &f->data, &f->ndata, badname, sizeof badname);
            lua_pop(L, 1);
        }
        if (!bad && f->message_id && f->message && sk_finding_render(f, info, "en"))
            bad = "out of memory";
    }
    if (!f->rule || !f->message || !f->file || !f->path || r.path.failed || (def && !f->message_id) ||
        (bad && strcmp(bad, "out of memory") == 0)) {
        sk_finding_free(f);
        rt->out_of_memory = 1;
        return luaL_error(L, "out of memory");
    }
    f->stable_path = sk_stable_path(r.doc->root, f->path); /* NULL (out of memory): path */
    const char *who = owner ? lua_tostring(L, owner) : sk_finding_owner(rt->unit, r.doc->root, f->path);
    if (who && !(f->owner = sk_strdup(who))) {
        sk_finding_free(f);
        rt->out_of_memory = 1;
        return luaL_error(L, "out of memory");
    }
    if (bad) {
        sk_finding_free(f);
        return luaL_error(L, "report{}: data.%s %s", badname, bad);
    }
    out->nfindings++;
    return 0;
}

/* ---- building the runtime ------------------------------------------------------------ */

static int compile_rules(sk_runtime *rt, int adopted, sk_error *err)
{
    lua_State *L = rt->sb->L;
    const sk_rules *r = rt->rules;
    for (size_t i = 0; i < r->nrules; i++)
        rt->compiled[i].check = rt->compiled[i].ctx = rt->compiled[i].ctxview = LUA_NOREF;
    for (size_t pi = 0; pi < r->nplugins; pi++) {
        /* a plugin none of whose rules runs is never loaded into a runtime */
        int wanted = 0;
        for (size_t i = 0; i < r->nrules && !wanted; i++)
            wanted = r->rules[i].plugin == pi && r->rules[i].enabled;
        if (r->plugins[pi].broken || !wanted)
            continue;
        if (adopted) /* the registry evaluated it in this very state */
            lua_rawgeti(L, LUA_REGISTRYINDEX, r->plugins[pi].list_ref);
        else if (sk_plugin_eval(rt->sb, &r->plugins[pi], err))
            return -1;
        int list = lua_gettop(L);
        for (size_t i = 0; i < r->nrules; i++) {
            const sk_rule *rule = &r->rules[i];
            if (rule->plugin != pi)
                continue;
            lua_geti(L, list, rule->index_in_file);
            int t = lua_gettop(L);
            lua_getfield(L, t, "check");
            rt->compiled[i].check = luaL_ref(L, LUA_REGISTRYINDEX);
            /* ctx: as_of and unit change per unit; params and days do not */
            lua_createtable(L, 0, 4);
            /* ctx.params: the rule's defaults, then the profile's values */
            lua_newtable(L);
            if (lua_getfield(L, t, "params") == LUA_TTABLE) {
                lua_pushnil(L);
                while (lua_next(L, -2)) {
                    lua_pushvalue(L, -2);
                    lua_insert(L, -2);
                    lua_rawset(L, -5);
                }
            }
            lua_pop(L, 1);
            for (size_t k = 0; k < rule->info.nparams; k++) {
                const sk_param *p = &rule->info.params[k];
                if (!p->profile_value)
                    continue;
                sk_luadoc_push(L, p->profile_value);
                lua_setfield(L, -2, p->name);
            }
            sk_sandbox_push_readonly(L, -1);
            lua_setfield(L, -3, "params");
            lua_pop(L, 1);
            sk_sandbox_push_env(L);
            lua_getfield(L, -1, "sk");
            lua_getfield(L, -1, "days");
            lua_setfield(L, -4, "days");
            lua_pop(L, 2);
            sk_sandbox_wrap(L, -1);
            rt->compiled[i].ctxview = luaL_ref(L, LUA_REGISTRYINDEX);
            rt->compiled[i].ctx = luaL_ref(L, LUA_REGISTRYINDEX);
            lua_settop(L, list);
        }
        lua_settop(L, 0);
    }
    return 0;
}

sk_runtime *sk_runtime_new(const sk_rules *rules, sk_error *err)
{
    memset(err, 0, sizeof *err);
    sk_runtime *rt = calloc(1, sizeof *rt);
    if (rt)
        rt->compiled = calloc(rules->nrules + 1, sizeof *rt->compiled);
    if (!rt || !rt->compiled) {
        free(rt);
        err->message = sk_strdup("out of memory");
        return NULL;
    }
    rt->rules = rules;
    /* the first runtime takes the state the registry evaluated the plugins
     * in; every other one evaluates them in a fresh sandbox */
    rt->sb = sk_rules_take_spare(rules);
    int adopted = rt->sb != NULL;
    char *msg = NULL;
    if (!rt->sb && (!(rt->sb = calloc(1, sizeof *rt->sb)) || sk_sandbox_open(rt->sb, &rules->limits, &msg))) {
        err->kind = SK_ERR_PLUGIN;
        err->message = msg ? msg : sk_strdup("cannot open Lua: out of memory");
        free(rt->sb);
        free(rt->compiled);
        free(rt);
        return NULL;
    }
    if (compile_rules(rt, adopted, err)) {
        sk_runtime_free(rt);
        return NULL;
    }
    return rt;
}

size_t sk_runtime_free(sk_runtime *rt)
{
    if (!rt)
        return 0;
    size_t left = sk_sandbox_destroy(rt->sb);
    free(rt->as_of);
    free(rt->compiled);
    free(rt);
    return left;
}

/* ---- checking a unit -------------------------------------------------------------------- */

static int add_file(sk_unit_result *out, const char *file)
{
    for (size_t i = 0; i < out->nfiles; i++)
        if (strcmp(out->files[i], file) == 0)
            return 0;
    char **files = realloc(out->files, (out->nfiles + 1) * sizeof *files);
    if (!files)
        return -1;
    out->files = files;
    if (!(files[out->nfiles] = sk_strdup(file)))
        return -1;
    out->nfiles++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kinds of the unit's documents (static names), sorted and unique: the
 * reports tell from them which rules applied to the unit. */
static int add_kinds(sk_unit_result *out, const sk_unit *u)
{
    if (u->count == 0)
        return 0;
    out->kinds = calloc(u->count, sizeof *out->kinds);
    if (!out->kinds)
        return -1;
    for (size_t i = 0; i < u->count; i++) {
        size_t j = 0;
        while (j < out->nkinds && strcmp(out->kinds[j], u->docs[i]->kind) != 0)
            j++;
        if (j == out->nkinds)
            out->kinds[out->nkinds++] = u->docs[i]->kind;
    }
    qsort(out->kinds, out->nkinds, sizeof *out->kinds, cmp_str);
    return 0;
}

/* One rule call: the check function and its three arguments on the stack,
 * replaced by nothing (LUA_OK) or the error message; what it reports is
 * counted against the caps of report(). */
static int call_rule(sk_runtime *rt)
{
    rt->call_findings = rt->call_bytes = 0;
    return sk_sandbox_call(rt->sb, 3, 0);
}

/* --timing: one call of rule i, started at t0 (what the sandbox counted:
 * its instructions, and the bytes it allocated, which do not depend on when
 * the collector ran). */
static void count_call(sk_runtime *rt, size_t i, unsigned long long t0)
{
    unsigned long long ns = sk_now_ns() - t0;
    sk_rule_timing *r = &rt->timing->rules[i];
    r->calls++;
    r->ns += ns;
    r->instructions += rt->sb->spent;
    r->bytes += rt->sb->allocated;
    rt->timing->stage_ns[SK_STAGE_RULES] += ns;
}

void sk_runtime_timing(sk_runtime *rt, sk_timing *t)
{
    static const sk_watch count_all = {NULL, NULL}; /* exact instruction counts */
    rt->timing = t && sk_timing_size(t, rt->rules->nrules) == 0 ? t : NULL;
    if (rt->timing && !rt->sb->watch)
        rt->sb->watch = &count_all;
}

void sk_runtime_watch(sk_runtime *rt, const sk_watch *w)
{
    rt->sb->watch = w;
}

/* Records a failed rule call: the first line of Lua's message (or, when the
 * sandbox stopped the call, the stop's format and arguments, so that the
 * report says it in its language), the traceback. */
static int rule_error(sk_runtime *rt, sk_errors *errs)
{
    lua_State *L = rt->sb->L;
    const char *msg = lua_tostring(L, -1);
    if (!msg)
        msg = "(no message)";
    const char *nl = strchr(msg, '\n');
    int len = nl ? (int)(nl - msg) : (int)strlen(msg);
    const char *file = rt->rule->info.file, *text;
    int line = sk_lua_position(msg, file, &text);
    len -= (int)(text - msg);
    msg = text;
    const sk_error *stop = rt->sb->stop.message ? &rt->sb->stop : NULL;
    if (stop ? sk_errors_add(errs, SK_ERR_RULE, file, line, 0, "rule %s failed on unit %s: ",
                             rt->rule->info.id, rt->unit->hsa_id)
             : sk_errors_add(errs, SK_ERR_RULE, file, line, 0, "rule %s failed on unit %s: %.*s",
                             rt->rule->info.id, rt->unit->hsa_id, len, msg))
        return -1;
    sk_error *e = &errs->items[errs->count - 1];
    if (stop && sk_error_append(e, stop))
        return -1;
    e->rule = sk_strdup(rt->rule->info.id);
    e->unit = sk_strdup(rt->unit->hsa_id);
    e->traceback = nl ? sk_strdup(nl + 1) : NULL;
    return 0;
}

int sk_runtime_check(sk_runtime *rt, const sk_unit *u, const char *as_of, sk_unit_result *out,
                     sk_errors *errs)
{
    lua_State *L = rt->sb->L;
    out->hsa_id = sk_strdup(u->hsa_id);
    out->name = sk_strdup(u->name);
    if (!out->hsa_id || (u->name && !out->name))
        return -1;
    for (size_t i = 0; i < u->count; i++)
        if (add_file(out, u->docs[i]->file))
            return -1;
    for (size_t i = 0; i < u->nfailed; i++)
        if (add_file(out, u->failed_files[i]))
            return -1;
    if (out->nfiles > 1)
        qsort(out->files, out->nfiles, sizeof *out->files, cmp_str);
    if (add_kinds(out, u))
        return -1;
    out->load_errors = u->load_errors;
    sk_rollout_launch(u, out);
    if (u->count == 0)
        return 0; /* nothing of it could be read */

    rt->unit = u;
    rt->out = out;
    rt->out_of_memory = 0;
    rt->unit_bytes = 0;
    lua_settop(L, 0);
    unsigned long long t0 = rt->timing ? sk_now_ns() : 0;
    sk_luadoc_push_unit(L, u); /* 1: the unit view; its documents are the doc views */
    sk_sandbox_inner(L, 1);
    lua_getfield(L, -1, "documents");
    sk_sandbox_inner(L, -1); /* 4: kind -> list of document views */
    lua_pushliteral(L, "unit"); /* 5: the key of ctx.unit */
    int docs = lua_gettop(L);
    const int key_unit = docs;
    /* the list of document views of each kind, looked up once per unit
     * rather than once per rule: kind k's inner list is at key_unit + 1 + k */
    const char *kinds[8];
    lua_Integer nkind_docs[8];
    size_t nkinds = 0;
    for (const sk_kind *k = sk_kinds; k->name && nkinds < 8; k++) {
        if (!k->unit_document)
            continue;
        lua_getfield(L, docs - 1, k->name);
        if (!sk_sandbox_inner(L, -1)) {
            lua_pop(L, 1);
            continue;
        }
        lua_replace(L, -2);
        kinds[nkinds] = k->name;
        nkind_docs[nkinds++] = (lua_Integer)lua_rawlen(L, -1);
    }
    docs = lua_gettop(L);
    if (rt->timing)
        rt->timing->stage_ns[SK_STAGE_VIEWS] += sk_now_ns() - t0;

    /* ctx.as_of is the same for every unit of a run: set when it changes */
    if (!rt->as_of_set || (as_of ? !rt->as_of || strcmp(as_of, rt->as_of) != 0 : rt->as_of != NULL)) {
        free(rt->as_of);
        rt->as_of = as_of ? sk_strdup(as_of) : NULL;
        rt->as_of_set = !as_of || rt->as_of; /* else set it again next time */
        for (size_t i = 0; i < rt->rules->nrules; i++) {
            if (rt->compiled[i].ctx == LUA_NOREF)
                continue;
            lua_rawgeti(L, LUA_REGISTRYINDEX, rt->compiled[i].ctx);
            lua_pushstring(L, as_of);
            lua_setfield(L, -2, "as_of");
            lua_pop(L, 1);
        }
    }

    /* ctx.unit of every rule is this unit before any rule runs, so no rule
     * sees another unit in any ctx. It is overwritten, not cleared, after the
     * unit: a key set to nil dies in the next collection and the table has
     * to grow again to take it back, once per rule and unit. */
    for (size_t i = 0; i < rt->rules->nrules; i++) {
        if (rt->compiled[i].ctx == LUA_NOREF)
            continue;
        lua_rawgeti(L, LUA_REGISTRYINDEX, rt->compiled[i].ctx); /* a plain table */
        lua_pushvalue(L, key_unit);
        lua_pushvalue(L, 1);
        lua_rawset(L, -3);
        lua_pop(L, 1);
    }

    for (size_t i = 0; i < rt->rules->nrules; i++) {
        const sk_rule *rule = &rt->rules->rules[i];
        const compiled *c = &rt->compiled[i];
        if (!rule->enabled || c->check == LUA_NOREF)
            continue;
        rt->rule = rule;

        int is_unit = strcmp(rule->info.applies_to, "unit") == 0;
        lua_Integer ndocs = 1;
        if (!is_unit) {
            size_t k = 0;
            while (k < nkinds && strcmp(kinds[k], rule->info.applies_to) != 0)
                k++;
            if (k < nkinds) {
                lua_pushvalue(L, key_unit + 1 + (int)k);
                ndocs = nkind_docs[k];
            } else {
                lua_getfield(L, key_unit - 1, rule->info.applies_to);
                if (sk_sandbox_inner(L, -1))
                    lua_replace(L, -2);
                ndocs = lua_type(L, -1) == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, -1) : 0;
            }
        } else {
            lua_pushnil(L);
        }
        int list = lua_gettop(L);
        for (lua_Integer d = 1; d <= ndocs; d++) {
            rt->doc = is_unit ? NULL : unit_doc(u, rule->info.applies_to, d);
            rt->call++;
            lua_rawgeti(L, LUA_REGISTRYINDEX, c->check);
            if (is_unit)
                lua_pushvalue(L, 1);
            else
                lua_rawgeti(L, list, d);
            lua_pushlightuserdata(L, rt);
            lua_pushinteger(L, (lua_Integer)rt->call);
            lua_pushcclosure(L, report, 2);
            lua_rawgeti(L, LUA_REGISTRYINDEX, c->ctxview);
            t0 = rt->timing ? sk_now_ns() : 0;
            int st = call_rule(rt);
            if (rt->timing)
                count_call(rt, i, t0);
            rt->call++; /* a report() kept by the rule is dead from here on */
            if (rt->out_of_memory)
                return -1;
            if (st != LUA_OK) {
                out->rule_errors++;
                int r = rule_error(rt, errs);
                lua_pop(L, 1);
                if (r)
                    return -1;
                break; /* one error per rule and unit is enough */
            }
        }
        lua_settop(L, docs);
    }
    lua_settop(L, 0);
    rt->unit = NULL;
    rt->out = NULL;
    return 0;
}

void sk_finding_free(sk_finding *f)
{
    free(f->rule), free(f->message), free(f->file), free(f->path), free(f->message_id), free(f->stable_path);
    free(f->owner);
    sk_values_free(f->data, f->ndata);
    memset(f, 0, sizeof *f);
}

void sk_unit_result_free(sk_unit_result *r)
{
    for (size_t i = 0; i < r->nfindings; i++) {
        sk_finding_free(&r->findings[i]);
    }
    for (size_t i = 0; i < r->nfiles; i++)
        free(r->files[i]);
    free(r->findings);
    free(r->files);
    free(r->kinds);
    free(r->hsa_id);
    free(r->name);
    memset(r, 0, sizeof *r);
}
