#!/usr/bin/env bash
# policy.sh: gating end to end: waivers (in force, expired, stale, expiring,
# incomplete; refused from the input tree, for "*", for an unknown rule, too
# long), baselines (known, new, fixed, stable paths, severity, format 1,
# round trip, one unit against a region's), profiles (shipped, extends,
# parameters, errors), rule selection that skips work, and runs that judge
# nothing (no rules, an empty selection, a policy error).
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
  has "$WORK/out" '"waiver": {"reason": "Chefsgruppen får ägare när den nya verksamhetschefen tillträder i maj", "approved_by": "Eva Lind", "expires": "2027-06-30", "expiring": false'
check "a waiver keyed by position still covers the finding" has "$WORK/out" '"stable_path": "target_groups[id=chefer]"'
check "... and warns to name the item by its identity, saying what it holds now" has "$WORK/out" \
  "the waiver of CP-02 for SE2321000222-V001 names target_groups[2] by position, which holds target_groups[id=chefer] now: name the item by its identity"
printf '%s\n' 'kind: communication-plan' 'version: 1' 'unit: {name: Visby, hsa_id: SE2321000222-V001}' \
  'target_groups:' '  - {id: ledning, channels: [APT], owner: Eva Lind}' '  - {id: patienter, channels: [1177]}' \
  >"$WORK/cp02-reordered.yaml"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/waivers.yaml" "$WORK/cp02-reordered.yaml"
check "the lists changed: the positional waiver waives another group's gap, and the warning names it" \
  has "$WORK/out" "names target_groups[2] by position, which holds target_groups[id=patienter] now"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/waivers.yaml" "$CP02"
check "text shows the waiver" has "$WORK/out" "[waived until 2027-06-30 by Eva Lind:"
run check --as-of 2027-06-30 --only CP-02 --waivers "$P/waivers.yaml" "$CP02"
check "from its expiry date on the waiver no longer waives" [ "$code" = 1 ]
check "and the run warns about it by file:line" \
  has "$WORK/out" "$P/waivers.yaml:4:5: warning: the waiver of CP-02 for SE2321000222-V001 expired on 2027-06-30"
run check --as-of 2027-04-10 --waivers "$P/stale-waivers.yaml" --format json "$CP02"
check "a waiver that matched nothing is reported as stale" has "$WORK/out" 'matched no finding: it is stale'
check "stale is a warning, not an error" [ "$code" = 1 ]
run check --as-of 2027-04-10 --only CP-02 "$P/plan-with-waiver.yaml"
check "a waivers document in an input file is an input error (exit 2)" [ "$code" = 2 ]
check "... naming the file and --waivers" \
  has "$WORK/out" "$P/plan-with-waiver.yaml:10:1: input error: a waivers document is not input and is not applied: give waivers with --waivers"
check "... and is never applied" has "$WORK/out" "SE2321000222-V001  Vårdcentralen Visby  NOT READY"

# the hostile file of issue 13: dropped into one unit's folder, it tried to waive another's error
mkdir -p "$WORK/tree" && cp -r "$ROOT/examples/vc-ahus" "$ROOT/examples/vc-visby-ready" "$WORK/tree/"
cat >"$WORK/tree/vc-visby-ready/waivers.yaml" <<'EOF'
kind: waivers
version: 1
waivers:
  - {rule: ON-04, unit: "*", reason: "", approved_by: x, expires: 2099-01-01}
EOF
run check --as-of 2027-04-10 --format json "$WORK/tree"
check "hostile waiver in the tree: exit 2" [ "$code" = 2 ]
check "hostile waiver in the tree: an input error at its file" \
  has "$WORK/out" '"kind": "input", "file": "'"$WORK"'/tree/vc-visby-ready/waivers.yaml", "line": 1, "column": 1,'
check "hostile waiver in the tree: Åhus's ON-04 error is not waived" \
  has "$WORK/out" '"rule": "ON-04", "severity": "error"'
check "... and Åhus is not ready" has "$WORK/out" '"status": "fail"'
check "... no finding is waived" lacks "$WORK/out" '"waived": true'

run check --as-of 2027-04-10 --only CP-02 --waivers "$P/wildcard-waivers.yaml" "$CP02"
check "a waiver for every unit (\"*\") is a policy error: exit 2" [ "$code" = 2 ]
check "... that says a profile turns a rule off for everyone" \
  has "$WORK/out" "policy error: a waiver names one unit, not \"*\": to turn CP-02 off for every unit, disable it in a profile (--profile)"
check "... and judges no unit" lacks "$WORK/out" "SE2321000222-V001"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/long-waivers.yaml" "$CP02"
check "a waiver longer than waivers.max_days (180) is a policy error" [ "$code" = 2 ]
check "... saying how long it runs and the limit" \
  has "$WORK/out" "policy error: the waiver of CP-02 for SE2321000222-V001 runs until 2027-12-31, 265 days after 2027-04-10: a waiver may run at most 180 days (the profile's waivers.max_days)"
run check --as-of 2027-04-10 --only CP-02 --profile "$P/profiles/year-waivers.yaml" --waivers "$P/long-waivers.yaml" "$CP02"
check "a profile's waivers.max_days: 365 accepts it" [ "$code" = 0 ]
run check --as-of 2027-12-10 --only CP-02 --profile "$P/profiles/year-waivers.yaml" --waivers "$P/long-waivers.yaml" "$CP02"
check "... and its waivers.expiring_days: 30 warns 21 days ahead" \
  has "$WORK/out" "warning: the waiver of CP-02 for SE2321000222-V001 expires soon, on 2027-12-31 (in 21 days): fix the gap or renew the waiver"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/unknown-rule-waivers.yaml" "$CP02"
check "a waiver for a rule that does not exist is a policy error" [ "$code" = 2 ]
check "... with a suggestion" has "$WORK/out" "unknown-rule-waivers.yaml:4:12: policy error: 'CP-99' names no loaded rule (did you mean 'CP-09'?)"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/empty-reason-waivers.yaml" "$CP02"
check "a waiver with a blank reason is a policy error" has "$WORK/out" "policy error: a waiver's 'reason' may not be empty (waivers[1])"
# an approver that shows nothing: a zero-width space, a no-break space and a word joiner
sed 's/approved_by: .*/approved_by: "\\u200b\\u00a0\\u2060"/' "$P/waivers.yaml" >"$WORK/invisible-waivers.yaml"
run check --as-of 2027-04-10 --only CP-02 --waivers "$WORK/invisible-waivers.yaml" "$CP02"
check "a waiver whose approver is only invisible characters is a policy error" [ "$code" = 2 ]
check "... saying the approver is empty" has "$WORK/out" "policy error: a waiver's 'approved_by' may not be empty (waivers[1])"
run check --as-of 2027-06-20 --only CP-02 --waivers "$P/waivers.yaml" "$CP02"
check "a waiver ending within 14 days still waives" [ "$code" = 0 ]
check "... is marked on its finding" has "$WORK/out" "[waived until 2027-06-30 by Eva Lind: Chefsgruppen får ägare när den nya verksamhetschefen tillträder i maj] [the waiver expires soon]"
check "... and warned about" \
  has "$WORK/out" "$P/waivers.yaml:4:5: warning: the waiver of CP-02 for SE2321000222-V001 expires soon, on 2027-06-30 (in 10 days)"
for f in json jsonl csv markdown html sarif junit; do
  run check --as-of 2027-06-20 --only CP-02 --waivers "$P/waivers.yaml" --format $f "$CP02"
  check "expiring soon in $f" has "$WORK/out" "expires soon"
done
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
check "writing a baseline is a recording step: exit 0 on a failing unit" [ "$code" = 0 ]
check "... and the report still says what it found" has "$WORK/out" "NOT READY"
check "the baseline records unit, rule, stable path, severity and fingerprint" \
  has "$WORK/baseline.yaml" '- {unit: "SE2321000222-V001", rule: "CP-02", path: "target_groups[id=chefer]", severity: error, fingerprint: "'
check "... in format 2" has "$WORK/baseline.yaml" "format: 2"
run check --as-of 2027-04-10 --only CP-02 --baseline "$WORK/baseline.yaml" --format json "$P/one-gap.yaml"
check "today's findings pass against today's baseline" [ "$code" = 0 ]
check "and are shown as known" has "$WORK/out" '"known": true'
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/baseline.yaml" "$P/two-gaps.yaml"
check "tomorrow's new gap fails" [ "$code" = 1 ]
check "the known one stays known, the new one is not" has "$WORK/out" "target group 'chefer' has no owner (ansvarig) [known: in the baseline]"
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/baseline.yaml" --format json "$P/no-gap.yaml"
check "a fixed gap is listed as fixed" has "$WORK/out" '"fixed": [
    {"unit": "SE2321000222-V001", "rule": "CP-02", "path": "target_groups[id=chefer]"}'
run check --as-of 2027-04-10 --only CP-02 --baseline "$WORK/baseline.yaml" "$P/one-gap.yaml"
check "a unit whose only errors are known is 'ready (known gaps)', exit 0" [ "$code" = 0 ]
check "... not 'ready'" has "$WORK/out" "SE2321000222-V001  Vårdcentralen Visby  ready (known gaps)"
check "... and the summary counts it apart" has "$WORK/out" "1 unit: 0 ready, 1 ready with known gaps, 0 not ready"

# inserting a target group above a known gap moves it, and changes nothing else
sed 's/^target_groups:$/target_groups:\n  - {id: ledning, channels: [APT], owner: Eva Lind}/' "$P/one-gap.yaml" >"$WORK/inserted.yaml"
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/baseline.yaml" --format json "$WORK/inserted.yaml"
check "a target group inserted at the top: the known gap stays known (exit 0)" [ "$code" = 0 ]
check "... now at target_groups[3], still target_groups[id=chefer]" \
  has "$WORK/out" '"path": "target_groups[3]", "waived": false, "known": true, "baseline": "unchanged", "stable_path": "target_groups[id=chefer]"'
check "... and nothing is listed as fixed" has "$WORK/out" '"fixed": [],'
sed 's/^target_groups:$/target_groups:\n  - {id: ledning, channels: [APT]}/' "$P/one-gap.yaml" >"$WORK/inserted-gap.yaml"
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/baseline.yaml" "$WORK/inserted-gap.yaml"
check "a new gap inserted above a known one: only the new one fails" [ "$code" = 1 ]
check "... the new one is new" grep -qx "  .* error CP-02 target group 'ledning' has no owner (ansvarig)" "$WORK/out"
check "... the known one is known" has "$WORK/out" "target group 'chefer' has no owner (ansvarig) [known: in the baseline]"

# a baseline written under default does not accept what prelaunch makes an error
KB=$TESTS/cli/data/cp02/plan.yaml
run check --as-of 2027-04-10 --only CP-12 --write-baseline "$WORK/default-baseline.yaml" "$KB"
check "the baseline records CP-12 as a warning" has "$WORK/default-baseline.yaml" 'rule: "CP-12", path: "risks", severity: warning'
run check --as-of 2027-04-10 --only CP-12 --profile prelaunch --baseline "$WORK/default-baseline.yaml" --format json "$KB"
check "a finding more severe than the baseline recorded is new: exit 1" [ "$code" = 1 ]
check "... shown as new, not known" has "$WORK/out" '"known": false, "baseline": "new"'
check "... and its entry is not 'fixed'" has "$WORK/out" '"fixed": [],'

# a region's baseline, and a check of one of its units
run check --as-of 2027-04-10 --write-baseline "$WORK/region.yaml" "$ROOT/examples"
run check --as-of 2027-04-10 --baseline "$WORK/region.yaml" --format json "$ROOT/examples/vc-ahus"
check "one unit against a region's baseline: exit 0" [ "$code" = 0 ]
check "... lists no other unit's entries as fixed" has "$WORK/out" '"fixed": [],'
run check --as-of 2027-04-10 --baseline "$WORK/region.yaml" "$ROOT/examples/vc-ahus"
check "... nor in text" lacks "$WORK/out" "Fixed since the baseline"

# a baseline of the first format (list items by position) is still read, with a warning
cat >"$WORK/v1.yaml" <<'EOF'
kind: baseline
version: 1
as_of: 2027-04-10
findings:
  - {unit: "SE2321000222-V001", rule: "CP-02", path: "target_groups[2]"}
EOF
run check --as-of 2027-04-11 --only CP-02 --baseline "$WORK/v1.yaml" "$P/one-gap.yaml"
check "a format-1 baseline is still read: the gap is known" [ "$code" = 0 ]
check "... with a warning to rewrite it" \
  has "$WORK/out" "$WORK/v1.yaml:1:1: warning: this baseline has the first format (list items by position, no severity): rewrite it with --write-baseline"

# every string round-trips: NEL, U+FFFE, a line separator and a quote in an id
printf '%s\n' 'kind: communication-plan' 'version: 1' 'unit: {name: Visby, hsa_id: "SE2321000222-V001"}' \
  'target_groups:' '  - {id: "nel\Nx\uFFFEy\u2028z\"q", channels: [APT]}' >"$WORK/odd-id.yaml"
run check --as-of 2027-04-10 --only CP-02 --write-baseline "$WORK/odd-baseline.yaml" "$WORK/odd-id.yaml"
check "the writer escapes what YAML would not keep" has "$WORK/odd-baseline.yaml" 'path: "target_groups[id=nel\u0085x\uFFFEy\u2028z\"q]"'
run check --as-of 2027-04-10 --only CP-02 --baseline "$WORK/odd-baseline.yaml" "$WORK/odd-id.yaml"
check "... and the reader reads it back: the gap is known" [ "$code" = 0 ]
check "... not fixed and new" lacks "$WORK/out" "Fixed since the baseline"

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
run check --as-of 2027-04-10 "$ROOT/examples/vc-visby-ready/plan.yaml"
check "Visby's plan without its onboarding checklist is not ready: exit 1" [ "$code" = 1 ]
check "... NOT READY by UN-03" has "$WORK/out" "NOT READY"
check "... which says why" has "$WORK/out" "error UN-03 the unit Vårdcentralen Visby (SE2120000803-V001) has no onboarding checklist"
run check --as-of 2027-04-10 "$ROOT/examples/vc-visby-ready/plan.yaml" "$ROOT/examples/vc-visby-ready/onboarding.yaml"
check "... and with it, ready: exit 0" [ "$code" = 0 ]
check "... without UN-03" lacks "$WORK/out" "UN-03"
mkdir -p "$WORK/unread"
cp "$ROOT/examples/vc-visby-ready/plan.yaml" "$WORK/unread/"
printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Vårdcentralen Visby, hsa_id: SE2120000803-V001}\nservice: [unclosed\n' \
  >"$WORK/unread/onboarding.yaml"
run check --as-of 2027-04-10 "$WORK/unread"
check "a checklist that cannot be loaded: the unit is ERROR (exit 2)" [ "$code" = 2 ]
check "... not judged in full" has "$WORK/out" "SE2120000803-V001  Vårdcentralen Visby  ERROR"
check "... and UN-03 does not say the checklist is missing" lacks "$WORK/out" "UN-03"
# (--skip UN-03: the plan stands without its unit's onboarding checklist)
run check --as-of 2027-04-10 --profile "$P/profiles/no-sm.yaml" --skip UN-03 --format json "$CP02" "$ROOT/examples/umo-umea"
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
check "... and judges nothing" lacks "$WORK/out" "SE2321000222-V001"
check "... saying so" has "$WORK/out" "Nothing was judged: correct the errors listed and run again."
check "... in one error that names the profiles" has "$WORK/out" "policy error: there is no profile 'nosuchprofile'; the profiles are: default, prelaunch"
check "... and no second one" lacks "$WORK/out" "cannot read"
run check --as-of 2027-04-10 --profile prelaunh "$ROOT/examples"
check "a misspelt profile: exit 2" [ "$code" = 2 ]
check "... no unit labelled NOT READY" lacks "$WORK/out" "NOT READY"
check "... nor ready" lacks "$WORK/out" "ready"
check "... with a suggestion" has "$WORK/out" "policy error: there is no profile 'prelaunh' (did you mean 'prelaunch'?)"
check "... one error, not a second 'cannot read'" [ "$(grep -c 'policy error' "$WORK/out")" = 1 ]
printf 'kind: profile\nversion: 1\nextends: prelaunh\n' >"$WORK/extends-typo.yaml"
run check --as-of 2027-04-10 --profile "$WORK/extends-typo.yaml" "$CP02"
check "a misspelt extends: one error at its file:line:col" has "$WORK/out" \
  "$WORK/extends-typo.yaml:3:10: policy error: there is no profile 'prelaunh' (did you mean 'prelaunch'?)"
check "... and only that one" [ "$(grep -c 'policy error' "$WORK/out")" = 1 ]
run check --as-of 2027-04-10 --profile "$P/profiles/unknown-rule.yaml" --format json "$CP02"
check "a broken profile labels no unit in json either" has "$WORK/out" '"units": [],'
check "... and says the run stopped" has "$WORK/out" '"stopped": true'
printf 'kind: baseline\nversion: 1\nfindings: 3\n' >"$WORK/bad-baseline.yaml"
run check --as-of 2027-04-10 --baseline "$WORK/bad-baseline.yaml" "$CP02"
check "an invalid baseline stops the run: exit 2" [ "$code" = 2 ]
check "... and judges no unit" lacks "$WORK/out" "SE2321000222-V001"
printf 'kind: baseline\nversion: 1\nformat: 2\nfindings:\n  - {unit: SE2321000222-V001, rule: CP-02, severity: error, fingerprint: "00000000"}\n' \
  >"$WORK/pathless-baseline.yaml"
run check --as-of 2027-04-10 --only CP-02 --baseline "$WORK/pathless-baseline.yaml" "$CP02"
check "a format-2 entry without its path is a policy error, not silently dropped" \
  has "$WORK/out" "pathless-baseline.yaml:5:5: policy error: a baseline entry of format 2 needs unit, rule, path, severity and fingerprint"
run check --as-of 2027-04-10 --waivers "$WORK/no-such-waivers.yaml" "$CP02"
check "an unreadable waivers file stops the run: exit 2" [ "$code" = 2 ]
check "... and judges no unit" lacks "$WORK/out" "SE2321000222-V001"

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
check "... and labels no unit" lacks "$WORK/out" "NOT READY"

# --- nothing is judged from nothing ----------------------------------------------------------
for sel in "" ",,," " , "; do
  run check --as-of 2027-04-10 --only "$sel" "$CP02"
  check "--only '$sel' is a usage error (exit 2)" [ "$code" = 2 ]
  check "... that says so" has "$WORK/out" "usage error: --only names no rule: give rule ids or prefixes"
  check "... and no unit is ready" lacks "$WORK/out" "ready"
done
run check --as-of 2027-04-10 --skip "" "$CP02"
check "--skip '' is a usage error too" has "$WORK/out" "usage error: --skip names no rule"
run check --as-of 2027-04-10 --no-builtin "$ROOT/examples"
check "no rules at all: exit 2" [ "$code" = 2 ]
check "... 'no rules to run'" has "$WORK/out" "usage error: no rules to run"
check "... and no unit is labelled" lacks "$WORK/out" "SE23"
run check --as-of 2027-04-10 --profile "$P/profiles/no-sm.yaml" --only SM- "$CP02"
check "a profile and --only that leave no rule: exit 2" [ "$code" = 2 ]
check "... 'no rules to run'" has "$WORK/out" "usage error: no rules to run"

# --- what a run says of waivers and baseline entries it did not look at ---------------------
# a rule that did not run fixed nothing: --only CP-02 against a region's baseline
run check --as-of 2027-04-10 --only CP-02 --baseline "$WORK/region.yaml" --format json "$ROOT/examples/bup-vaxjo"
check "--only CP-02: the unit's CP-02 gap is known" has "$WORK/out" '"rule": "CP-02", "severity": "error"'
check "... and no entry of a rule that did not run is 'fixed'" has "$WORK/out" '"fixed": [],'
run check --as-of 2027-04-10 --profile "$P/profiles/no-sm.yaml" --baseline "$WORK/region.yaml" "$ROOT/examples/umo-umea"
check "a rule the profile switched off fixed nothing either" lacks "$WORK/out" "Fixed since the baseline"
# a waived gap is not recorded in a baseline: it would outlive its waiver's expiry
run check --as-of 2027-04-10 --only ON-05,ON-06 --waivers "$P/ahus-waivers.yaml" --write-baseline "$WORK/ahus-bl.yaml" "$AHUS"
check "--write-baseline leaves out what a waiver covers" lacks "$WORK/ahus-bl.yaml" 'rule: "ON-0'
run check --as-of 2027-06-01 --only ON-05,ON-06 --waivers "$P/ahus-waivers.yaml" --baseline "$WORK/ahus-bl.yaml" "$AHUS"
check "... so the gap fails once the waiver expires (exit 1)" [ "$code" = 1 ]
check "... as a new finding, not a known one" grep -q "error ON-05 staff member Hanna Berglund.*hsa_assignment is false$" "$WORK/out"
# a waiver is stale only where the run looked: its unit judged whole, its rule run
run check --as-of 2027-04-10 --waivers "$P/waivers.yaml" "$AHUS"
check "another unit's waiver is not called stale by a check of one unit" lacks "$WORK/out" "stale"
run check --as-of 2027-04-10 --only ON-05 --waivers "$P/ahus-waivers.yaml" "$AHUS"
check "a waiver of a rule that did not run is not called stale" lacks "$WORK/out" "stale"
run check --as-of 2027-04-10 --only CP-02 --waivers "$P/stale-waivers.yaml" "$CP02"
check "... nor one of ON-04 under --only CP-02" lacks "$WORK/out" "stale"
# the shards' warnings add up to the whole run's: each waiver is spoken of by its unit's shard
cat >"$WORK/more-waivers.yaml" <<'EOF'
kind: waivers
version: 1
waivers:
  - {rule: ON-04, unit: SE2321000255-V014, path: "staff[9]", reason: r, approved_by: a, expires: 2027-06-10}
  - {rule: CP-02, unit: SE2321000065-V031, reason: r, approved_by: a, expires: 2027-05-01}
EOF
W="--waivers $P/ahus-waivers.yaml --waivers $P/waivers.yaml --waivers $WORK/more-waivers.yaml"
run check --as-of 2027-05-20 --format jsonl $W "$ROOT/examples"
grep '"kind": "warning"' "$WORK/out" | sort >"$WORK/warnings-whole"
: >"$WORK/warnings-shards"
for i in 1 2 3; do
  run check --as-of 2027-05-20 --format jsonl --shard $i/3 $W "$ROOT/examples"
  grep '"kind": "warning"' "$WORK/out" >>"$WORK/warnings-shards"
done
sort -o "$WORK/warnings-shards" "$WORK/warnings-shards"
check "the whole run warns of two expiring waivers, a stale and an expired one" [ "$(wc -l <"$WORK/warnings-whole")" = 4 ]
check "... and the three shards together say exactly that" cmp -s "$WORK/warnings-whole" "$WORK/warnings-shards"

# --- no unit is ready when a rule could not run on it ---------------------------------------
mkdir -p "$WORK/broken-rules" && cp "$TESTS/cli/data/runtime/rules-loading/failing.lua" "$WORK/broken-rules/"
run check --as-of 2027-04-10 --rules "$WORK/broken-rules" --format json "$ROOT/examples/vc-visby-ready"
check "a region's rule file that does not load: exit 2" [ "$code" = 2 ]
check "... and the unit it never judged is not 'pass' but 'error'" has "$WORK/out" '"status": "error"'
check "... counted as could not be judged" has "$WORK/out" '"passed": 0, "known_gaps": 0, "failed": 0, "errored": 1'
run check --as-of 2027-04-10 --rules "$WORK/broken-rules" "$ROOT/examples/vc-visby-ready"
check "... in text: ERROR, not ready" has "$WORK/out" "Vårdcentralen Visby  ERROR"
check "... saying a rule failed on it" has "$WORK/out" "1 rule failed on this unit (see below)"
for i in 1 2 3; do
  run check --as-of 2027-04-10 --rules "$WORK/broken-rules" --shard $i/3 "$ROOT/examples"
  check "shard $i/3 with a rule file that does not load: exit 2 (one shard reports the error, each fails)" [ "$code" = 2 ]
done

# --- a document of a unit's file that cannot be placed leaves the unit not judged in full ------
{ cat "$ROOT/examples/vc-visby-ready/onboarding.yaml"; echo '---'
  sed 's/^unit: .*$//' "$ROOT/examples/vc-visby-ready/plan.yaml"; } >"$WORK/unplaced.yaml"
run check --as-of 2027-04-10 "$WORK/unplaced.yaml"
check "a plan without unit.hsa_id beside the unit's checklist: exit 2" [ "$code" = 2 ]
check "... and the unit is ERROR, not ready" has "$WORK/out" "Vårdcentralen Visby  ERROR"
check "... its documents not judged in full" has "$WORK/out" "1 input error in this unit's documents: not judged in full (see below)"
: >"$WORK/unplaced-shards"
for i in 1 2 3; do
  run check --as-of 2027-04-10 --shard $i/3 --format jsonl "$WORK/unplaced.yaml"
  grep '"kind": "input"' "$WORK/out" >>"$WORK/unplaced-shards"
done
check "in a sharded run the error stays with the unit's shard: reported once" [ "$(wc -l <"$WORK/unplaced-shards")" = 1 ]

summary
