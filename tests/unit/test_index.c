/* test_index.c: the batch index hands out the same units, with the same
 * files in the same order, whether it sorts in memory or spills runs to
 * temporary files and merges them (in one merge or in several rounds);
 * a file shared by units is owned by the least key; the shards split the
 * units; an unwritable TMPDIR is an error with its reason, never a crash.
 * No unit is lost: documents after any YAML line break are found, a file
 * that changed between the passes (or names other units than pass 1 found)
 * is an error naming it, a file named twice is read once; a unit named
 * otherwise in two files gets the name of the first in path order and a
 * warning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define UNITS 90

static char root[64];

static void write_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    /* parent directories, one level at a time */
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0755);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *ONE =
    "kind: unit-onboarding\nversion: 1\nunit: {name: Enhet, hsa_id: %s}\nservice: Stöd och behandling\n";

/* A corpus: UNITS units of one or two files, written in an order unlike
 * their keys; one unit split over two folders; one file with two units'
 * documents; a file no unit owns (broken YAML). */
static void make_corpus(void)
{
    snprintf(root, sizeof root, "/tmp/sk-test-index-XXXXXX");
    assert_non_null(mkdtemp(root));
    char rel[128], text[512];
    for (int u = 0; u < UNITS; u++) {
        int key = (u * 37) % UNITS; /* folders and keys in different orders */
        snprintf(rel, sizeof rel, "d%02d/onboarding.yaml", u);
        char id[32];
        snprintf(id, sizeof id, "SE2321000222-K%03d", key);
        snprintf(text, sizeof text, ONE, id);
        write_file(rel, text);
        if (u % 3 == 0) {
            snprintf(rel, sizeof rel, "d%02d/plan.yml", u);
            write_file(rel, text);
        }
    }
    snprintf(text, sizeof text, ONE, "SE2321000222-K005");
    write_file("zz/split/onboarding.yaml", text); /* K005's second folder */
    char two[1024];
    snprintf(two, sizeof two, "%s---\n", text);
    size_t len = strlen(two);
    snprintf(two + len, sizeof two - len, ONE, "SE2321000222-K001");
    write_file("aa/shared.yaml", two); /* K001 and K005: K001 owns it */
    write_file("aa/broken.yaml", "kind: [unclosed\n");
}

static void remove_corpus(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

static char *listing_of(const char *const *paths, size_t npaths, size_t memory, unsigned shards,
                        unsigned shard, size_t *files, sk_errors *errs);

/* Every unit of an index as text: "key|file*|file{start-end@line}..." ("*": owns;
 * the spans of its documents in a file of several units), one a line. */
static char *listing(size_t memory, unsigned shards, unsigned shard, size_t *files, sk_errors *errs)
{
    const char *paths[] = {root};
    return listing_of(paths, 1, memory, shards, shard, files, errs);
}

static char *listing_of(const char *const *paths, size_t npaths, size_t memory, unsigned shards,
                        unsigned shard, size_t *files, sk_errors *errs)
{
    sk_limits l = sk_limits_default();
    l.index_memory = memory;
    sk_index_options o = {.paths = paths, .npaths = npaths, .limits = &l, .jobs = 2,
                          .shards = shards, .shard = shard};
    sk_index *ix = sk_index_build(&o, errs);
    assert_non_null(ix);
    sk_buf out = {0};
    sk_index_unit u = {0};
    size_t n = 0;
    int r;
    while ((r = sk_index_next(ix, &u, errs)) == 1) {
        sk_buf_puts(&out, u.text.data);
        for (size_t i = 0; i < u.nfiles; i++) {
            const char *path = u.text.data + u.at[i];
            sk_buf_printf(&out, "|%s%s", path, u.owns[i] ? "*" : "");
            /* the spans of its documents in a file of several units: {start-end@line} */
            for (size_t k = 0; k < u.nspans[i]; k++) {
                uint64_t n[3];
                memcpy(n, path + strlen(path) + 1 + 3 * k * sizeof *n, sizeof n);
                sk_buf_printf(&out, "{%llu-%llu@%llu}", (unsigned long long)n[0], (unsigned long long)n[1],
                              (unsigned long long)n[2]);
            }
        }
        sk_buf_puts(&out, "\n");
        n++;
    }
    assert_int_equal(r, 0);
    assert_int_equal(n, sk_index_units(ix));
    *files = sk_index_files(ix); /* after pass 2: each real file once */
    sk_index_unit_free(&u);
    sk_index_free(ix);
    sk_buf_puts(&out, "");
    assert_false(out.failed);
    return out.data;
}

static void spilled_index_equals_the_one_in_memory(void **state)
{
    (void)state;
    make_corpus();
    sk_errors e1, e2, e3;
    sk_errors_init(&e1), sk_errors_init(&e2), sk_errors_init(&e3);
    size_t f1, f2, f3;
    char *in_memory = listing(64u << 20, 0, 0, &f1, &e1);
    char *one_merge = listing(2048, 0, 0, &f2, &e2); /* a few runs */
    char *rounds = listing(1, 0, 0, &f3, &e3);       /* a run per record: merges in rounds */
    assert_string_equal(in_memory, one_merge);
    assert_string_equal(in_memory, rounds);
    assert_int_equal(f1, UNITS + UNITS / 3 + 3);
    assert_int_equal(f1, f2);
    assert_int_equal(f1, f3);
    /* the broken file is reported by the index (nobody owns it), once per run */
    assert_int_equal(e1.count, 1);
    assert_int_equal(e2.count, 1);
    assert_int_equal(e3.count, 1);
    assert_non_null(strstr(e1.items[0].file, "aa/broken.yaml"));

    /* keys in order, each unit once, the split unit with both folders in path order */
    size_t lines = 0;
    const char *prev = NULL;
    for (const char *p = in_memory; *p; p = strchr(p, '\n') + 1, lines++) {
        if (prev)
            assert_true(strncmp(prev, p, 20) < 0);
        prev = p;
    }
    assert_int_equal(lines, UNITS);
    char want[512];
    /* K005 reads only its document of the shared file: bytes, not characters ("Stöd") */
    char k005[512];
    snprintf(k005, sizeof k005, ONE, "SE2321000222-K005");
    snprintf(want, sizeof want, "SE2321000222-K005|%s/aa/shared.yaml{0-%zu@0}|", root, strlen(k005));
    const char *k5 = strstr(in_memory, want);
    assert_non_null(k5);
    assert_true(strstr(k5, "/zz/split/onboarding.yaml*") < strchr(k5, '\n'));
    snprintf(want, sizeof want, "SE2321000222-K001|%s/aa/shared.yaml*|", root);
    assert_non_null(strstr(in_memory, want)); /* the least key owns the shared file */

    free(in_memory), free(one_merge), free(rounds);
    sk_errors_free(&e1), sk_errors_free(&e2), sk_errors_free(&e3);
    remove_corpus();
}

static void shards_split_the_units(void **state)
{
    (void)state;
    make_corpus();
    sk_errors e;
    sk_errors_init(&e);
    size_t files;
    char *all = listing(0, 0, 0, &files, &e);
    size_t total = 0;
    for (unsigned s = 1; s <= 3; s++) {
        char *part = listing(1024, 3, s, &files, &e);
        for (const char *p = part; *p; p = strchr(p, '\n') + 1, total++) {
            const char *end = strchr(p, '\n');
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)(end - p + 1), p);
            assert_non_null(strstr(all, line)); /* the same unit, files and owners */
            char key[64];
            snprintf(key, sizeof key, "%.*s", (int)(strchr(p, '|') - p), p);
            assert_int_equal(sk_shard_of(key, 3), s);
        }
        free(part);
    }
    assert_int_equal(total, UNITS);
    free(all);
    sk_errors_free(&e);
    remove_corpus();
}

static void unwritable_tmpdir_is_an_error(void **state)
{
    (void)state;
    make_corpus();
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", "/nonexistent/startklar", 1);
    sk_errors e;
    sk_errors_init(&e);
    size_t files;
    char *none = listing(256, 0, 0, &files, &e);
    assert_string_equal(none, "");
    int found = 0;
    for (size_t i = 0; i < e.count; i++)
        found |= strstr(e.items[i].message, "cannot create the index's temporary file") != NULL &&
                 strstr(e.items[i].message, "No such file or directory") != NULL &&
                 strcmp(e.items[i].file, "/nonexistent/startklar") == 0;
    assert_true(found);
    /* small batches never touch TMPDIR */
    sk_errors_free(&e);
    sk_errors_init(&e);
    char *all = listing(0, 0, 0, &files, &e);
    assert_true(strlen(all) > 0);
    assert_int_equal(e.count, 1); /* the broken file only */
    free(all);
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
    free(none);
    sk_errors_free(&e);
    remove_corpus();
}

static void new_root(void)
{
    snprintf(root, sizeof root, "/tmp/sk-test-index-XXXXXX");
    assert_non_null(mkdtemp(root));
}

/* Two documents of units PREFIX0 and PREFIX1, each line ended by nl. */
static void write_two(const char *rel, const char *nl, const char *prefix)
{
    char text[1024];
    snprintf(text, sizeof text,
             "kind: unit-onboarding%sversion: 1%sunit: {name: Enhet, hsa_id: %s0}%s---%s"
             "kind: unit-onboarding%sversion: 1%sunit: {name: Enhet, hsa_id: %s1}%s",
             nl, nl, prefix, nl, nl, nl, nl, prefix, nl);
    write_file(rel, text);
}

/* CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR, CR LF, and a BOM before the
 * separator: each file's second unit is indexed too. */
static void every_line_break_starts_a_document(void **state)
{
    (void)state;
    new_root();
    write_two("cr.yaml", "\r", "SE2321000222-CR");
    write_two("nel.yaml", "\xC2\x85", "SE2321000222-NEL");
    write_two("ls.yaml", "\xE2\x80\xA8", "SE2321000222-LS");
    write_two("ps.yaml", "\xE2\x80\xA9", "SE2321000222-PS");
    write_two("crlf.yaml", "\r\n", "SE2321000222-CRLF");
    write_file("bom.yaml", "\xEF\xBB\xBFkind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE2321000222-BOM0}\n"
                           "---\nkind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE2321000222-BOM1}\n");
    /* a BOM before a later separator: libyaml refuses the file; the unit its
     * first document names reads it (and reports why, in pass 2), the unit
     * after the failure is never seen */
    write_file("bomsep.yaml", "kind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE2321000222-SEP0}\n"
                              "\xEF\xBB\xBF---\nkind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE2321000222-SEP1}\n");
    sk_errors e;
    sk_errors_init(&e);
    size_t files;
    char *all = listing(0, 0, 0, &files, &e);
    static const char *const UNITS_WANTED[] = {"BOM", "CR", "CRLF", "LS", "NEL", "PS", NULL};
    for (const char *const *p = UNITS_WANTED; *p; p++)
        for (int i = 0; i < 2; i++) {
            char want[64];
            snprintf(want, sizeof want, "SE2321000222-%s%d|", *p, i);
            if (!strstr(all, want))
                fail_msg("unit %s lost; index:\n%s", want, all);
        }
    assert_int_equal(files, 7);
    assert_non_null(strstr(all, "SE2321000222-SEP0|"));
    assert_null(strstr(all, "SEP1"));
    assert_int_equal(e.count, 0);
    free(all);
    sk_errors_free(&e);
    remove_corpus();
}

/* Pass 2 loads a file whose documents name more units than pass 1 recorded
 * (what the quick pass did with CR line breaks): an error of the unit that
 * names the file, and none of its documents; with the right record, all. */
static void a_file_naming_other_units_is_an_error(void **state)
{
    (void)state;
    new_root();
    write_two("cr.yaml", "\r", "SE2321000222-CR");
    char path[256];
    snprintf(path, sizeof path, "%s/cr.yaml", root);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    sk_index_unit u = {0};
    const char *key = "SE2321000222-CR0";
    sk_buf_add(&u.text, key, strlen(key) + 1);
    u.at = malloc(sizeof *u.at), u.owns = malloc(1), u.seen = malloc(sizeof *u.seen);
    u.nspans = calloc(1, sizeof *u.nspans); /* the whole file */
    assert_true(u.at && u.owns && u.seen && u.nspans);
    u.at[0] = u.text.len;
    sk_buf_add(&u.text, path, strlen(path) + 1);
    u.owns[0] = 1;
    u.nfiles = u.cap = 1;
    sk_file_seen_of(&st, &u.seen[0]);
    u.seen[0].keys = sk_hash_string(key); /* one unit only */
    sk_docset *ds = sk_docset_new(NULL);
    sk_errors e;
    sk_errors_init(&e);
    assert_int_equal(sk_index_load(&u, 0, ds, &e), 0);
    assert_int_equal(sk_docset_count(ds), 0);
    assert_int_equal(e.count, 1);
    assert_string_equal(e.items[0].file, path);
    assert_non_null(strstr(e.items[0].message, "changed during the run"));
    assert_string_equal(e.items[0].unit, key);
    sk_errors_free(&e);
    sk_errors_init(&e);
    sk_docset_reset(ds);
    u.seen[0].keys = sk_hash_string(key) + sk_hash_string("SE2321000222-CR1");
    assert_int_equal(sk_index_load(&u, 0, ds, &e), 0);
    assert_int_equal(e.count, 0);
    assert_int_equal(sk_docset_count(ds), 2);
    sk_errors_free(&e);
    sk_docset_free(ds);
    sk_index_unit_free(&u);
    remove_corpus();
}

#define CHANGING_UNITS 30

static const char *changed_path;

/* The progress callback of sk_check: after the first unit is written (with
 * one job, the last units are not checked yet: at most 8 are in flight),
 * the last unit's file is rewritten to name another unit. */
static void edit_a_file(void *ud, size_t done, size_t total)
{
    (void)ud, (void)total;
    if (done != 1)
        return;
    FILE *f = fopen(changed_path, "w");
    assert_non_null(f);
    fprintf(f, ONE, "SE2321000222-K999");
    fclose(f);
}

static int run_check(const char *const *paths, size_t npaths, void (*progress)(void *, size_t, size_t),
                     sk_result *res)
{
    const char *rule_dirs[] = {SK_PLUGINS};
    sk_check_options o = {.paths = paths, .npaths = npaths, .rule_dirs = rule_dirs, .nrule_dirs = 1,
                          .as_of = "2027-04-10", .fail_on = SK_SEV_ERROR, .jobs = 1,
                          .progress = progress};
    int code = sk_check(&o, res);
    assert_true(code >= 0);
    return code;
}

static void a_file_changed_between_the_passes_is_an_error(void **state)
{
    (void)state;
    new_root();
    char rel[64], text[512], id[32];
    for (int i = 0; i < CHANGING_UNITS; i++) {
        snprintf(rel, sizeof rel, "u%02d.yaml", i);
        snprintf(id, sizeof id, "SE2321000222-K%03d", i);
        snprintf(text, sizeof text, ONE, id);
        write_file(rel, text);
    }
    /* the last file holds a second unit, which reads only its own document */
    char two[1024];
    snprintf(two, sizeof two, ONE, "SE2321000222-K029");
    size_t len = strlen(two);
    snprintf(two + len, sizeof two - len, "---\n");
    len = strlen(two);
    snprintf(two + len, sizeof two - len, ONE, "SE2321000222-K030");
    snprintf(rel, sizeof rel, "u%02d.yaml", CHANGING_UNITS - 1);
    write_file(rel, two);
    char path[256];
    snprintf(path, sizeof path, "%s/u%02d.yaml", root, CHANGING_UNITS - 1);
    changed_path = path;
    const char *paths[] = {root};
    sk_result res;
    int code = run_check(paths, 1, edit_a_file, &res);
    assert_int_equal(code, 2);
    int found = 0;
    for (size_t i = 0; i < res.errors.count; i++)
        found += strcmp(res.errors.items[i].file, path) == 0 &&
                 strstr(res.errors.items[i].message, "changed during the run") != NULL;
    assert_int_equal(found, 1);
    /* every unit of pass 1 is reported; the two of the edited file as not judged */
    assert_int_equal(res.nunits, CHANGING_UNITS + 1);
    assert_string_equal(res.units[CHANGING_UNITS - 1].hsa_id, "SE2321000222-K029");
    assert_int_equal(res.units[CHANGING_UNITS - 1].status, SK_UNIT_ERROR);
    assert_string_equal(res.units[CHANGING_UNITS].hsa_id, "SE2321000222-K030");
    assert_int_equal(res.units[CHANGING_UNITS].status, SK_UNIT_ERROR);
    for (size_t i = 0; i + 2 < res.nunits; i++)
        assert_int_not_equal(res.units[i].status, SK_UNIT_ERROR);
    sk_result_free(&res);
    remove_corpus();
}

/* x.yaml and ./x.yaml, a symbolic link to it, and the folder holding them:
 * each real file is read once, at its first name. */
static void a_file_named_twice_is_read_once(void **state)
{
    (void)state;
    new_root();
    char text[1024];
    snprintf(text, sizeof text, ONE, "SE2321000222-X001");
    write_file("x.yaml", text);
    write_two("two.yaml", "\n", "SE2321000222-T"); /* two units in one file */
    write_file("broken.yaml", "kind: [unclosed\n");     /* no unit: the index reports it */
    char x[256], dotx[256], link[256], two[256], broken[256];
    snprintf(broken, sizeof broken, "%s/broken.yaml", root);
    snprintf(x, sizeof x, "%s/x.yaml", root);
    snprintf(dotx, sizeof dotx, "%s/./x.yaml", root);
    snprintf(link, sizeof link, "%s/link.yaml", root);
    snprintf(two, sizeof two, "%s/two.yaml", root);
    assert_int_equal(symlink(x, link), 0);
    const char *paths[] = {x, dotx, two, broken, root, two};
    sk_errors e;
    sk_errors_init(&e);
    size_t files;
    char *all = listing_of(paths, 6, 0, 0, 0, &files, &e);
    char want[1024];
    snprintf(want, sizeof want,
             "SE2321000222-T0|%s*\nSE2321000222-T1|%s{78-160@3}\nSE2321000222-X001|%s*\n", two, two, x);
    assert_string_equal(all, want);
    assert_int_equal(files, 3);
    assert_int_equal(e.count, 1); /* the broken file's error, once */
    assert_string_equal(e.items[0].file, broken);
    free(all);
    sk_errors_free(&e);
    remove_corpus();
}

/* Two files name one unit differently: the name of the first in path order,
 * whatever the order they are given in, and a warning at the other. */
static void two_names_for_a_unit_warn(void **state)
{
    (void)state;
    new_root();
    write_file("b.yaml", "kind: unit-onboarding\nversion: 1\nunit: {name: Alfa, hsa_id: SE2321000222-N001}\n");
    write_file("a.yaml", "kind: communication-plan\nversion: 1\nunit:\n  hsa_id: SE2321000222-N001\n  name: Beta\n");
    char a[256], b[256];
    snprintf(a, sizeof a, "%s/a.yaml", root);
    snprintf(b, sizeof b, "%s/b.yaml", root);
    const char *orders[2][2] = {{a, b}, {b, a}};
    for (int k = 0; k < 2; k++) {
        sk_result res;
        run_check(orders[k], 2, NULL, &res);
        assert_int_equal(res.nunits, 1);
        assert_string_equal(res.units[0].name, "Beta");
        assert_int_equal(res.warnings.count, 1);
        const sk_error *w = &res.warnings.items[0];
        assert_string_equal(w->file, b);
        assert_int_equal(w->line, 3);
        char want[512];
        snprintf(want, sizeof want,
                 "unit SE2321000222-N001 is named 'Alfa' here but 'Beta' at %s:5: the name in the "
                 "first file in path order is used",
                 a);
        assert_string_equal(w->message, want);
        sk_result_free(&res);
    }
    remove_corpus();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spilled_index_equals_the_one_in_memory),
        cmocka_unit_test(shards_split_the_units),
        cmocka_unit_test(unwritable_tmpdir_is_an_error),
        cmocka_unit_test(every_line_break_starts_a_document),
        cmocka_unit_test(a_file_naming_other_units_is_an_error),
        cmocka_unit_test(a_file_changed_between_the_passes_is_an_error),
        cmocka_unit_test(a_file_named_twice_is_read_once),
        cmocka_unit_test(two_names_for_a_unit_warn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
