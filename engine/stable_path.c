/* stable_path.c: a finding's path as a baseline keys it. The report path
 * names list items by position ("target_groups[2].owner"); inserting one item
 * above would move every finding below it. The stable path names an item by
 * its identity instead, looked up in the document tree: a map item by its
 * `id` (target_groups[id=chefer]) or else its `name` (platforms[name=facebook]),
 * a text item by its text (programs[Sömnbesvär]), and by position only when
 * an item has none of these or shares it with a sibling. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The identity of a list item ("id=chefer", "Sömnbesvär") or NULL; *prefix
 * gets the "id=" / "name=" before it. */
static const char *identity(const sk_node *item, const char **prefix)
{
    static const char *const KEYS[] = {"id", "name"};
    static const char *const PREFIXES[] = {"id=", "name="};
    *prefix = "";
    if (item->type == SK_NODE_STR || item->type == SK_NODE_DATE)
        return item->text && *item->text ? item->text : NULL;
    for (size_t k = 0; item->type == SK_NODE_MAP && k < sizeof KEYS / sizeof *KEYS; k++) {
        const sk_node *v = sk_node_get(item, KEYS[k]);
        if (v && (v->type == SK_NODE_STR || v->type == SK_NODE_INT || v->type == SK_NODE_DATE) && v->text &&
            *v->text) {
            *prefix = PREFIXES[k];
            return v->text;
        }
    }
    return NULL;
}

/* Appends item i of seq as "[id=x]", or "[i+1]" when it has no identity of its own. */
static void name_item(sk_buf *b, const sk_node *seq, size_t i)
{
    const char *prefix, *id = identity(seq->v.seq.items[i], &prefix);
    for (size_t j = 0; id && j < seq->v.seq.count; j++) {
        const char *other_prefix, *other = j == i ? NULL : identity(seq->v.seq.items[j], &other_prefix);
        if (other && strcmp(other_prefix, prefix) == 0 && strcmp(other, id) == 0)
            id = NULL; /* shared with a sibling: not an identity */
    }
    if (id)
        sk_buf_printf(b, "[%s%s]", prefix, id);
    else
        sk_buf_printf(b, "[%zu]", i + 1);
}

const sk_pair *sk_path_key(const sk_node *map, const char *path)
{
    const sk_pair *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; map && map->type == SK_NODE_MAP && i < map->v.map.count; i++) {
        const sk_pair *p = &map->v.map.items[i];
        size_t n = strlen(p->key);
        if (n >= best_len && strncmp(path, p->key, n) == 0 && (!path[n] || path[n] == '.' || path[n] == '['))
            best = p, best_len = n;
    }
    return best;
}

char *sk_stable_path(const sk_node *root, const char *path)
{
    sk_buf b = {0};
    const sk_node *node = root;
    const char *p = path ? path : "";
    while (*p && node) {
        if (*p == '[') {
            char *end;
            unsigned long long idx = strtoull(p + 1, &end, 10);
            if (*end != ']' || node->type != SK_NODE_SEQ || idx < 1 || idx > node->v.seq.count)
                break;
            name_item(&b, node, (size_t)(idx - 1));
            node = node->v.seq.items[idx - 1];
            p = end + 1;
            continue;
        }
        const char *key = *p == '.' && b.len ? p + 1 : p;
        const sk_pair *pair = sk_path_key(node, key);
        if (!pair)
            break;
        sk_buf_add(&b, p, (size_t)(key - p) + strlen(pair->key));
        node = pair->value;
        p = key + strlen(pair->key);
    }
    sk_buf_puts(&b, p); /* what the tree does not hold stays as the rule wrote it */
    if (b.failed) {
        sk_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : sk_strdup("");
}
