/* fixtures.c: `startklar test`. Every plugin file X.lua may have fixtures in
 * X.test/pass/ (each must yield no finding of X's rules) and X.test/fail/
 * (each must yield at least one, and the finding named by every leading
 * `# expect: RULE path` line). `# as-of: YYYY-MM-DD` sets the run's date,
 * 2027-04-10 by default. Each fixture runs only the rules of its plugin. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_AS_OF "2027-04-10"

typedef struct expectation {
    char rule[32];
    char path[256];
} expectation;

typedef struct header {
    char as_of[11];
    expectation expect[16];
    int nexpect;
} header;

/* Reads the leading comment lines of a fixture. */
static void read_header(const char *file, header *h)
{
    memset(h, 0, sizeof *h);
    strcpy(h->as_of, DEFAULT_AS_OF);
    FILE *f = fopen(file, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f) && line[0] == '#') {
        char a[32], b[256] = "";
        if (sscanf(line, "# expect: %31s %255s", a, b) >= 1 && h->nexpect < 16) {
            snprintf(h->expect[h->nexpect].rule, sizeof h->expect[0].rule, "%s", a);
            snprintf(h->expect[h->nexpect].path, sizeof h->expect[0].path, "%s", b);
            h->nexpect++;
        } else if (sscanf(line, "# as-of: %10s", a) == 1 && sk_date_valid(a, strlen(a))) {
            memcpy(h->as_of, a, 11);
        }
    }
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

static void test_one(sk_runtime *rt, const sk_rules *rules, const sk_limits *limits, const char *file,
                     int must_fail, int verbose, tally *t, FILE *out)
{
    header h;
    read_header(file, &h);
    sk_result res = {0};
    sk_errors_init(&res.errors);
    int rc = run_fixture(rt, limits, file, h.as_of, &res);
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
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Runs pass/ or fail/ of one plugin; returns how many fixtures there were. */
static size_t test_folder(sk_runtime *rt, const sk_rules *rules, const sk_limits *limits, const char *dir,
                          int must_fail, int verbose, tally *t, FILE *out)
{
    if (!is_dir(dir))
        return 0;
    sk_paths files = {0};
    sk_errors errs;
    sk_errors_init(&errs);
    const char *one[] = {dir};
    sk_discover(one, 1, &files, &errs);
    for (size_t i = 0; i < files.count; i++)
        test_one(rt, rules, limits, files.items[i], must_fail, verbose, t, out);
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
        fprintf(out, "%s %s: %s\n", sk_label(t->cat, "BROKEN"), err.file ? err.file : dir,
                err.message ? err.message : "?");
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
            size_t np = test_folder(rt, rules, limits, pass, 0, verbose, t, out);
            size_t nf = test_folder(rt, rules, limits, fail, 1, verbose, t, out);
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
