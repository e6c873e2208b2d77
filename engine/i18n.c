/* i18n.c: the engine's own texts in another language. English is the
 * language the engine is written in; a catalogue (engine/i18n/LANG.yaml,
 * compiled into the library) gives, by exact key like gettext, the
 * translation of every fixed label, CLI text and message format, with a
 * plural form where a count decides the word. An error keeps its printf
 * format and arguments (util.c), so its translation is the translated format
 * with the same arguments put back. Nothing here matches patterns: a text
 * the catalogue does not have stays English (and strict mode marks it).
 * The rules carry their own texts (render.c). The catalogue is read with
 * libyaml's event parser, not the document loader: it is no document. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

extern const char sk_catalogue_sv[];
extern const size_t sk_catalogue_sv_size;

typedef struct entry {
    const char *en, *en_plural; /* the key: the English text (and its plural) */
    const char *sv, *sv_plural; /* the translation (and its plural) */
    int line;
} entry;

struct sk_catalogue {
    char *lang;
    char **strings; /* every string of the entries, owned */
    size_t nstrings, capstrings;
    entry *entries; /* sorted by en */
    size_t count, cap;
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

const char *sk_lang_name(size_t i)
{
    if (i == 0)
        return "en";
    for (size_t k = 1; SOURCES[k - 1].lang; k++)
        if (k == i)
            return SOURCES[k - 1].lang;
    return NULL;
}

/* ---- reading the catalogue ------------------------------------------------------ */

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
        while (*p && strchr("-+ #0123456789.*$", *p))
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

typedef struct reader {
    yaml_parser_t parser;
    yaml_event_t event;
    const char *name;
    sk_catalogue *c;
    sk_errors *errs;
    int failed;
} reader;

static int next(reader *r)
{
    yaml_event_delete(&r->event);
    if (!yaml_parser_parse(&r->parser, &r->event)) {
        sk_errors_add(r->errs, SK_ERR_USAGE, r->name, (int)r->parser.problem_mark.line + 1, 0,
                      "the catalogue is not valid YAML: %s", r->parser.problem ? r->parser.problem : "?");
        r->failed = 1;
        return 0;
    }
    return 1;
}

static void bad(reader *r, const char *what)
{
    sk_errors_add(r->errs, SK_ERR_USAGE, r->name, (int)r->event.start_mark.line + 1,
                  (int)r->event.start_mark.column + 1, "the catalogue is wrong here: %s", what);
    r->failed = 1;
}

/* The scalar of the current event, copied into the catalogue; NULL when it
 * is no scalar (an error is added). */
static const char *scalar(reader *r)
{
    if (r->event.type != YAML_SCALAR_EVENT) {
        bad(r, "expected a text");
        return NULL;
    }
    sk_catalogue *c = r->c;
    size_t len = r->event.data.scalar.length;
    char *s = malloc(len + 1);
    if (s) {
        memcpy(s, r->event.data.scalar.value, len);
        s[len] = '\0';
    }
    if (!s || sk_grow((void **)&c->strings, &c->capstrings, c->nstrings, sizeof *c->strings)) {
        free(s);
        r->failed = 1;
        return NULL;
    }
    return c->strings[c->nstrings++] = s;
}

/* One entry: a map of en, sv and, for a count, plural and sv_plural. */
static void read_entry(reader *r)
{
    static const char *const KEYS[] = {"en", "plural", "sv", "sv_plural", NULL};
    entry e = {.line = (int)r->event.start_mark.line + 1};
    const char **slot[] = {&e.en, &e.en_plural, &e.sv, &e.sv_plural};
    while (next(r) && r->event.type != YAML_MAPPING_END_EVENT) {
        const char *key = scalar(r);
        if (!key)
            return;
        size_t k = 0;
        while (KEYS[k] && strcmp(KEYS[k], key) != 0)
            k++;
        if (!KEYS[k]) {
            bad(r, "an entry has en, sv and, for a count, plural and sv_plural (no patterns)");
            return;
        }
        if (!next(r) || !(*slot[k] = scalar(r)))
            return;
    }
    if (r->failed)
        return;
    if (!e.en || !e.sv || (!e.en_plural) != (!e.sv_plural)) {
        bad(r, "an entry needs en and sv, and plural together with sv_plural");
        return;
    }
    const char *pairs[2][2] = {{e.en, e.sv}, {e.en_plural, e.sv_plural}};
    for (int i = 0; i < 2; i++) {
        if (!pairs[i][0] || !strchr(pairs[i][0], '%'))
            continue;
        char a[64], b[64];
        conversions(pairs[i][0], a, sizeof a);
        conversions(pairs[i][1], b, sizeof b);
        if (strcmp(a, b) != 0 && !strchr(pairs[i][1], '$')) {
            sk_errors_add(r->errs, SK_ERR_USAGE, r->name, e.line, 0,
                          "the translation of '%s' takes other arguments (%s) than the English (%s)",
                          pairs[i][0], b, a);
            r->failed = 1;
            return;
        }
    }
    sk_catalogue *c = r->c;
    if (sk_grow((void **)&c->entries, &c->cap, c->count, sizeof *c->entries)) {
        r->failed = 1;
        return;
    }
    c->entries[c->count++] = e;
}

/* By English text; of two entries for one text, the one with a plural first. */
static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->en, y->en);
    if (c)
        return c;
    return (x->en_plural == NULL) - (y->en_plural == NULL);
}

/* The document: a map whose `entries` is a list of entries; its other keys
 * (kind, version, language) are read past. */
static void read_catalogue(reader *r)
{
    while (next(r) && r->event.type != YAML_MAPPING_START_EVENT)
        if (r->event.type == YAML_STREAM_END_EVENT)
            return;
    while (!r->failed && next(r) && r->event.type != YAML_MAPPING_END_EVENT) {
        const char *key = scalar(r);
        if (!key || !next(r))
            return;
        if (strcmp(key, "entries") != 0) {
            if (r->event.type != YAML_SCALAR_EVENT)
                bad(r, "only `entries` is a list");
            continue;
        }
        if (r->event.type != YAML_SEQUENCE_START_EVENT) {
            bad(r, "`entries` is a list");
            return;
        }
        while (next(r) && r->event.type != YAML_SEQUENCE_END_EVENT) {
            if (r->event.type != YAML_MAPPING_START_EVENT) {
                bad(r, "an entry is a map");
                return;
            }
            read_entry(r);
            if (r->failed)
                return;
        }
    }
}

sk_catalogue *sk_catalogue_load(const char *lang, int strict, sk_errors *errs)
{
    const source *src = SOURCES;
    while (lang && src->lang && strcmp(src->lang, lang) != 0)
        src++;
    if (!lang || !src->lang)
        return NULL; /* English, or unknown (sk_lang_known tells) */
    sk_catalogue *c = calloc(1, sizeof *c);
    if (!c || !(c->lang = sk_strdup(lang))) {
        sk_catalogue_free(c);
        return NULL;
    }
    c->strict = strict;
    char name[32];
    snprintf(name, sizeof name, "engine/i18n/%s.yaml", lang);
    reader r = {.name = name, .c = c, .errs = errs};
    if (!yaml_parser_initialize(&r.parser)) {
        sk_catalogue_free(c);
        return NULL;
    }
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)src->text, *src->size);
    read_catalogue(&r);
    yaml_event_delete(&r.event);
    yaml_parser_delete(&r.parser);
    if (c->count > 1)
        qsort(c->entries, c->count, sizeof *c->entries, entry_cmp);
    /* one translation per English text */
    for (size_t i = 1; !r.failed && i < c->count; i++) {
        const entry *a = &c->entries[i - 1], *b = &c->entries[i];
        if (strcmp(a->en, b->en) == 0 && (strcmp(a->sv, b->sv) != 0 || b->en_plural)) {
            sk_errors_add(errs, SK_ERR_USAGE, name, b->line, 0,
                          "'%s' has two entries (the other at line %d)", b->en, a->line);
            r.failed = 1;
        }
    }
    if (r.failed) {
        sk_catalogue_free(c);
        return NULL;
    }
    return c;
}

void sk_catalogue_free(sk_catalogue *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nstrings; i++)
        free(c->strings[i]);
    free(c->strings);
    free(c->entries);
    free(c->lang);
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

/* ---- the rules' own texts ------------------------------------------------------------------ */

int sk_rules_translate(sk_rules *r, const sk_catalogue *c)
{
    const char *lang = sk_catalogue_lang(c);
    for (size_t i = 0; i < r->nrules; i++)
        sk_rule_info_lang(&r->rules[i].info, lang);
    return 0;
}
