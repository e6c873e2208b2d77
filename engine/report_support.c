/* report_support.c: what the report writers in report_*.c share beyond
 * report.c: which rules ran, finding a rule by id, whether a rule applied to
 * a unit, and XML/HTML text straight to a stream. */
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

int sk_report_rule_ran(const sk_rules *r, size_t i)
{
    return r && i < r->nrules && r->rules[i].enabled;
}

const sk_rule_info *sk_report_rule_find(const sk_rules *r, const char *id)
{
    if (!r || !id)
        return NULL;
    size_t lo = 0, hi = r->nrules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->rules[mid].info.id, id);
        if (c == 0)
            return &r->rules[mid].info;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int sk_report_rule_applies(const sk_rule_info *rule, const sk_unit_result *u)
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
