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

static const char *const STATUS_NAMES[] = {"pass", "fail", "error"};
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

/* One finding object; unit is added for jsonl, where lines stand alone. */
static void json_finding(const sk_finding *f, const char *unit, const char *wrap, FILE *out)
{
    fputc('{', out);
    if (unit) {
        fputs("\"unit\": ", out);
        json_str(out, unit);
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
        fputc('}', out);
    }
    if (f->known)
        fputs(", \"known\": true", out);
    fputc('}', out);
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
    fprintf(out, "],\n      \"status\": \"%s\",\n      \"findings\": [", STATUS_NAMES[u->status]);
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
            "%s],\n  \"summary\": {\"units\": %zu, \"passed\": %zu, \"failed\": %zu, \"errored\": %zu, "
            "\"errors\": %zu, \"files\": %zu,\n              \"findings\": {\"error\": %zu, \"warning\": %zu, "
            "\"info\": %zu},\n              \"top_gaps\": [",
            "", s->units, s->passed, s->failed, s->errored, s->errors,
            s->files, s->findings[SK_SEV_ERROR], s->findings[SK_SEV_WARNING], s->findings[SK_SEV_INFO]);
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
    fputs("]}\n}\n", out);
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
        json_finding(&u->findings[i], u->hsa_id, " ", out);
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
}

/* ---- text ------------------------------------------------------------------------------- */

typedef struct palette {
    const char *bold, *off, *sev[4], *status[3];
} palette;

static const palette COLOR = {
    "\033[1m", "\033[0m", {"", "\033[34m", "\033[33m", "\033[31m"}, {"\033[32m", "\033[31m", "\033[35m"}};
static const palette PLAIN = {"", "", {"", "", "", ""}, {"", "", ""}};

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

/* The text report's words, in the catalogue's language (sk_label). */
static const char *const STATUS_LABELS[] = {"ready", "NOT READY", "ERROR"};
static const char *const ERROR_LABELS[] = {"input error",  "plugin error", "rule error",
                                           "usage error",  "policy error", "warning"};

static void text_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_catalogue *cat = w->res->catalogue;
    FILE *out = w->out;
    const palette *c = colors(w->opt);
    /* a strategy without unit is keyed by its organisation: name it once */
    int named = u->name && strcmp(u->name, u->hsa_id) != 0;
    fprintf(out, "%s%s%s%s%s  %s%s%s\n", c->bold, u->hsa_id, named ? "  " : "", named ? u->name : "",
            c->off, c->status[u->status], sk_label(cat, STATUS_LABELS[u->status]), c->off);
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        fprintf(out, "  %s:%d:%d %s%s%s %s %s", f->file, f->line, f->column, c->sev[f->severity],
                sk_label(cat, sk_severity_name(f->severity)), c->off, f->rule, f->message);
        if (f->waiver)
            fprintf(out, sk_label(cat, " [waived until %s by %s: %s]"), f->waiver->expires,
                    f->waiver->approved_by, f->waiver->reason);
        if (f->known)
            fputs(sk_label(cat, " [known: in the baseline]"), out);
        fputc('\n', out);
    }
    if (u->load_errors)
        fprintf(out, sk_label(cat, "  %d input error(s) in this unit's documents: not judged in full (see below)\n"),
                u->load_errors);
    if (u->rule_errors)
        fprintf(out, sk_label(cat, "  %d rule(s) failed on this unit (see below)\n"), u->rule_errors);
    fputc('\n', out);
}

static void text_end(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    const palette *c = colors(w->opt);
    if (res->errors.count)
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Could not be judged:"), c->off);
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        fputs("  ", out);
        if (e->file && e->line && e->column)
            fprintf(out, "%s:%d:%d: ", e->file, e->line, e->column);
        else if (e->file && e->line)
            fprintf(out, "%s:%d: ", e->file, e->line);
        else if (e->file)
            fprintf(out, "%s: ", e->file);
        fprintf(out, "%s%s%s: %s\n", c->sev[SK_SEV_ERROR], sk_label(cat, ERROR_LABELS[e->kind]), c->off,
                e->message);
        if (e->traceback) {
            for (const char *line = e->traceback; *line;) {
                const char *nl = strchr(line, '\n');
                int len = nl ? (int)(nl - line) : (int)strlen(line);
                fprintf(out, "      %.*s\n", len, line);
                line = nl ? nl + 1 : line + len;
            }
        }
    }
    if (res->errors.count)
        fputc('\n', out);
    if (res->warnings.count)
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Warnings:"), c->off);
    for (size_t i = 0; i < res->warnings.count; i++) {
        const sk_error *x = &res->warnings.items[i];
        fprintf(out, "  %s:%d:%d: %s%s%s: %s\n", x->file ? x->file : "?", x->line, x->column,
                c->sev[SK_SEV_WARNING], sk_label(cat, "warning"), c->off, x->message);
    }
    if (res->warnings.count)
        fputc('\n', out);
    if (res->fixed.count)
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Fixed since the baseline:"), c->off);
    for (size_t i = 0; i < res->fixed.count; i++)
        fprintf(out, "  %s %s %s\n", res->fixed.items[i].unit, res->fixed.items[i].rule,
                res->fixed.items[i].message[0] ? res->fixed.items[i].message : "(root)");
    if (res->fixed.count)
        fputc('\n', out);
    const sk_summary *s = &res->summary;
    /* a batch also gets the most common gaps and the units most in need */
    if (s->units > 1 && s->ngaps) {
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Most common gaps:"), c->off);
        for (size_t i = 0; i < s->ngaps && i < SK_TOP; i++) {
            const sk_rule_info *r = sk_rules_find(res->rules, s->gaps[i].rule);
            fprintf(out, sk_label(cat, "  %-7s %5zu unit(s) %5.1f %%  %s\n"), s->gaps[i].rule, s->gaps[i].units,
                    100.0 * (double)s->gaps[i].units / (double)s->units, r ? r->title : "");
        }
        fputc('\n', out);
    }
    if (s->units > 1 && s->nmost_errors) {
        fprintf(out, "%s%s%s\n", c->bold, sk_label(cat, "Most errors:"), c->off);
        for (size_t i = 0; i < s->nmost_errors; i++)
            fprintf(out, "  %-20s %zu\n", s->most_errors[i].hsa_id, s->most_errors[i].count);
        fputc('\n', out);
    }
    fprintf(out, sk_label(cat, "%zu unit(s): %zu ready, %zu not ready, %zu with errors; findings: %zu error(s), %zu warning(s), %zu info\n"),
            s->units, s->passed, s->failed, s->errored, s->findings[SK_SEV_ERROR],
            s->findings[SK_SEV_WARNING], s->findings[SK_SEV_INFO]);
}

/* ---- what the writers in report_*.c share with this file ------------------------------- */

void sk_report_json_str(FILE *out, const char *s)
{
    json_str(out, s);
}

const char *sk_report_status_name(sk_unit_status s)
{
    return (unsigned)s < 3 ? STATUS_NAMES[s] : "error";
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
    int rc = ferror(r->w.out) ? -2 : 0;
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
