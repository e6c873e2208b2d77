/* load.c: bytes -> documents. libyaml's event stream is turned into a tree
 * whose every node keeps its line and column; aliases are shared (with a cap
 * on the expanded size), nesting is capped, duplicate keys are refused (a
 * hash table finds them, and the anchors, in constant time: hash.c). Each
 * document is then checked against its kind's schema table (schema.c). */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* One open collection while events arrive. Its items buffer outlives it:
 * the next collection at the same depth reuses it (no malloc per map). */
typedef struct frame {
    sk_node *node;
    void **items; /* sk_pair for maps, sk_node* for lists */
    size_t count, cap; /* cap is in bytes' worth of the widest item seen (see add_items) */
    sk_node *key; /* a map's pending key */
    const char *anchor;
    uint64_t serial; /* a map's number in the file: its keys' tag in the hash table */
    int hashed;      /* its keys are in the hash table (it grew beyond SMALL_MAP keys) */
    uint64_t seen;   /* a small map's keys, a bit each by key_bit: no bit, no duplicate */
} frame;

/* A map of up to this many keys finds a duplicate by comparing the new key
 * with the keys before it, without hashing: most maps; a larger one puts
 * its keys into the hash table, where a lookup takes the same time whatever
 * the map's size. */
#define SMALL_MAP 12

/* The hash table's tag of the anchors; maps are numbered from 1. */
#define ANCHORS 0
/* Slots a lookup may visit on average in one file (plus a start): about 2
 * for any real file; only keys crafted to collide come near it. */
#define PROBES_PER_LOOKUP 16
#define PROBES_START 65536

typedef struct loader {
    sk_docset *ds;
    const char *file; /* arena copy */
    const char *bytes;
    size_t len;
    sk_errors *errs;
    int nerrors;
    frame *stack;
    int depth, cap;
    sk_hash table; /* the keys of the document's maps, and its anchors */
    uint64_t maps; /* maps opened so far in the file */
    size_t nodes; /* of the current document, aliases expanded */
    int doc_failed;
    int line0;        /* lines of the file before bytes (a span loaded alone) */
    sk_spans *spans;  /* when not NULL: each document's span is added */
    size_t bom;       /* bytes of a byte order mark skipped before bytes */
    size_t span_from; /* where the next span starts, in bytes */
    int span_line;    /* and the lines before it */
    size_t chars, at; /* libyaml counts characters: this many are the first at bytes */
    int kindless;     /* documents with no 'kind' key at the top (their errors are counted too) */
} loader;

static void load_error(loader *ld, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void load_error(loader *ld, int line, int col, const char *fmt, ...)
{
    va_list ap; /* the format is kept with the error: the catalogue translates it whole */
    va_start(ap, fmt);
    sk_errors_addv(ld->errs, SK_ERR_INPUT, ld->file, line, col, fmt, ap);
    va_end(ap);
    ld->nerrors++;
}

/* libyaml reports reader errors by byte offset: turn it into line and column. */
static void offset_position(const char *bytes, size_t len, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (bytes[i] == '\n')
            (*line)++, *col = 1;
        else if (((unsigned char)bytes[i] & 0xC0) != 0x80)
            (*col)++;
    }
}

static void syntax_error(loader *ld, yaml_parser_t *p)
{
    int line, col;
    if (p->error == YAML_READER_ERROR) {
        /* libyaml names the byte that broke a sequence: point at its start */
        size_t at = p->problem_offset;
        if (p->problem && (strstr(p->problem, "trailing") || strstr(p->problem, "incomplete"))) {
            size_t first = at;
            while (first > 0 && at - first < 4 && ((unsigned char)ld->bytes[first - 1] & 0xC0) == 0x80)
                first--;
            if (first > 0 && at - first < 4 && (unsigned char)ld->bytes[first - 1] >= 0xC0)
                at = first - 1;
        }
        offset_position(ld->bytes, ld->len, at, &line, &col);
        line += ld->line0;
        load_error(ld, line, col, "not valid UTF-8 text: %s", p->problem ? p->problem : "bad bytes");
        return;
    }
    if (p->error == YAML_MEMORY_ERROR) {
        load_error(ld, 0, 0, "out of memory while parsing");
        return;
    }
    line = ld->line0 + (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    if (p->context)
        load_error(ld, line, col, "YAML syntax error: %s %s (line %d)", p->problem, p->context,
                   ld->line0 + (int)p->context_mark.line + 1);
    else
        load_error(ld, line, col, "YAML syntax error: %s", p->problem ? p->problem : "unknown");
}

static sk_node *new_node(loader *ld, sk_node_type type, const yaml_mark_t *m)
{
    sk_node *n = sk_arena_alloc(&ld->ds->arena, sizeof *n);
    if (!n)
        return NULL;
    n->type = type;
    n->line = ld->line0 + (int)m->line + 1;
    n->column = (int)m->column + 1;
    n->size = 1;
    return n;
}

/* Whether the hash table did too much work for this file: only keys
 * crafted to collide get there, and they get an error, not a long wait. */
static int too_many_probes(loader *ld, int line, int col)
{
    if (ld->table.probes <= PROBES_PER_LOOKUP * ld->table.ops + PROBES_START)
        return 0;
    load_error(ld, line, col,
               "too many keys or anchors with colliding hashes (a crafted file?): refused after "
               "%zu lookups",
               ld->table.ops);
    return 1;
}

static int remember_anchor(loader *ld, const char *name, sk_node *n)
{
    if (!name)
        return 0;
    /* a later anchor of the same name replaces the earlier one (YAML 1.1) */
    if (sk_hash_put(&ld->table, ANCHORS, name, n)) {
        load_error(ld, n->line, n->column, "out of memory");
        return -1;
    }
    return too_many_probes(ld, n->line, n->column) ? -1 : 0;
}

static int add_items(frame *f, void *item, size_t elem)
{
    /* cap counts sk_pair-sized slots, so a buffer grown for a map serves a list too */
    if (sk_grow((void **)&f->items, &f->cap, (f->count * elem + sizeof(sk_pair) - 1) / sizeof(sk_pair),
                sizeof(sk_pair)))
        return -1;
    memcpy((char *)f->items + f->count * elem, item, elem);
    f->count++;
    return 0;
}

/* Puts the key of the map of f's pair number i (0 for the first) into the
 * hash table, tagged with the map's number; -1 after an error. The table
 * holds i + 1: f's items move when they grow, their numbers do not. */
static int hash_key(loader *ld, frame *f, const char *key, int line, int col, size_t i)
{
    if (sk_hash_put(&ld->table, f->serial, key, (void *)(uintptr_t)(i + 1))) {
        load_error(ld, line, col, "out of memory");
        return -1;
    }
    return too_many_probes(ld, line, col) ? -1 : 0;
}

/* A key's bit in a small map's set of keys, from its first byte and its
 * length: a key whose bit is not set yet has no twin among the keys before
 * it, and is not compared with them. */
static uint64_t key_bit(const sk_node *n)
{
    return (uint64_t)1 << (((unsigned char)n->text[0] * 7u + (unsigned)n->len) & 63u);
}

/* Whether the key n is already in the map of f (an error, then -1); else
 * it is noted as one of the map's keys. */
static int duplicate_key(loader *ld, frame *f, sk_node *n)
{
    const sk_pair *pairs = (const sk_pair *)f->items;
    if (!f->hashed && f->count < SMALL_MAP) {
        uint64_t bit = key_bit(n);
        int fresh = !(f->seen & bit);
        f->seen |= bit;
        for (size_t i = 0; !fresh && i < f->count; i++) {
            if (pairs[i].key[0] == n->text[0] && strcmp(pairs[i].key, n->text) == 0) {
                load_error(ld, n->line, n->column, "duplicate key '%s' (first at line %d)", n->text,
                           pairs[i].line);
                return -1;
            }
        }
        return 0;
    }
    if (!f->hashed) { /* the map grows large: its keys so far go into the table */
        f->hashed = 1;
        for (size_t i = 0; i < f->count; i++)
            if (hash_key(ld, f, pairs[i].key, pairs[i].line, pairs[i].column, i))
                return -1;
    }
    uintptr_t first = (uintptr_t)sk_hash_get(&ld->table, f->serial, n->text);
    if (first) {
        load_error(ld, n->line, n->column, "duplicate key '%s' (first at line %d)", n->text,
                   pairs[first - 1].line);
        return -1;
    }
    return hash_key(ld, f, n->text, n->line, n->column, f->count);
}

/* Adds a finished node to the collection on top of the stack (or makes it the
 * document's root). Returns -1 when the document must be abandoned. */
static int attach(loader *ld, sk_node *n, sk_node **root)
{
    if (ld->depth == 0) {
        *root = n;
        return 0;
    }
    frame *f = &ld->stack[ld->depth - 1];
    f->node->size += n->size;
    if (f->node->type == SK_NODE_SEQ)
        return add_items(f, &n, sizeof n);
    if (!f->key) {
        if (n->type == SK_NODE_MAP || n->type == SK_NODE_SEQ) {
            load_error(ld, n->line, n->column, "a key must be a plain text, not %s",
                       n->type == SK_NODE_MAP ? "a map" : "a list");
            return -1;
        }
        if (duplicate_key(ld, f, n))
            return -1;
        if (n->text[0] == '<' && n->plain && strcmp(n->text, "<<") == 0) {
            load_error(ld, n->line, n->column, "merge keys (<<) are not supported; write the keys out");
            return -1;
        }
        f->key = n;
        return 0;
    }
    sk_pair p = {.key = f->key->text, .line = f->key->line, .column = f->key->column, .value = n};
    f->key = NULL;
    return add_items(f, &p, sizeof p);
}

static int push_frame(loader *ld, sk_node *n, const char *anchor_name)
{
    if (ld->depth >= ld->ds->limits.max_depth) {
        load_error(ld, n->line, n->column, "nesting deeper than %d levels", ld->ds->limits.max_depth);
        return -1;
    }
    if (ld->depth == ld->cap) {
        int ncap = ld->cap ? ld->cap * 2 : 16;
        frame *s = realloc(ld->stack, (size_t)ncap * sizeof *s);
        if (!s)
            return -1;
        memset(s + ld->cap, 0, (size_t)(ncap - ld->cap) * sizeof *s);
        ld->stack = s;
        ld->cap = ncap;
    }
    frame *f = &ld->stack[ld->depth++];
    void **items = f->items;
    size_t cap = f->cap;
    memset(f, 0, sizeof *f);
    f->items = items, f->cap = cap; /* the buffer of the last collection at this depth */
    f->node = n;
    f->anchor = anchor_name;
    if (n->type == SK_NODE_MAP)
        f->serial = ++ld->maps;
    return 0;
}

static sk_node *pop_frame(loader *ld)
{
    frame *f = &ld->stack[--ld->depth];
    sk_node *n = f->node;
    size_t elem = n->type == SK_NODE_MAP ? sizeof(sk_pair) : sizeof(sk_node *);
    void *items = f->count ? sk_arena_copy(&ld->ds->arena, f->items, f->count * elem) : NULL;
    if (f->count && !items)
        return NULL;
    if (n->type == SK_NODE_MAP) {
        n->v.map.items = items;
        n->v.map.count = f->count;
    } else {
        n->v.seq.items = items;
        n->v.seq.count = f->count;
    }
    if (f->anchor && remember_anchor(ld, f->anchor, n))
        return NULL;
    return n;
}

/* The loader's working memory is kept for the next file of the docset up
 * to these sizes (a file of large maps or lists does not keep its share). */
#define KEEP_TABLE_SLOTS 1024 /* 40 KB */
#define KEEP_ITEMS 256 /* sk_pair-sized slots of one collection */

static void drop_stack(loader *ld)
{
    for (int i = 0; i < ld->cap; i++) {
        if (ld->stack[i].cap > KEEP_ITEMS) {
            free(ld->stack[i].items);
            ld->stack[i].items = NULL, ld->stack[i].cap = 0;
        }
    }
    ld->depth = 0;
}

static const char *arena_str(loader *ld, const yaml_char_t *s)
{
    return s ? sk_arena_strndup(&ld->ds->arena, (const char *)s, strlen((const char *)s)) : NULL;
}

/* Tags: only the standard string tag is accepted; anything else would change
 * how a value reads and is refused rather than ignored. */
static int tag_ok(loader *ld, const yaml_char_t *tag, const yaml_mark_t *m)
{
    if (!tag || strcmp((const char *)tag, "tag:yaml.org,2002:str") == 0)
        return 1;
    load_error(ld, ld->line0 + (int)m->line + 1, (int)m->column + 1, "YAML tags are not supported (found %s)",
               (const char *)tag);
    return 0;
}

static int count_node(loader *ld, size_t size, const yaml_mark_t *m)
{
    ld->nodes += size;
    if (ld->nodes > ld->ds->limits.max_nodes) {
        load_error(ld, ld->line0 + (int)m->line + 1, (int)m->column + 1,
                   "document too large: more than %zu values after expanding aliases",
                   ld->ds->limits.max_nodes);
        return -1;
    }
    return 0;
}

static void place_document(loader *ld, sk_node *root, int line, int col);

/* The unit.hsa_id a document names, read before any check, so that a unit
 * whose document is invalid is known to be incomplete. */
static const char *raw_hsa_id(const sk_node *root)
{
    const sk_node *unit = sk_node_get(root, "unit");
    const sk_node *hsa = sk_node_get(unit, "hsa_id");
    /* a null (hsa_id: ~) names no unit: it is a missing hsa_id */
    if (hsa && hsa->type != SK_NODE_MAP && hsa->type != SK_NODE_SEQ && hsa->len && !sk_scalar_is_null(hsa))
        return hsa->text;
    const sk_node *org = unit ? NULL : sk_node_get(root, "organisation");
    if (org && org->type != SK_NODE_MAP && org->type != SK_NODE_SEQ && org->len && !sk_scalar_is_null(org))
        return org->text;
    return NULL;
}

/* Checks and places one parsed document; errors it causes name its unit.
 * Returns the unit key it names (placed, or in its errors), or NULL. */
static const char *finish_document(loader *ld, sk_node *root, int line, int col)
{
    size_t first = ld->errs->count, docs = ld->ds->count;
    place_document(ld, root, line, col);
    const char *unit = root ? raw_hsa_id(root) : NULL;
    const char *named = NULL;
    for (size_t i = first; unit && i < ld->errs->count; i++) {
        if (!ld->errs->items[i].unit)
            ld->errs->items[i].unit = sk_strdup(unit);
        if (ld->errs->items[i].unit)
            named = ld->errs->items[i].unit;
    }
    return ld->ds->count > docs ? ld->ds->docs[docs].hsa_id : named;
}

/* The byte offset of libyaml's character index (counted from bytes):
 * characters are counted on from the last call, so a file costs one walk. */
static size_t byte_of(loader *ld, size_t chars)
{
    while (ld->chars < chars && ld->at < ld->len) {
        ld->at++;
        while (ld->at < ld->len && ((unsigned char)ld->bytes[ld->at] & 0xC0) == 0x80)
            ld->at++;
        ld->chars++;
    }
    return ld->at;
}

/* Adds the span of the document that ended at mark (key: the unit it
 * names, or NULL); the next span starts there. -1 when out of memory. */
static int add_span(loader *ld, const yaml_mark_t *end, const char *key, int document)
{
    if (!ld->spans) /* pass 2 and single loads: no byte walk for spans nobody reads */
        return 0;
    size_t to = byte_of(ld, end->index);
    if (document && ld->spans) {
        sk_spans *s = ld->spans;
        if (sk_grow((void **)&s->items, &s->cap, s->count, sizeof *s->items))
            return -1;
        s->items[s->count++] = (sk_span){.start = ld->span_from ? ld->bom + ld->span_from : 0,
                                         .end = ld->bom + to, .line = ld->line0 + ld->span_line,
                                         .key = key};
    }
    ld->span_from = to;
    ld->span_line = (int)end->line;
    return 0;
}

/* Places one parsed document: kind, version, schema, unit key. */
static void place_document(loader *ld, sk_node *root, int line, int col)
{
    (void)line, (void)col;
    if (root->type != SK_NODE_MAP) {
        ld->kindless++;
        load_error(ld, root->line, root->column,
                   "a document must be a map starting with 'kind:' and 'version: 1'");
        return;
    }
    const sk_node *kind = sk_node_get(root, "kind");
    if (!kind) {
        ld->kindless++;
        load_error(ld, root->line, root->column, "document has no 'kind' (one of: %s)", sk_kind_names);
        return;
    }
    if (kind->type == SK_NODE_MAP || kind->type == SK_NODE_SEQ) {
        load_error(ld, root->line, root->column, "document has no 'kind' (one of: %s)", sk_kind_names);
        return;
    }
    const sk_kind *k = sk_kind_find(kind->text);
    if (!k) {
        sk_nearest near = {.word = kind->text};
        for (const sk_kind *c = sk_kinds; c->name; c++)
            sk_nearest_try(&near, c->name);
        const char *hint = sk_nearest_get(&near);
        if (hint)
            load_error(ld, kind->line, kind->column, "unknown kind '%s' (did you mean '%s'?)", kind->text, hint);
        else
            load_error(ld, kind->line, kind->column, "unknown kind '%s' (one of: %s)", kind->text, sk_kind_names);
        return;
    }
    const sk_node *version = sk_node_get(root, "version");
    if (!version) {
        load_error(ld, root->line, root->column, "document has no 'version' (this format is version 1)");
        return;
    }
    if (version->type == SK_NODE_MAP || version->type == SK_NODE_SEQ || !version->plain ||
        strcmp(version->text, "1") != 0) {
        load_error(ld, version->line, version->column,
                   "unsupported version '%s' (this startklar reads version 1)",
                   version->type == SK_NODE_MAP || version->type == SK_NODE_SEQ ? "?" : version->text);
        return;
    }
    unsigned long long t0 = ld->ds->timing ? sk_now_ns() : 0;
    int schema_errors = sk_schema_check(root, k->root, ld->file, ld->errs);
    if (ld->ds->timing)
        ld->ds->timing->stage_ns[SK_STAGE_SCHEMA] += sk_now_ns() - t0;
    if (schema_errors > 0) {
        ld->nerrors++;
        return;
    }
    if (!k->unit_document) {
        /* a policy document (waivers, a profile, a baseline): no unit */
        if (sk_grow((void **)&ld->ds->docs, &ld->ds->cap, ld->ds->count, sizeof *ld->ds->docs)) {
            load_error(ld, line, col, "out of memory");
            return;
        }
        sk_doc *d = &ld->ds->docs[ld->ds->count++];
        memset(d, 0, sizeof *d);
        d->file = ld->file;
        d->kind = k->name;
        d->root = root;
        return;
    }
    const sk_node *unit = sk_node_get(root, "unit");
    const sk_node *hsa = unit && unit->type == SK_NODE_MAP ? sk_node_get(unit, "hsa_id") : NULL;
    const sk_node *name = unit && unit->type == SK_NODE_MAP ? sk_node_get(unit, "name") : NULL;
    const char *key = hsa && hsa->type == SK_NODE_STR && hsa->len ? hsa->text : NULL;
    if (!key && !k->needs_hsa_id) {
        const sk_node *org = sk_node_get(root, "organisation");
        key = org && org->type == SK_NODE_STR && org->len ? org->text : NULL;
        if (!name)
            name = org;
    }
    if (!key) {
        const sk_node *at = unit ? unit : root;
        load_error(ld, at->line, at->column,
                   k->needs_hsa_id
                       ? "a %s needs unit.hsa_id to be placed in a unit"
                       : "a %s needs unit.hsa_id or organisation to be placed in a unit",
                   k->name);
        return;
    }
    if (sk_grow((void **)&ld->ds->docs, &ld->ds->cap, ld->ds->count, sizeof *ld->ds->docs)) {
        load_error(ld, line, col, "out of memory");
        return;
    }
    sk_doc *d = &ld->ds->docs[ld->ds->count++];
    d->file = ld->file;
    d->kind = k->name;
    d->hsa_id = key;
    d->unit_name = name && name->type == SK_NODE_STR ? name->text : NULL;
    d->name_at = d->unit_name ? name : NULL;
    d->root = root;
}

static int parse_stream(loader *ld)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        load_error(ld, 0, 0, "out of memory");
        return -1;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)ld->bytes, ld->len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    int documents = 0, done = 0, failed = 0;
    sk_node *root = NULL;
    yaml_mark_t doc_start = {0};
    while (!done && !failed) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            syntax_error(ld, &parser);
            failed = 1;
            break;
        }
        sk_node *n = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        case YAML_DOCUMENT_START_EVENT:
            root = NULL;
            ld->nodes = 0;
            sk_hash_clear(&ld->table); /* anchors and keys are the document's own */
            doc_start = ev.start_mark;
            break;
        case YAML_DOCUMENT_END_EVENT:
            /* an empty document (a trailing "---") holds nothing to check */
            if (root && !(root->type == SK_NODE_STR && root->plain && root->len == 0)) {
                documents++;
                const char *key = finish_document(ld, root, ld->line0 + (int)doc_start.line + 1,
                                                  (int)doc_start.column + 1);
                if (add_span(ld, &ev.end_mark, key, 1)) {
                    load_error(ld, 0, 0, "out of memory");
                    failed = 1;
                }
            } else {
                add_span(ld, &ev.end_mark, NULL, 0);
            }
            break;
        case YAML_SCALAR_EVENT: {
            if (!tag_ok(ld, ev.data.scalar.tag, &ev.start_mark) ||
                count_node(ld, 1, &ev.start_mark)) {
                failed = 1;
                break;
            }
            if (ev.data.scalar.length > ld->ds->limits.max_scalar_bytes) {
                load_error(ld, ld->line0 + (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                           "value too long: %zu bytes (at most %zu)", ev.data.scalar.length,
                           ld->ds->limits.max_scalar_bytes);
                failed = 1;
                break;
            }
            if (memchr(ev.data.scalar.value, '\0', ev.data.scalar.length)) {
                load_error(ld, ld->line0 + (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                           "a value holds a NUL character");
                failed = 1;
                break;
            }
            n = new_node(ld, SK_NODE_STR, &ev.start_mark);
            if (n) {
                n->text = sk_arena_strndup(&ld->ds->arena, (const char *)ev.data.scalar.value,
                                           ev.data.scalar.length);
                n->len = ev.data.scalar.length;
                n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            }
            const char *anchor_name = arena_str(ld, ev.data.scalar.anchor);
            if (!n || !n->text || (ev.data.scalar.anchor && !anchor_name) ||
                remember_anchor(ld, anchor_name, n) || attach(ld, n, &root))
                failed = 1;
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            int is_map = ev.type == YAML_MAPPING_START_EVENT;
            const yaml_char_t *tag = is_map ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
            const yaml_char_t *anc = is_map ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
            if (tag && strcmp((const char *)tag, is_map ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq") != 0) {
                tag_ok(ld, tag, &ev.start_mark);
                failed = 1;
                break;
            }
            if (count_node(ld, 1, &ev.start_mark)) {
                failed = 1;
                break;
            }
            n = new_node(ld, is_map ? SK_NODE_MAP : SK_NODE_SEQ, &ev.start_mark);
            if (!n || push_frame(ld, n, arena_str(ld, anc)))
                failed = 1;
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            n = pop_frame(ld);
            if (!n || attach(ld, n, &root))
                failed = 1;
            break;
        case YAML_ALIAS_EVENT: {
            sk_node *target = sk_hash_get(&ld->table, ANCHORS, (const char *)ev.data.alias.anchor);
            if (too_many_probes(ld, ld->line0 + (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1)) {
                failed = 1;
            } else if (!target) {
                load_error(ld, ld->line0 + (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                           "unknown alias '*%s'", (const char *)ev.data.alias.anchor);
                failed = 1;
            } else if (count_node(ld, target->size, &ev.start_mark) || attach(ld, target, &root)) {
                failed = 1;
            }
            break;
        }
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    drop_stack(ld);
    if (failed)
        return -1;
    if (documents == 0)
        load_error(ld, 1, 1, "file holds no document");
    return 0;
}

size_t sk_utf8_bom(const char *bytes, size_t len)
{
    return len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Loads bytes whose first line is line line0 + 1 of the file (part: a span
 * of it, one document of a file found to be startklar input); adds each
 * document's span to spans when it is not NULL. */
static int load(sk_docset *ds, const char *name, const char *bytes, size_t len, int line0, int part,
                sk_spans *spans, sk_errors *errs)
{
    /* a byte order mark (Notepad writes one) is no part of the text */
    size_t bom = sk_utf8_bom(bytes, len);
    loader ld = {.ds = ds, .bytes = bytes + bom, .len = len - bom, .errs = errs, .line0 = line0,
                 .spans = spans, .bom = bom, .table = ds->load_table, .stack = ds->load_stack,
                 .cap = ds->load_stack_cap};
    if (!ld.table.gen)
        sk_hash_init(&ld.table);
    sk_hash_clear(&ld.table);
    ld.table.ops = ld.table.probes = 0; /* too_many_probes counts a file's own */
    ld.file = sk_arena_strndup(&ds->arena, name, strlen(name));
    if (!ld.file) {
        sk_errors_add(errs, SK_ERR_INPUT, name, 0, 0, "out of memory");
        return 1;
    }
    size_t before = ds->count, spans_before = spans ? spans->count : 0, errors_before = errs->count;
    if (parse_stream(&ld) != 0) {
        /* a syntax error makes the whole file unreliable: keep none of it */
        ds->count = before;
        if (spans)
            spans->count = spans_before;
    } else if (!part && ld.kindless && ld.nerrors == ld.kindless && ds->count == before &&
               errs->count == errors_before + (size_t)ld.kindless) {
        /* no document has a kind at the top (docker-compose.yml, mkdocs.yml):
         * not a startklar file at all, so no error but a file skipped */
        while (errs->count > errors_before)
            sk_error_clear(&errs->items[--errs->count]);
        ld.nerrors = 0;
        ds->not_startklar++;
        /* nor has it spans: they named units through those errors */
        if (spans)
            spans->count = spans_before;
    }
    if (ld.table.cap > KEEP_TABLE_SLOTS)
        sk_hash_free(&ld.table);
    ds->load_table = ld.table;
    ds->load_stack = ld.stack;
    ds->load_stack_cap = ld.cap;
    return ld.nerrors;
}

int sk_load_buffer(sk_docset *ds, const char *name, const char *bytes, size_t len, sk_errors *errs)
{
    return load(ds, name, bytes, len, 0, 0, NULL, errs);
}

int sk_load_buffer_spans(sk_docset *ds, const char *name, const char *bytes, size_t len,
                         sk_spans *spans, sk_errors *errs)
{
    return load(ds, name, bytes, len, 0, 0, spans, errs);
}

int sk_load_span(sk_docset *ds, const char *name, const char *bytes, size_t len, int line0,
                 sk_errors *errs)
{
    return load(ds, name, bytes, len, line0, 1, NULL, errs);
}

void sk_file_seen_of(const struct stat *st, sk_file_seen *seen)
{
    /* the time of the last change of contents or inode: a write, a rename onto it, touch -r */
    *seen = (sk_file_seen){.dev = (uint64_t)st->st_dev, .ino = (uint64_t)st->st_ino,
                           .size = (uint64_t)st->st_size,
                           .ctime_ns = (int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec};
}

int sk_read_file(const char *path, size_t max, sk_buf *b, sk_errors *errs)
{
    sk_file_seen seen;
    return sk_read_file_seen(path, max, b, &seen, errs);
}

int sk_read_file_seen(const char *path, size_t max, sk_buf *b, sk_file_seen *seen, sk_errors *errs)
{
    memset(seen, 0, sizeof *seen);
    /* O_NONBLOCK: opening a FIFO with no writer must not wait for one */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "cannot read: %s", strerror(errno)) ? -1 : 1;
    struct stat st;
    int bad = fstat(fd, &st) != 0 ? errno : 0;
    const char *why = bad ? strerror(bad)
                      : S_ISDIR(st.st_mode) ? "it is a directory"
                      : !S_ISREG(st.st_mode) ? "not a regular file (a FIFO, socket or device)"
                                             : NULL;
    if (why) {
        close(fd);
        return sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "cannot read: %s", why) ? -1 : 1;
    }
    sk_file_seen_of(&st, seen);
    /* one read of the whole file when its size is known; else b grows as it goes */
    size_t want = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    if (want > max + 1)
        want = max + 1;
    int err = 0;
    for (;;) {
        if (b->cap - b->len < want + 1) {
            size_t ncap = b->len + want + 1;
            char *p = realloc(b->data, ncap);
            if (!p) {
                close(fd);
                return -1;
            }
            b->data = p;
            b->cap = ncap;
        }
        ssize_t n = read(fd, b->data + b->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        b->len += (size_t)n;
        b->data[b->len] = '\0';
        /* a regular file reads short only at its end: no second read to see 0 */
        if (n == 0 || (size_t)n < want || b->len > max)
            break;
    }
    close(fd);
    if (b->len > max)
        return sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "file too large (more than %zu bytes)", max) ? -1 : 1;
    if (err)
        return sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "cannot read: %s", strerror(err)) ? -1 : 1;
    return 0;
}

int sk_load_file(sk_docset *ds, const char *path, sk_errors *errs)
{
    sk_buf b = {0};
    int r = sk_read_file(path, ds->limits.max_file_bytes, &b, errs);
    int nerrors = 1;
    if (r == 0)
        nerrors = sk_load_buffer(ds, path, b.data ? b.data : "", b.len, errs);
    else if (r < 0)
        sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "out of memory");
    sk_buf_free(&b);
    return nerrors;
}

sk_docset *sk_docset_new(const sk_limits *limits)
{
    sk_docset *ds = calloc(1, sizeof *ds);
    if (ds)
        ds->limits = limits ? *limits : sk_limits_default();
    return ds;
}

void sk_docset_reset(sk_docset *ds)
{
    sk_arena_reset(&ds->arena);
    ds->count = 0;
}

void sk_docset_free(sk_docset *ds)
{
    if (!ds)
        return;
    sk_arena_free(&ds->arena);
    free(ds->docs);
    frame *stack = ds->load_stack;
    for (int i = 0; i < ds->load_stack_cap; i++)
        free(stack[i].items);
    free(stack);
    sk_hash_free(&ds->load_table);
    sk_buf_free(&ds->file_bytes);
    free(ds);
}

size_t sk_docset_count(const sk_docset *ds)
{
    return ds->count;
}

const sk_pair *sk_node_pair(const sk_node *map, const char *key)
{
    if (!map || map->type != SK_NODE_MAP)
        return NULL;
    for (size_t i = 0; i < map->v.map.count; i++) {
        const sk_pair *p = &map->v.map.items[i];
        if (p->key[0] == key[0] && strcmp(p->key, key) == 0) /* the first byte rules most out */
            return p;
    }
    return NULL;
}

const sk_node *sk_node_get(const sk_node *map, const char *key)
{
    const sk_pair *p = sk_node_pair(map, key);
    return p ? p->value : NULL;
}
