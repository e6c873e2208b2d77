/* report_support.c: what the report writers in report_*.c share beyond
 * report.c: whether a rule applied to a unit, and XML/HTML text straight to
 * a stream. (Which rules ran and finding a rule by id are the registry's:
 * sk_rules_enabled, sk_rules_find.) */
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

void sk_report_days(const sk_catalogue *cat, int days, char *buf, size_t size)
{
    if (days == 0)
        snprintf(buf, size, "%s", sk_label(cat, "today"));
    else if (days > 0)
        snprintf(buf, size, sk_label(cat, days == 1 ? "in %d day" : "in %d days"), days);
    else
        snprintf(buf, size, sk_label(cat, days == -1 ? "%d day ago" : "%d days ago"), -days);
}
