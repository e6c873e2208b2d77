/* report_sarif.c: the SARIF 2.1.0 writer, for code-scanning tools (GitHub,
 * GitLab, IDEs). One run: the driver lists every rule that ran, each with a
 * help object (its explanation as text and markdown), each finding is a
 * result at its file:line:column, a waived finding carries an external
 * suppression (with who accepted it and until when), a run against a
 * baseline gives each result its baselineState (new, unchanged, updated; a
 * baseline entry fixed since is a result "absent"), and what could not be
 * judged, and the warnings (expired, stale, expiring waivers), become tool
 * execution notifications of the run's invocation. File URIs are relative
 * to %SRCROOT%, the directory startklar ran in. The output passes
 * `sarif-multitool validate --rule-kind "Gh;Sarif"` (tests/cli/sarif.sh). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#ifndef SK_HOMEPAGE_URL
#error "SK_HOMEPAGE_URL, the page that describes startklar, is set in cmake/library.cmake"
#endif
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* The base every relative artifact URI is resolved against (SARIF 3.14.14). */
#define SARIF_ROOT "%SRCROOT%"

static const char *const LEVELS[] = {"none", "note", "warning", "error"};

static const char *level(sk_severity s)
{
    return (unsigned)s < 4 ? LEVELS[s] : "error";
}

/* Appends path %-encoded: bytes outside RFC 3986's unreserved set (and '/') become %XX. */
static void encode(sk_buf *b, const char *path)
{
    static const char SAFE[] = "-._~/";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr(SAFE, *p))
            sk_buf_add(b, (const char *)p, 1);
        else
            sk_buf_printf(b, "%%%02X", *p);
    }
}

/* An artifactLocation: a path inside the working directory as a relative URI
 * with uriBaseId %SRCROOT%, any other absolute path as a file:// URI. */
static void artifact(FILE *out, const sk_report_dir *st, const char *path)
{
    const char *rel = sk_report_relative(st, path);
    sk_buf b = {0};
    if (!rel)
        sk_buf_puts(&b, "file://");
    encode(&b, rel ? rel : path);
    fputs("{\"uri\": ", out);
    sk_report_json_str(out, b.failed || !b.data ? "" : b.data);
    if (rel)
        fputs(", \"uriBaseId\": \"" SARIF_ROOT "\"", out);
    fputc('}', out);
    sk_buf_free(&b);
}

/* The text of a rule's explanation without the blank lines around it. */
static void explanation(sk_buf *b, const sk_rule_meta *ri)
{
    const char *text = ri->explain ? ri->explain : ri->title ? ri->title : "";
    while (*text == '\n')
        text++;
    size_t len = strlen(text);
    while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    sk_buf_add(b, text, len);
}

/* A rule's help, as `rules explain` gives it: the explanation, then the
 * parameters and their defaults; in markdown with the title first. */
static void help(FILE *out, const sk_catalogue *cat, const sk_rule_meta *ri)
{
    sk_buf text = {0}, md = {0};
    explanation(&text, ri);
    sk_buf_puts(&md, "**");
    sk_buf_puts(&md, ri->title ? ri->title : "");
    sk_buf_puts(&md, "**\n\n");
    explanation(&md, ri);
    if (ri->nparams) {
        const char *head = sk_label(cat, "Parameters (the defaults; a profile may override them):");
        sk_buf_printf(&text, "\n\n%s", head);
        sk_buf_printf(&md, "\n\n%s\n", head);
        for (size_t p = 0; p < ri->nparams; p++) {
            sk_buf_printf(&text, "\n  %s = %s", ri->params[p].name, ri->params[p].default_json);
            sk_buf_printf(&md, "\n- `%s` = `%s`", ri->params[p].name, ri->params[p].default_json);
        }
    }
    fputs("{\"text\": ", out);
    sk_report_json_str(out, text.failed || !text.data ? "" : text.data);
    fputs(", \"markdown\": ", out);
    sk_report_json_str(out, md.failed || !md.data ? "" : md.data);
    fputc('}', out);
    sk_buf_free(&text);
    sk_buf_free(&md);
}

/* A location: artifact and, when the line is known, the region. */
static void location(FILE *out, const sk_report_dir *st, const char *file, int line, int column,
                     const char *indent)
{
    fputs("{\"physicalLocation\": {\"artifactLocation\": ", out);
    artifact(out, st, file);
    if (line > 0) {
        fprintf(out, ",\n%s\"region\": {\"startLine\": %d", indent, line);
        if (column > 0)
            fprintf(out, ", \"startColumn\": %d", column);
        fputc('}', out);
    }
    fputs("}}", out);
}

void sk_sarif_begin(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    sk_report_dir *st = calloc(1, sizeof *st); /* NULL: absolute paths stay file:// URIs */
    if (st)
        sk_report_cwd(st);
    w->state = st;
    fputs("{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
          "      \"tool\": {\n        \"driver\": {\n          \"name\": \"startklar\", \"version\": ",
          out);
    sk_report_json_str(out, res->tool_version ? res->tool_version : SK_VERSION);
    /* no helpUri: a rule has no page of its own; the tool's page is set at build time */
    fputs(", \"informationUri\": ", out);
    sk_report_json_str(out, SK_HOMEPAGE_URL);
    fputs(",\n          \"rules\": [", out);
    int first = 1;
    for (size_t i = 0; i < res->nrule_meta; i++) {
        const sk_rule_meta *ri = &res->rule_meta[i];
        if (!ri->enabled)
            continue;
        fputs(first ? "\n            {" : ",\n            {", out);
        first = 0;
        /* no name: SARIF wants it to differ from the id, and a rule has only its id */
        fputs("\"id\": ", out);
        sk_report_json_str(out, ri->id ? ri->id : "");
        fputs(",\n             \"shortDescription\": {\"text\": ", out);
        sk_report_json_str(out, ri->title ? ri->title : "");
        fputs("},\n             \"fullDescription\": {\"text\": ", out);
        sk_report_json_str(out, ri->explain ? ri->explain : (ri->title ? ri->title : ""));
        fputs("},\n             \"help\": ", out);
        help(out, res->catalogue, ri);
        fprintf(out, ",\n             \"defaultConfiguration\": {\"level\": \"%s\"},", level(ri->severity));
        fputs("\n             \"properties\": {\"appliesTo\": ", out);
        sk_report_json_str(out, ri->applies_to ? ri->applies_to : "unit");
        fputs("}}", out);
    }
    fputs(first ? "]\n        }\n      },\n" : "\n          ]\n        }\n      },\n", out);
    fputs("      \"originalUriBaseIds\": {\"" SARIF_ROOT "\": {\"description\": {\"text\": ", out);
    sk_report_json_str(out, sk_label(res->catalogue, "the directory startklar ran in"));
    fputs("}}},\n", out);
    fputs("      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": {\"asOf\": ", out);
    sk_report_json_str(out, res->as_of);
    fputs(", \"profile\": ", out);
    sk_report_json_str(out, res->profile);
    fputs("},\n      \"results\": [", out);
}

void sk_sarif_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    int comma = w->findings > 0; /* a result before this unit's: a comma first */
    for (size_t i = 0; i < u->nfindings; i++, comma = 1) {
        const sk_finding *f = &u->findings[i];
        fputs(comma ? ",\n        {" : "\n        {", out);
        fputs("\"ruleId\": ", out);
        sk_report_json_str(out, f->rule ? f->rule : "");
        long ri = sk_report_rule_index(res, f->rule);
        if (ri >= 0)
            fprintf(out, ", \"ruleIndex\": %ld", ri);
        fprintf(out, ", \"level\": \"%s\",\n         \"message\": {\"text\": ", level(f->severity));
        sk_report_json_str(out, f->message ? f->message : "");
        fputs("},\n         \"locations\": [", out);
        location(out, w->state, f->file, f->line, f->column, "                        ");
        fputs("],\n         \"properties\": {\"unit\": ", out);
        sk_report_json_str(out, u->hsa_id ? u->hsa_id : "");
        fputs(", \"unitName\": ", out);
        sk_report_json_str(out, u->name);
        fputs(", \"path\": ", out);
        sk_report_json_str(out, f->path);
        fputs(", \"stablePath\": ", out);
        sk_report_json_str(out, f->stable_path ? f->stable_path : f->path);
        fprintf(out, ", \"known\": %s}", f->known ? "true" : "false");
        if (sk_report_baseline_name(f->baseline))
            fprintf(out, ",\n         \"baselineState\": \"%s\"", sk_report_baseline_name(f->baseline));
        if (f->waived) {
            fputs(",\n         \"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", "
                  "\"justification\": ",
                  out);
            sk_report_json_str(out, f->waiver && f->waiver->reason ? f->waiver->reason : "");
            if (f->waiver) {
                fputs(",\n           \"properties\": {\"approvedBy\": ", out);
                sk_report_json_str(out, f->waiver->approved_by);
                fputs(", \"expires\": ", out);
                sk_report_json_str(out, f->waiver->expires);
                fprintf(out, ", \"expiring\": %s}", f->waiver->expiring ? "true" : "false");
            }
            fputs("}]", out);
        }
        fputc('}', out);
    }
}

void sk_sarif_end(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    int any = w->findings > 0;
    for (size_t i = 0; i < res->fixed.count; i++, any = 1) {
        /* a baseline entry no finding matched: fixed since */
        const sk_error *k = &res->fixed.items[i];
        fputs(any ? ",\n        {" : "\n        {", out);
        fputs("\"ruleId\": ", out);
        sk_report_json_str(out, k->rule);
        long ri = sk_report_rule_index(res, k->rule);
        if (ri >= 0)
            fprintf(out, ", \"ruleIndex\": %ld", ri);
        /* located where the baseline records it: GitHub wants a location on every result */
        fputs(", \"level\": \"none\", \"baselineState\": \"absent\",\n         \"message\": {\"text\": \"fixed since "
              "the baseline\"},\n         \"locations\": [",
              out);
        location(out, w->state, k->file, k->line, k->column, "                        ");
        fputs("],\n         \"properties\": {\"unit\": ", out);
        sk_report_json_str(out, k->unit);
        fputs(", \"stablePath\": ", out);
        sk_report_json_str(out, k->message);
        fputs("}}", out);
    }
    fputs(any ? "\n      ],\n" : "],\n", out);
    fprintf(out, "      \"invocations\": [\n        {\"executionSuccessful\": %s,\n"
                 "         \"toolExecutionNotifications\": [",
            res->errors.count ? "false" : "true");
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        fputs(i ? ",\n           {" : "\n           {", out);
        fputs("\"level\": \"error\", \"message\": {\"text\": ", out);
        sk_report_json_str(out, e->message ? e->message : "");
        fputc('}', out);
        if (e->file) {
            fputs(",\n            \"locations\": [", out);
            location(out, w->state, e->file, e->line, e->column, "                             ");
            fputc(']', out);
        }
        if (e->rule) {
            fputs(",\n            \"associatedRule\": {\"id\": ", out);
            sk_report_json_str(out, e->rule);
            long ri = sk_report_rule_index(res, e->rule);
            if (ri >= 0)
                fprintf(out, ", \"index\": %ld", ri);
            fputc('}', out);
        }
        fprintf(out, ",\n            \"properties\": {\"kind\": \"%s\"", sk_report_error_kind(e->kind));
        if (e->unit)
            fputs(", \"unit\": ", out), sk_report_json_str(out, e->unit);
        if (e->traceback)
            fputs(", \"traceback\": ", out), sk_report_json_str(out, e->traceback);
        fputs("}}", out);
    }
    for (size_t i = 0; i < res->warnings.count; i++) {
        const sk_error *e = &res->warnings.items[i];
        fputs(i || res->errors.count ? ",\n           {" : "\n           {", out);
        fputs("\"level\": \"warning\", \"message\": {\"text\": ", out);
        sk_report_json_str(out, e->message ? e->message : "");
        fputc('}', out);
        if (e->file) {
            fputs(",\n            \"locations\": [", out);
            location(out, w->state, e->file, e->line, e->column, "                             ");
            fputc(']', out);
        }
        fputs(",\n            \"properties\": {\"kind\": \"warning\"}}", out);
    }
    fputs(res->errors.count || res->warnings.count ? "\n         ]}\n      ]\n    }\n  ]\n}\n"
                                                   : "]}\n      ]\n    }\n  ]\n}\n",
          out);
    free(w->state);
    w->state = NULL;
}
