/* fuzz_index.c: libFuzzer target for the index's quick-key pass (pass 1 of
 * a batch): whenever it finds a key in some bytes, the full loader must
 * find that unit and no other in them (or, for a file that fails as a
 * whole, none and an error). A quick key the loader disagrees with is a
 * unit pass 2 would lose or misplace: abort. A file that fails as a whole
 * is read for its units up to the loader's last error: in bounded time,
 * each key a text. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The units of a file that failed as a whole, as pass 1 reads them. */
static void failed_keys(const uint8_t *data, size_t size, const sk_limits *limits)
{
    sk_docset *ds = sk_docset_new(limits);
    if (!ds)
        abort();
    sk_errors errs;
    sk_errors_init(&errs);
    sk_load_buffer(ds, "fuzz.yaml", (const char *)data, size, &errs);
    int line = 0, column = 0;
    for (size_t i = 0; i < errs.count; i++)
        if (errs.items[i].line > line || (errs.items[i].line == line && errs.items[i].column > column))
            line = errs.items[i].line, column = errs.items[i].column;
    if (ds->count == 0 && errs.count) {
        char **keys;
        size_t n;
        if (sk_index_failed_keys((const char *)data, size, line, column, &keys, &n))
            abort();
        for (size_t i = 0; i < n; i++) {
            if (!keys[i][0])
                abort(); /* an empty key is no key */
            free(keys[i]);
        }
        free(keys);
    }
    sk_errors_free(&errs);
    sk_docset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0; /* larger files never get a quick key */
    sk_limits fl = sk_limits_default();
    failed_keys(data, size, &fl);
    char *key = sk_index_quick_key((const char *)data, size);
    if (!key)
        return 0;
    if (!*key)
        abort(); /* an empty key is no key */
    sk_limits limits = sk_limits_default();
    sk_docset *ds = sk_docset_new(&limits);
    if (!ds)
        abort();
    sk_errors errs;
    sk_errors_init(&errs);
    sk_load_buffer(ds, "fuzz.yaml", (const char *)data, size, &errs);
    size_t named = 0;
    for (size_t i = 0; i < ds->count; i++) {
        if (!ds->docs[i].hsa_id)
            continue;
        if (strcmp(ds->docs[i].hsa_id, key) != 0)
            abort(); /* another unit than the quick key: it would be lost */
        named++;
    }
    for (size_t i = 0; i < errs.count; i++) {
        if (!errs.items[i].unit)
            continue;
        if (strcmp(errs.items[i].unit, key) != 0)
            abort();
        named++;
    }
    if (named == 0 && errs.count == 0)
        abort(); /* the quick key names a unit the loader does not see, silently */
    if (ds->count > 1)
        abort(); /* one document was promised */
    sk_errors_free(&errs);
    sk_docset_free(ds);
    free(key);
    return 0;
}
