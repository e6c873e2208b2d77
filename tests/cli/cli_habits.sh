#!/usr/bin/env bash
# cli_habits.sh: the command line behaves as ESLint, ruff or Spectral users
# expect (issue 17): options anywhere among the paths, "--" ending them,
# --opt=value and --opt value; "did you mean" for commands, options and
# kinds; each command's own help; -V.
# Usage: cli_habits.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start "options after the paths: check units/ --format junit -o r.xml writes JUnit to r.xml"
(cd "$WORK" && "$SK" check "$ROOT/examples" --as-of 2027-04-10 --format junit -o r.xml >"$WORK/out" 2>"$WORK/err")
code=$?
expect_code 1
grep -q "<testsuites" "$WORK/r.xml" 2>/dev/null || bad "r.xml is no JUnit report"
[ -s "$WORK/out" ] && bad "the report went to stdout too"
finish

start "--opt=value and --opt value give the same report"
run check --as-of=2027-04-10 --format=json "$DATA/cp02/plan.yaml"
cp "$WORK/out" "$WORK/eq"
run check "$DATA/cp02/plan.yaml" --format json --as-of 2027-04-10
cmp -s "$WORK/out" "$WORK/eq" || bad "the two spellings differ"
expect_out '"tool": "startklar"'
finish

start "-- ends the options: a file named like an option is a path"
cp "$DATA/cp02/plan.yaml" "$WORK/--format"
(cd "$WORK" && "$SK" check --as-of 2027-04-10 --format json -- --format >"$WORK/out" 2>"$WORK/err")
code=$?
expect_code 1
expect_out '"file": "--format"'
finish

start "test DIR -v lists passing fixtures"
run test "$ROOT/examples/region-rules" -v
expect_code 0
expect_out "ok   "
expect_no_out "BROKEN"
finish

start "did you mean: commands, options, sub-commands and kinds"
run chek x
expect_code 2
expect_err "unknown command 'chek' (did you mean 'check'?)"
run check --formt json x
expect_code 2
expect_err "unknown option '--formt' (did you mean '--format'?)"
expect_err "Try 'startklar help check'."
run check --formt=json x
expect_err "unknown option '--formt' (did you mean '--format'?)"
run check x --format
expect_code 2
expect_err "option '--format' needs a value"
run rules lst
expect_code 2
expect_err "did you mean 'rules list'?"
run init unit-onbording
expect_code 2
expect_err "did you mean 'unit-onboarding'?"
run schema comunication-plan
expect_code 2
expect_err "did you mean 'communication-plan'?"
finish

start "per-command help: help check, check --help, init --help"
run help check
expect_code 0
expect_out "Usage: startklar check [OPTIONS] PATH..."
expect_out "--fail-on LEVEL"
expect_out "Examples:"
expect_no_out "rules explain ID"
cp "$WORK/out" "$WORK/help-check"
run check --help
cmp -s "$WORK/out" "$WORK/help-check" || bad "check --help differs from help check"
run init --help
expect_code 0
expect_out "Usage: startklar init [OPTIONS] KIND"
expect_out "--kind KIND"
expect_no_out "--fail-on"
run test --help
expect_out "-v, --verbose"
run rules --help
expect_out "rules [OPTIONS] explain ID"
run help
expect_out "Commands:"
expect_out "startklar help COMMAND"
finish

start "an unknown help topic exits 2, with did you mean"
run help nosuch
expect_code 2
expect_err "no help on 'nosuch'"
run help chek
expect_code 2
expect_err "did you mean 'check'?"
finish

start "-V and --version"
run -V
expect_code 0
expect_out "startklar "
cp "$WORK/out" "$WORK/v"
run --version
cmp -s "$WORK/out" "$WORK/v" || bad "-V and --version differ"
finish

start "every option in a command's help is one it takes"
for cmd in check audit test rules init schema; do
  "$SK" help "$cmd" >"$WORK/h"
  for o in $(grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' "$WORK/h" | sed -E 's/^ +(-[a-zA-Z], )?//'); do
    "$SK" "$cmd" "$o" >/dev/null 2>"$WORK/e" </dev/null
    grep -q "unknown option" "$WORK/e" && bad "$cmd $o: $(cat "$WORK/e")"
  done
done
finish

summary
