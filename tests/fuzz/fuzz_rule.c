/* fuzz_rule.c: libFuzzer target for the rule sandbox: any bytes as the Lua
 * source of one plugin are loaded and run on a fixed unit of every kind. It
 * must never crash or hang (the instruction budget and memory caps hold),
 * and the lua_States must count 0 bytes once closed. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char UNIT[] =
    "kind: communication-plan\nversion: 1\n"
    "unit: {name: Vårdcentralen Fuzz, hsa_id: SE2321000222-F001}\n"
    "owner: Karin Ek\nlaunch_date: 2027-03-01\n"
    "target_groups:\n"
    "  - {id: chefer, name: Chefer, audience: internal, owner: Karin Ek, channels: [APT]}\n"
    "  - {id: invanare, name: Invånare, audience: external, channels: [1177.se]}\n"
    "---\n"
    "kind: unit-onboarding\nversion: 1\n"
    "unit: {name: Vårdcentralen Fuzz, hsa_id: SE2321000222-F001}\n"
    "launch_date: 2027-09-01\nfollow_ups: []\n"
    "---\n"
    "kind: social-media-strategy\nversion: 1\norganisation: Vårdcentralen Fuzz\n"
    "unit: {name: Vårdcentralen Fuzz, hsa_id: SE2321000222-F001}\n"
    "period: {start: 2026-09-01, end: 2027-12-31}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_limits limits = sk_limits_default();
    /* smaller than the defaults so that runaway rules end quickly; the caps
     * are the same code either way */
    limits.rule_budget = 200000;
    limits.rule_memory = 8u << 20;
    limits.state_memory = 64u << 20;
    limits.rule_time_ms = 1000;

    sk_errors errs;
    sk_errors_init(&errs);
    sk_docset *ds = sk_docset_new(&limits);
    if (!ds || sk_load_buffer(ds, "unit.yaml", UNIT, sizeof UNIT - 1, &errs) != 0)
        abort(); /* the fixed unit is valid */
    sk_unitset *us = sk_group(ds, &errs);
    if (!us || sk_unitset_count(us) != 1)
        abort();

    sk_rules *rules = sk_rules_load_source("fuzz.lua", (const char *)data, size, &limits, &errs);
    if (!rules)
        abort();
    for (size_t i = 0; i < errs.count; i++)
        if (errs.items[i].kind != SK_ERR_PLUGIN || !errs.items[i].file)
            abort(); /* a plugin error has its file; the registry's leak error has none */
    sk_error err;
    sk_runtime *rt = sk_runtime_new(rules, &err);
    if (rt) {
        for (int pass = 0; pass < 2; pass++) { /* twice: nothing carries over */
            sk_unit_result out;
            memset(&out, 0, sizeof out);
            sk_errors rule_errs;
            sk_errors_init(&rule_errs);
            if (sk_runtime_check(rt, sk_unitset_get(us, 0), "2027-04-10", &out, &rule_errs) != 0)
                abort(); /* only out of memory, which the caps keep far away */
            for (size_t i = 0; i < rule_errs.count; i++)
                if (rule_errs.items[i].kind != SK_ERR_RULE || !rule_errs.items[i].rule ||
                    !rule_errs.items[i].unit)
                    abort(); /* a rule error names the rule and the unit */
            for (size_t i = 0; i < out.nfindings; i++)
                if (!out.findings[i].message || !out.findings[i].file || out.findings[i].line < 1)
                    abort();
            sk_unit_result_free(&out);
            sk_errors_free(&rule_errs);
        }
        if (sk_runtime_free(rt) != 0)
            abort(); /* lua_close gave back every byte it counted */
    } else {
        free(err.file);
        free(err.message);
    }
    sk_rules_free(rules);
    sk_unitset_free(us);
    sk_docset_free(ds);
    sk_errors_free(&errs);
    return 0;
}
