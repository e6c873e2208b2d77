/* judge.c: findings -> verdicts. Sorts every unit's findings into their
 * fixed order, gives each unit its status against --fail-on, sums up the
 * run and chooses the exit code (0 ready, 1 not ready, 2 not judged). */
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

int sk_judge(sk_result *res)
{
    sk_summary *s = &res->summary;
    memset(s, 0, sizeof *s);
    int failing = 0;
    for (size_t i = 0; i < res->nunits; i++) {
        sk_unit_result *u = &res->units[i];
        if (u->nfindings > 1)
            qsort(u->findings, u->nfindings, sizeof *u->findings, finding_cmp);
        int fails = 0;
        for (size_t j = 0; j < u->nfindings; j++) {
            const sk_finding *f = &u->findings[j];
            s->findings[f->severity]++;
            if (!f->waived && res->fail_on != SK_SEV_NONE && f->severity >= res->fail_on)
                fails = 1;
        }
        if (u->load_errors || u->rule_errors)
            u->status = SK_UNIT_ERROR, s->errored++;
        else if (fails)
            u->status = SK_UNIT_FAIL, s->failed++;
        else
            u->status = SK_UNIT_PASS, s->passed++;
        failing |= fails;
    }
    s->units = res->nunits;
    sk_errors_sort(&res->errors);
    s->errors = res->errors.count;
    if (res->errors.count)
        return 2;
    return failing ? 1 : 0;
}
