/* config.c: reads a configuration file (kind config, startklar.yaml) into
 * flat settings: one key and text per scalar, one per item of a list, each
 * with its line. What the settings mean is the command line's business
 * (engine/cli/config.c); the loader has already checked the document against
 * the config kind's table (schema.c). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int add(sk_settings *s, const char *key, const sk_node *n)
{
    sk_setting *items = realloc(s->items, (s->count + 1) * sizeof *items);
    if (!items)
        return -1;
    s->items = items;
    sk_setting *x = &items[s->count];
    x->key = sk_strdup(key);
    x->value = sk_strdup(n->text ? n->text : "");
    x->line = n->line;
    if (!x->key || !x->value) {
        free(x->key), free(x->value);
        return -1;
    }
    s->count++;
    return 0;
}

int sk_config_read(const char *path, sk_settings *out, sk_errors *errs)
{
    memset(out, 0, sizeof *out);
    sk_docset *ds = sk_docset_new(NULL);
    if (!ds)
        return -1;
    size_t before = errs->count;
    sk_load_file(ds, path, errs);
    int rc = errs->count > before ? 1 : 0;
    if (!rc && (ds->count != 1 || strcmp(ds->docs[0].kind, "config") != 0)) {
        sk_errors_add(errs, SK_ERR_POLICY, path, 1, 1, "a configuration file holds one document of kind config");
        rc = 1;
    }
    for (size_t i = before; i < errs->count; i++)
        if (errs->items[i].kind == SK_ERR_INPUT)
            errs->items[i].kind = SK_ERR_POLICY;
    const sk_node *root = rc ? NULL : ds->docs[0].root;
    for (size_t i = 0; root && i < root->v.map.count && rc == 0; i++) {
        const sk_pair *p = &root->v.map.items[i];
        if (strcmp(p->key, "kind") == 0 || strcmp(p->key, "version") == 0 || p->value->type == SK_NODE_NULL)
            continue;
        if (p->value->type == SK_NODE_SEQ) {
            for (size_t j = 0; j < p->value->v.seq.count && rc == 0; j++)
                rc = add(out, p->key, p->value->v.seq.items[j]);
        } else {
            rc = add(out, p->key, p->value);
        }
    }
    sk_docset_free(ds);
    if (rc < 0)
        sk_settings_free(out);
    return rc;
}

void sk_settings_free(sk_settings *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->items[i].key), free(s->items[i].value);
    free(s->items);
    memset(s, 0, sizeof *s);
}
