/* report_statement.c: the readiness statement (--format statement), one
 * printed A4 page per unit for the case file: as of, profile and gate, the
 * unit's state and launch, its open findings with their owners, the waivers
 * in force with their approvers, what could not be judged (the run's errors
 * that name no unit on a closing page of their own), and the SHA-256
 * of each input file's bytes (sha256.c) with one hash over that list, so
 * the statement names exactly the documents it judged. A self-contained
 * HTML file (inline CSS, no script) whose print stylesheet puts each unit
 * on a page of its own; byte-identical for the same input and --as-of. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define put sk_html_put

/* The verdicts as the statement words them, by sk_unit_status. */
static const char *const VERDICT[SK_UNIT_STATUSES] = {"ready", "not ready", "could not be judged",
                                                       "ready (known gaps)"};

static const char CSS[] =
    "@page{size:A4;margin:12mm}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:8.5pt/1.3 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;"
    "overflow-wrap:anywhere}\n"
    "section.statement{max-width:186mm;margin:0 auto;padding:12mm 0;border-bottom:1px dashed #8c959f}\n"
    "h1{font-size:14pt;margin:0 0 1mm}h2{font-size:10pt;margin:3mm 0 1mm}p{margin:1mm 0}\n"
    "table{border-collapse:collapse;width:100%;font-size:8pt}th,td{text-align:left;vertical-align:top;"
    "padding:0.6mm 1.5mm;"
    "border-bottom:1px solid #d0d7de}\n"
    "table.facts th{width:38mm;color:#57606a;font-weight:normal}\n"
    ".hash{font-family:ui-monospace,monospace;font-size:7.5pt}.muted{color:#57606a}\n"
    ".state{font-weight:700}.state.pass,.state.known_gaps{color:#1b7f3b}.state.fail{color:#b3261e}"
    ".state.error{color:#7b3fa0}\n"
    ".sign{margin-top:6mm;display:flex;gap:10mm}.sign div{flex:1;border-top:1px solid #1f2328;padding-top:1mm;"
    "color:#57606a}\n"
    "@media print{section.statement{max-width:none;padding:0;border:0;break-after:page}"
    "section.statement:last-of-type{break-after:auto}tr{break-inside:avoid}}\n";


static void heads(FILE *out, const sk_catalogue *cat, const char *const *labels, size_t n)
{
    fputs("<table><thead><tr>", out);
    for (size_t i = 0; i < n; i++) {
        fputs("<th>", out);
        sk_html_text(out, sk_label(cat, labels[i]));
        fputs("</th>", out);
    }
    fputs("</tr></thead><tbody>\n", out);
}

static void fact(FILE *out, const sk_catalogue *cat, const char *label)
{
    fputs("<tr><th>", out);
    sk_html_text(out, sk_label(cat, label));
    fputs("</th><td>", out);
}

void sk_statement_begin(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    fputs("<!DOCTYPE html>\n<html lang=\"", out);
    sk_report_xml(out, sk_catalogue_lang(cat), 1);
    fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    const char *as_of = res->as_of ? res->as_of : "";
    put(out, sk_label(cat, "Readiness statements, as of %s"), &as_of, 1, 0);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", CSS);
}

/* Hashes a file's bytes into hex; 0, or -1 with errno when it cannot be read. */
static int hash_file(const char *path, char hex[65], unsigned long long *bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    sk_sha256 c;
    sk_sha256_init(&c);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sk_sha256_update(&c, buf, n);
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        errno = saved ? saved : EIO;
        return -1;
    }
    unsigned char d[32];
    *bytes = c.bytes; /* before final, which counts its padding */
    sk_sha256_final(&c, d);
    sk_sha256_hex(d, hex);
    return 0;
}

/* Each input file with its SHA-256, and one SHA-256 over the lines
 * "HASH  FILE\n" that `sha256sum FILE...` prints for them. */
static void inputs(const sk_catalogue *cat, const sk_unit_result *u, FILE *out)
{
    fputs("<h2>", out);
    sk_html_text(out, sk_label(cat, "Inputs"));
    fputs("</h2>\n", out);
    static const char *const HEADS[] = {"SHA-256", "Bytes", "File"};
    heads(out, cat, HEADS, 3);
    sk_sha256 all;
    sk_sha256_init(&all);
    int whole = u->nfiles > 0;
    for (size_t i = 0; i < u->nfiles; i++) {
        char hex[65];
        unsigned long long bytes = 0;
        fputs("<tr><td class=\"hash\">", out);
        if (hash_file(u->files[i], hex, &bytes) == 0) {
            fprintf(out, "%s</td><td>%llu", hex, bytes);
            sk_sha256_update(&all, hex, 64);
            sk_sha256_update(&all, "  ", 2);
            sk_sha256_update(&all, u->files[i], strlen(u->files[i]));
            sk_sha256_update(&all, "\n", 1);
        } else {
            const char *why = strerror(errno);
            put(out, sk_label(cat, "could not be read: %s"), &why, 1, 0);
            fputs("</td><td>", out);
            whole = 0;
        }
        fputs("</td><td class=\"hash\">", out);
        sk_html_text(out, u->files[i]);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n<p>", out);
    if (whole) {
        unsigned char d[32];
        char hex[65];
        sk_sha256_final(&all, d);
        sk_sha256_hex(d, hex);
        const char *args[] = {hex};
        put(out, sk_label(cat, "SHA-256 of the inputs (of the list above, as sha256sum FILE... | sha256sum gives it): %s"),
            args, 1, 0);
    } else {
        sk_html_text(out, sk_label(cat, "No hash of the inputs: a file could not be read."));
    }
    fputs("</p>\n", out);
}

void sk_statement_unit(sk_writing *w, const sk_unit_result *u)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    const char *id = u->hsa_id ? u->hsa_id : "";
    const char *name = u->name && *u->name ? u->name : id;
    size_t open[4] = {0}, waived = 0;
    for (size_t i = 0; i < u->nfindings; i++) {
        if (u->findings[i].waived)
            waived++;
        else if ((unsigned)u->findings[i].severity < 4)
            open[u->findings[i].severity]++;
    }
    fputs("<section class=\"statement\" data-id=\"", out);
    sk_report_xml(out, id, 1);
    fputs("\"><h1>", out);
    sk_html_text(out, sk_label(cat, "Readiness statement"));
    fputs("</h1>\n<p><strong>", out);
    sk_html_text(out, name);
    fputs("</strong> ", out);
    sk_html_text(out, id);
    fputs("</p>\n<table class=\"facts\"><tbody>\n", out);
    fact(out, cat, "As of");
    sk_html_text(out, res->as_of ? res->as_of : sk_label(cat, "(unknown)"));
    fputs("</td></tr>\n", out);
    fact(out, cat, "Profile");
    sk_html_text(out, res->profile ? res->profile : "default");
    fputs(". ", out); /* a sentence follows */
    /* the label holds markup (<em>): the catalogue is compiled in */
    fprintf(out, sk_label(cat, "A unit is <em>not ready</em> at a finding of severity %s or above."),
            res->fail_on == SK_SEV_NONE ? sk_label(cat, "(never)") : sk_label(cat, sk_severity_name(res->fail_on)));
    fputs("</td></tr>\n", out);
    fact(out, cat, "State");
    unsigned st = (unsigned)u->status < SK_UNIT_STATUSES ? (unsigned)u->status : SK_UNIT_ERROR;
    fprintf(out, "<span class=\"state %s\">", sk_report_status_name((sk_unit_status)st));
    sk_html_text(out, sk_label(cat, VERDICT[st]));
    fputs("</span>", out);
    if (u->rollout != SK_ROLLOUT_READY) {
        fputs("; ", out);
        sk_html_text(out, sk_label(cat, sk_rollout_label(u->rollout)));
    }
    fputs("</td></tr>\n", out);
    fact(out, cat, "Launch");
    if (u->launch_date[0]) {
        char when[64];
        sk_report_days(cat, u->days_to_launch, when, sizeof when);
        fprintf(out, "%s (", u->launch_date);
        sk_html_text(out, when);
        fputs(")", out);
        if (u->launch_disputed) {
            fputs(" ", out);
            sk_html_text(out, sk_label(cat, "disputed"));
        }
    } else {
        sk_html_text(out, sk_label(cat, "none named"));
    }
    fputs("</td></tr>\n", out);
    fact(out, cat, "Open findings");
    char part[2][64];
    snprintf(part[0], sizeof part[0], sk_plural(cat, "%zu error", "%zu errors", open[SK_SEV_ERROR]), open[SK_SEV_ERROR]);
    snprintf(part[1], sizeof part[1], sk_plural(cat, "%zu warning", "%zu warnings", open[SK_SEV_WARNING]),
             open[SK_SEV_WARNING]);
    fprintf(out, "%s, %s, ", part[0], part[1]);
    fprintf(out, sk_label(cat, "%zu info"), open[SK_SEV_INFO]);
    fputs("</td></tr>\n</tbody></table>\n", out);

    fputs("<h2>", out);
    sk_html_text(out, sk_label(cat, "Open findings"));
    fputs("</h2>\n", out);
    if (u->nfindings > waived) {
        static const char *const HEADS[] = {"Severity", "Rule", "Message"};
        heads(out, cat, HEADS, 3);
        for (size_t i = 0; i < u->nfindings; i++) {
            const sk_finding *f = &u->findings[i];
            if (f->waived)
                continue;
            fputs("<tr><td>", out);
            sk_html_text(out, sk_label(cat, sk_severity_name(f->severity)));
            fputs("</td><td>", out);
            sk_html_text(out, f->rule);
            fputs("</td><td>", out);
            sk_html_text(out, f->message);
            if (f->known) {
                fputs(" <span class=\"muted\">", out);
                sk_html_text(out, sk_label(cat, "(known: in the baseline)"));
                fputs("</span>", out);
            }
            /* where and who under the message: three columns fit the page's width */
            fputs("<br><span class=\"hash\">", out);
            sk_html_where(out, f->file, f->line, f->column);
            fputs("</span>", out);
            if (f->owner) {
                const char *who = f->owner;
                fputs(" <span class=\"muted\">", out);
                put(out, sk_label(cat, "owner: %s"), &who, 1, 0);
                fputs("</span>", out);
            }
            fputs("</td></tr>\n", out);
        }
        fputs("</tbody></table>\n", out);
    } else {
        fputs("<p>", out);
        sk_html_text(out, sk_label(cat, "None."));
        fputs("</p>\n", out);
    }

    fputs("<h2>", out);
    sk_html_text(out, sk_label(cat, "Waivers"));
    fputs("</h2>\n", out);
    if (waived) {
        static const char *const HEADS[] = {"Rule", "Message", "Reason", "Approved by", "Expires"};
        heads(out, cat, HEADS, 5);
        for (size_t i = 0; i < u->nfindings; i++) {
            const sk_finding *f = &u->findings[i];
            if (!f->waived)
                continue;
            const sk_waiver *wv = f->waiver;
            fputs("<tr><td>", out);
            sk_html_text(out, f->rule);
            fputs("</td><td>", out);
            sk_html_text(out, f->message);
            fputs("</td><td>", out);
            sk_html_text(out, wv ? wv->reason : "");
            fputs("</td><td>", out);
            sk_html_text(out, wv ? wv->approved_by : "");
            fputs("</td><td>", out);
            sk_html_text(out, wv ? wv->expires : "");
            if (wv && wv->expiring) {
                fputs(" ", out);
                sk_html_text(out, sk_label(cat, "(the waiver expires soon)"));
            }
            fputs("</td></tr>\n", out);
        }
        fputs("</tbody></table>\n", out);
    } else {
        fputs("<p>", out);
        sk_html_text(out, sk_label(cat, "None."));
        fputs("</p>\n", out);
    }

    int errors = 0;
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        if (!e->unit || !u->hsa_id || strcmp(e->unit, u->hsa_id) != 0)
            continue;
        if (!errors++) {
            fputs("<h2>", out);
            sk_html_text(out, sk_label(cat, "Could not be judged"));
            fputs("</h2>\n<ul>\n", out);
        }
        fputs("<li><span class=\"hash\">", out);
        sk_html_text(out, e->file);
        if (e->line > 0)
            fprintf(out, ":%d", e->line);
        fputs("</span> ", out);
        /* the run's errors are translated when it ends; a unit's page is written before */
        char *t = sk_translate_error(cat, e);
        sk_html_text(out, t ? t : e->message);
        free(t);
        fputs("</li>\n", out);
    }
    if (errors)
        fputs("</ul>\n", out);
    inputs(cat, u, out);
    fputs("<div class=\"sign\"><div>", out);
    sk_html_text(out, sk_label(cat, "Date and signature"));
    fputs("</div><div>", out);
    sk_html_text(out, sk_label(cat, "Name in print"));
    fputs("</div></div>\n<p class=\"muted\">", out);
    const char *version = res->tool_version ? res->tool_version : SK_VERSION;
    put(out, sk_label(cat, "Written by startklar %s."), &version, 1, 0);
    fputs("</p>\n</section>\n", out);
}

void sk_statement_end(sk_writing *w)
{
    const sk_result *res = w->res;
    const sk_catalogue *cat = res->catalogue;
    FILE *out = w->out;
    /* the run's errors that name no unit (a file whose unit could not be told, a rule file,
     * a policy file): no unit's page lists them, so a page of their own closes the statements */
    size_t loose = 0;
    for (size_t i = 0; i < res->errors.count; i++)
        loose += !res->errors.items[i].unit;
    if (res->summary.units && !loose) {
        fputs("</body>\n</html>\n", out);
        return;
    }
    fputs("<section class=\"statement\">", out);
    if (!res->summary.units) {
        fputs("<p>", out);
        sk_html_text(out, sk_label(cat, res->stopped ? "Nothing was judged: correct the errors listed and run again."
                                          : "No unit was judged."));
        fputs("</p>", out);
    }
    if (loose) {
        fputs(res->summary.units ? "<h2>" : "\n<h2>", out);
        sk_html_text(out, sk_label(cat, "Could not be judged"));
        fputs("</h2>\n", out);
        if (res->summary.units) {
            fputs("<p>", out);
            sk_html_text(out, sk_label(cat, "These errors of the run name no unit: a statement above does not cover "
                                            "what could not be read or run."));
            fputs("</p>\n", out);
        }
        fputs("<ul>\n", out);
        for (size_t i = 0; i < res->errors.count; i++) {
            const sk_error *e = &res->errors.items[i];
            if (e->unit)
                continue;
            fputs("<li>", out);
            if (e->file) {
                fputs("<span class=\"hash\">", out);
                sk_html_text(out, e->file);
                if (e->line > 0)
                    fprintf(out, ":%d", e->line);
                fputs("</span> ", out);
            }
            sk_html_text(out, e->message); /* translated when the run ended */
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    fputs("</section>\n</body>\n</html>\n", out);
}
