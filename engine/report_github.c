/* report_github.c: the github writer, GitHub Actions workflow commands that
 * become annotations on the lines of a pull request's files:
 *   ::error file=F,line=L,col=C,title=RULE: TITLE::MESSAGE
 * one per finding that counts (a waived or known finding is left out: it
 * does not fail the gate), then one per error (what could not be judged)
 * and per warning (expired, stale, expiring waivers). Severity to command:
 * error -> error, warning -> warning, info -> notice. GitHub shows at most
 * 10 annotations of each type per step and 50 per job, so at most CAP
 * annotations are written and one notice says how many were left out and
 * where to see them all; another says how many waived and known findings
 * were not annotated, so nothing is left out unsaid. The two notices are
 * within the job's 50: past them GitHub would drop the very lines that say
 * what is missing. Values are escaped as GitHub's runner reads them back: % CR LF
 * as %25 %0D %0A, and in a property (file, title) also : and , as %3A %2C. */
#include "internal.h"

#include <stdlib.h>

#define CLOSING_NOTICES 2
#define CAP (50 - CLOSING_NOTICES)

static const char *const COMMANDS[] = {"notice", "notice", "warning", "error"};

typedef struct github {
    sk_report_dir cwd;
    size_t written, left_out;
    size_t waived, known; /* findings not annotated: they do not fail the gate */
} github;

/* What GitHub's runner reads back: in a message and a property, or in a property only. */
static const struct {
    char c;
    const char *as;
    int property_only;
} ESCAPES[] = {{'%', "%25", 0}, {'\r', "%0D", 0}, {'\n', "%0A", 0}, {':', "%3A", 1}, {',', "%2C", 1}};

/* s escaped for a workflow command. Other control characters are shown as
 * escapes first (sk_report_visible): nothing steers the log's terminal
 * emulation; a line break stays in a message only. */
static void escaped(FILE *out, const char *s, int property)
{
    sk_buf shown = {0};
    sk_report_visible(&shown, s, !property);
    for (const char *p = shown.failed || !shown.data ? "" : shown.data; *p; p++) {
        size_t e = 0;
        while (e < sizeof ESCAPES / sizeof *ESCAPES && (ESCAPES[e].c != *p || (ESCAPES[e].property_only && !property)))
            e++;
        if (e < sizeof ESCAPES / sizeof *ESCAPES)
            fputs(ESCAPES[e].as, out);
        else
            fputc(*p, out);
    }
    sk_buf_free(&shown);
}

/* One annotation, or a count of one left out past the cap. */
static void annotate(sk_writing *w, const char *command, const char *file, int line, int column,
                     const char *rule, const char *title, const char *message)
{
    github *g = w->state;
    FILE *out = w->out;
    if (g && g->written >= CAP) {
        g->left_out++;
        return;
    }
    if (g)
        g->written++;
    fprintf(out, "::%s ", command);
    const char *sep = "";
    if (file) {
        const char *rel = sk_report_relative(g ? &g->cwd : NULL, file);
        fputs("file=", out);
        escaped(out, rel ? rel : file, 1);
        sep = ",";
        if (line > 0)
            fprintf(out, ",line=%d", line);
        if (line > 0 && column > 0)
            fprintf(out, ",col=%d", column);
    }
    fprintf(out, "%stitle=", sep);
    escaped(out, rule, 1);
    if (rule && title)
        escaped(out, ": ", 1);
    escaped(out, title, 1);
    fputs("::", out);
    escaped(out, message, 0);
    fputc('\n', out);
}

void sk_github_begin(sk_writing *w)
{
    github *g = calloc(1, sizeof *g); /* NULL: no cap and absolute paths as given */
    if (g)
        sk_report_cwd(&g->cwd);
    w->state = g;
}

void sk_github_unit(sk_writing *w, const sk_unit_result *u)
{
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        if (f->waived || f->known) {
            github *g = w->state;
            if (g)
                f->waived ? g->waived++ : g->known++;
            continue;
        }
        const sk_rule_meta *r = sk_report_rule(w->res, f->rule);
        annotate(w, COMMANDS[(unsigned)f->severity < 4 ? f->severity : SK_SEV_ERROR], f->file, f->line, f->column,
                 f->rule, r ? r->title : NULL, f->message);
    }
}

void sk_github_end(sk_writing *w)
{
    const sk_result *res = w->res;
    github *g = w->state;
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        annotate(w, "error", e->file, e->line, e->column, e->rule ? e->rule : "startklar", NULL, e->message);
    }
    for (size_t i = 0; i < res->warnings.count; i++) {
        const sk_error *e = &res->warnings.items[i];
        annotate(w, "warning", e->file, e->line, e->column, "startklar", NULL, e->message);
    }
    if (g && (g->waived || g->known)) {
        fputs("::notice title=startklar::", w->out);
        fprintf(w->out,
                sk_label(res->catalogue, "Not annotated, as they do not fail the gate: %zu waived and %zu known "
                                         "findings. Every finding is in the job log (--format text) and in the SARIF "
                                         "report."),
                g->waived, g->known);
        fputc('\n', w->out);
    }
    if (g && g->left_out) {
        fputs("::notice title=startklar::", w->out);
        fprintf(w->out,
                sk_plural(res->catalogue,
                          "%zu more annotation left out: at most %d are written. Every finding is in the job log "
                          "(--format text) and in the SARIF report.",
                          "%zu more annotations left out: at most %d are written. Every finding is in the job log "
                          "(--format text) and in the SARIF report.",
                          g->left_out),
                g->left_out, CAP);
        fputc('\n', w->out);
    }
    free(g);
    w->state = NULL;
}
