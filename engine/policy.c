/* policy.c: what a region decides about the rules and the findings, apart
 * from the rules themselves: which rules run and how hard (a profile, --only,
 * --skip), which gaps are accepted for a while (waivers), and which are
 * already known (a baseline). Every policy document is YAML read by the same
 * loader and schema tables as the units (kinds profile, waivers, baseline). */
#include "internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A baseline entry (or a finding recorded for --write-baseline). */
typedef struct known {
    char *unit, *rule, *path, *fingerprint;
    int line, column;     /* of the entry in the baseline file */
    sk_severity severity; /* SK_SEV_NONE: any (a baseline of the first format) */
    int used;    /* a finding of this run matched it */
    int checked; /* its unit was judged whole in this run */
    int runs;    /* its rule runs in this run (a rule that did not run fixed nothing) */
} known;

/* A waiver given with --waivers, and what this run knows of it. */
typedef struct waiver {
    sk_waiver w; /* what findings point at */
    int runs;    /* its rule runs in this run */
    int judged;  /* its unit was judged whole in this run: only then can it be stale */
    char *held;  /* a path by position (staff[3]) whose item has an identity: what it holds now
                    (staff[id=s3]), for a warning; NULL when none */
} waiver;

struct sk_policy {
    sk_docset *docs; /* profile documents: their nodes are the parameter values */
    waiver *waivers;
    size_t nwaivers, capwaivers;
    unsigned shard, shards; /* a sharded run speaks only of its own units' waivers */
    known *baseline;
    size_t nbaseline, capbaseline;
    char *baseline_file; /* where a fixed entry is reported (SARIF gives every result a location) */
    int has_baseline;
    int baseline_version; /* its format: 1, paths by position, no severity; 2, stable paths */
    long max_days;      /* the longest a waiver may run from --as-of (waivers.max_days) */
    long expiring_days; /* a waiver this close to its expiry is expiring soon */
    known *seen; /* every finding's fingerprint, for --write-baseline */
    size_t nseen, capseen;
    int collect;
    int at_risk_days; /* rollout.at_risk_days; -1: not set */
};

sk_policy *sk_policy_new(int collect)
{
    sk_policy *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    sk_limits l = sk_limits_default();
    if (!(p->docs = sk_docset_new(&l))) {
        free(p);
        return NULL;
    }
    p->collect = collect;
    p->max_days = 180;
    p->expiring_days = 14;
    p->at_risk_days = -1;
    return p;
}

static void known_free(known *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(k[i].unit), free(k[i].rule), free(k[i].path), free(k[i].fingerprint);
    free(k);
}

void sk_policy_free(sk_policy *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nwaivers; i++) {
        sk_waiver *w = &p->waivers[i].w;
        free(w->rule), free(w->unit), free(w->path), free(w->reason), free(w->approved_by),
            free(w->expires), free(w->file);
        free(p->waivers[i].held);
    }
    free(p->waivers);
    known_free(p->baseline, p->nbaseline);
    free(p->baseline_file);
    known_free(p->seen, p->nseen);
    sk_docset_free(p->docs);
    free(p);
}

static const char *text_of(const sk_node *map, const char *key)
{
    const sk_node *n = sk_node_get(map, key);
    return n && (n->type == SK_NODE_STR || n->type == SK_NODE_DATE) ? n->text : NULL;
}

/* Whether the rule of that id is loaded and runs in this run (rules are sorted by id). */
static int rule_runs(const sk_rules *r, const char *id)
{
    size_t lo = 0, hi = r && id ? r->nrules : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->rules[mid].info.id, id);
        if (c == 0)
            return r->rules[mid].enabled;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---- selection: ids and prefixes ------------------------------------------------ */

/* "CP-02" selects CP-02; "SM-" (ending in '-') or "SM" selects every SM- rule. */
static int selects(const char *selector, const char *id)
{
    size_t n = strlen(selector);
    if (strcmp(selector, id) == 0)
        return 1;
    if (n && selector[n - 1] == '-')
        return strncmp(selector, id, n) == 0;
    return strncmp(selector, id, n) == 0 && id[n] == '-';
}

/* Calls fn on every rule the selector picks; returns how many. */
static size_t each_selected(sk_rules *r, const char *selector, void (*fn)(sk_rule *, const void *),
                            const void *arg)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nrules; i++)
        if (selects(selector, r->rules[i].info.id))
            fn(&r->rules[i], arg), n++;
    return n;
}

static void set_enabled(sk_rule *rule, const void *on)
{
    rule->enabled = *(const int *)on;
}

static void set_severity(sk_rule *rule, const void *sev)
{
    rule->info.severity = *(const sk_severity *)sev;
}

static void unknown_selector(sk_errors *errs, sk_error_kind kind, const sk_rules *r, const char *file,
                             int line, int col, const char *selector)
{
    sk_nearest near = {.word = selector};
    for (size_t i = 0; i < r->nrules; i++)
        sk_nearest_try(&near, r->rules[i].info.id);
    const char *hint = sk_nearest_get(&near);
    if (hint)
        sk_errors_add(errs, kind, file, line, col, "'%s' names no loaded rule (did you mean '%s'?)", selector, hint);
    else
        sk_errors_add(errs, kind, file, line, col, "'%s' names no loaded rule", selector);
}

int sk_rules_select(sk_rules *r, const char *only, const char *skip, sk_errors *errs)
{
    int bad = 0;
    const char *lists[2] = {only, skip};
    for (size_t i = 0; i < r->nrules; i++)
        r->rules[i].keep = 1; /* without --only every rule is kept */
    for (int which = 0; which < 2; which++) {
        if (!lists[which])
            continue;
        char *copy = sk_strdup(lists[which]);
        if (!copy)
            return 1;
        if (which == 0)
            for (size_t i = 0; i < r->nrules; i++)
                r->rules[i].keep = 0;
        size_t selectors = 0;
        for (char *save = NULL, *sel = strtok_r(copy, ", ", &save); sel; sel = strtok_r(NULL, ", ", &save)) {
            selectors++;
            size_t n = 0;
            for (size_t i = 0; i < r->nrules; i++)
                if (selects(sel, r->rules[i].info.id)) {
                    r->rules[i].keep = which == 0;
                    n++;
                }
            if (!n) {
                unknown_selector(errs, SK_ERR_USAGE, r, NULL, 0, 0, sel);
                bad++;
            }
        }
        if (!selectors) {
            /* an empty variable in a CI script must not switch every rule off */
            sk_errors_add(errs, SK_ERR_USAGE, NULL, 0, 0, "%s names no rule: give rule ids or prefixes",
                          which == 0 ? "--only" : "--skip");
            bad++;
        }
        free(copy);
    }
    for (size_t i = 0; i < r->nrules; i++)
        r->rules[i].enabled = r->rules[i].enabled && r->rules[i].keep;
    return bad;
}

/* ---- profiles --------------------------------------------------------------------- */

char *sk_profile_path(const char *name_or_path, const char *rules_dir)
{
    size_t n = strlen(name_or_path);
    if (strchr(name_or_path, '/') || (n > 5 && strcmp(name_or_path + n - 5, ".yaml") == 0) ||
        (n > 4 && strcmp(name_or_path + n - 4, ".yml") == 0))
        return sk_strdup(name_or_path);
    return sk_printf("%s/%s.yaml", rules_dir, name_or_path);
}

/* The value of a parameter override fits the type of its default. */
static int param_fits(sk_param_type t, const sk_node *v)
{
    switch (t) {
    case SK_PARAM_INTEGER:
        return v->type == SK_NODE_INT;
    case SK_PARAM_NUMBER:
        return v->type == SK_NODE_INT || v->type == SK_NODE_NUM;
    case SK_PARAM_STRING:
        return v->type == SK_NODE_STR || v->type == SK_NODE_DATE;
    case SK_PARAM_BOOLEAN:
        return v->type == SK_NODE_BOOL;
    case SK_PARAM_LIST:
        if (v->type != SK_NODE_SEQ)
            return 0;
        for (size_t i = 0; i < v->v.seq.count; i++) {
            sk_node_type it = v->v.seq.items[i]->type;
            if (it == SK_NODE_MAP || it == SK_NODE_SEQ || it == SK_NODE_NULL)
                return 0;
        }
        return 1;
    }
    return 0;
}

static const char *const PARAM_TYPE_WORDS[] = {"an integer", "a number", "a text", "true or false",
                                               "a list"};

static int apply_params(sk_rules *r, const sk_doc *d, const sk_node *params, sk_errors *errs)
{
    int bad = 0;
    for (size_t i = 0; params && params->type == SK_NODE_MAP && i < params->v.map.count; i++) {
        const sk_pair *rp = &params->v.map.items[i];
        sk_rule *rule = NULL;
        for (size_t k = 0; k < r->nrules && !rule; k++)
            if (strcmp(r->rules[k].info.id, rp->key) == 0)
                rule = &r->rules[k];
        if (!rule) {
            unknown_selector(errs, SK_ERR_POLICY, r, d->file, rp->line, rp->column, rp->key);
            bad++;
            continue;
        }
        const sk_node *values = rp->value;
        for (size_t j = 0; values->type == SK_NODE_MAP && j < values->v.map.count; j++) {
            const sk_pair *pp = &values->v.map.items[j];
            sk_param *param = NULL;
            for (size_t k = 0; k < rule->info.nparams && !param; k++)
                if (strcmp(rule->info.params[k].name, pp->key) == 0)
                    param = &rule->info.params[k];
            if (!param) {
                sk_nearest near = {.word = pp->key};
                for (size_t k = 0; k < rule->info.nparams; k++)
                    sk_nearest_try(&near, rule->info.params[k].name);
                const char *hint = sk_nearest_get(&near);
                if (hint)
                    sk_errors_add(errs, SK_ERR_POLICY, d->file, pp->line, pp->column,
                                  "rule %s has no parameter '%s' (did you mean '%s'?)", rule->info.id, pp->key, hint);
                else
                    sk_errors_add(errs, SK_ERR_POLICY, d->file, pp->line, pp->column,
                                  "rule %s has no parameter '%s'", rule->info.id, pp->key);
                bad++;
            } else if (!param_fits(param->type, pp->value)) {
                sk_errors_add(errs, SK_ERR_POLICY, d->file, pp->value->line, pp->value->column,
                              "parameter '%s' of rule %s must be %s (its default is %s)", pp->key,
                              rule->info.id, PARAM_TYPE_WORDS[param->type], param->default_json);
                bad++;
            } else {
                param->profile_value = pp->value;
                param->profile_file = d->file;
            }
        }
    }
    return bad;
}

static int apply_selectors(sk_rules *r, const sk_doc *d, const char *key, int on, sk_errors *errs)
{
    const sk_node *list = sk_node_get(d->root, key);
    int bad = 0;
    for (size_t i = 0; list && list->type == SK_NODE_SEQ && i < list->v.seq.count; i++) {
        const sk_node *sel = list->v.seq.items[i];
        if (sel->type != SK_NODE_STR)
            continue;
        if (!each_selected(r, sel->text, set_enabled, &on)) {
            unknown_selector(errs, SK_ERR_POLICY, r, d->file, sel->line, sel->column, sel->text);
            bad++;
        }
    }
    return bad;
}

int sk_policy_at_risk_days(const sk_policy *p)
{
    return p && p->at_risk_days >= 0 ? p->at_risk_days : SK_AT_RISK_DAYS_DEFAULT;
}

/* rollout.at_risk_days of a profile (the schema checked its range; a profile
 * extending another overrides it). */
static void apply_rollout(sk_policy *pol, const sk_doc *d)
{
    const sk_node *days = sk_node_get(sk_node_get(d->root, "rollout"), "at_risk_days");
    if (days && days->type == SK_NODE_INT)
        pol->at_risk_days = (int)days->v.i;
}

/* The profile's limits on waivers (a profile extending another overrides them). */
static void apply_waiver_limits(sk_policy *pol, const sk_doc *d)
{
    const sk_node *limits = sk_node_get(d->root, "waivers");
    const sk_node *max = limits ? sk_node_get(limits, "max_days") : NULL;
    const sk_node *soon = limits ? sk_node_get(limits, "expiring_days") : NULL;
    if (max && max->type == SK_NODE_INT)
        pol->max_days = (long)max->v.i;
    if (soon && soon->type == SK_NODE_INT)
        pol->expiring_days = (long)soon->v.i;
}

static int apply_profile_doc(sk_policy *pol, sk_rules *r, const sk_doc *d, sk_errors *errs)
{
    apply_waiver_limits(pol, d);
    apply_rollout(pol, d);
    int bad = apply_selectors(r, d, "disable", 0, errs);
    bad += apply_selectors(r, d, "enable", 1, errs);
    const sk_node *sev = sk_node_get(d->root, "severity");
    for (size_t i = 0; sev && sev->type == SK_NODE_MAP && i < sev->v.map.count; i++) {
        const sk_pair *p = &sev->v.map.items[i];
        sk_severity s;
        if (p->value->type != SK_NODE_STR || sk_severity_parse(p->value->text, 0, &s))
            continue; /* the schema already refused it */
        if (!each_selected(r, p->key, set_severity, &s)) {
            unknown_selector(errs, SK_ERR_POLICY, r, d->file, p->line, p->column, p->key);
            bad++;
        }
    }
    return bad + apply_params(r, d, sk_node_get(d->root, "params"), errs);
}

#define MAX_EXTENDS 8

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A profile named by a name that rules_dir does not hold ("--profile
 * prelaunh", or a profile's "extends: prelaunh" at file:line:col): 1 with one
 * error that says so, with the closest shipped name or else the names there
 * are; 0 when path is no such name (a path given as such, or a file that
 * exists: its reading says what is wrong). */
static int no_such_profile(const char *path, const char *rules_dir, const char *file, int line, int col,
                           sk_errors *errs)
{
    size_t n = strlen(rules_dir);
    if (strncmp(path, rules_dir, n) != 0 || path[n] != '/')
        return 0;
    const char *name = path + n + 1;
    size_t len = strlen(name);
    if (strchr(name, '/') || len <= 5 || access(path, F_OK) == 0)
        return 0;
    char *wanted = sk_printf("%.*s", (int)(len - 5), name);
    char **names = NULL;
    size_t count = 0, cap = 0;
    int oom = !wanted;
    DIR *d = oom ? NULL : opendir(rules_dir);
    for (struct dirent *e = d ? readdir(d) : NULL; e && !oom; e = readdir(d)) {
        size_t el = strlen(e->d_name);
        if (el <= 5 || strcmp(e->d_name + el - 5, ".yaml") != 0)
            continue;
        oom = sk_grow((void **)&names, &cap, count, sizeof *names) ||
              !(names[count] = sk_printf("%.*s", (int)(el - 5), e->d_name));
        count += !oom;
    }
    if (d)
        closedir(d);
    if (count > 1) /* in name order, so neither list nor hint depends on the directory's order */
        qsort(names, count, sizeof *names, cmp_name);
    sk_nearest near = {.word = wanted};
    sk_buf list = {0};
    for (size_t i = 0; !oom && i < count; i++) {
        sk_nearest_try(&near, names[i]);
        sk_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
    }
    const char *hint = oom ? NULL : sk_nearest_get(&near);
    if (oom || list.failed)
        sk_errors_add(errs, SK_ERR_POLICY, path, 0, 0, "out of memory");
    else if (hint)
        sk_errors_add(errs, SK_ERR_POLICY, file, line, col, "there is no profile '%s' (did you mean '%s'?)", wanted,
                      hint);
    else if (count)
        sk_errors_add(errs, SK_ERR_POLICY, file, line, col, "there is no profile '%s'; the profiles are: %s", wanted,
                      list.data);
    else
        sk_errors_add(errs, SK_ERR_POLICY, file, line, col, "there is no profile '%s'", wanted);
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    free(wanted);
    sk_buf_free(&list);
    return 1;
}

/* Loads the profile at path and everything it extends (base first), and
 * applies them in that order. */
static int apply_profile(sk_policy *pol, sk_rules *r, const char *path, const char *rules_dir, int depth,
                         sk_errors *errs)
{
    if (depth > MAX_EXTENDS)
        return sk_errors_add(errs, SK_ERR_POLICY, path, 0, 0,
                             "profiles extend each other more than %d deep (a loop?)", MAX_EXTENDS),
               1;
    if (no_such_profile(path, rules_dir, NULL, 0, 0, errs))
        return 1;
    size_t first = pol->docs->count;
    size_t before = errs->count;
    sk_load_file(pol->docs, path, errs);
    for (size_t i = before; i < errs->count; i++)
        if (errs->items[i].kind == SK_ERR_INPUT)
            errs->items[i].kind = SK_ERR_POLICY;
    if (errs->count > before)
        return 1;
    if (pol->docs->count != first + 1 || strcmp(pol->docs->docs[first].kind, "profile") != 0)
        return sk_errors_add(errs, SK_ERR_POLICY, path, 1, 1, "a profile file holds one document of kind profile"),
               1;
    const sk_doc *d = &pol->docs->docs[first];
    const char *base = text_of(d->root, "extends");
    if (base) {
        char *base_path;
        if (!strchr(base, '/') && !strstr(base, ".yaml")) {
            base_path = sk_profile_path(base, rules_dir);
        } else {
            /* a path is relative to the profile that names it */
            const char *slash = strrchr(path, '/');
            base_path = base[0] == '/' || !slash ? sk_strdup(base)
                                                 : sk_printf("%.*s/%s", (int)(slash - path), path, base);
        }
        if (!base_path)
            return 1;
        const sk_node *at = sk_node_get(d->root, "extends"); /* a name: the error points at it */
        int bad = no_such_profile(base_path, rules_dir, d->file, at->line, at->column, errs) ||
                  apply_profile(pol, r, base_path, rules_dir, depth + 1, errs);
        free(base_path);
        if (bad)
            return bad;
        d = &pol->docs->docs[first]; /* the docs array may have moved */
    }
    return apply_profile_doc(pol, r, d, errs);
}

int sk_policy_profile_line(sk_policy *pol, sk_rules *r, const char *name, const char *text, int line,
                           sk_errors *errs)
{
    size_t first = pol->docs->count, before = errs->count;
    sk_load_span(pol->docs, name, text, strlen(text), line - 1, errs);
    for (size_t i = before; i < errs->count; i++)
        if (errs->items[i].kind == SK_ERR_INPUT)
            errs->items[i].kind = SK_ERR_POLICY;
    if (errs->count > before)
        return 1;
    if (pol->docs->count != first + 1 || strcmp(pol->docs->docs[first].kind, "profile") != 0)
        return sk_errors_add(errs, SK_ERR_POLICY, name, line, 1, "a profile file holds one document of kind profile"),
               1;
    return apply_profile_doc(pol, r, &pol->docs->docs[first], errs);
}

int sk_policy_profile(sk_policy *pol, sk_rules *r, const char *path, const char *profiles_dir,
                      sk_errors *errs)
{
    return apply_profile(pol, r, path, profiles_dir ? profiles_dir : ".", 0, errs);
}

sk_profile *sk_profile_apply(sk_rules *r, const char *path, const char *profiles_dir, sk_errors *errs)
{
    sk_policy *p = sk_policy_new(0);
    if (p)
        sk_policy_profile(p, r, path, profiles_dir, errs);
    return p;
}

void sk_profile_free(sk_profile *p)
{
    sk_policy_free(p);
}

static void node_json(sk_buf *b, const sk_node *n)
{
    switch (n->type) {
    case SK_NODE_NULL:
        sk_buf_puts(b, "null");
        break;
    case SK_NODE_BOOL:
        sk_buf_puts(b, n->v.b ? "true" : "false");
        break;
    case SK_NODE_INT:
        sk_buf_printf(b, "%lld", n->v.i);
        break;
    case SK_NODE_NUM:
        sk_buf_printf(b, "%.17g", n->v.n);
        break;
    case SK_NODE_STR:
    case SK_NODE_DATE:
        sk_buf_json(b, n->text);
        break;
    case SK_NODE_SEQ:
        sk_buf_puts(b, "[");
        for (size_t i = 0; i < n->v.seq.count; i++) {
            sk_buf_puts(b, i ? ", " : "");
            node_json(b, n->v.seq.items[i]);
        }
        sk_buf_puts(b, "]");
        break;
    case SK_NODE_MAP:
        sk_buf_puts(b, "{");
        for (size_t i = 0; i < n->v.map.count; i++) {
            sk_buf_puts(b, i ? ", " : "");
            sk_buf_json(b, n->v.map.items[i].key);
            sk_buf_puts(b, ": ");
            node_json(b, n->v.map.items[i].value);
        }
        sk_buf_puts(b, "}");
        break;
    }
}

char *sk_param_profile_json(const sk_param *p)
{
    if (!p->profile_value)
        return NULL;
    sk_buf b = {0};
    node_json(&b, p->profile_value);
    if (b.failed) {
        sk_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* ---- waivers ------------------------------------------------------------------------- */

static const char *const WAIVER_REQUIRED[] = {"rule", "unit", "reason", "approved_by", "expires", NULL};

/* The characters that show nothing: Unicode's spaces and the invisible
 * formatting marks (zero-width space and joiners, direction marks, word
 * joiner, byte order mark), as ranges of code points. */
static const struct { unsigned first, last; } INVISIBLE[] = {
    {0x09, 0x0D}, {0x20, 0x20}, {0x85, 0x85}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x180E, 0x180E},
    {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x2064}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF},
};

/* Whether a text shows nothing: a reason or an approver written as a
 * zero-width space reads as empty to whoever reviews the waivers file. */
static int blank(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    while (p < end) {
        uint32_t c;
        if (!sk_utf8_decode(p, (size_t)(end - p), &c))
            return 0; /* not UTF-8 (the loader refuses it): something shows */
        size_t i = 0;
        while (i < sizeof INVISIBLE / sizeof *INVISIBLE && !(c >= INVISIBLE[i].first && c <= INVISIBLE[i].last))
            i++;
        if (i == sizeof INVISIBLE / sizeof *INVISIBLE)
            return 0;
        for (p++; p < end && (*p & 0xC0) == 0x80; p++) /* past the character's continuation bytes */
            ;
    }
    return 1;
}

/* Checks one waiver against the rules and the profile's limits; 0 when it
 * may be applied, else the errors it added (policy errors, at its position). */
static int waiver_valid(const sk_policy *pol, const sk_rules *r, const char *as_of, const sk_doc *d,
                        const sk_node *w, size_t i, sk_errors *errs)
{
    int bad = 0;
    for (const char *const *f = WAIVER_REQUIRED; *f; f++) {
        const char *v = text_of(w, *f);
        if (!v || blank(v)) {
            sk_errors_add(errs, SK_ERR_POLICY, d->file, w->line, w->column,
                          v ? "a waiver's '%s' may not be empty (waivers[%zu])" : "a waiver needs '%s' (waivers[%zu])",
                          *f, i + 1);
            bad++;
        }
    }
    if (bad)
        return bad;
    const sk_pair *rule = sk_node_pair(w, "rule"), *unit = sk_node_pair(w, "unit"),
                  *expires = sk_node_pair(w, "expires");
    if (!sk_rules_find(r, rule->value->text)) {
        unknown_selector(errs, SK_ERR_POLICY, r, d->file, rule->value->line, rule->value->column,
                         rule->value->text);
        bad++;
    }
    if (strcmp(unit->value->text, "*") == 0) {
        sk_errors_add(errs, SK_ERR_POLICY, d->file, unit->value->line, unit->value->column,
                      "a waiver names one unit, not \"*\": to turn %s off for every unit, disable it in a "
                      "profile (--profile)",
                      rule->value->text);
        bad++;
    }
    int64_t days = sk_date_days(expires->value->text) - sk_date_days(as_of);
    if (days > pol->max_days) {
        sk_errors_add(errs, SK_ERR_POLICY, d->file, expires->value->line, expires->value->column,
                      "the waiver of %s for %s runs until %s, %lld days after %s: a waiver may run at most "
                      "%ld days (the profile's waivers.max_days)",
                      rule->value->text, unit->value->text, expires->value->text, (long long)days, as_of,
                      pol->max_days);
        bad++;
    }
    return bad;
}

/* Takes the waivers of a document given with --waivers. */
static int add_waivers(sk_policy *pol, const sk_rules *r, const char *as_of, const sk_doc *d, sk_errors *errs)
{
    const sk_node *list = sk_node_get(d->root, "waivers");
    int bad = 0;
    for (size_t i = 0; list && list->type == SK_NODE_SEQ && i < list->v.seq.count; i++) {
        const sk_node *w = list->v.seq.items[i];
        if (w->type != SK_NODE_MAP)
            continue;
        int wrong = waiver_valid(pol, r, as_of, d, w, i, errs);
        if (wrong) {
            bad += wrong;
            continue;
        }
        if (sk_grow((void **)&pol->waivers, &pol->capwaivers, pol->nwaivers, sizeof *pol->waivers))
            return bad + 1;
        waiver *in = &pol->waivers[pol->nwaivers];
        memset(in, 0, sizeof *in);
        in->runs = rule_runs(r, text_of(w, "rule"));
        sk_waiver *x = &in->w;
        x->rule = sk_strdup(text_of(w, "rule"));
        x->unit = sk_strdup(text_of(w, "unit"));
        x->path = sk_strdup(text_of(w, "path"));
        x->reason = sk_strdup(text_of(w, "reason"));
        x->approved_by = sk_strdup(text_of(w, "approved_by"));
        x->expires = sk_strdup(text_of(w, "expires"));
        x->file = sk_strdup(d->file);
        x->line = w->line;
        x->column = w->column;
        x->days_left = (long)(sk_date_days(x->expires) - sk_date_days(as_of));
        x->expiring = x->days_left > 0 && x->days_left <= pol->expiring_days;
        pol->nwaivers++;
    }
    return bad;
}

int sk_policy_add_waivers(sk_policy *pol, const sk_doc *d, sk_errors *errs)
{
    (void)pol; /* never applied: whoever may write in the input tree could waive anything */
    return sk_errors_add(errs, SK_ERR_INPUT, d->file, d->root->line, d->root->column,
                         "a waivers document is not input and is not applied: give waivers with --waivers") == 0;
}

int sk_policy_load_waivers(sk_policy *pol, const char *path, const sk_rules *r, const char *as_of, sk_errors *errs)
{
    size_t first = pol->docs->count, before = errs->count;
    sk_load_file(pol->docs, path, errs);
    for (size_t i = before; i < errs->count; i++)
        if (errs->items[i].kind == SK_ERR_INPUT)
            errs->items[i].kind = SK_ERR_POLICY;
    int bad = (int)(errs->count - before);
    for (size_t i = first; i < pol->docs->count; i++) {
        if (strcmp(pol->docs->docs[i].kind, "waivers") == 0)
            bad += add_waivers(pol, r, as_of, &pol->docs->docs[i], errs);
        else
            bad += sk_errors_add(errs, SK_ERR_POLICY, path, pol->docs->docs[i].root->line, 1,
                                 "--waivers takes documents of kind waivers, not %s",
                                 pol->docs->docs[i].kind) == 0;
    }
    return bad;
}

static int path_covers(const char *waiver, const char *path);

/* A waiver whose path names by position (staff[3]) an item that has an identity
 * (staff[id=s3]) waives whatever item comes to stand there: w->held keeps what it holds
 * now, for a warning to name it by identity. 0, or -1 when out of memory. */
static int note_position(waiver *w, const sk_finding *f)
{
    const char *path = w->w.path, *stable = f->stable_path;
    if (!path || !stable || path_covers(path, stable) || !path_covers(path, f->path))
        return 0;
    /* the item in the stable path: the finding's stable path less what follows the waiver's
     * path in the finding's path, when that rest is the same in both; else all of it */
    const char *rest = f->path + strlen(path);
    size_t n = strlen(stable), r = strlen(rest);
    if (r <= n && strcmp(stable + n - r, rest) == 0)
        n -= r;
    return (w->held = sk_printf("%.*s", (int)n, stable)) ? 0 : -1;
}

void sk_policy_shard(sk_policy *pol, unsigned shard, unsigned shards)
{
    pol->shard = shard;
    pol->shards = shards;
}

/* A waiver's path covers the finding's path and everything below it. */
static int path_covers(const char *waiver, const char *path)
{
    if (!waiver)
        return 1;
    size_t n = strlen(waiver);
    return path && strncmp(waiver, path, n) == 0 && (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

/* ---- baselines ------------------------------------------------------------------------ */

/* A short fingerprint of a finding's message (FNV-1a, 8 hex digits): a new
 * wording of a known gap is "updated", not new. */
static void fingerprint(const char *message, char out[9])
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)message; *p; p++)
        h = (h ^ *p) * 16777619u;
    snprintf(out, 9, "%08x", (unsigned)h);
}

static int known_cmp(const void *pa, const void *pb)
{
    const known *a = pa, *b = pb;
    int c = strcmp(a->unit, b->unit);
    if (!c)
        c = strcmp(a->rule, b->rule);
    if (!c)
        c = strcmp(a->path, b->path);
    if (!c && a->severity != b->severity)
        c = a->severity < b->severity ? -1 : 1;
    return c ? c : strcmp(a->fingerprint, b->fingerprint);
}

/* Reads the baseline's entries from its loaded document (the entries are copied). */
static int read_baseline(sk_policy *pol, sk_docset *ds, const char *path, const sk_rules *r, sk_errors *errs,
                         sk_errors *warnings)
{
    size_t before = errs->count;
    sk_load_file(ds, path, errs);
    for (size_t i = before; i < errs->count; i++)
        if (errs->items[i].kind == SK_ERR_INPUT)
            errs->items[i].kind = SK_ERR_POLICY;
    if (errs->count > before)
        return (int)(errs->count - before);
    if (ds->count != 1 || strcmp(ds->docs[0].kind, "baseline") != 0)
        return sk_errors_add(errs, SK_ERR_POLICY, path, ds->count ? ds->docs[0].root->line : 1, 1,
                             "--baseline takes one document of kind baseline"),
               1;
    const sk_doc *d = &ds->docs[0];
    /* the entries' format (`format: 2`); a baseline without it is of the first format */
    const sk_node *format = sk_node_get(d->root, "format");
    pol->baseline_version = format && format->type == SK_NODE_INT ? (int)format->v.i : 1;
    if (pol->baseline_version == 1 &&
        sk_errors_add(warnings, SK_ERR_WARNING, path, d->root->line, d->root->column,
                      "this baseline has the first format (list items by position, no severity): rewrite it "
                      "with --write-baseline"))
        return 1;
    pol->has_baseline = 1;
    free(pol->baseline_file);
    if (!(pol->baseline_file = sk_strdup(path)))
        return 1;
    const sk_node *list = sk_node_get(d->root, "findings");
    for (size_t j = 0; list && list->type == SK_NODE_SEQ && j < list->v.seq.count; j++) {
        const sk_node *e = list->v.seq.items[j];
        const char *unit = text_of(e, "unit"), *rule = text_of(e, "rule"), *p = text_of(e, "path");
        const char *sev = text_of(e, "severity"), *fp = text_of(e, "fingerprint");
        sk_severity s = SK_SEV_NONE;
        if (pol->baseline_version >= 2 && (!unit || !rule || !p || !sev || sk_severity_parse(sev, 0, &s) || !fp))
            return sk_errors_add(errs, SK_ERR_POLICY, path, e->line, e->column,
                                 "a baseline entry of format 2 needs unit, rule, path, severity and fingerprint"),
                   1;
        if (!unit || !rule)
            continue;
        if (sk_grow((void **)&pol->baseline, &pol->capbaseline, pol->nbaseline, sizeof *pol->baseline))
            return 1;
        known *k = &pol->baseline[pol->nbaseline++];
        memset(k, 0, sizeof *k);
        k->unit = sk_strdup(unit);
        k->rule = sk_strdup(rule);
        k->path = sk_strdup(p ? p : "");
        k->fingerprint = sk_strdup(fp ? fp : "");
        k->severity = s;
        k->runs = rule_runs(r, rule);
        k->line = e->line;
        k->column = e->column;
        if (!k->unit || !k->rule || !k->path || !k->fingerprint)
            return 1;
    }
    if (pol->nbaseline > 1)
        qsort(pol->baseline, pol->nbaseline, sizeof *pol->baseline, known_cmp);
    return 0;
}

int sk_policy_load_baseline(sk_policy *pol, const char *path, const sk_rules *r, sk_errors *errs,
                            sk_errors *warnings)
{
    /* a document of its own, freed once its entries are copied: a region's baseline is large
     * (about 120 bytes and 6 nodes an entry), so it gets room for 300 000 entries */
    sk_limits l = sk_limits_default();
    l.max_file_bytes = 64u << 20;
    l.max_nodes = 2000000;
    sk_docset *ds = sk_docset_new(&l);
    if (!ds)
        return 1;
    int rc = read_baseline(pol, ds, path, r, errs, warnings);
    sk_docset_free(ds);
    return rc;
}

/* The first baseline entry of a unit (entries are sorted by unit). */
static size_t first_of_unit(const sk_policy *pol, const char *unit)
{
    size_t lo = 0, hi = pol->nbaseline;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(pol->baseline[mid].unit, unit) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The key a finding has in the baseline: the stable path (version 2), or
 * the path by position (version 1). */
static const char *baseline_path(const sk_policy *pol, const sk_finding *f)
{
    return pol->baseline_version >= 2 && f->stable_path ? f->stable_path : f->path;
}

/* Matches the unit's findings to its baseline entries, each entry used once:
 * first those recorded exactly (unchanged), then by unit, rule and path alone
 * (updated: another message or a lower severity; new: a higher one). */
static void match_baseline(sk_policy *pol, const char *unit, sk_unit_result *u, int whole)
{
    size_t lo = first_of_unit(pol, unit), hi = lo;
    while (hi < pol->nbaseline && strcmp(pol->baseline[hi].unit, unit) == 0)
        hi++;
    for (size_t j = 0; j < u->nfindings; j++)
        u->findings[j].baseline = SK_BASELINE_NEW;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 0; j < u->nfindings; j++) {
            sk_finding *f = &u->findings[j];
            if (f->known)
                continue; /* matched in the first pass */
            char fp[9];
            fingerprint(f->message, fp);
            const char *p = baseline_path(pol, f);
            for (size_t i = lo; i < hi; i++) {
                known *k = &pol->baseline[i];
                if (k->used || strcmp(k->rule, f->rule) != 0 || strcmp(k->path, p) != 0)
                    continue;
                int exact = k->severity == SK_SEV_NONE ||
                            (k->severity == f->severity && strcmp(k->fingerprint, fp) == 0);
                if (pass == 0 && !exact)
                    continue;
                k->used = 1;
                if (pass == 0)
                    f->known = 1, f->baseline = SK_BASELINE_UNCHANGED;
                else if (f->severity <= k->severity)
                    f->known = 1, f->baseline = SK_BASELINE_UPDATED;
                /* else: worse than recorded, so new (the entry is spent, not fixed) */
                break;
            }
        }
    }
    /* an entry of a rule that did not run is not fixed: nothing looked */
    for (size_t i = lo; whole && i < hi; i++)
        pol->baseline[i].checked = pol->baseline[i].runs;
}

/* ---- judging one unit ---------------------------------------------------------------------- */

int sk_policy_judge_unit(sk_policy *pol, const char *as_of, sk_unit_result *u, int whole)
{
    for (size_t j = 0; j < u->nfindings; j++) {
        sk_finding *f = &u->findings[j];
        for (size_t i = 0; i < pol->nwaivers; i++) {
            sk_waiver *w = &pol->waivers[i].w;
            if (strcmp(w->rule, f->rule) != 0 || strcmp(w->unit, u->hsa_id) != 0 ||
                !(path_covers(w->path, f->path) || path_covers(w->path, f->stable_path)) ||
                strcmp(as_of, w->expires) >= 0)
                continue;
            f->waived = 1;
            f->waiver = w;
            w->matched++;
            if (!pol->waivers[i].held && note_position(&pol->waivers[i], f))
                return -1;
            break;
        }
    }
    for (size_t i = 0; whole && i < pol->nwaivers; i++)
        if (strcmp(pol->waivers[i].w.unit, u->hsa_id) == 0)
            pol->waivers[i].judged = 1;
    if (pol->has_baseline)
        match_baseline(pol, u->hsa_id, u, whole);
    for (size_t j = 0; pol->collect && j < u->nfindings; j++) {
        const sk_finding *f = &u->findings[j];
        /* a waived gap is accepted until its waiver's expiry: recorded in a baseline
         * too, it would stay accepted after it (docs/gating.md) */
        if (f->waived)
            continue;
        if (sk_grow((void **)&pol->seen, &pol->capseen, pol->nseen, sizeof *pol->seen))
            return -1;
        known *k = &pol->seen[pol->nseen];
        memset(k, 0, sizeof *k);
        char fp[9];
        fingerprint(f->message, fp);
        k->unit = sk_strdup(u->hsa_id);
        k->rule = sk_strdup(f->rule);
        k->path = sk_strdup(f->stable_path ? f->stable_path : f->path);
        k->fingerprint = sk_strdup(fp);
        k->severity = f->severity;
        pol->nseen++;
        if (!k->unit || !k->rule || !k->path || !k->fingerprint)
            return -1;
    }
    return 0;
}

/* Expired, stale and expiring waivers as warnings; baseline entries of units
 * judged whole that no finding matched as fixed. */
int sk_policy_finish(sk_policy *pol, const char *as_of, sk_errors *warnings, sk_errors *fixed)
{
    for (size_t i = 0; i < pol->nwaivers; i++) {
        const sk_waiver *w = &pol->waivers[i].w;
        int rc = 0;
        /* a sharded run speaks of the waivers of its own units, so the shards add up to the whole */
        if (pol->shards && sk_shard_of(w->unit, pol->shards) != pol->shard)
            continue;
        if (strcmp(as_of, w->expires) >= 0)
            rc = sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                               "the waiver of %s for %s expired on %s: it no longer waives", w->rule,
                               w->unit, w->expires);
        else if (w->matched == 0 && pol->waivers[i].judged && pol->waivers[i].runs)
            /* stale only where the run looked: its unit judged whole, its rule run */
            rc = w->path ? sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                                         "the waiver of %s for %s at %s matched no finding: it is stale", w->rule,
                                         w->unit, w->path)
                         : sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                                         "the waiver of %s for %s matched no finding: it is stale", w->rule, w->unit);
        else if (w->expiring)
            rc = sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                               w->days_left == 1 ? "the waiver of %s for %s expires soon, on %s (in %ld day): fix "
                                                   "the gap or renew the waiver"
                                                 : "the waiver of %s for %s expires soon, on %s (in %ld days): fix "
                                                   "the gap or renew the waiver",
                               w->rule, w->unit, w->expires, w->days_left);
        if (!rc && pol->waivers[i].held)
            rc = sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                               "the waiver of %s for %s names %s by position, which holds %s now: name the item "
                               "by its identity, so that the waiver stays with it when the list changes",
                               w->rule, w->unit, w->path, pol->waivers[i].held);
        if (rc)
            return -1;
    }
    for (size_t i = 0; pol->has_baseline && i < pol->nbaseline; i++) {
        const known *k = &pol->baseline[i];
        if (k->used || !k->checked)
            continue;
        /* a fixed entry: unit and rule in their fields, the path as message (in baseline order) */
        if (sk_errors_add(fixed, SK_ERR_POLICY, pol->baseline_file, k->line, k->column, "%s", k->path))
            return -1;
        sk_error *e = &fixed->items[fixed->count - 1];
        if (!(e->unit = sk_strdup(k->unit)) || !(e->rule = sk_strdup(k->rule)))
            return -1;
    }
    sk_errors_sort(warnings);
    return 0;
}

/* ---- writing a baseline ---------------------------------------------------------------------- */

/* The code point of the UTF-8 sequence at p and its length in *n; 0 with *n 0 for a bad one. */
static unsigned long utf8_decode(const unsigned char *p, size_t *n)
{
    static const unsigned char LEAD_MASK[] = {0, 0, 0x1F, 0x0F, 0x07};
    size_t len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
    *n = 0;
    if (len == 1)
        return *n = 1, *p;
    if (!len)
        return 0;
    unsigned long c = *p & LEAD_MASK[len];
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    static const unsigned long MIN[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < MIN[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *n = len;
    return c;
}

/* s as a YAML double-quoted scalar that the loader reads back as s: every
 * character YAML would not keep as it is (controls, C1 such as NEL, line and
 * paragraph separators, BOM, the non-characters U+FFFE/U+FFFF) is escaped. */
static void yaml_str(sk_buf *b, const char *s)
{
    sk_buf_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n;
        unsigned long c = utf8_decode(p, &n);
        if (n == 0) {
            sk_buf_puts(b, "\\uFFFD"), p++;
        } else if (c == '"' || c == '\\') {
            sk_buf_printf(b, "\\%c", (char)c), p++;
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
                   c == 0xFFFE || c == 0xFFFF) {
            sk_buf_printf(b, "\\u%04lX", c), p += n;
        } else {
            sk_buf_add(b, (const char *)p, n), p += n;
        }
    }
    sk_buf_add(b, "\"", 1);
}

int sk_baseline_write(const sk_result *res, FILE *out)
{
    sk_policy *pol = res->policy;
    if (!pol)
        return -1;
    if (pol->nseen > 1)
        qsort(pol->seen, pol->nseen, sizeof *pol->seen, known_cmp);
    fprintf(out, "# startklar baseline: findings known on %s; `--baseline FILE` fails only on new ones.\n"
                 "# Format: docs/gating.md. Each entry: unit, rule, the stable path (list items by id),\n"
                 "# the severity recorded and a fingerprint of the message.\n"
                 "kind: baseline\nversion: 1\nformat: 2\nas_of: %s\nfindings:\n",
            res->as_of, res->as_of);
    for (size_t i = 0; i < pol->nseen; i++) {
        const known *k = &pol->seen[i];
        sk_buf b = {0};
        sk_buf_puts(&b, "  - {unit: ");
        yaml_str(&b, k->unit);
        sk_buf_puts(&b, ", rule: ");
        yaml_str(&b, k->rule);
        sk_buf_puts(&b, ", path: ");
        yaml_str(&b, k->path);
        sk_buf_printf(&b, ", severity: %s, fingerprint: \"%s\"}\n", sk_severity_name(k->severity), k->fingerprint);
        if (b.failed)
            return sk_buf_free(&b), -1;
        fputs(b.data, out);
        sk_buf_free(&b);
    }
    if (pol->nseen == 0)
        fputs("  []\n", out);
    return ferror(out) ? -1 : 0;
}
