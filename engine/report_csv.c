/* report_csv.c: the CSV writer, for spreadsheets and scripts. RFC 4180: CRLF
 * line ends, a field is quoted when it holds a comma, a quote, CR or LF, and
 * quotes are doubled. The file starts with a UTF-8 byte order mark so that
 * spreadsheets read å, ä and ö as UTF-8. One header row, one row per
 * finding; what could not be judged closes the file as rows with status
 * "error", severity "error", the rule only for a rule that failed, and the
 * message prefixed by the kind of error ("input error: ..."). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const HEADER[] = {"unit", "unit_name", "status",  "rule",    "severity", "file",
                                     "line", "column",    "path",    "message", "waived"};
#define NCOLUMNS (sizeof HEADER / sizeof *HEADER)

/* One field, quoted when it must be; text that is not UTF-8 becomes U+FFFD. */
static void field(FILE *out, const char *s)
{
    sk_buf b = {0};
    sk_buf_utf8(&b, s);
    const char *text = b.failed || !b.data ? "" : b.data;
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, out);
    } else {
        fputc('"', out);
        for (const char *p = text; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    }
    sk_buf_free(&b);
}

/* One row of NCOLUMNS fields. */
static void row(FILE *out, const char *const fields[NCOLUMNS])
{
    for (size_t i = 0; i < NCOLUMNS; i++) {
        if (i)
            fputc(',', out);
        field(out, fields[i]);
    }
    fputs("\r\n", out);
}

/* A positive number as text, or "" when unknown (0). */
static const char *number(char buf[24], int n)
{
    if (n <= 0)
        return "";
    snprintf(buf, 24, "%d", n);
    return buf;
}

void sk_csv_begin(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)res, (void)opt;
    fputs("\xEF\xBB\xBF", out);
    row(out, HEADER);
}

void sk_csv_unit(const sk_result *res, const sk_unit_result *u, size_t index,
                 const sk_report_options *opt, FILE *out)
{
    (void)res, (void)index, (void)opt;
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        char line[24], column[24];
        const char *fields[NCOLUMNS] = {
            u->hsa_id,       u->name,          sk_report_status_name(u->status),
            f->rule,         sk_severity_name(f->severity),
            f->file,         number(line, f->line), number(column, f->column),
            f->path,         f->message,       f->waived ? "true" : "false",
        };
        row(out, fields);
    }
}

/* The name of a unit when the result still holds it, else NULL. */
static const char *unit_name(const sk_result *res, const char *hsa_id)
{
    for (size_t i = 0; hsa_id && res->units && i < res->nunits; i++)
        if (res->units[i].hsa_id && strcmp(res->units[i].hsa_id, hsa_id) == 0)
            return res->units[i].name;
    return NULL;
}

void sk_csv_end(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    (void)opt;
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        char line[24], column[24];
        char *message = sk_printf("%s error: %s", sk_report_error_kind(e->kind), e->message ? e->message : "");
        const char *fields[NCOLUMNS] = {
            e->unit, unit_name(res, e->unit), "error", e->kind == SK_ERR_RULE ? e->rule : NULL,
            "error", e->file, number(line, e->line), number(column, e->column),
            NULL, message ? message : e->message, NULL,
        };
        row(out, fields);
        free(message);
    }
}
