#!/usr/bin/env bash
# valgrind.sh: builds a plain (non-sanitizer) startklar in BUILD_DIR and runs
# representative commands under valgrind memcheck: no invalid access, no
# definite or indirect leak (exit 99 from valgrind fails the test).
# Usage: valgrind.sh SOURCE_DIR BUILD_DIR TESTS_DIR
set -u
export LANG=C # English messages, whatever the machine says
SRC=$1
BUILD=$2
TESTS=$3
DATA=$TESTS/cli/data
command -v valgrind >/dev/null || { echo "FAIL valgrind not installed (apt-get install valgrind)"; exit 1; }
cmake -S "$SRC" -B "$BUILD" -DSK_SANITIZE=OFF -DSK_TESTS=OFF -DSK_BENCH=OFF >/dev/null || exit 1
cmake --build "$BUILD" -j2 --target startklar-cli >/dev/null || exit 1
SK=$BUILD/startklar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1
passed=0 failed=0

# vg EXPECTED_EXIT NAME ARGS...: the command's own exit code must be EXPECTED_EXIT
vg() {
  local want=$1 name=$2
  shift 2
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --log-file="$WORK/vg.log" "$SK" "$@" >"$WORK/out" 2>"$WORK/err"
  local code=$?
  if [ "$code" = "$want" ]; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL [$name] exit $code, expected $want"
    head -40 "$WORK/vg.log"; head -c 300 "$WORK/err"
  fi
}

vg 1 "check examples/" check --as-of 2027-04-10 "$SRC/examples"
vg 1 "audit --jobs 2 examples/" audit --as-of 2027-04-10 --jobs 2 --format json "$SRC/examples"
# the writers that keep state of their own (a working directory, names, a spool)
for f in sarif junit csv github gitlab; do
  vg 1 "check --format $f examples/" check --as-of 2027-04-10 --format "$f" "$SRC/examples"
done
vg 2 "a bad input" check --as-of 2027-04-10 "$TESTS/bad/alias-bomb.yaml" "$TESTS/bad/malformed.yaml" \
  "$DATA/good/gotland.yaml"
mkdir "$WORK/rules"
cat >"$WORK/rules/VG-01.lua" <<'LUA'
return {
  { id = "VG-01", severity = "error", applies_to = "communication-plan", title = "a memory bomb",
    check = function() local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 4096) .. i end end },
  { id = "VG-02", severity = "error", applies_to = "communication-plan", title = "a throwing error object",
    check = function() error(setmetatable({}, { __tostring = function() error("boom") end })) end },
}
LUA
vg 2 "failing rules" check --as-of 2027-04-10 --rules "$WORK/rules" "$DATA/good/gotland.yaml"
vg 0 "test plugins/communication-plan" test "$SRC/plugins/communication-plan"
# the readiness statement: its waivers, owners and the SHA-256 of every input
vg 1 "check --format statement --waivers" check --as-of 2027-04-10 --format statement --waivers "$DATA/policy/waivers.yaml" "$SRC/examples" "$DATA/cp02"
# the rollout over time: recording, reading back, diff, the html page's panels
vg 1 "audit --record" audit --as-of 2027-01-15 --jobs 2 --record "$WORK/h.db" --format json -o "$WORK/jan.json" "$SRC/examples"
vg 1 "check --record --history html" check --as-of 2027-04-10 --record "$WORK/h.db" --history "$WORK/h.db" --format html "$SRC/examples"
vg 0 "history --unit --format json" history "$WORK/h.db" --unit SE2120000803-V001 --format json
vg 1 "diff @previous @latest" diff "$WORK/h.db@previous" "$WORK/h.db@latest"
vg 1 "diff a JSON report and the database, markdown" diff --format markdown "$WORK/jan.json" "$WORK/h.db@latest"
# the findings' messages rendered in Swedish from the recorded ids and values (database and JSON report)
vg 1 "diff --lang sv --format json" diff --lang sv --format json "$WORK/jan.json" "$WORK/h.db@latest"

echo "valgrind: $passed passed, $failed failed"
[ "$failed" = 0 ]
