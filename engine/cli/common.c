/* common.c: option parsing, the built-in rules' location and atomic report
 * writing, shared by the commands. */
#include "cli.h"
#include "startklar/authoring.h"

#include <stdarg.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
const char *format_list(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; sk_report_format_name(i) && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", sk_report_format_name(i));
    return buf;
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

void cli_say(const char *fmt, ...)
{
    /* fmt is the catalogue's key: the user's language, then the arguments */
    sk_catalogue *cat = cli_catalogue(NULL);
    va_list ap;
    va_start(ap, fmt);
    vprintf(sk_label(cat, fmt), ap);
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

void cli_print_labelled(const sk_catalogue *cat, const sk_error *e, const char *file, const char *label)
{
    char *t = sk_translate_error(cat, e);
    fputs(e->file ? e->file : file ? file : "?", stderr);
    if (e->line)
        fprintf(stderr, e->column ? ":%d:%d" : ":%d", e->line, e->column);
    fprintf(stderr, ": %s: %s\n", sk_label(cat, label), t ? t : e->message);
    if (e->traceback) /* a plugin that failed while loading: where, as Lua says it */
        fprintf(stderr, "%s\n", e->traceback);
    free(t);
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

size_t rule_dir_list(const options *o, char *builtin, const char **dirs)
{
    size_t n = 0;
    if (!o->no_builtin)
        dirs[n++] = builtin_plugins(builtin, PATH_MAX);
    for (size_t i = 0; i < o->nrule_dirs && n < MAX_RULE_DIRS; i++)
        dirs[n++] = o->rule_dirs[i];
    return n;
}

sk_rules *load_flag_rules(const options *o, sk_errors *errs)
{
    char builtin[PATH_MAX];
    const char *dirs[MAX_RULE_DIRS];
    size_t n = rule_dir_list(o, builtin, dirs);
    return sk_rules_load(dirs, n, NULL, errs);
}

const char *builtin_profiles(char *buf, size_t size)
{
    const char *dir = sk_dir_path(SK_DIR_PROFILES, buf, size);
    return dir ? dir : "";
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

int usage_hint(const char *command)
{
    sk_catalogue *cat = cli_catalogue(NULL);
    if (command)
        fprintf(stderr, sk_label(cat, "Try 'startklar help %s'."), command);
    else
        fputs(sk_label(cat, "Try 'startklar help'."), stderr);
    fputc('\n', stderr);
    sk_catalogue_free(cat);
    return 2;
}

#define MAX_OPTIONS 48

/* An option getopt_long did not take: unknown (with the command's closest
 * option), or missing its value. Returns 2. */
static int option_error(const char *command, const struct option *longs, size_t nlongs, int missing,
                        const char *word)
{
    if (missing) {
        cli_fail("option '%s' needs a value", word);
        return usage_hint(command);
    }
    if (strncmp(word, "--", 2) == 0) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)strcspn(word + 2, "="), word + 2);
        const char *names[MAX_OPTIONS];
        for (size_t i = 0; i < nlongs; i++)
            names[i] = longs[i].name;
        const char *hint = sk_closest(name, names, nlongs);
        if (hint) {
            cli_fail("unknown option '--%s' (did you mean '--%s'?)", name, hint);
            return usage_hint(command);
        }
        cli_fail("unknown option '--%s'", name);
        return usage_hint(command);
    }
    cli_fail("unknown option '%s'", word);
    return usage_hint(command);
}

int parse_options(const char *command, int argc, char **argv, options *o)
{
    const cli_command *cmd = cli_command_named(command);
    const cli_option *table[MAX_OPTIONS];
    struct option longs[MAX_OPTIONS + 1];
    char shorts[2 * MAX_OPTIONS + 2] = ":"; /* ':' first: a missing value is told apart */
    size_t n = 0, ns = 1;
    for (const cli_option *op = cli_options(); op->name && n < MAX_OPTIONS; op++) {
        if (!cmd || !(op->commands & cmd->bit))
            continue;
        table[n] = op;
        longs[n] = (struct option){op->name, op->arg ? required_argument : no_argument, NULL, (int)op->id};
        n++;
        if (op->letter) {
            shorts[ns++] = op->letter;
            if (op->arg)
                shorts[ns++] = ':';
        }
    }
    shorts[ns] = '\0';
    longs[n] = (struct option){NULL, 0, NULL, 0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (c == '?' || c == ':') {
            char word[8];
            const char *w = argv[optind - 1];
            if (optopt > 0 && optopt < 256) { /* a short option */
                snprintf(word, sizeof word, "-%c", optopt);
                w = word;
            }
            return option_error(command, longs, n, c == ':', w);
        }
        option_id id = (option_id)c;
        static const struct {
            option_id id;
            config_key key;
        } SETS[] = {{O_RULES, K_RULES},     {O_PROFILE, K_PROFILE}, {O_WAIVERS, K_WAIVERS}, {O_BASELINE, K_BASELINE},
                    {O_FAIL_ON, K_FAIL_ON}, {O_EXCLUDE, K_EXCLUDE}};
        for (size_t i = 0; i < n; i++)
            if (table[i]->letter && table[i]->letter == c)
                id = table[i]->id;
        for (size_t i = 0; i < sizeof SETS / sizeof SETS[0]; i++)
            if (SETS[i].id == id)
                o->source[SETS[i].key] = SOURCE_COMMAND_LINE;
        switch (id) {
        case O_CONFIG: /* config_path() reads them from argv */
        case O_NO_CONFIG:
            break;
        case O_QUIET:
            o->quiet = 1;
            break;
        case O_MAX_WARNINGS: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 0)
                return usage_error("--max-warnings takes a number of warnings, 0 or more, not '%s'", optarg);
            o->max_warnings = v;
            break;
        }
        case O_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return usage_error("--color takes auto, always or never, not '%s'", optarg);
            o->color = optarg;
            break;
        case O_STDIN_FILENAME:
            o->stdin_name = optarg;
            break;
        case O_EXCLUDE:
            if (o->nexclude >= MAX_GLOBS)
                return usage_error("too many --exclude globs%s", "");
            o->exclude[o->nexclude++] = optarg;
            break;
        case O_AS_OF:
            if (!sk_date_valid(optarg, strlen(optarg)))
                return usage_error("--as-of needs a real date YYYY-MM-DD, not '%s'", optarg);
            o->as_of = optarg;
            break;
        case O_FORMAT: {
            size_t f = 0;
            while (sk_report_format_name(f) && strcmp(sk_report_format_name(f), optarg) != 0)
                f++;
            if (!sk_report_format_name(f))
                return unknown_format(optarg);
            o->format = optarg;
            break;
        }
        case O_FAIL_ON:
            if (sk_severity_parse(optarg, 1, &o->fail_on))
                return usage_error("--fail-on takes error, warning, info or never, not '%s'", optarg);
            break;
        case O_RULES:
            if (o->nrule_dirs >= MAX_RULE_DIRS - 1)
                return usage_error("too many --rules directories%s", "");
            o->rule_dirs[o->nrule_dirs++] = optarg;
            break;
        case O_JOBS: {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v < 1 || v > 256)
                return usage_error("--jobs takes a number from 1 to 256, not '%s'", optarg);
            o->jobs = (unsigned)v;
            break;
        }
        case O_SHARD: {
            unsigned i, k;
            char extra;
            if (sscanf(optarg, "%u/%u%c", &i, &k, &extra) != 2 || k < 1 || i < 1 || i > k || k > 65536)
                return usage_error("--shard takes I/N with 1 <= I <= N, such as 2/4, not '%s'", optarg);
            o->shard = i;
            o->shards = k;
            break;
        }
        case O_LANG: /* main() takes --lang out of argv before any command runs */
        case O_TIMEZONE: /* ... and --timezone (settle_timezone) */
            break;
        case O_PROFILE:
            o->profile = optarg;
            break;
        case O_ONLY:
            o->only = optarg;
            break;
        case O_SKIP:
            o->skip = optarg;
            break;
        case O_WAIVERS:
            if (o->nwaivers >= MAX_RULE_DIRS)
                return usage_error("too many --waivers files%s", "");
            o->waivers[o->nwaivers++] = optarg;
            break;
        case O_BASELINE:
            o->baseline = optarg;
            break;
        case O_WRITE_BASELINE:
            o->write_baseline = optarg;
            break;
        case O_RECORD:
            o->record = optarg;
            break;
        case O_UNIT:
            o->unit = optarg;
            break;
        case O_HISTORY:
            o->history = optarg;
            break;
        case O_CSV_SEPARATOR:
            o->csv_separator = strcmp(optarg, "tab") == 0 ? '\t' : strlen(optarg) == 1 && strchr(",;", optarg[0]) ? optarg[0] : 0;
            if (!o->csv_separator)
                return usage_error("--csv-separator takes , or ; or tab, not '%s'", optarg);
            break;
        case O_STDIO: /* lsp reads its own arguments */
            break;
        case O_NO_BUILTIN:
            o->no_builtin = 1;
            break;
        case O_OUTPUT:
            o->output = optarg;
            break;
        case O_VERBOSE:
            o->verbose = 1;
            break;
        case O_TIMING:
            o->timing = 1;
            break;
        case O_COVERAGE:
            o->coverage = 1;
            break;
        case O_COVERAGE_MIN: {
            char *end;
            double pct = strtod(optarg, &end);
            if (end == optarg || *end || !(pct >= 0 && pct <= 100))
                return usage_error("--coverage-min takes a percentage from 0 to 100, not '%s'", optarg);
            o->coverage = 1;
            o->coverage_min = pct;
            break;
        }
        case O_RULE:
            o->rule = optarg;
            break;
        case O_KIND:
            o->kind = optarg;
            break;
        case O_HELP:
            exit(help_of(command, stdout) ? print_help(stdout) : 0);
        }
    }
    /* the configuration file gives what the command line did not */
    return cmd && (cmd->bit & (C_CHECK | C_AUDIT | C_RULES | C_CONFIG)) ? config_apply(o, argc, argv) : 0;
}

int parse_interleaved(int argc, char **argv, options *o, const char **operands, int max, int *n)
{
    *n = 0;
    int rc = parse_options(argv[0], argc, argv, o); /* options anywhere: the operands end up last */
    if (rc)
        return rc;
    for (int i = optind; i < argc; i++) {
        if (*n == max)
            return usage_error("one operand too many: '%s'", argv[i]);
        operands[(*n)++] = argv[i];
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
    sk_catalogue *cat = cli_catalogue(NULL);
    fputs("startklar: ", stderr);
    fprintf(stderr, sk_label(cat, "will not write %s: %s"), path, sk_label(cat, why));
    fputc('\n', stderr);
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
        cli_fail("cannot write %s", path);
        return -1;
    }
    arm_pending(out->tmp);
    return 0;
}

int output_close(output *out, int ok)
{
    if (!out->path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cli_fail("cannot write the report");
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
        cli_fail("cannot write %s", out->path);
        ok = 0;
    }
    if (!ok)
        unlink(out->tmp);
    disarm_pending();
    return ok ? 0 : -1;
}
