/* workspace.c: the server's documents and how they are judged. Every
 * YAML file (.yaml, .yml) of the workspace folder is indexed from disk at initialize
 * (which HSA-ids it holds); an open document carries the editor's text
 * instead. A document is judged with its whole unit: every document of
 * the same HSA-id, loaded with sk_load_buffer (open) or sk_load_file
 * (closed), grouped, run by the one runtime made when the configuration was
 * read (rules loaded once), and judged with the configured profile and
 * waivers, as `check` would. */
#include "lsp.h"

#include "../cli/cli.h"
#include "../internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- documents ---------------------------------------------------------------- */

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (!uri || strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (*p != '/') { /* file://host/path: only the local host */
        const char *slash = strchr(p, '/');
        if (!slash || (slash - p != 9 || strncmp(p, "localhost", 9) != 0))
            return NULL;
        p = slash;
    }
    char *out = malloc(strlen(p) + 1), *w = out;
    if (!out)
        return NULL;
    for (; *p && *p != '?' && *p != '#'; p++) {
        int hi, lo;
        if (*p == '%' && (hi = hexval(p[1])) >= 0 && (lo = hexval(p[2])) >= 0) {
            *w++ = (char)(hi * 16 + lo);
            p += 2;
        } else {
            *w++ = *p;
        }
    }
    *w = '\0';
    if (strlen(out) != (size_t)(w - out)) { /* %00 */
        free(out);
        return NULL;
    }
    return out;
}

char *lsp_path_to_uri(const char *path)
{
    sk_buf b = {0};
    sk_buf_puts(&b, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            sk_buf_add(&b, (const char *)p, 1);
        else
            sk_buf_printf(&b, "%%%02X", *p);
    }
    if (b.failed) {
        sk_buf_free(&b);
        return NULL;
    }
    return b.data;
}

static void free_findings(lsp_doc *d)
{
    for (size_t i = 0; i < d->nfindings; i++) {
        lsp_finding *f = &d->findings[i];
        free(f->rule), free(f->message), free(f->unit), free(f->path), free(f->stable);
    }
    free(d->findings);
    d->findings = NULL;
    d->nfindings = 0;
}

static void free_units(char **units, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(units[i]);
    free(units);
}

static void doc_free(lsp_doc *d)
{
    free(d->uri), free(d->path), free(d->text), free(d->kind);
    free_units(d->units, d->nunits);
    free_findings(d);
}

lsp_doc *lsp_doc_find(lsp_server *s, const char *uri)
{
    char *path = lsp_uri_to_path(uri);
    if (!path)
        return NULL;
    lsp_doc *found = NULL;
    for (size_t i = 0; i < s->ndocs && !found; i++)
        if (strcmp(s->docs[i].path, path) == 0)
            found = &s->docs[i];
    free(path);
    return found;
}

lsp_doc *lsp_doc_add(lsp_server *s, const char *uri)
{
    lsp_doc *d = lsp_doc_find(s, uri);
    if (d)
        return d;
    char *path = lsp_uri_to_path(uri), *u = sk_strdup(uri);
    if (!path || !u || sk_grow((void **)&s->docs, &s->cap, s->ndocs, sizeof *s->docs)) {
        free(path), free(u);
        return NULL;
    }
    d = &s->docs[s->ndocs++];
    memset(d, 0, sizeof *d);
    d->uri = u;
    d->path = path;
    return d;
}

int lsp_doc_set_text(lsp_doc *d, const char *text, size_t len)
{
    char *t = malloc(len + 1);
    if (!t)
        return -1;
    memcpy(t, text, len);
    t[len] = '\0';
    free(d->text);
    d->text = t;
    d->len = len;
    return 0;
}

const char *lsp_doc_text(lsp_server *s, lsp_doc *d, size_t *len, char **owned)
{
    *owned = NULL;
    if (d->open) {
        *len = d->len;
        return d->text;
    }
    sk_buf b = {0};
    sk_errors errs;
    sk_errors_init(&errs);
    int r = sk_read_file(d->path, s->limits.max_file_bytes, &b, &errs);
    sk_errors_free(&errs);
    if (r != 0 || b.failed) {
        sk_buf_free(&b);
        *len = 0;
        return "";
    }
    *len = b.len;
    *owned = b.data;
    return b.data ? b.data : "";
}

/* Loads d into ds (its errors into errs): the editor's text, or the file. */
static void load_doc(lsp_doc *d, sk_docset *ds, sk_errors *errs)
{
    if (d->open)
        sk_load_buffer(ds, d->path, d->text ? d->text : "", d->len, errs);
    else
        sk_load_file(ds, d->path, errs);
}

static int has_unit(char **units, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(units[i], id) == 0)
            return 1;
    return 0;
}

/* The units and kind of d from the documents of ds. */
static int take_index(lsp_doc *d, const sk_docset *ds)
{
    free_units(d->units, d->nunits);
    d->units = NULL;
    d->nunits = 0;
    free(d->kind);
    d->kind = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < ds->count; i++) {
        const sk_doc *doc = &ds->docs[i];
        if (!d->kind && doc->kind && !(d->kind = sk_strdup(doc->kind)))
            return -1;
        if (!doc->hsa_id || has_unit(d->units, d->nunits, doc->hsa_id))
            continue;
        if (sk_grow((void **)&d->units, &cap, d->nunits, sizeof *d->units) ||
            !(d->units[d->nunits] = sk_strdup(doc->hsa_id)))
            return -1;
        d->nunits++;
    }
    return 0;
}

int lsp_doc_reindex(lsp_server *s, lsp_doc *d)
{
    sk_docset *ds = sk_docset_new(&s->limits);
    if (!ds)
        return -1;
    sk_errors errs;
    sk_errors_init(&errs);
    load_doc(d, ds, &errs);
    int rc = take_index(d, ds);
    sk_errors_free(&errs);
    sk_docset_free(ds);
    return rc;
}

int lsp_scan(lsp_server *s)
{
    if (!s->root)
        return 0;
    const char *roots[1] = {s->root};
    sk_paths paths = {0};
    sk_errors errs;
    sk_errors_init(&errs);
    int rc = sk_discover(roots, 1, &paths, &errs);
    for (size_t i = 0; rc == 0 && i < paths.count; i++) {
        char *uri = lsp_path_to_uri(paths.items[i]);
        lsp_doc *d = uri ? lsp_doc_add(s, uri) : NULL;
        free(uri);
        if (!d || (!d->open && lsp_doc_reindex(s, d)))
            rc = -1;
    }
    sk_paths_free(&paths);
    sk_errors_free(&errs);
    return rc;
}

/* ---- configuration -------------------------------------------------------------- */

static void config_free(lsp_config *c)
{
    free_units(c->rule_dirs, c->nrule_dirs);
    free_units(c->waivers, c->nwaivers);
    free(c->profile), free(c->lang), free(c->as_of), free(c->only), free(c->skip);
    memset(c, 0, sizeof *c);
}

/* A path of the configuration: relative ones are the workspace folder's. */
static char *config_path(const lsp_server *s, const char *p)
{
    if (p[0] == '/' || !s->root)
        return sk_strdup(p);
    return sk_printf("%s/%s", s->root, p);
}

static int config_string(json_t *o, const char *key, char **out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        return 0;
    return (*out = sk_strdup(json_string_value(v))) ? 0 : -1;
}

static int config_paths(const lsp_server *s, json_t *o, const char *key, char ***out, size_t *n)
{
    json_t *v = json_object_get(o, key);
    size_t cap = 0;
    if (json_is_string(v)) {
        if (sk_grow((void **)out, &cap, 0, sizeof **out) || !((*out)[0] = config_path(s, json_string_value(v))))
            return -1;
        *n = 1;
        return 0;
    }
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) {
        if (!json_is_string(item))
            continue;
        if (sk_grow((void **)out, &cap, *n, sizeof **out) || !((*out)[*n] = config_path(s, json_string_value(item))))
            return -1;
        (*n)++;
    }
    return 0;
}

/* The settings may come as they are, or under "startklar" (a client's settings tree). */
static int config_read(lsp_server *s, json_t *settings, lsp_config *c)
{
    json_t *inner = json_object_get(settings, "startklar");
    if (json_is_object(inner))
        settings = inner;
    if (!json_is_object(settings))
        return 0;
    json_t *nb = json_object_get(settings, "noBuiltin");
    c->no_builtin = json_is_true(nb);
    if (config_paths(s, settings, "rules", &c->rule_dirs, &c->nrule_dirs) ||
        config_paths(s, settings, "waivers", &c->waivers, &c->nwaivers) ||
        config_string(settings, "profile", &c->profile) || config_string(settings, "lang", &c->lang) ||
        config_string(settings, "asOf", &c->as_of) || config_string(settings, "only", &c->only) ||
        config_string(settings, "skip", &c->skip))
        return -1;
    return 0;
}

static void engine_free(lsp_server *s)
{
    if (s->rt)
        sk_runtime_free(s->rt);
    s->rt = NULL;
    sk_profile_free(s->policy);
    s->policy = NULL;
    sk_rules_free(s->rules);
    s->rules = NULL;
    sk_catalogue_free(s->cat);
    s->cat = NULL;
    sk_errors_free(&s->setup_errors);
    sk_errors_init(&s->setup_errors);
}

/* The date findings are judged against: the configured one, else today. */
static void as_of(const lsp_server *s, char out[11])
{
    if (s->cfg.as_of && strlen(s->cfg.as_of) == 10 && sk_date_valid(s->cfg.as_of, 10))
        memcpy(out, s->cfg.as_of, 11);
    else
        today(out);
}

int lsp_configure(lsp_server *s, json_t *settings)
{
    lsp_config c = {0};
    if (config_read(s, settings, &c)) {
        config_free(&c);
        return -1;
    }
    config_free(&s->cfg);
    s->cfg = c;
    engine_free(s);
    sk_errors *errs = &s->setup_errors;
    if (c.as_of && !(strlen(c.as_of) == 10 && sk_date_valid(c.as_of, 10)))
        sk_errors_add(errs, SK_ERR_USAGE, NULL, 0, 0, "asOf must be a real date YYYY-MM-DD, not '%s'", c.as_of);
    if (c.lang && !sk_lang_known(c.lang))
        sk_errors_add(errs, SK_ERR_USAGE, NULL, 0, 0, "lang takes sv or en, not '%s'", c.lang);
    else if (c.lang)
        s->cat = sk_catalogue_load(c.lang, 0, errs);

    char builtin[PATH_MAX], profiles[PATH_MAX];
    const char **dirs = calloc(c.nrule_dirs + 1, sizeof *dirs);
    if (!dirs)
        return -1;
    size_t n = 0;
    if (!c.no_builtin)
        dirs[n++] = builtin_plugins(builtin, sizeof builtin);
    for (size_t i = 0; i < c.nrule_dirs; i++)
        dirs[n++] = c.rule_dirs[i];
    s->rules = sk_rules_load(dirs, n, &s->limits, errs);
    free(dirs);
    if (!s->rules)
        return -1;
    sk_rules_translate(s->rules, s->cat);

    const char *profiles_dir = builtin_profiles(profiles, sizeof profiles);
    if (c.profile) {
        char *given = strchr(c.profile, '/') ? config_path(s, c.profile) : sk_strdup(c.profile);
        char *path = given ? sk_profile_path(given, profiles_dir) : NULL;
        free(given);
        /* a name that is not there is sk_profile_apply's one error, as the
         * CLI's: "there is no profile 'x' (did you mean 'y'?)" */
        if (path)
            s->policy = sk_profile_apply(s->rules, path, profiles_dir, errs);
        else
            sk_errors_add(errs, SK_ERR_POLICY, NULL, 0, 0, "out of memory");
        free(path);
    }
    if (!s->policy && !(s->policy = sk_policy_new(0)))
        return -1;
    if (c.only || c.skip)
        sk_rules_select(s->rules, c.only, c.skip, errs);
    char date[11];
    as_of(s, date);
    /* a waivers file not made yet is made by the first "waive" quick fix */
    for (size_t i = 0; i < c.nwaivers; i++)
        if (access(c.waivers[i], F_OK) == 0)
            sk_policy_load_waivers(s->policy, c.waivers[i], s->rules, date, errs);
    sk_error err = {0};
    s->rt = sk_runtime_new(s->rules, &err);
    if (!s->rt) {
        if (err.message)
            sk_errors_copy(errs, &err);
        else
            sk_errors_add(errs, SK_ERR_PLUGIN, NULL, 0, 0, "out of memory");
        sk_error_clear(&err);
    }
    sk_translate_errors(s->cat, errs);
    return 0;
}

void lsp_server_init(lsp_server *s, FILE *in, FILE *out)
{
    memset(s, 0, sizeof *s);
    s->in = in;
    s->out = out;
    s->enc = LSP_ENC_UTF16;
    s->limits = sk_limits_default();
    sk_errors_init(&s->setup_errors);
}

void lsp_server_free(lsp_server *s)
{
    for (size_t i = 0; i < s->ndocs; i++)
        doc_free(&s->docs[i]);
    free(s->docs);
    free(s->root);
    config_free(&s->cfg);
    engine_free(s);
    sk_errors_free(&s->setup_errors);
}

const char *lsp_label(const lsp_server *s, const char *english)
{
    return sk_label(s->cat, english);
}

/* ---- judging ----------------------------------------------------------------- */

/* A unit judged once per round of diagnostics, shared by its open documents. */
typedef struct judged {
    char *unit;
    sk_unit_result res;
    sk_errors errs; /* rule errors */
} judged;

typedef struct judged_cache {
    judged *items;
    size_t count, cap;
} judged_cache;

static void cache_free(judged_cache *c)
{
    for (size_t i = 0; i < c->count; i++) {
        free(c->items[i].unit);
        sk_unit_result_free(&c->items[i].res);
        sk_errors_free(&c->items[i].errs);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}

/* Judges the unit id with every document of the workspace that holds it. */
static const judged *judge_unit(lsp_server *s, const char *id, judged_cache *cache)
{
    for (size_t i = 0; i < cache->count; i++)
        if (strcmp(cache->items[i].unit, id) == 0)
            return &cache->items[i];
    if (sk_grow((void **)&cache->items, &cache->cap, cache->count, sizeof *cache->items))
        return NULL;
    judged *j = &cache->items[cache->count];
    memset(j, 0, sizeof *j);
    sk_errors_init(&j->errs);
    if (!(j->unit = sk_strdup(id)))
        return NULL;
    cache->count++;
    if (!s->rt)
        return j; /* the configuration's errors say why */
    sk_docset *ds = sk_docset_new(&s->limits);
    sk_errors load;
    sk_errors_init(&load);
    if (!ds)
        return NULL;
    for (size_t i = 0; i < s->ndocs; i++)
        if (has_unit(s->docs[i].units, s->docs[i].nunits, id))
            load_doc(&s->docs[i], ds, &load);
    sk_unitset *us = sk_group(ds, &load);
    char date[11];
    as_of(s, date);
    int rc = us ? 0 : -1;
    for (size_t i = 0; us && i < us->count; i++) {
        if (strcmp(us->units[i].hsa_id, id) != 0)
            continue;
        rc = sk_runtime_check(s->rt, &us->units[i], date, &j->res, &j->errs);
        if (rc == 0) {
            sk_result res = {.as_of = date, .fail_on = SK_SEV_ERROR, .policy = s->policy};
            rc = sk_judge_unit(&res, &j->res);
            sk_summary_free(&res.summary);
        }
        break;
    }
    /* messages by id in the configured language, from the rule's templates */
    for (size_t i = 0; rc == 0 && s->cat && i < j->res.nfindings; i++) {
        sk_finding *f = &j->res.findings[i];
        if (f->message_id)
            rc = sk_finding_render(f, sk_rules_find(s->rules, f->rule), sk_catalogue_lang(s->cat));
    }
    if (rc == 0)
        sk_translate_errors(s->cat, &j->errs);
    sk_unitset_free(us);
    sk_errors_free(&load);
    sk_docset_free(ds);
    return rc == 0 ? j : NULL;
}

static const int LSP_SEVERITY[] = {[SK_SEV_NONE] = 4, [SK_SEV_INFO] = 3, [SK_SEV_WARNING] = 2, [SK_SEV_ERROR] = 1};

/* An LSP range from the engine's 1-based line and character column to the
 * end of that line's text (0:0 when the position is unknown). */
static json_t *range(const lsp_server *s, const char *text, size_t len, int line, int column)
{
    int l = line > 0 ? line - 1 : 0, from = 0, to = 0;
    size_t n;
    const char *at = line > 0 ? lsp_line(text, len, l, &n) : NULL;
    if (at) {
        /* the loader skips a byte order mark (its columns start after it), the
         * editor's text keeps it: count it before the loader's column */
        int bom = 0;
        if (l == 0 && n >= 3 && memcmp(at, "\xEF\xBB\xBF", 3) == 0) {
            bom = lsp_line_units(at, 3, s->enc);
            at += 3, n -= 3;
        }
        while (n > 0 && (at[n - 1] == ' ' || at[n - 1] == '\t'))
            n--;
        from = bom + lsp_column_to_lsp(at, n, column > 0 ? column : 1, s->enc);
        to = bom + lsp_line_units(at, n, s->enc);
        if (to < from)
            to = from;
    }
    return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", l, "character", from, "end", "line", l,
                     "character", to);
}

static int add_diag(json_t *list, json_t *rng, int severity, const char *code, const char *message)
{
    json_t *d = rng ? json_pack("{s:o,s:i,s:s,s:s}", "range", rng, "severity", severity, "source", "startklar",
                                "message", message ? message : "")
                    : NULL;
    if (d && code)
        json_object_set_new(d, "code", json_string(code));
    return d && json_array_append_new(list, d) == 0 ? 0 : -1;
}

static const char *error_code(const sk_error *e)
{
    static const char *const NAMES[] = {[SK_ERR_INPUT] = "input", [SK_ERR_PLUGIN] = "plugin",
                                        [SK_ERR_RULE] = "rule", [SK_ERR_USAGE] = "configuration",
                                        [SK_ERR_POLICY] = "policy", [SK_ERR_WARNING] = "warning"};
    return e->rule ? e->rule : NAMES[e->kind];
}

/* Keeps a finding of d for hover and code actions. */
static int keep_finding(lsp_doc *d, const sk_finding *f, const char *unit, size_t *cap)
{
    if (sk_grow((void **)&d->findings, cap, d->nfindings, sizeof *d->findings))
        return -1;
    lsp_finding *k = &d->findings[d->nfindings++];
    memset(k, 0, sizeof *k);
    k->rule = sk_strdup(f->rule);
    k->message = sk_strdup(f->message);
    k->unit = sk_strdup(unit);
    k->path = sk_strdup(f->path ? f->path : "");
    k->stable = sk_strdup(f->stable_path ? f->stable_path : f->path ? f->path : "");
    k->line = f->line;
    k->column = f->column;
    k->severity = f->severity;
    k->waived = f->waived;
    return k->rule && k->message && k->unit && k->path && k->stable ? 0 : -1;
}

/* Whether a text means to be startklar's: a line of it starts with "kind:"
 * (a YAML file of another tool, a CI workflow, gets no diagnostics). */
static int startklar_text(const char *text, size_t len)
{
    size_t n;
    const char *l;
    for (int k = 0; (l = lsp_line(text, len, k, &n)); k++) {
        if (k == 0 && n >= 3 && memcmp(l, "\xEF\xBB\xBF", 3) == 0)
            l += 3, n -= 3; /* a byte order mark */
        if (n >= 5 && strncmp(l, "kind:", 5) == 0)
            return 1;
    }
    return 0;
}

static json_t *diagnostics(lsp_server *s, lsp_doc *d, judged_cache *cache)
{
    json_t *list = json_array();
    sk_docset *ds = sk_docset_new(&s->limits);
    sk_errors own;
    sk_errors_init(&own);
    if (!list || !ds) {
        json_decref(list);
        sk_docset_free(ds);
        return NULL;
    }
    size_t len;
    char *owned;
    const char *text = lsp_doc_text(s, d, &len, &owned);
    load_doc(d, ds, &own);
    int rc = take_index(d, ds), ours = ds->count > 0 || startklar_text(text, len);
    sk_docset_free(ds);
    if (!ours) {
        free(owned);
        sk_errors_free(&own);
        return list;
    }
    for (size_t i = 0; rc == 0 && i < s->setup_errors.count; i++) {
        const sk_error *e = &s->setup_errors.items[i];
        /* placed as the text report places it: file:line:column, no 0 */
        char *m = !e->file  ? sk_strdup(e->message)
                  : !e->line ? sk_printf("%s: %s", e->file, e->message)
                  : e->column ? sk_printf("%s:%d:%d: %s", e->file, e->line, e->column, e->message)
                              : sk_printf("%s:%d: %s", e->file, e->line, e->message);
        rc = m ? add_diag(list, range(s, text, len, 0, 0), 1, error_code(e), m) : -1;
        free(m);
    }
    for (size_t i = 0; rc == 0 && i < own.count; i++) {
        const sk_error *e = &own.items[i];
        char *t = sk_translate_error(s->cat, e);
        rc = add_diag(list, range(s, text, len, e->line, e->column), 1, error_code(e), t ? t : e->message);
        free(t);
    }
    free_findings(d);
    size_t cap = 0;
    for (size_t u = 0; rc == 0 && u < d->nunits; u++) {
        const judged *j = judge_unit(s, d->units[u], cache);
        if (!j) {
            rc = -1;
            break;
        }
        for (size_t i = 0; rc == 0 && i < j->res.nfindings; i++) {
            const sk_finding *f = &j->res.findings[i];
            if (!f->file || strcmp(f->file, d->path) != 0)
                continue;
            char *m = f->waived ? sk_printf("%s (%s)", f->message, lsp_label(s, "waived")) : NULL;
            rc = add_diag(list, range(s, text, len, f->line, f->column), f->waived ? 4 : LSP_SEVERITY[f->severity],
                          f->rule, m ? m : f->message);
            free(m);
            if (rc == 0)
                rc = keep_finding(d, f, j->unit, &cap);
        }
        for (size_t i = 0; rc == 0 && i < j->errs.count; i++) {
            const sk_error *e = &j->errs.items[i];
            rc = add_diag(list, range(s, text, len, 0, 0), 1, error_code(e), e->message);
        }
    }
    free(owned);
    sk_errors_free(&own);
    if (rc) {
        json_decref(list);
        return NULL;
    }
    return list;
}

json_t *lsp_diagnostics(lsp_server *s, lsp_doc *d)
{
    judged_cache cache = {0};
    json_t *list = diagnostics(s, d, &cache);
    cache_free(&cache);
    return list;
}

static int publish(lsp_server *s, lsp_doc *d, judged_cache *cache)
{
    json_t *list = d->open ? diagnostics(s, d, cache) : json_array();
    if (!list)
        return -1;
    return lsp_notify(s, "textDocument/publishDiagnostics", json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", list));
}

int lsp_publish_unit(lsp_server *s, lsp_doc *d, char **old_units, size_t nold)
{
    judged_cache cache = {0};
    int rc = publish(s, d, &cache);
    for (size_t i = 0; rc == 0 && i < s->ndocs; i++) {
        lsp_doc *o = &s->docs[i];
        if (o == d || !o->open)
            continue;
        int shares = 0;
        for (size_t u = 0; u < o->nunits && !shares; u++)
            shares = has_unit(d->units, d->nunits, o->units[u]) || has_unit(old_units, nold, o->units[u]);
        if (shares)
            rc = publish(s, o, &cache);
    }
    cache_free(&cache);
    return rc;
}

int lsp_publish_all(lsp_server *s)
{
    judged_cache cache = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < s->ndocs; i++)
        if (s->docs[i].open)
            rc = publish(s, &s->docs[i], &cache);
    cache_free(&cache);
    return rc;
}
