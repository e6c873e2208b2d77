/* report_csv.c: the CSV writer, for spreadsheets and scripts. RFC 4180: CRLF
 * line ends, a field is quoted when it holds the separator, a quote, CR or
 * LF, and quotes are doubled. The separator is ',' or, in Swedish, ';' (the
 * list separator of Swedish Excel), or as --csv-separator says (',', ';',
 * tab). A field that a spreadsheet would read as a formula (it starts with
 * =, +, -, @, tab or CR) gets a ' in front (OWASP's rule against CSV
 * injection), except a plain integer such as a negative day count: a unit's
 * YAML cannot plant a formula in a manager's sheet. The file starts with a
 * UTF-8 byte order mark so that spreadsheets read å, ä and ö as UTF-8. One header row, one row per
 * finding (with its waiver, and whether the baseline knows it); what could
 * not be judged closes the file as rows with status "error", severity
 * "error", the rule only for a rule that failed, and the message prefixed by
 * the kind of error ("input error: ..."); then warnings (status "warning")
 * and baseline entries fixed since (status "fixed"). The last columns are
 * the unit's countdown (launch_date, days_to_launch, rollout), then the
 * finding's owner (who is to act, as in the HTML to-do view). Control
 * characters are shown as escapes (sk_report_visible), line breaks kept
 * inside quotes. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const HEADER[] = {"unit",        "unit_name",      "status",         "rule",          "severity",
                                     "file",        "line",           "column",         "path",          "message",
                                     "waived",      "known",          "waiver_expires", "waiver_approved_by",
                                     "waiver_reason", "launch_date",  "days_to_launch", "rollout",
                                     "owner"};
#define NCOLUMNS (sizeof HEADER / sizeof *HEADER)

/* Whether s is a plain integer ("-40": a day count): no formula to defuse. */
static int integer(const char *s)
{
    s += *s == '-';
    if (!*s)
        return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    return *s == '\0';
}

/* One field, quoted when it must be, a formula defused; controls shown as escapes. */
static void field(FILE *out, const char *s, char sep)
{
    sk_buf b = {0};
    if (s && *s && strchr("=+-@\t\r", *s) && !integer(s))
        sk_buf_puts(&b, "'");
    sk_report_visible(&b, s, 1);
    const char *text = b.failed || !b.data ? "" : b.data;
    const char special[] = {sep, '"', '\r', '\n', '\0'};
    if (!strpbrk(text, special)) {
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
static void row(FILE *out, char sep, const char *const fields[NCOLUMNS])
{
    for (size_t i = 0; i < NCOLUMNS; i++) {
        if (i)
            fputc(sep, out);
        field(out, fields[i], sep);
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

/* The names of the units with status error, kept from unit() for the
 * error rows at the end (a streamed result no longer holds its units). */
typedef struct names {
    char **ids, **names;
    size_t n, cap;
} names;

/* The writer's own: the separator, and the names of the units with errors. */
typedef struct csv {
    char sep;
    names nm;
} csv;

static char separator(const sk_writing *w)
{
    if (w->opt && w->opt->csv_separator)
        return w->opt->csv_separator;
    return strcmp(sk_catalogue_lang(w->res->catalogue), "sv") == 0 ? ';' : ',';
}

#define SEP(w) ((w)->state ? ((csv *)(w)->state)->sep : separator(w))
#define NAMES(w) ((w)->state ? &((csv *)(w)->state)->nm : NULL)

static void remember(names *nm, const sk_unit_result *u)
{
    if (!nm || u->status != SK_UNIT_ERROR || !u->name)
        return;
    if (nm->n == nm->cap) {
        size_t cap = nm->cap ? nm->cap * 2 : 16;
        char **ids = realloc(nm->ids, cap * sizeof *ids);
        if (ids)
            nm->ids = ids;
        char **nms = ids ? realloc(nm->names, cap * sizeof *nms) : NULL;
        if (nms)
            nm->names = nms;
        if (!ids || !nms)
            return; /* the name is left out of an error row, nothing else */
        nm->cap = cap;
    }
    nm->ids[nm->n] = sk_strdup(u->hsa_id);
    nm->names[nm->n] = sk_strdup(u->name);
    if (nm->ids[nm->n] && nm->names[nm->n])
        nm->n++;
    else
        free(nm->ids[nm->n]), free(nm->names[nm->n]);
}

static const char *unit_name(const names *nm, const char *hsa_id)
{
    for (size_t i = 0; nm && hsa_id && i < nm->n; i++)
        if (strcmp(nm->ids[i], hsa_id) == 0)
            return nm->names[i];
    return NULL;
}

static void forget(names *nm)
{
    for (size_t i = 0; nm && i < nm->n; i++)
        free(nm->ids[i]), free(nm->names[i]);
    if (nm)
        free(nm->ids), free(nm->names);
}

void sk_csv_begin(sk_writing *w)
{
    FILE *out = w->out;
    csv *c = calloc(1, sizeof *c); /* NULL: error rows go without names */
    if (c)
        c->sep = separator(w);
    w->state = c;
    fputs("\xEF\xBB\xBF", out);
    row(out, SEP(w), HEADER);
}

void sk_csv_unit(sk_writing *w, const sk_unit_result *u)
{
    FILE *out = w->out;
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        char line[24], column[24], days[24];
        snprintf(days, sizeof days, "%d", u->days_to_launch);
        const char *fields[NCOLUMNS] = {
            u->hsa_id,       u->name,          sk_report_status_name(u->status),
            f->rule,         sk_severity_name(f->severity),
            f->file,         number(line, f->line), number(column, f->column),
            f->path,         f->message,       f->waived ? "true" : "false",
            f->known ? "true" : "false",
            f->waiver ? f->waiver->expires : NULL, f->waiver ? f->waiver->approved_by : NULL,
            f->waiver ? f->waiver->reason : NULL,
            u->launch_date,  u->launch_date[0] ? days : "", sk_rollout_name(u->rollout),
            f->owner,
        };
        row(out, SEP(w), fields);
    }
    remember(NAMES(w), u);
}

void sk_csv_end(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = w->out;
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        char line[24], column[24];
        char *message = sk_printf("%s: %s", sk_label(res->catalogue, sk_report_error_label(e->kind)),
                                  e->message ? e->message : "");
        const char *fields[NCOLUMNS] = {
            e->unit, unit_name(NAMES(w), e->unit), "error", e->kind == SK_ERR_RULE ? e->rule : NULL,
            "error", e->file, number(line, e->line), number(column, e->column),
            NULL, message ? message : e->message, NULL, NULL, NULL, NULL, NULL,
        };
        row(out, SEP(w), fields);
        free(message);
    }
    for (size_t i = 0; i < res->warnings.count; i++) {
        const sk_error *e = &res->warnings.items[i];
        char line[24], column[24];
        const char *fields[NCOLUMNS] = {
            NULL, NULL, "warning", NULL, "warning", e->file, number(line, e->line), number(column, e->column),
            NULL, e->message, NULL, NULL, NULL, NULL, NULL,
        };
        row(out, SEP(w), fields);
    }
    for (size_t i = 0; i < res->fixed.count; i++) {
        const sk_error *e = &res->fixed.items[i];
        const char *fields[NCOLUMNS] = {
            e->unit, NULL, "fixed", e->rule, NULL, NULL, NULL, NULL,
            e->message, "fixed since the baseline", NULL, "true", NULL, NULL, NULL,
        };
        row(out, SEP(w), fields);
    }
    forget(NAMES(w));
    free(w->state);
    w->state = NULL;
}
