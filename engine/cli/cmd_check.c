/* cmd_check.c: `startklar check PATH...`: the whole pipeline over the given
 * files and directories, then one report. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

int cmd_check(int argc, char **argv)
{
    options o = {.format = "text", .fail_on = SK_SEV_ERROR};
    char date[11], builtin[PATH_MAX];
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc;
    if (optind >= argc)
        return usage_error("check needs at least one file or directory%s", "");
    if (!o.as_of) {
        today(date);
        o.as_of = date;
    }
    const char *dirs[MAX_RULE_DIRS];
    size_t ndirs = 0;
    if (!o.no_builtin)
        dirs[ndirs++] = builtin_plugins(builtin, sizeof builtin);
    for (size_t i = 0; i < o.nrule_dirs; i++)
        dirs[ndirs++] = o.rule_dirs[i];

    sk_check_options co = {
        .paths = (const char *const *)(argv + optind),
        .npaths = (size_t)(argc - optind),
        .rule_dirs = dirs,
        .nrule_dirs = ndirs,
        .as_of = o.as_of,
        .fail_on = o.fail_on,
    };
    sk_result res;
    int code = sk_check(&co, &res);
    if (code < 0) {
        fprintf(stderr, "startklar: out of memory\n");
        sk_result_free(&res);
        return 2;
    }
    if (write_report(&o, &res))
        code = 2;
    sk_result_free(&res);
    return code;
}

