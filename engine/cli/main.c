/* main.c: the startklar command line, a thin layer over libstartklar: it
 * parses flags, finds the built-in rules, and hands everything else to the
 * library. Exit codes: 0 ready, 1 not ready, 2 not judged or bad usage. */
#define _GNU_SOURCE
#include "startklar/startklar.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef SK_SOURCE_PLUGINS
#define SK_SOURCE_PLUGINS "plugins"
#endif

#define MAX_RULE_DIRS 64

static const char USAGE[] =
    "Usage: startklar COMMAND [OPTIONS] [PATH...]\n"
    "\n"
    "Checks that a care unit's launch paperwork holds up (communication plan,\n"
    "onboarding checklist, social-media strategy) and reports every gap with\n"
    "file:line.\n"
    "\n"
    "Commands:\n"
    "  check PATH...       check YAML files (a directory means every *.yaml/*.yml in it)\n"
    "  test [DIR...]       run the fixtures of the rules in DIR (default: the built-in rules)\n"
    "  help                show this text\n"
    "  version             show the version\n"
    "\n"
    "Options of check:\n"
    "  --as-of YYYY-MM-DD  the date to judge against (default: today)\n"
    "  --format F          text (default), json or jsonl\n"
    "  --fail-on LEVEL     error (default), warning, info or never: exit 1 at or above it\n"
    "  --rules DIR         also load the rules in DIR (repeatable)\n"
    "  --no-builtin        do not load the built-in rules\n"
    "  -o FILE             write the report to FILE instead of standard output\n"
    "Options of test:\n"
    "  -v, --verbose       list passing fixtures too\n"
    "\n"
    "Exit codes: 0 every unit is ready, 1 a finding is at or above --fail-on,\n"
    "2 something could not be judged (invalid input, a failing rule, bad usage).\n"
    "\n"
    "Examples:\n"
    "  startklar check --as-of 2027-04-10 examples/\n"
    "  startklar check --format json visby/plan.yaml visby/onboarding.yaml\n"
    "  startklar check --rules region-rules/ --fail-on warning units/\n"
    "  startklar test region-rules/\n";

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

static int usage_error(const char *fmt, const char *arg)
{
    fputs("startklar: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'startklar help'.\n", stderr);
    return 2;
}

/* The built-in rules: $STARTKLAR_PLUGINS, else beside an installed binary
 * (../share/startklar/plugins), else the source tree it was built from. */
static const char *builtin_plugins(char *buf, size_t size)
{
    const char *env = getenv("STARTKLAR_PLUGINS");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int w = snprintf(buf, size, "%s/../share/startklar/plugins", exe);
            struct stat st;
            if (w > 0 && (size_t)w < size && stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
                return buf;
        }
    }
    return SK_SOURCE_PLUGINS;
}

static void today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static int parse_options(int argc, char **argv, options *o)
{
    enum { OPT_AS_OF = 256, OPT_FORMAT, OPT_FAIL_ON, OPT_RULES, OPT_NO_BUILTIN };
    static const struct option LONG[] = {
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"rules", required_argument, NULL, OPT_RULES},
        {"no-builtin", no_argument, NULL, OPT_NO_BUILTIN},
        {"output", required_argument, NULL, 'o'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+o:vh", LONG, NULL)) != -1) {
        switch (c) {
        case OPT_AS_OF:
            if (!sk_date_valid(optarg, strlen(optarg)))
                return usage_error("--as-of needs a real date YYYY-MM-DD, not '%s'", optarg);
            o->as_of = optarg;
            break;
        case OPT_FORMAT: {
            size_t f = 0;
            while (sk_report_format_name(f) && strcmp(sk_report_format_name(f), optarg) != 0)
                f++;
            if (!sk_report_format_name(f))
                return usage_error("unknown --format '%s' (this version writes: text, json, jsonl)", optarg);
            o->format = optarg;
            break;
        }
        case OPT_FAIL_ON:
            if (sk_severity_parse(optarg, 1, &o->fail_on))
                return usage_error("--fail-on takes error, warning, info or never, not '%s'", optarg);
            break;
        case OPT_RULES:
            if (o->nrule_dirs >= MAX_RULE_DIRS - 1)
                return usage_error("too many --rules directories%s", "");
            o->rule_dirs[o->nrule_dirs++] = optarg;
            break;
        case OPT_NO_BUILTIN:
            o->no_builtin = 1;
            break;
        case 'o':
            o->output = optarg;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'h':
            fputs(USAGE, stdout);
            exit(0);
        default:
            return usage_error("unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return 0;
}

/* Writes to FILE.tmp, then renames: a report is whole or absent. */
static int write_report(const options *o, const sk_result *res)
{
    sk_report_options ropt = {0};
    if (!o->output) {
        ropt.color = strcmp(o->format, "text") == 0 && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
        if (sk_report_write(o->format, res, &ropt, stdout) || fflush(stdout)) {
            fprintf(stderr, "startklar: cannot write the report\n");
            return -1;
        }
        return 0;
    }
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", o->output, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "startklar: cannot write %s\n", tmp);
        return -1;
    }
    int bad = sk_report_write(o->format, res, &ropt, f) != 0;
    bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, o->output) != 0) {
        remove(tmp);
        fprintf(stderr, "startklar: cannot write %s\n", o->output);
        return -1;
    }
    return 0;
}

static int cmd_check(int argc, char **argv)
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

static int cmd_test(int argc, char **argv)
{
    options o = {0};
    char builtin[PATH_MAX];
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc;
    const char *def[] = {builtin_plugins(builtin, sizeof builtin)};
    const char *const *dirs = optind < argc ? (const char *const *)(argv + optind) : def;
    size_t n = optind < argc ? (size_t)(argc - optind) : 1;
    return sk_test_fixtures(dirs, n, NULL, o.verbose, stdout);
}

static int cmd_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    fputs(USAGE, stdout);
    return 0;
}

static int cmd_version(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("startklar %s\n", SK_VERSION);
    return 0;
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command COMMANDS[] = {
    {"check", cmd_check},     {"test", cmd_test},          {"help", cmd_help},
    {"--help", cmd_help},     {"-h", cmd_help},            {"version", cmd_version},
    {"--version", cmd_version}, {NULL, NULL},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return 2;
    }
    for (const command *c = COMMANDS; c->name; c++)
        if (strcmp(c->name, argv[1]) == 0)
            return c->run(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", argv[1]);
}
