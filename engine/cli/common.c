/* common.c: option parsing, the built-in rules' location and atomic report
 * writing, shared by the commands. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef SK_SOURCE_PLUGINS
#define SK_SOURCE_PLUGINS "plugins"
#endif

int usage_error(const char *fmt, const char *arg)
{
    fputs("startklar: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'startklar help'.\n", stderr);
    return 2;
}

/* The built-in rules: $STARTKLAR_PLUGINS, else beside an installed binary
 * (../share/startklar/plugins), else the source tree it was built from. */
const char *builtin_plugins(char *buf, size_t size)
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

void today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int parse_options(int argc, char **argv, options *o)
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
int write_report(const options *o, const sk_result *res)
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

