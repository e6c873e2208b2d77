/* policy.c: what a region decides about the rules and the findings, apart
 * from the rules themselves: which rules run and how hard (a profile, --only,
 * --skip), which gaps are accepted for a while (waivers), and which are
 * already known (a baseline). Every policy document is YAML read by the same
 * loader and schema tables as the units (kinds profile, waivers, baseline). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct known {
    char *unit, *rule, *path;
    int used;
} known;

struct sk_policy {
    sk_docset *docs; /* profile documents: their nodes are the parameter values */
    sk_waiver *waivers;
    size_t nwaivers, capwaivers;
    known *baseline;
    size_t nbaseline, capbaseline;
    int has_baseline;
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
    p->at_risk_days = -1;
    return p;
}

static void known_free(known *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(k[i].unit), free(k[i].rule), free(k[i].path);
    free(k);
}

void sk_policy_free(sk_policy *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nwaivers; i++) {
        sk_waiver *w = &p->waivers[i];
        free(w->rule), free(w->unit), free(w->path), free(w->reason), free(w->approved_by),
            free(w->expires), free(w->file);
    }
    free(p->waivers);
    known_free(p->baseline, p->nbaseline);
    known_free(p->seen, p->nseen);
    sk_docset_free(p->docs);
    free(p);
}

static const char *text_of(const sk_node *map, const char *key)
{
    const sk_node *n = sk_node_get(map, key);
    return n && (n->type == SK_NODE_STR || n->type == SK_NODE_DATE) ? n->text : NULL;
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

/* The closest rule id to a selector that picked nothing, for the message. */
static const char *closest_id(const sk_rules *r, const char *selector)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < r->nrules; i++) {
        size_t d = sk_edit_distance(selector, r->rules[i].info.id);
        if (d < best_d)
            best_d = d, best = r->rules[i].info.id;
    }
    return best;
}

static void unknown_selector(sk_errors *errs, sk_error_kind kind, const sk_rules *r, const char *file,
                             int line, int col, const char *selector)
{
    const char *hint = closest_id(r, selector);
    sk_errors_add(errs, kind, file, line, col, "'%s' names no loaded rule%s%s%s", selector,
                  hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
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
        for (char *save = NULL, *sel = strtok_r(copy, ", ", &save); sel; sel = strtok_r(NULL, ", ", &save)) {
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
                const char *hint = NULL;
                for (size_t k = 0; k < rule->info.nparams; k++)
                    if (sk_edit_distance(pp->key, rule->info.params[k].name) <= 2)
                        hint = rule->info.params[k].name;
                sk_errors_add(errs, SK_ERR_POLICY, d->file, pp->line, pp->column,
                              "rule %s has no parameter '%s'%s%s%s", rule->info.id, pp->key,
                              hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
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

/* rollout.at_risk_days of a profile (the schema checked its range). */
static void apply_rollout(sk_policy *pol, const sk_doc *d)
{
    const sk_node *days = sk_node_get(sk_node_get(d->root, "rollout"), "at_risk_days");
    if (days && days->type == SK_NODE_INT)
        pol->at_risk_days = (int)days->v.i;
}

static int apply_profile_doc(sk_rules *r, const sk_doc *d, sk_errors *errs)
{
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

/* Loads the profile at path and everything it extends (base first), and
 * applies them in that order. */
static int apply_profile(sk_policy *pol, sk_rules *r, const char *path, const char *rules_dir, int depth,
                         sk_errors *errs)
{
    if (depth > MAX_EXTENDS)
        return sk_errors_add(errs, SK_ERR_POLICY, path, 0, 0,
                             "profiles extend each other more than %d deep (a loop?)", MAX_EXTENDS),
               1;
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
        int bad = apply_profile(pol, r, base_path, rules_dir, depth + 1, errs);
        free(base_path);
        if (bad)
            return bad;
        d = &pol->docs->docs[first]; /* the docs array may have moved */
    }
    apply_rollout(pol, d);
    return apply_profile_doc(r, d, errs);
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

int sk_policy_add_waivers(sk_policy *pol, const sk_doc *d, sk_errors *errs)
{
    const sk_node *list = sk_node_get(d->root, "waivers");
    int bad = 0;
    for (size_t i = 0; list && list->type == SK_NODE_SEQ && i < list->v.seq.count; i++) {
        const sk_node *w = list->v.seq.items[i];
        if (w->type != SK_NODE_MAP)
            continue;
        int missing = 0;
        for (const char *const *f = WAIVER_REQUIRED; *f; f++) {
            if (!text_of(w, *f)) {
                sk_errors_add(errs, SK_ERR_POLICY, d->file, w->line, w->column,
                              "a waiver needs '%s' (waivers[%zu])", *f, i + 1);
                missing = 1;
            }
        }
        if (missing) {
            bad++;
            continue;
        }
        if (sk_grow((void **)&pol->waivers, &pol->capwaivers, pol->nwaivers, sizeof *pol->waivers))
            return bad + 1;
        sk_waiver *x = &pol->waivers[pol->nwaivers];
        memset(x, 0, sizeof *x);
        x->rule = sk_strdup(text_of(w, "rule"));
        x->unit = sk_strdup(text_of(w, "unit"));
        x->path = sk_strdup(text_of(w, "path"));
        x->reason = sk_strdup(text_of(w, "reason"));
        x->approved_by = sk_strdup(text_of(w, "approved_by"));
        x->expires = sk_strdup(text_of(w, "expires"));
        x->file = sk_strdup(d->file);
        x->line = w->line;
        x->column = w->column;
        pol->nwaivers++;
    }
    return bad;
}

int sk_policy_load_waivers(sk_policy *pol, const char *path, sk_errors *errs)
{
    size_t first = pol->docs->count, before = errs->count;
    sk_load_file(pol->docs, path, errs);
    int bad = (int)(errs->count - before);
    for (size_t i = first; i < pol->docs->count; i++) {
        if (strcmp(pol->docs->docs[i].kind, "waivers") == 0)
            bad += sk_policy_add_waivers(pol, &pol->docs->docs[i], errs);
        else
            bad += sk_errors_add(errs, SK_ERR_POLICY, path, pol->docs->docs[i].root->line, 1,
                                 "--waivers takes documents of kind waivers, not %s",
                                 pol->docs->docs[i].kind) == 0;
    }
    return bad;
}

/* A waiver's path covers the finding's path and everything below it. */
static int path_covers(const char *waiver, const char *path)
{
    if (!waiver)
        return 1;
    size_t n = strlen(waiver);
    return strncmp(waiver, path, n) == 0 && (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

/* ---- baselines ------------------------------------------------------------------------ */

int sk_policy_load_baseline(sk_policy *pol, const char *path, sk_errors *errs)
{
    size_t first = pol->docs->count, before = errs->count;
    sk_load_file(pol->docs, path, errs);
    if (errs->count > before)
        return (int)(errs->count - before);
    pol->has_baseline = 1;
    for (size_t i = first; i < pol->docs->count; i++) {
        const sk_doc *d = &pol->docs->docs[i];
        if (strcmp(d->kind, "baseline") != 0)
            return sk_errors_add(errs, SK_ERR_POLICY, path, d->root->line, 1,
                                 "--baseline takes a document of kind baseline, not %s", d->kind),
                   1;
        const sk_node *list = sk_node_get(d->root, "findings");
        for (size_t j = 0; list && list->type == SK_NODE_SEQ && j < list->v.seq.count; j++) {
            const sk_node *e = list->v.seq.items[j];
            const char *unit = text_of(e, "unit"), *rule = text_of(e, "rule"), *p = text_of(e, "path");
            if (!unit || !rule)
                continue;
            if (sk_grow((void **)&pol->baseline, &pol->capbaseline, pol->nbaseline, sizeof *pol->baseline))
                return 1;
            known *k = &pol->baseline[pol->nbaseline++];
            k->unit = sk_strdup(unit);
            k->rule = sk_strdup(rule);
            k->path = sk_strdup(p ? p : "");
            k->used = 0;
        }
    }
    return 0;
}

/* ---- judging one finding ---------------------------------------------------------------- */

int sk_policy_judge(sk_policy *pol, const char *as_of, const char *unit, sk_finding *f)
{
    for (size_t i = 0; i < pol->nwaivers; i++) {
        sk_waiver *w = &pol->waivers[i];
        if (strcmp(w->rule, f->rule) != 0 || (strcmp(w->unit, "*") != 0 && strcmp(w->unit, unit) != 0) ||
            !path_covers(w->path, f->path) || strcmp(as_of, w->expires) >= 0)
            continue;
        f->waived = 1;
        f->waiver = w;
        w->matched++;
        break;
    }
    /* the baseline: one entry per known finding, each used once */
    for (size_t i = 0; pol->has_baseline && i < pol->nbaseline; i++) {
        known *k = &pol->baseline[i];
        if (!k->used && strcmp(k->unit, unit) == 0 && strcmp(k->rule, f->rule) == 0 &&
            strcmp(k->path, f->path) == 0) {
            k->used = 1;
            f->known = 1;
            break;
        }
    }
    if (pol->collect) {
        if (sk_grow((void **)&pol->seen, &pol->capseen, pol->nseen, sizeof *pol->seen))
            return -1;
        known *k = &pol->seen[pol->nseen];
        k->unit = sk_strdup(unit);
        k->rule = sk_strdup(f->rule);
        k->path = sk_strdup(f->path);
        pol->nseen++;
        if (!k->unit || !k->rule || !k->path)
            return -1;
    }
    return 0;
}

/* Expired and stale waivers as warnings, unused baseline entries as fixed. */
int sk_policy_finish(sk_policy *pol, const char *as_of, sk_errors *warnings, sk_errors *fixed)
{
    for (size_t i = 0; i < pol->nwaivers; i++) {
        const sk_waiver *w = &pol->waivers[i];
        int rc = 0;
        if (strcmp(as_of, w->expires) >= 0)
            rc = sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                               "the waiver of %s for %s expired on %s: it no longer waives", w->rule,
                               w->unit, w->expires);
        else if (w->matched == 0)
            rc = sk_errors_add(warnings, SK_ERR_WARNING, w->file, w->line, w->column,
                               "the waiver of %s for %s%s%s matched no finding: it is stale", w->rule, w->unit,
                               w->path ? " at " : "", w->path ? w->path : "");
        if (rc)
            return -1;
    }
    for (size_t i = 0; pol->has_baseline && i < pol->nbaseline; i++) {
        const known *k = &pol->baseline[i];
        if (k->used)
            continue;
        /* a fixed entry: unit and rule in their fields, the path as message */
        if (sk_errors_add(fixed, SK_ERR_POLICY, NULL, 0, 0, "%s", k->path))
            return -1;
        sk_error *e = &fixed->items[fixed->count - 1];
        if (!(e->unit = sk_strdup(k->unit)) || !(e->rule = sk_strdup(k->rule)))
            return -1;
    }
    sk_errors_sort(warnings);
    sk_errors_sort(fixed);
    return 0;
}

static int known_cmp(const void *pa, const void *pb)
{
    const known *a = pa, *b = pb;
    int c = strcmp(a->unit, b->unit);
    if (!c)
        c = strcmp(a->rule, b->rule);
    return c ? c : strcmp(a->path, b->path);
}

int sk_baseline_write(const sk_result *res, FILE *out)
{
    sk_policy *pol = res->policy;
    if (!pol)
        return -1;
    if (pol->nseen > 1)
        qsort(pol->seen, pol->nseen, sizeof *pol->seen, known_cmp);
    fprintf(out, "# startklar baseline: findings known on %s; `--baseline FILE` fails only on new ones.\n"
                 "kind: baseline\nversion: 1\nas_of: %s\nfindings:\n",
            res->as_of, res->as_of);
    for (size_t i = 0; i < pol->nseen; i++) {
        sk_buf b = {0};
        /* JSON strings are valid YAML flow scalars */
        sk_buf_puts(&b, "  - {unit: ");
        sk_buf_json(&b, pol->seen[i].unit);
        sk_buf_puts(&b, ", rule: ");
        sk_buf_json(&b, pol->seen[i].rule);
        sk_buf_puts(&b, ", path: ");
        sk_buf_json(&b, pol->seen[i].path);
        sk_buf_puts(&b, "}\n");
        if (b.failed)
            return sk_buf_free(&b), -1;
        fputs(b.data, out);
        sk_buf_free(&b);
    }
    if (pol->nseen == 0)
        fputs("  []\n", out);
    return ferror(out) ? -1 : 0;
}
