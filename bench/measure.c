/* measure.c: runs a command several times and prints the best wall-clock
 * time, the largest peak RSS and the least CPU time (user + system: on a
 * machine shared with other work it moves less than the wall time), so
 * bench/run.sh needs nothing but what the project builds.
 * Usage: measure RUNS COMMAND [ARG...]  (stdout of the command goes to
 * /dev/null). Prints "SECONDS MAXRSS_KB CPU_SECONDS". */
#define _DEFAULT_SOURCE /* wait4 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: measure RUNS COMMAND [ARG...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    double best = -1, best_cpu = -1;
    long max_rss = 0;
    for (int r = 0; r < runs; r++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        pid_t pid = fork();
        if (pid < 0)
            return perror("fork"), 1;
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0)
                dup2(null, STDOUT_FILENO);
            execvp(argv[2], argv + 2);
            perror(argv[2]);
            _exit(127);
        }
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) < 0)
            return perror("wait4"), 1;
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            return 1;
        double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
        if (best < 0 || secs < best)
            best = secs;
        double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                     (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
        if (best_cpu < 0 || cpu < best_cpu)
            best_cpu = cpu;
        if (ru.ru_maxrss > max_rss)
            max_rss = ru.ru_maxrss;
    }
    printf("%.4f %ld %.4f\n", best, max_rss, best_cpu);
    return 0;
}
