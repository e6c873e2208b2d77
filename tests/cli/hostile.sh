#!/usr/bin/env bash
# hostile.sh: hostile inputs beside a good file, in one audited directory:
# each gives a clear error in bounded time and memory, and the good unit is
# still audited. Files too large to commit are generated here.
# Usage: hostile.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LIMIT_KB=1048576 # 1 GB

# An ASan binary reserves terabytes of virtual memory, so ulimit -v cannot
# bound it: its peak RSS is checked instead (python3 reads the child's rusage).
if nm "$SK" 2>/dev/null | grep -q __asan_init; then asan=1; else asan=0; fi

# run ARGS...: startklar under timeout 20 (and ulimit -v without ASan); keeps
# stdout, stderr, the exit code and the peak RSS in KB
run() {
  python3 - "$asan" "$LIMIT_KB" "$WORK/out" "$WORK/err" "$SK" "$@" >"$WORK/rss" <<'PY'
import resource, subprocess, sys
asan, limit, out, err, cmd = sys.argv[1] == "1", int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
def bound():
    if not asan:
        resource.setrlimit(resource.RLIMIT_AS, (limit * 1024, limit * 1024))
try:
    with open(out, "wb") as o, open(err, "wb") as e:
        code = subprocess.run(cmd, stdout=o, stderr=e, preexec_fn=bound, timeout=20).returncode
except subprocess.TimeoutExpired:
    code = 124
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
  read -r code rss <"$WORK/rss"
}
bad() {
  echo "FAIL [$current] $*"
  echo "  stdout: $(head -c 600 "$WORK/out")"
  echo "  stderr: $(head -c 300 "$WORK/err")"
  case_failed=1
}
expect_bounded() { [ "$code" != 124 ] || bad "timed out"; [ "$rss" -lt "$LIMIT_KB" ] || bad "peak RSS $rss KB"; }
good_unit_audited() { expect_out "SE2321000222-H001  Vårdcentralen Hemse"; }

HEAD='kind: communication-plan
version: 1
unit: {hsa_id: SE2321000222-Z001}
owner: '

# --- one hostile file beside the good one, each alone -------------------------------
# a 50 MB scalar: refused by the file cap before it is parsed
printf '%s' "$HEAD" >"$WORK/huge.yaml"
head -c 52428800 /dev/zero | tr '\0' x >>"$WORK/huge.yaml"
echo >>"$WORK/huge.yaml"
start "a 50 MB scalar"
run check --as-of 2027-04-10 "$WORK/huge.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "huge.yaml: input error: file too large (more than 16777216 bytes)"
finish
rm -f "$WORK/huge.yaml"

# a 1 MB line: a value over 1 MB is refused with its position, one just under it is read
printf '%s' "$HEAD" >"$WORK/line.yaml"
head -c 1048577 /dev/zero | tr '\0' y >>"$WORK/line.yaml"
echo >>"$WORK/line.yaml"
start "a 1 MB line"
run check --as-of 2027-04-10 "$WORK/line.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "line.yaml:4:8: input error: value too long: 1048577 bytes (at most 1048576)"
finish
printf '%s' "$HEAD" >"$WORK/line.yaml"
head -c 1048000 /dev/zero | tr '\0' y >>"$WORK/line.yaml"
printf '\nx_note: %s\n' "$(head -c 1048000 /dev/zero | tr '\0' z)" >>"$WORK/line.yaml"
start "two lines just under 1 MB are read"
run check --as-of 2027-04-10 --format json "$WORK/line.yaml" "$DATA/good/gotland.yaml"
expect_bounded
expect_out '"hsa_id": "SE2321000222-Z001"'
grep -q '"kind": "input"' "$WORK/out" && bad "an input error"
finish
rm -f "$WORK/line.yaml"

# --- an audited directory full of traps, with a good file in it ------------------------
A=$WORK/region
mkdir -p "$A/sub.yaml" "$A/nested"
cp "$DATA/good/gotland.yaml" "$A/good.yaml"
cp "$TESTS/bad/alias-bomb.yaml" "$TESTS/bad/deep-nesting.yaml" "$A/"
sed 's/SE2321000222-H001/SE2321000222-D001/; s/Vårdcentralen Hemse/Vårdcentralen Dir/' \
  "$DATA/good/gotland.yaml" >"$A/sub.yaml/inside.yaml"       # a directory named like a YAML file
ln -s "$WORK/nowhere.yaml" "$A/dangling.yaml"                  # fails for root too
mkfifo "$A/fifo.yaml"                                          # no writer: must not hang
ln -s "$A/loop-b.yaml" "$A/loop-a.yaml"; ln -s "$A/loop-a.yaml" "$A/loop-b.yaml" # a file symlink loop
ln -s "$A" "$A/nested/up"                                      # a directory loop

for cmd in check audit; do
  start "$cmd: every trap is an error, the good units are audited"
  extra=""; [ "$cmd" = audit ] && extra="--jobs 2"
  run $cmd --as-of 2027-04-10 $extra "$A"
  expect_code 2; expect_bounded; good_unit_audited
  expect_out "SE2321000222-D001  Vårdcentralen Dir"
  expect_out "$A/alias-bomb.yaml:9:10: input error: document too large: more than 200000 values after expanding aliases"
  expect_out "$A/deep-nesting.yaml:4:72: input error: nesting deeper than 64 levels"
  expect_out "$A/dangling.yaml: input error: cannot read: No such file or directory"
  expect_out "$A/fifo.yaml: input error: cannot read: not a regular file (a FIFO, socket or device)"
  expect_out "$A/loop-a.yaml: input error: cannot read: Too many levels of symbolic links"
  expect_out "$A/nested/up: input error: directory loop (a symbolic link points back to a parent)"
  finish
done

start "a FIFO named on the command line is refused, not waited on"
run check --as-of 2027-04-10 "$A/fifo.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "fifo.yaml: input error: cannot read: not a regular file"
finish

start "a FIFO as a rule file is refused, not waited on"
mkdir "$WORK/rules"; mkfifo "$WORK/rules/R-01.lua"
run check --as-of 2027-04-10 --rules "$WORK/rules" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "R-01.lua: plugin error: cannot read: not a regular file"
finish

summary
