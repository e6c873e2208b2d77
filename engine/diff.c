/* diff.c: what changed between two audits. Each side is a snapshot: an audit
 * from the history database (history.c) or a JSON report read with jansson.
 * Units are matched by HSA-id; findings by their identity (rule, file, stable
 * path, message), and a finding whose message alone changed (a date in it
 * moved with --as-of) is the same finding still open. Per unit: newly ready,
 * newly blocked, the rollout state, the launch date moved, new and fixed
 * findings; written as text, JSON or Markdown, each finding's message
 * rendered in the run's language from its recorded message id and values
 * where the rule is loaded (the comparison reads the recorded message). */
#include "internal.h"
#include "startklar/history.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- snapshots ----------------------------------------------------------------- */

static int finding_cmp(const void *pa, const void *pb)
{
    const sk_snap_finding *a = pa, *b = pb;
    int c;
    if ((c = strcmp(a->rule, b->rule)) || (c = strcmp(a->file, b->file)) || (c = strcmp(a->path, b->path)))
        return c;
    return strcmp(a->message, b->message);
}

static int unit_cmp(const void *pa, const void *pb)
{
    return strcmp(((const sk_snap_unit *)pa)->hsa_id, ((const sk_snap_unit *)pb)->hsa_id);
}

void sk_snapshot_sort(sk_snapshot *s)
{
    if (s->nunits > 1)
        qsort(s->units, s->nunits, sizeof *s->units, unit_cmp);
    for (size_t i = 0; i < s->nunits; i++)
        if (s->units[i].nfindings > 1)
            qsort(s->units[i].findings, s->units[i].nfindings, sizeof *s->units[i].findings, finding_cmp);
}

void sk_snapshot_free(sk_snapshot *s)
{
    for (size_t i = 0; i < s->nunits; i++) {
        sk_snap_unit *u = &s->units[i];
        for (size_t j = 0; j < u->nfindings; j++) {
            sk_snap_finding *f = &u->findings[j];
            free(f->rule), free(f->severity), free(f->file), free(f->path), free(f->message);
            free(f->message_id), free(f->shown);
            sk_values_free(f->data, f->ndata);
        }
        free(u->findings);
        free(u->hsa_id), free(u->name), free(u->status), free(u->rollout), free(u->launch_date);
    }
    free(s->units);
    free(s->label), free(s->as_of), free(s->profile);
    memset(s, 0, sizeof *s);
}

/* ---- rendering in the run's language ---------------------------------------- */

/* The finding's message rendered from its rule's template in lang, or NULL
 * (*oom set when out of memory) when it cannot be: no message id recorded,
 * the rule not loaded, the id not one of its messages, or a placeholder the
 * recorded values do not fill. *other: the text is of another language (the
 * rule has none in lang). */
static char *render(const sk_snap_finding *f, const sk_rules *rules, const char *lang, int *other, int *oom)
{
    const sk_rule_info *r = f->message_id ? sk_rules_find(rules, f->rule) : NULL;
    const sk_message_def *m = r ? sk_rule_message(r, f->message_id) : NULL;
    const sk_text *t = m ? sk_texts_pick(&m->texts, lang) : NULL;
    if (!t)
        return NULL;
    sk_buf b = {0};
    int problems = sk_render(&b, t->text, lang, f->data, f->ndata, NULL);
    if (b.failed || (!problems && !b.data && !(b.data = sk_strdup("")))) {
        *oom = 1;
        problems = 1;
    }
    if (problems) {
        sk_buf_free(&b);
        return NULL;
    }
    *other = t->lang[0] && strcmp(t->lang, lang) != 0;
    return b.data;
}

int sk_snapshot_render(sk_snapshot *s, const sk_rules *rules, const sk_catalogue *cat)
{
    const char *lang = sk_catalogue_lang(cat);
    int strict = sk_catalogue_strict(cat);
    for (size_t i = 0; i < s->nunits; i++)
        for (size_t j = 0; j < s->units[i].nfindings; j++) {
            sk_snap_finding *f = &s->units[i].findings[j];
            int other = 0, oom = 0;
            char *text = render(f, rules, lang, &other, &oom);
            if (oom)
                return -1;
            /* strict: English kept where a translation was due (recorded, or
             * the rule's only language), marked as check marks it */
            if (strict && f->message_id && (!text || other)) {
                char *marked = sk_printf("[untranslated] %s", text ? text : f->message);
                free(text);
                if (!marked)
                    return -1;
                text = marked;
            }
            free(f->shown);
            f->shown = text;
        }
    return 0;
}

/* A string member of a JSON object, copied; NULL when absent or null. Sets
 * *bad when present with another type, *oom when out of memory. */
static char *member(const json_t *obj, const char *key, int *bad, int *oom)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *bad = 1;
        return NULL;
    }
    char *s = sk_strdup(json_string_value(v));
    if (!s)
        *oom = 1;
    return s;
}

/* The finding's identity path: the stable path when the report has one. */
static char *finding_path(const json_t *f, int *bad, int *oom)
{
    char *p = member(f, "stable_path", bad, oom);
    return p || *oom ? p : member(f, "path", bad, oom);
}

/* The finding's "message_id" and "data" (values_json.c), when the report
 * has both and they read; else none (the message is shown as the report
 * wrote it). 0, or -1 when out of memory. */
static int read_message_data(const json_t *jf, sk_snap_finding *f, int *bad)
{
    int oom = 0;
    char *id = member(jf, "message_id", bad, &oom);
    const json_t *data = json_object_get(jf, "data");
    int rc = id && data ? sk_values_read(data, &f->data, &f->ndata) : 1;
    if (rc) {
        free(id);
        return oom || rc < 0 ? -1 : 0;
    }
    f->message_id = id;
    return 0;
}

static int read_unit(const json_t *ju, sk_snap_unit *u, int *bad, int *oom)
{
    u->hsa_id = member(ju, "hsa_id", bad, oom);
    u->name = member(ju, "name", bad, oom);
    u->status = member(ju, "status", bad, oom);
    u->rollout = member(ju, "rollout", bad, oom);
    u->launch_date = member(ju, "launch_date", bad, oom);
    const json_t *list = json_object_get(ju, "findings");
    if (!u->hsa_id || !u->status || !json_is_array(list)) {
        *bad = 1;
        return -1;
    }
    size_t n = json_array_size(list);
    if (n && !(u->findings = calloc(n, sizeof *u->findings))) {
        *oom = 1;
        return -1;
    }
    for (size_t i = 0; i < n && !*bad && !*oom; i++) {
        const json_t *jf = json_array_get(list, i);
        sk_snap_finding *f = &u->findings[u->nfindings++];
        f->rule = member(jf, "rule", bad, oom);
        f->severity = member(jf, "severity", bad, oom);
        f->file = member(jf, "file", bad, oom);
        f->path = finding_path(jf, bad, oom);
        f->message = member(jf, "message", bad, oom);
        if (!*oom && (!f->rule || !f->severity || !f->file || !f->path || !f->message))
            *bad = 1;
        else if (!*oom && read_message_data(jf, f, bad))
            *oom = 1;
    }
    return *bad || *oom ? -1 : 0;
}

int sk_snapshot_from_json(const char *path, sk_snapshot *out, sk_errors *errs)
{
    memset(out, 0, sizeof *out);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root) {
        sk_errors_add(errs, SK_ERR_INPUT, path, jerr.line > 0 ? jerr.line : 0, jerr.column > 0 ? jerr.column : 0,
                      "not a JSON report: %s", jerr.text);
        return -1;
    }
    int bad = 0, oom = 0;
    const json_t *units = json_object_get(root, "units");
    if (!json_is_object(root) || !json_is_array(units) ||
        !json_is_string(json_object_get(root, "tool"))) {
        bad = 1;
    } else {
        out->label = sk_strdup(path);
        out->as_of = member(root, "as_of", &bad, &oom);
        out->profile = member(root, "profile", &bad, &oom);
        size_t n = json_array_size(units);
        if (!out->label || (n && !(out->units = calloc(n, sizeof *out->units))))
            oom = 1;
        for (size_t i = 0; i < n && !bad && !oom; i++)
            read_unit(json_array_get(units, i), &out->units[out->nunits++], &bad, &oom);
    }
    json_decref(root);
    if (bad && !oom)
        sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0,
                      "not a startklar JSON report (--format json): a unit or finding lacks a field");
    if (bad || oom)
        return -1;
    sk_snapshot_sort(out);
    return 0;
}

/* ---- comparing ----------------------------------------------------------------- */

/* Whether a unit with this status (its name in the report) passes the gate,
 * as rollout.c judges it; a status this startklar does not know is not. */
static int ready(const char *status)
{
    for (int s = 0; status && s < SK_UNIT_STATUSES; s++)
        if (strcmp(status, sk_report_status_name((sk_unit_status)s)) == 0)
            return sk_rollout_ready((sk_unit_status)s);
    return 0;
}

static int same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int same_gap(const sk_snap_finding *a, const sk_snap_finding *b)
{
    return strcmp(a->rule, b->rule) == 0 && strcmp(a->file, b->file) == 0 && strcmp(a->path, b->path) == 0;
}

/* One unit's change: which findings of each side the other lacks. */
typedef struct change {
    const sk_snap_unit *old, *new_; /* either may be NULL: the unit was added or is gone */
    unsigned char *old_open, *new_open; /* per finding: 1 when the other side has no match */
    size_t fixed, added;
    int newly_ready, newly_blocked, rollout_moved, launch_moved;
} change;

/* Marks the findings of a that b lacks: first exact matches, then a finding
 * of the same rule, file and path whose message changed. */
static size_t unmatched(const sk_snap_unit *a, const sk_snap_unit *b, unsigned char *open)
{
    size_t na = a ? a->nfindings : 0, nb = b ? b->nfindings : 0, n = 0;
    unsigned char *used = nb ? calloc(nb, 1) : NULL;
    if (nb && !used)
        return (size_t)-1;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < na; i++) {
            if (pass == 0)
                open[i] = 1;
            if (!open[i])
                continue;
            for (size_t j = 0; j < nb; j++) {
                if (used[j])
                    continue;
                if (pass == 0 ? finding_cmp(&a->findings[i], &b->findings[j]) == 0
                              : same_gap(&a->findings[i], &b->findings[j])) {
                    used[j] = 1, open[i] = 0;
                    break;
                }
            }
        }
    for (size_t i = 0; i < na; i++)
        n += open[i];
    free(used);
    return n;
}

static void change_free(change *c)
{
    free(c->old_open);
    free(c->new_open);
}

/* Compares one unit; 0, or -1 when out of memory. */
static int compare(const sk_snap_unit *o, const sk_snap_unit *n, change *c)
{
    memset(c, 0, sizeof *c);
    c->old = o, c->new_ = n;
    if (o && o->nfindings && !(c->old_open = calloc(o->nfindings, 1)))
        return -1;
    if (n && n->nfindings && !(c->new_open = calloc(n->nfindings, 1)))
        return -1;
    if ((o && (c->fixed = unmatched(o, n, c->old_open)) == (size_t)-1) ||
        (n && (c->added = unmatched(n, o, c->new_open)) == (size_t)-1))
        return -1;
    if (o && n) {
        c->newly_ready = !ready(o->status) && ready(n->status);
        c->newly_blocked = ready(o->status) && !ready(n->status);
        c->rollout_moved = !same(o->rollout, n->rollout);
        c->launch_moved = !same(o->launch_date, n->launch_date);
    }
    return 0;
}

static int changed(const change *c)
{
    return !c->old || !c->new_ || c->fixed || c->added || c->newly_ready || c->newly_blocked ||
           c->rollout_moved || c->launch_moved;
}

typedef struct totals {
    size_t units, newly_ready, newly_blocked, added_findings, fixed_findings, launch_moved, added_units,
        gone_units;
} totals;

static void count(totals *t, const change *c)
{
    t->units++;
    t->newly_ready += (size_t)c->newly_ready;
    t->newly_blocked += (size_t)c->newly_blocked;
    t->added_findings += c->added;
    t->fixed_findings += c->fixed;
    t->launch_moved += (size_t)c->launch_moved;
    t->added_units += !c->old;
    t->gone_units += !c->new_;
}

/* ---- writers --------------------------------------------------------------------- */

typedef struct diff_writer {
    const char *name;
    void (*begin)(const sk_snapshot *old, const sk_snapshot *new_, const sk_catalogue *cat, FILE *out, void **st);
    void (*unit)(const change *c, const sk_catalogue *cat, FILE *out, void *st);
    void (*end)(const totals *t, const sk_catalogue *cat, FILE *out, void *st);
} diff_writer;

static const char *rollout_label(const sk_catalogue *cat, const char *name)
{
    for (int r = 0; r < SK_ROLLOUT_STATES; r++)
        if (name && strcmp(name, sk_rollout_name((sk_rollout)r)) == 0)
            return sk_label(cat, sk_rollout_label((sk_rollout)r));
    return name ? name : "-";
}

/* The finding's message in the run's language where sk_snapshot_render
 * could render it, else as recorded (docs/rollout.md, "diff in another language"). */
static const char *shown(const sk_snap_finding *f)
{
    return f->shown ? f->shown : f->message;
}

static const sk_snap_unit *either(const change *c)
{
    return c->new_ ? c->new_ : c->old;
}

/* text */

static void text_begin(const sk_snapshot *old, const sk_snapshot *new_, const sk_catalogue *cat, FILE *out,
                       void **st)
{
    (void)st;
    fprintf(out, sk_label(cat, "startklar diff: %s (as of %s) -> %s (as of %s)\n\n"), old->label,
            old->as_of ? old->as_of : "?", new_->label, new_->as_of ? new_->as_of : "?");
}

static void text_findings(const sk_snap_unit *u, const unsigned char *open, const char *label,
                          const sk_catalogue *cat, FILE *out)
{
    for (size_t i = 0; u && i < u->nfindings; i++)
        if (open[i]) {
            const sk_snap_finding *f = &u->findings[i];
            fprintf(out, "  %s %s %s %s %s: %s\n", label, f->rule, sk_label(cat, f->severity), f->file,
                    f->path[0] ? f->path : "-", shown(f));
        }
}

static void text_unit(const change *c, const sk_catalogue *cat, FILE *out, void *st)
{
    (void)st;
    const sk_snap_unit *u = either(c);
    fprintf(out, "%s%s%s\n", u->hsa_id, u->name ? "  " : "", u->name ? u->name : "");
    if (!c->old)
        fprintf(out, "  %s\n", sk_label(cat, "new unit in this audit"));
    if (!c->new_)
        fprintf(out, "  %s\n", sk_label(cat, "not in this audit any more"));
    if (c->newly_ready)
        fprintf(out, "  %s\n", sk_label(cat, "NEWLY READY"));
    if (c->newly_blocked)
        fprintf(out, "  %s\n", sk_label(cat, "NEWLY BLOCKED"));
    if (c->rollout_moved)
        fprintf(out, sk_label(cat, "  rollout: %s -> %s\n"), rollout_label(cat, c->old->rollout),
                rollout_label(cat, c->new_->rollout));
    if (c->launch_moved)
        fprintf(out, sk_label(cat, "  launch date moved: %s -> %s\n"), c->old->launch_date ? c->old->launch_date : "-",
                c->new_->launch_date ? c->new_->launch_date : "-");
    text_findings(c->new_, c->new_open, sk_label(cat, "new  "), cat, out);
    text_findings(c->old, c->old_open, sk_label(cat, "fixed"), cat, out);
    fputc('\n', out);
}

/* The summary line: one piece per count, each in its plural form (as
 * report.c's summary); a piece whose English does not change with the
 * count still has both forms, for the Swedish that does (stoppad/stoppade). */
static void text_end(const totals *t, const sk_catalogue *cat, FILE *out, void *st)
{
    (void)st;
    const struct {
        const char *one, *many;
        size_t n;
    } pieces[] = {
        {"%zu newly ready", "%zu newly ready", t->newly_ready},
        {"%zu newly blocked", "%zu newly blocked", t->newly_blocked},
        {"%zu new finding", "%zu new findings", t->added_findings},
        {"%zu fixed", "%zu fixed", t->fixed_findings},
        {"%zu launch date moved", "%zu launch dates moved", t->launch_moved},
        {"%zu unit added", "%zu units added", t->added_units},
        {"%zu gone", "%zu gone", t->gone_units},
    };
    fprintf(out, sk_plural(cat, "%zu unit compared: ", "%zu units compared: ", t->units), t->units);
    for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++) {
        if (i)
            fputs(", ", out);
        fprintf(out, sk_plural(cat, pieces[i].one, pieces[i].many, pieces[i].n), pieces[i].n);
    }
    fputc('\n', out);
}

/* JSON, built with jansson and dumped with the keys in insertion order */

typedef struct json_state {
    json_t *root, *units;
    int failed;
} json_state;

static void set(json_state *js, json_t *obj, const char *key, json_t *value)
{
    if (!value || json_object_set_new(obj, key, value))
        js->failed = 1;
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *side(const sk_snapshot *s)
{
    json_t *o = json_object();
    if (o && (json_object_set_new(o, "source", str_or_null(s->label)) ||
              json_object_set_new(o, "as_of", str_or_null(s->as_of)) ||
              json_object_set_new(o, "profile", str_or_null(s->profile)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static void json_begin(const sk_snapshot *old, const sk_snapshot *new_, const sk_catalogue *cat, FILE *out,
                       void **st)
{
    (void)cat, (void)out;
    json_state *js = calloc(1, sizeof *js);
    if (!js)
        return;
    *st = js;
    js->root = json_object();
    js->units = json_array();
    if (!js->root || !js->units) {
        js->failed = 1;
        return;
    }
    set(js, js->root, "tool", json_string("startklar"));
    set(js, js->root, "version", json_string(SK_VERSION));
    set(js, js->root, "old", side(old));
    set(js, js->root, "new", side(new_));
}

static json_t *pair(const char *old, const char *new_)
{
    json_t *o = json_object();
    if (o && (json_object_set_new(o, "old", str_or_null(old)) || json_object_set_new(o, "new", str_or_null(new_)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *finding_list(const sk_snap_unit *u, const unsigned char *open)
{
    json_t *list = json_array();
    for (size_t i = 0; list && u && i < u->nfindings; i++) {
        if (!open[i])
            continue;
        const sk_snap_finding *f = &u->findings[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "rule", f->rule, "severity", f->severity, "file",
                              f->file, "path", f->path, "message", shown(f));
        if (!o || json_array_append_new(list, o)) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static void json_unit(const change *c, const sk_catalogue *cat, FILE *out, void *st)
{
    (void)cat, (void)out;
    json_state *js = st;
    if (!js || js->failed)
        return;
    const sk_snap_unit *u = either(c);
    json_t *o = json_object();
    if (!o || json_array_append_new(js->units, o)) {
        js->failed = 1;
        return;
    }
    const char *what = !c->old ? "added" : !c->new_ ? "gone" : c->newly_ready ? "newly_ready"
                     : c->newly_blocked ? "newly_blocked" : NULL;
    set(js, o, "hsa_id", json_string(u->hsa_id));
    set(js, o, "name", str_or_null(u->name));
    set(js, o, "change", str_or_null(what));
    set(js, o, "status", pair(c->old ? c->old->status : NULL, c->new_ ? c->new_->status : NULL));
    set(js, o, "rollout", pair(c->old ? c->old->rollout : NULL, c->new_ ? c->new_->rollout : NULL));
    set(js, o, "launch_date", pair(c->old ? c->old->launch_date : NULL, c->new_ ? c->new_->launch_date : NULL));
    set(js, o, "launch_date_moved", json_boolean(c->launch_moved));
    set(js, o, "new_findings", finding_list(c->new_, c->new_open));
    set(js, o, "fixed_findings", finding_list(c->old, c->old_open));
}

static void json_end(const totals *t, const sk_catalogue *cat, FILE *out, void *st)
{
    (void)cat;
    json_state *js = st;
    if (!js) {
        fputs("{\"error\": \"out of memory\"}\n", out);
        return;
    }
    if (!js->failed) {
        set(js, js->root, "units", json_incref(js->units));
        set(js, js->root, "summary",
            json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "units", (json_int_t)t->units, "newly_ready",
                      (json_int_t)t->newly_ready, "newly_blocked", (json_int_t)t->newly_blocked, "new_findings",
                      (json_int_t)t->added_findings, "fixed_findings", (json_int_t)t->fixed_findings,
                      "launch_dates_moved", (json_int_t)t->launch_moved, "units_added", (json_int_t)t->added_units,
                      "units_gone", (json_int_t)t->gone_units));
    }
    if (js->failed || json_dumpf(js->root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
        fputs("{\"error\": \"out of memory\"}", out);
    fputc('\n', out);
    json_decref(js->units);
    json_decref(js->root);
    free(js);
}

/* Markdown */

static void md(FILE *out, const char *s)
{
    static const char SPECIAL[] = "\\`*_[]<>|~#!";
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '\n' || *p == '\r')
            fputc(' ', out);
        else if (strchr(SPECIAL, *p))
            fputc('\\', out), fputc(*p, out);
        else
            fputc(*p, out);
    }
}

static void md_begin(const sk_snapshot *old, const sk_snapshot *new_, const sk_catalogue *cat, FILE *out, void **st)
{
    (void)st;
    fprintf(out, "# %s\n\n", sk_label(cat, "What changed"));
    fprintf(out, "%s ", sk_label(cat, "From"));
    md(out, old->label);
    fprintf(out, " (%s) %s ", old->as_of ? old->as_of : "?", sk_label(cat, "to"));
    md(out, new_->label);
    fprintf(out, " (%s).\n\n", new_->as_of ? new_->as_of : "?");
}

static void md_findings(const sk_snap_unit *u, const unsigned char *open, const char *label, FILE *out)
{
    for (size_t i = 0; u && i < u->nfindings; i++)
        if (open[i]) {
            const sk_snap_finding *f = &u->findings[i];
            fprintf(out, "- %s **", label);
            md(out, f->rule);
            fputs("** `", out);
            for (const char *p = f->file; *p; p++)
                fputc(*p == '`' ? '\'' : *p, out);
            fputs("` ", out);
            md(out, f->path);
            fputs(": ", out);
            md(out, shown(f));
            fputc('\n', out);
        }
}

static void md_unit(const change *c, const sk_catalogue *cat, FILE *out, void *st)
{
    (void)st;
    const sk_snap_unit *u = either(c);
    fputs("## ", out);
    md(out, u->hsa_id);
    if (u->name) {
        fputc(' ', out);
        md(out, u->name);
    }
    fputs("\n\n", out);
    if (!c->old)
        fprintf(out, "- %s\n", sk_label(cat, "new unit in this audit"));
    if (!c->new_)
        fprintf(out, "- %s\n", sk_label(cat, "not in this audit any more"));
    if (c->newly_ready)
        fprintf(out, "- **%s**\n", sk_label(cat, "NEWLY READY"));
    if (c->newly_blocked)
        fprintf(out, "- **%s**\n", sk_label(cat, "NEWLY BLOCKED"));
    if (c->rollout_moved)
        fprintf(out, sk_label(cat, "- rollout: %s -> %s\n"), rollout_label(cat, c->old->rollout),
                rollout_label(cat, c->new_->rollout));
    if (c->launch_moved)
        fprintf(out, sk_label(cat, "- launch date moved: %s -> %s\n"), c->old->launch_date ? c->old->launch_date : "-",
                c->new_->launch_date ? c->new_->launch_date : "-");
    md_findings(c->new_, c->new_open, sk_label(cat, "new"), out);
    md_findings(c->old, c->old_open, sk_label(cat, "fixed"), out);
    fputc('\n', out);
}

static void md_end(const totals *t, const sk_catalogue *cat, FILE *out, void *st)
{
    (void)st;
    const struct {
        const char *label;
        size_t n;
    } ROWS[] = {
        {"Units compared", t->units},          {"Newly ready", t->newly_ready},
        {"Newly blocked", t->newly_blocked},   {"New findings", t->added_findings},
        {"Fixed findings", t->fixed_findings}, {"Launch dates moved", t->launch_moved},
        {"Units added", t->added_units},       {"Units gone", t->gone_units},
    };
    fprintf(out, "| %s | %s |\n|---|---:|\n", sk_label(cat, "Summary"), sk_label(cat, "Count"));
    for (size_t i = 0; i < sizeof ROWS / sizeof *ROWS; i++)
        fprintf(out, "| %s | %zu |\n", sk_label(cat, ROWS[i].label), ROWS[i].n);
}

static const diff_writer WRITERS[] = {
    {"text", text_begin, text_unit, text_end},
    {"json", json_begin, json_unit, json_end},
    {"markdown", md_begin, md_unit, md_end},
    {NULL, NULL, NULL, NULL},
};

int sk_diff_write(const sk_snapshot *old, const sk_snapshot *new_, const char *format, const sk_catalogue *cat,
                  FILE *out)
{
    const diff_writer *w = WRITERS;
    while (w->name && strcmp(w->name, format) != 0)
        w++;
    if (!w->name)
        return -1;
    void *st = NULL;
    w->begin(old, new_, cat, out, &st);
    totals t = {0};
    int any = 0;
    /* both lists are sorted by HSA-id: walk them side by side */
    size_t i = 0, j = 0;
    while (i < old->nunits || j < new_->nunits) {
        int c = i == old->nunits ? 1 : j == new_->nunits ? -1 : strcmp(old->units[i].hsa_id, new_->units[j].hsa_id);
        const sk_snap_unit *o = c <= 0 ? &old->units[i++] : NULL;
        const sk_snap_unit *n = c >= 0 ? &new_->units[j++] : NULL;
        change ch;
        if (compare(o, n, &ch)) {
            change_free(&ch);
            w->end(&t, cat, out, st);
            return -2;
        }
        count(&t, &ch);
        if (changed(&ch)) {
            any = 1;
            w->unit(&ch, cat, out, st);
        }
        change_free(&ch);
    }
    w->end(&t, cat, out, st);
    return ferror(out) ? -2 : any;
}
