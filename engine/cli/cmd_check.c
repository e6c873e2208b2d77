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

typedef struct progress {
    struct timespec start;
    int shown;
} progress;

/* "  1234/5000 units  310/s  0:12 left" on stderr, rewritten in place. */
static void show_progress(void *ud, size_t done, size_t total)
{
    progress *p = ud;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - p->start.tv_sec) + (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
    if (done < total && done % 50 != 0)
        return;
    double rate = secs > 0 ? (double)done / secs : 0;
    long left = rate > 0 ? (long)((double)(total - done) / rate) : 0;
    fprintf(stderr, "\r  %zu/%zu units  %.0f/s  %ld:%02ld left ", done, total, rate, left / 60, left % 60);
    p->shown = 1;
}

static int run(int argc, char **argv, int audit)
{
    options o = {.format = "text", .fail_on = SK_SEV_ERROR};
    char date[11], builtin[PATH_MAX];
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc;
    if (optind >= argc)
        return usage_error(audit ? "audit needs at least one directory%s"
                                 : "check needs at least one file or directory%s", "");
    if (!o.as_of) {
        if ((rc = today(date)))
            return rc;
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
    /* every path the run reads, which -o and --write-baseline must not replace */
    size_t ninputs = 0;
    const char **inputs = calloc((size_t)(argc - optind) + o.nwaivers + o.nrule_dirs + 3, sizeof *inputs);
    if (inputs) {
        for (int i = optind; i < argc; i++)
            inputs[ninputs++] = argv[i];
        for (size_t i = 0; i < o.nwaivers; i++)
            inputs[ninputs++] = o.waivers[i];
        for (size_t i = 0; i < o.nrule_dirs; i++)
            inputs[ninputs++] = o.rule_dirs[i];
        inputs[ninputs++] = o.baseline;
        inputs[ninputs++] = profile_path;
    }
    output out;
    if (!inputs || broken_catalogue || output_open(&out, o.output, inputs, ninputs)) {
        if (!inputs)
            fprintf(stderr, "startklar: out of memory\n");
        free(inputs);
        sk_catalogue_free(cat);
        free(profile_path);
        return 2;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    progress prog = {0};
    clock_gettime(CLOCK_MONOTONIC, &prog.start);
    int tty = isatty(STDERR_FILENO) && !getenv("CI");
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
        .out = out.f,
        .report.color = !o.output && strcmp(o.format, "text") == 0 && isatty(STDOUT_FILENO) &&
                        !getenv("NO_COLOR"),
        .progress = audit && tty ? show_progress : NULL,
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
    };
    sk_result res;
    int code = sk_check(&co, &res);
    if (prog.shown)
        fputs("\n", stderr);
    if (code == -1)
        fprintf(stderr, "startklar: out of memory\n");
    if (output_close(&out, code >= 0) || code < 0)
        code = 2;
    if (o.write_baseline && code >= 0) {
        output bl;
        if (output_open(&bl, o.write_baseline, inputs, ninputs) ||
            output_close(&bl, sk_baseline_write(&res, bl.f) == 0))
            code = 2;
    }
    free(inputs);
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
