/* judge.c: findings -> verdicts. Sorts each unit's findings into their fixed
 * order, lets the policy mark them waived or known, gives the unit its status
 * against --fail-on (ready, ready with known gaps, not ready, error), adds it to the summary
 * (counts, the most common gaps, the units with most errors) and, at the
 * end, chooses the exit code (0 ready, 1 not ready, 2 not judged). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int finding_cmp(const void *pa, const void *pb)
{
    const sk_finding *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if ((c = strcmp(a->rule, b->rule)))
        return c;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    if ((c = strcmp(a->path, b->path)))
        return c;
    return strcmp(a->message, b->message);
}

/* One more unit affected by rule (findings are sorted, rules may repeat). */
static int count_gap(sk_summary *s, const char *rule)
{
    for (size_t i = 0; i < s->ngaps; i++)
        if (strcmp(s->gaps[i].rule, rule) == 0)
            return s->gaps[i].units++, 0;
    if (sk_grow((void **)&s->gaps, &s->capgaps, s->ngaps, sizeof *s->gaps))
        return -1;
    if (!(s->gaps[s->ngaps].rule = sk_strdup(rule)))
        return -1;
    s->gaps[s->ngaps++].units = 1;
    return 0;
}

/* Keeps the SK_TOP units with the most error findings (ties: first by id). */
static int count_errors(sk_summary *s, const sk_unit_result *u, size_t n)
{
    if (n == 0)
        return 0;
    size_t at = s->nmost_errors;
    while (at > 0 && s->most_errors[at - 1].count < n)
        at--;
    if (at >= SK_TOP)
        return 0;
    char *id = sk_strdup(u->hsa_id);
    if (!id)
        return -1;
    if (s->nmost_errors == SK_TOP)
        free(s->most_errors[SK_TOP - 1].hsa_id);
    else
        s->nmost_errors++;
    memmove(&s->most_errors[at + 1], &s->most_errors[at],
            (s->nmost_errors - 1 - at) * sizeof *s->most_errors);
    s->most_errors[at].hsa_id = id;
    s->most_errors[at].count = n;
    return 0;
}

int sk_judge_unit(sk_result *res, sk_unit_result *u)
{
    sk_summary *s = &res->summary;
    if (u->nfindings > 1)
        qsort(u->findings, u->nfindings, sizeof *u->findings, finding_cmp);
    /* a rule file that did not load is a rule that failed on every unit: none is judged whole */
    if (res->rules && res->rules->broken)
        u->rule_errors += (int)res->rules->broken;
    int whole = !u->load_errors && !u->rule_errors;
    if (res->policy && sk_policy_judge_unit(res->policy, res->as_of, u, whole))
        return -1;
    int fails = 0, known = 0;
    size_t errors = 0;
    for (size_t j = 0; j < u->nfindings; j++) {
        sk_finding *f = &u->findings[j];
        s->findings[f->severity]++;
        s->open_findings[f->severity] += !f->waived && !f->known;
        errors += f->severity == SK_SEV_ERROR;
        /* a waived finding is reported but does not fail; a known one leaves
         * the unit ready with known gaps */
        if (!f->waived && res->fail_on != SK_SEV_NONE && f->severity >= res->fail_on) {
            if (f->known)
                known = 1;
            else
                fails = 1;
        }
        /* a rule counts once per unit */
        int seen = 0;
        for (size_t k = 0; k < j && !seen; k++)
            seen = strcmp(u->findings[k].rule, f->rule) == 0;
        if (!seen && count_gap(s, f->rule))
            return -1;
    }
    if (!whole)
        u->status = SK_UNIT_ERROR, s->errored++;
    else if (fails)
        u->status = SK_UNIT_FAIL, s->failed++;
    else if (known)
        u->status = SK_UNIT_KNOWN_GAPS, s->known_gaps++;
    else
        u->status = SK_UNIT_PASS, s->passed++;
    sk_rollout_judge(u, res->as_of, sk_policy_at_risk_days(res->policy));
    s->rollout[u->rollout]++;
    s->units++;
    return count_errors(s, u, errors);
}

static int gap_cmp(const void *pa, const void *pb)
{
    const sk_gap *a = pa, *b = pb;
    if (a->units != b->units)
        return a->units > b->units ? -1 : 1;
    return strcmp(a->rule, b->rule);
}

int sk_judge_finish(sk_result *res)
{
    sk_summary *s = &res->summary;
    if (res->policy && !res->stopped && sk_policy_finish(res->policy, res->as_of, &res->warnings, &res->fixed))
        return -1;
    if (s->ngaps > 1)
        qsort(s->gaps, s->ngaps, sizeof *s->gaps, gap_cmp);
    sk_errors_sort(&res->errors);
    s->errors = res->errors.count;
    /* a unit not judged whole is 2 even where its error is another shard's to report */
    if (res->errors.count || s->errored)
        return 2;
    return s->failed ? 1 : 0;
}

int sk_judge(sk_result *res)
{
    for (size_t i = 0; i < res->nunits; i++)
        if (sk_judge_unit(res, &res->units[i]))
            return -1;
    return sk_judge_finish(res);
}

void sk_summary_free(sk_summary *s)
{
    for (size_t i = 0; i < s->ngaps; i++)
        free(s->gaps[i].rule);
    free(s->gaps);
    for (size_t i = 0; i < s->nmost_errors; i++)
        free(s->most_errors[i].hsa_id);
    memset(s, 0, sizeof *s);
}
