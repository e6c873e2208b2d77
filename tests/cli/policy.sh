#!/usr/bin/env bash
# policy.sh: gating end to end: waivers (in force, expired, stale, from an
# input file, incomplete), baselines (known, new, fixed), profiles (shipped,
# extends, parameters, errors) and rule selection that skips work.
# Usage: policy.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
P=$TESTS/cli/data/policy
CP02=$TESTS/cli/data/cp02/plan.yaml

# --- waivers ------------------------------------------------------------------------
run check --as-of 2027-04-10 --only CP-02 "$CP02"
check "without a waiver the gap fails the unit" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/waivers.yaml" --format json "$CP02"
check "a waiver in force makes the unit pass" [ "$code" = 0 ]
check "the waived finding is still reported" has "$WORK/out" '"path": "target_groups[2]", "waived": true'
check "with the waiver's reason, approver and expiry" \
  has "$WORK/out" '"waiver": {"reason": "Chefsgruppen får ägare när den nya verksamhetschefen tillträder i maj", "approved_by": "Eva Lind", "expires": "2027-06-30"}'
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/waivers.yaml" "$CP02"
check "text shows the waiver" has "$WORK/out" "[waived until 2027-06-30 by Eva Lind:"
run check --as-of 2027-06-30 --only CP-02 --waivers "$P/waivers.yaml" "$CP02"
check "from its expiry date on the waiver no longer waives" [ "$code" = 1 ]
check "and the run warns about it by file:line" \
  has "$WORK/out" "$P/waivers.yaml:4:5: warning: the waiver of CP-02 for SE2321000222-V001 expired on 2027-06-30"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/stale-waivers.yaml" --format json "$CP02"
check "a waiver that matched nothing is reported as stale" has "$WORK/out" 'matched no finding: it is stale'
check "stale is a warning, not an error" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only CP-02 "$P/plan-with-waiver.yaml"
check "waivers may stand in an input file" [ "$code" = 0 ]
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/incomplete-waivers.yaml" "$CP02"
check "a waiver without approved_by is refused with file:line" [ "$code" = 2 ]
check "and says what is missing" has "$WORK/out" "$P/incomplete-waivers.yaml:4:5: policy error: a waiver needs 'approved_by'"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/waivers.yaml" "$CP02" "$TESTS/bad/unknown-key.yaml"
check "load errors cannot be waived" [ "$code" = 2 ]

# --- the worked example of docs/gating.md, on examples/ ----------------------------------
AHUS=$ROOT/examples/vc-ahus
run check --as-of 2027-04-10 --only ON-05,ON-06 "$AHUS"
check "examples: Åhus fails ON-05/ON-06 for its locum" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only ON-05,ON-06 --waivers "$P/ahus-waivers.yaml" "$AHUS"
check "examples: the waiver makes it pass" [ "$code" = 0 ]
check "examples: and shows the waiver" has "$WORK/out" "[waived until 2027-06-01 by Anders Nilsson, verksamhetschef:"
run check --as-of 2027-06-01 --only ON-05,ON-06 --waivers "$P/ahus-waivers.yaml" "$AHUS"
check "examples: past its expiry it fails again" [ "$code" = 1 ]
check "examples: with a warning" has "$WORK/out" "ahus-waivers.yaml:7:5: warning: the waiver of ON-05 for SE2321000255-V014 expired on 2027-06-01"
run check --as-of 2027-04-10 --write-baseline "$WORK/examples-baseline.yaml" "$ROOT/examples"
run check --as-of 2027-04-10 --baseline "$WORK/examples-baseline.yaml" "$ROOT/examples"
check "examples: today's baseline makes today's run pass" [ "$code" = 0 ]
mkdir -p "$WORK/examples" && cp -r "$ROOT/examples/vc-visby-ready" "$WORK/examples/"
sed -i 's/^    owner: Karin Ek$/    owner:/' "$WORK/examples/vc-visby-ready/plan.yaml"
run check --as-of 2027-04-10 --baseline "$WORK/examples-baseline.yaml" "$ROOT/examples/vc-ahus" "$WORK/examples"
check "examples: tomorrow's new gap fails" [ "$code" = 1 ]
check "examples: the new gap is CP-02" has "$WORK/out" "error CP-02 target group"

# --- baselines ------------------------------------------------------------------------
run check --as-of 2027-04-10 --only CP-02 --write-baseline "$WORK/baseline.yaml" "$P/one-gap.yaml"
check "writing a baseline does not change the verdict" [ "$code" = 1 ]
check "the baseline records unit, rule and path" \
  has "$WORK/baseline.yaml" '- {unit: "SE2321000222-V001", rule: "CP-02", path: "target_groups[2]"}'
run check --as-of 2027-04-10 --only CP-02 --baseline "$WORK/baseline.yaml" --format json "$P/one-gap.yaml"
check "today's findings pass against today's baseline" [ "$code" = 0 ]
check "and are shown as known" has "$WORK/out" '"known": true'
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/baseline.yaml" "$P/two-gaps.yaml"
check "tomorrow's new gap fails" [ "$code" = 1 ]
check "the known one stays known, the new one is not" has "$WORK/out" "target group 'chefer' has no owner (ansvarig) [known: in the baseline]"
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/baseline.yaml" --format json "$P/no-gap.yaml"
check "a fixed gap is listed as fixed" has "$WORK/out" '"fixed": [
    {"unit": "SE2321000222-V001", "rule": "CP-02", "path": "target_groups[2]"}'

# --- profiles ----------------------------------------------------------------------------
run check --as-of 2027-04-10 --only ON-17 "$TESTS/cli/data/audit/halland/onboarding/kungsbacka.yaml"
check "ON-17 is a warning by default: exit 0" [ "$code" = 0 ]
run check --as-of 2027-04-10 --only ON-17 --profile prelaunch "$TESTS/cli/data/audit/halland/onboarding/kungsbacka.yaml"
check "--profile prelaunch keeps it a warning (\"kan vara ett stöd\"): exit 0" [ "$code" = 0 ]
ON21=$ROOT/plugins/unit-onboarding/ON-21.test/fail/no-target-populations.yaml
run check --as-of 2027-04-10 --only ON-21 "$ON21"
check "ON-21 is a warning by default: exit 0" [ "$code" = 0 ]
run check --as-of 2027-04-10 --only ON-21 --profile prelaunch "$ON21"
check "--profile prelaunch makes ON-21 an error: exit 1" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only ON-17 --fail-on warning "$TESTS/cli/data/audit/halland/onboarding/kungsbacka.yaml"
check "--fail-on warning fails on it too" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only ON-11 "$P/onboarding-730.yaml"
check "730 days of retention fails ON-11" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only ON-11 --profile "$P/profiles/long-retention.yaml" "$P/onboarding-730.yaml"
check "a profile parameter changes what the rule allows" [ "$code" = 0 ]
run check --as-of 2027-04-10 --profile "$P/profiles/no-sm.yaml" --format json "$CP02" "$ROOT/examples/umo-umea"
check "a profile extending by path, disabling a prefix" [ "$code" = 0 ]
check "the prefix lowered CP- to warnings" has "$WORK/out" '"rule": "CP-02", "severity": "warning"'
check "no SM rule ran" lacks "$WORK/out" '"rule": "SM-'
run check --as-of 2027-04-10 --profile "$P/profiles/unknown-rule.yaml" "$CP02"
check "a profile naming an unknown rule is exit 2" [ "$code" = 2 ]
check "with file:line and a suggestion" has "$WORK/out" "$P/profiles/unknown-rule.yaml:3:11: policy error: 'CP-99' names no loaded rule (did you mean 'CP-09'?)"
run check --as-of 2027-04-10 --profile "$P/profiles/unknown-param.yaml" "$CP02"
check "an unknown parameter is exit 2 with a suggestion" has "$WORK/out" "unknown-param.yaml:5:5: policy error: rule ON-11 has no parameter 'max_day' (did you mean 'max_days'?)"
run check --as-of 2027-04-10 --profile "$P/profiles/wrong-type.yaml" "$CP02"
check "a parameter of the wrong type is exit 2" has "$WORK/out" "wrong-type.yaml:5:15: policy error: parameter 'max_days' of rule ON-11 must be an integer (its default is 365)"
run check --as-of 2027-04-10 --profile nosuchprofile "$CP02"
check "a missing profile is exit 2" [ "$code" = 2 ]

run rules explain ON-11 --profile "$P/profiles/long-retention.yaml"
check "rules explain shows a parameter's default and its profile value" \
  has "$WORK/out" "max_days  integer  default 365, under the profile 800 ($P/profiles/long-retention.yaml)"
run rules explain ON-21 --profile prelaunch
check "rules explain shows the profile's severity" has "$WORK/out" "severity    error (the profile's; the rule says warning)"
run rules list --format json --profile "$P/profiles/no-sm.yaml"
check "rules list marks rules the profile switched off" has "$WORK/out" '"id": "SM-01", "severity": "error", "applies_to": "social-media-strategy"'
check "... as not enabled" has "$WORK/out" '"enabled": false'
run rules list --profile "$P/profiles/unknown-rule.yaml"
check "rules list with a wrong profile exits 2" [ "$code" = 2 ]

# --- selection ----------------------------------------------------------------------------
run check --as-of 2027-04-10 --rules "$P/loop" --skip LOOP-01 --only CP-02 "$CP02"
check "a skipped rule is never run (it would loop forever)" [ "$code" = 1 ]
check "and is not reported as stopped" lacks "$WORK/out" "LOOP-01"
run check --as-of 2027-04-10 --skip CP-02 --format json "$CP02"
check "--skip alone leaves out only what it names" lacks "$WORK/out" '"rule": "CP-02"'
check "... and every other rule still runs" has "$WORK/out" '"rule": "CP-03"'
run check --as-of 2027-04-10 --skip CP- --only CP-,ON-04 --format json "$CP02"
check "--only then --skip: what --only keeps, less what --skip names" lacks "$WORK/out" '"rule": "CP-'
run check --as-of 2027-04-10 --only XX-01 "$CP02"
check "--only with an unknown rule is a usage error" [ "$code" = 2 ]
check "that names it" has "$WORK/out" "'XX-01' names no loaded rule"

summary
