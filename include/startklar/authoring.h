/* authoring.h: the rule and document authoring kit of libstartklar: the
 * schema tables the loader checks documents against, seen from outside the
 * engine (for `startklar init`), the JSON Schema generated from them (for
 * `startklar schema` and editors), and looking rules up by id (for
 * `startklar rules`). Everything here reads const data or a loaded sk_rules;
 * nothing keeps state. */
#ifndef STARTKLAR_AUTHORING_H
#define STARTKLAR_AUTHORING_H

#include "startklar/startklar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the schema tables --------------------------------------------------- */

/* A shape of the schema: what one value of a document may be. */
typedef struct sk_shape sk_shape;

typedef enum {
    SK_SHAPE_ANY,     /* x_ keys: whatever YAML says */
    SK_SHAPE_TEXT,    /* any scalar, read as text */
    SK_SHAPE_INTEGER, /* with an optional range */
    SK_SHAPE_NUMBER,
    SK_SHAPE_BOOLEAN,
    SK_SHAPE_DATE,    /* a real date YYYY-MM-DD */
    SK_SHAPE_ENUM,    /* one word of a closed vocabulary */
    SK_SHAPE_MAP,     /* known keys (and x_ keys) */
    SK_SHAPE_LIST,    /* items of one shape */
    SK_SHAPE_DICT     /* a map with free keys (rule ids), every value of one shape */
} sk_shape_type;

/* The i-th kind of document that describes a unit ("communication-plan",
 * "unit-onboarding", "social-media-strategy"), or NULL past the last. */
const char *sk_schema_kind(size_t i);
/* The root shape of such a kind, or NULL when it is not one. */
/* The i-th kind of policy document (waivers, profile, baseline), or NULL. */
const char *sk_schema_policy_kind(size_t i);
const sk_shape *sk_schema_root(const char *kind);

sk_shape_type sk_shape_type_of(const sk_shape *s);
/* SK_SHAPE_MAP: the number of known keys, and the i-th key's name, one-line
 * description and shape (NULL past the last). */
size_t sk_shape_nfields(const sk_shape *s);
const char *sk_shape_field_key(const sk_shape *s, size_t i);
const char *sk_shape_field_doc(const sk_shape *s, size_t i);
const sk_shape *sk_shape_field_shape(const sk_shape *s, size_t i);
/* SK_SHAPE_LIST, SK_SHAPE_DICT: the shape of every item or value (else NULL). */
const sk_shape *sk_shape_item(const sk_shape *s);
/* SK_SHAPE_ENUM: the allowed words, NULL-terminated (else NULL). */
const char *const *sk_shape_vocab(const sk_shape *s);
/* The word for one value of a closed vocabulary (an SK_SHAPE_ENUM's
 * words) in lang ("behandlare" for practitioner in sv; English: the value
 * itself, or the name of a maturity level), or NULL when the words are no
 * vocabulary of engine/vocab.c. The one table the reports use. */
const char *sk_vocab_word(const char *const *values, const char *value, const char *lang);
/* SK_SHAPE_INTEGER: 1 and the range when it has one, else 0. */
int sk_shape_range(const sk_shape *s, long long *min, long long *max);

/* ---- JSON Schema ----------------------------------------------------------- */

/* Writes the JSON Schema (draft 2020-12) of one document kind, generated
 * from the same tables the loader checks against, to out. Returns 0, -1 for
 * an unknown kind, -2 when out of memory or the write failed. */
int sk_json_schema_write(const char *kind, FILE *out);
/* The same with every description in cat's language (NULL: English). */
int sk_json_schema_write_in(const char *kind, const sk_catalogue *cat, FILE *out);

/* Writes the format reference (docs/format.md) as Markdown, generated from the
 * same tables, to out: every kind with its prose when kind is NULL, else the
 * table of one kind. Returns 0, -1 for an unknown kind, -2 when out of memory
 * or the write failed. */
int sk_format_doc_write(const char *kind, FILE *out);

/* Writes s as a JSON string (quoted, escaped; bytes that are not UTF-8
 * become U+FFFD), the same escaping every report uses. 0, or -1 on failure. */
int sk_json_write_string(const char *s, FILE *out);

/* ---- rules by id ------------------------------------------------------------ */

/* Whether id is a valid rule id: [A-Z][A-Z0-9]{1,7}-[0-9]{2,4} (GOT-01). */
int sk_rule_id_valid(const char *id);

/* ---- "did you mean" ---------------------------------------------------------- */

/* The candidate closest to word when it is close enough to be a likely typo
 * (the same measure the loader uses for unknown keys), else NULL. */
const char *sk_closest(const char *word, const char *const *candidates, size_t n);

#ifdef __cplusplus
}
#endif
#endif
