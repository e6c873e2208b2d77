/* test_registry.c: loading plugins. Metadata is checked field by field, a
 * broken plugin is reported by file and line and left out, and every other
 * plugin still loads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "startklar/authoring.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/sk-registry-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_plugin(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

#define GOOD(id) "return { id = '" id "', severity = 'info', applies_to = 'unit', title = 't',\n" \
                 "  check = function() end }\n"

/* Loads dir with the plugin text as bad.lua next to a good plugin; expects
 * one error naming bad.lua at line, containing part. */
static void expect_broken(const char *text, int line, const char *part)
{
    write_plugin("a_good.lua", GOOD("OK-01"));
    write_plugin("bad.lua", text);
    sk_errors errs;
    sk_errors_init(&errs);
    const char *dirs[] = {dir};
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_non_null(r);
    if (errs.count != 1)
        fail_msg("expected one error containing '%s', got %zu (first: %s)", part, errs.count,
                 errs.count ? errs.items[0].message : "none");
    assert_int_equal(errs.items[0].kind, SK_ERR_PLUGIN);
    assert_non_null(strstr(errs.items[0].file, "bad.lua"));
    if (!strstr(errs.items[0].message, part))
        fail_msg("message '%s' lacks '%s'", errs.items[0].message, part);
    assert_int_equal(errs.items[0].line, line);
    assert_int_equal(sk_rules_count(r), 1);
    assert_string_equal(sk_rules_get(r, 0)->id, "OK-01");
    sk_rules_free(r);
    sk_errors_free(&errs);
    char path[128];
    snprintf(path, sizeof path, "%s/bad.lua", dir);
    unlink(path);
}

static void syntax_error(void **s)
{
    (void)s;
    expect_broken("return {\n  id = 'X-01',\n  title = 'a' 'b'\n}\n", 3, "syntax error");
}

static void syntax_error_quotes_the_line(void **s)
{
    (void)s;
    expect_broken("return {\n  id = 'X-01',\n    title = 'a' 'b'   \n}\n", 3,
                  "; the line reads: `title = 'a' 'b'`");
    /* a long line is cut, never inside a UTF-8 character */
    char text[512] = "return {\n  title = 'a' ";
    for (int i = 0; i < 100; i++)
        strcat(text, "\xc3\xa5");
    strcat(text, " 'b'\n}\n");
    expect_broken(text, 2, "; the line reads: `title = 'a' ");
    write_plugin("bad.lua", text);
    sk_errors errs;
    sk_errors_init(&errs);
    const char *dirs[] = {dir};
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_int_equal(errs.count, 1);
    const char *quote = strstr(errs.items[0].message, "`title");
    assert_non_null(quote);
    assert_non_null(strstr(quote, "...`"));
    assert_true(strlen(quote) <= 1 + 120 + 4);
    assert_int_equal((unsigned char)strstr(quote, "...`")[-1], 0xa5); /* a whole "å" before the cut */
    sk_rules_free(r);
    sk_errors_free(&errs);
}

static void syntax_error_at_the_end_quotes_nothing(void **s)
{
    (void)s;
    expect_broken("return {\n  id = 'X-01',\n", 3, "syntax error");
    write_plugin("bad.lua", "return {\n  id = 'X-01',\n");
    sk_errors errs;
    sk_errors_init(&errs);
    const char *dirs[] = {dir};
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_int_equal(errs.count, 1);
    assert_null(strstr(errs.items[0].message, "the line reads"));
    sk_rules_free(r);
    sk_errors_free(&errs);
}

static void runtime_error_while_loading(void **s)
{
    (void)s;
    expect_broken("local x = nil\nreturn x.y\n", 2, "plugin failed while loading");
}

static void returns_nothing(void **s)
{
    (void)s;
    expect_broken("local x = 1\nreturn 42\n", 2, "must return a rule table");
}

static void bad_id(void **s)
{
    (void)s;
    expect_broken("return { id = 'got01', severity = 'info', applies_to = 'unit', title = 't',\n"
                  "  check = function() end }\n", 1, "rule field 'id' must look like GOT-01");
}

static void bad_severity(void **s)
{
    (void)s;
    expect_broken("return { id = 'GOT-01', applies_to = 'unit', title = 't',\n"
                  "  severity = 'fatal',\n  check = function() end }\n", 2,
                  "'severity' must be one of: error, warning, info");
}

static void bad_applies_to(void **s)
{
    (void)s;
    expect_broken("return { id = 'GOT-01', severity = 'info', title = 't',\n"
                  "  applies_to = 'budget',\n  check = function() end }\n", 2, "'applies_to' must be one of: unit");
}

static void missing_check(void **s)
{
    (void)s;
    expect_broken("return { id = 'GOT-01', severity = 'info', applies_to = 'unit', title = 't' }\n", 1,
                  "missing the field 'check'");
}

static void check_not_a_function(void **s)
{
    (void)s;
    expect_broken("return { id = 'GOT-01', severity = 'info', applies_to = 'unit', title = 't',\n"
                  "  check = 'yes' }\n", 2, "'check' must be a function");
}

static void unknown_field_suggests(void **s)
{
    (void)s;
    expect_broken("return { id = 'GOT-01', severity = 'info', applies_to = 'unit', title = 't',\n"
                  "  check = function() end,\n  severty = 'x' }\n", 3, "unknown field 'severty' (did you mean 'severity'?)");
}

static void duplicate_id(void **s)
{
    (void)s;
    expect_broken(GOOD("OK-01"), 2, "rule id 'OK-01' is already defined");
}

static void loops_while_loading(void **s)
{
    (void)s;
    expect_broken("while true do end\n", 1, "rule stopped");
}

static void many_rules_in_one_file_sorted(void **s)
{
    (void)s;
    write_plugin("a_good.lua", "return {\n" GOOD("ZZ-02") ",\n" GOOD("AA-01") "}\n");
    char fixed[4096];
    /* GOOD() ends with a newline after its closing brace: strip the leading return */
    snprintf(fixed, sizeof fixed, "return {\n%s,\n%s}\n", GOOD("ZZ-02") + 7, GOOD("AA-01") + 7);
    write_plugin("a_good.lua", fixed);
    sk_errors errs;
    sk_errors_init(&errs);
    const char *dirs[] = {dir};
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_int_equal(errs.count, 0);
    assert_int_equal(sk_rules_count(r), 2);
    assert_string_equal(sk_rules_get(r, 0)->id, "AA-01");
    assert_string_equal(sk_rules_get(r, 1)->id, "ZZ-02");
    sk_rules_free(r);
    sk_errors_free(&errs);
}

static void builtin_rules_have_metadata(void **s)
{
    (void)s;
    const char *dirs[] = {SK_PLUGINS};
    sk_errors errs;
    sk_errors_init(&errs);
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_int_equal(errs.count, 0);
    assert_true(sk_rules_count(r) >= 4);
    for (size_t i = 0; i < sk_rules_count(r); i++) {
        const sk_rule_info *info = sk_rules_get(r, i);
        assert_non_null(info->title);
        assert_non_null(info->explain);
        assert_true(info->line > 0);
    }
    sk_rules_free(r);
    sk_errors_free(&errs);
}

/* Every requirement of REQUIREMENTS.md has exactly one built-in rule, and no
 * built-in rule is outside them but UN-03, which startklar adds (docs/gating.md);
 * the list is kept in tests/data. */
static void builtin_rules_are_the_requirements(void **s)
{
    (void)s;
    FILE *f = fopen(SK_TESTS_DATA "/requirement-ids.txt", "r");
    assert_non_null(f);
    char wanted[64][16];
    size_t n = 0;
    while (n < 64 && fscanf(f, "%15s", wanted[n]) == 1)
        n++;
    fclose(f);
    assert_int_equal(n, 62 + 1);
    const char *dirs[] = {SK_PLUGINS};
    sk_errors errs;
    sk_errors_init(&errs);
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_int_equal(errs.count, 0);
    /* both lists are sorted: compare them item by item */
    for (size_t i = 0; i < n && i < sk_rules_count(r); i++)
        if (strcmp(wanted[i], sk_rules_get(r, i)->id) != 0)
            fail_msg("requirement %s, built-in rule %s", wanted[i], sk_rules_get(r, i)->id);
    assert_int_equal(sk_rules_count(r), n);
    sk_rules_free(r);
    sk_errors_free(&errs);
}

/* ---- texts per language and messages by id (RULE-API.md Revision 2) ---- */

static void texts_per_language(void **s)
{
    (void)s;
    write_plugin("t.lua", "return { id = 'TX-01', severity = 'info', applies_to = 'unit',\n"
                          "  title = { sv = 'Rubrik', en = 'Title' }, explain = 'as written',\n"
                          "  messages = { b = { en = 'B {x}' }, a = { sv = 'A {x:roles}', en = 'A {x:roles}' } },\n"
                          "  check = function() end }\n");
    sk_errors errs;
    sk_errors_init(&errs);
    const char *dirs[] = {dir};
    sk_rules *r = sk_rules_load(dirs, 1, NULL, &errs);
    assert_int_equal(errs.count, 0);
    sk_rule_info *info = &r->rules[0].info;
    assert_string_equal(info->title, "Title");
    sk_rule_info_lang(info, "sv");
    assert_string_equal(info->title, "Rubrik");
    assert_string_equal(info->explain, "as written");
    assert_int_equal(info->nmessages, 2);
    assert_string_equal(info->messages[0].id, "a"); /* sorted */
    assert_string_equal(info->messages[0].texts.items[0].lang, "en");
    /* a message only in English falls back to English in Swedish */
    const sk_text *t = sk_texts_pick(&sk_rule_message(info, "b")->texts, "sv");
    assert_string_equal(t->lang, "en");
    sk_rules_free(r);
    sk_errors_free(&errs);
}

static void texts_must_be_languages(void **s)
{
    (void)s;
    expect_broken("return { id = 'TX-02', severity = 'info', applies_to = 'unit',\n"
                  "  title = { english = 'x' }, check = function() end }\n",
                  2, "rule field 'title' must be a non-empty string or a table of languages");
    expect_broken("return { id = 'TX-03', severity = 'info', applies_to = 'unit', title = 't',\n"
                  "  messages = { m = { en = 3 } }, check = function() end }\n",
                  2, "has a message 'm' that is not");
}

static void render_values(void **s)
{
    (void)s;
    char *items[] = {"response_24_7", "posts"};
    sk_value v[] = {
        {.name = "d", .type = SK_VAL_INT, .v.i = 3},
        {.name = "f", .type = SK_VAL_LIST, .v.list = {items, 2}},
        {.name = "p", .type = SK_VAL_NUM, .v.n = 25.34},
        {.name = "r", .type = SK_VAL_STR, .v.s = "practitioner"},
    };
    const char *tmpl = "{r:roles}: {f:features}; {p:percent} {p:number} {d:days} {{x}}";
    sk_buf sv = {0}, en = {0}, why = {0};
    assert_int_equal(sk_render(&sv, tmpl, "sv", v, 4, &why), 0);
    assert_string_equal(sv.data, "behandlare: svar dygnet runt, årets alla dagar, inlägg; 25,3\u00a0% 25,3 3 dagar {x}");
    assert_int_equal(sk_render(&en, tmpl, "en", v, 4, &why), 0);
    assert_string_equal(en.data, "practitioner: response_24_7, posts; 25.3% 25.3 3 days {x}");
    sk_buf out = {0};
    assert_int_equal(sk_render(&out, "{missing} {r:nope}", "en", v, 4, &why), 2);
    assert_string_equal(out.data, "{missing} practitioner");
    assert_non_null(strstr(why.data, "no value for {missing}"));
    assert_non_null(strstr(why.data, "unknown format in {r:nope}"));
    sk_buf_free(&sv), sk_buf_free(&en), sk_buf_free(&why), sk_buf_free(&out);
}

/* ---- the engine's texts by exact key (i18n.c) ---- */

static void error_keeps_format_and_arguments(void **s)
{
    (void)s;
    sk_errors e;
    sk_errors_init(&e);
    assert_int_equal(sk_errors_add(&e, SK_ERR_INPUT, "f.yaml", 1, 2, "%lld is out of range %lld..%lld in %s",
                                   12LL, 1LL, 5LL, "x.y"), 0);
    const sk_error *x = &e.items[0];
    assert_string_equal(x->message, "12 is out of range 1..5 in x.y");
    assert_string_equal(x->format, "%lld is out of range %lld..%lld in %s");
    assert_int_equal(x->nargs, 4);
    assert_string_equal(x->args[3], "x.y");
    /* a copy keeps them */
    sk_errors copy;
    sk_errors_init(&copy);
    assert_int_equal(sk_errors_copy(&copy, x), 0);
    assert_string_equal(copy.items[0].args[0], "12");
    sk_catalogue *c = sk_catalogue_load("sv", 0, &e);
    assert_non_null(c);
    char *t = sk_translate_error(c, &copy.items[0]);
    assert_string_equal(t, "12 ligger utanför intervallet 1..5 i x.y");
    free(t);
    /* an argument that is itself a text of the catalogue is translated */
    sk_errors_add(&copy, SK_ERR_INPUT, NULL, 0, 0, "expected %s but found %s", "an integer", "a list");
    t = sk_translate_error(c, &copy.items[1]);
    assert_string_equal(t, "förväntade ett heltal men hittade en lista");
    free(t);
    assert_string_equal(sk_plural(c, "%zu unit: ", "%zu units: ", 1), "%zu enhet: ");
    assert_string_equal(sk_plural(c, "%zu unit: ", "%zu units: ", 2), "%zu enheter: ");
    assert_string_equal(sk_plural(NULL, "%zu unit: ", "%zu units: ", 2), "%zu units: ");
    assert_string_equal(sk_label(c, "NOT READY"), "INTE REDO");
    sk_catalogue_free(c);
    sk_errors_free(&copy);
    sk_errors_free(&e);
}

static void nearest_is_one_measure(void **s)
{
    (void)s;
    const char *ids[] = {"CP-01", "CP-09", "ON-11"};
    assert_string_equal(sk_closest("CP-99", ids, 3), "CP-09");
    assert_null(sk_closest("XX-77", ids, 3));
    sk_nearest n = {.word = "chanels"};
    sk_nearest_try(&n, "channels");
    sk_nearest_try(&n, "owner");
    assert_string_equal(sk_nearest_get(&n), "channels");
}

/* ---- the vocabularies (vocab.c) ---- */

/* Every closed vocabulary of the schema (FORMAT.md, 1.1 included) has its
 * words in English and Swedish, from the one table. */
static void walk_enums(const sk_shape *s, int *n)
{
    switch (sk_shape_type_of(s)) {
    case SK_SHAPE_ENUM: {
        const char *const *words = sk_shape_vocab(s);
        if (!sk_vocab_of(words))
            fail_msg("no vocabulary has exactly the values %s, ...", words[0]);
        for (const char *const *w = words; *w; w++) {
            const char *sv = sk_vocab_word(words, *w, "sv"), *en = sk_vocab_word(words, *w, "en");
            if (!sv || !en || !*sv || !*en)
                fail_msg("'%s' has no word in sv or en", *w);
        }
        (*n)++;
        break;
    }
    case SK_SHAPE_MAP:
        for (size_t i = 0; i < sk_shape_nfields(s); i++)
            walk_enums(sk_shape_field_shape(s, i), n);
        break;
    case SK_SHAPE_LIST:
    case SK_SHAPE_DICT:
        walk_enums(sk_shape_item(s), n);
        break;
    default:
        break;
    }
}

static void every_vocabulary_has_words(void **s)
{
    (void)s;
    int n = 0;
    for (size_t i = 0; sk_schema_kind(i); i++)
        walk_enums(sk_schema_root(sk_schema_kind(i)), &n);
    assert_true(n >= 10);
    /* every vocabulary the messages may name has a Swedish word for each value */
    for (const sk_vocab *v = sk_vocabs; v->name; v++)
        for (const sk_vocab_entry *w = v->words; w->value; w++)
            if (!w->sv || !*w->sv || !w->en || !*w->en)
                fail_msg("%s: '%s' lacks a word", v->name, w->value);
    const char *const levels[] = {"0", "1", "2", "3", "4", "5", NULL};
    assert_string_equal(sk_vocab_word(levels, "3", "sv"), "dialog – proaktivt förhållningssätt");
    assert_string_equal(sk_vocab_word(levels, "4", "sv"), "brukarmedverkan på organisationsnivå");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(syntax_error, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(syntax_error_quotes_the_line, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(syntax_error_at_the_end_quotes_nothing, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(runtime_error_while_loading, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(returns_nothing, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(bad_id, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(bad_severity, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(bad_applies_to, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(missing_check, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(check_not_a_function, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(unknown_field_suggests, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(duplicate_id, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(loops_while_loading, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(many_rules_in_one_file_sorted, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(texts_per_language, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(texts_must_be_languages, make_dir, remove_dir),
        cmocka_unit_test(render_values),
        cmocka_unit_test(error_keeps_format_and_arguments),
        cmocka_unit_test(nearest_is_one_measure),
        cmocka_unit_test(every_vocabulary_has_words),
        cmocka_unit_test(builtin_rules_have_metadata),
        cmocka_unit_test(builtin_rules_are_the_requirements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
