/* check.c: the whole pipeline for a set of paths, as `startklar check` runs
 * it: discover -> load -> group -> run -> judge. The result owns copies of
 * everything it reports, so the documents are freed before it is written. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int sk_check(const sk_check_options *o, sk_result *res)
{
    memset(res, 0, sizeof *res);
    res->tool_version = SK_VERSION;
    res->as_of = o->as_of;
    res->profile = o->profile ? o->profile : "default";
    res->fail_on = o->fail_on;
    sk_errors_init(&res->errors);
    sk_limits limits = o->limits ? *o->limits : sk_limits_default();

    int rc = -1;
    sk_paths files = {0};
    sk_docset *ds = NULL;
    sk_unitset *us = NULL;
    sk_rules *rules = NULL;
    sk_runtime *rt = NULL;

    if (sk_discover(o->paths, o->npaths, &files, &res->errors))
        goto done;
    if (!(ds = sk_docset_new(&limits)))
        goto done;
    for (size_t i = 0; i < files.count; i++)
        sk_load_file(ds, files.items[i], &res->errors);
    if (!(us = sk_group(ds, &res->errors)))
        goto done;
    if (o->rules) {
        rules = o->rules;
    } else if (!(rules = sk_rules_load(o->rule_dirs, o->nrule_dirs, &limits, &res->errors))) {
        goto done;
    }
    sk_error err;
    if (!(rt = sk_runtime_new(rules, &err))) {
        sk_errors_add(&res->errors, err.kind, err.file, err.line, 0, "%s",
                      err.message ? err.message : "out of memory");
        free(err.file);
        free(err.message);
        rc = 0;
        goto done;
    }
    res->units = calloc(us->count + 1, sizeof *res->units);
    if (!res->units)
        goto done;
    for (size_t i = 0; i < us->count; i++) {
        res->nunits++;
        if (sk_runtime_check(rt, &us->units[i], o->as_of, &res->units[i], &res->errors))
            goto done;
    }
    rc = 0;
done:
    sk_runtime_free(rt);
    if (rules != o->rules)
        res->owned_rules = rules;
    res->rules = rules;
    sk_unitset_free(us);
    sk_docset_free(ds);
    sk_paths_free(&files);
    if (rc != 0)
        return -1;
    return sk_judge(res);
}

void sk_result_free(sk_result *res)
{
    for (size_t i = 0; i < res->nunits; i++)
        sk_unit_result_free(&res->units[i]);
    free(res->units);
    sk_errors_free(&res->errors);
    sk_rules_free(res->owned_rules);
    memset(res, 0, sizeof *res);
}
