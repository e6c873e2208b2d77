/* cmd_check.c: `startklar check PATH...` and `startklar audit DIR...`: the
 * whole pipeline over the given files and directories, its report streamed
 * to standard output or -o FILE. audit is check at batch scale: one worker
 * per core by default, and progress on a terminal. With --record FILE.db
 * the audit is also appended to the history database, whole or not at all. */
#include "cli.h"
#include "startklar/history.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* "-" among the paths: standard input, saved whole in a temporary file
 * (the run reads its files twice), whose path replaces "-" in argv. 0 (no
 * "-", or saved into tmp), or 2 after saying why not. */
static int save_stdin(int argc, char **argv, char *tmp, size_t size)
{
    int at = -1;
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "-") != 0)
            continue;
        if (at >= 0)
            return usage_error("standard input ('%s') can be read only once", "-");
        at = i;
    }
    if (at < 0)
        return 0;
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, size, "%s/startklar-stdin-XXXXXX.yaml", dir && *dir ? dir : "/tmp");
    int fd = mkstemps(tmp, 5);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd), unlink(tmp);
        cli_fail("cannot save standard input in %s", tmp);
        tmp[0] = '\0';
        return 2;
    }
    char buf[65536];
    size_t n;
    int ok = 1;
    while (ok && (n = fread(buf, 1, sizeof buf, stdin)) > 0)
        ok = fwrite(buf, 1, n, f) == n;
    ok = ok && !ferror(stdin);
    if (fclose(f) != 0 || !ok) {
        unlink(tmp);
        cli_fail("cannot save standard input in %s", tmp);
        tmp[0] = '\0';
        return 2;
    }
    argv[at] = tmp;
    return 0;
}

static void record_unit(void *ud, const sk_unit_result *u)
{
    sk_history_unit(ud, u);
}

/* Opens the history database and begins the audit's transaction; NULL after
 * saying why. */
static sk_history *record_begin(const options *o)
{
    sk_errors errs;
    sk_errors_init(&errs);
    sk_history *h = sk_history_open(o->record, 1, &errs);
    if (h && sk_history_begin(h, o->as_of, o->profile, SK_VERSION, o->fail_on, &errs)) {
        sk_history_close(h);
        h = NULL;
    }
    if (!h && !errs.count)
        cli_fail("out of memory");
    cli_print_errors(&errs);
    sk_errors_free(&errs);
    return h;
}

/* The audits of --history FILE.db before as_of, oldest first, for the
 * report's trend (*trend malloc'd). 0, or -1 after saying why. */
static int read_trend(const char *db, const char *as_of, sk_trend_point **trend, size_t *n)
{
    sk_errors errs;
    sk_errors_init(&errs);
    sk_history_rows rows = {0};
    sk_history *h = sk_history_open(db, 0, &errs);
    int rc = h ? sk_history_audits(h, &rows, &errs) : -1;
    *trend = NULL, *n = 0;
    if (rc == 0 && rows.naudits && !(*trend = calloc(rows.naudits, sizeof **trend)))
        rc = -1;
    for (size_t i = 0; rc == 0 && i < rows.naudits; i++) {
        const sk_audit_row *a = &rows.audits[i];
        if (strcmp(a->as_of, as_of) >= 0)
            continue;
        sk_trend_point *t = &(*trend)[(*n)++];
        snprintf(t->as_of, sizeof t->as_of, "%s", a->as_of);
        memcpy(t->rollout, a->rollout, sizeof t->rollout);
    }
    if (rc && !errs.count)
        cli_fail("out of memory");
    cli_print_errors(&errs);
    sk_errors_free(&errs);
    sk_history_rows_free(&rows);
    sk_history_close(h);
    return rc;
}

/* Commits the audit when the run judged it (code 0, 1 or 2; -1: nothing
 * judged, the audit is rolled back); the exit code. */
static int record_end(sk_history *h, const sk_result *res, int code)
{
    sk_errors errs;
    sk_errors_init(&errs);
    if (code >= 0 && sk_history_commit(h, res, code, &errs))
        code = 2;
    cli_print_errors(&errs);
    sk_errors_free(&errs);
    sk_history_close(h); /* rolls back an audit not committed */
    return code;
}

static int judge(const options *opt, int argc, char **argv, int audit, const char *stdin_path);

static int run(int argc, char **argv, int audit)
{
    options o = {.format = "text", .fail_on = SK_SEV_ERROR, .max_warnings = -1};
    int rc = parse_options(audit ? "audit" : "check", argc, argv, &o);
    if (rc)
        return rc;
    if (optind >= argc)
        return usage_error(audit ? "audit needs at least one directory%s"
                                 : "check needs at least one file or directory%s", "");
    char stdin_tmp[PATH_MAX] = "";
    if ((rc = save_stdin(argc, argv, stdin_tmp, sizeof stdin_tmp)))
        return rc;
    rc = judge(&o, argc, argv, audit, stdin_tmp[0] ? stdin_tmp : NULL);
    if (stdin_tmp[0])
        unlink(stdin_tmp);
    return rc;
}

/* The run itself, once the options are read. */
static int judge(const options *opt, int argc, char **argv, int audit, const char *stdin_path)
{
    options o = *opt; /* its values point into opt->store, which outlives the run */
    char date[11], builtin[PATH_MAX];
    if (!o.as_of) {
        int rc = today(date);
        if (rc)
            return rc;
        o.as_of = date;
    }
    const char *dirs[MAX_RULE_DIRS];
    size_t ndirs = rule_dir_list(&o, builtin, dirs);

    char profiles[PATH_MAX];
    const char *profiles_dir = builtin_profiles(profiles, sizeof profiles);
    char *profile_path = o.profile ? sk_profile_path(o.profile, profiles_dir) : NULL;
    if (o.profile && !profile_path)
        return 2;
    int broken_catalogue;
    sk_catalogue *cat = cli_catalogue(&broken_catalogue);
    /* every path the run reads, which -o and --write-baseline must not replace */
    size_t ninputs = 0;
    const char **inputs = calloc((size_t)(argc - optind) + o.nwaivers + o.nrule_dirs + 5, sizeof *inputs);
    if (inputs) {
        for (int i = optind; i < argc; i++)
            inputs[ninputs++] = argv[i];
        for (size_t i = 0; i < o.nwaivers; i++)
            inputs[ninputs++] = o.waivers[i];
        for (size_t i = 0; i < o.nrule_dirs; i++)
            inputs[ninputs++] = o.rule_dirs[i];
        inputs[ninputs++] = o.baseline;
        inputs[ninputs++] = profile_path;
        inputs[ninputs++] = o.record;  /* the history database */
        inputs[ninputs++] = o.history;
    }
    output out;
    sk_history *history = NULL;
    sk_trend_point *trend = NULL;
    size_t ntrend = 0;
    /* the weekly routine's first week (--history and --record the same file,
     * not made yet): no audit before this one, which --record then creates */
    int first_week = o.history && o.record && strcmp(o.history, o.record) == 0 && access(o.history, F_OK) != 0;
    if (!inputs || broken_catalogue || (o.history && !first_week && read_trend(o.history, o.as_of, &trend, &ntrend)) ||
        (o.record && !(history = record_begin(&o))) || output_open(&out, o.output, inputs, ninputs)) {
        if (!inputs)
            cli_fail("out of memory");
        free(inputs);
        sk_history_close(history);
        free(trend);
        sk_catalogue_free(cat);
        free(profile_path);
        return 2;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    progress prog;
    progress_start(&prog);
    /* the progress line: audit, on a terminal only */
    int show = audit && isatty(STDERR_FILENO) && !getenv("CI");
    FILE *report = show && !o.output ? progress_report_stream(&prog) : NULL;
    sk_check_options co = {
        .paths = (const char *const *)(argv + optind),
        .npaths = (size_t)(argc - optind),
        .rule_dirs = dirs,
        .nrule_dirs = ndirs,
        .as_of = o.as_of,
        .fail_on = o.fail_on,
        .jobs = o.jobs ? o.jobs : audit && cores > 0 ? (unsigned)cores : 1,
        .shard = o.shard,
        .shards = o.shards,
        .format = o.format,
        .out = report ? report : out.f,
        .report.color = strcmp(o.format, "text") == 0 && use_color(o.color, !o.output && isatty(STDOUT_FILENO)),
        .progress = show ? progress_show : NULL,
        .report.trend = trend,
        .report.ntrend = ntrend,
        .report.csv_separator = o.csv_separator,
        .progress_ud = &prog,
        .profile = o.profile,
        .profile_path = profile_path,
        .profiles_dir = profiles_dir,
        .only = o.only,
        .skip = o.skip,
        .waiver_files = o.waivers,
        .nwaiver_files = o.nwaivers,
        .baseline = o.baseline,
        .collect_baseline = o.write_baseline != NULL,
        .catalogue = cat,
        .exclude = o.exclude,
        .nexclude = o.nexclude,
        .include = o.include,
        .ninclude = o.ninclude,
        .unit_judged = history ? record_unit : NULL,
        .unit_judged_ud = history,
    };
    co.report.verbose = o.verbose;
    co.report.quiet = o.quiet;
    co.stdin_path = stdin_path;
    co.stdin_name = o.stdin_name;
    co.timing = o.timing ? sk_timing_new() : NULL;
    sk_result res = {0};
    int code = o.timing && !co.timing ? -1 : sk_check(&co, &res);
    int judged = code;
    /* when the report is for a file or a program, standard error says too why a run judged
     * nothing, and what could not be judged that names no file: the CI log shows it, whatever
     * the format keeps (gitlab's issues need a file) */
    for (size_t i = 0; code >= 0 && (o.output || strcmp(o.format, "text") != 0) && i < res.errors.count; i++)
        if (res.stopped || !res.errors.items[i].file)
            cli_print_errors(&(sk_errors){.items = &res.errors.items[i], .count = 1});
    if (report && fclose(report) != 0 && code >= 0)
        code = -2;
    progress_end(&prog);
    /* like a failing finding, a warning counts unless a waiver or the
     * baseline accepted it: a region that adopts a baseline with
     * --max-warnings 0 must not fail on the warnings it adopted */
    if (code >= 0 && !res.stopped && o.max_warnings >= 0 &&
        res.summary.open_findings[SK_SEV_WARNING] > (size_t)o.max_warnings) {
        cli_fail("%zu warnings neither waived nor in the baseline, more than --max-warnings %ld",
                 res.summary.open_findings[SK_SEV_WARNING], o.max_warnings);
        if (code == 0)
            code = 1;
    }
    if (code == -1)
        cli_fail("out of memory");
    if (output_close(&out, code >= 0) || code < 0)
        code = 2;
    /* a run stopped before judging any unit records nothing: its transaction
     * is rolled back, the history keeps its last good audit */
    if (history && record_end(history, &res, res.stopped ? -1 : judged) == 2)
        code = 2;
    if (o.write_baseline && code >= 0 && !res.stopped) {
        /* recording is not a gate: known gaps do not fail it (what could not be judged does) */
        output bl;
        if (output_open(&bl, o.write_baseline, inputs, ninputs) ||
            output_close(&bl, sk_baseline_write(&res, bl.f) == 0))
            code = 2;
        else if (code == 1)
            code = 0;
    }
    if (co.timing && code >= 0 && !res.stopped &&
        sk_timing_write(co.timing, strcmp(o.format, "json") == 0, cat, stderr))
        code = 2;
    sk_timing_free(co.timing);
    free(inputs);
    free(profile_path);
    free(trend);
    sk_result_free(&res);
    sk_catalogue_free(cat);
    return code;
}

int cmd_check(int argc, char **argv)
{
    return run(argc, argv, 0);
}

int cmd_audit(int argc, char **argv)
{
    return run(argc, argv, 1);
}
