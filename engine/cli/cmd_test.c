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
    rc = sk_test_fixtures(dirs, n, NULL, o.verbose, def[0], cat, stdout);
    sk_catalogue_free(cat);
    return rc;
}

