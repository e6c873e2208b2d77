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
for cmd in lsp completion history diff config; do
  run "$cmd" --help
  [ "$code" = 0 ] || bad "$cmd --help: exit $code"
  expect_out "Usage: startklar $cmd"
done
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

# ---- the configuration file ------------------------------------------------------------
mkdir -p "$WORK/proj/sub/deeper" "$WORK/proj/myrules"
cp -r "$ROOT/examples/region-rules/gotland" "$WORK/proj/myrules/"
cat >"$WORK/proj/startklar.yaml" <<'YAML'
kind: config
version: 1
rules: [myrules]
profile: prelaunch
fail_on: warning
exclude: ["drafts/*"]
YAML
in_proj() { (cd "$WORK/proj/sub/deeper" && "$SK" "$@" >"$WORK/out" 2>"$WORK/err"); code=$?; }

start "startklar.yaml is found upward; its paths are relative to it; config says where each value came from"
in_proj config
expect_code 0
expect_out_re "^file +$WORK/proj/startklar.yaml"
expect_out_re "^rules +$WORK/proj/myrules +\($WORK/proj/startklar.yaml\)"
expect_out_re "^fail_on +warning +\($WORK/proj/startklar.yaml\)"
expect_out_re "^baseline +- +\(default\)"
finish

start "the command line overrides the file; --no-config and --config FILE"
in_proj config --fail-on info --profile default
expect_out_re "^fail_on +info +\(command line\)"
expect_out_re "^profile +default +\(command line\)"
expect_out_re "^rules +$WORK/proj/myrules"
in_proj config --no-config
expect_out_re "^file +\(none\)"
expect_out_re "^fail_on +error +\(default\)"
printf 'kind: config\nversion: 1\nfail_on: info\n' >"$WORK/other.yaml"
in_proj config --config "$WORK/other.yaml"
expect_out_re "^fail_on +info +\($WORK/other.yaml\)"
finish

start "check uses the configuration: its rule directory is loaded (GOT-01 runs)"
in_proj rules list
expect_out "GOT-01"
in_proj rules list --no-config
expect_no_out "GOT-01"
finish

start "a configuration file with a mistake: exit 2 at its line, with did you mean"
printf 'kind: config\nversion: 1\nfail_onn: info\n' >"$WORK/bad.yaml"
in_proj check --config "$WORK/bad.yaml" .
expect_code 2
expect_err "bad.yaml:3:1: policy error: unknown key 'fail_onn'"
expect_err "did you mean 'fail_on'"
in_proj check --config "$WORK/no-such-config.yaml" .
expect_code 2
expect_err "no-such-config.yaml: policy error: cannot read"
expect_no_err ":0:"
finish

start "the configuration's lang: over LANG, under --lang"
mkdir -p "$WORK/svproj"
printf 'kind: config\nversion: 1\nlang: sv\n' >"$WORK/svproj/startklar.yaml"
(cd "$WORK/svproj" && "$SK" check --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >"$WORK/out" 2>"$WORK/err")
expect_out "INTE REDO"
(cd "$WORK/svproj" && "$SK" check --as-of 2027-04-10 "$DATA/cp02/plan.yaml" --lang en >"$WORK/out" 2>"$WORK/err")
expect_out "NOT READY"
(cd "$WORK/svproj" && "$SK" config >"$WORK/out" 2>"$WORK/err")
expect_out_re "^lang +sv +\\($WORK/svproj/startklar.yaml\\)"
finish

start "schema config and init config like every other kind; init config loads as a config"
run schema config
expect_code 0
expect_out '"const": "config"'
run init config
expect_code 0
expect_out "kind: config"
cp "$WORK/out" "$WORK/init-config.yaml"
run config --config "$WORK/init-config.yaml"
expect_code 0
expect_out_re "^lang +sv"
finish

# ---- what gets read ---------------------------------------------------------------------
mkdir -p "$WORK/tree/units/visby" "$WORK/tree/units/drafts"
cp "$DATA/cp02/plan.yaml" "$WORK/tree/units/visby/plan.yaml"
printf 'services:\n  web:\n    image: nginx\n' >"$WORK/tree/units/docker-compose.yml"
printf 'site_name: docs\n' >"$WORK/tree/units/mkdocs.yml"
printf -- '- hosts: all\n' >"$WORK/tree/units/playbook.yml"
printf 'kind: profile\nversion: 1\ndisable: [SM-]\n' >"$WORK/tree/units/team-profile.yaml"
"$SK" check --as-of 2027-04-10 --no-config --write-baseline "$WORK/tree/units/baseline.yaml" "$WORK/tree/units/visby" >/dev/null 2>&1
printf 'kind: config\nversion: 1\n' >"$WORK/tree/units/startklar.yaml"
printf 'kind: nosuch\nversion: 1\n' >"$WORK/tree/units/drafts/odd.yaml"
in_tree() { (cd "$WORK/tree" && "$SK" "$@" >"$WORK/out" 2>"$WORK/err"); code=$?; }

start "a tree with a docker-compose.yml, a profile, a baseline and a config: skipped and counted"
in_tree check --as-of 2027-04-10 --no-config --exclude 'drafts/*' units
expect_code 1
expect_out "3 files skipped: not startklar documents"
expect_out "3 files skipped: profiles, baselines and configurations are not input"
expect_no_out "units/docker-compose.yml"
in_tree check --as-of 2027-04-10 --no-config --exclude 'drafts/*' units --verbose
expect_out "units/docker-compose.yml: not a startklar document"
expect_out "units/team-profile.yaml: a profile file is not input"
expect_out "units/baseline.yaml: a baseline file is not input"
in_tree check --as-of 2027-04-10 --no-config --exclude 'drafts/*' --format json units
expect_out '"skipped": 6'
mkdir -p "$WORK/compose-only" && printf 'services:\n  web: {image: x}\n' >"$WORK/compose-only/docker-compose.yml"
run check --as-of 2027-04-10 --no-config "$WORK/compose-only"
expect_code 2
expect_out "input error: no startklar document in the paths given (1 file skipped): nothing was checked"
finish

# a file with no kind that names a unit (an export of the HSA catalogue, say): the
# index's quick read took its unit.hsa_id for a unit, and pass 2, finding no
# startklar document in it, called it "changed during the run" in a unit of its own
mkdir -p "$WORK/kindless"
cp "$DATA/cp02/plan.yaml" "$WORK/kindless/plan.yaml"
printf 'unit: {name: Vårdcentralen Hemse, hsa_id: SE2321000222-H001}\nphone: 0498-123 45\n' >"$WORK/kindless/hsa-export.yml"
start "a file with no kind but a unit.hsa_id: skipped when walked, an error when named"
run check --as-of 2027-04-10 --no-config "$WORK/kindless"
expect_code 1
expect_out "1 file skipped: not a startklar document"
expect_no_out "SE2321000222-H001"
expect_no_out "changed during the run"
run check --as-of 2027-04-10 --no-config "$WORK/kindless/hsa-export.yml"
expect_code 2
expect_out "it is no startklar document"
expect_no_out "changed during the run"
finish

start "a document with an unknown kind stays an input error; --exclude GLOB leaves it out"
in_tree check --as-of 2027-04-10 --no-config units
expect_code 2
expect_out "unknown kind 'nosuch'"
in_tree check --as-of 2027-04-10 --no-config units --exclude drafts
expect_code 1
in_tree check --as-of 2027-04-10 --no-config units --exclude 'docker-*' --exclude 'drafts/*' -v
expect_no_out "docker-compose.yml"
expect_out "2 files skipped: not startklar documents"
finish

start "the configuration's exclude and include globs"
printf 'kind: config\nversion: 1\nexclude: ["drafts/*"]\n' >"$WORK/tree/startklar.yaml"
in_tree check --as-of 2027-04-10 units
expect_code 1
printf 'kind: config\nversion: 1\ninclude: ["visby/*"]\n' >"$WORK/tree/startklar.yaml"
in_tree check --as-of 2027-04-10 units
expect_code 1
expect_no_out "skipped"
rm "$WORK/tree/startklar.yaml"
finish

start "a file named on the command line is input as it is: no kind is an error"
in_tree check --no-config units/docker-compose.yml
expect_code 2
expect_out "it is no startklar document"
in_tree check --no-config units/team-profile.yaml
expect_code 2
expect_out "give it with --profile"
finish

# ---- standard input ---------------------------------------------------------------------
start "- reads standard input; --stdin-filename names it in positions and the unit's files"
"$SK" check --as-of 2027-04-10 - <"$DATA/cp02/plan.yaml" >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 1
expect_out "<stdin>:1:1 warning CP-08"
"$SK" check --as-of 2027-04-10 --format json - --stdin-filename visby/plan.yaml <"$DATA/cp02/plan.yaml" >"$WORK/out" 2>"$WORK/err"
expect_out '"files": ["visby/plan.yaml"]'
expect_out '"file": "visby/plan.yaml", "line": 1'
expect_no_out "startklar-stdin"
printf 'a: [\n' | "$SK" check - --stdin-filename x/y.yaml >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 2
expect_out "x/y.yaml:2:1: input error: YAML syntax error"
"$SK" check - - </dev/null >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 2
expect_err "can be read only once"
finish

# ---- output control ----------------------------------------------------------------------
start "a run that judged nothing, its report in a file: why is on standard error too"
run check --as-of 2027-04-10 --only XX-99 --format gitlab -o "$WORK/gl.json" "$ROOT/examples/vc-visby-ready"
expect_code 2
expect_err "startklar: 'XX-99' names no loaded rule"
run check --as-of 2027-04-10 --only XX-99 --format gitlab "$ROOT/examples/vc-visby-ready"
expect_err "startklar: 'XX-99' names no loaded rule"
run check --as-of 2027-04-10 --only XX-99 "$ROOT/examples/vc-visby-ready"
expect_no_err "startklar"
mkdir -p "$WORK/compose" && printf 'services: {}\n' >"$WORK/compose/docker-compose.yml"
run check --as-of 2027-04-10 --no-config --format gitlab "$WORK/compose"
expect_code 2
expect_err "startklar: no startklar document in the paths given (1 file skipped): nothing was checked"
run check --as-of 2027-04-10 --format gitlab -o "$WORK/gl.json" "$ROOT/examples/vc-visby-ready"
expect_code 0
expect_no_err "startklar"
finish

start "--quiet: only the units that are not ready, and the errors"
run check --no-config --as-of 2027-04-10 "$ROOT/examples" --quiet
expect_code 1
expect_out "NOT READY"
expect_no_out "  ready"
expect_out "6 units: 1 ready, 5 not ready"
run check --no-config --as-of 2027-04-10 "$ROOT/examples/vc-visby-ready" -q
expect_code 0
expect_no_out "SE2"
finish

start "--max-warnings N: exit 1 when there are more warnings"
run check --no-config --as-of 2027-04-10 --fail-on never "$DATA/cp02/plan.yaml"
expect_code 0
run check --no-config --as-of 2027-04-10 --fail-on never "$DATA/cp02/plan.yaml" --max-warnings 0
expect_code 1
expect_err "more than --max-warnings 0"
run check --no-config --as-of 2027-04-10 --fail-on never "$DATA/cp02/plan.yaml" --max-warnings 99
expect_code 0
# the warnings a baseline adopted count no more than its errors do
run check --no-config --as-of 2027-04-10 --write-baseline "$WORK/max-warnings-base.yaml" "$DATA/cp02/plan.yaml"
expect_code 0
run check --no-config --as-of 2027-04-10 --baseline "$WORK/max-warnings-base.yaml" "$DATA/cp02/plan.yaml" --max-warnings 0
expect_code 0
expect_no_err "more than --max-warnings"
run check --no-config x --max-warnings lots
expect_code 2
finish

ESC=$(printf '\033')
PTY="python3 $TESTS/cli/pty_audit.py $WORK/raw $WORK/screen"
colored() { grep -q "$ESC\[" "$1"; }
start "--color always|never, NO_COLOR (non-empty), FORCE_COLOR, TERM=dumb"
run check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" --color always
colored "$WORK/out" || bad "--color always to a pipe has no colour"
env -u NO_COLOR TERM=xterm $PTY "$SK" check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >/dev/null
colored "$WORK/raw" || bad "auto on a terminal has no colour"
env -u NO_COLOR TERM=xterm $PTY "$SK" check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" --color never >/dev/null
colored "$WORK/raw" && bad "--color never on a terminal has colour"
NO_COLOR=1 TERM=xterm $PTY "$SK" check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >/dev/null
colored "$WORK/raw" && bad "NO_COLOR=1 on a terminal has colour"
NO_COLOR= TERM=xterm $PTY "$SK" check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >/dev/null
colored "$WORK/raw" || bad "NO_COLOR= (empty) disabled colour"
env -u NO_COLOR TERM=dumb $PTY "$SK" check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >/dev/null
colored "$WORK/raw" && bad "TERM=dumb has colour"
env -u NO_COLOR FORCE_COLOR=1 "$SK" check --no-config --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >"$WORK/out"
colored "$WORK/out" || bad "FORCE_COLOR=1 to a pipe has no colour"
run check --no-config x --color sometimes
expect_code 2
finish

start "audit on a terminal: the progress line is erased before each report line"
AUDIT="audit --no-config --as-of 2027-04-10 --color never $DATA/audit"
# shellcheck disable=SC2086
"$SK" $AUDIT >"$WORK/plain" 2>/dev/null
# shellcheck disable=SC2086
env -u NO_COLOR TERM=xterm $PTY "$SK" $AUDIT >/dev/null
grep -aqE "[0-9]/[0-9]+ units" "$WORK/raw" || bad "no progress line on the terminal"
cmp -s "$WORK/plain" "$WORK/screen" || bad "the terminal shows more than the report: $(diff "$WORK/plain" "$WORK/screen" | head -5)"
# shellcheck disable=SC2086
env -u NO_COLOR TERM=xterm STDERR_FILE="$WORK/stderr" $PTY "$SK" $AUDIT >/dev/null
[ -s "$WORK/stderr" ] && bad "progress written to a standard error that is no terminal"
grep -aqE "[0-9]/[0-9]+ units" "$WORK/raw" && bad "progress on stdout"
finish

summary
