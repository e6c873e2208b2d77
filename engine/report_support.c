/* report_support.c: what the report writers in report_*.c share beyond
 * report.c: a rule's metadata by id (plain data the check hands over in the
 * result: the writers never reach into the rule registry), whether a rule
 * applied to a unit, XML/HTML text straight to a stream, and text made safe
 * for a terminal or a page a person reads. */
#include "internal.h"

#include <string.h>
#include <unistd.h>

void sk_report_xml(FILE *out, const char *s, int attribute)
{
    sk_report_xml_text(out, s, attribute, 1);
}

void sk_report_xml_text(FILE *out, const char *s, int attribute, int keep_newline)
{
    if (!s)
        return;
    /* a CI page or a browser is read by people too: controls shown, not obeyed */
    sk_buf shown = {0}, b = {0};
    sk_report_visible(&shown, s, keep_newline);
    sk_buf_xml(&b, shown.failed || !shown.data ? "" : shown.data, attribute);
    if (!b.failed && b.data)
        fwrite(b.data, 1, b.len, out);
    sk_buf_free(&b);
    sk_buf_free(&shown);
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

/* The length of the UTF-8 sequence at p and its code point, or 0 for a bad one. */
static size_t decode(const unsigned char *p, unsigned long *c)
{
    size_t len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
    static const unsigned long MIN[] = {0, 0, 0x80, 0x800, 0x10000};
    static const unsigned char LEAD[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    if (!len)
        return 0;
    *c = *p & LEAD[len];
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        *c = (*c << 6) | (p[i] & 0x3F);
    }
    if (*c < MIN[len] || *c > 0x10FFFF || (*c >= 0xD800 && *c <= 0xDFFF))
        return 0;
    return len;
}

/* Whether a character must not reach a reader's terminal as it is. */
static int steering(unsigned long c)
{
    return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
}

void sk_report_visible(sk_buf *b, const char *s, int keep_newline)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        unsigned long c = 0;
        size_t n = decode(p, &c);
        if (n == 0) {
            sk_buf_printf(b, "\\x%02X", *p++);
            continue;
        }
        if (!steering(c) || (c == '\n' && keep_newline)) {
            sk_buf_add(b, (const char *)p, n);
        } else {
            if (c == '\n' || c == '\r')
                sk_buf_puts(b, c == '\n' ? "\\n" : "\\r");
            else if (c < 0x100)
                sk_buf_printf(b, "\\x%02lX", c);
            else
                sk_buf_printf(b, "\\u%04lX", c);
        }
        p += n;
    }
}

void sk_report_text(FILE *out, const char *s)
{
    sk_buf b = {0};
    sk_report_visible(&b, s, 0);
    if (!b.failed && b.data)
        fwrite(b.data, 1, b.len, out);
    sk_buf_free(&b);
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

void sk_report_cwd(sk_report_dir *d)
{
    d->n = 0;
    if (getcwd(d->dir, sizeof d->dir))
        d->n = strcmp(d->dir, "/") == 0 ? 0 : strlen(d->dir);
}

const char *sk_report_relative(const sk_report_dir *d, const char *path)
{
    if (!path)
        return "";
    if (path[0] != '/') {
        while (path[0] == '.' && path[1] == '/')
            path += 2;
        return path;
    }
    if (d && d->n && strncmp(path, d->dir, d->n) == 0 && path[d->n] == '/')
        return path + d->n + 1;
    return NULL;
}
