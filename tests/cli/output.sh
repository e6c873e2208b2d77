#!/usr/bin/env bash
# output.sh: -o FILE never destroys what is at FILE (issue 20 item 5): a
# device node, a FIFO or an input of the run is refused and left as it was;
# the temporary file is created anew beside FILE, so a link planted at its
# name is never followed; SIGTERM and SIGINT remove it.
# Usage: output.sh STARTKLAR TESTS_DIR
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
EX=$ROOT/examples/bup-vaxjo
. "$TESTS/cli/lib.sh"

# a device node of the test's own as root (before the fix, a root run renamed
# over it: never /dev/null here); else /dev/null, which a user cannot replace
if [ "$(id -u)" = 0 ] && mknod "$WORK/null" c 1 3 2>/dev/null; then DEV=$WORK/null; else DEV=/dev/null; fi
start "-o a device node is refused and stays a device"
run check --as-of 2027-04-10 -o "$DEV" "$EX"
expect_code 2
expect_err "will not write $DEV: it exists and is not a regular file"
[ -c "$DEV" ] || bad "$DEV is no longer a character device"
finish

start "schema -o a device node is refused too, and stays a device"
run schema -o "$DEV" communication-plan
expect_code 2
expect_err "will not write $DEV: it exists and is not a regular file"
[ -c "$DEV" ] || bad "$DEV is no longer a character device"
finish

mkfifo "$WORK/fifo"
start "-o a FIFO is refused and stays a FIFO"
run check --as-of 2027-04-10 -o "$WORK/fifo" "$EX"
expect_code 2
expect_err "will not write $WORK/fifo: it exists and is not a regular file"
[ -p "$WORK/fifo" ] || bad "the FIFO is gone"
finish

mkdir "$WORK/dir"
start "-o a directory is refused"
run check --as-of 2027-04-10 -o "$WORK/dir" "$EX"
expect_code 2
[ -d "$WORK/dir" ] || bad "the directory is gone"
finish

cp "$EX/plan.yaml" "$WORK/plan.yaml"
cp "$WORK/plan.yaml" "$WORK/plan.before"
start "-o the input file itself is refused and left as it was"
run check --as-of 2027-04-10 -o "$WORK/plan.yaml" "$WORK/plan.yaml"
expect_code 2
expect_err "will not write $WORK/plan.yaml: it is an input of this run"
cmp -s "$WORK/plan.yaml" "$WORK/plan.before" || bad "the input was changed"
finish

mkdir "$WORK/units"
cp "$EX/plan.yaml" "$WORK/units/plan.yaml"
start "-o a YAML file inside an input directory, and --write-baseline onto an input"
run check --as-of 2027-04-10 -o "$WORK/units/plan.yaml" "$WORK/units"
expect_code 2
expect_err "it is an input of this run"
run check --as-of 2027-04-10 --write-baseline "$WORK/plan.yaml" "$WORK/plan.yaml"
expect_code 2
cmp -s "$WORK/plan.yaml" "$WORK/plan.before" || bad "the input was changed"
finish

echo "keep me" >"$WORK/victim"
start "a link planted at the temporary file's name is not followed"
# sh's pid is the pid startklar runs with after exec: the name it tries first
sh -c 'ln -s "$1" "$2.tmp-$$-0"; exec "$0" check --as-of 2027-04-10 -o "$2" "$3"' \
  "$SK" "$WORK/victim" "$WORK/report.txt" "$EX" >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 1
[ "$(cat "$WORK/victim")" = "keep me" ] || bad "the link's target was overwritten"
grep -q "Barn- och ungdomspsykiatrin Växjö" "$WORK/report.txt" || bad "no report in report.txt"
[ -L "$WORK/report.txt" ] && bad "report.txt is a link"
[ "$(ls "$WORK"/report.txt.tmp-* | wc -l)" = 1 ] || bad "a temporary file was left besides the planted link"
finish

start "-o an existing regular file is replaced"
echo old >"$WORK/existing.txt"
run check --as-of 2027-04-10 -o "$WORK/existing.txt" "$EX"
expect_code 1
grep -q "Barn- och ungdomspsykiatrin Växjö" "$WORK/existing.txt" || bad "not replaced"
finish

# a slow run killed with SIGTERM or SIGINT once its temporary file exists
mkdir "$WORK/slow"
for i in $(seq 1 100); do
  printf 'kind: unit-onboarding\nversion: 1\nunit: {hsa_id: SE2321000222-S%03d}\n' "$i" >"$WORK/slow/u$i.yaml"
done
for sig in TERM INT; do
  start "SIG$sig removes the temporary file"
  echo previous >"$WORK/sig.txt"
  "$SK" audit --jobs 2 --as-of 2027-04-10 --no-builtin --rules "$TESTS/cli/data/runtime/rules-slow" \
    -o "$WORK/sig.txt" "$WORK/slow" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 400); do
    ls "$WORK"/sig.txt.tmp-* >/dev/null 2>&1 && break
    sleep 0.05
  done
  ls "$WORK"/sig.txt.tmp-* >/dev/null 2>&1 || bad "no temporary file seen"
  kill -$sig "$pid"
  wait "$pid"
  st=$?
  [ "$st" -gt 128 ] || bad "the run ended (exit $st) before SIG$sig reached it"
  ls "$WORK"/sig.txt.tmp-* >/dev/null 2>&1 && bad "the temporary file was left"
  [ "$(cat "$WORK/sig.txt")" = previous ] || bad "the previous report was changed"
  finish
done

summary
