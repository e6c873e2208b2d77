/* i18n_read.c: reading a message catalogue (engine/i18n/LANG.yaml) and
 * checking it: every entry has en and sv (and plural with sv_plural), a
 * translated format takes the English one's arguments, one translation per
 * English text. Used at build time by embed_catalogue.c, so a catalogue that
 * does not hold up fails the build and the engine never parses YAML to
 * speak Swedish. Read with libyaml's event parser, not the document loader:
 * a catalogue is no document. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

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
        if (n > 0 && n + 1 < size)
            out[n++] = ' ';
        while (*p && strchr("hlzjt", *p) && n + 1 < size)
            out[n++] = *p++;
        if (*p && n + 1 < size)
            out[n++] = *p;
        if (!*p)
            break;
    }
    out[n] = '\0';
}

typedef struct reader {
    yaml_parser_t parser;
    yaml_event_t event;
    const char *name;
    sk_catalogue_read_result *c;
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
    sk_catalogue_read_result *c = r->c;
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
    sk_catalogue_entry e = {.line = (int)r->event.start_mark.line + 1};
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
        sk_errors_add(r->errs, SK_ERR_USAGE, r->name, e.line, 0,
                      "the catalogue is wrong here: an entry needs en and sv, and plural together with sv_plural");
        r->failed = 1;
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
    sk_catalogue_read_result *c = r->c;
    if (sk_grow((void **)&c->entries, &c->cap, c->count, sizeof *c->entries)) {
        r->failed = 1;
        return;
    }
    c->entries[c->count++] = e;
}

/* By English text; of two entries for one text, the one with a plural first. */
static int entry_cmp(const void *a, const void *b)
{
    const sk_catalogue_entry *x = a, *y = b;
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

int sk_catalogue_read(const char *name, const char *text, size_t size, sk_catalogue_read_result *out,
                      sk_errors *errs)
{
    memset(out, 0, sizeof *out);
    reader r = {.name = name, .c = out, .errs = errs};
    if (!yaml_parser_initialize(&r.parser)) {
        sk_errors_add(errs, SK_ERR_USAGE, name, 0, 0, "out of memory");
        return -1;
    }
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, size);
    read_catalogue(&r);
    yaml_event_delete(&r.event);
    yaml_parser_delete(&r.parser);
    if (out->count > 1)
        qsort(out->entries, out->count, sizeof *out->entries, entry_cmp);
    /* one translation per English text */
    for (size_t i = 1; !r.failed && i < out->count; i++) {
        const sk_catalogue_entry *a = &out->entries[i - 1], *b = &out->entries[i];
        if (strcmp(a->en, b->en) == 0 && (strcmp(a->sv, b->sv) != 0 || b->en_plural)) {
            sk_errors_add(errs, SK_ERR_USAGE, name, b->line, 0,
                          "'%s' has two entries (the other at line %d)", b->en, a->line);
            r.failed = 1;
        }
    }
    if (r.failed) {
        sk_catalogue_read_free(out);
        return -1;
    }
    return 0;
}

void sk_catalogue_read_free(sk_catalogue_read_result *c)
{
    for (size_t i = 0; i < c->nstrings; i++)
        free(c->strings[i]);
    free(c->strings);
    free(c->entries);
    memset(c, 0, sizeof *c);
}
