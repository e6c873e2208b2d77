/* cmd_diff.c: `startklar diff OLD NEW [--format text|json|markdown]`: what
 * changed between two audits, each a JSON report (`--format json`) or an
 * audit in a history database: FILE.db@YYYY-MM-DD, FILE.db@latest or
 * FILE.db@previous. The findings' messages are rendered in --lang from the
 * rules loaded here (built-in and --rules DIR) where the audit recorded
 * their message id and values, else shown as recorded. Exit 0 when nothing
 * changed, 1 when something did, 2 when an audit or a rule could not be
 * read (as diff(1) does; the changes are still written after a rule). */
#include "cli.h"
#include "startklar/history.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads one side: 0, or -1 with an error added. */
static int read_side(const char *arg, sk_snapshot *out, sk_errors *errs)
{
    const char *at = strrchr(arg, '@');
    if (!at)
        return sk_snapshot_from_json(arg, out, errs);
    char *db = strndup(arg, (size_t)(at - arg));
    if (!db)
        return -1;
    sk_history *h = sk_history_open(db, 0, errs);
    int rc = h ? sk_history_snapshot(h, at + 1, out, errs) : -1;
    sk_history_close(h);
    free(db);
    return rc;
}

/* The rules whose messages the findings are rendered from, as check loads
 * them (no profile: a message is the same whatever its severity). Plugin
 * errors are said on stderr and set *broken. NULL when out of memory. */
static sk_rules *load_rules(const options *o, const sk_catalogue *cat, int *broken)
{
    sk_errors errs;
    sk_errors_init(&errs);
    sk_rules *r = load_flag_rules(o, &errs);
    for (size_t i = 0; i < errs.count; i++)
        cli_print_labelled(cat, &errs.items[i], NULL, "plugin error");
    *broken = errs.count > 0;
    sk_errors_free(&errs);
    return r;
}

int cmd_diff(int argc, char **argv)
{
    options o = {.format = "text"};
    const char *sides[2];
    int n;
    int rc = parse_interleaved(argc, argv, &o, sides, 2, &n);
    if (rc)
        return rc;
    if (n != 2)
        return usage_error("diff needs two audits: diff OLD NEW, each a JSON report or FILE.db@DATE, "
                           "FILE.db@latest, FILE.db@previous%s",
                           "");
    if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0 && strcmp(o.format, "markdown") != 0)
        return usage_error("diff writes --format text, json or markdown, not '%s'", o.format);
    sk_errors errs;
    sk_errors_init(&errs);
    sk_snapshot old = {0}, new_ = {0};
    int code = 2;
    if (read_side(sides[0], &old, &errs) == 0 && read_side(sides[1], &new_, &errs) == 0) {
        sk_catalogue *cat = cli_catalogue(NULL);
        int broken = 0;
        sk_rules *rules = load_rules(&o, cat, &broken);
        output out;
        if (!rules || sk_snapshot_render(&old, rules, cat) || sk_snapshot_render(&new_, rules, cat)) {
            fprintf(stderr, "startklar: out of memory\n");
        } else if (output_open(&out, o.output, sides, 2) == 0) {
            int changed = sk_diff_write(&old, &new_, o.format, cat, out.f);
            if (output_close(&out, changed >= 0) == 0 && changed >= 0)
                code = broken ? 2 : changed ? 1 : 0;
        }
        sk_rules_free(rules);
        sk_catalogue_free(cat);
    } else if (!errs.count) {
        cli_fail("out of memory");
    }
    cli_print_errors(&errs);
    sk_errors_free(&errs);
    sk_snapshot_free(&old);
    sk_snapshot_free(&new_);
    return code;
}
