/* cmd_history.c: `startklar history FILE.db [--unit HSA-ID] [--format text|json]`:
 * readiness over time from the audits `--record` appended, one line per
 * audit: the region's rollout counts, or one unit's state, launch date and
 * findings. */
#include "cli.h"
#include "startklar/history.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rollout states' columns, in sk_rollout order. */
static const char *const ROLLOUT_HEADS[SK_ROLLOUT_STATES] = {"ready", "at risk", "not ready", "launched"};

static void text_audits(const sk_history_rows *rows, const sk_catalogue *cat, FILE *out)
{
    fprintf(out, "%-10s  %-12s %6s", sk_label(cat, "as of"), sk_label(cat, "profile"), sk_label(cat, "units"));
    for (int r = 0; r < SK_ROLLOUT_STATES; r++)
        fprintf(out, " %12s", sk_label(cat, ROLLOUT_HEADS[r]));
    fprintf(out, " %9s %9s\n", sk_label(cat, "errors"), sk_label(cat, "warnings"));
    for (size_t i = 0; i < rows->naudits; i++) {
        const sk_audit_row *a = &rows->audits[i];
        fprintf(out, "%-10s  %-12s %6zu", a->as_of, a->profile, a->units);
        for (int r = 0; r < SK_ROLLOUT_STATES; r++)
            fprintf(out, " %12zu", a->rollout[r]);
        fprintf(out, " %9zu %9zu\n", a->findings[SK_SEV_ERROR], a->findings[SK_SEV_WARNING]);
    }
}

static const char *rollout_label(const sk_catalogue *cat, const char *name)
{
    for (int r = 0; r < SK_ROLLOUT_STATES; r++)
        if (name && strcmp(name, sk_rollout_name((sk_rollout)r)) == 0)
            return sk_label(cat, sk_rollout_label((sk_rollout)r));
    return name ? name : "-";
}

static void text_unit(const char *unit, const sk_history_rows *rows, const sk_catalogue *cat, FILE *out)
{
    fprintf(out, "%s\n%-10s  %-20s %-10s %6s %9s %9s\n", unit, sk_label(cat, "as of"), sk_label(cat, "rollout"),
            sk_label(cat, "launch"), sk_label(cat, "days"), sk_label(cat, "errors"), sk_label(cat, "warnings"));
    for (size_t i = 0; i < rows->nunits; i++) {
        const sk_unit_row *u = &rows->units[i];
        char days[16] = "-";
        if (u->launch_date)
            snprintf(days, sizeof days, "%d", u->days_to_launch);
        fprintf(out, "%-10s  %-20s %-10s %6s %9zu %9zu\n", u->as_of, rollout_label(cat, u->rollout),
                u->launch_date ? u->launch_date : "-", days, u->findings[SK_SEV_ERROR], u->findings[SK_SEV_WARNING]);
    }
}

/* The rows as JSON (jansson), keys in the order written. 0, or -1 when out of memory. */
static int json_rows(const char *db, const char *unit, const sk_history_rows *rows, FILE *out)
{
    json_t *list = json_array();
    int bad = !list;
    for (size_t i = 0; !bad && i < rows->naudits; i++) {
        const sk_audit_row *a = &rows->audits[i];
        json_t *rollout = json_object();
        for (int r = 0; rollout && r < SK_ROLLOUT_STATES; r++)
            if (json_object_set_new(rollout, sk_rollout_name((sk_rollout)r), json_integer((json_int_t)a->rollout[r])))
                bad = 1;
        json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:{s:I, s:I, s:I}}", "as_of",
                              a->as_of, "profile", a->profile, "tool_version", a->tool_version, "exit_code",
                              a->exit_code, "units", (json_int_t)a->units, "passed", (json_int_t)a->passed,
                              "failed", (json_int_t)a->failed, "errored", (json_int_t)a->errored,
                              "known_gaps", (json_int_t)a->known_gaps,
                              "could_not_be_judged", (json_int_t)a->errors, "rollout", rollout, "findings",
                              "error", (json_int_t)a->findings[SK_SEV_ERROR], "warning",
                              (json_int_t)a->findings[SK_SEV_WARNING], "info", (json_int_t)a->findings[SK_SEV_INFO]);
        if (!o || json_array_append_new(list, o))
            bad = 1;
    }
    for (size_t i = 0; !bad && i < rows->nunits; i++) {
        const sk_unit_row *u = &rows->units[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:o, s:b, s:{s:I, s:I, s:I}}", "as_of", u->as_of, "status",
                              u->status, "rollout", u->rollout, "launch_date",
                              u->launch_date ? json_string(u->launch_date) : json_null(), "days_to_launch",
                              u->launch_date ? json_integer(u->days_to_launch) : json_null(),
                              "launch_date_disputed", u->launch_disputed, "findings", "error",
                              (json_int_t)u->findings[SK_SEV_ERROR], "warning",
                              (json_int_t)u->findings[SK_SEV_WARNING], "info", (json_int_t)u->findings[SK_SEV_INFO]);
        if (!o || json_array_append_new(list, o))
            bad = 1;
    }
    json_t *root = bad ? NULL
               : unit ? json_pack("{s:s, s:s, s:o}", "database", db, "unit", unit, "audits", list)
                      : json_pack("{s:s, s:o}", "database", db, "audits", list);
    if (!root) {
        if (!bad)
            list = NULL; /* json_pack took it even on failure */
        json_decref(list);
        return -1;
    }
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    return rc ? -1 : 0;
}

int cmd_history(int argc, char **argv)
{
    options o = {.format = "text"};
    const char *db;
    int n;
    int rc = parse_interleaved(argc, argv, &o, &db, 1, &n);
    if (rc)
        return rc;
    if (n != 1)
        return usage_error("history needs one database file: history FILE.db [--unit HSA-ID]%s", "");
    if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
        return usage_error("history writes --format text or json, not '%s'", o.format);
    sk_errors errs;
    sk_errors_init(&errs);
    sk_history *h = sk_history_open(db, 0, &errs);
    sk_history_rows rows = {0};
    int code = 2;
    if (h && (o.unit ? sk_history_unit_rows(h, o.unit, &rows, &errs) : sk_history_audits(h, &rows, &errs)) == 0) {
        sk_catalogue *cat = cli_catalogue(NULL);
        code = 0;
        if (o.unit && !rows.nunits) {
            sk_errors_add(&errs, SK_ERR_USAGE, db, 0, 0, "no recorded audit checked unit %s", o.unit);
            code = 2;
        } else if (strcmp(o.format, "json") == 0) {
            if (json_rows(db, o.unit, &rows, stdout))
                code = 2;
        } else if (o.unit) {
            text_unit(o.unit, &rows, cat, stdout);
        } else {
            text_audits(&rows, cat, stdout);
        }
        sk_catalogue_free(cat);
    }
    if (!errs.count && code == 2)
        cli_fail("out of memory");
    cli_print_errors(&errs);
    sk_errors_free(&errs);
    sk_history_rows_free(&rows);
    sk_history_close(h);
    if (fflush(stdout) || ferror(stdout))
        code = 2;
    return code;
}
