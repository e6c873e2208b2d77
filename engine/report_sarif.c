/* report_sarif.c: the SARIF 2.1.0 writer, for code-scanning tools (GitHub,
 * GitLab, IDEs). One run: the driver lists every rule that ran, each finding
 * is a result at its file:line:column, a waived finding carries an external
 * suppression (with who accepted it and until when), a run against a
 * baseline gives each result its baselineState (new, unchanged, updated; a
 * baseline entry fixed since is a result "absent"), and what could not be
 * judged, and the warnings, become tool execution notifications of the
 * run's invocation. */
#include "internal.h"

#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* Where the project is described; relative until the project has a home page. */
#define SARIF_INFORMATION_URI "README.md"
#define SARIF_HELP_DOC "docs/rules.md#"

static const char *const LEVELS[] = {"none", "note", "warning", "error"};

static const char *level(sk_severity s)
{
    return (unsigned)s < 4 ? LEVELS[s] : "error";
}

/* A file as a URI reference: relative paths stay relative, absolute ones get
 * file://; bytes outside RFC 3986's unreserved set (and '/') are %-encoded. */
static void uri(FILE *out, const char *path)
{
    static const char SAFE[] = "-._~/";
    sk_buf b = {0};
    if (path && path[0] == '/')
        sk_buf_puts(&b, "file://");
    for (const unsigned char *p = (const unsigned char *)(path ? path : ""); *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr(SAFE, *p))
            sk_buf_add(&b, (const char *)p, 1);
        else
            sk_buf_printf(&b, "%%%02X", *p);
    }
    sk_report_json_str(out, b.failed || !b.data ? "" : b.data);
    sk_buf_free(&b);
}

/* The fragment of a rule's entry in docs/rules.md: the id in lower case. */
static void help_uri(FILE *out, const char *id)
{
    char anchor[128];
    size_t n = 0;
    for (const char *p = id ? id : ""; *p && n < sizeof anchor - 1; p++)
        anchor[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    anchor[n] = '\0';
    fputs("\"" SARIF_HELP_DOC, out);
    sk_buf b = {0};
    sk_buf_json(&b, anchor);
    if (!b.failed && b.len >= 2)
        fwrite(b.data + 1, 1, b.len - 1, out); /* without the opening quote */
    else
        fputc('"', out);
    sk_buf_free(&b);
}

/* A location: artifact and, when the line is known, the region. */
static void location(FILE *out, const char *file, int line, int column, const char *indent)
{
    fprintf(out, "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
    uri(out, file);
    fputs("}", out);
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
    fputs("{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
          "      \"tool\": {\n        \"driver\": {\n          \"name\": \"startklar\", \"version\": ",
          out);
    sk_report_json_str(out, res->tool_version ? res->tool_version : SK_VERSION);
    fputs(", \"informationUri\": \"" SARIF_INFORMATION_URI "\",\n          \"rules\": [", out);
    int first = 1;
    for (size_t i = 0; i < res->nrule_meta; i++) {
        const sk_rule_meta *ri = &res->rule_meta[i];
        if (!ri->enabled)
            continue;
        fputs(first ? "\n            {" : ",\n            {", out);
        first = 0;
        fputs("\"id\": ", out);
        sk_report_json_str(out, ri->id ? ri->id : "");
        fputs(", \"name\": ", out);
        sk_report_json_str(out, ri->id ? ri->id : "");
        fputs(",\n             \"shortDescription\": {\"text\": ", out);
        sk_report_json_str(out, ri->title ? ri->title : "");
        fputs("},\n             \"fullDescription\": {\"text\": ", out);
        sk_report_json_str(out, ri->explain ? ri->explain : (ri->title ? ri->title : ""));
        fputs("},\n             \"helpUri\": ", out);
        help_uri(out, ri->id);
        fprintf(out, ",\n             \"defaultConfiguration\": {\"level\": \"%s\"},", level(ri->severity));
        fputs("\n             \"properties\": {\"appliesTo\": ", out);
        sk_report_json_str(out, ri->applies_to ? ri->applies_to : "unit");
        fputs("}}", out);
    }
    fputs(first ? "]\n        }\n      },\n" : "\n          ]\n        }\n      },\n", out);
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
        location(out, f->file, f->line, f->column, "                        ");
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
        fputs(", \"level\": \"none\", \"baselineState\": \"absent\",\n         \"message\": {\"text\": \"fixed since "
              "the baseline\"},\n         \"properties\": {\"unit\": ",
              out);
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
            location(out, e->file, e->line, e->column, "                             ");
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
            location(out, e->file, e->line, e->column, "                             ");
            fputc(']', out);
        }
        fputs(",\n            \"properties\": {\"kind\": \"warning\"}}", out);
    }
    fputs(res->errors.count || res->warnings.count ? "\n         ]}\n      ]\n    }\n  ]\n}\n"
                                                   : "]}\n      ]\n    }\n  ]\n}\n",
          out);
}
