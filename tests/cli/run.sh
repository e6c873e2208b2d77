#!/usr/bin/env bash
# run.sh: end-to-end tests of the startklar binary: exit codes, messages,
# report shapes, and that an invalid input never hides the valid ones.
# Usage: run.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# run ARGS...: runs startklar, keeps stdout, stderr and the exit code

# --- the command line itself -------------------------------------------------
start "version"
run --version; expect_code 0; expect_out "startklar 0."
finish

start "help shows commands and examples"
run --help; expect_code 0; expect_out "check PATH..."; expect_out "Examples:"; expect_out "--fail-on"
finish

start "usage errors exit 2"
run frobnicate; expect_code 2; expect_err "unknown command 'frobnicate'"
run check; expect_code 2; expect_err "check needs at least one file"
run check --as-of 2027-02-30 "$DATA/good"; expect_code 2; expect_err "--as-of needs a real date"
run check --format pdf "$DATA/good"; expect_code 2; expect_err "unknown --format 'pdf'"
run check --fail-on fatal "$DATA/good"; expect_code 2; expect_err "--fail-on takes error, warning, info or never"
run check --lang de "$DATA/good"; expect_code 2; expect_err "--lang takes sv or en, not 'de'"
finish

# --- the foundation's promise ---------------------------------------------------
start "CP-02 names the group without owner at its line"
run check --as-of 2027-04-10 --format json "$DATA/cp02/plan.yaml"
expect_code 1
expect_out '"rule": "CP-02", "severity": "error", "message": "target group '"'"'chefer'"'"' has no owner (ansvarig)"'
expect_out '"file": "'"$DATA"'/cp02/plan.yaml", "line": 12, "column": 5, "path": "target_groups[2]"'
expect_out '"status": "fail"'
run check --as-of 2027-04-10 "$DATA/cp02/plan.yaml"
expect_out "$DATA/cp02/plan.yaml:12:5 error CP-02 target group 'chefer' has no owner (ansvarig)"
finish

start "fail-on decides the exit code"
run check --as-of 2027-04-10 --fail-on never "$DATA/cp02/plan.yaml"; expect_code 0
run check --as-of 2027-04-10 --no-builtin --rules "$ROOT/plugins/communication-plan" --fail-on error "$DATA/good/gotland.yaml"
expect_code 0
run check --as-of 2027-04-10 --no-builtin --rules "$ROOT/plugins/communication-plan" --fail-on warning "$DATA/good/gotland.yaml"
expect_code 1
finish

# --- every bad input: rejected with file:line:col, the good file still checked -----
while IFS=$'\t' read -r file pos message; do
  case "$file" in ''|'#'*) continue ;; esac
  start "bad input $file"
  run check --as-of 2027-04-10 "$TESTS/bad/$file" "$DATA/good/gotland.yaml"
  expect_code 2
  expect_out "$TESTS/bad/$file:$pos: input error: $message"
  expect_out "SE2321000222-H001  Vårdcentralen Hemse"
  run check --as-of 2027-04-10 --format json "$TESTS/bad/$file" "$DATA/good/gotland.yaml"
  expect_out '"hsa_id": "SE2321000222-H001"'
  expect_out '"kind": "input"'
  finish
done <"$TESTS/bad/expected.tsv"

# --- a document of a ready unit that fails as a whole: the unit is not judged ready ----
# a syntax error, bytes that are not UTF-8 or a duplicate key drop the whole file, and the
# loader then knows no unit of it: the unit it names was judged "ready" on its other papers
H001='unit: {name: Vårdcentralen Hemse, hsa_id: SE2321000222-H001}'
mkdir -p "$WORK/whole"
printf 'kind: unit-onboarding\nversion: 1\n%s\nservice: [unclosed\n' "$H001" >"$WORK/whole/syntax.yaml"
printf 'kind: unit-onboarding\nversion: 1\n%s\nservice: St\366d\n' "$H001" >"$WORK/whole/latin1.yaml"
printf 'kind: unit-onboarding\nversion: 1\n%s\nservice: a\nservice: b\n' "$H001" >"$WORK/whole/duplicate.yaml"
# a control character near the unit: libyaml refuses the bytes it decodes ahead of its scanner
printf 'kind: unit-onboarding\nversion: 1\n%s\nservice: a\001b\n' "$H001" >"$WORK/whole/control.yaml"
# a document with a schema error (its unit known), then the unit's with a syntax error
{ printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Enhet, hsa_id: SE2321000222-W002}\nchanels: 1\n---\n'
  printf 'kind: unit-onboarding\nversion: 1\n%s\nservice: [unclosed\n' "$H001"; } >"$WORK/whole/schema-then-syntax.yaml"
# two units in a file over 64 KB (read by the full loader in pass 1), the second broken
{ printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Enhet, hsa_id: SE2321000222-W001}\nx_pad: "%s"\n---\n' \
    "$(head -c 70000 /dev/zero | tr '\0' x)"
  printf 'kind: unit-onboarding\nversion: 1\n%s\nservice: [unclosed\n' "$H001"; } >"$WORK/whole/two-units.yaml"
# the unit's flow map left open: libyaml folds the id and the next line into one plain text
printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Vårdcentralen Hemse, hsa_id: SE2321000222-H001\nservice: a\n' \
  >"$WORK/whole/open-flow.yaml"
for f in syntax latin1 duplicate control schema-then-syntax two-units open-flow; do
  start "a checklist of a ready unit that fails as a whole ($f): the unit is not judged ready"
  run check --as-of 2027-04-10 "$DATA/good/gotland.yaml" "$WORK/whole/$f.yaml"
  expect_code 2
  expect_out "SE2321000222-H001  Vårdcentralen Hemse  ERROR"
  expect_out "1 input error in this unit's documents: not judged in full"
  errors=1; [ "$f" = schema-then-syntax ] && errors=2
  [ "$(grep -c "$WORK/whole/$f.yaml:" "$WORK/out")" = $errors ] || bad "the file's errors are not reported once"
  expect_no_out "SE2321000222-H001 service" # no unit of the folded text
  finish
done
start "a file of two units that fails as a whole: both are not judged in full, in check and audit"
for cmd in "check" "audit --jobs 2"; do
  run $cmd --as-of 2027-04-10 "$DATA/good/gotland.yaml" "$WORK/whole/two-units.yaml"
  expect_out "SE2321000222-H001  Vårdcentralen Hemse  ERROR"
  expect_out "SE2321000222-W001  ERROR"
  expect_out "2 units: 0 ready, 0 not ready, 2 could not be judged"
done
finish

start "an unreadable path is an error, the rest is checked"
run check --as-of 2027-04-10 "$WORK/missing.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_out "missing.yaml: input error: cannot read: No such file or directory"
expect_out "SE2321000222-H001"
finish

start "an empty directory is an error, never a silent pass"
mkdir -p "$WORK/empty"
run check --as-of 2027-04-10 "$WORK/empty"
expect_code 2
expect_out "$WORK/empty: input error: no YAML files (*.yaml, *.yml) in this directory: nothing to check"
run check --as-of 2027-04-10 --rules "$WORK/empty" "$DATA/good/gotland.yaml"
expect_code 2
expect_out "$WORK/empty: plugin error: no rule files (*.lua) in this directory"
expect_out "SE2321000222-H001"
finish

start "a directory yields its YAML files, sorted, recursively"
run check --as-of 2027-04-10 --format json "$DATA/tree"
expect_out '"files": ["'"$DATA"'/tree/a/b/deep.yml"]'
expect_out '"hsa_id": "SE2321000222-T002"'
expect_no_out "notes.txt"
finish

# --- rules that fail ---------------------------------------------------------------
start "a failing rule is an error for its unit; everything else is still checked"
run check --as-of 2027-04-10 --rules "$DATA/failing-rule" --format json "$DATA/cp02/plan.yaml" "$DATA/tree/a/first.yaml"
expect_code 2
expect_out '"kind": "rule", "rule": "GOT-01", "unit": "SE2321000222-T002"'
expect_out 'attempt to index a nil value (field '"'"'owner'"'"')'
expect_out '"traceback": "stack traceback:'
expect_out '"rule": "CP-02"'
finish

start "a broken plugin is reported by file and line; the built-in rules still run"
mkdir -p "$WORK/broken"
printf 'return {\n  id = "GOT-02",\n  severity = "fatal",\n  applies_to = "unit", title = "t", check = function() end }\n' >"$WORK/broken/x.lua"
run check --as-of 2027-04-10 --rules "$WORK/broken" "$DATA/cp02/plan.yaml"
expect_code 2
expect_out "$WORK/broken/x.lua:3: plugin error: rule field 'severity' must be one of: error, warning, info"
expect_out "CP-02"
finish

# --- reports ---------------------------------------------------------------------------
start "reports are byte-identical from run to run"
"$SK" check --as-of 2027-04-10 --format json "$DATA" "$TESTS/bad" >"$WORK/a.json" 2>/dev/null
"$SK" check --as-of 2027-04-10 --format json "$TESTS/bad" "$DATA" >"$WORK/b.json" 2>/dev/null
cmp -s "$WORK/a.json" "$WORK/b.json" || bad "the order of the arguments changed the report"
"$SK" check --as-of 2027-04-10 --format json "$DATA" "$TESTS/bad" >"$WORK/c.json" 2>/dev/null
cmp -s "$WORK/a.json" "$WORK/c.json" || bad "two runs differ"
finish

start "-o writes the same report to a file"
run check --as-of 2027-04-10 --format json -o "$WORK/report.json" "$DATA/cp02/plan.yaml"
expect_code 1
[ -s "$WORK/report.json" ] || bad "no report file"
"$SK" check --as-of 2027-04-10 --format json "$DATA/cp02/plan.yaml" >"$WORK/stdout.json" 2>/dev/null
cmp -s "$WORK/report.json" "$WORK/stdout.json" || bad "-o and stdout differ"
ls "$WORK" | grep -q tmp && bad "a temporary file was left behind"
finish

start "jsonl: one object per line with the unit"
run check --as-of 2027-04-10 --format jsonl "$DATA/cp02/plan.yaml" "$TESTS/bad/unknown-key.yaml"
expect_out '{"unit": "SE2321000222-V001", "rule": "CP-02", "severity": "error"'
expect_out '{"kind": "input", "unit": "SE2321000222-B001", "file": "'"$TESTS"'/bad/unknown-key.yaml", "line": 6'
[ "$(grep -c . "$WORK/out")" = "$(grep -c '^{.*}$' "$WORK/out")" ] || bad "a line is not one object"
finish

start "no colour without a terminal"
run check --as-of 2027-04-10 "$DATA/cp02/plan.yaml"
grep -q $'\033' "$WORK/out" && bad "escape codes on a pipe"
finish

# --- the built-in rules and their fixtures ----------------------------------------------
start "a wrong fixture makes startklar test fail and say why"
mkdir -p "$WORK/rules/own.test/pass" "$WORK/rules/own.test/fail"
cp "$ROOT/plugins/communication-plan/CP-02.lua" "$WORK/rules/own.lua"
cp "$DATA/cp02/plan.yaml" "$WORK/rules/own.test/pass/"
printf '# expect: CP-02 target_groups[1]\n' >"$WORK/rules/own.test/fail/x.yaml"
cat "$DATA/cp02/plan.yaml" >>"$WORK/rules/own.test/fail/x.yaml"
run test "$WORK/rules"
expect_code 1
expect_out "own.test/pass/plan.yaml: expected no finding"
expect_out "got CP-02 target_groups[2]"
expect_out "own.test/fail/x.yaml: expected CP-02 at target_groups[1]"
expect_out "0 passed, 2 failed"
finish

summary
