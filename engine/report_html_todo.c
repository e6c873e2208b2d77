/* report_html_todo.c: the to-do view of the HTML page: the open findings
 * (neither waived nor known from the baseline) grouped by the person the
 * documents name as owner of the thing at fault (sk_finding.owner: the
 * rule's report{ owner = ... }, else the nearest `owner` on the finding's
 * path, else the unit's team.manager; owner.c), each person's list in a
 * <details> that opens without JavaScript. The owners with the most open
 * errors come first, and in each list the errors. The units stream past report_html.c, which hands each
 * one here; memory stays bounded: every owner is counted, but only the
 * first TODO_ROWS findings are kept to be listed. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define TODO_ROWS 5000  /* findings listed over all owners; the rest are counted */
#define TODO_OWNERS 500 /* owners listed; the rest are counted */

typedef struct todo_row {
    char *hsa_id, *rule, *message, *file;
    int line, column;
    sk_severity severity;
} todo_row;

typedef struct todo_owner {
    char *name; /* NULL: the documents name no one */
    size_t open[4]; /* open findings by sk_severity */
    size_t units;   /* units with an open finding of this owner */
    char *last_unit_id; /* the unit counted last (units stream in order) */
    todo_row *rows;
    size_t nrows, caprows, more;
} todo_owner;

struct sk_html_todo {
    todo_owner *owners; /* sorted by name, the one without a name first */
    size_t nowners, capowners;
    size_t rows; /* kept over all owners */
    int failed;  /* out of memory: the view is left out */
};
typedef sk_html_todo todo;

static int name_cmp(const char *a, const char *b)
{
    return !a ? (b ? -1 : 0) : !b ? 1 : strcmp(a, b);
}

/* The owner named so, added in its place when new; NULL when out of memory. */
static todo_owner *owner_of(todo *t, const char *name)
{
    size_t lo = 0, hi = t->nowners;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(t->owners[mid].name, name);
        if (c == 0)
            return &t->owners[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (sk_grow((void **)&t->owners, &t->capowners, t->nowners, sizeof *t->owners))
        return NULL;
    todo_owner o = {0};
    if (name && !(o.name = sk_strdup(name)))
        return NULL;
    memmove(&t->owners[lo + 1], &t->owners[lo], (t->nowners - lo) * sizeof *t->owners);
    t->owners[lo] = o;
    t->nowners++;
    return &t->owners[lo];
}

static void row_free(todo_row *r)
{
    free(r->hsa_id), free(r->rule), free(r->message), free(r->file);
}

void sk_html_todo_free(todo *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nowners; i++) {
        todo_owner *o = &t->owners[i];
        for (size_t k = 0; k < o->nrows; k++)
            row_free(&o->rows[k]);
        free(o->rows), free(o->name), free(o->last_unit_id);
    }
    free(t->owners);
    free(t);
}

static int keep(todo *t, const sk_unit_result *u, const sk_finding *f)
{
    todo_owner *o = owner_of(t, f->owner);
    if (!o)
        return -1;
    if ((unsigned)f->severity < 4)
        o->open[f->severity]++;
    const char *id = u->hsa_id ? u->hsa_id : "";
    if (!o->last_unit_id || strcmp(o->last_unit_id, id) != 0) {
        free(o->last_unit_id);
        if (!(o->last_unit_id = sk_strdup(id)))
            return -1;
        o->units++;
    }
    if (t->rows >= TODO_ROWS) {
        o->more++;
        return 0;
    }
    if (sk_grow((void **)&o->rows, &o->caprows, o->nrows, sizeof *o->rows))
        return -1;
    todo_row *r = &o->rows[o->nrows];
    memset(r, 0, sizeof *r);
    r->line = f->line, r->column = f->column, r->severity = f->severity;
    if (!(r->hsa_id = sk_strdup(id)) || !(r->rule = sk_strdup(f->rule ? f->rule : "")) ||
        !(r->message = sk_strdup(f->message ? f->message : "")) || !(r->file = sk_strdup(f->file ? f->file : ""))) {
        row_free(r);
        return -1;
    }
    o->nrows++;
    t->rows++;
    return 0;
}

void sk_html_todo_unit(todo **state, const sk_unit_result *u)
{
    todo *t = *state;
    if (!t && !(t = *state = calloc(1, sizeof *t)))
        return;
    for (size_t i = 0; i < u->nfindings && !t->failed; i++) {
        const sk_finding *f = &u->findings[i];
        if (!f->waived && !f->known && keep(t, u, f))
            t->failed = 1;
    }
}

/* ---- writing -------------------------------------------------------------------- */


/* Most open errors first, then warnings, then info, then by name (no name last). */
static int owner_cmp(const void *pa, const void *pb)
{
    const todo_owner *a = pa, *b = pb;
    static const sk_severity ORDER[] = {SK_SEV_ERROR, SK_SEV_WARNING, SK_SEV_INFO};
    for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER; i++)
        if (a->open[ORDER[i]] != b->open[ORDER[i]])
            return a->open[ORDER[i]] > b->open[ORDER[i]] ? -1 : 1;
    if (!a->name != !b->name)
        return a->name ? -1 : 1;
    return name_cmp(a->name, b->name);
}

/* A person's list: errors first, then by unit and place (a total order: the page is the same every run). */
static int row_cmp(const void *pa, const void *pb)
{
    const todo_row *a = pa, *b = pb;
    int c;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    if ((c = strcmp(a->hsa_id, b->hsa_id)) || (c = strcmp(a->file, b->file)))
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    if ((c = strcmp(a->rule, b->rule)))
        return c;
    return strcmp(a->message, b->message);
}

/* "3 errors, 1 warning, 2 info in 2 units", composed so a language words its plurals. */
static void counts(const sk_catalogue *cat, const todo_owner *o, FILE *out)
{
    char part[3][64];
    snprintf(part[0], sizeof part[0], sk_plural(cat, "%zu error", "%zu errors", o->open[SK_SEV_ERROR]),
             o->open[SK_SEV_ERROR]);
    snprintf(part[1], sizeof part[1], sk_plural(cat, "%zu warning", "%zu warnings", o->open[SK_SEV_WARNING]),
             o->open[SK_SEV_WARNING]);
    snprintf(part[2], sizeof part[2], sk_label(cat, "%zu info"), o->open[SK_SEV_INFO]);
    fputs(" <span class=\"muted\">", out);
    fprintf(out, sk_plural(cat, "%s, %s, %s in %zu unit", "%s, %s, %s in %zu units", o->units), part[0], part[1],
            part[2], o->units);
    fputs("</span>", out);
}

void sk_html_todo_end(const sk_result *res, todo **state, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    todo *t = *state;
    *state = NULL;
    if (t && t->failed) {
        sk_html_todo_free(t);
        return;
    }
    fputs("<section id=\"todo\" class=\"panel\"><h2>", out);
    sk_html_text(out, sk_label(cat, "To do, by owner"));
    fputs("</h2>\n<p class=\"muted\">", out);
    sk_html_text(out, sk_label(cat, "The open findings (not waived, not in the baseline) by the person the documents name for "
                         "the thing at fault: the owner the rule names, else the nearest owner in the document "
                         "(the activity's, the target group's, the risk action's, the platform's, the plan's), "
                         "else the unit's manager."));
    fputs("</p>\n", out);
    if (!t || !t->nowners) {
        fputs("<p>", out);
        sk_html_text(out, sk_label(cat, "Nothing to do: no open findings."));
        fputs("</p></section>\n", out);
        sk_html_todo_free(t);
        return;
    }
    qsort(t->owners, t->nowners, sizeof *t->owners, owner_cmp);
    size_t shown = t->nowners < TODO_OWNERS ? t->nowners : TODO_OWNERS;
    for (size_t i = 0; i < shown; i++) {
        todo_owner *o = &t->owners[i];
        qsort(o->rows, o->nrows, sizeof *o->rows, row_cmp);
        fputs("<details class=\"owner\" data-owner=\"", out);
        sk_report_xml(out, o->name ? o->name : "", 1);
        fputs("\"><summary><strong>", out);
        sk_html_text(out, o->name ? o->name : sk_label(cat, "(no owner named in the documents)"));
        fputs("</strong>", out);
        counts(cat, o, out);
        fputs("</summary>\n<table class=\"findings\"><thead><tr>", out);
        static const char *const HEADS[] = {"Unit", "Severity", "Rule", "Message", "Where"};
        for (size_t k = 0; k < sizeof HEADS / sizeof *HEADS; k++) {
            fputs("<th>", out);
            sk_html_text(out, sk_label(cat, HEADS[k]));
            fputs("</th>", out);
        }
        fputs("</tr></thead><tbody>\n", out);
        for (size_t k = 0; k < o->nrows; k++) {
            const todo_row *r = &o->rows[k];
            fputs("<tr><td>", out);
            sk_html_text(out, r->hsa_id);
            fprintf(out, "</td><td class=\"sev %s\">", sk_severity_name(r->severity));
            sk_html_text(out, sk_label(cat, sk_severity_name(r->severity)));
            fputs("</td><td><strong>", out);
            sk_html_text(out, r->rule);
            fputs("</strong></td><td>", out);
            sk_html_text(out, r->message);
            fputs("</td><td class=\"where\">", out);
            sk_html_text(out, r->file);
            if (r->line > 0)
                fprintf(out, ":%d", r->line);
            if (r->line > 0 && r->column > 0)
                fprintf(out, ":%d", r->column);
            fputs("</td></tr>\n", out);
        }
        fputs("</tbody></table>\n", out);
        if (o->more) {
            fputs("<p class=\"muted\">", out);
            fprintf(out, sk_label(cat, "... and %zu more (the table of units has them all)."), o->more);
            fputs("</p>\n", out);
        }
        fputs("</details>\n", out);
    }
    if (t->nowners > shown) {
        fputs("<p class=\"muted\">", out);
        fprintf(out, sk_label(cat, "... and %zu more owners (the table of units has every finding)."),
                t->nowners - shown);
        fputs("</p>\n", out);
    }
    fputs("</section>\n", out);
    sk_html_todo_free(t);
}
