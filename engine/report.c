/* report.c: one writer per format behind one interface. A writer is told
 * when the report begins, once per unit in order, and when it ends (with the
 * errors and the summary), so a batch can stream units as they finish. */
#include "internal.h"

#include <string.h>

typedef struct writer {
    const char *name;
    void (*begin)(const sk_result *res, const sk_report_options *opt, FILE *out);
    void (*unit)(const sk_result *res, const sk_unit_result *u, size_t index,
                 const sk_report_options *opt, FILE *out);
    void (*end)(const sk_result *res, const sk_report_options *opt, FILE *out);
} writer;

static const char *const STATUS_NAMES[] = {"pass", "fail", "error"};
static const char *const ERROR_KINDS[] = {"input", "plugin", "rule", "usage"};

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
    fprintf(out, ", \"waived\": %s}", f->waived ? "true" : "false");
}

static void json_begin(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)opt;
    fputs("{\n  \"tool\": \"startklar\", \"version\": ", out);
    json_str(out, res->tool_version);
    fputs(", \"as_of\": ", out);
    json_str(out, res->as_of);
    fputs(", \"profile\": ", out);
    json_str(out, res->profile);
    fputs(",\n  \"units\": [", out);
}

static void json_unit(const sk_result *res, const sk_unit_result *u, size_t index,
                      const sk_report_options *opt, FILE *out)
{
    (void)res, (void)opt;
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

static void json_end(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)opt;
    fputs(res->nunits ? "\n  ],\n  \"errors\": [" : "],\n  \"errors\": [", out);
    for (size_t i = 0; i < res->errors.count; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_error(&res->errors.items[i], "\n     ", out);
    }
    const sk_summary *s = &res->summary;
    fprintf(out,
            "%s],\n  \"summary\": {\"units\": %zu, \"passed\": %zu, \"failed\": %zu, \"errored\": %zu, "
            "\"errors\": %zu,\n              \"findings\": {\"error\": %zu, \"warning\": %zu, "
            "\"info\": %zu}}\n}\n",
            res->errors.count ? "\n  " : "", s->units, s->passed, s->failed, s->errored, s->errors,
            s->findings[SK_SEV_ERROR], s->findings[SK_SEV_WARNING], s->findings[SK_SEV_INFO]);
}

/* ---- JSON lines: one finding or error per line, streamed --------------------------- */

static void jsonl_begin(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)res, (void)opt, (void)out;
}

static void jsonl_unit(const sk_result *res, const sk_unit_result *u, size_t index,
                       const sk_report_options *opt, FILE *out)
{
    (void)res, (void)index, (void)opt;
    for (size_t i = 0; i < u->nfindings; i++) {
        json_finding(&u->findings[i], u->hsa_id, " ", out);
        fputc('\n', out);
    }
}

static void jsonl_end(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)opt;
    for (size_t i = 0; i < res->errors.count; i++) {
        json_error(&res->errors.items[i], " ", out);
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

static void text_begin(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)res, (void)opt, (void)out;
}

static void text_unit(const sk_result *res, const sk_unit_result *u, size_t index,
                      const sk_report_options *opt, FILE *out)
{
    (void)res, (void)index;
    const palette *c = colors(opt);
    static const char *const LABEL[] = {"ready", "NOT READY", "ERROR"};
    /* a strategy without unit is keyed by its organisation: name it once */
    int named = u->name && strcmp(u->name, u->hsa_id) != 0;
    fprintf(out, "%s%s%s%s%s  %s%s%s\n", c->bold, u->hsa_id, named ? "  " : "", named ? u->name : "",
            c->off, c->status[u->status], LABEL[u->status], c->off);
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        fprintf(out, "  %s:%d:%d %s%s%s %s %s%s\n", f->file, f->line, f->column, c->sev[f->severity],
                sk_severity_name(f->severity), c->off, f->rule, f->message, f->waived ? " (waived)" : "");
    }
    if (u->load_errors)
        fprintf(out, "  %d input error%s in this unit's documents: not judged in full (see below)\n",
                u->load_errors, u->load_errors == 1 ? "" : "s");
    if (u->rule_errors)
        fprintf(out, "  %d rule%s failed on this unit (see below)\n", u->rule_errors,
                u->rule_errors == 1 ? "" : "s");
    fputc('\n', out);
}

static void text_end(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    const palette *c = colors(opt);
    if (res->errors.count)
        fprintf(out, "%sCould not be judged:%s\n", c->bold, c->off);
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        fputs("  ", out);
        if (e->file && e->line && e->column)
            fprintf(out, "%s:%d:%d: ", e->file, e->line, e->column);
        else if (e->file && e->line)
            fprintf(out, "%s:%d: ", e->file, e->line);
        else if (e->file)
            fprintf(out, "%s: ", e->file);
        fprintf(out, "%s%s error%s: %s\n", c->sev[SK_SEV_ERROR], ERROR_KINDS[e->kind], c->off, e->message);
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
    const sk_summary *s = &res->summary;
    fprintf(out, "%zu unit%s: %zu ready, %zu not ready, %zu with errors; findings: %zu error%s, %zu warning%s, %zu info\n",
            s->units, s->units == 1 ? "" : "s", s->passed, s->failed, s->errored,
            s->findings[SK_SEV_ERROR], s->findings[SK_SEV_ERROR] == 1 ? "" : "s",
            s->findings[SK_SEV_WARNING], s->findings[SK_SEV_WARNING] == 1 ? "" : "s",
            s->findings[SK_SEV_INFO]);
}

/* ---- the table of writers ------------------------------------------------------------------ */

static const writer WRITERS[] = {
    {"text", text_begin, text_unit, text_end},
    {"json", json_begin, json_unit, json_end},
    {"jsonl", jsonl_begin, jsonl_unit, jsonl_end},
    {NULL, NULL, NULL, NULL},
};

const char *sk_report_format_name(size_t i)
{
    return i < sizeof WRITERS / sizeof *WRITERS ? WRITERS[i].name : NULL;
}

int sk_report_write(const char *format, const sk_result *res, const sk_report_options *opt, FILE *out)
{
    const writer *w = WRITERS;
    while (w->name && strcmp(w->name, format) != 0)
        w++;
    if (!w->name)
        return -1;
    w->begin(res, opt, out);
    for (size_t i = 0; i < res->nunits; i++)
        w->unit(res, &res->units[i], i, opt, out);
    w->end(res, opt, out);
    return ferror(out) ? -2 : 0;
}
