/* values_json.c: a finding's values (the data of its message's placeholders,
 * sk_value) as JSON text and back, so that a recorded finding can be
 * rendered again in another language: the history's finding.data and the
 * JSON report's "data" are this text. One object, its keys in the values'
 * order (sorted by name), ": " and ", " between; a string is a JSON string,
 * an integer a JSON integer, a number a JSON number with a '.' or an
 * exponent (so it reads back as a number, not an integer), a boolean true or
 * false, a list an array of strings. Same values, same bytes. */
#include "internal.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shortest of %.15g..%.17g that reads back as n, with ".0" when it
 * would read as an integer. The C locale's '.' (the program sets none). */
static void put_double(sk_buf *b, double n)
{
    char text[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(text, sizeof text, "%.*g", digits, n);
        if (strtod(text, NULL) == n)
            break;
    }
    sk_buf_puts(b, text);
    if (!strpbrk(text, ".eE"))
        sk_buf_puts(b, ".0");
}

int sk_values_json(sk_buf *b, const sk_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].type == SK_VAL_NUM && !isfinite(v[i].v.n))
            return 1; /* JSON has no NaN nor infinity */
    sk_buf_puts(b, "{");
    for (size_t i = 0; i < n; i++) {
        sk_buf_puts(b, i ? ", " : "");
        sk_buf_json(b, v[i].name);
        sk_buf_puts(b, ": ");
        switch (v[i].type) {
        case SK_VAL_STR:
            sk_buf_json(b, v[i].v.s);
            break;
        case SK_VAL_INT:
            sk_buf_printf(b, "%lld", v[i].v.i);
            break;
        case SK_VAL_NUM:
            put_double(b, v[i].v.n);
            break;
        case SK_VAL_BOOL:
            sk_buf_puts(b, v[i].v.b ? "true" : "false");
            break;
        case SK_VAL_LIST:
            sk_buf_puts(b, "[");
            for (size_t k = 0; k < v[i].v.list.count; k++) {
                sk_buf_puts(b, k ? ", " : "");
                sk_buf_json(b, v[i].v.list.items[k]);
            }
            sk_buf_puts(b, "]");
            break;
        }
    }
    sk_buf_puts(b, "}");
    return 0;
}

/* One JSON value into v (its name set by the caller): 0, 1 when it is no
 * value a finding has, -1 when out of memory. */
static int read_value(const json_t *j, sk_value *v)
{
    if (json_is_string(j)) {
        v->type = SK_VAL_STR;
        return (v->v.s = sk_strdup(json_string_value(j))) ? 0 : -1;
    }
    if (json_is_integer(j)) {
        v->type = SK_VAL_INT;
        v->v.i = (long long)json_integer_value(j);
        return 0;
    }
    if (json_is_real(j)) {
        v->type = SK_VAL_NUM;
        v->v.n = json_real_value(j);
        return 0;
    }
    if (json_is_boolean(j)) {
        v->type = SK_VAL_BOOL;
        v->v.b = json_is_true(j);
        return 0;
    }
    if (!json_is_array(j))
        return 1;
    v->type = SK_VAL_LIST;
    size_t n = json_array_size(j);
    if (n && !(v->v.list.items = calloc(n, sizeof *v->v.list.items)))
        return -1;
    for (size_t k = 0; k < n; k++) {
        const json_t *item = json_array_get(j, k);
        if (!json_is_string(item))
            return 1;
        if (!(v->v.list.items[v->v.list.count++] = sk_strdup(json_string_value(item))))
            return -1;
    }
    return 0;
}

static int value_cmp(const void *a, const void *b)
{
    return strcmp(((const sk_value *)a)->name, ((const sk_value *)b)->name);
}

int sk_values_read(const struct json_t *obj, sk_value **out, size_t *n)
{
    *out = NULL, *n = 0;
    if (!json_is_object(obj))
        return 1;
    size_t count = json_object_size(obj);
    sk_value *v = count ? calloc(count, sizeof *v) : NULL;
    if (count && !v)
        return -1;
    const char *key;
    json_t *value;
    size_t k = 0;
    int rc = 0;
    json_object_foreach((json_t *)obj, key, value) {
        if (k == count)
            break;
        sk_value *x = &v[k++];
        x->type = SK_VAL_INT; /* nothing to free until read */
        if (!(x->name = sk_strdup(key)))
            rc = -1;
        else
            rc = read_value(value, x);
        if (rc)
            break;
    }
    if (rc) {
        sk_values_free(v, k);
        return rc;
    }
    if (k > 1)
        qsort(v, k, sizeof *v, value_cmp); /* jansson's order is its hash table's */
    *out = v, *n = k;
    return 0;
}

int sk_values_parse(const char *text, sk_value **out, size_t *n)
{
    *out = NULL, *n = 0;
    json_t *obj = text ? json_loads(text, JSON_REJECT_DUPLICATES, NULL) : NULL;
    if (!obj)
        return 1; /* out of memory reads as unreadable too: the recorded text is shown */
    int rc = sk_values_read(obj, out, n);
    json_decref(obj);
    return rc;
}
