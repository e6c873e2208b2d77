#!/usr/bin/env bash
# atomic.sh: -o FILE is replaced atomically: a run killed with SIGKILL in the
# middle of writing leaves the previous FILE intact, and a normal run leaves
# no temporary file behind. The corpus comes from bench/gen_units.
# Usage: atomic.sh PATH/TO/startklar PATH/TO/gen_units
set -u
export LANG=C # English messages, whatever the machine says
SK=$1
GEN=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1
fail() { echo "FAIL $*"; exit 1; }

"$GEN" "$WORK/corpus" 4000 7 >/dev/null || fail "gen_units failed"
REPORT=$WORK/report.json
echo "the previous report" >"$REPORT"
cp "$REPORT" "$WORK/previous"

# start a long audit and kill it once its temporary report holds some bytes
"$SK" audit --as-of 2027-04-10 --jobs 2 --format jsonl -o "$REPORT" "$WORK/corpus" >/dev/null 2>&1 &
pid=$!
tmp=""
for _ in $(seq 1 600); do
  tmp=$(ls "$WORK"/report.json.tmp-* 2>/dev/null | head -1)
  [ -n "$tmp" ] && [ -s "$tmp" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -0 "$pid" 2>/dev/null || fail "the audit ended before it could be killed mid-run (corpus too small?)"
[ -n "$tmp" ] && [ -s "$tmp" ] || fail "no temporary report being written"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
cmp -s "$REPORT" "$WORK/previous" || fail "the previous report was changed by the killed run"
echo "ok   killed mid-run ($(wc -c <"$tmp") bytes written to $(basename "$tmp")): the previous report is intact"
rm -f "$tmp" # what SIGKILL left behind

# a normal run replaces the report and leaves no temporary file
"$SK" check --as-of 2027-04-10 --format json -o "$REPORT" "$WORK/corpus/$(ls "$WORK/corpus" | head -1)" >/dev/null 2>&1
code=$?
[ "$code" = 0 ] || [ "$code" = 1 ] || fail "normal run exit code $code"
grep -q '"units"' "$REPORT" || fail "the report was not replaced"
left=$(ls "$WORK" | grep -c 'report.json.tmp-')
[ "$left" = 0 ] || fail "a normal run left $left temporary file(s)"
echo "ok   a normal run replaced the report and left no temporary file"
