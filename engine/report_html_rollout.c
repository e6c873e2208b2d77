/* report_html_rollout.c: the rollout panels of the HTML page, for the
 * manager who plans with it (docs/rollout.md): the units at risk first
 * (launching within the window and not ready, then launched and not ready,
 * each with its blocking findings), a launch timeline (an SVG: the units on
 * their launch dates, coloured by rollout state, a line for the as-of day)
 * and, with --history, the trend of the rollout states across the recorded
 * audits. The units stream past report_html.c, which hands each one here;
 * what the panels need is kept, and written with the summary at the end. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The states' colours, in sk_rollout order (CSS variables of the page). */
static const char *const COLOURS[SK_ROLLOUT_STATES] = {"var(--pass)", "var(--warn)", "#8c959f", "var(--fail)"};

#define TITLE_IDS 8   /* unit ids named in a timeline column's tooltip */
#define RISKY_ROWS 200 /* rows of the at-risk list: the most urgent, the rest counted */

typedef struct blocker {
    char *rule, *message, *owner; /* owner: NULL when the documents name none */
} blocker;

typedef struct risky {
    char *hsa_id, *name;
    char launch[11];
    int days, disputed;
    sk_rollout state;
    blocker *blockers;
    size_t nblockers;
} risky;

typedef struct day {
    char date[11];
    size_t count[SK_ROLLOUT_STATES];
    char *ids[TITLE_IDS];
    size_t nids, total;
} day;

typedef struct rollout_panels {
    risky *risky; /* the RISKY_ROWS most urgent, in order */
    size_t nrisky, more;
    day *days; /* sorted by date */
    size_t ndays, capdays;
    int failed; /* out of memory: the panels are left out */
} rollout_panels;

static void risky_free(risky *r)
{
    for (size_t i = 0; i < r->nblockers; i++)
        free(r->blockers[i].rule), free(r->blockers[i].message), free(r->blockers[i].owner);
    free(r->blockers);
    free(r->hsa_id), free(r->name);
}

static void panels_free(rollout_panels *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nrisky; i++)
        risky_free(&p->risky[i]);
    for (size_t i = 0; i < p->ndays; i++)
        for (size_t k = 0; k < p->days[i].nids; k++)
            free(p->days[i].ids[k]);
    free(p->risky);
    free(p->days);
    free(p);
}

/* A finding that keeps the unit from being ready. */
static int blocks(const sk_result *res, const sk_finding *f)
{
    return !f->waived && !f->known && res->fail_on != SK_SEV_NONE && f->severity >= res->fail_on;
}

/* At risk first, the soonest launch first; then launched and not ready, the
 * most overdue last. */
static int risky_cmp(const void *pa, const void *pb)
{
    const risky *a = pa, *b = pb;
    if (a->state != b->state)
        return a->state == SK_ROLLOUT_AT_RISK ? -1 : 1;
    if (a->days != b->days)
        return a->state == SK_ROLLOUT_AT_RISK ? (a->days < b->days ? -1 : 1) : (a->days > b->days ? -1 : 1);
    return strcmp(a->hsa_id, b->hsa_id);
}

/* Copies what the list shows of a unit into r. 0, or -1 when out of memory. */
static int copy_risky(risky *r, const sk_result *res, const sk_unit_result *u)
{
    memset(r, 0, sizeof *r);
    memcpy(r->launch, u->launch_date, sizeof r->launch);
    r->days = u->days_to_launch;
    r->disputed = u->launch_disputed;
    r->state = u->rollout;
    if (!(r->hsa_id = sk_strdup(u->hsa_id)) || (u->name && !(r->name = sk_strdup(u->name))))
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < u->nfindings; i++)
        n += (size_t)blocks(res, &u->findings[i]);
    if (n && !(r->blockers = calloc(n, sizeof *r->blockers)))
        return -1;
    for (size_t i = 0; i < u->nfindings; i++) {
        if (!blocks(res, &u->findings[i]))
            continue;
        blocker *b = &r->blockers[r->nblockers++];
        if (!(b->rule = sk_strdup(u->findings[i].rule)) || !(b->message = sk_strdup(u->findings[i].message)) ||
            (u->findings[i].owner && !(b->owner = sk_strdup(u->findings[i].owner))))
            return -1;
    }
    return 0;
}

/* Keeps the unit among the RISKY_ROWS most urgent (memory stays bounded
 * however many units a region has); a unit left out is counted. */
static int keep_risky(rollout_panels *p, const sk_result *res, const sk_unit_result *u)
{
    if (!p->risky && !(p->risky = calloc(RISKY_ROWS, sizeof *p->risky)))
        return -1;
    risky r;
    if (copy_risky(&r, res, u)) {
        risky_free(&r);
        return -1;
    }
    size_t at = p->nrisky;
    while (at > 0 && risky_cmp(&r, &p->risky[at - 1]) < 0)
        at--;
    if (at == RISKY_ROWS) {
        risky_free(&r);
        p->more++;
        return 0;
    }
    if (p->nrisky == RISKY_ROWS) {
        risky_free(&p->risky[RISKY_ROWS - 1]);
        p->nrisky--, p->more++;
    }
    memmove(&p->risky[at + 1], &p->risky[at], (p->nrisky - at) * sizeof *p->risky);
    p->risky[at] = r;
    p->nrisky++;
    return 0;
}

static int keep_day(rollout_panels *p, const sk_unit_result *u)
{
    size_t at = p->ndays;
    while (at > 0 && strcmp(p->days[at - 1].date, u->launch_date) > 0)
        at--;
    if (at == 0 || strcmp(p->days[at - 1].date, u->launch_date) != 0) {
        if (sk_grow((void **)&p->days, &p->capdays, p->ndays, sizeof *p->days))
            return -1;
        memmove(&p->days[at + 1], &p->days[at], (p->ndays - at) * sizeof *p->days);
        memset(&p->days[at], 0, sizeof *p->days);
        memcpy(p->days[at].date, u->launch_date, sizeof p->days[at].date);
        p->ndays++;
        at++;
    }
    day *d = &p->days[at - 1];
    d->count[u->rollout]++;
    d->total++;
    if (d->nids < TITLE_IDS && !(d->ids[d->nids++] = sk_strdup(u->hsa_id)))
        return -1;
    return 0;
}

void sk_html_rollout_unit(sk_writing *w, void **panels, const sk_unit_result *u)
{
    rollout_panels *p = *panels;
    if (!p && !(p = *panels = calloc(1, sizeof *p)))
        return;
    if (p->failed)
        return;
    if ((u->rollout == SK_ROLLOUT_AT_RISK || u->rollout == SK_ROLLOUT_LAUNCHED_NOT_READY) &&
        keep_risky(p, w->res, u))
        p->failed = 1;
    if (u->launch_date[0] && keep_day(p, u))
        p->failed = 1;
}

/* ---- writing -------------------------------------------------------------------- */


static void at_risk_panel(const sk_result *res, rollout_panels *p, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    fputs("<div class=\"panel\" id=\"at-risk\"><h2>", out);
    sk_html_text(out, sk_label(cat, "At risk: launching soon and not ready"));
    fputs("</h2>\n", out);
    if (!p || !p->nrisky) {
        fputs("<p>", out);
        sk_html_text(out, sk_label(cat, "No unit is at risk or launched without being ready."));
        fputs("</p></div>\n", out);
        return;
    }
    static const char *const HEADS[] = {"Unit", "Launch", "Blocking findings"};
    fputs("<table class=\"findings\"><thead><tr>", out);
    for (size_t i = 0; i < 3; i++) {
        fputs("<th>", out);
        sk_html_text(out, sk_label(cat, HEADS[i]));
        fputs("</th>", out);
    }
    fputs("</tr></thead><tbody>\n", out);
    for (size_t i = 0; i < p->nrisky; i++) {
        const risky *r = &p->risky[i];
        char when[64];
        sk_report_days(cat, r->days, when, sizeof when);
        fputs("<tr><td><strong>", out);
        sk_html_text(out, r->hsa_id);
        fputs("</strong> ", out);
        if (r->name && strcmp(r->name, r->hsa_id) != 0)
            sk_html_text(out, r->name);
        fprintf(out, "</td><td>%s <span class=\"muted\">", r->launch);
        sk_html_text(out, when);
        fprintf(out, "</span><br><span class=\"rollout %s\">", sk_rollout_name(r->state));
        sk_html_text(out, sk_label(cat, sk_rollout_label(r->state)));
        fputs("</span>", out);
        if (r->disputed) {
            fputs("<span class=\"badge\">", out);
            sk_html_text(out, sk_label(cat, "disputed"));
            fputs("</span>", out);
        }
        fputs("</td><td>", out);
        for (size_t k = 0; k < r->nblockers; k++) {
            fputs(k ? "<br><strong>" : "<strong>", out);
            sk_html_text(out, r->blockers[k].rule);
            fputs("</strong> ", out);
            sk_html_text(out, r->blockers[k].message);
            if (r->blockers[k].owner) {
                const char *who = r->blockers[k].owner;
                fputs(" <small class=\"muted\">", out);
                sk_html_put(out, sk_label(cat, "owner: %s"), &who, 1, 0);
                fputs("</small>", out);
            }
        }
        if (!r->nblockers)
            sk_html_text(out, sk_label(cat, "could not be judged in full"));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
    if (p->more) {
        fputs("<p class=\"muted\">", out);
        fprintf(out, sk_label(cat, "... and %zu more units at risk or launched and not ready (the table below has them all)."),
                p->more);
        fputs("</p>", out);
    }
    fputs("</div>\n", out);
}

/* The SVG's x of a day: days from first, scaled to the width. */
static int x_of(int64_t d, int64_t first, int64_t span, int left, int width)
{
    return left + (int)((double)(d - first) * (double)width / (double)(span ? span : 1) + 0.5);
}

static void legend(const sk_catalogue *cat, FILE *out)
{
    fputs("<p class=\"muted\">", out);
    for (int s = 0; s < SK_ROLLOUT_STATES; s++) {
        fprintf(out, "%s<span style=\"color:%s\">&#9632;</span> ", s ? " &#160; " : "", COLOURS[s]);
        sk_html_text(out, sk_label(cat, sk_rollout_label((sk_rollout)s)));
    }
    fputs("</p>", out);
}

static void timeline_panel(const sk_result *res, const rollout_panels *p, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    if (!p || !p->ndays)
        return;
    int64_t today = res->as_of ? sk_date_days(res->as_of) : INT64_MIN;
    int64_t first = sk_date_days(p->days[0].date), last = sk_date_days(p->days[p->ndays - 1].date);
    if (today != INT64_MIN) {
        first = today < first ? today : first;
        last = today > last ? today : last;
    }
    first -= 3, last += 3; /* room for the first and last column */
    size_t most = 1;
    for (size_t i = 0; i < p->ndays; i++)
        most = p->days[i].total > most ? p->days[i].total : most;
    const int left = 20, width = 960, top = 24, height = 140, bottom = top + height;
    int64_t span = last - first;
    int bar = (int)(width / (span ? span : 1));
    bar = bar < 3 ? 3 : bar > 18 ? 18 : bar;
    fputs("<div class=\"panel\" id=\"timeline\"><h2>", out);
    sk_html_text(out, sk_label(cat, "Launch timeline"));
    fprintf(out, "</h2>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-label=\"",
            left + width + 20, bottom + 28, left + width + 20, bottom + 28);
    sk_report_xml(out, sk_label(cat, "Units on their launch dates, coloured by rollout state"), 1);
    fprintf(out, "\">\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c959f\"/>\n", left, bottom,
            left + width, bottom);
    /* a tick on the first of each month */
    const char *start = today != INT64_MIN && strcmp(res->as_of, p->days[0].date) < 0 ? res->as_of : p->days[0].date;
    int y = 0, m = 0;
    if (sscanf(start, "%4d-%2d", &y, &m) != 2)
        y = 0;
    for (int guard = 0; guard < 1200 && y > 0; guard++) {
        char month[24];
        snprintf(month, sizeof month, "%04d-%02d-01", y, m);
        int64_t d = sk_date_days(month);
        if (d == INT64_MIN || d > last)
            break;
        if (d >= first) {
            int x = x_of(d, first, span, left, width);
            fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d0d7de\"/>"
                         "<text x=\"%d\" y=\"%d\" class=\"count\">%.7s</text>\n",
                    x, top, x, bottom + 4, x + 2, bottom + 16, month);
        }
        if (++m > 12)
            m = 1, y++;
    }
    for (size_t i = 0; i < p->ndays; i++) {
        const day *d = &p->days[i];
        int x = x_of(sk_date_days(d->date), first, span, left, width) - bar / 2;
        fprintf(out, "<g><title>%s: ", d->date);
        for (size_t k = 0; k < d->nids; k++) {
            fputs(k ? ", " : "", out);
            sk_html_text(out, d->ids[k]);
        }
        if (d->total > d->nids)
            fprintf(out, sk_label(cat, " and %zu more"), d->total - d->nids);
        fputs("</title>", out);
        int at = bottom;
        for (int s = 0; s < SK_ROLLOUT_STATES; s++) {
            if (!d->count[s])
                continue;
            int hgt = (int)((double)height * (double)d->count[s] / (double)most + 0.5);
            hgt = hgt < 2 ? 2 : hgt;
            at -= hgt;
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" style=\"fill:%s\"/>", x, at, bar, hgt,
                    COLOURS[s]);
        }
        fputs("</g>\n", out);
    }
    if (today != INT64_MIN) {
        int x = x_of(today, first, span, left, width);
        fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f2328\" stroke-dasharray=\"4 3\"/>"
                     "<text x=\"%d\" y=\"%d\">",
                x, top - 6, x, bottom, x + 3, top + 6);
        sk_html_text(out, res->as_of);
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
    legend(cat, out);
    fputs("</div>\n", out);
}

/* The rollout states of each recorded audit and of this one, as stacked bars. */
static void trend_panel(const sk_result *res, const sk_report_options *opt, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    if (!opt || !opt->ntrend)
        return;
    size_t n = opt->ntrend + 1, most = 1;
    for (size_t i = 0; i < n; i++) {
        size_t total = 0;
        for (int s = 0; s < SK_ROLLOUT_STATES; s++)
            total += i < opt->ntrend ? opt->trend[i].rollout[s] : res->summary.rollout[s];
        most = total > most ? total : most;
    }
    const int left = 40, col = 56, top = 8, height = 140, bottom = top + height;
    int width = left + (int)n * col + 8;
    fputs("<div class=\"panel\" id=\"trend\"><h2>", out);
    sk_html_text(out, sk_label(cat, "Rollout over the recorded audits"));
    fprintf(out, "</h2>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-label=\"",
            width, bottom + 24, width, bottom + 24);
    sk_report_xml(out, sk_label(cat, "Units by rollout state in each audit"), 1);
    fprintf(out, "\">\n<text x=\"0\" y=\"%d\" class=\"count\">%zu</text><text x=\"0\" y=\"%d\" class=\"count\">0</text>\n",
            top + 10, most, bottom);
    for (size_t i = 0; i < n; i++) {
        const char *as_of = i < opt->ntrend ? opt->trend[i].as_of : res->as_of;
        as_of = as_of && strlen(as_of) == 10 ? as_of : "0000-00-00";
        int x = left + (int)i * col, at = bottom;
        fprintf(out, "<g><title>%s:", as_of);
        for (int s = 0; s < SK_ROLLOUT_STATES; s++) {
            size_t c = i < opt->ntrend ? opt->trend[i].rollout[s] : res->summary.rollout[s];
            fprintf(out, "%s %zu ", s ? "," : "", c);
            sk_html_text(out, sk_label(cat, sk_rollout_label((sk_rollout)s)));
        }
        fputs("</title>", out);
        for (int s = 0; s < SK_ROLLOUT_STATES; s++) {
            size_t c = i < opt->ntrend ? opt->trend[i].rollout[s] : res->summary.rollout[s];
            if (!c)
                continue;
            int hgt = (int)((double)height * (double)c / (double)most + 0.5);
            at -= hgt;
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" style=\"fill:%s\"/>", x, at, col - 12, hgt,
                    COLOURS[s]);
        }
        fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"count\">%.5s</text></g>\n", x, bottom + 16, as_of + 5);
    }
    fputs("</svg>\n", out);
    legend(cat, out);
    fputs("</div>\n", out);
}

void sk_html_rollout_end(sk_writing *w, void **panels)
{
    rollout_panels *p = *panels;
    if (!p || !p->failed) {
        at_risk_panel(w->res, p, w->out);
        timeline_panel(w->res, p, w->out);
        trend_panel(w->res, w->opt, w->out);
    }
    panels_free(p);
    *panels = NULL;
}
