/* rollout.c: the launch countdown. When a unit is grouped and run, its launch
 * date is taken from its documents (the communication plan's and the
 * onboarding checklist's launch_date; when they disagree, the earliest,
 * marked disputed: UN-01 reports the disagreement itself). When the unit is
 * judged, the days from --as-of to that date and the unit's readiness give
 * its rollout state (docs/rollout.md). */
#include "internal.h"

#include <string.h>

/* The document kinds that name the unit's launch date, in one list. */
static const char *const LAUNCH_KINDS[] = {"communication-plan", "unit-onboarding", NULL};

static const struct {
    const char *name, *label;
} STATES[SK_ROLLOUT_STATES] = {
    [SK_ROLLOUT_READY] = {"ready", "ready"},
    [SK_ROLLOUT_AT_RISK] = {"at_risk", "at risk"},
    [SK_ROLLOUT_NOT_READY] = {"not_ready", "not ready"},
    [SK_ROLLOUT_LAUNCHED_NOT_READY] = {"launched_not_ready", "launched, not ready"},
};

const char *sk_rollout_name(sk_rollout r)
{
    return (unsigned)r < SK_ROLLOUT_STATES ? STATES[r].name : NULL;
}

const char *sk_rollout_label(sk_rollout r)
{
    return (unsigned)r < SK_ROLLOUT_STATES ? STATES[r].label : NULL;
}

static int names_launch(const char *kind)
{
    for (const char *const *k = LAUNCH_KINDS; *k; k++)
        if (strcmp(*k, kind) == 0)
            return 1;
    return 0;
}

void sk_rollout_launch(const sk_unit *u, sk_unit_result *out)
{
    out->launch_date[0] = '\0';
    out->launch_disputed = 0;
    for (size_t i = 0; i < u->count; i++) {
        const sk_doc *d = u->docs[i];
        if (!names_launch(d->kind))
            continue;
        const sk_node *n = sk_node_get(d->root, "launch_date");
        if (!n || n->type != SK_NODE_DATE || n->len != 10)
            continue;
        if (!out->launch_date[0]) {
            memcpy(out->launch_date, n->text, 10);
            out->launch_date[10] = '\0';
            continue;
        }
        int c = strncmp(n->text, out->launch_date, 10);
        if (c == 0)
            continue;
        out->launch_disputed = 1;
        if (c < 0) /* "YYYY-MM-DD" sorts as the calendar does */
            memcpy(out->launch_date, n->text, 10);
    }
}

int sk_rollout_ready(sk_unit_status s)
{
    static const int READY[SK_UNIT_STATUSES] = {
        [SK_UNIT_PASS] = 1, [SK_UNIT_FAIL] = 0, [SK_UNIT_ERROR] = 0, [SK_UNIT_KNOWN_GAPS] = 1,
    };
    return (unsigned)s < SK_UNIT_STATUSES && READY[s];
}

void sk_rollout_judge(sk_unit_result *u, const char *as_of, int at_risk_days)
{
    int64_t launch = u->launch_date[0] ? sk_date_days(u->launch_date) : INT64_MIN;
    int64_t today = as_of ? sk_date_days(as_of) : INT64_MIN;
    int dated = launch != INT64_MIN && today != INT64_MIN;
    u->days_to_launch = dated ? (int)(launch - today) : 0;
    if (sk_rollout_ready(u->status))
        u->rollout = SK_ROLLOUT_READY;
    else if (dated && u->days_to_launch < 0)
        u->rollout = SK_ROLLOUT_LAUNCHED_NOT_READY;
    else if (dated && u->days_to_launch <= at_risk_days)
        u->rollout = SK_ROLLOUT_AT_RISK;
    else
        u->rollout = SK_ROLLOUT_NOT_READY;
}
