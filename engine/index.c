/* index.c: which files hold which units, before any unit is checked. A batch
 * reads the index, then checks one unit at a time from its own files, so
 * memory follows the work in flight, not the size of the corpus.
 *
 * Most files hold one document that names unit.hsa_id near the top: for
 * those a few libyaml events give the key and the rest of the file is not
 * parsed here. Any other file is loaded in full with the real loader, so the
 * keys it yields are exactly those the check will find. */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Whether the bytes hold a document separator ("---" or "...") after their
 * first line: then the file may hold several documents. A separator inside
 * a block scalar is taken as one too, which only costs a full parse. */
static int maybe_several_documents(const char *b, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++) {
        if (b[i] != '\n')
            continue;
        const char *s = b + i + 1;
        if ((s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.'))
            return 1;
    }
    return 0;
}

/* The unit.hsa_id of the first document, read from libyaml events up to it:
 * a plain top-level "unit" map whose "hsa_id" is a non-empty scalar. Returns
 * a malloc'd key, or NULL when the events do not show it that simply. */
static char *quick_key(const char *bytes, size_t len)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return NULL;
    yaml_parser_set_input_string(&p, (const unsigned char *)bytes, len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    enum { ROOT_KEY, ROOT_VALUE, UNIT_KEY, UNIT_VALUE, HSA_VALUE } state = ROOT_KEY;
    int depth = 0, in_unit = 0, skip_depth = -1;
    char *key = NULL;
    int done = 0, events = 0;
    while (!done && events++ < 4096) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev))
            break;
        int start = ev.type == YAML_MAPPING_START_EVENT || ev.type == YAML_SEQUENCE_START_EVENT;
        int end = ev.type == YAML_MAPPING_END_EVENT || ev.type == YAML_SEQUENCE_END_EVENT;
        if (ev.type == YAML_DOCUMENT_END_EVENT || ev.type == YAML_STREAM_END_EVENT ||
            ev.type == YAML_ALIAS_EVENT) {
            done = 1;
        } else if (skip_depth >= 0) {
            /* inside a value we do not need: wait until it closes */
            depth += start - end;
            if (depth == skip_depth) {
                skip_depth = -1;
                state = in_unit ? UNIT_KEY : ROOT_KEY;
            }
        } else if (start) {
            depth++;
            if (depth == 1)
                done = ev.type != YAML_MAPPING_START_EVENT; /* the document is a map */
            else if (state == ROOT_VALUE && in_unit && ev.type == YAML_MAPPING_START_EVENT)
                state = UNIT_KEY;
            else if (state == ROOT_VALUE || state == UNIT_VALUE)
                skip_depth = depth - 1;
            else
                done = 1; /* a complex key, or hsa_id is not a scalar: not simple */
        } else if (end) {
            depth--;
            if (depth == 1 && in_unit) /* the unit map closed without hsa_id */
                done = 1;
        } else if (ev.type == YAML_SCALAR_EVENT) {
            const char *v = (const char *)ev.data.scalar.value;
            switch (state) {
            case ROOT_KEY:
                in_unit = depth == 1 && strcmp(v, "unit") == 0;
                state = ROOT_VALUE;
                break;
            case ROOT_VALUE:
                if (in_unit)
                    done = 1; /* unit: is not a map */
                state = ROOT_KEY;
                break;
            case UNIT_KEY:
                state = strcmp(v, "hsa_id") == 0 ? HSA_VALUE : UNIT_VALUE;
                break;
            case UNIT_VALUE:
                state = UNIT_KEY;
                break;
            case HSA_VALUE:
                if (ev.data.scalar.length > 0 && !ev.data.scalar.tag)
                    key = sk_strdup(v);
                done = 1;
                break;
            }
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return key;
}

static int add_key(sk_index *ix, const char *key, size_t file)
{
    /* a file's keys are appended together and are few: scan just those */
    for (size_t i = ix->npending; i-- > 0 && ix->pending[i].file == file;)
        if (strcmp(ix->pending[i].key, key) == 0)
            return 0;
    if (sk_grow((void **)&ix->pending, &ix->cappending, ix->npending, sizeof *ix->pending))
        return -1;
    char *copy = sk_strdup(key);
    if (!copy)
        return -1;
    ix->pending[ix->npending].key = copy;
    ix->pending[ix->npending].file = file;
    ix->npending++;
    return 0;
}

/* Loads the file in full and records every key it yields; a file that
 * yields none keeps its errors here (no unit will report them). */
static int full_keys(sk_index *ix, size_t file, const char *bytes, size_t len, sk_errors *errs)
{
    sk_docset *ds = sk_docset_new(&ix->limits);
    if (!ds)
        return -1;
    sk_errors local;
    sk_errors_init(&local);
    sk_load_buffer(ds, ix->files.items[file], bytes, len, &local);
    int rc = 0;
    size_t keys = 0;
    for (size_t i = 0; rc == 0 && i < ds->count; i++) {
        const sk_doc *d = &ds->docs[i];
        if (d->hsa_id) {
            rc = add_key(ix, d->hsa_id, file), keys++;
        } else if (strcmp(d->kind, "waivers") == 0) {
            /* waivers may stand among the inputs: they apply to the whole run */
            if (ix->policy)
                sk_policy_add_waivers(ix->policy, d, errs);
        } else {
            rc = sk_errors_add(errs, SK_ERR_POLICY, d->file, d->root->line, d->root->column,
                               strcmp(d->kind, "catalogue") == 0
                                   ? "a %s is not input: startklar carries its own%s"
                                   : "a %s is not input: give it with --%s",
                               d->kind, strcmp(d->kind, "catalogue") == 0 ? ""
                                        : strcmp(d->kind, "profile") == 0 ? "profile" : "baseline");
        }
    }
    for (size_t i = 0; rc == 0 && i < local.count; i++)
        if (local.items[i].unit)
            rc = add_key(ix, local.items[i].unit, file), keys++;
    if (rc == 0 && keys == 0) {
        /* nobody owns this file: its errors are the index's to report */
        for (size_t i = 0; rc == 0 && i < local.count; i++) {
            const sk_error *e = &local.items[i];
            rc = sk_errors_add(errs, e->kind, e->file, e->line, e->column, "%s", e->message);
        }
        ix->orphans++;
    }
    sk_errors_free(&local);
    sk_docset_free(ds);
    return rc;
}

static int pending_cmp(const void *a, const void *b)
{
    const sk_index_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->file < y->file ? -1 : x->file > y->file;
}

/* The quick key of a file, or NULL when it needs the full loader (or
 * cannot be read: the full loader then reports why). */
static char *file_quick_key(const char *path, size_t max)
{
    sk_buf b = {0};
    sk_errors ignored;
    sk_errors_init(&ignored);
    char *key = NULL;
    if (sk_read_file(path, max, &b, &ignored) == 0) {
        const char *bytes = b.data ? b.data : "";
        if (!maybe_several_documents(bytes, b.len))
            key = quick_key(bytes, b.len);
    }
    sk_errors_free(&ignored);
    sk_buf_free(&b);
    return key;
}

typedef struct quick_job {
    sk_index *ix;
    char **keys;
    size_t first, step;
} quick_job;

static void *quick_worker(void *arg)
{
    quick_job *j = arg;
    for (size_t f = j->first; f < j->ix->files.count; f += j->step)
        j->keys[f] = file_quick_key(j->ix->files.items[f], j->ix->limits.max_file_bytes);
    return NULL;
}

int sk_index_build(sk_index *ix, const sk_limits *limits, unsigned jobs, sk_errors *errs)
{
    ix->limits = *limits;
    /* the quick keys, read in parallel: most files need nothing more */
    char **keys = calloc(ix->files.count + 1, sizeof *keys);
    if (!keys)
        return -1;
    if (jobs < 1)
        jobs = 1;
    if (jobs > 64)
        jobs = 64;
    pthread_t threads[64];
    quick_job job[64];
    unsigned started = 0;
    for (unsigned t = 1; t < jobs; t++, started++) {
        job[t] = (quick_job){ix, keys, t, jobs};
        if (pthread_create(&threads[t], NULL, quick_worker, &job[t]) != 0)
            break;
    }
    /* this thread takes the first share, and any share whose thread did not start */
    for (unsigned t = 0; t < jobs; t++) {
        if (t != 0 && t <= started)
            continue;
        job[t] = (quick_job){ix, keys, t, jobs};
        quick_worker(&job[t]);
    }
    for (unsigned t = 1; t <= started; t++)
        pthread_join(threads[t], NULL);

    /* in file order, so that everything the index reports is deterministic */
    int rc = 0;
    for (size_t f = 0; rc == 0 && f < ix->files.count; f++) {
        if (keys[f]) {
            rc = add_key(ix, keys[f], f);
            continue;
        }
        sk_buf b = {0};
        int r = sk_read_file(ix->files.items[f], limits->max_file_bytes, &b, errs);
        if (r < 0)
            rc = -1;
        else if (r > 0) /* not readable: reported, nobody owns it */
            ix->orphans++;
        else
            rc = full_keys(ix, f, b.data ? b.data : "", b.len, errs);
        sk_buf_free(&b);
    }
    for (size_t f = 0; f < ix->files.count; f++)
        free(keys[f]);
    free(keys);
    if (rc)
        return -1;
    /* units in key order, each with its files in path order */
    if (ix->npending > 1)
        qsort(ix->pending, ix->npending, sizeof *ix->pending, pending_cmp);
    for (size_t i = 0; i < ix->npending;) {
        size_t j = i;
        while (j < ix->npending && strcmp(ix->pending[j].key, ix->pending[i].key) == 0)
            j++;
        if (sk_grow((void **)&ix->units, &ix->capunits, ix->nunits, sizeof *ix->units))
            return -1;
        ix->units[ix->nunits].first = i;
        ix->units[ix->nunits].count = j - i;
        ix->nunits++;
        i = j;
    }
    /* a file is reported by the first unit (in key order) that reads it */
    ix->owner = malloc((ix->files.count + 1) * sizeof *ix->owner);
    if (!ix->owner)
        return -1;
    for (size_t f = 0; f < ix->files.count; f++)
        ix->owner[f] = SIZE_MAX;
    for (size_t u = 0; u < ix->nunits; u++)
        for (size_t k = 0; k < ix->units[u].count; k++) {
            size_t f = ix->pending[ix->units[u].first + k].file;
            if (ix->owner[f] == SIZE_MAX)
                ix->owner[f] = u;
        }
    return 0;
}

void sk_index_free(sk_index *ix)
{
    for (size_t i = 0; i < ix->npending; i++)
        free(ix->pending[i].key);
    free(ix->pending);
    free(ix->units);
    free(ix->owner);
    sk_paths_free(&ix->files);
    memset(ix, 0, sizeof *ix);
}
