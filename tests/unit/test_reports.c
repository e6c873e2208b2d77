/* test_reports.c: the report writers on results the command line cannot
 * make yet: an empty run, a unit without a name, a waived finding, text
 * with every character a format must escape and bytes that are not UTF-8,
 * rules unknown to the result. Every format must write it whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static const char *const FORMATS[] = {"text", "json", "jsonl", "sarif", "junit", "csv", "markdown", "html"};

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
            has(text, "<testsuites name=\"startklar\">\n</testsuites>\n");
        } else if (strcmp(FORMATS[i], "csv") == 0) {
            assert_string_equal(text, "\xEF\xBB\xBFunit,unit_name,status,rule,severity,file,line,column,path,"
                                      "message,waived,launch_date,days_to_launch,rollout\r\n");
        } else if (strcmp(FORMATS[i], "markdown") == 0) {
            has(text, "| Units | 0 |");
        } else if (strcmp(FORMATS[i], "html") == 0) {
            has(text, "</html>\n");
            has(text, "<p>No findings.</p></div>");
        }
        free(text);
    }
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
    has(sarif, "\"suppressions\": [{\"kind\": \"external\", \"justification\": \"\"}]");
    lacks(sarif, "ruleIndex"); /* rules the run does not know */
    has(sarif, "\"text\": \"a|b <i>\\\"q\\\", x\\nnext \\ufffd end & 'å'\"");
    has(sarif, "\"uri\": \"a/plan.yaml\"");
    has(sarif, "\"uri\": \"b.yaml\"");
    free(sarif);

    char *junit = report("junit", &res);
    lacks(junit, "<failure"); /* waived: not a failure, and the warning is below the level */
    has(junit, "<testsuite id=\"0\" name=\"SE-1\" tests=\"2\" failures=\"0\" errors=\"0\"");
    has(junit, "a/plan.yaml:3:2 error XX-01 owner missing [owner] (waived)\n");
    has(junit, "a|b &lt;i&gt;&quot;q&quot;, x\nnext \xEF\xBF\xBD end &amp; &#39;å&#39;");
    has(junit, "<testcase classname=\"input\" name=\"b.yaml:1:1\">");
    free(junit);

    char *csv = report("csv", &res);
    has(csv, "\r\nSE-1,,pass,XX-01,error,a/plan.yaml,3,2,owner,owner missing,true,,,ready\r\n");
    has(csv, ",\"a|b <i>\"\"q\"\", x\nnext \xEF\xBF\xBD end & 'å'\",false,,,ready\r\n");
    has(csv, ",,error,,error,b.yaml,1,1,,input error: bad <yaml>,,,,\r\n");
    free(csv);

    char *md = report("markdown", &res);
    has(md, "## SE-1: ready\n");
    has(md, "| a/plan.yaml:9:5 | warning | XX-02 | a\\|b \\<i\\>\"q\", x<br>next \xEF\xBF\xBD end & 'å' |\n");
    has(md, "owner missing (waived) |");
    has(md, "| Units | 1 |");
    free(md);

    char *html = report("html", &res);
    has(html, "data-id=\"SE-1\" data-name=\"SE-1\" data-status=\"pass\"");
    has(html, "<tr class=\"waived\">");
    has(html, "<span class=\"badge\">waived</span>");
    has(html, "a|b &lt;i&gt;&quot;q&quot;, x\nnext \xEF\xBF\xBD end &amp; &#39;å&#39;");
    has(html, "bad &lt;yaml&gt;");
    lacks(html, "<i>");
    free(html);

    sk_summary_free(&res.summary);
    sk_errors_free(&res.errors);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_result_every_format),
        cmocka_unit_test(waived_and_hostile_text),
        cmocka_unit_test(xml_escaping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
