/* cli.h: what the commands of the startklar binary share: their options,
 * the built-in rules' location, and writing a report. Each command lives in
 * its own cmd_*.c and is listed in main.c's table. */
#ifndef SK_CLI_H
#define SK_CLI_H

#include "startklar/startklar.h"

#include <limits.h>

#define MAX_RULE_DIRS 64

typedef struct options {
    const char *as_of;
    const char *format;
    const char *output;
    sk_severity fail_on;
    const char *rule_dirs[MAX_RULE_DIRS];
    size_t nrule_dirs;
    int no_builtin;
    int verbose;
} options;

/* Parses the flags after the command name; the paths start at optind.
 * Returns 0, or the exit code (2) after printing a usage error. */
int parse_options(int argc, char **argv, options *o);
int usage_error(const char *fmt, const char *arg);
/* The directory of the built-in rules (see common.c). */
const char *builtin_plugins(char *buf, size_t size);
/* Today's date, for --as-of's default. */
void today(char out[11]);
/* Writes the report to -o FILE (atomically) or to standard output. */
int write_report(const options *o, const sk_result *res);

extern const char USAGE[];

int cmd_check(int argc, char **argv);
int cmd_test(int argc, char **argv);

#endif
