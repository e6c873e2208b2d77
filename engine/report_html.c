/* report_html.c: the HTML writer, for people: one self-contained page (inline
 * CSS, JS and SVG; nothing fetched, so it works offline and as a mail
 * attachment). A table of units that sorts (click a header) and filters (by
 * status, rule, free text), each unit opening to its findings with the
 * rule's title and explanation; summary cards and a bar chart of the ten
 * rules that affect the most units. The units stream as they are judged, so
 * the cards and the chart are written at the end and shown first by CSS.
 * Every text is HTML-escaped; the page has no date or random id in it, so
 * it is byte-identical for the same run. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The verdicts as the page words them, by sk_unit_status. */
static const char *const VERDICT[SK_UNIT_STATUSES] = {"ready", "not ready", "could not be judged",
                                                       "ready (known gaps)"};

#define put sk_html_put

static const char CSS[] =
    ":root{--pass:#1b7f3b;--fail:#b3261e;--error:#7b3fa0;--known:#0f6e7a;--warn:#9a6700;--info:#2f5fa7;--line:#d0d7de;"
    "--muted:#57606a}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;"
    "background:#f6f8fa;overflow-wrap:anywhere}\n"
    "#page{display:flex;flex-direction:column;gap:16px;max-width:1200px;margin:0 auto;padding:24px}\n"
    "#head{order:0}#summary{order:1}#todo{order:2}#controls{order:3}#units-box{order:4}#errors{order:5}#stopped{order:1}"
    "#warnings{order:5}#fixed{order:5}#rules{order:6}#foot{order:7}\n"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 8px}.muted{color:var(--muted)}\n"
    ".cards{display:flex;flex-wrap:wrap;gap:12px}\n"
    ".card{flex:1 1 160px;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}\n"
    ".card .n{font-size:30px;font-weight:700;display:block}.card.pass .n{color:var(--pass)}"
    ".card.fail .n{color:var(--fail)}.card.error .n{color:var(--error)}.card.known_gaps .n{color:var(--known)}\n"
    ".panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px}\n"
    "svg.chart{max-width:100%;height:auto}svg.chart text{font:13px system-ui,sans-serif;fill:#1f2328}"
    "svg.chart rect.bar{fill:var(--fail)}svg.chart rect.bar.warning{fill:var(--warn)}"
    "svg.chart rect.bar.info{fill:var(--info)}svg.chart text.count{fill:#57606a}\n"
    "#controls{display:flex;flex-wrap:wrap;gap:12px;align-items:end}\n"
    "#controls label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}\n"
    "#controls select,#controls input{font:inherit;padding:4px 6px;border:1px solid var(--line);"
    "border-radius:6px;min-width:180px}\n"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;vertical-align:top}\n"
    "#units{background:#fff;border:1px solid var(--line)}\n"
    "#units>thead th{background:#eaeef2;cursor:pointer;user-select:none;white-space:nowrap}\n"
    "#units>thead th[aria-sort=ascending]::after{content:' \\25B2'}"
    "#units>thead th[aria-sort=descending]::after{content:' \\25BC'}\n"
    "#units>tbody{border-top:1px solid var(--line)}.js #units>tbody.unit:not(.on){display:none}\n"
    "#more{margin-top:8px;font:inherit;padding:4px 12px}\n"
    "td.num,th.num{text-align:right}\n"
    "details>summary{cursor:pointer}tr.detail>td{padding:0 8px 6px 16px}\n"
    "details.owner{border-top:1px solid var(--line);padding:6px 0}details.owner>table{margin-top:6px}\n"
    ".status{font-weight:600;border-radius:10px;padding:1px 8px;color:#fff;white-space:nowrap}\n"
    ".status.pass{background:var(--pass)}.status.fail{background:var(--fail)}"
    ".status.error{background:var(--error)}.status.known_gaps{background:var(--known)}\n"
    ".rollout{font-size:12px;border-radius:8px;padding:0 6px;white-space:nowrap;border:1px solid}"
    ".rollout.ready{color:var(--pass)}.rollout.at_risk{color:#fff;background:var(--warn)}"
    ".rollout.not_ready{color:var(--muted)}.rollout.launched_not_ready{color:#fff;background:var(--fail)}\n"
    ".sev{font-weight:600}.sev.error{color:var(--fail)}.sev.warning{color:var(--warn)}"
    ".sev.info{color:var(--info)}\n"
    "details.unit[open]{background:#fbfcfd;padding-bottom:8px}\n"
    "ul.findings{list-style:none;margin:6px 0;padding:0}ul.findings>li{padding:3px 0;border-bottom:1px solid #eef1f4}"
    "ul.findings b{font-weight:600}li.error>b{color:var(--fail)}li.warning>b{color:var(--warn)}"
    "li.info>b{color:var(--info)}li.waived,li.known{color:var(--muted)}li.waived .msg{text-decoration:line-through}"
    "ul.findings small{color:var(--muted);font-size:inherit}\n"
    ".findings th{font-size:13px;color:var(--muted);border-bottom:1px solid var(--line)}\n"
    ".findings td{border-bottom:1px solid #eef1f4}.where{font-family:ui-monospace,monospace;"
    "font-size:13px;word-break:break-all}\n"
    ".badge{font-size:12px;border:1px solid var(--muted);border-radius:8px;padding:0 6px;margin-left:6px;"
    "text-decoration:none;display:inline-block}\n"
    "dl.rules dt{font-weight:600;margin-top:8px}dl.rules dd{margin:2px 0 0 16px;white-space:pre-line}\n"
    "ul.unit-errors{color:var(--error);margin:8px 0}\n"
    /* a phone: one column, the table's rows as wrapped blocks, nothing wider than the screen */
    "@media (max-width:700px){#page{padding:8px;gap:10px}h1{font-size:20px}"
    "#controls label{flex:1 1 100%}#controls select,#controls input{min-width:0;width:100%}"
    "table,thead,tbody,tr,th,td{display:block}"
    "#units>thead>tr{display:flex;flex-wrap:wrap;gap:2px 6px}#units>thead th{padding:4px 6px}"
    "#units tr.row{display:flex;flex-wrap:wrap;gap:0 10px;border-top:1px solid var(--line)}"
    "#units tr.row>td{padding:4px}#units td.num::before{content:attr(data-label) ': ';color:var(--muted)}"
    ".findings thead{display:none}.findings tr{border-bottom:1px solid var(--line);padding:4px 0}"
    ".findings td{padding:1px 4px;border:0}tr.detail>td{padding:0 4px 6px}}\n"
    /* A4: the summary on page 1, every unit open, nothing forced onto a page of its own */
    "@page{size:A4;margin:12mm}\n"
    "@media print{body{background:#fff;font-size:10pt}#page{max-width:none;padding:0;gap:8px}"
    "#controls{display:none}.card,.panel,#units{border-color:#999}"
    "tr.row{break-after:avoid}.findings tr,.card,svg{break-inside:avoid}h2{break-after:avoid}"
    ".status{color:#000;background:none!important;border:1px solid #000}a{color:inherit}}\n"
    "@media print{details::details-content{content-visibility:visible;display:contents}}\n";

static const char JS[] =
    "(function(){\n"
    "var table=document.getElementById('units');\n"
    "function units(){return Array.prototype.slice.call(table.tBodies);}\n"
    "var fStatus=document.getElementById('f-status'),fRule=document.getElementById('f-rule'),"
    "fText=document.getElementById('f-text');\n"
    /* the units that match are laid out a page at a time (class on): a region's 20 000 open in seconds */
    "var PAGE=200,limit=PAGE,more=document.getElementById('more');\n"
    "function apply(){\n"
    " var st=fStatus.value,ru=fRule.value,q=fText.value.trim().toLowerCase(),shown=0;\n"
    " units().forEach(function(b){\n"
    "  var ok=(!st||b.getAttribute('data-status')===st)&&"
    "(!ru||b.getAttribute('data-rules').indexOf(' '+ru+' ')>=0)&&"
    "(!q||(b.skText||(b.skText=b.textContent.toLowerCase())).indexOf(q)>=0);\n"
    "  b.hidden=!ok;if(ok)shown++;b.classList.toggle('on',ok&&shown<=limit);});\n"
    " document.getElementById('shown').textContent=String(shown);\n"
    " var rest=shown-limit;more.hidden=rest<=0;\n"
    " if(rest>0)more.textContent=more.getAttribute('data-label').replace('%s',String(Math.min(PAGE,rest)))"
    ".replace('%s',String(rest));\n"
    "}\n"
    "function filter(){limit=PAGE;apply();}\n"
    "[fStatus,fRule,fText].forEach(function(e){e.addEventListener('input',filter);"
    "e.addEventListener('change',filter);});\n"
    "more.addEventListener('click',function(){limit+=PAGE;apply();});\n"
    "var heads=Array.prototype.slice.call(table.tHead.rows[0].cells),coll=new Intl.Collator('sv');\n"
    "heads.forEach(function(th){\n"
    " function sort(){\n"
    "  var key='data-'+th.getAttribute('data-key'),num=th.classList.contains('num');\n"
    "  var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;\n"
    "  heads.forEach(function(h){h.removeAttribute('aria-sort');});\n"
    "  th.setAttribute('aria-sort',dir>0?'ascending':'descending');\n"
    /* the keys read once, compared by a collator, the rows moved in one fragment: 20 000 sort in a blink */
    "  var list=units().map(function(b){var v=b.getAttribute(key);"
    "return {b:b,k:num?Number(v):v,id:b.getAttribute('data-id')};});\n"
    "  list.sort(function(a,b){var c=num?a.k-b.k:coll.compare(a.k,b.k);"
    "if(!c)c=coll.compare(a.id,b.id);return c*dir;});\n"
    "  var frag=document.createDocumentFragment();list.forEach(function(e){frag.appendChild(e.b);});"
    "table.appendChild(frag);apply();\n"
    " }\n"
    " th.addEventListener('click',sort);\n"
    " th.addEventListener('keydown',function(ev){if(ev.key==='Enter'||ev.key===' '){ev.preventDefault();sort();}});\n"
    "});\n"
    "function openAll(open){Array.prototype.forEach.call(document.querySelectorAll('details'),"
    "function(d){d.open=open;});}\n"
    "document.getElementById('expand').addEventListener('click',function(){openAll(true);});\n"
    "document.getElementById('collapse').addEventListener('click',function(){openAll(false);});\n"
    "window.addEventListener('beforeprint',function(){limit=Infinity;apply();openAll(true);});\n"
    "apply();\n"
    "})();\n";

void sk_html_text(FILE *out, const char *s)
{
    sk_report_xml(out, s ? s : "", 0);
}

static void h(FILE *out, const char *s)
{
    sk_html_text(out, s);
}

static void a(FILE *out, const char *s)
{
    sk_report_xml(out, s ? s : "", 1);
}

void sk_html_put(FILE *out, const char *label, const char *const *args, size_t nargs, int attribute)
{
    char *text = sk_strdup(label);
    if (!text)
        return;
    size_t k = 0;
    char *from = text;
    for (char *p = text; *p; p++) {
        if (p[0] != '%' || (p[1] != 's' && p[1] != '%'))
            continue;
        char c = p[1];
        *p = '\0';
        sk_report_xml(out, from, attribute);
        if (c == '%')
            fputc('%', out);
        else
            sk_report_xml(out, k < nargs && args[k] ? args[k] : "", attribute), k++;
        from = ++p + 1;
    }
    sk_report_xml(out, from, attribute);
    free(text);
}

void sk_html_where(FILE *out, const char *file, int line, int column)
{
    h(out, file ? file : "");
    if (line > 0)
        fprintf(out, ":%d", line);
    if (line > 0 && column > 0)
        fprintf(out, ":%d", column);
}

static const char *status_name(sk_unit_status s)
{
    return sk_report_status_name(s);
}

static int same(const char *x, const char *y)
{
    return x && y && strcmp(x, y) == 0;
}

/* The writer's own (w->state): what the panels at the end keep of the units. */
typedef struct html_state {
    void *rollout;      /* report_html_rollout.c */
    sk_html_todo *todo; /* report_html_todo.c */
} html_state;

void sk_html_begin(sk_writing *w)
{
    const sk_result *res = w->res;
    w->state = calloc(1, sizeof(html_state)); /* NULL (out of memory): the panels are left out */
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    fputs("<!DOCTYPE html>\n<html lang=\"", out);
    a(out, sk_catalogue_lang(cat));
    fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"startklar ",
          out);
    a(out, res->tool_version ? res->tool_version : SK_VERSION);
    fputs("\">\n<title>", out);
    const char *as_of = res->as_of;
    put(out, sk_label(cat, "startklar report, as of %s"), &as_of, 1, 0);
    /* class js: the script will page the table (without it every unit is laid out) */
    fprintf(out, "</title>\n<style>\n%s</style>\n<script>document.documentElement.className='js'</script>\n"
                 "</head>\n<body>\n<div id=\"page\">\n",
            CSS);
    fputs("<header id=\"head\"><h1>", out);
    h(out, sk_label(cat, "startklar report"));
    fputs("</h1>\n<p class=\"muted\">", out);
    const char *checked[] = {res->as_of ? res->as_of : sk_label(cat, "(unknown)"),
                             res->profile ? res->profile : "default"};
    put(out, sk_label(cat, "Checked as of %s with the %s rules."), checked, 2, 0);
    fputc(' ', out);
    /* the label holds markup (<em>): the catalogue is compiled in */
    fprintf(out, sk_label(cat, "A unit is <em>not ready</em> at a finding of severity %s or above."),
            res->fail_on == SK_SEV_NONE ? sk_label(cat, "(never)") : sk_label(cat, sk_severity_name(res->fail_on)));
    fputs("</p></header>\n", out);

    fputs("<section id=\"controls\" aria-label=\"", out);
    a(out, sk_label(cat, "Filters"));
    fputs("\">\n<label>", out);
    h(out, sk_label(cat, "Status"));
    fputs("<select id=\"f-status\"><option value=\"\">", out);
    h(out, sk_label(cat, "all"));
    fputs("</option>", out);
    for (int s = 0; s < SK_UNIT_STATUSES; s++) {
        fprintf(out, "<option value=\"%s\">", status_name((sk_unit_status)s));
        h(out, sk_label(cat, VERDICT[s]));
        fputs("</option>", out);
    }
    fputs("</select></label>\n<label>", out);
    h(out, sk_label(cat, "Rule"));
    fputs("<select id=\"f-rule\"><option value=\"\">", out);
    h(out, sk_label(cat, "any"));
    fputs("</option>", out);
    for (size_t i = 0; i < res->nrule_meta; i++) {
        const sk_rule_meta *ri = &res->rule_meta[i];
        if (!ri->enabled)
            continue;
        fputs("<option value=\"", out);
        a(out, ri->id);
        fputs("\">", out);
        h(out, ri->id);
        fputs(" ", out);
        h(out, ri->title);
        fputs("</option>", out);
    }
    fputs("</select></label>\n<label>", out);
    h(out, sk_label(cat, "Search"));
    fputs("<input id=\"f-text\" type=\"search\" placeholder=\"", out);
    a(out, sk_label(cat, "HSA-id, name, file, message"));
    fputs("\"></label>\n<span><button type=\"button\" id=\"expand\">", out);
    h(out, sk_label(cat, "Open all"));
    fputs("</button> <button type=\"button\" id=\"collapse\">", out);
    h(out, sk_label(cat, "Close all"));
    fputs("</button></span>\n<span class=\"muted\"><span id=\"shown\"></span> ", out);
    h(out, sk_label(cat, "units shown"));
    fputs("</span>\n</section>\n", out);
    static const struct {
        const char *key, *cls, *label;
    } HEADS[] = {
        {"id", "", "HSA-id"},
        {"name", "", "Unit"},
        {"status", "", "Status"},
        {"launch", "", "Launch"},
        {"error", " class=\"num\"", "Errors"},
        {"warning", " class=\"num\"", "Warnings"},
        {"info", " class=\"num\"", "Info"},
    };
    fputs("<section id=\"units-box\">\n<table id=\"units\">\n<thead><tr>", out);
    for (size_t i = 0; i < sizeof HEADS / sizeof *HEADS; i++) {
        fprintf(out, "<th data-key=\"%s\"%s tabindex=\"0\">", HEADS[i].key, HEADS[i].cls);
        h(out, sk_label(cat, HEADS[i].label));
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n", out);
}

/* The header row of a table of findings or errors: th cells of labels. */
static void heads(FILE *out, const sk_catalogue *cat, const char *const *labels, size_t n)
{
    fputs("<thead><tr>", out);
    for (size_t i = 0; i < n; i++) {
        fputs("<th>", out);
        h(out, sk_label(cat, labels[i]));
        fputs("</th>", out);
    }
    fputs("</tr></thead>", out);
}

/* The unit's rules with findings, each once, in the order they first appear. */
static int first_of_rule(const sk_unit_result *u, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (same(u->findings[j].rule, u->findings[i].rule))
            return 0;
    return u->findings[i].rule != NULL;
}

/* A unit's findings, a line each: where, severity, rule (linked to its
 * explanation in #rules), message, path and owner. A list with as few
 * elements as a line needs: a region's page holds 150 000 of them, and
 * the browser's time goes to parsing them. */
static void findings(const sk_result *res, const sk_unit_result *u, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    fputs("<ul class=\"findings\">", out);
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        fprintf(out, "<li class=\"%s%s\">", sk_severity_name(f->severity),
                f->waived ? " waived" : f->known ? " known" : "");
        sk_html_where(out, f->file, f->line, f->column);
        fputs(" <b>", out);
        h(out, sk_label(cat, sk_severity_name(f->severity)));
        fputs("</b> <a href=\"#rule-", out);
        a(out, f->rule);
        fputs("\">", out);
        h(out, f->rule);
        fputs(f->waived ? "</a> <span class=\"msg\">" : "</a> ", out);
        h(out, f->message);
        fputs(f->waived ? "</span>" : "", out);
        int small = (f->path && *f->path) || f->owner;
        fputs(small ? " <small>" : "", out);
        if (f->path && *f->path) {
            fputs("(", out);
            h(out, f->path);
            fputs(f->owner ? ") " : ")", out);
        }
        if (f->owner) {
            const char *who = f->owner;
            put(out, sk_label(cat, "owner: %s"), &who, 1, 0);
        }
        fputs(small ? "</small>" : "", out);
        if (f->waiver) {
            const char *args[] = {f->waiver->expires, f->waiver->approved_by, f->waiver->reason};
            fputs("<span class=\"badge waived\" title=\"", out);
            put(out, sk_label(cat, "waived until %s by %s: %s"), args, 3, 1);
            fputs("\">", out);
            h(out, sk_label(cat, "waived"));
            fputs("</span> <span class=\"muted\">", out);
            put(out, sk_label(cat, "waived until %s by %s: %s"), args, 3, 0);
            if (f->waiver->expiring) {
                fputs(" ", out);
                h(out, sk_label(cat, "(the waiver expires soon)"));
            }
            fputs("</span>", out);
        } else if (f->waived) {
            fputs("<span class=\"badge waived\">", out);
            h(out, sk_label(cat, "waived"));
            fputs("</span>", out);
        }
        if (f->known) {
            fputs("<span class=\"badge known\">", out);
            h(out, sk_label(cat, "known: in the baseline"));
            fputs("</span>", out);
        }
        fputs("</li>", out);
    }
    fputs("</ul>\n", out);
}

/* Each rule with findings, its title and explanation, once for the page
 * (the findings link here): most units affected first, as the chart. */
static void glossary(const sk_result *res, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    const sk_summary *s = &res->summary;
    if (!s->ngaps)
        return;
    fputs("<section id=\"rules\" class=\"panel\"><h2>", out);
    h(out, sk_label(cat, "The rules with findings"));
    fputs("</h2>\n<dl class=\"rules\">\n", out);
    for (size_t i = 0; i < s->ngaps; i++) {
        const sk_rule_meta *ri = sk_report_rule(res, s->gaps[i].rule);
        fputs("<dt id=\"rule-", out);
        a(out, s->gaps[i].rule);
        fputs("\">", out);
        h(out, s->gaps[i].rule);
        if (ri && ri->title) {
            fputs(": ", out);
            h(out, ri->title);
        }
        fputs("</dt><dd>", out);
        h(out, ri && ri->explain ? ri->explain : sk_label(cat, "(no explanation)"));
        fputs("</dd>\n", out);
    }
    fputs("</dl></section>\n", out);
}

/* The launch cell: the date, the days to it and the rollout state as a badge. */
static void launch(const sk_catalogue *cat, const sk_unit_result *u, FILE *out)
{
    if (u->launch_date[0]) {
        char when[64];
        sk_report_days(cat, u->days_to_launch, when, sizeof when);
        fprintf(out, "%s <span class=\"muted\">", u->launch_date);
        h(out, when);
        fputs("</span>", out);
        if (u->launch_disputed) {
            fputs("<span class=\"badge\">", out);
            h(out, sk_label(cat, "disputed"));
            fputs("</span>", out);
        }
        fputs("<br>", out);
    }
    fprintf(out, "<span class=\"rollout %s\">", sk_rollout_name(u->rollout));
    h(out, sk_label(cat, sk_rollout_label(u->rollout)));
    fputs("</span>", out);
}

void sk_html_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    size_t count[4] = {0};
    for (size_t i = 0; i < u->nfindings; i++)
        if ((unsigned)u->findings[i].severity < 4)
            count[u->findings[i].severity]++;
    const char *id = u->hsa_id ? u->hsa_id : "";
    const char *name = u->name && *u->name ? u->name : id;
    html_state *st = w->state;
    if (st) {
        sk_html_rollout_unit(w, &st->rollout, u);
        sk_html_todo_unit(&st->todo, u);
    }
    const char *status = status_name(u->status);
    fputs("<tbody class=\"unit\" data-id=\"", out);
    a(out, id);
    fputs("\" data-name=\"", out);
    a(out, name);
    fprintf(out, "\" data-status=\"%s\" data-error=\"%zu\" data-warning=\"%zu\" data-info=\"%zu\" "
                 "data-launch=\"%s\" data-rollout=\"%s\" data-rules=\" ",
            status, count[SK_SEV_ERROR], count[SK_SEV_WARNING], count[SK_SEV_INFO], u->launch_date,
            sk_rollout_name(u->rollout));
    for (size_t i = 0; i < u->nfindings; i++) {
        if (!first_of_rule(u, i))
            continue;
        a(out, u->findings[i].rule);
        fputc(' ', out);
    }
    fputs("\">\n<tr class=\"row\"><td>", out);
    h(out, id);
    fputs("</td><td>", out);
    h(out, name);
    fprintf(out, "</td><td><span class=\"status %s\">", status);
    h(out, sk_label(cat, (unsigned)u->status < SK_UNIT_STATUSES ? VERDICT[u->status] : "error"));
    fputs("</span></td><td>", out);
    launch(cat, u, out);
    fputs("</td>", out);
    static const char *const COUNTED[] = {"Errors", "Warnings", "Info"};
    const size_t counted[] = {count[SK_SEV_ERROR], count[SK_SEV_WARNING], count[SK_SEV_INFO]};
    for (size_t i = 0; i < 3; i++) {
        fputs("<td class=\"num\" data-label=\"", out);
        a(out, sk_label(cat, COUNTED[i]));
        fprintf(out, "\">%zu</td>", counted[i]);
    }
    /* a <details>: the findings open without JavaScript */
    fputs("</tr>\n<tr class=\"detail\"><td colspan=\"7\"><details class=\"unit\"><summary>", out);
    put(out, sk_label(cat, "findings of %s"), &id, 1, 0);
    fputs("</summary>\n<p class=\"muted\">", out);
    h(out, sk_label(cat, "Files:"));
    fputc(' ', out);
    for (size_t i = 0; i < u->nfiles; i++) {
        fputs(i ? ", " : "", out);
        fputs("<span class=\"where\">", out);
        h(out, u->files[i]);
        fputs("</span>", out);
    }
    if (!u->nfiles)
        h(out, sk_label(cat, "none"));
    fputs("</p>\n", out);
    int errors = 0;
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        if (!same(e->unit, u->hsa_id))
            continue;
        fputs(errors++ ? "<li>" : "<ul class=\"unit-errors\"><li>", out);
        const char *kind = sk_label(cat, sk_report_error_kind(e->kind));
        put(out, sk_label(cat, "%s error at"), &kind, 1, 0);
        fputs(" <span class=\"where\">", out);
        sk_html_where(out, e->file, e->line, e->column);
        fputs("</span>: ", out);
        /* the run's errors are translated when it ends; a unit's section is written before */
        char *t = sk_translate_error(cat, e);
        h(out, t ? t : e->message);
        free(t);
        fputs("</li>\n", out);
    }
    if (errors) {
        fputs("</ul>\n", out);
    } else if (u->load_errors || u->rule_errors) {
        fputs("<p class=\"unit-errors\">", out);
        fprintf(out, sk_plural(cat, "%d input error", "%d input errors", (unsigned long long)u->load_errors),
                u->load_errors);
        fputs(sk_label(cat, " and "), out);
        fprintf(out, sk_plural(cat, "%d failed rule", "%d failed rules", (unsigned long long)u->rule_errors),
                u->rule_errors);
        fputs(sk_label(cat, ": see below."), out);
        fputs("</p>\n", out);
    }
    if (u->nfindings) {
        findings(res, u, out);
    } else {
        fputs("<p>", out);
        h(out, sk_label(cat, "No findings."));
        fputs("</p>\n", out);
    }
    fputs("</details></td></tr>\n</tbody>\n", out);
}

/* The ten rules that affect the most units, as horizontal bars. */
static void chart(const sk_result *res, FILE *out)
{
    const sk_catalogue *cat = res->catalogue;
    const sk_summary *s = &res->summary;
    size_t n = s->ngaps < 10 ? s->ngaps : 10;
    fputs("<div class=\"panel\"><h2>", out);
    h(out, sk_label(cat, "Most common gaps"));
    fputs("</h2>\n", out);
    if (n == 0) {
        fputs("<p>", out);
        h(out, sk_label(cat, "No findings."));
        fputs("</p></div>\n", out);
        return;
    }
    size_t max = 1;
    for (size_t i = 0; i < n; i++)
        if (s->gaps[i].units > max)
            max = s->gaps[i].units;
    const int label = 420, bars = 300, row = 26, width = label + bars + 60;
    fprintf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %zu\" width=\"%d\" height=\"%zu\" "
                 "aria-label=\"",
            width, n * row + 8, width, n * row + 8);
    a(out, sk_label(cat, "Rules by units affected"));
    fputs("\">\n", out);
    for (size_t i = 0; i < n; i++) {
        const sk_gap *g = &s->gaps[i];
        const sk_rule_meta *ri = sk_report_rule(res, g->rule);
        int y = (int)i * row + 4;
        int w = (int)((double)bars * (double)g->units / (double)max + 0.5);
        fputs("<g><title>", out);
        h(out, g->rule);
        if (ri && ri->title) {
            fputs(": ", out);
            h(out, ri->title);
        }
        fprintf(out, sk_label(cat, g->units == 1 ? " (%zu unit)" : " (%zu units)"), g->units);
        fputs("</title>", out);
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label - 8, y + 17);
        h(out, g->rule);
        if (ri && ri->title) {
            char shortened[52];
            size_t len = strlen(ri->title);
            if (len < sizeof shortened) {
                fputs(" ", out);
                h(out, ri->title);
            } else {
                /* cut at a character boundary: never inside a UTF-8 sequence */
                size_t cut = sizeof shortened - 4;
                while (cut > 0 && ((unsigned char)ri->title[cut] & 0xC0) == 0x80)
                    cut--;
                memcpy(shortened, ri->title, cut);
                memcpy(shortened + cut, "...", 4);
                fputs(" ", out);
                h(out, shortened);
            }
        }
        const char *sev = sk_severity_name(ri ? ri->severity : SK_SEV_ERROR);
        fprintf(out, "</text><rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\"/>",
                sev, label, y + 3, w > 0 ? w : 1, row - 8);
        fprintf(out, "<text class=\"count\" x=\"%d\" y=\"%d\">%zu</text></g>\n", label + (w > 0 ? w : 1) + 6,
                y + 17, g->units);
    }
    fputs("</svg>\n<p class=\"muted\">", out);
    h(out, sk_label(cat, "Units with at least one finding of the rule."));
    fputs("</p></div>\n", out);
}

void sk_html_end(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    const sk_summary *s = &res->summary;
    fputs("</table>\n<button type=\"button\" id=\"more\" hidden data-label=\"", out);
    a(out, sk_label(cat, "Show %s more units (%s not shown)"));
    fputs("\"></button>\n</section>\n", out);
    const struct {
        const char *cls, *label;
        size_t n;
    } CARDS[] = {
        {"units", "units checked", s->units},
        {"pass", "ready", s->passed},
        {"known_gaps", "ready (known gaps)", s->known_gaps},
        {"fail", "not ready", s->failed},
        {"error", "could not be judged", s->errored},
    };
    fputs("<section id=\"summary\" aria-label=\"", out);
    a(out, sk_label(cat, "Summary"));
    fputs("\">\n<div class=\"cards\">\n", out);
    for (size_t i = 0; i < sizeof CARDS / sizeof *CARDS; i++) {
        fprintf(out, "<div class=\"card %s\"><span class=\"n\">%zu</span>", CARDS[i].cls, CARDS[i].n);
        h(out, sk_label(cat, CARDS[i].label));
        fputs("</div>\n", out);
    }
    /* the numbers are composed first, so a language words its own plurals */
    char errors[64], warnings[64];
    snprintf(errors, sizeof errors,
             sk_plural(cat, "%zu error", "%zu errors", s->findings[SK_SEV_ERROR]),
             s->findings[SK_SEV_ERROR]);
    snprintf(warnings, sizeof warnings,
             sk_plural(cat, "%zu warning", "%zu warnings", s->findings[SK_SEV_WARNING]),
             s->findings[SK_SEV_WARNING]);
    fputs("</div>\n<p class=\"muted\">", out);
    fprintf(out, sk_label(cat, "Findings: %s, %s, %zu info; %zu input or rule errors."), errors, warnings,
            s->findings[SK_SEV_INFO], s->errors);
    fputs("</p>\n<p class=\"muted\">", out);
    fprintf(out, sk_label(cat, "Rollout: %zu ready, %zu at risk, %zu not ready, %zu launched, not ready."),
            s->rollout[SK_ROLLOUT_READY], s->rollout[SK_ROLLOUT_AT_RISK], s->rollout[SK_ROLLOUT_NOT_READY],
            s->rollout[SK_ROLLOUT_LAUNCHED_NOT_READY]);
    fputs("</p>\n", out);
    html_state *st = w->state;
    if (st)
        sk_html_rollout_end(w, &st->rollout);
    chart(res, out);
    fputs("</section>\n", out);
    if (st) {
        if (!res->stopped)
            sk_html_todo_end(res, &st->todo, out);
        sk_html_todo_free(st->todo);
        free(st);
        w->state = NULL;
    }
    glossary(res, out);
    if (res->stopped) {
        fputs("<p id=\"stopped\" class=\"panel\">", out);
        h(out, sk_label(cat, "Nothing was judged: correct the errors listed and run again."));
        fputs("</p>\n", out);
    }
    if (res->warnings.count) {
        fputs("<section id=\"warnings\" class=\"panel\"><h2>", out);
        h(out, sk_label(cat, "Warnings:"));
        fputs("</h2>\n<ul>\n", out);
        for (size_t i = 0; i < res->warnings.count; i++) {
            const sk_error *e = &res->warnings.items[i];
            fputs("<li><span class=\"where\">", out);
            sk_html_where(out, e->file, e->line, e->column);
            fputs("</span> ", out);
            h(out, e->message);
            fputs("</li>\n", out);
        }
        fputs("</ul></section>\n", out);
    }
    if (res->fixed.count) {
        fputs("<section id=\"fixed\" class=\"panel\"><h2>", out);
        h(out, sk_label(cat, "Fixed since the baseline:"));
        fputs("</h2>\n<ul>\n", out);
        for (size_t i = 0; i < res->fixed.count; i++) {
            const sk_error *e = &res->fixed.items[i];
            fputs("<li>", out);
            h(out, e->unit);
            fputs(" <strong>", out);
            h(out, e->rule);
            fputs("</strong> <span class=\"where\">", out);
            h(out, e->message);
            fputs("</span></li>\n", out);
        }
        fputs("</ul></section>\n", out);
    }
    if (res->errors.count) {
        static const char *const HEADS[] = {"Where", "Kind", "Unit", "Message"};
        fputs("<section id=\"errors\" class=\"panel\"><h2>", out);
        h(out, sk_label(cat, "Could not be judged"));
        fputs("</h2>\n<table class=\"findings\">", out);
        heads(out, cat, HEADS, 4);
        fputs("<tbody>\n", out);
        for (size_t i = 0; i < res->errors.count; i++) {
            const sk_error *e = &res->errors.items[i];
            fputs("<tr><td class=\"where\">", out);
            sk_html_where(out, e->file, e->line, e->column);
            fputs("</td><td>", out);
            h(out, sk_label(cat, sk_report_error_kind(e->kind)));
            fputs("</td><td>", out);
            h(out, e->unit);
            fputs("</td><td>", out);
            h(out, e->message);
            fputs("</td></tr>\n", out);
        }
        fputs("</tbody></table></section>\n", out);
    }
    fputs("<footer id=\"foot\" class=\"muted\">", out);
    const char *version = res->tool_version ? res->tool_version : SK_VERSION;
    put(out, sk_label(cat, "Written by startklar %s."), &version, 1, 0);
    fprintf(out, "</footer>\n</div>\n<script>\n%s</script>\n</body>\n</html>\n", JS);
}
