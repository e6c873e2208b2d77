/* fixtures.c: `startklar test`. Every plugin file X.lua may have fixtures in
 * X.test/pass/ (each must yield no finding of X's rules) and X.test/fail/
 * (each must yield at least one, and the finding named by every leading
 * `# expect: RULE path` line). The leading comment lines are the fixture's
 * header: `# as-of: YYYY-MM-DD` sets the run's date (2027-04-10 by default),
 * `# params: {name: value}` the rule's parameters and `# profile: NAME` a
 * profile (both through policy.c, as a region's profile would). A header
 * line that is wrong is an error at its file:line, and the run exits 2.
 * Each fixture runs only the rules of its plugin. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "internal.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_AS_OF "2027-04-10"
#define MAX_EXPECT 16

typedef struct expectation {
    char rule[32];
    char path[256];
} expectation;

typedef struct header {
    char as_of[11];
    expectation expect[MAX_EXPECT];
    int nexpect;
    char *params;       /* the flow map of `# params:`, or NULL */
    int params_line, params_col;
    char *profile;      /* `# profile:` as written, or NULL */
    int profile_line;
    sk_errors errs;     /* what is wrong with the header */
} header;

/* The header's keys, defined once (the error names them). */
typedef enum { H_EXPECT, H_AS_OF, H_PARAMS, H_PROFILE, H_EDITOR } header_key;
/* yaml-language-server: an editor's modeline ($schema=...), not ours: skipped */
static const char *const HEADER_KEYS[] = {"expect", "as-of", "params", "profile", "yaml-language-server", NULL};

static void header_free(header *h)
{
    free(h->params);
    free(h->profile);
    sk_errors_free(&h->errs);
}

/* The value after "key:" with the blanks around it cut off, in place. */
static char *trimmed(char *v)
{
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == '\n' || v[n - 1] == '\r' || v[n - 1] == ' ' || v[n - 1] == '\t'))
        v[--n] = '\0';
    return v;
}

/* Whether v is one YAML flow map and nothing after it: its first brace
 * closes at its last byte (braces inside quotes do not count), so that it
 * cannot close the profile it is put into and add keys of its own. */
static int one_flow_map(const char *v)
{
    if (v[0] != '{')
        return 0;
    int depth = 0;
    char quote = 0;
    for (const char *p = v; *p; p++) {
        if (quote) {
            if (quote == '"' && *p == '\\' && p[1])
                p++;
            else if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '{' || *p == '[') {
            depth++;
        } else if ((*p == '}' || *p == ']') && --depth == 0) {
            return p[1] == '\0';
        }
    }
    return 0;
}

/* One header line "# key: value"; 0 when it is a comment of other words. */
static int header_line(const char *file, int lineno, char *line, header *h)
{
    char *p = line + 1;
    while (*p == ' ')
        p++;
    char *key = p;
    while (islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' || *p == '_')
        p++;
    /* a header key is one lower-case word right before ": " */
    if (p == key || *p != ':' || (p[1] != ' ' && p[1] != '\t' && p[1] != '\n' && p[1] != '\r' && p[1]))
        return 0;
    *p = '\0';
    char *v = trimmed(p + 1);
    int col = (int)(v - line) + 1;
    int k = 0;
    while (HEADER_KEYS[k] && strcmp(HEADER_KEYS[k], key) != 0)
        k++;
    switch ((header_key)k) {
    case H_EXPECT: {
        char a[32], b[256] = "";
        if (sscanf(v, "%31s %255s", a, b) < 1) {
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col, "'# expect:' needs a rule id, then a path if any");
        } else if (h->nexpect < MAX_EXPECT) {
            snprintf(h->expect[h->nexpect].rule, sizeof h->expect[0].rule, "%s", a);
            snprintf(h->expect[h->nexpect].path, sizeof h->expect[0].path, "%s", b);
            h->nexpect++;
        } else {
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col, "a fixture holds at most %d '# expect:' lines",
                          MAX_EXPECT);
        }
        break;
    }
    case H_AS_OF:
        if (strlen(v) == 10 && sk_date_valid(v, 10))
            memcpy(h->as_of, v, 11);
        else
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col,
                          "'# as-of:' needs a real date YYYY-MM-DD, not '%s'", v);
        break;
    case H_PARAMS:
        if (h->params)
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, 1, "a fixture has one '# %s:' line", key);
        else if (!one_flow_map(v))
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col,
                          "'# params:' takes a flow map of the rule's parameters, such as {max_days: 400}, not '%s'", v);
        else if (!(h->params = sk_strdup(v)))
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col, "out of memory");
        h->params_line = lineno, h->params_col = col;
        break;
    case H_PROFILE:
        if (h->profile)
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, 1, "a fixture has one '# %s:' line", key);
        else if (!v[0])
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col,
                          "'# profile:' needs a shipped profile's name or a path relative to the fixture");
        else if (!(h->profile = sk_strdup(v)))
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, col, "out of memory");
        h->profile_line = lineno;
        break;
    case H_EDITOR:
        break;
    default: {
        sk_nearest near = {.word = key};
        for (const char *const *w = HEADER_KEYS; *w; w++)
            sk_nearest_try(&near, *w);
        const char *hint = sk_nearest_get(&near);
        if (hint)
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, 2,
                          "unknown fixture header '%s:' (did you mean '%s:'?)", key, hint);
        else
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, lineno, 2,
                          "unknown fixture header '%s:' (the headers are expect, as-of, params and profile; "
                          "a comment must not begin with a word and a colon)", key);
    }
    }
    return 1;
}

/* Reads the leading comment lines of a fixture. */
static void read_header(const char *file, header *h)
{
    memset(h, 0, sizeof *h);
    sk_errors_init(&h->errs);
    strcpy(h->as_of, DEFAULT_AS_OF);
    FILE *f = fopen(file, "r");
    if (!f)
        return; /* the load says why */
    char line[4096];
    for (int lineno = 1; fgets(line, sizeof line, f) && line[0] == '#'; lineno++)
        header_line(file, lineno, line, h);
    fclose(f);
}

typedef struct tally {
    int passed, failed, broken;
    const sk_catalogue *cat; /* the lines' language; NULL: English */
    const char *builtin;     /* the built-in rules' directory (resolved), or NULL */
    const sk_test_options *x; /* timing and coverage, or NULL */
    sk_coverage *coverage;    /* --coverage: the lines of every directory's plugins */
    sk_watch watch;           /* --coverage: the line hook that fills it */
} tally;

/* ---- the rules' texts: every message renders in every language it declares -- */

/* Adds a problem of a rule's texts to why. */
static void text_problem(sk_buf *why, const sk_catalogue *cat, const char *rule, const char *what,
                         const char *lang, const char *detail)
{
    sk_buf_puts(why, why->len ? "; " : "");
    sk_buf_printf(why, sk_label(cat, "%s %s (%s): %s"), rule, what, lang[0] ? lang : "-", detail);
}

/* Whether texts declares lang. */
static int has_lang(const sk_texts *t, const char *lang)
{
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].lang, lang) == 0)
            return 1;
    return 0;
}

/* A built-in rule's text must be in every language startklar reports in. */
static void check_langs(const sk_texts *t, const char *rule, const char *what, const tally *tl, sk_buf *why)
{
    const char *l;
    for (size_t i = 0; t->count && (l = sk_lang_name(i)); i++)
        if (!has_lang(t, l))
            text_problem(why, tl->cat, rule, what, l, sk_label(tl->cat, "a built-in rule needs this text in en and sv"));
}

/* The templates of one rule: known formats, no stray brace, the same
 * placeholders in every language; in both languages when built in. */
static void check_rule_texts(const sk_rule_info *r, int builtin, const tally *t, sk_buf *why)
{
    if (builtin) {
        check_langs(&r->titles, r->id, "title", t, why);
        check_langs(&r->explains, r->id, "explain", t, why);
        check_langs(&r->fixes, r->id, "fix", t, why);
    }
    for (size_t m = 0; m < r->nmessages; m++) {
        const sk_message_def *d = &r->messages[m];
        char *what = sk_printf(sk_label(t->cat, "message '%s'"), d->id);
        if (!what)
            return;
        if (builtin)
            check_langs(&d->texts, r->id, what, t, why);
        sk_buf first = {0};
        for (size_t k = 0; k < d->texts.count; k++) {
            sk_buf names = {0}, form = {0};
            sk_template_names(d->texts.items[k].text, &names, &form);
            if (form.len)
                text_problem(why, t->cat, r->id, what, d->texts.items[k].lang, form.data);
            if (k == 0)
                first = names, names = (sk_buf){0};
            else if (strcmp(first.data ? first.data : "", names.data ? names.data : "") != 0)
                text_problem(why, t->cat, r->id, what, d->texts.items[k].lang,
                             sk_label(t->cat, "has other placeholders than the first language"));
            sk_buf_free(&names);
            sk_buf_free(&form);
        }
        sk_buf_free(&first);
        free(what);
    }
}

/* Each finding by id rendered in every language its message declares: no
 * placeholder may stay unfilled. */
static void check_rendering(const sk_rules *rules, const sk_result *res, const tally *t, sk_buf *why)
{
    for (size_t i = 0; i < res->nunits; i++)
        for (size_t j = 0; j < res->units[i].nfindings; j++) {
            const sk_finding *f = &res->units[i].findings[j];
            const sk_rule_info *r = sk_rules_find(rules, f->rule);
            const sk_message_def *d = r ? sk_rule_message(r, f->message_id) : NULL;
            for (size_t k = 0; d && k < d->texts.count; k++) {
                sk_buf out = {0}, problems = {0};
                const char *lang = d->texts.items[k].lang;
                if (sk_render(&out, d->texts.items[k].text, lang, f->data, f->ndata, &problems)) {
                    char *what = sk_printf(sk_label(t->cat, "message '%s'"), d->id);
                    text_problem(why, t->cat, r->id, what ? what : d->id, lang, problems.data);
                    free(what);
                }
                sk_buf_free(&out);
                sk_buf_free(&problems);
            }
        }
}

/* Findings of the enabled rules on one fixture; load and rule errors in errs. */
static int run_fixture(sk_runtime *rt, const sk_limits *limits, const char *file, const char *as_of,
                       sk_result *res)
{
    sk_docset *ds = sk_docset_new(limits);
    if (!ds)
        return -1;
    sk_load_file(ds, file, &res->errors);
    sk_unitset *us = sk_group(ds, &res->errors);
    int rc = us ? 0 : -1;
    if (us) {
        res->units = calloc(us->count + 1, sizeof *res->units);
        rc = res->units ? 0 : -1;
        for (size_t i = 0; rc == 0 && i < us->count; i++) {
            res->nunits++;
            rc = sk_runtime_check(rt, &us->units[i], as_of, &res->units[i], &res->errors);
        }
    }
    sk_unitset_free(us);
    sk_docset_free(ds);
    return rc;
}

static void describe_findings(const sk_result *res, const sk_catalogue *cat, FILE *out)
{
    size_t n = 0;
    for (size_t i = 0; i < res->nunits; i++) {
        for (size_t j = 0; j < res->units[i].nfindings; j++, n++) {
            const sk_finding *f = &res->units[i].findings[j];
            fputs("       ", out);
            fprintf(out, sk_label(cat, "got %s %s (%s:%d:%d) %s"), f->rule,
                    f->path[0] ? f->path : sk_label(cat, "(root)"), f->file, f->line, f->column, f->message);
            fputc('\n', out);
        }
    }
    if (n == 0)
        fprintf(out, "       %s\n", sk_label(cat, "got no finding"));
}

/* ---- a fixture's own parameters and profile ---------------------------------- */

/* Puts the rules back as a fixture without params or profile finds them: only
 * the plugin's rules on, at their declared severity, with their defaults. */
static void reset_rules(sk_rules *r, const char *plugin)
{
    sk_rules_enable_file(r, plugin);
    for (size_t i = 0; i < r->nrules; i++) {
        sk_rule_info *info = &r->rules[i].info;
        info->severity = info->default_severity;
        for (size_t k = 0; k < info->nparams; k++)
            info->params[k].profile_value = NULL, info->params[k].profile_file = NULL;
    }
}

/* The path `# profile:` names: a shipped profile's name, or a path relative
 * to the fixture. NULL when out of memory. */
static char *profile_path(const char *fixture, const char *v, const char *profiles)
{
    size_t n = strlen(v);
    int is_path = strchr(v, '/') || (n > 5 && strcmp(v + n - 5, ".yaml") == 0) ||
                  (n > 4 && strcmp(v + n - 4, ".yml") == 0);
    if (!is_path)
        return sk_profile_path(v, profiles);
    const char *slash = strrchr(fixture, '/');
    return v[0] == '/' || !slash ? sk_strdup(v) : sk_printf("%.*s/%s", (int)(slash - fixture), fixture, v);
}

/* Applies the fixture's profile, then its parameters, through the policy as
 * a region's profile is applied (the same checks of rule ids, parameter names
 * and types); problems go to h->errs. Only the plugin's rules stay on. */
static void apply_header(sk_policy *pol, sk_rules *r, const char *plugin, const char *file, header *h)
{
    if (h->profile) {
        char dir[PATH_MAX];
        const char *profiles = sk_dir_path(SK_DIR_PROFILES, dir, sizeof dir);
        char *path = profile_path(file, h->profile, profiles ? profiles : ".");
        size_t before = h->errs.count;
        if (path)
            sk_policy_profile(pol, r, path, profiles, &h->errs);
        if (!path || h->errs.count > before) {
            /* the header line first, then what is wrong in the profile */
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, h->profile_line, 1,
                          "the fixture's profile '%s' cannot be applied", h->profile);
            sk_error line = h->errs.items[h->errs.count - 1];
            memmove(&h->errs.items[before + 1], &h->errs.items[before],
                    (h->errs.count - 1 - before) * sizeof line);
            h->errs.items[before] = line;
        }
        free(path);
    }
    if (h->params && !h->errs.count) {
        /* the parameters of the plugin's one rule, or by rule id when it has several */
        const char *only = NULL;
        size_t n = 0;
        for (size_t i = 0; i < r->nrules; i++)
            if (strcmp(r->rules[i].info.file, plugin) == 0)
                only = r->rules[i].info.id, n++;
        char *head = n == 1 ? sk_printf("{kind: profile, version: 1, params: {%s: ", only)
                            : sk_strdup("{kind: profile, version: 1, params: ");
        char *text = head ? sk_printf("%s%s}%s", head, h->params, n == 1 ? "}" : "") : NULL;
        /* its errors point into the header line, not into the profile made of it */
        int at = head ? (int)strlen(head) + 1 : 0;
        free(head);
        if (!text) {
            sk_errors_add(&h->errs, SK_ERR_INPUT, file, h->params_line, h->params_col, "out of memory");
            return;
        }
        size_t before = h->errs.count;
        sk_policy_profile_line(pol, r, file, text, h->params_line, &h->errs);
        for (size_t i = before; i < h->errs.count; i++) {
            sk_error *e = &h->errs.items[i];
            e->line = h->params_line;
            e->column = e->column >= at ? e->column - at + h->params_col : h->params_col;
        }
        free(text);
    }
    for (size_t i = 0; i < r->nrules; i++)
        r->rules[i].enabled = r->rules[i].enabled && strcmp(r->rules[i].info.file, plugin) == 0;
}

static void test_one(sk_runtime *rt, sk_rules *rules, const char *plugin, const sk_limits *limits,
                     const char *file, int must_fail, int verbose, tally *t, FILE *out)
{
    header h;
    read_header(file, &h);
    sk_policy *pol = NULL;
    sk_runtime *own = NULL; /* the rules as this fixture's header sets them */
    if (!h.errs.count && (h.params || h.profile)) {
        if (!(pol = sk_policy_new(0)))
            sk_errors_add(&h.errs, SK_ERR_INPUT, file, 1, 1, "out of memory");
        else
            apply_header(pol, rules, plugin, file, &h);
        sk_error err;
        if (!h.errs.count && !(own = sk_runtime_new(rules, &err))) {
            sk_errors_add(&h.errs, SK_ERR_INPUT, file, 1, 1, "the rules cannot run with this fixture's header: %s",
                          err.message ? err.message : "?");
            sk_error_clear(&err);
        }
    }
    if (h.errs.count) {
        for (size_t i = 0; i < h.errs.count; i++) {
            const sk_error *e = &h.errs.items[i];
            char *msg = sk_translate_error(t->cat, e);
            if (e->line)
                fprintf(out, "%s %s:%d:%d: %s\n", sk_label(t->cat, "ERROR"), e->file ? e->file : file, e->line,
                        e->column, msg ? msg : e->message);
            else
                fprintf(out, "%s %s: %s\n", sk_label(t->cat, "ERROR"), e->file ? e->file : file,
                        msg ? msg : e->message);
            free(msg);
        }
        t->broken = 1;
        t->failed++;
        if (pol)
            reset_rules(rules, plugin), sk_policy_free(pol);
        header_free(&h);
        return;
    }
    sk_result res = {0};
    sk_errors_init(&res.errors);
    int rc = run_fixture(own ? own : rt, limits, file, h.as_of, &res);
    size_t findings = 0;
    for (size_t i = 0; i < res.nunits; i++)
        findings += res.units[i].nfindings;
    int ok = 1;
    sk_buf why = {0};
    if (rc) {
        ok = 0;
        sk_buf_puts(&why, sk_label(t->cat, "out of memory"));
    } else if (res.errors.count) {
        ok = 0;
        for (size_t i = 0; i < res.errors.count; i++) {
            const sk_error *e = &res.errors.items[i];
            if (e->kind == SK_ERR_RULE)
                t->broken = 1;
            sk_buf_printf(&why, "%s%s:%d:%d: %s", i ? "; " : "",
                          e->file ? e->file : "?", e->line, e->column, e->message);
            if (e->traceback)
                sk_buf_printf(&why, "\n%s", e->traceback);
        }
    } else if (!must_fail && findings) {
        ok = 0;
        sk_buf_puts(&why, sk_label(t->cat, "expected no finding"));
    } else if (must_fail && !findings) {
        ok = 0;
        sk_buf_puts(&why, sk_label(t->cat, "expected a finding"));
    } else {
        check_rendering(rules, &res, t, &why);
        ok = why.len == 0;
        for (int k = 0; k < h.nexpect; k++) {
            int seen = 0;
            for (size_t i = 0; i < res.nunits && !seen; i++)
                for (size_t j = 0; j < res.units[i].nfindings && !seen; j++) {
                    const sk_finding *f = &res.units[i].findings[j];
                    seen = strcmp(f->rule, h.expect[k].rule) == 0 &&
                           (!h.expect[k].path[0] || strcmp(f->path, h.expect[k].path) == 0);
                }
            if (!seen) {
                ok = 0;
                sk_buf_puts(&why, why.len ? "; " : "");
                sk_buf_printf(&why, sk_label(t->cat, "expected %s at %s"), h.expect[k].rule,
                              h.expect[k].path[0] ? h.expect[k].path : sk_label(t->cat, "any path"));
            }
        }
    }
    if (ok) {
        t->passed++;
        if (verbose)
            fprintf(out, "%-4s %s\n", sk_label(t->cat, "ok"), file);
    } else {
        t->failed++;
        fprintf(out, "%s %s: %s\n", sk_label(t->cat, "FAIL"), file, why.data ? why.data : "?");
        if (!res.errors.count)
            describe_findings(&res, t->cat, out);
    }
    sk_buf_free(&why);
    sk_result_free(&res);
    if (own) {
        size_t left = sk_runtime_free(own);
        if (left) {
            fprintf(out, "%s %s: ", sk_label(t->cat, "BROKEN"), file);
            fprintf(out, sk_label(t->cat, "internal error: the Lua state still counted %zu bytes after it was closed"),
                    left);
            fputc('\n', out);
            t->broken = 1;
            t->failed++;
        }
    }
    if (pol)
        reset_rules(rules, plugin), sk_policy_free(pol);
    header_free(&h);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Runs pass/ or fail/ of one plugin; returns how many fixtures there were. */
static size_t test_folder(sk_runtime *rt, sk_rules *rules, const char *plugin, const sk_limits *limits,
                          const char *dir, int must_fail, int verbose, tally *t, FILE *out)
{
    if (!is_dir(dir))
        return 0;
    sk_paths files = {0};
    sk_errors errs;
    sk_errors_init(&errs);
    const char *one[] = {dir};
    sk_discover(one, 1, &files, &errs);
    for (size_t i = 0; i < files.count; i++)
        test_one(rt, rules, plugin, limits, files.items[i], must_fail, verbose, t, out);
    size_t n = files.count;
    sk_paths_free(&files);
    sk_errors_free(&errs);
    return n;
}

/* Whether file lies below the built-in rules' directory. */
static int is_builtin(const char *file, const tally *t)
{
    if (!t->builtin)
        return 0;
    char *real = realpath(file, NULL);
    size_t n = strlen(t->builtin);
    int in = real && strncmp(real, t->builtin, n) == 0 && real[n] == '/';
    free(real);
    return in;
}

/* The texts of the rules of one plugin file: a failure line when wrong. */
static void check_plugin_texts(const sk_rules *rules, const char *file, tally *t, FILE *out)
{
    int builtin = is_builtin(file, t);
    sk_buf why = {0};
    for (size_t i = 0; i < rules->nrules; i++)
        if (strcmp(rules->rules[i].info.file, file) == 0)
            check_rule_texts(&rules->rules[i].info, builtin, t, &why);
    if (why.len) {
        fprintf(out, "%s %s: %s\n", sk_label(t->cat, "FAIL"), file, why.data);
        t->failed++;
    }
    sk_buf_free(&why);
}

static void test_dir(const char *dir, const sk_limits *limits, int verbose, tally *t, FILE *out)
{
    sk_errors errs;
    sk_errors_init(&errs);
    const char *one[] = {dir};
    sk_rules *rules = sk_rules_load(one, 1, limits, &errs);
    sk_translate_errors(t->cat, &errs); /* as check says them */
    for (size_t i = 0; i < errs.count; i++) {
        const sk_error *e = &errs.items[i];
        fprintf(out, "%s %s:%d: %s\n", sk_label(t->cat, "BROKEN"), e->file ? e->file : dir, e->line, e->message);
        t->broken = 1;
        t->failed++;
    }
    sk_errors_free(&errs);
    if (!rules)
        return;
    sk_error err;
    sk_runtime *rt = sk_runtime_new(rules, &err);
    if (!rt) {
        char *said = sk_translate_error(t->cat, &err);
        fprintf(out, "%s %s: %s\n", sk_label(t->cat, "BROKEN"), err.file ? err.file : dir,
                said ? said : err.message ? err.message : "?");
        free(said);
        sk_error_clear(&err);
        t->broken = 1;
        t->failed++;
        sk_rules_free(rules);
        return;
    }
    /* --timing and --coverage: this directory's rules, watched */
    sk_timing *timing = t->x && t->x->timing ? sk_timing_new() : NULL;
    for (size_t p = 0; t->coverage && p < rules->nplugins; p++)
        if (!rules->plugins[p].broken && sk_coverage_add_plugin(t->coverage, rules, p))
            t->broken = 1;
    if (t->coverage)
        sk_runtime_watch(rt, &t->watch);
    if (timing)
        sk_runtime_timing(rt, timing);
    for (size_t p = 0; p < rules->nplugins; p++) {
        const sk_plugin *pl = &rules->plugins[p];
        if (pl->broken || sk_rules_enable_file(rules, pl->file) == 0)
            continue;
        check_plugin_texts(rules, pl->file, t, out);
        size_t len = strlen(pl->file);
        char *base = sk_printf("%.*s.test", (int)(len - 4), pl->file);
        char *pass = base ? sk_printf("%s/pass", base) : NULL;
        char *fail = base ? sk_printf("%s/fail", base) : NULL;
        if (pass && fail) {
            size_t np = test_folder(rt, rules, pl->file, limits, pass, 0, verbose, t, out);
            size_t nf = test_folder(rt, rules, pl->file, limits, fail, 1, verbose, t, out);
            if (np == 0 || nf == 0) {
                fprintf(out, "%s %s: ", sk_label(t->cat, "FAIL"), pl->file);
                fprintf(out, sk_label(t->cat, "a rule needs at least one fixture in %s/pass and one in %s/fail"),
                        base, base);
                fputc('\n', out);
                t->failed++;
            }
        }
        free(base), free(pass), free(fail);
    }
    if (timing && (sk_timing_name_rules(timing, rules) || sk_timing_append(t->x->timing, timing)))
        t->broken = 1;
    sk_timing_free(timing);
    size_t left = sk_runtime_free(rt);
    if (left) {
        fprintf(out, "%s %s: ", sk_label(t->cat, "BROKEN"), dir);
        fprintf(out, sk_label(t->cat, "internal error: the Lua state still counted %zu bytes after it was closed"),
                left);
        fputc('\n', out);
        t->broken = 1;
        t->failed++;
    }
    sk_rules_free(rules);
}

int sk_test_fixtures_with(const char *const *dirs, size_t n, const sk_limits *limits, int verbose,
                          const char *builtin_dir, const sk_catalogue *cat, FILE *out,
                          const sk_test_options *x)
{
    sk_limits l = limits ? *limits : sk_limits_default();
    tally t = {0};
    t.cat = cat;
    t.x = x;
    unsigned long long start = sk_now_ns();
    char *builtin = builtin_dir ? realpath(builtin_dir, NULL) : NULL;
    t.builtin = builtin;
    if (x && x->coverage) {
        if (!(t.coverage = sk_coverage_new()))
            t.broken = 1;
        else
            sk_coverage_watch(t.coverage, &t.watch);
    }
    for (size_t i = 0; i < n; i++)
        test_dir(dirs[i], &l, verbose, &t, out);
    free(builtin);
    if (x && x->timing) {
        x->timing->wall_ns = sk_now_ns() - start;
        x->timing->jobs = 1;
    }
    int below = 0;
    if (t.coverage) {
        double pct = sk_coverage_write(t.coverage, cat, out);
        below = pct < x->coverage_min;
        if (below) {
            char a[32], b[32];
            fprintf(out, sk_label(cat, "coverage %s %% is below --coverage-min %s %%"),
                    sk_decimal(a, sizeof a, pct, 1, cat), sk_decimal(b, sizeof b, x->coverage_min, 1, cat));
            fputc('\n', out);
        }
        sk_coverage_free(t.coverage);
    }
    fprintf(out, "%d passed, %d failed\n", t.passed, t.failed);
    if (t.broken)
        return 2;
    return t.failed || below ? 1 : 0;
}

int sk_test_fixtures(const char *const *dirs, size_t n, const sk_limits *limits, int verbose,
                     const char *builtin_dir, const sk_catalogue *cat, FILE *out)
{
    return sk_test_fixtures_with(dirs, n, limits, verbose, builtin_dir, cat, out, NULL);
}
