/* cli.h: what the commands of the startklar binary share: their options,
 * the built-in rules' location, and writing a report. Each command lives in
 * its own cmd_*.c and is listed in main.c's table. */
#ifndef SK_CLI_H
#define SK_CLI_H

#include "startklar/startklar.h"

#include <limits.h>
#include <stdio.h>
#include <time.h>

#define MAX_RULE_DIRS 64
#define MAX_GLOBS 64

/* The settings a configuration file may give (config.c). */
typedef enum config_key { K_RULES, K_PROFILE, K_WAIVERS, K_BASELINE, K_LANG, K_FAIL_ON, K_INCLUDE, K_EXCLUDE, NKEYS } config_key;
/* options.source[k] of a value the command line gave */
extern const char SOURCE_COMMAND_LINE[];

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
    const char *rule, *kind; /* init --rule ID --kind KIND */
    const char *exclude[MAX_GLOBS], *include[MAX_GLOBS];
    size_t nexclude, ninclude;
    const char *stdin_name;     /* --stdin-filename: what "-" is called in the report */
    const char *color;          /* --color auto|always|never; NULL: auto */
    int quiet;                  /* --quiet */
    long max_warnings;          /* --max-warnings N; -1: no limit */
    const char *config;         /* the configuration file read, or NULL */
    const char *source[NKEYS];  /* where each setting came from: SOURCE_COMMAND_LINE, the
                                   configuration file, or NULL (the default) */
    char store[8192];           /* the configuration's values, resolved */
    size_t used;
} options;

/* The configuration file the command line names or the working directory
 * is under (NULL: none), with buf as room for the found path. */
const char *config_file_path(int argc, char **argv, char *buf, size_t size);
/* The lang the configuration file sets, copied into buf, or NULL. */
const char *config_lang(int argc, char **argv, char *buf, size_t size);
/* Reads the configuration file into o for the settings the command line did
 * not give. 0, or 2 after saying what is wrong with the file. */
int config_apply(options *o, int argc, char **argv);
/* A copy of a and b joined, in o->store; NULL when full. */
const char *keep_text(options *o, const char *a, const char *b);

/* ---- the command line's tables (commands.c) ---- */

/* the commands, as bits: which commands an option belongs to */
enum {
    C_CHECK = 1u << 0, C_AUDIT = 1u << 1, C_TEST = 1u << 2, C_RULES = 1u << 3, C_INIT = 1u << 4,
    C_SCHEMA = 1u << 5, C_COMPLETION = 1u << 6, C_HELP = 1u << 7, C_VERSION = 1u << 8, C_CONFIG = 1u << 9,
    C_HISTORY = 1u << 10, C_DIFF = 1u << 11, C_LSP = 1u << 12,
};

/* what parse_options does with an option */
typedef enum option_id {
    O_AS_OF = 256, O_FORMAT, O_OUTPUT, O_FAIL_ON, O_RULES, O_NO_BUILTIN, O_PROFILE, O_ONLY, O_SKIP,
    O_WAIVERS, O_BASELINE, O_WRITE_BASELINE, O_JOBS, O_SHARD, O_VERBOSE, O_RULE, O_KIND, O_LANG, O_TIMEZONE, O_HELP,
    O_CONFIG, O_NO_CONFIG, O_EXCLUDE, O_STDIN_FILENAME, O_QUIET, O_MAX_WARNINGS, O_COLOR,
    O_RECORD, O_HISTORY, O_UNIT, O_CSV_SEPARATOR, O_STDIO, O_TIMING, O_COVERAGE, O_COVERAGE_MIN,
} option_id;

typedef struct cli_option {
    const char *name;  /* "format": --format */
    char letter;       /* 'o': -o; 0: none */
    const char *arg;   /* its argument's placeholder ("FILE", "sv|en"); NULL: a flag */
    const char *help;  /* one line, English (the catalogue's key) */
    unsigned commands; /* C_* bits of the commands that take it */
    option_id id;
} cli_option;

#define MAX_USAGES 3
typedef struct cli_command {
    const char *name;
    unsigned bit;
    int (*run)(int argc, char **argv);
    const char *usage[MAX_USAGES][2];     /* {what follows the name, what it does} */
    const char *examples;                 /* lines without "startklar "; NULL: none */
} cli_command;

/* Both end with an entry whose name is NULL. */
const cli_command *cli_commands(void);
const cli_option *cli_options(void);
const cli_command *cli_command_named(const char *name);
/* the command a mistyped word is closest to, or NULL */
const char *cli_nearest_command(const char *word);
void print_global_help(FILE *out, const sk_catalogue *cat);
void print_command_help(FILE *out, const sk_catalogue *cat, const cli_command *c);
/* The help of a command to out; -1 when there is no such command. */
int help_of(const char *command, FILE *out);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);

/* Where a report goes: standard output, or -o FILE through a temporary file
 * renamed into place only when the report is whole. */
typedef struct output {
    FILE *f;
    char tmp[PATH_MAX];
    const char *path;
} output;

/* Parses the options of command (a name in the table) anywhere among its
 * operands (GNU permutation; "--" ends the options), --opt=value and
 * --opt value alike; the operands are argv[optind..argc). --help prints the
 * command's help and exits 0. Returns 0, or the exit code (2) after
 * printing a usage error (with "did you mean" for a mistyped option). */
int parse_options(const char *command, int argc, char **argv, options *o);
int usage_error(const char *fmt, const char *arg);
/* "Try 'startklar help COMMAND'." (or 'startklar help' when command is NULL)
 * on stderr; returns 2. */
int usage_hint(const char *command);
/* The same for a command whose operands are not paths (history, diff): at
 * most max operands, wherever they stand, go to operands, their count to *n;
 * argv[0] is the command's name. */
int parse_interleaved(int argc, char **argv, options *o, const char **operands, int max, int *n);
/* Says each error on stderr ("startklar: FILE:LINE: message"), in the user's language. */
void cli_print_errors(const sk_errors *errs);
/* Says one error on stderr as "FILE:LINE:COLUMN: LABEL: message" (no 0 of
 * an unknown line or column; file, when e names none), label and message
 * in cat's language, then its traceback if any. */
void cli_print_labelled(const sk_catalogue *cat, const sk_error *e, const char *file, const char *label);
/* The language of messages: --lang, else $LANG (sv...), else English;
 * main() settles it before any command runs (in $STARTKLAR_LANG). NULL for English. */
const char *cli_lang(void);
/* "startklar: " and the message in the user's language (fmt is the English
 * printf format, the catalogue's key), with a newline, to stderr. */
void cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The message in the user's language (fmt is the English printf format, the
 * catalogue's key, with its own newline), to stdout. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The catalogue of that language (NULL: English); $STARTKLAR_I18N_STRICT marks
 * untranslated texts, for the tests. With broken, a catalogue that does not
 * load is said on stderr and sets *broken; without, English stands in quietly
 * (for the help and usage errors, which must always reach the user). */
sk_catalogue *cli_catalogue(int *broken);
/* The directory of the built-in rules (see common.c). */
const char *builtin_plugins(char *buf, size_t size);
/* The rule directories the flags name, in the order every command loads them:
 * the built-in plugins (in builtin, PATH_MAX bytes) unless --no-builtin, then
 * each --rules DIR. Returns how many it put in dirs (at most MAX_RULE_DIRS). */
size_t rule_dir_list(const options *o, char *builtin, const char **dirs);
/* The rules of those directories, loaded (no profile applied); their errors
 * are added to errs. NULL when out of memory. */
sk_rules *load_flag_rules(const options *o, sk_errors *errs);
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

/* "text, json, ...": the formats the library writes, into buf. */
const char *format_list(char *buf, size_t size);
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
int cmd_config(int argc, char **argv);

/* ---- on a terminal (terminal.c) ---- */

/* Whether the report is in colour: --color always|never, else (auto) not
 * with NO_COLOR set and not empty, yes with FORCE_COLOR (not 0), not with
 * TERM=dumb, else when it goes to a terminal. */
int use_color(const char *flag, int to_terminal);

#define PROGRESS_SAMPLES 20 /* a quarter second apart: the rate of the last 5 seconds */
typedef struct progress_sample {
    double t;
    size_t done;
} progress_sample;
typedef struct progress {
    struct timespec start;
    progress_sample samples[PROGRESS_SAMPLES];
    size_t nsamples, head;
    double drawn; /* when the line was last drawn */
    int shown;    /* the line is on the terminal now */
    int width;
} progress;
void progress_start(progress *p);
/* sk_check_options.progress: "  1234/5000 units  310/s  0:12 left" on stderr */
void progress_show(void *ud, size_t done, size_t total);
/* Erases the line, if shown. */
void progress_end(progress *p);
/* A stream to write the report to when standard output is the terminal that
 * shows the progress: each write erases the line first. NULL: write to
 * stdout as usual. */
FILE *progress_report_stream(progress *p);

/* 0 when kind is a document kind, a policy kind (when allow_policy) or
 * also (NULL: none; "config" for init, "unit" for a rule's --kind); else
 * prints a usage error with "did you mean" naming those kinds (kinds.c) and
 * returns -1. */
int check_kind(const char *kind, int allow_policy, const char *also);

#endif
