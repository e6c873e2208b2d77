/* unit.c: documents -> units. Every document that names the same unit key
 * (unit.hsa_id, or organisation for a strategy without unit) belongs to one
 * unit, whatever file or folder it came from. Units are sorted by key, and
 * a unit key falls in one shard of a sharded run (sk_shard_of). A
 * unit's name comes from the first of its documents in path order (file
 * path, then line), whatever the order the files were given in; a document
 * naming it otherwise is kept for a warning. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

unsigned sk_shard_of(const char *key, unsigned shards)
{
    /* FNV-1a: the same split on every machine and run (here, below the
     * index and the check that both split units by it) */
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 16777619u;
    return shards ? h % shards + 1 : 1;
}

static int unit_cmp(const void *a, const void *b)
{
    return strcmp(((const sk_unit *)a)->hsa_id, ((const sk_unit *)b)->hsa_id);
}

static sk_unit *find_unit(sk_unitset *us, const char *key)
{
    /* units are sorted at this point: binary search */
    size_t lo = 0, hi = us->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(us->units[mid].hsa_id, key);
        if (c == 0)
            return &us->units[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Whether document a's name comes before b's in path order. */
static int named_before(const sk_doc *a, const sk_doc *b)
{
    int c = strcmp(a->file, b->file);
    if (c)
        return c < 0;
    if (a->name_at->line != b->name_at->line)
        return a->name_at->line < b->name_at->line;
    return a->name_at->column < b->name_at->column;
}

/* The unit's name: the first in path order; and the first naming it otherwise. */
static void choose_name(sk_unit *u)
{
    for (size_t i = 0; i < u->count; i++)
        if (u->docs[i]->unit_name && (!u->name_doc || named_before(u->docs[i], u->name_doc)))
            u->name_doc = u->docs[i];
    if (!u->name_doc)
        return;
    u->name = u->name_doc->unit_name;
    for (size_t i = 0; i < u->count; i++)
        if (u->docs[i]->unit_name && strcmp(u->docs[i]->unit_name, u->name) != 0 &&
            (!u->name_clash || named_before(u->docs[i], u->name_clash)))
            u->name_clash = u->docs[i];
}

/* Whether one of the unit's documents is in file. */
static int has_file(const sk_unit *u, const char *file)
{
    for (size_t i = 0; file && i < u->count; i++)
        if (strcmp(u->docs[i]->file, file) == 0)
            return 1;
    return 0;
}

/* A unit exists for every key a valid document names, and for every key an
 * invalid document names (it is then reported with status error). */
sk_unitset *sk_group(const sk_docset *ds, const sk_errors *load_errors)
{
    size_t nerr = load_errors ? load_errors->count : 0;
    sk_unitset *us = calloc(1, sizeof *us);
    if (!us)
        return NULL;
    us->units = calloc(ds->count + nerr + 1, sizeof *us->units);
    if (!us->units) {
        free(us);
        return NULL;
    }
    for (size_t i = 0; i < ds->count; i++)
        if (ds->docs[i].hsa_id) /* policy documents belong to no unit */
            us->units[us->count++].hsa_id = ds->docs[i].hsa_id;
    for (size_t i = 0; i < nerr; i++)
        if (load_errors->items[i].kind == SK_ERR_INPUT && load_errors->items[i].unit)
            us->units[us->count++].hsa_id = load_errors->items[i].unit;
    qsort(us->units, us->count, sizeof *us->units, unit_cmp);
    size_t w = 0;
    for (size_t i = 0; i < us->count; i++)
        if (w == 0 || strcmp(us->units[w - 1].hsa_id, us->units[i].hsa_id) != 0)
            us->units[w++] = us->units[i];
    us->count = w;

    for (size_t i = 0; i < ds->count; i++) {
        if (!ds->docs[i].hsa_id)
            continue;
        sk_unit *u = find_unit(us, ds->docs[i].hsa_id);
        if (sk_grow((void **)&u->docs, &u->cap, u->count, sizeof *u->docs)) {
            sk_unitset_free(us);
            return NULL;
        }
        u->docs[u->count++] = &ds->docs[i];
    }
    for (size_t i = 0; i < us->count; i++)
        choose_name(&us->units[i]);
    for (size_t i = 0; i < nerr; i++) {
        const sk_error *e = &load_errors->items[i];
        if (e->kind != SK_ERR_INPUT)
            continue;
        /* an error of a named unit is its own; one that names none (a document that cannot be
         * placed) belongs to every unit with a document in the same file: theirs may be in it */
        for (size_t k = 0; k < us->count; k++) {
            sk_unit *u = &us->units[k];
            if (e->unit ? strcmp(e->unit, u->hsa_id) != 0 : !has_file(u, e->file))
                continue;
            u->load_errors++;
            int listed = 0; /* a file with several errors is listed once */
            for (size_t f = 0; f < u->nfailed && !listed && e->file; f++)
                listed = strcmp(u->failed_files[f], e->file) == 0;
            if (listed)
                continue;
            if (sk_grow((void **)&u->failed_files, &u->capfailed, u->nfailed, sizeof *u->failed_files)) {
                sk_unitset_free(us);
                return NULL;
            }
            u->failed_files[u->nfailed++] = e->file;
        }
    }
    return us;
}

void sk_unitset_free(sk_unitset *us)
{
    if (!us)
        return;
    for (size_t i = 0; i < us->count; i++)
        free(us->units[i].docs), free(us->units[i].failed_files);
    free(us->units);
    free(us);
}

size_t sk_unitset_count(const sk_unitset *us)
{
    return us->count;
}

const sk_unit *sk_unitset_get(const sk_unitset *us, size_t i)
{
    return i < us->count ? &us->units[i] : NULL;
}

const char *sk_unit_id(const sk_unit *u)
{
    return u->hsa_id;
}

const char *sk_unit_name(const sk_unit *u)
{
    return u->name;
}
