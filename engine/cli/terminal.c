/* terminal.c: what check and audit do on a terminal: whether the report is
 * in colour (--color, NO_COLOR, FORCE_COLOR, TERM=dumb), and audit's progress
 * line on standard error, erased before any report line reaches the same
 * terminal and estimating the time left from the rate of the last seconds. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int set(const char *name)
{
    const char *v = getenv(name);
    return v && *v;
}

int use_color(const char *flag, int to_terminal)
{
    if (flag && strcmp(flag, "auto") != 0)
        return strcmp(flag, "always") == 0;
    if (set("NO_COLOR")) /* no-color.org: present and not empty */
        return 0;
    if (set("FORCE_COLOR") && strcmp(getenv("FORCE_COLOR"), "0") != 0)
        return 1;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return to_terminal;
}

/* ---- progress ------------------------------------------------------------ */

static double seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Erases the progress line (spaces, so a dumb terminal is served too). */
static void erase(progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
    p->shown = 0;
}

void progress_start(progress *p)
{
    memset(p, 0, sizeof *p);
    clock_gettime(CLOCK_MONOTONIC, &p->start);
}

void progress_show(void *ud, size_t done, size_t total)
{
    progress *p = ud;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double t = seconds(&p->start, &now);
    /* a sample every quarter second; the rate is over the last PROGRESS_SAMPLES of them */
    if (p->nsamples == 0 || t - p->samples[(p->head + PROGRESS_SAMPLES - 1) % PROGRESS_SAMPLES].t >= 0.25) {
        p->samples[p->head] = (progress_sample){t, done};
        p->head = (p->head + 1) % PROGRESS_SAMPLES;
        if (p->nsamples < PROGRESS_SAMPLES)
            p->nsamples++;
    }
    if (done < total && p->shown && t - p->drawn < 0.1)
        return;
    const progress_sample *old = &p->samples[p->nsamples < PROGRESS_SAMPLES ? 0 : p->head];
    double span = t - old->t;
    double rate = span >= 1.0 ? (double)(done - old->done) / span : 0;
    char line[96];
    int n;
    if (rate > 0) {
        long left = (long)((double)(total - done) / rate + 0.5);
        n = snprintf(line, sizeof line, "  %zu/%zu units  %.0f/s  %ld:%02ld left", done, total, rate, left / 60,
                     left % 60);
    } else {
        n = snprintf(line, sizeof line, "  %zu/%zu units", done, total);
    }
    erase(p);
    fputs(line, stderr);
    fflush(stderr);
    p->width = n;
    p->shown = 1;
    p->drawn = t;
}

void progress_end(progress *p)
{
    erase(p);
}

/* The report on the terminal that shows the progress: each write erases
 * the progress line first (the next unit draws it again). */
static ssize_t erase_then_write(void *cookie, const char *buf, size_t n)
{
    erase(cookie);
    size_t at = 0;
    while (at < n) {
        ssize_t w = write(STDOUT_FILENO, buf + at, n - at);
        if (w <= 0)
            return at ? (ssize_t)at : -1;
        at += (size_t)w;
    }
    return (ssize_t)n;
}

static int same_terminal(void)
{
    struct stat a, b;
    return isatty(STDOUT_FILENO) && isatty(STDERR_FILENO) && fstat(STDOUT_FILENO, &a) == 0 &&
           fstat(STDERR_FILENO, &b) == 0 && a.st_rdev == b.st_rdev;
}

FILE *progress_report_stream(progress *p)
{
    if (!same_terminal())
        return NULL;
    cookie_io_functions_t io = {.write = erase_then_write};
    FILE *f = fopencookie(p, "w", io);
    if (f)
        setvbuf(f, NULL, _IOLBF, 0);
    return f;
}
