/* kinds.c: a document kind named on the command line (`init KIND`,
 * `schema KIND`, `init --rule ID --kind KIND`): checked against the schema's
 * kinds, with "did you mean" and the list of kinds when it is unknown. */
#include "cli.h"
#include "startklar/authoring.h"

#include <stdio.h>
#include <string.h>

#define MAX_KINDS 16

int check_kind(const char *kind, int allow_policy, const char *also)
{
    const char *names[MAX_KINDS + 1];
    size_t n = 0;
    for (const char *k; n < MAX_KINDS && (k = sk_schema_kind(n)); n++)
        names[n] = k;
    for (size_t i = 0; allow_policy && n < MAX_KINDS && sk_schema_policy_kind(i); i++)
        names[n++] = sk_schema_policy_kind(i);
    if (also)
        names[n++] = also;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], kind) == 0)
            return 0;
    const char *hint = sk_closest(kind, names, n);
    char list[512] = "";
    for (size_t i = 0, at = 0; i < n && at < sizeof list; i++)
        at += (size_t)snprintf(list + at, sizeof list - at, "%s%s", i ? ", " : "", names[i]);
    if (hint)
        cli_fail("unknown kind '%s' (did you mean '%s'?); the kinds are: %s", kind, hint, list);
    else
        cli_fail("unknown kind '%s'; the kinds are: %s", kind, list);
    sk_catalogue *cat = cli_catalogue(NULL);
    fprintf(stderr, "%s\n", sk_label(cat, "Try 'startklar help'."));
    sk_catalogue_free(cat);
    return -1;
}
