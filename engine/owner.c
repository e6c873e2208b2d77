/* owner.c: who is to act on a finding, for the to-do view of the HTML page
 * (docs/reports.md). A rule may name the owner in report{ owner = ... };
 * where it names none, this file derives one from the documents: the
 * nearest `owner` on the finding's path (the activity's, the target group's,
 * the risk action's, the platform's, else the document's own), and failing
 * that the unit's manager (`team.manager` of its onboarding checklist). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The text of a map's `owner` when it is a non-empty string, else NULL. */
static const char *owner_here(const sk_node *map, const char *key)
{
    const sk_node *v = map && map->type == SK_NODE_MAP ? sk_node_get(map, key) : NULL;
    return v && v->type == SK_NODE_STR && v->text && *v->text ? v->text : NULL;
}

/* The unit's manager: team.manager of its first onboarding checklist. */
static const char *manager(const sk_unit *u)
{
    for (size_t i = 0; u && i < u->count; i++) {
        const sk_doc *d = u->docs[i];
        if (d->kind && strcmp(d->kind, "unit-onboarding") == 0) {
            const char *m = owner_here(d->root ? sk_node_get(d->root, "team") : NULL, "manager");
            if (m)
                return m;
        }
    }
    return NULL;
}

const char *sk_finding_owner(const sk_unit *u, const sk_node *root, const char *path)
{
    const char *found = owner_here(root, "owner");
    const sk_node *node = root;
    const char *p = path ? path : "";
    while (*p && node) {
        if (*p == '[') {
            char *end;
            unsigned long long idx = strtoull(p + 1, &end, 10);
            if (*end != ']' || node->type != SK_NODE_SEQ || idx < 1 || idx > node->v.seq.count)
                break;
            node = node->v.seq.items[idx - 1];
            p = end + 1;
        } else {
            const char *key = *p == '.' ? p + 1 : p;
            const sk_pair *pair = sk_path_key(node, key);
            if (!pair)
                break;
            node = pair->value;
            p = key + strlen(pair->key);
        }
        const char *here = owner_here(node, "owner");
        found = here ? here : found;
    }
    return found ? found : manager(u);
}
