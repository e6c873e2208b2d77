/* i18n.c: the engine's own texts in another language. English is the
 * language the engine is written in; a catalogue (engine/i18n/LANG.yaml,
 * compiled into the library) gives, by exact key like gettext, the
 * translation of every fixed label, CLI text and message format, with a
 * plural form where a count decides the word. An error keeps its printf
 * format and arguments (util.c), so its translation is the translated format
 * with the same arguments put back. Nothing here matches patterns: a text
 * the catalogue does not have stays English (and strict mode marks it).
 * The rules carry their own texts (render.c). The catalogue is read and
 * checked at build time (i18n_read.c, embed_catalogue.c) and compiled in as
 * a sorted table, so speaking Swedish costs no parsing at start. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* written at build time by embed_catalogue.c from engine/i18n/sv.yaml */
extern const sk_catalogue_entry sk_catalogue_sv[];
extern const size_t sk_catalogue_sv_count;

typedef sk_catalogue_entry entry;

struct sk_catalogue {
    const char *lang;
    const entry *entries; /* sorted by en, compiled in */
    size_t count;
    int strict; /* mark what has no translation, for the tests */
};

typedef struct source {
    const char *lang;
    const entry *entries;
    const size_t *count;
} source;

static const source SOURCES[] = {
    {"sv", sk_catalogue_sv, &sk_catalogue_sv_count},
    {NULL, NULL, NULL},
};

int sk_lang_known(const char *lang)
{
    if (!lang || strcmp(lang, "en") == 0)
        return 1;
    for (const source *s = SOURCES; s->lang; s++)
        if (strcmp(s->lang, lang) == 0)
            return 1;
    return 0;
}

const char *sk_lang_name(size_t i)
{
    if (i == 0)
        return "en";
    for (size_t k = 1; SOURCES[k - 1].lang; k++)
        if (k == i)
            return SOURCES[k - 1].lang;
    return NULL;
}

sk_catalogue *sk_catalogue_load(const char *lang, int strict, sk_errors *errs)
{
    (void)errs; /* checked at build time (i18n_read.c): nothing can be wrong here */
    const source *src = SOURCES;
    while (lang && src->lang && strcmp(src->lang, lang) != 0)
        src++;
    if (!lang || !src->lang)
        return NULL; /* English, or unknown (sk_lang_known tells) */
    sk_catalogue *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->lang = src->lang;
    c->entries = src->entries;
    c->count = *src->count;
    c->strict = strict;
    return c;
}

void sk_catalogue_free(sk_catalogue *c)
{
    free(c);
}

const char *sk_catalogue_lang(const sk_catalogue *c)
{
    return c ? c->lang : "en";
}

int sk_catalogue_strict(const sk_catalogue *c)
{
    return c && c->strict;
}

/* ---- looking up ------------------------------------------------------------------------ */

static const entry *find(const sk_catalogue *c, const char *english)
{
    if (!c || !english)
        return NULL;
    size_t lo = 0, hi = c->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(c->entries[mid].en, english);
        if (cmp == 0)
            return &c->entries[mid];
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *sk_label(const sk_catalogue *c, const char *english)
{
    if (!c)
        return english;
    const entry *e = find(c, english);
    if (e)
        return e->sv;
    return c->strict ? "[untranslated label]" : english;
}

const char *sk_plural(const sk_catalogue *c, const char *singular, const char *plural, unsigned long long n)
{
    if (!c)
        return n == 1 ? singular : plural;
    const entry *e = find(c, singular);
    if (e && e->sv_plural)
        return n == 1 ? e->sv : e->sv_plural;
    return c->strict ? "[untranslated label]" : n == 1 ? singular : plural;
}

char *sk_translate_text(const sk_catalogue *c, const char *english)
{
    if (!c || !english)
        return NULL;
    const entry *e = find(c, english);
    if (e)
        return sk_strdup(e->sv);
    return c->strict ? sk_printf("[untranslated] %s", english) : NULL;
}

/* The translated format with the error's arguments put back: each
 * conversion of the format takes the next argument, or the N-th one for
 * %N$; an argument that is itself a text of the catalogue (a word such as
 * "an integer", a system message such as "Permission denied") is
 * translated too. NULL when out of memory. */
static char *fill(const sk_catalogue *c, const char *format, const sk_error *x)
{
    sk_buf b = {0};
    size_t next_arg = 0;
    for (const char *p = format; *p;) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            sk_buf_puts(&b, p);
            break;
        }
        sk_buf_add(&b, p, (size_t)(pct - p));
        p = pct + 1;
        if (*p == '%') {
            sk_buf_add(&b, "%", 1);
            p++;
            continue;
        }
        size_t which = next_arg++;
        const char *q = p;
        size_t pos = 0;
        while (*q >= '0' && *q <= '9')
            pos = pos * 10 + (size_t)(*q++ - '0');
        if (*q == '$' && pos > 0)
            which = pos - 1, p = q + 1;
        while (*p && !strchr("diouxXcsfgeEGp", *p))
            p++; /* flags, width, precision and length: the argument is text already */
        if (*p)
            p++;
        const char *arg = which < x->nargs ? x->args[which] : "";
        const entry *word = find(c, arg);
        sk_buf_puts(&b, word ? word->sv : arg);
    }
    if (b.failed) {
        sk_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : sk_strdup("");
}

/* The entry whose plural is english (an error made with a count's plural
 * format): NULL when none. */
static const entry *find_plural(const sk_catalogue *c, const char *english)
{
    for (size_t i = 0; i < c->count; i++)
        if (c->entries[i].en_plural && strcmp(c->entries[i].en_plural, english) == 0)
            return &c->entries[i];
    return NULL;
}

char *sk_translate_error(const sk_catalogue *c, const sk_error *x)
{
    if (!c || !x->message)
        return NULL;
    if (x->format && strcmp(x->format, "%s") != 0) {
        /* the English chose singular or plural by the count, as Swedish does */
        const entry *e = find(c, x->format), *p = e ? NULL : find_plural(c, x->format);
        if (e || p)
            return fill(c, e ? e->sv : p->sv_plural, x);
    }
    return sk_translate_text(c, x->message);
}

void sk_translate_errors(const sk_catalogue *c, sk_errors *list)
{
    for (size_t i = 0; c && i < list->count; i++) {
        char *t = sk_translate_error(c, &list->items[i]);
        if (t) {
            free(list->items[i].message);
            list->items[i].message = t;
        }
    }
}

/* ---- the rules' own texts ------------------------------------------------------------------ */

int sk_rules_translate(sk_rules *r, const sk_catalogue *c)
{
    const char *lang = sk_catalogue_lang(c);
    for (size_t i = 0; i < r->nrules; i++)
        sk_rule_info_lang(&r->rules[i].info, lang);
    return 0;
}
