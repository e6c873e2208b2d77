/* authoring.c: the engine's schema tables and rule registry as authoring.h
 * shows them to `startklar init` and `startklar rules`: read-only accessors,
 * a rule looked up by id, and the "did you mean" measure. */
#include "internal.h"
#include "startklar/authoring.h"

#include <stdlib.h>
#include <string.h>

/* sk_type as authoring.h names it. */
static const sk_shape_type PUBLIC_TYPE[] = {
    [SK_T_ANY] = SK_SHAPE_ANY,         [SK_T_STR] = SK_SHAPE_TEXT, [SK_T_INT] = SK_SHAPE_INTEGER,
    [SK_T_NUM] = SK_SHAPE_NUMBER,      [SK_T_BOOL] = SK_SHAPE_BOOLEAN,
    [SK_T_DATE] = SK_SHAPE_DATE,       [SK_T_ENUM] = SK_SHAPE_ENUM, [SK_T_MAP] = SK_SHAPE_MAP,
    [SK_T_LIST] = SK_SHAPE_LIST,       [SK_T_DICT] = SK_SHAPE_DICT,
};

const char *sk_schema_kind(size_t i)
{
    for (const sk_kind *k = sk_kinds; k->name; k++)
        if (k->unit_document && i-- == 0)
            return k->name;
    return NULL;
}

const char *sk_schema_policy_kind(size_t i)
{
    for (const sk_kind *k = sk_kinds; k->name; k++)
        if (!k->unit_document && i-- == 0)
            return k->name;
    return NULL;
}

const sk_shape *sk_schema_root(const char *kind)
{
    const sk_kind *k = kind ? sk_kind_find(kind) : NULL;
    return k ? k->root : NULL;
}

sk_shape_type sk_shape_type_of(const sk_shape *s)
{
    return PUBLIC_TYPE[s->type];
}

size_t sk_shape_nfields(const sk_shape *s)
{
    size_t n = 0;
    if (s->type == SK_T_MAP)
        while (s->fields[n].key)
            n++;
    return n;
}

static const sk_field *field_at(const sk_shape *s, size_t i)
{
    return i < sk_shape_nfields(s) ? &s->fields[i] : NULL;
}

const char *sk_shape_field_key(const sk_shape *s, size_t i)
{
    const sk_field *f = field_at(s, i);
    return f ? f->key : NULL;
}

const char *sk_shape_field_doc(const sk_shape *s, size_t i)
{
    const sk_field *f = field_at(s, i);
    return f ? f->doc : NULL;
}

const sk_shape *sk_shape_field_shape(const sk_shape *s, size_t i)
{
    const sk_field *f = field_at(s, i);
    return f ? f->shape : NULL;
}

const sk_shape *sk_shape_item(const sk_shape *s)
{
    return s->type == SK_T_LIST || s->type == SK_T_DICT ? s->item : NULL;
}

const char *const *sk_shape_vocab(const sk_shape *s)
{
    return s->type == SK_T_ENUM ? s->vocab : NULL;
}

int sk_shape_range(const sk_shape *s, long long *min, long long *max)
{
    if (s->type != SK_T_INT || s->min > s->max)
        return 0;
    *min = s->min;
    *max = s->max;
    return 1;
}

/* ---- "did you mean": the one measure of what is close enough to suggest -- */

void sk_nearest_try(sk_nearest *n, const char *candidate)
{
    if (!candidate)
        return;
    size_t d = sk_edit_distance(n->word, candidate);
    if (!n->best || d < n->dist)
        n->dist = d, n->best = candidate;
}

const char *sk_nearest_get(const sk_nearest *n)
{
    /* a typo's worth: 1 edit in a short word, 2 in a longer one, 3 beyond */
    size_t len = strlen(n->word);
    size_t allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    return n->best && n->dist <= allowed && strcmp(n->best, n->word) != 0 ? n->best : NULL;
}

const char *sk_closest(const char *word, const char *const *candidates, size_t n)
{
    sk_nearest near = {.word = word};
    for (size_t i = 0; i < n; i++)
        sk_nearest_try(&near, candidates[i]);
    return sk_nearest_get(&near);
}

int sk_json_write_string(const char *s, FILE *out)
{
    sk_buf b = {0};
    sk_buf_json(&b, s ? s : "");
    int bad = b.failed || !b.data || fwrite(b.data, 1, b.len, out) != b.len;
    sk_buf_free(&b);
    return bad ? -1 : 0;
}

int sk_rule_id_valid(const char *s)
{
    size_t i = 1, digits = 0;
    if (!(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    while ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))
        i++;
    if (i < 2 || i > 8 || s[i] != '-')
        return 0;
    for (i++; s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    return digits >= 2 && digits <= 4 && s[i] == '\0';
}
