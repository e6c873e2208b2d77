/* fuzz_load.c: libFuzzer target for the loader: any bytes through
 * sk_load_buffer give documents or errors with a position, never a crash,
 * and whatever loaded groups into units. Each document's span, loaded on
 * its own (as pass 2 does for a file of several units), names the same
 * unit at lines of the file. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The unit a load names: its document's key, or its errors' unit. */
static const char *named(const sk_docset *ds, const sk_errors *errs)
{
    for (size_t i = 0; i < ds->count; i++)
        if (ds->docs[i].hsa_id)
            return ds->docs[i].hsa_id;
    for (size_t i = 0; i < errs->count; i++)
        if (errs->items[i].unit)
            return errs->items[i].unit;
    return NULL;
}

static void check_spans(const uint8_t *data, size_t size, const sk_limits *limits)
{
    sk_docset *ds = sk_docset_new(limits);
    sk_spans spans = {0};
    sk_errors errs;
    sk_errors_init(&errs);
    if (!ds)
        abort();
    sk_load_buffer_spans(ds, "fuzz.yaml", (const char *)data, size, &spans, &errs);
    for (size_t i = 0; i < spans.count; i++) {
        const sk_span *sp = &spans.items[i];
        if (sp->start > sp->end || sp->end > size || (i > 0 && sp->start < spans.items[i - 1].end))
            abort(); /* spans lie in order inside the file */
        sk_docset *one = sk_docset_new(limits);
        sk_errors e;
        sk_errors_init(&e);
        if (!one)
            abort();
        sk_load_span(one, "fuzz.yaml", (const char *)data + sp->start, sp->end - sp->start, sp->line, &e);
        const char *key = named(one, &e);
        if ((key == NULL) != (sp->key == NULL) || (key && strcmp(key, sp->key) != 0))
            abort(); /* loaded alone, the document names another unit */
        if (one->count > 1)
            abort(); /* a span holds one document */
        for (size_t k = 0; k < e.count; k++)
            if (e.items[k].line && e.items[k].line <= sp->line)
                abort(); /* positions are the file's */
        sk_errors_free(&e);
        sk_docset_free(one);
    }
    free(spans.items);
    sk_errors_free(&errs);
    sk_docset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_limits limits = sk_limits_default();
    sk_docset *ds = sk_docset_new(&limits);
    if (!ds)
        abort();
    sk_errors errs;
    sk_errors_init(&errs);
    int n = sk_load_buffer(ds, "fuzz.yaml", (const char *)data, size, &errs);
    if (n < 0 || (size_t)n > errs.count)
        abort(); /* the count returned is the count added */
    for (size_t i = 0; i < errs.count; i++)
        if (!errs.items[i].message || errs.items[i].kind != SK_ERR_INPUT)
            abort();
    sk_unitset *us = sk_group(ds, &errs);
    if (!us)
        abort();
    size_t names = 0;
    for (size_t i = 0; i < sk_unitset_count(us); i++) {
        const sk_unit *u = sk_unitset_get(us, i);
        names += strlen(sk_unit_id(u));
        if (sk_unit_name(u))
            names += strlen(sk_unit_name(u));
        if (i > 0 && strcmp(sk_unit_id(sk_unitset_get(us, i - 1)), sk_unit_id(u)) >= 0)
            abort(); /* units are sorted by id, each once */
    }
    (void)names;
    check_spans(data, size, &limits);
    sk_unitset_free(us);
    sk_errors_free(&errs);
    sk_docset_free(ds);
    return 0;
}
