#!/usr/bin/env bash
# timing.sh: --timing and test --coverage. --timing lists every rule that
# ran with one call per document of its kind (per unit for a unit rule) and
# instructions that are the same in every run and with any --jobs, on
# stderr, so that the report is the same byte for byte with or without it;
# --coverage lists the lines of a rule's functions its fixtures did not run
# and --coverage-min fails below its percentage.
# Usage: timing.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
DATA=$TESTS/cli/data
EXAMPLES=$TESTS/../examples
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CHECK=("$SK" check --as-of 2027-04-10)
RULES=$(grep -c . "$TESTS/data/requirement-ids.txt") # the built-in rules

# two units: Växjö (a plan and a checklist) and Visby (a plan, a checklist, a strategy)
UNITS=("$EXAMPLES/bup-vaxjo" "$EXAMPLES/vc-visby-ready")
"${CHECK[@]}" --format json "${UNITS[@]}" >"$WORK/plain.json" 2>"$WORK/plain.err"
"${CHECK[@]}" --format json --timing "${UNITS[@]}" >"$WORK/timed.json" 2>"$WORK/timing1.json"
check "--timing leaves the json report byte for byte as it is" cmp -s "$WORK/plain.json" "$WORK/timed.json"
"${CHECK[@]}" "${UNITS[@]}" >"$WORK/plain.txt" 2>/dev/null
"${CHECK[@]}" --timing "${UNITS[@]}" >"$WORK/timed.txt" 2>"$WORK/timing.txt"
check "--timing leaves the text report byte for byte as it is" cmp -s "$WORK/plain.txt" "$WORK/timed.txt"
check "the text table names the stages" has "$WORK/timing.txt" "schema check"
check "the text table has a row per rule" grep -qE '^CP-11 +2 ' "$WORK/timing.txt"
"${CHECK[@]}" --format json --timing "${UNITS[@]}" >/dev/null 2>"$WORK/timing2.json"

# calls per rule: its documents in the two units (a unit rule: the units)
calls_ok() {
  python3 - "$1" "$RULES" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["timing"]
want = {"CP": 2, "ON": 2, "SM": 1, "UN": 2}
rules = {r["rule"]: r for r in t["rules"]}
assert len(rules) == int(sys.argv[2]), len(rules)
for rid, r in rules.items():
    assert r["calls"] == want[rid[:2]], (rid, r["calls"])
    assert r["instructions"] > 0, rid
assert rules["CP-11"]["bytes"] > 0  # it builds tables
for stage in ("rules_load", "index", "load", "schema", "views", "rules", "judge", "report"):
    assert stage + "_ms" in t["stages"], stage
PY
}
check "every rule is listed with one call per document of its kind and instructions > 0" calls_ok "$WORK/timing1.json"

# the deterministic counts: rule, calls, instructions of every rule
counts() {
  python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["timing"]["rules"]:
    print(r["rule"], r["calls"], r["instructions"])' "$1"
}
counts "$WORK/timing1.json" >"$WORK/c1"
counts "$WORK/timing2.json" >"$WORK/c2"
check "instructions are the same in two runs" cmp -s "$WORK/c1" "$WORK/c2"
"$SK" audit --as-of 2027-04-10 --format json --timing --jobs 1 "$EXAMPLES" >"$WORK/a1.json" 2>"$WORK/t1.json"
"$SK" audit --as-of 2027-04-10 --format json --timing --jobs 2 "$EXAMPLES" >"$WORK/a2.json" 2>"$WORK/t2.json"
counts "$WORK/t1.json" >"$WORK/j1"
counts "$WORK/t2.json" >"$WORK/j2"
check "calls and instructions are the same with --jobs 1 and --jobs 2" cmp -s "$WORK/j1" "$WORK/j2"
check "and the audit reports too" cmp -s "$WORK/a1.json" "$WORK/a2.json"
check "the audit counts the rules of every unit" [ "$(wc -l <"$WORK/j1")" = "$RULES" ]

start "test --timing times the fixtures' rule calls"
run test --timing "$DATA/coverage"
expect_code 0
expect_err "COV-01"
finish

start "test --coverage lists the lines the fixtures did not run"
run test --coverage "$DATA/coverage"
expect_code 0
expect_out "60.0 %     3/5     $DATA/coverage/COV-01.lua (COV-01)  not run: 10-11"
expect_out "60.0 % in all: 3 of 5 lines"
expect_out "2 passed, 0 failed"
finish

start "--coverage-min above the coverage fails"
run test --coverage-min 61 "$DATA/coverage"
expect_code 1
expect_out "coverage 60.0 % is below --coverage-min 61.0 %"
finish

start "--coverage-min at the coverage passes"
run test --coverage-min 60 "$DATA/coverage"
expect_code 0
expect_no_out "is below"
finish

start "--coverage-min takes a percentage"
run test --coverage-min 101 "$DATA/coverage"
expect_code 2
expect_err "--coverage-min takes a percentage from 0 to 100, not '101'"
finish

# the built-in plugins run from the bytecode the build compiled, under their own names
mkdir -p "$WORK/copy"
cp -r "$TESTS/../plugins/communication-plan/CP-12.lua" "$TESTS/../plugins/communication-plan/CP-12.test" "$WORK/copy/"
start "a copy of a built-in plugin runs under its own file name (its lines are found)"
run test --coverage "$WORK/copy"
expect_code 0
expect_out "  82.6 %    19/23    $WORK/copy/CP-12.lua (CP-12)  not run: 58, 70-73"
finish
start "a built-in plugin changed by a byte is compiled from its text"
sed -i 's/risk {risk} has no owner (ansvarig)/risk {risk} has no owner at all/' "$WORK/copy/CP-12.lua"
run check --as-of 2027-04-10 --no-builtin --rules "$WORK/copy" "$WORK/copy/CP-12.test/fail/no-owner.yaml"
expect_out "has no owner at all"
finish

start "--timing and --coverage in Swedish: every label translated, decimal commas"
export STARTKLAR_I18N_STRICT=1
run check --lang sv --as-of 2027-04-10 --timing "${UNITS[@]}"
expect_err "dokument som Lua-vyer"
expect_no_err "untranslated"
run test --lang sv --coverage-min 61 "$DATA/coverage"
expect_out "60,0 % totalt: 3 av 5 rader"
expect_out "täckningen 60,0 % är under --coverage-min 61,0 %"
expect_no_out "untranslated"
unset STARTKLAR_I18N_STRICT
finish

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
