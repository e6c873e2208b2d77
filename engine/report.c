/* report.c: one writer per format behind one interface. A writer is told
 * when the report begins, once per unit in order, and when it ends (with the
 * errors and the summary), so a batch can stream units as they finish. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct writer {
    const char *name;
    void (*begin)(sk_writing *w);
    void (*unit)(sk_writing *w, const sk_unit_result *u);
    void (*end)(sk_writing *w); /* frees w->state */
} writer;

/* The statuses, by sk_unit_status: the name scripts read, the word people read. */
static const char *const STATUS_NAMES[SK_UNIT_STATUSES] = {"pass", "fail", "error", "known_gaps"};
static const char *const STATUS_LABELS[SK_UNIT_STATUSES] = {"ready", "NOT READY", "ERROR", "ready (known gaps)"};
static const char *const BASELINE_NAMES[] = {NULL, "new", "unchanged", "updated"};
static const char *const ERROR_KINDS[] = {"input", "plugin", "rule", "usage", "policy", "warning"};

/* ---- JSON ---------------------------------------------------------------------------- */

/* A JSON string (escaping in util.c: bytes that are not UTF-8 become U+FFFD). */
static void json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    sk_buf b = {0};
    sk_buf_json(&b, s);
    if (b.failed) {
        fputs("\"\"", out);
    } else {
        fwrite(b.data, 1, b.len, out);
    }
    sk_buf_free(&b);
}

static void json_countdown(const sk_unit_result *u, FILE *out);

/* What renders the message again in another language (diff reads it): the
 * rule's message id and its values (values_json.c; null when a value has no
 * JSON form). */
static void json_message_data(const sk_finding *f, FILE *out)
{
    fputs(", \"message_id\": ", out);
    json_str(out, f->message_id);
    fputs(", \"data\": ", out);
    sk_buf b = {0};
    if (sk_values_json(&b, f->data, f->ndata) == 0 && !b.failed && b.data)
        fwrite(b.data, 1, b.len, out);
    else
        fputs("null", out);
    sk_buf_free(&b);
}

/* One finding object; for jsonl, where lines stand alone, the unit is added
 * first and its countdown last. */
static void json_finding(const sk_finding *f, const sk_unit_result *unit, const char *wrap, FILE *out)
{
    fputc('{', out);
    if (unit) {
        fputs("\"unit\": ", out);
        json_str(out, unit->hsa_id);
        fputs(", ", out);
    }
    fputs("\"rule\": ", out);
    json_str(out, f->rule);
    fprintf(out, ", \"severity\": \"%s\", \"message\": ", sk_severity_name(f->severity));
    json_str(out, f->message);
    fprintf(out, ",%s\"file\": ", wrap);
    json_str(out, f->file);
    fprintf(out, ", \"line\": %d, \"column\": %d, \"path\": ", f->line, f->column);
    json_str(out, f->path);
    fprintf(out, ", \"waived\": %s", f->waived ? "true" : "false");
    if (f->waiver) {
        fputs(", \"waiver\": {\"reason\": ", out);
        json_str(out, f->waiver->reason);
        fputs(", \"approved_by\": ", out);
        json_str(out, f->waiver->approved_by);
        fputs(", \"expires\": ", out);
        json_str(out, f->waiver->expires);
        fprintf(out, ", \"expiring\": %s, \"file\": ", f->waiver->expiring ? "true" : "false");
        json_str(out, f->waiver->file);
        fprintf(out, ", \"line\": %d}", f->waiver->line);
    }
    fprintf(out, ", \"known\": %s", f->known ? "true" : "false");
    if (sk_report_baseline_name(f->baseline))
        fprintf(out, ", \"baseline\": \"%s\"", sk_report_baseline_name(f->baseline));
    fputs(", \"stable_path\": ", out); /* the baseline's key (docs/gating.md) */
    json_str(out, f->stable_path ? f->stable_path : f->path);
    fputs(", \"owner\": ", out); /* who is to act (the to-do view's; null: the documents name none) */
    json_str(out, f->owner);
    if (f->message_id)
        json_message_data(f, out);
    if (unit) {
        fputs(", ", out);
        json_countdown(unit, out);
    }
    fputc('}', out);
}

/* The unit's countdown: launch_date, days_to_launch (null without a date), rollout. */
static void json_countdown(const sk_unit_result *u, FILE *out)
{
    fputs("\"launch_date\": ", out);
    json_str(out, u->launch_date[0] ? u->launch_date : NULL);
    if (u->launch_date[0])
        fprintf(out, ", \"days_to_launch\": %d", u->days_to_launch);
    else
        fputs(", \"days_to_launch\": null", out);
    if (u->launch_disputed)
        fputs(", \"launch_date_disputed\": true", out);
    fprintf(out, ", \"rollout\": \"%s\"", sk_rollout_name(u->rollout));
}

static void json_begin(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    fputs("{\n  \"tool\": \"startklar\", \"version\": ", out);
    json_str(out, res->tool_version);
    fputs(", \"as_of\": ", out);
    json_str(out, res->as_of);
    fputs(", \"profile\": ", out);
    json_str(out, res->profile);
    fputs(",\n  \"units\": [", out);
}

static void json_unit(sk_writing *w, const sk_unit_result *u)
{
    FILE *out = w->out;
    size_t index = w->units;
    fputs(index ? ",\n    {" : "\n    {", out);
    fputs("\"hsa_id\": ", out);
    json_str(out, u->hsa_id);
    fputs(", \"name\": ", out);
    json_str(out, u->name);
    fputs(",\n      \"files\": [", out);
    for (size_t i = 0; i < u->nfiles; i++) {
        fputs(i ? ", " : "", out);
        json_str(out, u->files[i]);
    }
    fprintf(out, "],\n      \"status\": \"%s\", ", sk_report_status_name(u->status));
    json_countdown(u, out);
    fputs(",\n      \"findings\": [", out);
    for (size_t i = 0; i < u->nfindings; i++) {
        fputs(i ? ",\n        " : "\n        ", out);
        json_finding(&u->findings[i], NULL, "\n         ", out);
    }
    fputs(u->nfindings ? "\n      ]}" : "]}", out);
}

static void json_error(const sk_error *e, const char *wrap, FILE *out)
{
    fprintf(out, "{\"kind\": \"%s\"", ERROR_KINDS[e->kind]);
    if (e->rule)
        fputs(", \"rule\": ", out), json_str(out, e->rule);
    if (e->unit)
        fputs(", \"unit\": ", out), json_str(out, e->unit);
    fputs(", \"file\": ", out);
    json_str(out, e->file);
    fprintf(out, ", \"line\": %d, \"column\": %d,%s\"message\": ", e->line, e->column, wrap);
    json_str(out, e->message);
    if (e->traceback)
        fputs(", \"traceback\": ", out), json_str(out, e->traceback);
    fputc('}', out);
}

/* Opens a list with head and writes its errors, one per line. */
static void json_list(const char *head, const sk_errors *list, FILE *out)
{
    fputs(head, out);
    for (size_t i = 0; i < list->count; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_error(&list->items[i], "\n     ", out);
    }
    if (list->count)
        fputs("\n  ", out);
}

/* Whether any unit was written: in a streamed report res->units is empty. */
static int units_written(const sk_result *res)
{
    return res->summary.units > 0 || res->nunits > 0;
}

static void json_end(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    json_list(units_written(res) ? "\n  ],\n  \"errors\": [" : "],\n  \"errors\": [", &res->errors, out);
    json_list("],\n  \"warnings\": [", &res->warnings, out);
    fputs("],\n  \"fixed\": [", out);
    for (size_t i = 0; i < res->fixed.count; i++) {
        const sk_error *k = &res->fixed.items[i];
        fputs(i ? ",\n    {\"unit\": " : "\n    {\"unit\": ", out);
        json_str(out, k->unit);
        fputs(", \"rule\": ", out);
        json_str(out, k->rule);
        fputs(", \"path\": ", out);
        json_str(out, k->message);
        fputc('}', out);
    }
    if (res->fixed.count)
        fputs("\n  ", out);
    const sk_summary *s = &res->summary;
    fprintf(out,
            "%s],\n  \"summary\": {\"units\": %zu, \"passed\": %zu, \"known_gaps\": %zu, \"failed\": %zu, "
            "\"errored\": %zu, \"errors\": %zu, \"files\": %zu, \"skipped\": %zu, \"stopped\": %s,\n              \"findings\": "
            "{\"error\": %zu, \"warning\": %zu, \"info\": %zu},\n              \"top_gaps\": [",
            "", s->units, s->passed, s->known_gaps, s->failed, s->errored, s->errors, s->files, res->skipped.count,
            res->stopped ? "true" : "false",
            s->findings[SK_SEV_ERROR], s->findings[SK_SEV_WARNING], s->findings[SK_SEV_INFO]);
    for (size_t i = 0; i < s->ngaps && i < SK_TOP; i++) {
        fprintf(out, "%s{\"rule\": ", i ? ", " : "");
        json_str(out, s->gaps[i].rule);
        fprintf(out, ", \"units\": %zu, \"share\": %.3f}", s->gaps[i].units,
                s->units ? (double)s->gaps[i].units / (double)s->units : 0.0);
    }
    fputs("],\n              \"most_errors\": [", out);
    for (size_t i = 0; i < s->nmost_errors; i++) {
        fprintf(out, "%s{\"unit\": ", i ? ", " : "");
        json_str(out, s->most_errors[i].hsa_id);
        fprintf(out, ", \"errors\": %zu}", s->most_errors[i].count);
    }
    fputs("],\n              \"rollout\": {", out);
    for (int r = 0; r < SK_ROLLOUT_STATES; r++)
        fprintf(out, "%s\"%s\": %zu", r ? ", " : "", sk_rollout_name((sk_rollout)r), s->rollout[r]);
    fputs("}}\n}\n", out);
}

/* ---- JSON lines: one finding or error per line, streamed --------------------------- */

static void jsonl_begin(sk_writing *w)
{
    (void)w; /* nothing before the first unit */
}

static void jsonl_unit(sk_writing *w, const sk_unit_result *u)
{
    FILE *out = w->out;
    for (size_t i = 0; i < u->nfindings; i++) {
        json_finding(&u->findings[i], u, " ", out);
        fputc('\n', out);
    }
}

static void jsonl_end(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    const sk_errors *lists[] = {&res->errors, &res->warnings};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->count; i++) {
            json_error(&lists[l]->items[i], " ", out);
            fputc('\n', out);
        }
    for (size_t i = 0; i < res->fixed.count; i++) {
        fputs("{\"kind\": \"fixed\", \"unit\": ", out);
        json_str(out, res->fixed.items[i].unit);
        fputs(", \"rule\": ", out);
        json_str(out, res->fixed.items[i].rule);
        fputs(", \"path\": ", out);
        json_str(out, res->fixed.items[i].message);
        fputs("}\n", out);
    }
}

/* ---- text ------------------------------------------------------------------------------- */

typedef struct palette {
    const char *bold, *off, *sev[4], *status[SK_UNIT_STATUSES];
} palette;

static const palette COLOR = {"\033[1m",
                              "\033[0m",
                              {"", "\033[34m", "\033[33m", "\033[31m"},
                              {"\033[32m", "\033[31m", "\033[35m", "\033[36m"}};
static const palette PLAIN = {"", "", {"", "", "", ""}, {"", "", "", ""}};

static const palette *colors(const sk_report_options *opt)
{
    return opt && opt->color ? &COLOR : &PLAIN;
}

static void text_begin(sk_writing *w)
{
    /* the header: the date the units are judged against */
    fprintf(w->out, sk_label(w->res->catalogue, "startklar report, as of %s"),
            w->res->as_of ? w->res->as_of : sk_label(w->res->catalogue, "(unknown)"));
    fputs("\n\n", w->out);
}

/* The texts of one line made safe to show (sk_report_visible): a name, a
 * file or a message cannot move the cursor, set a title or start a line. */
#define SHOWN_MAX 8
typedef struct shown {
    sk_buf b[SHOWN_MAX];
    size_t n;
} shown;

static const char *show(shown *sh, const char *s)
{
    if (!s || sh->n == SHOWN_MAX)
        return s ? "?" : "";
    sk_buf *b = &sh->b[sh->n++];
    sk_report_visible(b, s, 0);
    return b->failed || !b->data ? "" : b->data;
}

static void shown_free(shown *sh)
{
    for (size_t i = 0; i < sh->n; i++)
        sk_buf_free(&sh->b[i]);
    sh->n = 0;
}

/* The text report's words, in the catalogue's language (sk_label). */
static const char *const ERROR_LABELS[] = {"input error",  "plugin error", "rule error",
                                           "usage error",  "policy error", "warning"};

/* A finding's marks: its waiver, or that it is known from the baseline. */
static void text_marks(FILE *out, const sk_catalogue *cat, const sk_finding *f)
{
    shown sh = {0};
    if (f->waiver) {
        fprintf(out, sk_label(cat, " [waived until %s by %s: %s]"), show(&sh, f->waiver->expires),
                show(&sh, f->waiver->approved_by), show(&sh, f->waiver->reason));
        if (f->waiver->expiring)
            fputs(sk_label(cat, " [the waiver expires soon]"), out);
    } else if (f->waived) {
        fputs(sk_label(cat, " [waived]"), out);
    }
    if (f->known)
        fputs(sk_label(cat, f->baseline == SK_BASELINE_UPDATED ? " [known: in the baseline, reworded]"
                                                             : " [known: in the baseline]"),
              out);
    shown_free(&sh);
}

/* "  launch 2027-03-01 (in 12 days): at risk" after the unit's verdict; the
 * state is named where someone has to act (at risk, launched not ready). */
static void text_countdown(const sk_catalogue *cat, const sk_unit_result *u, FILE *out)
{
    if (!u->launch_date[0])
        return;
    fprintf(out, sk_label(cat, "  launch %s"), u->launch_date);
    char when[64];
    sk_report_days(cat, u->days_to_launch, when, sizeof when);
    fprintf(out, " (%s", when);
    if (u->launch_disputed)
        fprintf(out, ", %s", sk_label(cat, "disputed: the earliest of the documents' dates"));
    fputc(')', out);
    if (u->rollout == SK_ROLLOUT_AT_RISK || u->rollout == SK_ROLLOUT_LAUNCHED_NOT_READY)
        fprintf(out, ": %s", sk_label(cat, sk_rollout_label(u->rollout)));
}

static void text_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_catalogue *cat = w->res->catalogue;
    FILE *out = w->out;
    const palette *c = colors(w->opt);
    shown sh = {0};
    if (w->opt && w->opt->quiet && (u->status == SK_UNIT_PASS || u->status == SK_UNIT_KNOWN_GAPS))
        return;
    /* a strategy without unit is keyed by its organisation: name it once */
    int named = u->name && strcmp(u->name, u->hsa_id) != 0;
    fprintf(out, "%s%s%s%s%s  %s%s%s", c->bold, show(&sh, u->hsa_id), named ? "  " : "",
            named ? show(&sh, u->name) : "", c->off, c->status[u->status],
            sk_label(cat, sk_report_status_label(u->status)), c->off);
    shown_free(&sh);
    text_countdown(cat, u, out);
    fputc('\n', out);
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        fprintf(out, "  %s:%d:%d %s%s%s %s %s", show(&sh, f->file), f->line, f->column, c->sev[f->severity],
                sk_label(cat, sk_severity_name(f->severity)), c->off, show(&sh, f->rule), show(&sh, f->message));
        shown_free(&sh);
        text_marks(out, cat, f);
        fputc('\n', out);
    }
    if (u->load_errors)
        fprintf(out,
                sk_plural(cat, "  %d input error in this unit's documents: not judged in full (see below)\n",
                          "  %d input errors in this unit's documents: not judged in full (see below)\n",
                          (unsigned long long)u->load_errors),
                u->load_errors);
    if (u->rule_errors)
        fprintf(out,
                sk_plural(cat, "  %d rule failed on this unit (see below)\n", "  %d rules failed on this unit (see below)\n",
                          (unsigned long long)u->rule_errors),
                u->rule_errors);
    fputc('\n', out);
}

/* "file:line:col: " of an error, as far as it is known. */
static void text_where(FILE *out, const sk_error *e)
{
    shown sh = {0};
    if (e->file && e->line && e->column)
        fprintf(out, "%s:%d:%d: ", show(&sh, e->file), e->line, e->column);
    else if (e->file && e->line)
        fprintf(out, "%s:%d: ", show(&sh, e->file), e->line);
    else if (e->file)
        fprintf(out, "%s: ", show(&sh, e->file));
    shown_free(&sh);
}

/* The files walked that are not input, counted by why (listed when verbose). */
static void skipped_text(const sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    size_t foreign = 0;
    for (size_t i = 0; i < res->skipped.count; i++)
        foreign += res->skipped.items[i].nargs == 0; /* "not a startklar document" takes no argument */
    size_t settings = res->skipped.count - foreign;
    if (foreign)
        fprintf(w->out, sk_plural(cat, "%zu file skipped: not a startklar document\n",
                                  "%zu files skipped: not startklar documents\n", foreign), foreign);
    if (settings)
        fprintf(w->out, sk_plural(cat, "%zu file skipped: a profile, baseline or configuration is not input\n",
                                  "%zu files skipped: profiles, baselines and configurations are not input\n",
                                  settings), settings);
    for (size_t i = 0; w->opt && w->opt->verbose && i < res->skipped.count; i++) {
        const sk_error *e = &res->skipped.items[i];
        char *t = sk_translate_error(cat, e);
        shown sh = {0};
        fprintf(w->out, "  %s: %s\n", show(&sh, e->file), show(&sh, t ? t : e->message));
        shown_free(&sh);
        free(t);
    }
}

static void text_end(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    const palette *c = colors(w->opt);
    shown sh = {0};
    if (res->errors.count)
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Could not be judged:"), c->off);
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        fputs("  ", out);
        text_where(out, e);
        fprintf(out, "%s%s%s: %s\n", c->sev[SK_SEV_ERROR], sk_label(cat, ERROR_LABELS[e->kind]), c->off,
                show(&sh, e->message));
        shown_free(&sh);
        if (e->traceback) {
            for (const char *line = e->traceback; *line;) {
                const char *nl = strchr(line, '\n');
                size_t len = nl ? (size_t)(nl - line) : strlen(line);
                sk_buf one = {0};
                sk_buf_add(&one, line, len);
                fprintf(out, "      %s\n", show(&sh, one.data ? one.data : ""));
                shown_free(&sh);
                sk_buf_free(&one);
                line = nl ? nl + 1 : line + len;
            }
        }
    }
    if (res->errors.count)
        fputc('\n', out);
    /* --quiet: the units that are not ready and the errors, then the summary line */
    size_t nwarnings = w->opt && w->opt->quiet ? 0 : res->warnings.count;
    if (nwarnings)
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Warnings:"), c->off);
    for (size_t i = 0; i < nwarnings; i++) {
        const sk_error *x = &res->warnings.items[i];
        fprintf(out, "  %s:%d:%d: %s%s%s: %s\n", x->file ? show(&sh, x->file) : "?", x->line, x->column,
                c->sev[SK_SEV_WARNING], sk_label(cat, "warning"), c->off, show(&sh, x->message));
        shown_free(&sh);
    }
    if (nwarnings)
        fputc('\n', out);
    if (res->stopped) {
        fprintf(out, "%s\n", sk_label(cat, "Nothing was judged: correct the errors listed and run again."));
        return;
    }
    size_t nfixed = w->opt && w->opt->quiet ? 0 : res->fixed.count;
    if (nfixed)
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Fixed since the baseline:"), c->off);
    for (size_t i = 0; i < nfixed; i++) {
        const sk_error *k = &res->fixed.items[i];
        fprintf(out, "  %s %s %s\n", show(&sh, k->unit), show(&sh, k->rule),
                k->message[0] ? show(&sh, k->message) : "(root)");
        shown_free(&sh);
    }
    if (nfixed)
        fputc('\n', out);
    const sk_summary *s = &res->summary;
    /* a batch also gets the most common gaps and the units most in need */
    if (s->units > 1 && s->ngaps) {
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Most common gaps:"), c->off);
        for (size_t i = 0; i < s->ngaps && i < SK_TOP; i++) {
            const sk_rule_meta *r = sk_report_rule(res, s->gaps[i].rule);
            char share[32];
            sk_format_percent(share, sizeof share, 100.0 * (double)s->gaps[i].units / (double)s->units,
                              sk_catalogue_lang(cat));
            fprintf(out, sk_plural(cat, "  %-7s %5zu unit  %7s  %s\n", "  %-7s %5zu units %7s  %s\n", s->gaps[i].units),
                    show(&sh, s->gaps[i].rule), s->gaps[i].units, share, r ? show(&sh, r->title) : "");
            shown_free(&sh);
        }
        fputc('\n', out);
    }
    if (s->units > 1 && s->nmost_errors) {
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Most errors:"), c->off);
        for (size_t i = 0; i < s->nmost_errors; i++) {
            fprintf(out, "  %-20s %zu\n", show(&sh, s->most_errors[i].hsa_id), s->most_errors[i].count);
            shown_free(&sh);
        }
        fputc('\n', out);
    }
    /* one piece per count, each in its plural form */
    fprintf(out, sk_plural(cat, "%zu unit: ", "%zu units: ", s->units), s->units);
    if (s->known_gaps)
        fprintf(out, sk_label(cat, "%zu ready, %zu ready with known gaps, %zu not ready, %zu could not be judged; findings: "),
                s->passed, s->known_gaps, s->failed, s->errored);
    else
        fprintf(out, sk_label(cat, "%zu ready, %zu not ready, %zu could not be judged; findings: "), s->passed, s->failed,
                s->errored);
    fprintf(out, sk_plural(cat, "%zu error", "%zu errors", s->findings[SK_SEV_ERROR]), s->findings[SK_SEV_ERROR]);
    fputs(", ", out);
    fprintf(out, sk_plural(cat, "%zu warning", "%zu warnings", s->findings[SK_SEV_WARNING]),
            s->findings[SK_SEV_WARNING]);
    fprintf(out, sk_label(cat, ", %zu info\n"), s->findings[SK_SEV_INFO]);
    fprintf(out, sk_label(cat, "rollout: %zu ready, %zu at risk, %zu not ready, %zu launched not ready\n"),
            s->rollout[SK_ROLLOUT_READY], s->rollout[SK_ROLLOUT_AT_RISK], s->rollout[SK_ROLLOUT_NOT_READY],
            s->rollout[SK_ROLLOUT_LAUNCHED_NOT_READY]);
    skipped_text(w);
}

/* ---- what the writers in report_*.c share with this file ------------------------------- */

void sk_report_json_str(FILE *out, const char *s)
{
    json_str(out, s);
}

const char *sk_report_status_name(sk_unit_status s)
{
    return (unsigned)s < SK_UNIT_STATUSES ? STATUS_NAMES[s] : "error";
}

const char *sk_report_status_label(sk_unit_status s)
{
    return (unsigned)s < SK_UNIT_STATUSES ? STATUS_LABELS[s] : "ERROR";
}

const char *sk_report_baseline_name(sk_baseline_state b)
{
    return (unsigned)b < sizeof BASELINE_NAMES / sizeof *BASELINE_NAMES ? BASELINE_NAMES[b] : NULL;
}

const char *sk_report_error_label(sk_error_kind k)
{
    return (unsigned)k < sizeof ERROR_LABELS / sizeof *ERROR_LABELS ? ERROR_LABELS[k] : "input error";
}

const char *sk_report_error_kind(sk_error_kind k)
{
    return (unsigned)k < sizeof ERROR_KINDS / sizeof *ERROR_KINDS ? ERROR_KINDS[k] : "input";
}

/* ---- the table of writers ------------------------------------------------------------------ */

static const writer WRITERS[] = {
    {"text", text_begin, text_unit, text_end},
    {"json", json_begin, json_unit, json_end},
    {"jsonl", jsonl_begin, jsonl_unit, jsonl_end},
    {"sarif", sk_sarif_begin, sk_sarif_unit, sk_sarif_end},
    {"junit", sk_junit_begin, sk_junit_unit, sk_junit_end},
    {"csv", sk_csv_begin, sk_csv_unit, sk_csv_end},
    {"markdown", sk_markdown_begin, sk_markdown_unit, sk_markdown_end},
    {"html", sk_html_begin, sk_html_unit, sk_html_end},
    {"github", sk_github_begin, sk_github_unit, sk_github_end},
    {"gitlab", sk_gitlab_begin, sk_gitlab_unit, sk_gitlab_end},
    {"statement", sk_statement_begin, sk_statement_unit, sk_statement_end},
    {NULL, NULL, NULL, NULL},
};

const char *sk_report_format_name(size_t i)
{
    return i < sizeof WRITERS / sizeof *WRITERS ? WRITERS[i].name : NULL;
}

static const writer *find_writer(const char *format)
{
    const writer *w = WRITERS;
    while (w->name && strcmp(w->name, format) != 0)
        w++;
    return w->name ? w : NULL;
}

struct sk_report {
    const writer *writer;
    sk_writing w;
};

sk_report *sk_report_begin(const char *format, const sk_result *res, const sk_report_options *opt, FILE *out)
{
    static const sk_report_options PLAIN_OPTIONS = {0};
    const writer *wr = find_writer(format);
    sk_report *r = wr ? calloc(1, sizeof *r) : NULL;
    if (!r)
        return NULL;
    r->writer = wr;
    r->w.res = res;
    r->w.opt = opt ? opt : &PLAIN_OPTIONS;
    r->w.out = out;
    wr->begin(&r->w);
    return r;
}

int sk_report_unit(sk_report *r, const sk_unit_result *u)
{
    r->writer->unit(&r->w, u);
    r->w.units++;
    r->w.findings += u->nfindings;
    return ferror(r->w.out) ? -2 : 0;
}

int sk_report_end(sk_report *r)
{
    if (!r)
        return 0;
    r->writer->end(&r->w);
    int rc = ferror(r->w.out) || r->w.failed ? -2 : 0;
    free(r);
    return rc;
}

int sk_report_write(const char *format, const sk_result *res, const sk_report_options *opt, FILE *out)
{
    if (!find_writer(format))
        return -1;
    sk_report *r = sk_report_begin(format, res, opt, out);
    if (!r)
        return -2;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < res->nunits; i++)
        rc = sk_report_unit(r, &res->units[i]);
    int end = sk_report_end(r);
    return rc ? rc : end;
}
