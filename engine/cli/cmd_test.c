/* cmd_test.c: `startklar test [DIR...]`: runs every rule's fixtures. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

int cmd_test(int argc, char **argv)
{
    options o = {0};
    char builtin[PATH_MAX];
    int rc = parse_options("test", argc, argv, &o);
    if (rc)
        return rc;
    const char *def[] = {builtin_plugins(builtin, sizeof builtin)};
    const char *const *dirs = optind < argc ? (const char *const *)(argv + optind) : def;
    size_t n = optind < argc ? (size_t)(argc - optind) : 1;
    int broken_catalogue;
    sk_catalogue *cat = cli_catalogue(&broken_catalogue);
    if (broken_catalogue)
        return 2;
    sk_test_options x = {.timing = o.timing ? sk_timing_new() : NULL, .coverage = o.coverage,
                         .coverage_min = o.coverage_min};
    if (o.timing && !x.timing) {
        sk_catalogue_free(cat);
        cli_fail("out of memory");
        return 2;
    }
    rc = sk_test_fixtures_with(dirs, n, NULL, o.verbose, def[0], cat, stdout, &x);
    if (x.timing && sk_timing_write(x.timing, 0, cat, stderr))
        rc = 2;
    sk_timing_free(x.timing);
    sk_catalogue_free(cat);
    return rc;
}

