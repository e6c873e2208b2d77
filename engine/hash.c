/* hash.c: a hash table from (tag, text) to a pointer, so that the loader's
 * lookups take the same time whatever the size of a map: the keys of every
 * map of a document (the tag is the map's serial number) and the anchors.
 *
 * Open addressing with linear probing, never more than half full. Emptying
 * the table is one increment of its generation (a slot of an older
 * generation is free), so a file of many small documents after a large one
 * does not clear the large table again and again. Every probe is counted:
 * the caller compares the count with the operations to bound the work of
 * one file, even against keys crafted to collide. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a over the text, the tag mixed in, then a finalizer that spreads
 * every input bit over the low bits the table uses. */
static uint64_t hash_of(uint64_t tag, const char *key)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    h ^= tag * 0x9e3779b97f4a7c15ull;
    h ^= h >> 31;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    return h;
}

uint64_t sk_hash_string(const char *s)
{
    return hash_of(0, s);
}

void sk_hash_init(sk_hash *h)
{
    memset(h, 0, sizeof *h);
    h->gen = 1;
}

void sk_hash_free(sk_hash *h)
{
    free(h->slots);
    sk_hash_init(h);
}

void sk_hash_clear(sk_hash *h)
{
    h->count = 0;
    if (++h->gen == 0) { /* the generation wrapped: clear for real, once in 2^32 */
        if (h->slots)
            memset(h->slots, 0, h->cap * sizeof *h->slots);
        h->gen = 1;
    }
}

/* The slot of (tag, key): the live one holding it, or the free one where it
 * would go. The table is never full, so the walk ends. */
static sk_hash_slot *probe(sk_hash *h, uint64_t tag, const char *key, uint64_t hv)
{
    size_t mask = h->cap - 1;
    for (size_t i = (size_t)hv & mask;; i = (i + 1) & mask) {
        sk_hash_slot *s = &h->slots[i];
        h->probes++;
        if (s->gen != h->gen)
            return s;
        if (s->hash == hv && s->tag == tag && strcmp(s->key, key) == 0)
            return s;
    }
}

static int grow(sk_hash *h)
{
    size_t cap = h->cap ? h->cap * 2 : 64;
    sk_hash_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    sk_hash old = *h;
    h->slots = slots;
    h->cap = cap;
    h->count = 0;
    h->gen = 1;
    for (size_t i = 0; i < old.cap; i++) {
        if (old.slots[i].gen != old.gen)
            continue;
        sk_hash_slot *s = probe(h, old.slots[i].tag, old.slots[i].key, old.slots[i].hash);
        *s = old.slots[i];
        s->gen = h->gen;
        h->count++;
    }
    free(old.slots);
    return 0;
}

void *sk_hash_get(sk_hash *h, uint64_t tag, const char *key)
{
    h->ops++;
    if (h->count == 0)
        return NULL;
    sk_hash_slot *s = probe(h, tag, key, hash_of(tag, key));
    return s->gen == h->gen ? s->value : NULL;
}

int sk_hash_put(sk_hash *h, uint64_t tag, const char *key, void *value)
{
    h->ops++;
    if ((h->count + 1) * 2 > h->cap && grow(h))
        return -1;
    uint64_t hv = hash_of(tag, key);
    sk_hash_slot *s = probe(h, tag, key, hv);
    if (s->gen != h->gen) {
        s->gen = h->gen;
        s->tag = tag;
        s->hash = hv;
        s->key = key;
        h->count++;
    }
    s->value = value;
    return 0;
}
