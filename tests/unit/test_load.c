/* test_load.c: the loader keeps positions and rejects every invalid class
 * FORMAT.md names, each with file:line:column and a clear message, while
 * the valid documents beside an invalid one are kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

typedef struct loaded {
    sk_docset *ds;
    sk_errors errs;
} loaded;

static loaded load(const char *text)
{
    loaded l = {.ds = sk_docset_new(NULL)};
    sk_errors_init(&l.errs);
    assert_non_null(l.ds);
    sk_load_buffer(l.ds, "t.yaml", text, strlen(text), &l.errs);
    return l;
}

static void done(loaded *l)
{
    sk_docset_free(l->ds);
    sk_errors_free(&l->errs);
}

/* Asserts exactly one error, at line:col, whose message contains part. */
static void expect_error(const char *text, int line, int col, const char *part)
{
    loaded l = load(text);
    if (l.errs.count != 1)
        fail_msg("expected one error containing '%s', got %zu (first: %s)", part, l.errs.count,
                 l.errs.count ? l.errs.items[0].message : "none");
    const sk_error *e = &l.errs.items[0];
    assert_int_equal(e->kind, SK_ERR_INPUT);
    assert_string_equal(e->file, "t.yaml");
    if (!strstr(e->message, part))
        fail_msg("message '%s' lacks '%s'", e->message, part);
    assert_int_equal(e->line, line);
    assert_int_equal(e->column, col);
    assert_int_equal(sk_docset_count(l.ds), 0);
    done(&l);
}

#define PLAN "kind: communication-plan\nversion: 1\nunit: {hsa_id: SE1-V1}\n"

static void positions_are_kept(void **state)
{
    (void)state;
    loaded l = load(PLAN "target_groups:\n  - id: a\n    owner: Karin Ek\n  - id: b\n");
    assert_int_equal(l.errs.count, 0);
    assert_int_equal(sk_docset_count(l.ds), 1);
    const sk_doc *d = &l.ds->docs[0];
    assert_string_equal(d->kind, "communication-plan");
    assert_string_equal(d->hsa_id, "SE1-V1");
    const sk_pair *tg = sk_node_pair(d->root, "target_groups");
    assert_non_null(tg);
    assert_int_equal(tg->line, 4);
    assert_int_equal(tg->column, 1);
    const sk_node *second = tg->value->v.seq.items[1];
    assert_int_equal(second->line, 7);
    assert_int_equal(second->column, 5);
    const sk_pair *owner = sk_node_pair(tg->value->v.seq.items[0], "owner");
    assert_int_equal(owner->line, 6);
    assert_int_equal(owner->column, 5);
    assert_int_equal(owner->value->type, SK_NODE_STR);
    done(&l);
}

static void scalars_are_typed_by_the_schema(void **state)
{
    (void)state;
    loaded l = load("kind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE1-V1}\n"
                    "launch_date: 2027-03-01\ngoals: [{target: 40}, {target: 2.5}]\n"
                    "staff: [{hsa_assignment: true}]\nservice: 1177\nx_budget: 12000\n");
    assert_int_equal(l.errs.count, 0);
    const sk_node *root = l.ds->docs[0].root;
    assert_int_equal(sk_node_get(root, "launch_date")->type, SK_NODE_DATE);
    const sk_node *goals = sk_node_get(root, "goals");
    assert_int_equal(sk_node_get(goals->v.seq.items[0], "target")->type, SK_NODE_INT);
    assert_int_equal(sk_node_get(goals->v.seq.items[1], "target")->type, SK_NODE_NUM);
    assert_int_equal(sk_node_get(root, "service")->type, SK_NODE_STR); /* a text field stays text */
    assert_int_equal(sk_node_get(root, "x_budget")->type, SK_NODE_INT); /* x_ keys: YAML's own types */
    assert_int_equal(sk_node_get(root, "x_budget")->v.i, 12000);
    done(&l);
}

/* Null and boolean words are told by their exact text (a word one letter
 * longer or shorter, or quoted, is no such word); keys are found in any
 * order, the schema's or another. */
static void words_and_keys_in_any_order(void **state)
{
    (void)state;
    loaded l = load(PLAN "owner: Null\ntitle: nulls\npurpose: \"null\"\ngoal: NUll\nservice: ''\n"
                    "faq: {location: ~, exists: TRUE}\naccessibility: {plain_language: False}\n"
                    "target_groups: [{support: True, audience: external, id: a}]\n");
    assert_int_equal(l.errs.count, 0);
    const sk_node *root = l.ds->docs[0].root;
    assert_int_equal(sk_node_get(root, "owner")->type, SK_NODE_NULL);
    assert_int_equal(sk_node_get(root, "title")->type, SK_NODE_STR);
    assert_int_equal(sk_node_get(root, "purpose")->type, SK_NODE_STR);
    assert_int_equal(sk_node_get(root, "goal")->type, SK_NODE_STR);
    assert_int_equal(sk_node_get(root, "service")->type, SK_NODE_STR); /* quoted: a text */
    const sk_node *faq = sk_node_get(root, "faq");
    assert_int_equal(sk_node_get(faq, "location")->type, SK_NODE_NULL);
    assert_int_equal(sk_node_get(faq, "exists")->v.b, 1);
    assert_int_equal(sk_node_get(sk_node_get(root, "accessibility"), "plain_language")->v.b, 0);
    const sk_node *tg = sk_node_get(root, "target_groups")->v.seq.items[0];
    assert_int_equal(sk_node_get(tg, "support")->type, SK_NODE_BOOL);
    done(&l);
    expect_error(PLAN "faq: {exists: Trues}\n", 4, 15, "expected true or false, found 'Trues' in faq.exists");
    expect_error(PLAN "faq: {exists: tru}\n", 4, 15, "expected true or false, found 'tru'");
    expect_error(PLAN "faq: {exists: \"true\"}\n", 4, 15, "expected true or false");
    expect_error(PLAN "target_groups: [{audience: externals}]\n", 4, 28, "'externals' is not an allowed value");
    expect_error(PLAN "target_groups: [{audience: extern}]\n", 4, 28, "'extern' is not an allowed value");
    expect_error(PLAN "faq: {location: x, exist: true}\n", 4, 20, "unknown key 'exist' in faq (did you mean 'exists'?)");
}

static void malformed_yaml(void **state)
{
    (void)state;
    expect_error(PLAN "title: [unclosed\n", 5, 1, "YAML syntax error");
}

static void not_utf8(void **state)
{
    (void)state;
    /* the position is the byte that starts the broken sequence, \xe5 */
    expect_error(PLAN "title: V\xe5rdcentralen\n", 4, 9, "not valid UTF-8");
}

static void no_document(void **state)
{
    (void)state;
    expect_error("# only a comment\n", 1, 1, "no document");
}

static void duplicate_key(void **state)
{
    (void)state;
    expect_error(PLAN "owner: A\nowner: B\n", 5, 1, "duplicate key 'owner' (first at line 4)");
}

static void unknown_key_suggests(void **state)
{
    (void)state;
    expect_error(PLAN "target_groups:\n  - id: a\n    chanels: [APT]\n", 6, 5,
                 "unknown key 'chanels' in target_groups[1] (did you mean 'channels'?)");
}

static void wrong_type(void **state)
{
    (void)state;
    expect_error(PLAN "target_groups: {id: a}\n", 4, 16, "expected a list but found a map in target_groups");
}

static void closed_vocabulary(void **state)
{
    (void)state;
    expect_error(PLAN "target_groups:\n  - stance: hinder\n", 5, 13,
                 "'hinder' is not an allowed value in target_groups[1].stance (allowed: enabler, obstacle, neutral)");
}

static void impossible_date(void **state)
{
    (void)state;
    expect_error(PLAN "launch_date: 2027-02-30\n", 4, 14, "expected a real date");
    expect_error(PLAN "launch_date: 2027-02-29\n", 4, 14, "expected a real date");
    expect_error(PLAN "launch_date: 2027-03-01T10:00:00\n", 4, 14, "expected a real date");
    loaded l = load(PLAN "launch_date: 2028-02-29\n");
    assert_int_equal(l.errs.count, 0);
    done(&l);
}

static void unknown_kind(void **state)
{
    (void)state;
    expect_error("kind: budget-plan\nversion: 1\n", 1, 7, "unknown kind 'budget-plan'");
}

static void wrong_version(void **state)
{
    (void)state;
    expect_error("kind: communication-plan\nversion: 2\nunit: {hsa_id: X}\n", 2, 10, "unsupported version '2'");
    expect_error("kind: communication-plan\nunit: {hsa_id: X}\n", 1, 1, "no 'version'");
}

static void missing_hsa_id(void **state)
{
    (void)state;
    expect_error("kind: unit-onboarding\nversion: 1\nunit: {name: Visby}\n", 3, 7,
                 "needs unit.hsa_id");
    /* a strategy without unit forms a unit of its own, keyed by organisation */
    loaded l = load("kind: social-media-strategy\nversion: 1\norganisation: Regionshospitalet Randers\n");
    assert_int_equal(l.errs.count, 0);
    assert_string_equal(l.ds->docs[0].hsa_id, "Regionshospitalet Randers");
    done(&l);
}

static void out_of_range_numbers(void **state)
{
    (void)state;
    expect_error("kind: social-media-strategy\nversion: 1\norganisation: R\nmaturity: {current: 7}\n", 4, 21,
                 "7 is out of range 1..5");
    expect_error("kind: unit-onboarding\nversion: 1\nunit: {hsa_id: X}\ngoals: [{target: .nan}]\n", 4,
                 18, "expected a number");
    expect_error("kind: unit-onboarding\nversion: 1\nunit: {hsa_id: X}\n"
                 "routines: {data_retention: {max_days: 99999999999999999999}}\n",
                 4, 39, "integer too large");
}

static void alias_bomb_is_capped(void **state)
{
    (void)state;
    sk_buf b = {0};
    sk_buf_puts(&b, PLAN "x_a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++)
        sk_buf_printf(&b, "x_%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", c, c, c - 1,
                      c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
    loaded l = load(b.data);
    assert_int_equal(l.errs.count, 1);
    assert_non_null(strstr(l.errs.items[0].message, "after expanding aliases"));
    assert_int_equal(sk_docset_count(l.ds), 0);
    done(&l);
    sk_buf_free(&b);
}

static void deep_nesting_is_capped(void **state)
{
    (void)state;
    sk_buf b = {0};
    sk_buf_puts(&b, PLAN "x_deep: ");
    for (int i = 0; i < 100000; i++)
        sk_buf_puts(&b, "[");
    for (int i = 0; i < 100000; i++)
        sk_buf_puts(&b, "]");
    sk_buf_puts(&b, "\n");
    loaded l = load(b.data);
    assert_int_equal(l.errs.count, 1);
    assert_non_null(strstr(l.errs.items[0].message, "nesting deeper than 64"));
    done(&l);
    sk_buf_free(&b);
}

static void invalid_document_keeps_the_others(void **state)
{
    (void)state;
    loaded l = load(PLAN "owner: A\n---\nkind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE1-V1}\n"
                    "staff: [{roles: [boss]}]\n---\n" PLAN "owner: B\n");
    assert_int_equal(l.errs.count, 1);
    assert_string_equal(l.errs.items[0].unit, "SE1-V1"); /* the unit is known to be incomplete */
    assert_int_equal(l.errs.items[0].line, 9);
    assert_int_equal(sk_docset_count(l.ds), 2);
    done(&l);
}

static void x_keys_are_kept_anywhere(void **state)
{
    (void)state;
    loaded l = load(PLAN "x_budget: {sek: 10}\ntarget_groups:\n  - id: a\n    x_note: fri text\n");
    assert_int_equal(l.errs.count, 0);
    done(&l);
}

static void tags_and_merge_keys_are_refused(void **state)
{
    (void)state;
    expect_error(PLAN "owner: !!python/object x\n", 4, 8, "YAML tags are not supported");
    expect_error(PLAN "x_a: &a {owner: A}\nfaq:\n  <<: *a\n", 6, 3, "merge keys");
}

/* A copy of a field's node (its value and type; its text dies with the
 * docset), after asserting the document loaded without error. */
static sk_node field(const char *text, const char *key)
{
    loaded l = load(text);
    if (l.errs.count != 0)
        fail_msg("unexpected error: %s", l.errs.items[0].message);
    const sk_node *root = l.ds->docs[0].root;
    const sk_node *goals = sk_node_get(root, "goals");
    const sk_node *n = goals ? sk_node_get(goals->v.seq.items[0], key) : sk_node_get(root, key);
    assert_non_null(n);
    sk_node copy = *n;
    copy.text = NULL;
    done(&l);
    return copy;
}

#define ONB "kind: unit-onboarding\nversion: 1\nunit: {hsa_id: X}\n"

static void dates_at_the_edges(void **state)
{
    (void)state;
    expect_error(PLAN "launch_date: 1899-12-31\n", 4, 14, "(1900-9999), found '1899-12-31'");
    expect_error(PLAN "launch_date: 10000-01-01\n", 4, 14, "(1900-9999), found '10000-01-01'");
    expect_error(PLAN "launch_date: 2027-1-5\n", 4, 14, "found '2027-1-5'");
    expect_error(PLAN "launch_date: 2027-03-01 10:00:00\n", 4, 14, "expected a real date");
    expect_error(PLAN "launch_date: 2027-03-01T10:00:00Z\n", 4, 14, "expected a real date");
    expect_error(PLAN "launch_date: 2100-02-29\n", 4, 14, "expected a real date"); /* not a leap year */
    const char *ok[] = {"1900-01-01", "9999-12-31", "2000-02-29", "2028-02-29", NULL};
    for (const char **d = ok; *d; d++) {
        char text[256];
        snprintf(text, sizeof text, PLAN "launch_date: %s\n", *d);
        assert_int_equal(field(text, "launch_date").type, SK_NODE_DATE);
        assert_true(sk_date_valid(*d, strlen(*d)));
    }
    assert_false(sk_date_valid("2027-02-29", 10));
    assert_false(sk_date_valid("1899-12-31", 10));
    assert_false(sk_date_valid("2027-02-2", 9));
    assert_int_equal(sk_date_days("1970-01-02"), 1);
    assert_int_equal(sk_date_days("1900-01-01"), -25567);
    assert_int_equal(sk_date_days("9999-12-31"), 2932896);
    assert_true(sk_date_days("2027-02-29") == INT64_MIN);
}

static void numbers_at_the_edges(void **state)
{
    (void)state;
    /* a number field (goals[].target): finite decimals only */
    expect_error(ONB "goals: [{target: .inf}]\n", 4, 18, "expected a number");
    expect_error(ONB "goals: [{target: -.inf}]\n", 4, 18, "expected a number");
    expect_error(ONB "goals: [{target: .NaN}]\n", 4, 18, "expected a number");
    expect_error(ONB "goals: [{target: 1e999}]\n", 4, 18, "number out of range");
    expect_error(ONB "goals: [{target: -1e999}]\n", 4, 18, "number out of range");
    sk_node n = field(ONB "goals: [{target: 1e308}]\n", "target");
    assert_int_equal(n.type, SK_NODE_NUM);
    assert_true(n.v.n == 1e308);
    n = field(ONB "goals: [{target: 9223372036854775807}]\n", "target");
    assert_int_equal(n.type, SK_NODE_INT);
    assert_true(n.v.i == INT64_MAX);
    /* just above INT64_MAX: no longer an integer, still a (rounded) number */
    n = field(ONB "goals: [{target: 9223372036854775808}]\n", "target");
    assert_int_equal(n.type, SK_NODE_NUM);
    assert_true(n.v.n == 9223372036854775808.0);
    /* an integer field (max_days): just above INT64_MAX overflows, below it is out of range */
    expect_error(ONB "routines: {data_retention: {max_days: 9223372036854775808}}\n", 4, 39,
                 "integer too large");
    expect_error(ONB "routines: {data_retention: {max_days: -9223372036854775809}}\n", 4, 39,
                 "integer too large");
    expect_error(ONB "routines: {data_retention: {max_days: 9223372036854775807}}\n", 4, 39,
                 "out of range 0..1000000");
    expect_error(ONB "routines: {data_retention: {max_days: 1e3}}\n", 4, 39, "expected an integer");
    /* x_ keys take YAML's own types: what is no finite number stays text */
    assert_int_equal(field(ONB "x_a: .inf\n", "x_a").type, SK_NODE_STR);
    assert_int_equal(field(ONB "x_a: .NaN\n", "x_a").type, SK_NODE_STR);
    assert_int_equal(field(ONB "x_a: 1e999\n", "x_a").type, SK_NODE_STR);
    assert_int_equal(field(ONB "x_a: 9223372036854775808\n", "x_a").type, SK_NODE_NUM);
    assert_int_equal(field(ONB "x_a: 2027-02-29\n", "x_a").type, SK_NODE_STR);
}

/* A UTF-8 byte order mark (Notepad writes one) is no part of the document. */
static void byte_order_mark_is_skipped(void **state)
{
    (void)state;
    loaded l = load("\xEF\xBB\xBF" PLAN "owner: Karin Ek\n");
    assert_int_equal(l.errs.count, 0);
    assert_int_equal(sk_docset_count(l.ds), 1);
    assert_string_equal(l.ds->docs[0].hsa_id, "SE1-V1");
    assert_int_equal(l.ds->docs[0].root->line, 1);
    assert_int_equal(l.ds->docs[0].root->column, 1);
    done(&l);
    /* and positions after it count from the first character */
    expect_error("\xEF\xBB\xBF" PLAN "owner: [a\n", 5, 1, "YAML syntax error");
}

/* hsa_id: ~ (or null, or nothing) is a missing hsa_id: no unit named "~". */
static void null_hsa_id_names_no_unit(void **state)
{
    (void)state;
    static const char *const NULLS[] = {"~", "null", "Null", "NULL", "", NULL};
    for (const char *const *v = NULLS; *v; v++) {
        char text[256];
        snprintf(text, sizeof text, "kind: unit-onboarding\nversion: 1\nunit:\n  hsa_id: %s\n  name: X\n", *v);
        loaded l = load(text);
        assert_int_equal(sk_docset_count(l.ds), 0);
        assert_int_equal(l.errs.count, 1);
        assert_non_null(strstr(l.errs.items[0].message, "needs unit.hsa_id"));
        assert_null(l.errs.items[0].unit); /* the error belongs to no unit */
        sk_unitset *us = sk_group(l.ds, &l.errs);
        assert_int_equal(sk_unitset_count(us), 0);
        sk_unitset_free(us);
        done(&l);
    }
    /* a quoted "~" is a text like any other */
    loaded l = load("kind: unit-onboarding\nversion: 1\nunit: {hsa_id: \"~\"}\n");
    assert_int_equal(sk_docset_count(l.ds), 1);
    assert_string_equal(l.ds->docs[0].hsa_id, "~");
    done(&l);
}

/* Duplicate keys are found per map, in maps of any size, at their first line. */
static void duplicate_keys_in_large_maps(void **state)
{
    (void)state;
    sk_buf b = {0};
    sk_buf_puts(&b, PLAN "x_big:\n");
    for (int i = 0; i < 20000; i++)
        sk_buf_printf(&b, "  k%d: {same: 1, other: 2}\n", i); /* the same keys in other maps */
    sk_buf_puts(&b, "  k777: 3\n");
    assert_false(b.failed);
    expect_error(b.data, 20005, 3, "duplicate key 'k777' (first at line 782)");
    /* in maps of every size around the one where the keys go into the hash table */
    for (int keys = 1; keys <= 30; keys++) {
        for (int again = 0; again < keys; again += keys > 3 ? keys / 3 : 1) {
            b.len = 0;
            sk_buf_puts(&b, PLAN "x_map:\n");
            for (int i = 0; i < keys; i++)
                sk_buf_printf(&b, "  k%d: %d\n", i, i);
            sk_buf_printf(&b, "  k%d: again\n", again);
            char want[64];
            snprintf(want, sizeof want, "duplicate key 'k%d' (first at line %d)", again, 5 + again);
            expect_error(b.data, 5 + keys, 3, want);
        }
    }
    sk_buf_free(&b);
    /* the same key in two documents is no duplicate */
    loaded l = load(PLAN "owner: a\n---\n" PLAN "owner: b\n");
    assert_int_equal(l.errs.count, 0);
    assert_int_equal(sk_docset_count(l.ds), 2);
    done(&l);
}

/* A docset keeps the loader's hash table and stack from file to file: the
 * keys and anchors of one file are none of the next one's, and a file that
 * failed halfway leaves nothing behind. */
static void files_of_one_docset_are_loaded_apart(void **state)
{
    (void)state;
    sk_buf big = {0}, small = {0};
    sk_buf_puts(&big, PLAN "x_big:\n");
    for (int i = 0; i < 40; i++) /* beyond SMALL_MAP: its keys go into the hash table */
        sk_buf_printf(&big, "  k%d: &a%d {k%d: 1, deep: [{k%d: 2}]}\n", i, i, i, i);
    sk_buf_puts(&small, PLAN "x_small: {k1: *a1}\n");
    assert_false(big.failed || small.failed);
    sk_docset *ds = sk_docset_new(NULL);
    assert_non_null(ds);
    sk_errors errs;
    sk_errors_init(&errs);
    for (int round = 0; round < 3; round++) {
        assert_int_equal(sk_load_buffer(ds, "big.yaml", big.data, big.len, &errs), 0);
        /* a file that breaks inside its nested collections */
        assert_int_equal(sk_load_buffer(ds, "bad.yaml", PLAN "x_a: {b: [{c: 1}, {c: 1, c: 2}]}\n",
                                        strlen(PLAN "x_a: {b: [{c: 1}, {c: 1, c: 2}]}\n"), &errs), 1);
        assert_int_equal(sk_load_buffer(ds, "big.yaml", big.data, big.len, &errs), 0);
        /* the anchor a1 is big.yaml's, not this file's */
        assert_int_equal(sk_load_buffer(ds, "small.yaml", small.data, small.len, &errs), 1);
    }
    assert_int_equal(errs.count, 6);
    for (size_t i = 0; i < errs.count; i++)
        assert_non_null(strstr(errs.items[i].message, i % 2 ? "unknown alias '*a1'" : "duplicate key 'c'"));
    assert_int_equal(sk_docset_count(ds), 6);
    sk_errors_free(&errs);
    sk_docset_free(ds);
    sk_buf_free(&big);
    sk_buf_free(&small);
}

/* A later anchor of the same name replaces the earlier one; anchors are the
 * document's own; many anchors are found by name. */
static void anchors_by_name(void **state)
{
    (void)state;
    loaded l = load(PLAN "x_a: &n first\nx_b: &n second\nowner: *n\n");
    assert_int_equal(l.errs.count, 0);
    assert_string_equal(sk_node_get(l.ds->docs[0].root, "owner")->text, "second");
    done(&l);
    expect_error(PLAN "x_a: &n first\n---\n" PLAN "owner: *n\n", 9, 8, "unknown alias '*n'");
    sk_buf b = {0};
    sk_buf_puts(&b, PLAN "x_list:\n");
    for (int i = 0; i < 20000; i++)
        sk_buf_printf(&b, "  - &a%d v%d\n", i, i);
    sk_buf_puts(&b, "owner: *a12345\n");
    l = load(b.data);
    assert_int_equal(l.errs.count, 0);
    assert_string_equal(sk_node_get(l.ds->docs[0].root, "owner")->text, "v12345");
    done(&l);
    sk_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_are_kept),
        cmocka_unit_test(byte_order_mark_is_skipped),
        cmocka_unit_test(null_hsa_id_names_no_unit),
        cmocka_unit_test(duplicate_keys_in_large_maps),
        cmocka_unit_test(files_of_one_docset_are_loaded_apart),
        cmocka_unit_test(anchors_by_name),
        cmocka_unit_test(scalars_are_typed_by_the_schema),
        cmocka_unit_test(words_and_keys_in_any_order),
        cmocka_unit_test(malformed_yaml),
        cmocka_unit_test(not_utf8),
        cmocka_unit_test(no_document),
        cmocka_unit_test(duplicate_key),
        cmocka_unit_test(unknown_key_suggests),
        cmocka_unit_test(wrong_type),
        cmocka_unit_test(closed_vocabulary),
        cmocka_unit_test(impossible_date),
        cmocka_unit_test(unknown_kind),
        cmocka_unit_test(wrong_version),
        cmocka_unit_test(missing_hsa_id),
        cmocka_unit_test(out_of_range_numbers),
        cmocka_unit_test(alias_bomb_is_capped),
        cmocka_unit_test(deep_nesting_is_capped),
        cmocka_unit_test(invalid_document_keeps_the_others),
        cmocka_unit_test(x_keys_are_kept_anywhere),
        cmocka_unit_test(tags_and_merge_keys_are_refused),
        cmocka_unit_test(dates_at_the_edges),
        cmocka_unit_test(numbers_at_the_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
