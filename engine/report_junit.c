/* report_junit.c: the JUnit XML writer, for CI servers (GitLab, Jenkins,
 * Azure DevOps) that show test results. A unit is a <testsuite>; every rule
 * that ran and applied to it is a <testcase> (classname = rule id, name =
 * title). A rule fails when one of its findings is at or above --fail-on,
 * not waived and not known from the baseline: a <failure> lists those
 * findings. A rule whose only such findings are known is <skipped> ("known:
 * in the baseline"), so a CI view agrees with the exit code. The other
 * findings of the rule (below the level, waived with their waiver, known)
 * go to its <system-out>. A rule that
 * failed to run is an <error>, and so are the unit's input errors. Errors of
 * no unit (a broken plugin, a file without HSA-id) close the report in a
 * suite of their own. Every suite has its own id (0, 1, ...), and
 * <testsuites> the totals: the suites are spooled to a temporary file while
 * units stream, and follow the root element once the totals are known. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The writer's own: where the suites go until the totals are known, and the totals. */
typedef struct junit {
    FILE *spool; /* NULL: straight to the output, without totals */
    size_t suites, tests, failures, errors, skipped;
} junit;

static FILE *suites_out(sk_writing *w)
{
    junit *j = w->state;
    return j && j->spool ? j->spool : w->out;
}

static void count(sk_writing *w, size_t tests, size_t failures, size_t errors, size_t skipped)
{
    junit *j = w->state;
    if (!j)
        return;
    j->suites++, j->tests += tests, j->failures += failures, j->errors += errors, j->skipped += skipped;
}

static size_t suite_id(const sk_writing *w)
{
    const junit *j = w->state;
    return j ? j->suites : w->units;
}

/* Whether a finding would fail the unit, were it not known from the baseline. */
static int at_level(const sk_result *res, const sk_finding *f)
{
    return !f->waived && res->fail_on != SK_SEV_NONE && f->severity >= res->fail_on;
}

static int failing(const sk_result *res, const sk_finding *f)
{
    return at_level(res, f) && !f->known;
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The rule error of this unit and rule, or NULL. */
static const sk_error *rule_error(const sk_result *res, const char *unit, const char *rule)
{
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        if (e->kind == SK_ERR_RULE && same(e->unit, unit) && same(e->rule, rule))
            return e;
    }
    return NULL;
}

static void attr(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    sk_report_xml(out, value ? value : "", 1);
    fputc('"', out);
}

/* One value within a line of a listing: a line break in it cannot start a line of its own. */
static void value(FILE *out, const char *s)
{
    sk_report_xml_text(out, s, 0, 0);
}

static void position(FILE *out, const char *file, int line, int column)
{
    value(out, file ? file : "(no file)");
    if (line > 0)
        fprintf(out, ":%d", line);
    if (line > 0 && column > 0)
        fprintf(out, ":%d", column);
}

/* label (a catalogue text) with each %s replaced by the next of args, all
 * within a line of a listing. */
static void put(FILE *out, const char *label, const char *const *args, size_t nargs)
{
    size_t k = 0;
    const char *run = label;
    for (const char *p = label;; p++) {
        if (*p && !(p[0] == '%' && p[1] == 's'))
            continue;
        if (p > run) {
            char *literal = sk_printf("%.*s", (int)(p - run), run);
            value(out, literal ? literal : "");
            free(literal);
        }
        if (!*p)
            break;
        value(out, k < nargs && args[k] ? args[k] : "");
        k++, p++;
        run = p + 1;
    }
}

/* One finding as a line of a failure body or of system-out (its marks in the
 * report's language). */
static void finding_line(FILE *out, const sk_catalogue *cat, const sk_finding *f)
{
    position(out, f->file, f->line, f->column);
    fprintf(out, " %s ", sk_severity_name(f->severity));
    value(out, f->rule);
    fputc(' ', out);
    value(out, f->message);
    if (f->path && *f->path) {
        fputs(" [", out);
        value(out, f->path);
        fputc(']', out);
    }
    if (f->waiver) {
        const char *args[] = {f->waiver->expires, f->waiver->approved_by, f->waiver->reason};
        fputc(' ', out);
        put(out,
            sk_label(cat, f->waiver->expiring ? "(waived until %s by %s: %s; the waiver expires soon)"
                                              : "(waived until %s by %s: %s)"),
            args, 3);
    } else if (f->waived) {
        fputc(' ', out);
        value(out, sk_label(cat, "(waived)"));
    }
    if (f->known) {
        fputc(' ', out);
        value(out, sk_label(cat, "(known: in the baseline)"));
    }
    fputc('\n', out);
}

/* e's message in the report's language (the run's errors are translated
 * when it ends; a unit's suite is written before): malloc'd, or NULL for
 * e->message as it is. */
static char *message_of(const sk_result *res, const sk_error *e)
{
    return sk_translate_error(res->catalogue, e);
}

/* An <error>'s message attribute: e's message. */
static void error_message(FILE *out, const sk_result *res, const sk_error *e)
{
    char *t = message_of(res, e);
    attr(out, "message", t ? t : e->message);
    free(t);
}

/* The body of an <error>: a position, the message and the traceback. */
static void error_body(FILE *out, const sk_result *res, const sk_error *e)
{
    if (e->file) {
        position(out, e->file, e->line, e->column);
        fputs(": ", out);
    }
    char *t = message_of(res, e);
    sk_report_xml(out, t ? t : e->message, 0);
    free(t);
    fputc('\n', out);
    if (e->traceback) {
        sk_report_xml(out, e->traceback, 0);
        fputc('\n', out);
    }
}

/* What one testcase holds: the rule, its findings in this unit, its error. */
typedef struct testcase {
    const char *id, *title;
    size_t failures, known, others; /* known: would fail, but in the baseline */
    const sk_finding *first;  /* the first failing finding */
    sk_severity worst;        /* of the failing findings */
    const sk_error *error;
} testcase;

static testcase tally(const sk_result *res, const sk_unit_result *u, const char *id, const char *title)
{
    testcase t = {.id = id, .title = title};
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        if (!same(f->rule, id))
            continue;
        if (failing(res, f)) {
            if (!t.failures++)
                t.first = f;
            if (f->severity > t.worst)
                t.worst = f->severity;
        } else if (at_level(res, f)) {
            t.known++;
        } else {
            t.others++;
        }
    }
    t.error = rule_error(res, u->hsa_id, id);
    return t;
}

/* A case whose findings at the level are all known, and nothing failed: skipped. */
static int skips(const testcase *t)
{
    return t->known && !t->failures && !t->error;
}

static void write_case(const sk_result *res, const sk_unit_result *u, const testcase *t, FILE *out)
{
    fputs("    <testcase", out);
    attr(out, "classname", t->id);
    attr(out, "name", t->title ? t->title : t->id);
    if (!t->failures && !t->known && !t->others && !t->error) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    if (t->error) {
        fputs("      <error", out);
        error_message(out, res, t->error);
        fputs(" type=\"rule\">", out);
        error_body(out, res, t->error);
        fputs("</error>\n", out);
    }
    if (t->failures) {
        char more[64] = "";
        if (t->failures > 1)
            snprintf(more, sizeof more, sk_plural(res->catalogue, " (and %zu more)", " (and %zu more)", t->failures - 1),
                     t->failures - 1);
        fputs("      <failure message=\"", out);
        sk_report_xml(out, t->first->message, 1);
        sk_report_xml(out, more, 1);
        fprintf(out, "\" type=\"%s\">", sk_severity_name(t->worst));
        for (size_t i = 0; i < u->nfindings; i++)
            if (same(u->findings[i].rule, t->id) && failing(res, &u->findings[i]))
                finding_line(out, res->catalogue, &u->findings[i]);
        fputs("</failure>\n", out);
    }
    int skipped = skips(t);
    if (skipped) {
        fputs("      <skipped", out);
        attr(out, "message", sk_label(res->catalogue, "known: in the baseline"));
        fputs(">", out);
        for (size_t i = 0; i < u->nfindings; i++)
            if (same(u->findings[i].rule, t->id) && at_level(res, &u->findings[i]))
                finding_line(out, res->catalogue, &u->findings[i]);
        fputs("</skipped>\n", out);
    }
    if (t->others || (t->known && !skipped)) {
        fputs("      <system-out>", out);
        for (size_t i = 0; i < u->nfindings; i++)
            if (same(u->findings[i].rule, t->id) && !failing(res, &u->findings[i]) &&
                (!skipped || !at_level(res, &u->findings[i])))
                finding_line(out, res->catalogue, &u->findings[i]);
        fputs("</system-out>\n", out);
    }
    fputs("    </testcase>\n", out);
}

/* The unit's testcases, in rule order: every rule that ran and applied, and
 * (should one be missing from the rules) any rule that reported a finding.
 * With out NULL only counts; returns the number of cases. */
static size_t cases(const sk_result *res, const sk_unit_result *u, FILE *out, size_t *failures,
                    size_t *errors, size_t *skipped)
{
    size_t n = 0;
    for (size_t i = 0; i < res->nrule_meta; i++) {
        const sk_rule_meta *ri = &res->rule_meta[i];
        testcase t = tally(res, u, ri->id, ri->title);
        if (!ri->enabled ||
            (!sk_report_rule_applies(ri, u) && !t.failures && !t.known && !t.others && !t.error))
            continue;
        n++, *failures += t.failures > 0, *errors += t.error != NULL, *skipped += skips(&t);
        if (out)
            write_case(res, u, &t, out);
    }
    for (size_t i = 0; i < u->nfindings; i++) {
        const char *id = u->findings[i].rule;
        int seen = sk_report_rule(res, id) != NULL;
        for (size_t j = 0; j < i && !seen; j++)
            seen = same(u->findings[j].rule, id);
        if (seen || !id)
            continue;
        testcase t = tally(res, u, id, id);
        n++, *failures += t.failures > 0, *errors += t.error != NULL, *skipped += skips(&t);
        if (out)
            write_case(res, u, &t, out);
    }
    return n;
}

/* The unit's input errors as one testcase. */
static void input_case(const sk_result *res, const sk_unit_result *u, FILE *out)
{
    char message[160];
    snprintf(message, sizeof message,
             sk_plural(res->catalogue, "%d input error in this unit's documents",
                       "%d input errors in this unit's documents", u->load_errors),
             u->load_errors);
    fputs("    <testcase classname=\"input\" name=\"the unit's documents are valid input\">\n"
          "      <error",
          out);
    attr(out, "message", message);
    fputs(" type=\"input\">", out);
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        if (e->kind == SK_ERR_INPUT && same(e->unit, u->hsa_id))
            error_body(out, res, e);
    }
    fputs("</error>\n    </testcase>\n", out);
}

void sk_junit_begin(sk_writing *w)
{
    junit *j = calloc(1, sizeof *j);
    if (j)
        j->spool = tmpfile();
    w->state = j;
    if (!j || !j->spool) /* no room to spool: the suites follow a root without totals */
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"startklar\">\n", w->out);
}

void sk_junit_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_result *res = w->res;
    FILE *out = suites_out(w);
    size_t index = suite_id(w);
    size_t failures = 0, errors = u->load_errors > 0, skipped = 0;
    size_t tests = cases(res, u, NULL, &failures, &errors, &skipped) + (u->load_errors > 0);
    const char *id = u->hsa_id ? u->hsa_id : "";
    int named = u->name && *u->name && strcmp(u->name, id) != 0;
    fprintf(out, "  <testsuite id=\"%zu\" name=\"", index);
    sk_report_xml(out, id, 1);
    if (named) {
        fputs(" ", out);
        sk_report_xml(out, u->name, 1);
    }
    fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n", tests, failures,
            errors, skipped);
    count(w, tests, failures, errors, skipped);
    fputs("    <properties>\n      <property name=\"hsa_id\"", out);
    attr(out, "value", id);
    fputs("/>\n      <property name=\"unit_name\"", out);
    attr(out, "value", u->name);
    fprintf(out, "/>\n      <property name=\"status\" value=\"%s\"/>\n    </properties>\n",
            sk_report_status_name(u->status));
    if (u->load_errors)
        input_case(res, u, out);
    size_t ignored = 0;
    cases(res, u, out, &ignored, &ignored, &ignored);
    fputs("  </testsuite>\n", out);
}

void sk_junit_end(sk_writing *w)
{
    const sk_result *res = w->res;
    FILE *out = suites_out(w);
    size_t n = 0;
    for (size_t i = 0; i < res->errors.count; i++)
        n += res->errors.items[i].unit == NULL;
    if (n) {
        fprintf(out, "  <testsuite id=\"%zu\" name=\"startklar: could not be judged\" tests=\"%zu\" "
                     "failures=\"0\" errors=\"%zu\" skipped=\"0\">\n",
                suite_id(w), n, n);
        count(w, n, 0, n, 0);
        for (size_t i = 0; i < res->errors.count; i++) {
            const sk_error *e = &res->errors.items[i];
            if (e->unit)
                continue;
            const char *kind = sk_report_error_kind(e->kind);
            fprintf(out, "    <testcase classname=\"%s\" name=\"", kind);
            position(out, e->file, e->line, e->column);
            fprintf(out, "\">\n      <error");
            error_message(out, res, e);
            fprintf(out, " type=\"%s\">", kind);
            error_body(out, res, e);
            fputs("</error>\n    </testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    if (res->warnings.count) {
        /* expired, stale and expiring waivers: not failing, but a CI view shows them */
        fprintf(out, "  <testsuite id=\"%zu\" name=\"startklar: warnings\" tests=\"%zu\" failures=\"0\" "
                     "errors=\"0\" skipped=\"0\">\n",
                suite_id(w), res->warnings.count);
        count(w, res->warnings.count, 0, 0, 0);
        for (size_t i = 0; i < res->warnings.count; i++) {
            const sk_error *e = &res->warnings.items[i];
            fputs("    <testcase classname=\"warning\" name=\"", out);
            position(out, e->file, e->line, e->column);
            fputs("\">\n      <system-out>", out);
            sk_report_xml(out, e->message, 0);
            fputs("</system-out>\n    </testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    junit *j = w->state;
    if (j && j->spool) {
        fprintf(w->out,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"startklar\" tests=\"%zu\" "
                "failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n",
                j->tests, j->failures, j->errors, j->skipped);
        char buf[8192];
        size_t got;
        rewind(j->spool);
        while ((got = fread(buf, 1, sizeof buf, j->spool)) > 0)
            fwrite(buf, 1, got, w->out);
        w->failed = ferror(j->spool) != 0; /* a full disk: the report is not whole */
        fclose(j->spool);
    }
    fputs("</testsuites>\n", w->out);
    free(j);
    w->state = NULL;
}
