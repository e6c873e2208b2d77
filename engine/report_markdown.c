/* report_markdown.c: the Markdown writer (GitHub/GitLab flavour), for a wiki
 * page or a merge-request comment: a summary table, then per unit a heading
 * and a table of its findings, then what could not be judged. Table cells
 * escape Markdown's punctuation (so a '|' cannot end a cell and '<' cannot
 * start HTML) and turn line breaks into <br>. */
#include "internal.h"

#include <string.h>

/* Text for a table cell or heading; controls are shown as escapes
 * (sk_report_visible), never passed to the reader's terminal. */
static void md(FILE *out, const char *s)
{
    static const char SPECIAL[] = "\\`*_[]<>|~#!";
    sk_buf b = {0};
    sk_report_visible(&b, s, 1);
    for (const char *p = b.failed || !b.data ? "" : b.data; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            continue;
        if (*p == '\n' || *p == '\r')
            fputs("<br>", out);
        else if (strchr(SPECIAL, *p))
            fputc('\\', out), fputc(*p, out);
        else
            fputc(*p, out);
    }
    sk_buf_free(&b);
}

static void where(FILE *out, const char *file, int line, int column)
{
    md(out, file ? file : "");
    if (line > 0)
        fprintf(out, ":%d", line);
    if (line > 0 && column > 0)
        fprintf(out, ":%d", column);
}

/* The summary table. It opens the report when the result is judged whole
 * before it is written; a streamed report only knows it at the end. */
static void summary(const sk_result *res, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    const sk_summary *s = &res->summary;
    const struct {
        const char *label;
        size_t count;
    } ROWS[] = {
        {"Units", s->units},
        {"Ready", s->passed},
        {"Ready (known gaps)", s->known_gaps},
        {"Not ready", s->failed},
        {"Could not be judged", s->errored},
        {"Findings: error", s->findings[SK_SEV_ERROR]},
        {"Findings: warning", s->findings[SK_SEV_WARNING]},
        {"Findings: info", s->findings[SK_SEV_INFO]},
        {"Input or rule errors", s->errors},
        {"Rollout: ready", s->rollout[SK_ROLLOUT_READY]},
        {"Rollout: at risk", s->rollout[SK_ROLLOUT_AT_RISK]},
        {"Rollout: not ready", s->rollout[SK_ROLLOUT_NOT_READY]},
        {"Rollout: launched, not ready", s->rollout[SK_ROLLOUT_LAUNCHED_NOT_READY]},
    };
    fprintf(out, "| %s | %s |\n|---|---:|\n", sk_label(cat, "Summary"), sk_label(cat, "Count"));
    for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++)
        fprintf(out, "| %s | %zu |\n", sk_label(cat, ROWS[i].label), ROWS[i].count);
    fputc('\n', out);
}

static int judged_whole(const sk_result *res)
{
    return res->units && res->nunits && res->summary.units == res->nunits;
}

/* A label that takes %s arguments (and %% for a per cent sign): its text as
 * it is, each argument escaped. */
static void put(FILE *out, const char *label, const char *const *args, size_t nargs)
{
    size_t k = 0;
    for (const char *p = label; *p; p++) {
        if (p[0] == '%' && p[1] == '%') {
            fputc('%', out), p++;
        } else if (p[0] == '%' && p[1] == 's') {
            md(out, k < nargs && args[k] ? args[k] : "");
            k++, p++;
        } else {
            fputc(*p, out);
        }
    }
}

void sk_markdown_begin(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    fprintf(out, "# %s\n\n", sk_label(cat, "startklar report"));
    const char *args[] = {
        res->as_of ? res->as_of : sk_label(cat, "(unknown)"),
        res->profile ? res->profile : "default",
        res->fail_on == SK_SEV_NONE ? sk_label(cat, "(never)") : sk_label(cat, sk_severity_name(res->fail_on)),
    };
    put(out, sk_label(cat, "Checked as of %s with the %s rules; a unit is not ready at a finding of severity %s or above."),
        args, 3);
    fputs("\n\n", out);
    if (judged_whole(res))
        summary(res, out);
}

/* "Launch 2027-03-01, in 19 days: **at risk**." under the unit's heading. */
static void countdown(const sk_catalogue *cat, const sk_unit_result *u, FILE *out)
{
    const char *state = sk_label(cat, sk_rollout_label(u->rollout));
    if (!u->launch_date[0]) {
        fprintf(out, sk_label(cat, "No launch date: **%s**."), state);
        fputs("\n\n", out);
        return;
    }
    char when[64];
    sk_report_days(cat, u->days_to_launch, when, sizeof when);
    fprintf(out, sk_label(cat, "Launch %s, %s: **%s**."), u->launch_date, when, state);
    if (u->launch_disputed)
        fprintf(out, " (%s)", sk_label(cat, "disputed: the earliest of the documents' dates"));
    fputs("\n\n", out);
}

void sk_markdown_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_catalogue *cat = w->res->catalogue;
    FILE *out = w->out;
    fputs("## ", out);
    md(out, u->hsa_id ? u->hsa_id : "");
    if (u->name && *u->name && (!u->hsa_id || strcmp(u->name, u->hsa_id) != 0)) {
        fputs(" ", out);
        md(out, u->name);
    }
    fprintf(out, ": %s\n\n", sk_label(cat, sk_report_status_label(u->status)));
    countdown(cat, u, out);
    if (u->load_errors) {
        fprintf(out,
                sk_label(cat, u->load_errors == 1 ? "%d input error in this unit's documents: not judged in full."
                                                  : "%d input errors in this unit's documents: not judged in full."),
                u->load_errors);
        fputs("\n\n", out);
    }
    if (u->rule_errors) {
        fprintf(out, sk_label(cat, u->rule_errors == 1 ? "%d rule failed on this unit." : "%d rules failed on this unit."),
                u->rule_errors);
        fputs("\n\n", out);
    }
    if (!u->nfindings) {
        fprintf(out, "%s\n\n", sk_label(cat, "No findings."));
        return;
    }
    fprintf(out, "| %s | %s | %s | %s |\n|---|---|---|---|\n", sk_label(cat, "Where"), sk_label(cat, "Severity"),
            sk_label(cat, "Rule"), sk_label(cat, "Message"));
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        fputs("| ", out);
        where(out, f->file, f->line, f->column);
        fprintf(out, " | %s | ", sk_label(cat, sk_severity_name(f->severity)));
        md(out, f->rule ? f->rule : "");
        fputs(" | ", out);
        md(out, f->message ? f->message : "");
        if (f->waiver) {
            const char *args[] = {f->waiver->expires, f->waiver->approved_by, f->waiver->reason};
            fputs(" ", out);
            put(out, sk_label(cat, "(waived until %s by %s: %s)"), args, 3);
            if (f->waiver->expiring)
                fprintf(out, " %s", sk_label(cat, "(the waiver expires soon)"));
        } else if (f->waived) {
            fprintf(out, " %s", sk_label(cat, "(waived)"));
        }
        if (f->known)
            fprintf(out, " %s", sk_label(cat, "(known: in the baseline)"));
        fputs(" |\n", out);
    }
    fputc('\n', out);
}

void sk_markdown_end(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    if (!judged_whole(res)) {
        fprintf(out, "## %s\n\n", sk_label(cat, "Summary"));
        summary(res, out);
    }
    if (res->stopped)
        fprintf(out, "%s\n\n", sk_label(cat, "Nothing was judged: correct the errors listed and run again."));
    if (res->warnings.count) {
        fprintf(out, "## %s\n\n", sk_label(cat, "Warnings"));
        for (size_t i = 0; i < res->warnings.count; i++) {
            const sk_error *e = &res->warnings.items[i];
            fputs("- ", out);
            where(out, e->file, e->line, e->column);
            fputs(": ", out);
            md(out, e->message);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    if (res->fixed.count) {
        fprintf(out, "## %s\n\n", sk_label(cat, "Fixed since the baseline"));
        for (size_t i = 0; i < res->fixed.count; i++) {
            const sk_error *e = &res->fixed.items[i];
            fputs("- ", out);
            md(out, e->unit);
            fputs(" ", out);
            md(out, e->rule);
            fputs(" ", out);
            md(out, e->message[0] ? e->message : "(root)");
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    if (!res->errors.count)
        return;
    fprintf(out, "## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", sk_label(cat, "Could not be judged"),
            sk_label(cat, "Where"), sk_label(cat, "Kind"), sk_label(cat, "Unit"), sk_label(cat, "Message"));
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        fputs("| ", out);
        where(out, e->file, e->line, e->column);
        fprintf(out, " | %s | ", sk_label(cat, sk_report_error_kind(e->kind)));
        md(out, e->unit ? e->unit : "");
        fputs(" | ", out);
        md(out, e->message ? e->message : "");
        fputs(" |\n", out);
    }
    fputc('\n', out);
}
