/* cmd_check.c: `startklar check PATH...` and `startklar audit DIR...`: the
 * whole pipeline over the given files and directories, its report streamed
 * to standard output or -o FILE. audit is check at batch scale: one worker
 * per core by default, and progress on a terminal. */
#include "cli.h"

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
        today(date);
        o.as_of = date;
    }
    const char *dirs[MAX_RULE_DIRS];
    size_t ndirs = 0;
    if (!o.no_builtin)
        dirs[ndirs++] = builtin_plugins(builtin, sizeof builtin);
    for (size_t i = 0; i < o.nrule_dirs; i++)
        dirs[ndirs++] = o.rule_dirs[i];

    char profiles[PATH_MAX];
    const char *profiles_dir = builtin_profiles(profiles, sizeof profiles);
    char *profile_path = o.profile ? sk_profile_path(o.profile, profiles_dir) : NULL;
    if (o.profile && !profile_path)
        return 2;
    int broken_catalogue;
    sk_catalogue *cat = cli_catalogue(&broken_catalogue);
    output out;
    if (broken_catalogue || output_open(&out, o.output)) {
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
    };
    co.report.verbose = o.verbose;
    co.report.quiet = o.quiet;
    co.stdin_path = stdin_path;
    co.stdin_name = o.stdin_name;
    sk_result res;
    int code = sk_check(&co, &res);
    if (report && fclose(report) != 0 && code >= 0)
        code = -2;
    progress_end(&prog);
    if (code >= 0 && !res.stopped && o.max_warnings >= 0 &&
        res.summary.findings[SK_SEV_WARNING] > (size_t)o.max_warnings) {
        cli_fail("%zu warnings, more than --max-warnings %ld", res.summary.findings[SK_SEV_WARNING], o.max_warnings);
        if (code == 0)
            code = 1;
    }
    if (code == -1)
        fprintf(stderr, "startklar: out of memory\n");
    if (output_close(&out, code >= 0) || code < 0)
        code = 2;
    if (o.write_baseline && code >= 0 && !res.stopped) {
        /* recording is not a gate: known gaps do not fail it (what could not be judged does) */
        output bl;
        if (output_open(&bl, o.write_baseline) || output_close(&bl, sk_baseline_write(&res, bl.f) == 0))
            code = 2;
        else if (code == 1)
            code = 0;
    }
    free(profile_path);
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
