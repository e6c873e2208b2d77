/* common.c: option parsing, the built-in rules' location and atomic report
 * writing, shared by the commands. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef SK_SOURCE_PLUGINS
#define SK_SOURCE_PLUGINS "plugins"
#endif
#ifndef SK_SOURCE_RULES
#define SK_SOURCE_RULES "rules"
#endif

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

int print_help(FILE *out)
{
    sk_catalogue *cat = cli_catalogue(NULL);
    fputs(sk_label(cat, USAGE), out);
    sk_catalogue_free(cat);
    return 0;
}

int usage_error(const char *fmt, const char *arg)
{
    /* the message is composed in English, then put in the user's language */
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, arg);
    sk_catalogue *cat = cli_catalogue(NULL);
    char *t = sk_translate_text(cat, msg);
    fprintf(stderr, "startklar: %s\n%s\n", t ? t : msg, sk_label(cat, "Try 'startklar help'."));
    free(t);
    sk_catalogue_free(cat);
    return 2;
}

/* A shipped directory: $ENV, else beside an installed binary
 * (../share/startklar/NAME), else the source tree it was built from. */
static const char *shipped_dir(const char *env_name, const char *name, const char *source, char *buf,
                               size_t size)
{
    const char *env = getenv(env_name);
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int w = snprintf(buf, size, "%s/../share/startklar/%s", exe, name);
            struct stat st;
            if (w > 0 && (size_t)w < size && stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
                return buf;
        }
    }
    return source;
}

const char *builtin_plugins(char *buf, size_t size)
{
    return shipped_dir("STARTKLAR_PLUGINS", "plugins", SK_SOURCE_PLUGINS, buf, size);
}

const char *builtin_profiles(char *buf, size_t size)
{
    return shipped_dir("STARTKLAR_PROFILES", "rules", SK_SOURCE_RULES, buf, size);
}

int timezone_known(const char *tz)
{
    if (strcmp(tz, "UTC") == 0)
        return 1;
    if (!*tz || tz[0] == '/' || strstr(tz, ".."))
        return 0;
    const char *dir = getenv("TZDIR");
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", tz);
    struct stat st;
    return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int today(char out[11])
{
    const char *tz = getenv("STARTKLAR_TZ");
    if (!tz || !timezone_known(tz))
        return usage_error("unknown timezone '%s' (--timezone or STARTKLAR_TZ: a name such as "
                           "Europe/Stockholm or UTC); or give --as-of", tz ? tz : "");
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
        return usage_error("cannot tell today's date%s; give --as-of", "");
    return 0;
}

int parse_options(int argc, char **argv, options *o)
{
    enum { OPT_AS_OF = 256, OPT_FORMAT, OPT_FAIL_ON, OPT_RULES, OPT_NO_BUILTIN, OPT_JOBS, OPT_SHARD,
           OPT_PROFILE, OPT_ONLY, OPT_SKIP, OPT_WAIVERS, OPT_BASELINE, OPT_WRITE_BASELINE, OPT_LANG };
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
                return usage_error("unknown --format '%s' (this version writes: text, json, jsonl, sarif, junit, csv, markdown, html)", optarg);
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
            exit(print_help(stdout));
        default:
            return usage_error("unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return 0;
}

/* ---- -o FILE: a temporary beside it, renamed into place when whole ---------- */

/* The one temporary file a signal must not leave behind: its path, and
 * whether it exists. The handler only reads them (unlink is
 * async-signal-safe); they are the process's, set before the report is
 * written and cleared once it is renamed or removed. */
static char pending_tmp[PATH_MAX];
static volatile sig_atomic_t pending_armed;

static void remove_pending(int sig)
{
    if (pending_armed)
        unlink(pending_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int CAUGHT_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};

static void arm_pending(const char *tmp)
{
    snprintf(pending_tmp, sizeof pending_tmp, "%s", tmp);
    pending_armed = 1;
    for (size_t i = 0; i < sizeof CAUGHT_SIGNALS / sizeof *CAUGHT_SIGNALS; i++) {
        struct sigaction sa = {.sa_handler = remove_pending};
        sigemptyset(&sa.sa_mask);
        sigaction(CAUGHT_SIGNALS[i], &sa, NULL);
    }
}

static void disarm_pending(void)
{
    for (size_t i = 0; i < sizeof CAUGHT_SIGNALS / sizeof *CAUGHT_SIGNALS; i++)
        signal(CAUGHT_SIGNALS[i], SIG_DFL);
    pending_armed = 0;
}

/* Says on stderr why FILE is not written, in the user's language. */
static int refuse(const char *path, const char *why)
{
    char msg[PATH_MAX + 128];
    snprintf(msg, sizeof msg, "will not write %s: %s", path, why);
    sk_catalogue *cat = cli_catalogue(NULL);
    char *t = sk_translate_text(cat, msg);
    fprintf(stderr, "startklar: %s\n", t ? t : msg);
    free(t);
    sk_catalogue_free(cat);
    return -1;
}

/* Whether what lies at path may be replaced by a report: nothing, or a
 * regular file (not a link, device, FIFO, directory...) that is none of the
 * run's inputs. 0, or -1 after saying why. */
static int target_ok(const char *path, const char *const *inputs, size_t ninputs)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0; /* a new path */
    if (!S_ISREG(st.st_mode))
        return refuse(path, "it exists and is not a regular file");
    for (size_t i = 0; i < ninputs; i++) {
        struct stat in;
        if (inputs[i] && stat(inputs[i], &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino)
            return refuse(path, "it is an input of this run");
    }
    /* a YAML file below an input directory is an input too */
    size_t n = strlen(path);
    int yaml = (n > 5 && strcmp(path + n - 5, ".yaml") == 0) || (n > 4 && strcmp(path + n - 4, ".yml") == 0);
    char real[PATH_MAX], dir[PATH_MAX];
    if (yaml && realpath(path, real)) {
        for (size_t i = 0; i < ninputs; i++) {
            struct stat in;
            if (!inputs[i] || stat(inputs[i], &in) != 0 || !S_ISDIR(in.st_mode) || !realpath(inputs[i], dir))
                continue;
            size_t d = strlen(dir);
            if (strncmp(real, dir, d) == 0 && (real[d] == '/' || strcmp(dir, "/") == 0))
                return refuse(path, "it is an input of this run");
        }
    }
    return 0;
}

int output_open(output *out, const char *path, const char *const *inputs, size_t ninputs)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    if (!path) {
        out->f = stdout;
        return 0;
    }
    if (target_ok(path, inputs, ninputs))
        return -1;
    /* beside the target, created anew: O_EXCL never opens what is there
     * (a planted link, a file), O_NOFOLLOW says so twice */
    int fd = -1;
    for (int k = 0; fd < 0 && k < 100; k++) {
        int n = snprintf(out->tmp, sizeof out->tmp, "%s.tmp-%ld-%d", path, (long)getpid(), k);
        if (n < 0 || (size_t)n >= sizeof out->tmp)
            break;
        fd = open(out->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0 || !(out->f = fdopen(fd, "w"))) {
        if (fd >= 0) {
            close(fd);
            unlink(out->tmp);
        }
        fprintf(stderr, "startklar: cannot write %s\n", path);
        return -1;
    }
    arm_pending(out->tmp);
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
    /* what is at the path may have changed while the report was written */
    struct stat st;
    if (ok && lstat(out->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        refuse(out->path, "it exists and is not a regular file");
        ok = 0;
    } else if (ok && rename(out->tmp, out->path) != 0) {
        fprintf(stderr, "startklar: cannot write %s\n", out->path);
        ok = 0;
    }
    if (!ok)
        unlink(out->tmp);
    disarm_pending();
    return ok ? 0 : -1;
}
