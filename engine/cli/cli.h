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
    const char *record; /* --record FILE.db: the history database */
    const char *history; /* --history FILE.db: the trend in the html report */
    const char *unit;   /* --unit HSA-ID (history) */
    char csv_separator; /* 0: by the language (sk_report_options) */
    int timing;         /* --timing: stages and rules timed, on stderr */
    int coverage;       /* test --coverage: the rules' lines the fixtures ran */
    double coverage_min; /* test --coverage-min PCT (0: no minimum) */
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
/* The same with options before, between and after the operands (history,
 * diff): at most max operands go to operands, their count to *n. */
int parse_interleaved(int argc, char **argv, options *o, const char **operands, int max, int *n);
int usage_error(const char *fmt, const char *arg);
/* Says each error on stderr ("startklar: FILE:LINE: message"), in the user's language. */
void cli_print_errors(const sk_errors *errs);
/* The language of messages: --lang, else $LANG (sv...), else English;
 * main() settles it before any command runs (in $STARTKLAR_LANG). NULL for English. */
const char *cli_lang(void);
/* "startklar: " and the message in the user's language (fmt is the English
 * printf format, the catalogue's key), with a newline, to stderr. */
void cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The catalogue of that language (NULL: English); $STARTKLAR_I18N_STRICT marks
 * untranslated texts, for the tests. With broken, a catalogue that does not
 * load is said on stderr and sets *broken; without, English stands in quietly
 * (for the help and usage errors, which must always reach the user). */
sk_catalogue *cli_catalogue(int *broken);
/* The directory of the built-in rules (see common.c). */
const char *builtin_plugins(char *buf, size_t size);
/* The directory of the shipped profiles (rules/), found like the plugins. */
const char *builtin_profiles(char *buf, size_t size);
/* Today's date, for --as-of's default. */
void today(char out[11]);
/* Opens the report's destination; 0, or -1 after printing why. */
int output_open(output *out, const char *path);
/* Closes it; ok = the report is whole: only then does FILE appear. 0 or -1. */
int output_close(output *out, int ok);

extern const char USAGE[];
extern const char USAGE_ROLLOUT[];
/* The help text, in the user's language. Returns 0. */
int print_help(FILE *out);

int cmd_check(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_completion(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_lsp(int argc, char **argv);
/* The example value `init KIND` writes for a path ("target_groups[].owner"),
 * as YAML, or NULL (cmd_init.c; the language server's "insert the missing field"). */
const char *init_example(const char *path);

/* 0 when kind is a document kind (or "unit", when allow_unit); else prints
 * a usage error naming the kinds (kinds.c) and returns -1. */
int check_kind(const char *kind, int allow_unit, int allow_policy);

#endif
