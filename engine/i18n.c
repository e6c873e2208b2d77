/* i18n.c: the message catalogues. English is the language the engine and the
 * rules are written in; a catalogue (engine/i18n/LANG.yaml, compiled into the
 * library) gives another language's text for a rule's title and
 * explanation, for every message (by a regular expression over the English
 * message, so rules keep composing their messages as they do) and for every
 * fixed label. Translation belongs to the report stage: the findings, the
 * errors and the labels are translated where they are written out. */
#include "internal.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

extern const char sk_catalogue_sv[];
extern const size_t sk_catalogue_sv_size;

typedef struct entry {
    const char *rule;    /* NULL: the engine's own text */
    const char *title, *explain;
    const char *en;      /* an exact English text */
    const char *text;    /* the translation; \1..\9 the groups of match */
    int has_regex;
    regex_t regex;
} entry;

struct sk_catalogue {
    char *lang;
    sk_docset *ds; /* the catalogue document: the entries' strings */
    entry *entries;
    size_t count;
    int strict; /* mark what has no translation, for the tests */
};

typedef struct source {
    const char *lang;
    const char *text;
    const size_t *size;
} source;

static const source SOURCES[] = {
    {"sv", sk_catalogue_sv, &sk_catalogue_sv_size},
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

/* The printf conversions of a format ("zu s d"), to check that a
 * translated format takes the same arguments in the same order. */
static void conversions(const char *f, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (*++p == '%')
            continue;
        while (*p && strchr("-+ #0123456789.", *p))
            p++;
        while (*p && strchr("hlzjt", *p) && n + 1 < size)
            out[n++] = *p++;
        if (*p && n + 2 < size) {
            out[n++] = *p;
            out[n++] = ' ';
        }
        if (!*p)
            break;
    }
    out[n] = '\0';
}

static const char *text_of(const sk_node *map, const char *key)
{
    const sk_node *n = sk_node_get(map, key);
    return n && n->type == SK_NODE_STR ? n->text : NULL;
}

sk_catalogue *sk_catalogue_load(const char *lang, int strict, sk_errors *errs)
{
    const source *src = SOURCES;
    while (lang && src->lang && strcmp(src->lang, lang) != 0)
        src++;
    if (!lang || !src->lang)
        return NULL; /* English, or unknown (sk_lang_known tells) */
    sk_catalogue *c = calloc(1, sizeof *c);
    if (!c || !(c->ds = sk_docset_new(NULL)) || !(c->lang = sk_strdup(lang))) {
        sk_catalogue_free(c);
        return NULL;
    }
    c->strict = strict;
    char name[32];
    snprintf(name, sizeof name, "engine/i18n/%s.yaml", lang);
    size_t before = errs->count;
    sk_load_buffer(c->ds, name, src->text, *src->size, errs);
    const sk_node *list = c->ds->count ? sk_node_get(c->ds->docs[0].root, "entries") : NULL;
    size_t n = list && list->type == SK_NODE_SEQ ? list->v.seq.count : 0;
    c->entries = calloc(n + 1, sizeof *c->entries);
    if (!c->entries) {
        sk_catalogue_free(c);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const sk_node *e = list->v.seq.items[i];
        entry *x = &c->entries[c->count];
        x->rule = text_of(e, "rule");
        x->title = text_of(e, "title");
        x->explain = text_of(e, "explain");
        x->en = text_of(e, "en");
        x->text = text_of(e, "sv");
        if (x->en && x->text && strchr(x->en, '%')) {
            char a[64], b[64];
            conversions(x->en, a, sizeof a);
            conversions(x->text, b, sizeof b);
            if (strcmp(a, b) != 0) {
                sk_errors_add(errs, SK_ERR_USAGE, name, e->line, e->column,
                              "the translation of '%s' takes other arguments (%s) than the English (%s)",
                              x->en, b, a);
                continue;
            }
        }
        const char *match = text_of(e, "match");
        if (match) {
            int rc = regcomp(&x->regex, match, REG_EXTENDED);
            if (rc != 0) {
                char why[128];
                regerror(rc, &x->regex, why, sizeof why);
                sk_errors_add(errs, SK_ERR_USAGE, name, e->line, e->column, "bad match '%s': %s", match, why);
                continue;
            }
            x->has_regex = 1;
        }
        c->count++;
    }
    if (errs->count > before) {
        sk_catalogue_free(c);
        return NULL;
    }
    return c;
}

void sk_catalogue_free(sk_catalogue *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        if (c->entries[i].has_regex)
            regfree(&c->entries[i].regex);
    free(c->entries);
    sk_docset_free(c->ds);
    free(c->lang);
    free(c);
}

const char *sk_catalogue_lang(const sk_catalogue *c)
{
    return c ? c->lang : "en";
}

/* The text marked as lacking a translation (strict mode), malloc'd. */
static char *untranslated(const sk_catalogue *c, const char *english)
{
    return c->strict ? sk_printf("[untranslated] %s", english) : NULL;
}

/* text with \1..\9 replaced by the groups of m in s. */
static char *substitute(const char *text, const char *s, const regmatch_t *m)
{
    sk_buf b = {0};
    for (const char *p = text; *p; p++) {
        if (p[0] == '\\' && p[1] >= '1' && p[1] <= '9') {
            const regmatch_t *g = &m[p[1] - '0'];
            if (g->rm_so >= 0)
                sk_buf_add(&b, s + g->rm_so, (size_t)(g->rm_eo - g->rm_so));
            p++;
        } else {
            sk_buf_add(&b, p, 1);
        }
    }
    if (b.failed) {
        sk_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : sk_strdup("");
}

char *sk_translate(const sk_catalogue *c, const char *rule, const char *english)
{
    if (!c || !english)
        return NULL;
    for (size_t i = 0; i < c->count; i++) {
        const entry *e = &c->entries[i];
        if (!e->text || (e->rule ? !rule || strcmp(e->rule, rule) != 0 : rule != NULL))
            continue;
        if (e->en && strcmp(e->en, english) == 0)
            return sk_strdup(e->text);
        regmatch_t m[10];
        if (e->has_regex && regexec(&e->regex, english, 10, m, 0) == 0 && m[0].rm_so == 0 &&
            english[m[0].rm_eo] == '\0')
            return substitute(e->text, english, m);
    }
    return untranslated(c, english);
}

char *sk_translate_text(const sk_catalogue *c, const char *english)
{
    return sk_translate(c, NULL, english);
}

const char *sk_label(const sk_catalogue *c, const char *english)
{
    if (!c)
        return english;
    for (size_t i = 0; i < c->count; i++)
        if (!c->entries[i].rule && c->entries[i].en && c->entries[i].text &&
            strcmp(c->entries[i].en, english) == 0)
            return c->entries[i].text;
    return c->strict ? "[untranslated label]" : english;
}

/* Adds text (malloc'd, taken) in lang to t unless t has lang already. */
static int add_text(sk_texts *t, const char *lang, char *text)
{
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].lang, lang) == 0) {
            free(text);
            return 0;
        }
    sk_text *items = text ? realloc(t->items, (t->count + 1) * sizeof *items) : NULL;
    char *l = items ? sk_strdup(lang) : NULL;
    if (!l) {
        if (items)
            t->items = items;
        free(text);
        return -1;
    }
    t->items = items;
    t->items[t->count].lang = l;
    t->items[t->count++].text = text;
    return 0;
}

int sk_rules_translate(sk_rules *r, const sk_catalogue *c)
{
    const char *lang = sk_catalogue_lang(c);
    for (size_t i = 0; i < r->nrules; i++) {
        sk_rule_info *info = &r->rules[i].info;
        /* a rule with its own texts in several languages needs no catalogue */
        const sk_text *own = sk_texts_pick(&info->titles, lang);
        if (c && own && own->lang[0] == '\0') {
            const entry *found = NULL;
            for (size_t k = 0; k < c->count && !found; k++)
                if (c->entries[k].rule && (c->entries[k].title || c->entries[k].explain) &&
                    strcmp(c->entries[k].rule, info->id) == 0)
                    found = &c->entries[k];
            if (found || c->strict) {
                const sk_text *x = sk_texts_pick(&info->explains, lang);
                char *t = found && found->title ? sk_strdup(found->title) : untranslated(c, own->text);
                char *e = found && found->explain ? sk_strdup(found->explain)
                          : x                     ? untranslated(c, x->text)
                                                  : NULL;
                if ((t && add_text(&info->titles, lang, t)) || (e && add_text(&info->explains, lang, e)))
                    return -1;
            }
        }
        sk_rule_info_lang(info, lang);
    }
    return 0;
}
