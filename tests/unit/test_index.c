/* test_index.c: the batch index hands out the same units, with the same
 * files in the same order, whether it sorts in memory or spills runs to
 * temporary files and merges them (in one merge or in several rounds);
 * a file shared by units is owned by the least key; the shards split the
 * units; an unwritable TMPDIR is an error with its reason, never a crash. */
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

/* Every unit of an index as text: "key|file*|file|..." ("*": owns), one a line. */
static char *listing(size_t memory, unsigned shards, unsigned shard, size_t *files, sk_errors *errs)
{
    sk_limits l = sk_limits_default();
    l.index_memory = memory;
    const char *paths[] = {root};
    sk_index_options o = {.paths = paths, .npaths = 1, .limits = &l, .jobs = 2,
                          .shards = shards, .shard = shard};
    sk_index *ix = sk_index_build(&o, errs);
    assert_non_null(ix);
    *files = sk_index_files(ix);
    sk_buf out = {0};
    sk_index_unit u = {0};
    size_t n = 0;
    int r;
    while ((r = sk_index_next(ix, &u, errs)) == 1) {
        sk_buf_puts(&out, u.text.data);
        for (size_t i = 0; i < u.nfiles; i++)
            sk_buf_printf(&out, "|%s%s", u.text.data + u.at[i], u.owns[i] ? "*" : "");
        sk_buf_puts(&out, "\n");
        n++;
    }
    assert_int_equal(r, 0);
    assert_int_equal(n, sk_index_units(ix));
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
    snprintf(want, sizeof want, "SE2321000222-K005|%s/aa/shared.yaml|", root);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spilled_index_equals_the_one_in_memory),
        cmocka_unit_test(shards_split_the_units),
        cmocka_unit_test(unwritable_tmpdir_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
