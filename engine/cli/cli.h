/* cli.h: what the commands of the startklar binary share: their options,
 * the built-in rules' location, and writing a report. Each command lives in
 * its own cmd_*.c and is listed in main.c's table. */
#ifndef SK_CLI_H
#define SK_CLI_H

#include "startklar/startklar.h"

#include <limits.h>
#include <stdio.h>

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
    unsigned jobs;          /* 0: not given */
    unsigned shard, shards; /* --shard I/N */
    const char *profile;    /* a name in rules/ or a path */
    const char *only, *skip;
    const char *waivers[MAX_RULE_DIRS];
    size_t nwaivers;
    const char *baseline, *write_baseline;
} options;

/* Where a report goes: standard output, or -o FILE through a temporary file
 * renamed into place only when the report is whole. */
typedef struct output {
    FILE *f;
    char tmp[PATH_MAX];
    const char *path;
} output;

/* Parses the flags after the command name; the paths start at optind.
 * Returns 0, or the exit code (2) after printing a usage error. */
int parse_options(int argc, char **argv, options *o);
int usage_error(const char *fmt, const char *arg);
/* The language of messages: --lang, else $LANG (sv...), else English;
 * main() settles it before any command runs (in $STARTKLAR_LANG). NULL for English. */
const char *cli_lang(void);
/* The catalogue of that language (NULL: English); $STARTKLAR_I18N_STRICT marks
 * untranslated texts, for the tests. With broken, a catalogue that does not
 * load is said on stderr and sets *broken; without, English stands in quietly
 * (for the help and usage errors, which must always reach the user). */
sk_catalogue *cli_catalogue(int *broken);
/* The directory of the built-in rules (see common.c). */
const char *builtin_plugins(char *buf, size_t size);
/* The directory of the shipped profiles (rules/), found like the plugins. */
const char *builtin_profiles(char *buf, size_t size);
/* --as-of's default: today's date in the timezone main() settled
 * ($STARTKLAR_TZ, in TZ). 0, or 2 after a usage error (an unknown zone). */
int today(char out[11]);
/* Whether tz names a zone of the system's database (or is UTC). */
int timezone_known(const char *tz);
#define DEFAULT_TIMEZONE "Europe/Stockholm"
/* Opens the report's destination; 0, or -1 after printing why. FILE must be
 * a new path or a regular file that is none of the inputs (the paths the run
 * reads; a YAML file below one of them counts). The report goes to a new
 * temporary file beside it, removed on SIGINT, SIGTERM or SIGHUP. */
int output_open(output *out, const char *path, const char *const *inputs, size_t ninputs);
/* Closes it; ok = the report is whole: only then does FILE appear. 0 or -1. */
int output_close(output *out, int ok);

extern const char USAGE[];
/* The help text, in the user's language. Returns 0. */
int print_help(FILE *out);

int cmd_check(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_schema(int argc, char **argv);

/* 0 when kind is a document kind (or "unit", when allow_unit); else prints
 * a usage error naming the kinds (kinds.c) and returns -1. */
int check_kind(const char *kind, int allow_unit, int allow_policy);

#endif
