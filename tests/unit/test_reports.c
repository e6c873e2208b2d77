/* test_reports.c: the report writers on results the command line cannot
 * make yet: an empty run, a unit without a name, a waived finding, text
 * with every character a format must escape and bytes that are not UTF-8,
 * rules unknown to the result, a unit with known gaps and control
 * characters. Every format must write it whole. And what the verdict rests
 * on: stable paths, and a check that judges nothing without a date or rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static const char *const FORMATS[] = {"text", "json", "jsonl", "sarif", "junit", "csv", "markdown", "html",
                                      "github", "gitlab", "statement"};

/* The report in one format, as a malloc'd string. */
static char *report(const char *format, const sk_result *res)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(sk_report_write(format, res, NULL, f), 0);
    assert_int_equal(fclose(f), 0);
    assert_non_null(text);
    return text;
}

static void has(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("lacks: %s\n--- in ---\n%s", part, text);
}

static void lacks(const char *text, const char *part)
{
    if (strstr(text, part))
        fail_msg("has: %s", part);
}

static void empty_result_every_format(void **state)
{
    (void)state;
    sk_result res = {0}; /* no version, date, rules, units or errors */
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++) {
        char *text = report(FORMATS[i], &res);
        if (strcmp(FORMATS[i], "sarif") == 0) {
            has(text, "\"results\": []");
            has(text, "\"rules\": []");
            has(text, "\"executionSuccessful\": true");
        } else if (strcmp(FORMATS[i], "junit") == 0) {
            has(text, "<testsuites name=\"startklar\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
                      "</testsuites>\n");
        } else if (strcmp(FORMATS[i], "csv") == 0) {
            assert_string_equal(text, "\xEF\xBB\xBFunit,unit_name,status,rule,severity,file,line,column,path,"
                                      "message,waived,known,waiver_expires,waiver_approved_by,waiver_reason,"
                                      "launch_date,days_to_launch,rollout,owner\r\n");
        } else if (strcmp(FORMATS[i], "markdown") == 0) {
            has(text, "| Units | 0 |");
        } else if (strcmp(FORMATS[i], "html") == 0) {
            has(text, "</html>\n");
            has(text, "<p>No findings.</p></div>");
        } else if (strcmp(FORMATS[i], "github") == 0) {
            assert_string_equal(text, "");
        } else if (strcmp(FORMATS[i], "gitlab") == 0) {
            assert_string_equal(text, "[]\n");
        } else if (strcmp(FORMATS[i], "statement") == 0) {
            has(text, "<p>No unit was judged.</p></section>\n</body>\n</html>\n");
        }
        free(text);
    }
    /* the list of formats is the library's, in this order */
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        assert_string_equal(sk_report_format_name(i), FORMATS[i]);
    assert_null(sk_report_format_name(sizeof FORMATS / sizeof *FORMATS));
}

/* One unit without a name; a waived error and a hostile warning, of rules
 * the result does not know; an input error of no unit. */
static void build(sk_result *res, sk_unit_result *u, sk_finding f[2])
{
    memset(res, 0, sizeof *res);
    memset(u, 0, sizeof *u);
    f[0] = (sk_finding){.rule = "XX-01", .severity = SK_SEV_ERROR, .message = "owner missing",
                        .file = "a/plan.yaml", .line = 3, .column = 2, .path = "owner", .waived = 1};
    f[1] = (sk_finding){.rule = "XX-02", .severity = SK_SEV_WARNING,
                        .message = "a|b <i>\"q\", x\nnext \xff end & 'å'",
                        .file = "a/plan.yaml", .line = 9, .column = 5, .path = "x[1]", .waived = 0};
    u->hsa_id = "SE-1";
    u->findings = f;
    u->nfindings = 2;
    u->status = SK_UNIT_PASS;
    res->tool_version = SK_VERSION;
    res->as_of = "2027-04-10";
    res->fail_on = SK_SEV_ERROR;
    res->units = u;
    res->nunits = 1;
    sk_errors_init(&res->errors);
    assert_int_equal(sk_errors_add(&res->errors, SK_ERR_INPUT, "b.yaml", 1, 1, "bad <yaml>"), 0);
    assert_int_equal(sk_judge(res), 2);
}

static void waived_and_hostile_text(void **state)
{
    (void)state;
    sk_result res;
    sk_unit_result u;
    sk_finding f[2];
    build(&res, &u, f);
    assert_int_equal(u.status, SK_UNIT_PASS); /* the error is waived */

    char *sarif = report("sarif", &res);
    has(sarif, "\"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", \"justification\": \"\"}]");
    lacks(sarif, "ruleIndex"); /* rules the run does not know */
    has(sarif, "\"text\": \"a|b <i>\\\"q\\\", x\\nnext \\ufffd end & 'å'\"");
    has(sarif, "\"uri\": \"a/plan.yaml\"");
    has(sarif, "\"uri\": \"b.yaml\"");
    free(sarif);

    char *junit = report("junit", &res);
    lacks(junit, "<failure"); /* waived: not a failure, and the warning is below the level */
    has(junit, "<testsuite id=\"0\" name=\"SE-1\" tests=\"2\" failures=\"0\" errors=\"0\"");
    has(junit, "a/plan.yaml:3:2 error XX-01 owner missing [owner] (waived)\n");
    has(junit, "a|b &lt;i&gt;&quot;q&quot;, x\\nnext \\xFF end &amp; &#39;å&#39;");
    has(junit, "<testcase classname=\"input\" name=\"b.yaml:1:1\">");
    free(junit);

    char *csv = report("csv", &res);
    has(csv, "\r\nSE-1,,pass,XX-01,error,a/plan.yaml,3,2,owner,owner missing,true,false,,,,,,ready,\r\n");
    has(csv, ",\"a|b <i>\"\"q\"\", x\nnext \\xFF end & 'å'\",false,false,,,,,,ready,\r\n");
    has(csv, ",,error,,error,b.yaml,1,1,,input error: bad <yaml>,,,,,,,,,\r\n");
    free(csv);

    char *md = report("markdown", &res);
    has(md, "## SE-1: ready\n");
    has(md, "| a/plan.yaml:9:5 | warning | XX-02 | a\\|b \\<i\\>\"q\", x<br>next \\\\xFF end & 'å' |\n");
    has(md, "owner missing (waived) |");
    has(md, "| Units | 1 |");
    free(md);

    char *html = report("html", &res);
    has(html, "data-id=\"SE-1\" data-name=\"SE-1\" data-status=\"pass\"");
    has(html, "<li class=\"error waived\">");
    has(html, "<span class=\"badge waived\">waived</span>");
    has(html, "a|b &lt;i&gt;&quot;q&quot;, x\nnext \\xFF end &amp; &#39;å&#39;");
    has(html, "bad &lt;yaml&gt;");
    lacks(html, "<i>");
    free(html);

    sk_summary_free(&res.summary);
    sk_errors_free(&res.errors);
}

/* A unit whose only error is known from the baseline, a waived one whose
 * waiver expires soon, and names, files and messages that try to steer a
 * terminal (ESC, an OSC title, BEL, CR) or forge a line. */
static void known_waived_and_controls_every_format(void **state)
{
    (void)state;
    static const char *const HOSTILE = "\x1b[2J\x1b]0;pwned\x07";
    sk_waiver w = {.rule = "XX-01", .unit = "SE-2", .reason = "ny chef i maj", .approved_by = "Eva Lind",
                   .expires = "2027-04-20", .file = "w.yaml", .line = 4, .column = 5, .days_left = 10,
                   .expiring = 1};
    sk_finding f[2] = {
        {.rule = "XX-01", .severity = SK_SEV_ERROR, .message = "owner missing", .file = "a/plan.yaml",
         .line = 3, .column = 2, .path = "owner", .waived = 1, .waiver = &w},
        {.rule = "XX-02", .severity = SK_SEV_ERROR, .message = "gap\x1b[31m\rFORGED\nSE-9  ready",
         .file = "a/\x1b]0;t\x07plan.yaml", .line = 9, .column = 5, .path = "x[1]",
         .stable_path = "x[id=a]", .known = 1, .baseline = SK_BASELINE_UNCHANGED},
    };
    sk_unit_result u = {.hsa_id = "SE-2", .name = (char *)HOSTILE, .findings = f, .nfindings = 2};
    sk_result res = {.tool_version = SK_VERSION, .as_of = "2027-04-10", .fail_on = SK_SEV_ERROR,
                     .units = &u, .nunits = 1};
    sk_errors_init(&res.errors);
    sk_errors_init(&res.warnings);
    assert_int_equal(sk_errors_add(&res.warnings, SK_ERR_WARNING, "w.yaml", 4, 5,
                                   "the waiver of XX-01 for SE-2 expires soon"), 0);
    assert_int_equal(sk_judge(&res), 0);
    assert_int_equal(u.status, SK_UNIT_KNOWN_GAPS);
    assert_int_equal(res.summary.known_gaps, 1);
    static const struct {
        const char *format, *marks[4];
    } WANT[] = {
        {"text", {"SE-2  \\x1B[2J\\x1B]0;pwned\\x07  ready (known gaps)", "[known: in the baseline]",
                  "[waived until 2027-04-20 by Eva Lind: ny chef i maj] [the waiver expires soon]",
                  "gap\\x1B[31m\\rFORGED\\nSE-9  ready"}},
        {"json", {"\"status\": \"known_gaps\"", "\"known\": true, \"baseline\": \"unchanged\"",
                  "\"approved_by\": \"Eva Lind\", \"expires\": \"2027-04-20\", \"expiring\": true",
                  "\"known_gaps\": 1"}},
        {"jsonl", {"\"known\": true", "\"stable_path\": \"x[id=a]\"", "\"expiring\": true",
                   "\"kind\": \"warning\""}},
        {"sarif", {"\"baselineState\": \"unchanged\"", "\"approvedBy\": \"Eva Lind\"",
                   "\"expires\": \"2027-04-20\", \"expiring\": true", "\"level\": \"warning\""}},
        {"junit", {"<skipped message=\"known: in the baseline\">", "skipped=\"1\"",
                   "(waived until 2027-04-20 by Eva Lind: ny chef i maj; the waiver expires soon)",
                   "name=\"startklar: warnings\""}},
        /* a unit with known gaps is ready in the rollout (it does not fail the gate) */
        {"csv", {",known_gaps,XX-02,error,", ",false,true,,,,,,ready,\r\n",
                 ",true,false,2027-04-20,Eva Lind,ny chef i maj,,,ready,\r\n", ",,warning,,warning,w.yaml,4,5,"}},
        {"markdown", {": ready (known gaps)\n", "(known: in the baseline)",
                      "(waived until 2027-04-20 by Eva Lind: ny chef i maj) (the waiver expires soon)",
                      "| Ready (known gaps) | 1 |"}},
        {"html", {"<span class=\"status known_gaps\">ready (known gaps)</span>", "<span class=\"badge known\">",
                  "<div class=\"card known_gaps\"><span class=\"n\">1</span>", "the waiver expires soon"}},
        /* github and gitlab leave known and waived findings out: the warning alone */
        {"github", {"::warning file=w.yaml,line=4,col=5,title=startklar::the waiver of XX-01 for SE-2 expires soon\n",
                    "::warning ", "title=startklar::", "expires soon\n"}},
        {"gitlab", {"\"check_name\": \"startklar/warning\"", "\"severity\": \"minor\"", "\"path\": \"w.yaml\"",
                    "\"lines\": {\"begin\": 4}}}\n]\n"}},
    };
    for (size_t i = 0; i < sizeof WANT / sizeof *WANT; i++) {
        char *text = report(WANT[i].format, &res);
        for (size_t k = 0; k < 4; k++)
            has(text, WANT[i].marks[k]);
        /* no format hands a control character to the reader's terminal */
        lacks(text, "\x1b");
        lacks(text, "\x07");
        /* nor a line of its own (html and csv keep a line break inside a cell) */
        if (strcmp(WANT[i].format, "html") != 0 && strcmp(WANT[i].format, "csv") != 0)
            lacks(text, "\nSE-9");
        free(text);
    }
    sk_summary_free(&res.summary);
    sk_errors_free(&res.errors);
    sk_errors_free(&res.warnings);
}

/* The stable path names list items by identity, so inserting an item above
 * one changes nothing of its key. */
static void stable_paths(void **state)
{
    (void)state;
    static const char DOC[] = "kind: unit-onboarding\nversion: 1\n"
                              "unit: {name: Visby, hsa_id: SE2321000222-V001}\n"
                              "programs: [Sömnbesvär, Oro]\n"
                              "staff:\n"
                              "  - {id: s1, name: Karin Ek, roles: [practitioner]}\n"
                              "  - {id: s2, name: Eva Lind, roles: [practitioner]}\n"
                              "  - {name: Ola Berg, roles: [practitioner]}\n"
                              "  - {roles: [practitioner]}\n"
                              "  - {id: s9, roles: [practitioner]}\n"
                              "  - {id: s9, roles: [practitioner]}\n";
    sk_limits l = sk_limits_default();
    sk_docset *ds = sk_docset_new(&l);
    sk_errors errs;
    sk_errors_init(&errs);
    assert_non_null(ds);
    assert_int_equal(sk_load_buffer(ds, "o.yaml", DOC, sizeof DOC - 1, &errs), 0);
    const sk_node *root = ds->docs[0].root;
    static const char *const CASES[][2] = {
        {"staff[2].roles", "staff[id=s2].roles"},     /* by id */
        {"staff[3]", "staff[name=Ola Berg]"},         /* by name when there is no id */
        {"staff[4].roles[1]", "staff[4].roles[practitioner]"}, /* by position when it has neither */
        {"staff[5]", "staff[5]"},                     /* an id two items share is no identity */
        {"programs[1]", "programs[Sömnbesvär]"},      /* a text item by its text */
        {"staff[9].x", "staff[9].x"},                 /* past the end: as the rule wrote it */
        {"unit.hsa_id", "unit.hsa_id"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char *got = sk_stable_path(root, CASES[i][0]);
        assert_non_null(got);
        assert_string_equal(got, CASES[i][1]);
        free(got);
    }
    sk_errors_free(&errs);
    sk_docset_free(ds);
}

/* The library judges nothing without a date or without rules: an error, exit 2. */
static void check_judges_nothing(void **state)
{
    (void)state;
    const char *paths[] = {"no-such-dir"};
    sk_check_options o = {.paths = paths, .npaths = 1, .fail_on = SK_SEV_ERROR};
    sk_result res;
    assert_int_equal(sk_check(&o, &res), 2);
    assert_true(res.stopped);
    assert_int_equal(res.errors.count, 1);
    assert_int_equal(res.errors.items[0].kind, SK_ERR_USAGE);
    has(res.errors.items[0].message, "as_of");
    assert_int_equal(res.summary.units, 0);
    sk_result_free(&res);
    o.as_of = "2027-04-10"; /* an embedder that forgot rule_dirs */
    assert_int_equal(sk_check(&o, &res), 2);
    assert_true(res.stopped);
    has(res.errors.items[0].message, "no rules to run");
    sk_result_free(&res);
}

static void xml_escaping(void **state)
{
    (void)state;
    sk_buf b = {0};
    sk_buf_xml(&b, "<&>\"'\t\n\x01\x7f\xef\xbf\xbf ok", 0);
    assert_string_equal(b.data, "&lt;&amp;&gt;&quot;&#39;\t\n\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok");
    sk_buf_free(&b);
    sk_buf_xml(&b, "a\tb\nc", 1);
    assert_string_equal(b.data, "a&#9;b&#10;c");
    sk_buf_free(&b);
    sk_buf_xml(&b, NULL, 0);
    assert_null(b.data);
}

/* A finding's values as JSON (the history's finding.data, the JSON report's
 * "data"): one form per type, the same bytes for the same values, and read
 * back to the same values; a number JSON cannot hold gives none. */
static void values_json_round_trip(void **state)
{
    (void)state;
    char *items[] = {"a", "b\"c"};
    sk_value v[] = {
        {.name = "b", .type = SK_VAL_BOOL, .v.b = 1},
        {.name = "d", .type = SK_VAL_INT, .v.i = -12},
        {.name = "l", .type = SK_VAL_LIST, .v.list = {items, 2}},
        {.name = "n", .type = SK_VAL_NUM, .v.n = 0.1},
        {.name = "s", .type = SK_VAL_STR, .v.s = "R\u00e5d \"x\"\n"},
        {.name = "w", .type = SK_VAL_NUM, .v.n = 2.0},
    };
    const size_t n = sizeof v / sizeof *v;
    sk_buf b = {0};
    assert_int_equal(sk_values_json(&b, v, n), 0);
    assert_string_equal(b.data, "{\"b\": true, \"d\": -12, \"l\": [\"a\", \"b\\\"c\"], \"n\": 0.1, "
                                "\"s\": \"R\u00e5d \\\"x\\\"\\n\", \"w\": 2.0}");
    sk_value *back = NULL;
    size_t nback = 0;
    assert_int_equal(sk_values_parse(b.data, &back, &nback), 0);
    assert_int_equal(nback, n);
    sk_buf again = {0};
    assert_int_equal(sk_values_json(&again, back, nback), 0);
    assert_string_equal(again.data, b.data);
    assert_int_equal(back[5].type, SK_VAL_NUM); /* 2.0 stays a number, not an integer */
    assert_true(back[3].v.n == 0.1);
    sk_values_free(back, nback);
    sk_buf_free(&again);
    sk_buf_free(&b);
    /* no values: an empty object; not finite: no JSON at all */
    assert_int_equal(sk_values_json(&b, NULL, 0), 0);
    assert_string_equal(b.data, "{}");
    sk_buf_free(&b);
    sk_value inf = {.name = "x", .type = SK_VAL_NUM, .v.n = 1.0 / 0.0};
    assert_int_equal(sk_values_json(&b, &inf, 1), 1);
    assert_null(b.data);
    /* what is no object of values does not read */
    static const char *const BAD[] = {"[1]", "{\"x\": {}}", "{\"x\": [1]}", "{\"x\": null}", "no json", "{\"x\": 1, \"x\": 2}"};
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        assert_int_equal(sk_values_parse(BAD[i], &back, &nback), 1);
        assert_null(back);
    }
    /* the JSON report carries them beside the message */
    sk_finding f = {.rule = "XX-01", .severity = SK_SEV_ERROR, .message = "step 4 is late", .file = "a.yaml",
                    .line = 1, .column = 1, .path = "x", .message_id = "late", .data = v + 1, .ndata = 1};
    sk_unit_result u = {.hsa_id = "SE-1", .findings = &f, .nfindings = 1};
    sk_result res = {.tool_version = SK_VERSION, .as_of = "2027-04-10", .fail_on = SK_SEV_ERROR, .units = &u,
                     .nunits = 1};
    sk_errors_init(&res.errors);
    sk_errors_init(&res.warnings);
    for (size_t i = 0; i < 2; i++) {
        char *text = report(i ? "jsonl" : "json", &res);
        has(text, "\"owner\": null, \"message_id\": \"late\", \"data\": {\"d\": -12}");
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_result_every_format),
        cmocka_unit_test(waived_and_hostile_text),
        cmocka_unit_test(known_waived_and_controls_every_format),
        cmocka_unit_test(stable_paths),
        cmocka_unit_test(check_judges_nothing),
        cmocka_unit_test(xml_escaping),
        cmocka_unit_test(values_json_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
