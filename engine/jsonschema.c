/* jsonschema.c: the JSON Schema (draft 2020-12) of a document kind, written
 * from the same tables (schema.c) the loader checks documents against, so an
 * editor and the loader agree on keys, types and vocabularies. Every field is
 * optional and may be null, as it is to the loader; x_ keys are free. The
 * descriptions are the tables' English, or put through a catalogue. */
#include "internal.h"
#include "startklar/authoring.h"

#include <stdlib.h>
#include <string.h>

#define DATE_PATTERN "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

/* One row per scalar type: its JSON type and any keywords that follow it. */
typedef struct scalar_row {
    const char *json_type;
    const char *extra; /* more members, already JSON, one per line */
} scalar_row;

static const scalar_row SCALARS[] = {
    [SK_T_STR] = {"string", NULL},
    [SK_T_INT] = {"integer", NULL},
    [SK_T_NUM] = {"number", NULL},
    [SK_T_BOOL] = {"boolean", NULL},
    [SK_T_DATE] = {"string", "\"format\": \"date\"\n\"pattern\": \"" DATE_PATTERN "\""},
};

typedef struct writer {
    sk_buf b;
    int depth;
    const sk_catalogue *cat; /* the descriptions' language (NULL: English) */
} writer;

static void newline(writer *w)
{
    sk_buf_puts(&w->b, "\n");
    for (int i = 0; i < w->depth; i++)
        sk_buf_puts(&w->b, "  ");
}

static void open_object(writer *w)
{
    sk_buf_puts(&w->b, "{");
    w->depth++;
}

static void close_object(writer *w)
{
    w->depth--;
    newline(w);
    sk_buf_puts(&w->b, "}");
}

/* Starts a member: a comma unless it is the first, a new line, the key. */
static void member(writer *w, int *first, const char *key)
{
    if (!*first)
        sk_buf_puts(&w->b, ",");
    *first = 0;
    newline(w);
    sk_buf_json(&w->b, key);
    sk_buf_puts(&w->b, ": ");
}

/* Members given as literal JSON lines ("a": 1\n"b": 2). */
static void literal_members(writer *w, int *first, const char *text)
{
    while (text && *text) {
        const char *end = strchr(text, '\n');
        size_t n = end ? (size_t)(end - text) : strlen(text);
        if (!*first)
            sk_buf_puts(&w->b, ",");
        *first = 0;
        newline(w);
        sk_buf_add(&w->b, text, n);
        text = end ? end + 1 : NULL;
    }
}

static void write_shape(writer *w, const sk_shape *s, const char *doc);

static void write_fields(writer *w, const sk_field *fields, const char *kind)
{
    int first = 1;
    open_object(w);
    for (const sk_field *f = fields; f->key; f++) {
        member(w, &first, f->key);
        if (kind && strcmp(f->key, "kind") == 0) {
            int inner = 1;
            open_object(w);
            member(w, &inner, "const");
            sk_buf_json(&w->b, kind);
            member(w, &inner, "description");
            sk_buf_json(&w->b, sk_label(w->cat, "the document's kind"));
            close_object(w);
        } else if (kind && strcmp(f->key, "version") == 0) {
            int inner = 1;
            open_object(w);
            member(w, &inner, "const");
            sk_buf_puts(&w->b, "1");
            member(w, &inner, "description");
            sk_buf_json(&w->b, sk_label(w->cat, f->doc));
            close_object(w);
        } else {
            write_shape(w, f->shape, f->doc);
        }
    }
    close_object(w);
}

/* The members that close every map: x_ keys are free, other keys unknown. */
static void map_rest(writer *w, int *first)
{
    member(w, first, "patternProperties");
    sk_buf_puts(&w->b, "{\"^x_\": {}}");
    member(w, first, "additionalProperties");
    sk_buf_puts(&w->b, "false");
}

static void write_shape(writer *w, const sk_shape *s, const char *doc)
{
    int first = 1;
    open_object(w);
    if (doc) {
        member(w, &first, "description");
        sk_buf_json(&w->b, sk_label(w->cat, doc));
    }
    switch (s->type) {
    case SK_T_ANY:
        break;
    case SK_T_ENUM:
        member(w, &first, "enum");
        sk_buf_puts(&w->b, "[");
        for (const char *const *v = s->vocab; *v; v++) {
            sk_buf_json(&w->b, *v);
            sk_buf_puts(&w->b, ", ");
        }
        sk_buf_puts(&w->b, "null]");
        /* each value's words in Swedish, for an editor's hover (vocab.c) */
        if (sk_vocab_of(s->vocab)) {
            member(w, &first, "enumDescriptions");
            sk_buf_puts(&w->b, "[");
            for (const char *const *v = s->vocab; *v; v++) {
                char *d = sk_printf("%s: %s", *v, sk_vocab_word(s->vocab, *v, "sv"));
                sk_buf_json(&w->b, d ? d : *v);
                free(d);
                sk_buf_puts(&w->b, ", ");
            }
            sk_buf_puts(&w->b, "\"\"]");
        }
        break;
    case SK_T_MAP:
        member(w, &first, "type");
        sk_buf_puts(&w->b, "[\"object\", \"null\"]");
        member(w, &first, "properties");
        write_fields(w, s->fields, NULL);
        map_rest(w, &first);
        break;
    case SK_T_LIST:
        member(w, &first, "type");
        sk_buf_puts(&w->b, "[\"array\", \"null\"]");
        member(w, &first, "items");
        write_shape(w, s->item, NULL);
        break;
    case SK_T_DICT:
        member(w, &first, "type");
        sk_buf_puts(&w->b, "[\"object\", \"null\"]");
        member(w, &first, "additionalProperties");
        write_shape(w, s->item, NULL);
        break;
    default:
        member(w, &first, "type");
        sk_buf_printf(&w->b, "[\"%s\", \"null\"]", SCALARS[s->type].json_type);
        literal_members(w, &first, SCALARS[s->type].extra);
        if (s->type == SK_T_INT && s->min <= s->max) {
            member(w, &first, "minimum");
            sk_buf_printf(&w->b, "%lld", s->min);
            member(w, &first, "maximum");
            sk_buf_printf(&w->b, "%lld", s->max);
        }
    }
    close_object(w);
}

int sk_json_schema_write_in(const char *kind, const sk_catalogue *cat, FILE *out)
{
    const sk_kind *k = kind ? sk_kind_find(kind) : NULL;
    if (!k)
        return -1;
    writer w = {.cat = cat};
    int first = 1;
    open_object(&w);
    member(&w, &first, "$schema");
    sk_buf_json(&w.b, "https://json-schema.org/draft/2020-12/schema");
    member(&w, &first, "title");
    char *title = sk_printf(sk_label(cat, "startklar %s, version 1"), k->name);
    sk_buf_json(&w.b, title ? title : "");
    if (!title)
        w.b.failed = 1;
    free(title);
    member(&w, &first, "description");
    const char *about = k->unit_document
                            ? "A %s document as startklar reads it (docs/format.md): every field is optional, "
                              "keys beginning with x_ belong to the region. Generated by `startklar schema %s`."
                            : "A %s document (docs/gating.md) as startklar reads it. Generated by "
                              "`startklar schema %s`.";
    char *description = sk_printf(sk_label(cat, about), k->name, k->name);
    sk_buf_json(&w.b, description ? description : "");
    if (!description)
        w.b.failed = 1;
    free(description);
    member(&w, &first, "type");
    sk_buf_puts(&w.b, "\"object\"");
    member(&w, &first, "properties");
    write_fields(&w, k->root->fields, k->name);
    map_rest(&w, &first);
    close_object(&w);
    sk_buf_puts(&w.b, "\n");
    int rc = 0;
    if (w.b.failed || !w.b.data || fwrite(w.b.data, 1, w.b.len, out) != w.b.len || fflush(out))
        rc = -2;
    sk_buf_free(&w.b);
    return rc;
}

int sk_json_schema_write(const char *kind, FILE *out)
{
    return sk_json_schema_write_in(kind, NULL, out);
}
