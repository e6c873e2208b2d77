/* timing.c: --timing, where a run's time goes: wall time per stage, and per
 * rule its calls, wall time, Lua instructions (deterministic: the same on
 * every machine and with any --jobs) and bytes allocated. Each worker counts
 * into its own sk_timing; they are added up under the batch's lock when the
 * worker ends, and written to stderr, never into the report. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The stages in pipeline order, with their names in the JSON and the text. */
static const char *const stage_names[SK_NSTAGES] = {
    [SK_STAGE_RULES_LOAD] = "rules_load", [SK_STAGE_INDEX] = "index",   [SK_STAGE_LOAD] = "load",
    [SK_STAGE_SCHEMA] = "schema",         [SK_STAGE_VIEWS] = "views",   [SK_STAGE_RULES] = "rules",
    [SK_STAGE_JUDGE] = "judge",           [SK_STAGE_REPORT] = "report",
};

/* English labels of the text table (through the catalogue). */
static const char *const stage_labels[SK_NSTAGES] = {
    [SK_STAGE_RULES_LOAD] = "loading the rules",
    [SK_STAGE_INDEX] = "discovery and index",
    [SK_STAGE_LOAD] = "loading (libyaml and tree)",
    [SK_STAGE_SCHEMA] = "schema check",
    [SK_STAGE_VIEWS] = "documents as Lua views",
    [SK_STAGE_RULES] = "rules",
    [SK_STAGE_JUDGE] = "judging",
    [SK_STAGE_REPORT] = "writing the report",
};

unsigned long long sk_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

sk_timing *sk_timing_new(void)
{
    return calloc(1, sizeof(sk_timing));
}

int sk_timing_size(sk_timing *t, size_t nrules)
{
    if (t->nrules >= nrules)
        return 0;
    sk_rule_timing *r = realloc(t->rules, nrules * sizeof *r);
    if (!r)
        return -1;
    memset(r + t->nrules, 0, (nrules - t->nrules) * sizeof *r);
    t->rules = r;
    t->nrules = nrules;
    return 0;
}

int sk_timing_add(sk_timing *to, const sk_timing *from)
{
    if (sk_timing_size(to, from->nrules))
        return -1;
    for (int s = 0; s < SK_NSTAGES; s++)
        to->stage_ns[s] += from->stage_ns[s];
    for (size_t i = 0; i < from->nrules; i++) {
        to->rules[i].calls += from->rules[i].calls;
        to->rules[i].ns += from->rules[i].ns;
        to->rules[i].instructions += from->rules[i].instructions;
        to->rules[i].bytes += from->rules[i].bytes;
    }
    return 0;
}

int sk_timing_name_rules(sk_timing *t, const sk_rules *rules)
{
    if (sk_timing_size(t, rules->nrules))
        return -1;
    for (size_t i = 0; i < rules->nrules; i++) {
        t->rules[i].ran = rules->rules[i].enabled;
        if (!t->rules[i].id && !(t->rules[i].id = sk_strdup(rules->rules[i].info.id)))
            return -1;
    }
    return 0;
}

int sk_timing_append(sk_timing *to, sk_timing *from)
{
    size_t n = to->nrules;
    for (size_t i = 0; i < from->nrules; i++)
        n += from->rules[i].calls > 0;
    if (n > to->nrules) {
        sk_rule_timing *r = realloc(to->rules, n * sizeof *r);
        if (!r)
            return -1;
        to->rules = r;
    }
    for (size_t i = 0; i < from->nrules; i++)
        if (from->rules[i].calls > 0) {
            to->rules[to->nrules] = from->rules[i];
            to->rules[to->nrules++].ran = 1;
            from->rules[i].id = NULL; /* moved */
        }
    for (int s = 0; s < SK_NSTAGES; s++)
        to->stage_ns[s] += from->stage_ns[s];
    return 0;
}

void sk_timing_free(sk_timing *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrules; i++)
        free(t->rules[i].id);
    free(t->rules);
    free(t);
}

static double ms(unsigned long long ns)
{
    return (double)ns / 1e6;
}

static void write_json(const sk_timing *t, FILE *out)
{
    fprintf(out, "{\"timing\": {\"wall_ms\": %.3f, \"jobs\": %u,\n  \"stages\": {", ms(t->wall_ns), t->jobs);
    for (int s = 0; s < SK_NSTAGES; s++)
        fprintf(out, "%s\"%s_ms\": %.3f", s ? ", " : "", stage_names[s], ms(t->stage_ns[s]));
    fputs("},\n  \"rules\": [", out);
    int first = 1;
    for (size_t i = 0; i < t->nrules; i++) {
        const sk_rule_timing *r = &t->rules[i];
        if (!r->ran || !r->id)
            continue;
        fprintf(out, "%s\n    {\"rule\": ", first ? "" : ",");
        sk_report_json_str(out, r->id);
        fprintf(out,
                ", \"calls\": %llu, \"total_ms\": %.3f, \"mean_us\": %.3f, \"instructions\": %llu, "
                "\"bytes\": %llu}",
                r->calls, ms(r->ns), r->calls ? (double)r->ns / 1e3 / (double)r->calls : 0.0,
                r->instructions, r->bytes);
        first = 0;
    }
    fputs(first ? "]}}\n" : "\n  ]}}\n", out);
}

/* Rules by total time, most first; by id on a tie (the text table). */
static int by_time(const void *a, const void *b)
{
    const sk_rule_timing *x = *(const sk_rule_timing *const *)a, *y = *(const sk_rule_timing *const *)b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? 1 : -1;
    return strcmp(x->id, y->id);
}

const char *sk_decimal(char *buf, size_t size, double v, int decimals, const sk_catalogue *c)
{
    snprintf(buf, size, "%.*f", decimals, v);
    char *dot = strchr(buf, '.');
    if (dot && strcmp(sk_catalogue_lang(c), "sv") == 0)
        *dot = ',';
    return buf;
}

static double share(unsigned long long part, unsigned long long whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static int write_text(const sk_timing *t, const sk_catalogue *c, FILE *out)
{
    unsigned long long stages = 0, rules_ns = 0;
    char a[32], b[32], d[32];
    for (int s = 0; s < SK_NSTAGES; s++)
        stages += t->stage_ns[s];
    fprintf(out, sk_plural(c, "Timing: %s ms in all, %u job; a stage's time is summed over the jobs",
                           "Timing: %s ms in all, %u jobs; a stage's time is summed over the jobs", t->jobs),
            sk_decimal(a, sizeof a, ms(t->wall_ns), 1, c), t->jobs);
    fputs("\n\n", out);
    fprintf(out, "%-32s %10s %7s\n", sk_label(c, "stage"), "ms", "%");
    for (int s = 0; s < SK_NSTAGES; s++)
        if (t->stage_ns[s]) /* `test` has only views and rules */
            fprintf(out, "%-32s %10s %7s\n", sk_label(c, stage_labels[s]),
                    sk_decimal(a, sizeof a, ms(t->stage_ns[s]), 3, c),
                    sk_decimal(b, sizeof b, share(t->stage_ns[s], stages), 1, c));
    const sk_rule_timing **order = calloc(t->nrules + 1, sizeof *order);
    if (!order)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < t->nrules; i++)
        if (t->rules[i].ran && t->rules[i].id) {
            order[n++] = &t->rules[i];
            rules_ns += t->rules[i].ns;
        }
    qsort(order, n, sizeof *order, by_time);
    fprintf(out, "\n%-12s %8s %10s %10s %14s %14s %7s\n", sk_label(c, "rule"), sk_label(c, "calls"),
            sk_label(c, "total ms"), sk_label(c, "mean µs"), sk_label(c, "instructions"),
            sk_label(c, "bytes"), "%");
    for (size_t i = 0; i < n; i++) {
        const sk_rule_timing *r = order[i];
        fprintf(out, "%-12s %8llu %10s %10s %14llu %14llu %7s\n", r->id, r->calls,
                sk_decimal(a, sizeof a, ms(r->ns), 3, c),
                sk_decimal(b, sizeof b, r->calls ? (double)r->ns / 1e3 / (double)r->calls : 0.0, 2, c),
                r->instructions, r->bytes, sk_decimal(d, sizeof d, share(r->ns, rules_ns), 1, c));
    }
    free(order);
    return 0;
}

int sk_timing_write(const sk_timing *t, int json, const sk_catalogue *c, FILE *out)
{
    if (json)
        write_json(t, out);
    else if (write_text(t, c, out))
        return -1;
    return fflush(out) == 0 && !ferror(out) ? 0 : -2;
}
