/* common.c: option parsing, the built-in rules' location and atomic report
 * writing, shared by the commands. */
#include "cli.h"

#include <stdarg.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

sk_catalogue *cli_catalogue(int *broken)
{
    sk_errors errs;
    sk_errors_init(&errs);
    sk_catalogue *cat = sk_catalogue_load(cli_lang(), getenv("STARTKLAR_I18N_STRICT") != NULL, &errs);
    for (size_t i = 0; broken && i < errs.count; i++)
        fprintf(stderr, "startklar: %s:%d: %s\n", errs.items[i].file, errs.items[i].line, errs.items[i].message);
    if (broken)
        *broken = errs.count > 0;
    sk_errors_free(&errs);
    return cat;
}

const char *cli_lang(void)
{
    const char *lang = getenv("STARTKLAR_LANG");
    return lang && strcmp(lang, "en") != 0 ? lang : NULL;
}

/* The formats the library writes, "text, json, ...": the list is report.c's table. */
static const char *format_list(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; sk_report_format_name(i) && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", sk_report_format_name(i));
    return buf;
}

int print_help(FILE *out)
{
    sk_catalogue *cat = cli_catalogue(NULL);
    char formats[256];
    fprintf(out, sk_label(cat, USAGE), format_list(formats, sizeof formats)); /* USAGE has one %s */
    fputs(sk_label(cat, USAGE_ROLLOUT), out);
    sk_catalogue_free(cat);
    return 0;
}

void cli_fail(const char *fmt, ...)
{
    /* fmt is the catalogue's key: the user's language, then the arguments */
    sk_catalogue *cat = cli_catalogue(NULL);
    va_list ap;
    va_start(ap, fmt);
    fputs("startklar: ", stderr);
    vfprintf(stderr, sk_label(cat, fmt), ap);
    fputc('\n', stderr);
    va_end(ap);
    sk_catalogue_free(cat);
}

void cli_print_errors(const sk_errors *errs)
{
    sk_catalogue *cat = errs->count ? cli_catalogue(NULL) : NULL;
    for (size_t i = 0; i < errs->count; i++) {
        const sk_error *e = &errs->items[i];
        char *t = sk_translate_error(cat, e);
        if (e->file && e->line)
            fprintf(stderr, "startklar: %s:%d: %s\n", e->file, e->line, t ? t : e->message);
        else if (e->file)
            fprintf(stderr, "startklar: %s: %s\n", e->file, t ? t : e->message);
        else
            fprintf(stderr, "startklar: %s\n", t ? t : e->message);
        free(t);
    }
    sk_catalogue_free(cat);
}

int usage_error(const char *fmt, const char *arg)
{
    /* the format in the user's language (the catalogue's key is the English
     * format), then the argument */
    sk_catalogue *cat = cli_catalogue(NULL);
    fputs("startklar: ", stderr);
    fprintf(stderr, sk_label(cat, fmt), arg);
    fprintf(stderr, "\n%s\n", sk_label(cat, "Try 'startklar help'."));
    sk_catalogue_free(cat);
    return 2;
}

/* The usage error of a format the library does not write, naming those it does. */
static int unknown_format(const char *name)
{
    char formats[256];
    cli_fail("unknown --format '%s' (this version writes: %s)", name, format_list(formats, sizeof formats));
    sk_catalogue *cat = cli_catalogue(NULL);
    fprintf(stderr, "%s\n", sk_label(cat, "Try 'startklar help'."));
    sk_catalogue_free(cat);
    return 2;
}

/* The shipped directories are found by the library (sk_dir_path). */
const char *builtin_plugins(char *buf, size_t size)
{
    const char *dir = sk_dir_path(SK_DIR_PLUGINS, buf, size);
    return dir ? dir : "";
}

const char *builtin_profiles(char *buf, size_t size)
{
    const char *dir = sk_dir_path(SK_DIR_PROFILES, buf, size);
    return dir ? dir : "";
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
    enum { OPT_AS_OF = 256, OPT_FORMAT, OPT_FAIL_ON, OPT_RULES, OPT_NO_BUILTIN, OPT_JOBS, OPT_SHARD,
           OPT_PROFILE, OPT_ONLY, OPT_SKIP, OPT_WAIVERS, OPT_BASELINE, OPT_WRITE_BASELINE, OPT_LANG,
           OPT_RECORD, OPT_UNIT, OPT_HISTORY,
           OPT_CSV_SEPARATOR, OPT_TIMING, OPT_COVERAGE, OPT_COVERAGE_MIN };
    static const struct option LONG[] = {
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"rules", required_argument, NULL, OPT_RULES},
        {"no-builtin", no_argument, NULL, OPT_NO_BUILTIN},
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"profile", required_argument, NULL, OPT_PROFILE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"only", required_argument, NULL, OPT_ONLY},
        {"skip", required_argument, NULL, OPT_SKIP},
        {"waivers", required_argument, NULL, OPT_WAIVERS},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"record", required_argument, NULL, OPT_RECORD},
        {"unit", required_argument, NULL, OPT_UNIT},
        {"history", required_argument, NULL, OPT_HISTORY},
        {"csv-separator", required_argument, NULL, OPT_CSV_SEPARATOR},
        {"timing", no_argument, NULL, OPT_TIMING},
        {"coverage", no_argument, NULL, OPT_COVERAGE},
        {"coverage-min", required_argument, NULL, OPT_COVERAGE_MIN},
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
                return unknown_format(optarg);
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
        case OPT_JOBS: {
            char *end;
            unsigned long n = strtoul(optarg, &end, 10);
            if (*end || n < 1 || n > 256)
                return usage_error("--jobs takes a number from 1 to 256, not '%s'", optarg);
            o->jobs = (unsigned)n;
            break;
        }
        case OPT_SHARD: {
            unsigned i, n;
            char extra;
            if (sscanf(optarg, "%u/%u%c", &i, &n, &extra) != 2 || n < 1 || i < 1 || i > n || n > 65536)
                return usage_error("--shard takes I/N with 1 <= I <= N, such as 2/4, not '%s'", optarg);
            o->shard = i;
            o->shards = n;
            break;
        }
        case OPT_LANG: /* main() takes --lang out of argv before any command runs */
            break;
        case OPT_PROFILE:
            o->profile = optarg;
            break;
        case OPT_ONLY:
            o->only = optarg;
            break;
        case OPT_SKIP:
            o->skip = optarg;
            break;
        case OPT_WAIVERS:
            if (o->nwaivers >= MAX_RULE_DIRS)
                return usage_error("too many --waivers files%s", "");
            o->waivers[o->nwaivers++] = optarg;
            break;
        case OPT_BASELINE:
            o->baseline = optarg;
            break;
        case OPT_WRITE_BASELINE:
            o->write_baseline = optarg;
            break;
        case OPT_RECORD:
            o->record = optarg;
            break;
        case OPT_UNIT:
            o->unit = optarg;
            break;
        case OPT_HISTORY:
            o->history = optarg;
            break;
        case OPT_CSV_SEPARATOR:
            o->csv_separator = strcmp(optarg, "tab") == 0 ? '\t' : strlen(optarg) == 1 && strchr(",;", optarg[0]) ? optarg[0] : 0;
            if (!o->csv_separator)
                return usage_error("--csv-separator takes , or ; or tab, not '%s'", optarg);
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
        case OPT_TIMING:
            o->timing = 1;
            break;
        case OPT_COVERAGE:
            o->coverage = 1;
            break;
        case OPT_COVERAGE_MIN: {
            char *end;
            double pct = strtod(optarg, &end);
            if (end == optarg || *end || !(pct >= 0 && pct <= 100))
                return usage_error("--coverage-min takes a percentage from 0 to 100, not '%s'", optarg);
            o->coverage = 1;
            o->coverage_min = pct;
            break;
        }
        case 'h':
            exit(print_help(stdout));
        default:
            return usage_error("unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return 0;
}

int parse_interleaved(int argc, char **argv, options *o, const char **operands, int max, int *n)
{
    *n = 0;
    /* each operand stands where the command's name stood for the next round */
    for (int at = 0;;) {
        int rc = parse_options(argc - at, argv + at, o);
        if (rc)
            return rc;
        int next = at + optind;
        if (next >= argc)
            return 0;
        if (*n == max)
            return usage_error("one operand too many: '%s'", argv[next]);
        operands[(*n)++] = argv[next];
        at = next;
    }
}

int output_open(output *out, const char *path)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    if (!path) {
        out->f = stdout;
        return 0;
    }
    int n = snprintf(out->tmp, sizeof out->tmp, "%s.tmp-%ld", path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof out->tmp || !(out->f = fopen(out->tmp, "w"))) {
        fprintf(stderr, "startklar: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

int output_close(output *out, int ok)
{
    if (!out->path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "startklar: cannot write the report\n");
            return -1;
        }
        return 0;
    }
    ok = ok && fflush(out->f) == 0 && !ferror(out->f) && fsync(fileno(out->f)) == 0;
    ok = fclose(out->f) == 0 && ok;
    if (!ok || rename(out->tmp, out->path) != 0) {
        remove(out->tmp);
        fprintf(stderr, "startklar: cannot write %s\n", out->path);
        return -1;
    }
    return 0;
}
