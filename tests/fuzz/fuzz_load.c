/* fuzz_load.c: libFuzzer target for the loader: any bytes through
 * sk_load_buffer give documents or errors with a position, never a crash,
 * and whatever loaded groups into units. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    sk_unitset_free(us);
    sk_errors_free(&errs);
    sk_docset_free(ds);
    return 0;
}
