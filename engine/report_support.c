/* report_support.c: what the report writers in report_*.c share beyond
 * report.c: a rule's metadata by id (plain data the check hands over in the
 * result: the writers never reach into the rule registry), whether a rule
 * applied to a unit, and XML/HTML text straight to a stream. */
#include "internal.h"

#include <string.h>

void sk_report_xml(FILE *out, const char *s, int attribute)
{
    if (!s)
        return;
    sk_buf b = {0};
    sk_buf_xml(&b, s, attribute);
    if (!b.failed && b.data)
        fwrite(b.data, 1, b.len, out);
    sk_buf_free(&b);
}

const sk_rule_meta *sk_report_rule(const sk_result *res, const char *id)
{
    size_t lo = 0, hi = res && id ? res->nrule_meta : 0; /* sorted by id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(res->rule_meta[mid].id, id);
        if (c == 0)
            return &res->rule_meta[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

long sk_report_rule_index(const sk_result *res, const char *id)
{
    long n = 0;
    for (size_t i = 0; id && i < res->nrule_meta; i++) {
        if (!res->rule_meta[i].enabled)
            continue;
        if (strcmp(res->rule_meta[i].id, id) == 0)
            return n;
        n++;
    }
    return -1;
}

int sk_report_rule_applies(const sk_rule_meta *rule, const sk_unit_result *u)
{
    if (!rule || !rule->applies_to || !u || u->nkinds == 0)
        return 0;
    if (strcmp(rule->applies_to, "unit") == 0)
        return 1;
    for (size_t i = 0; i < u->nkinds; i++)
        if (u->kinds[i] && strcmp(u->kinds[i], rule->applies_to) == 0)
            return 1;
    return 0;
}
