#!/usr/bin/env bash
# hostile.sh: hostile inputs beside a good file, in one audited directory:
# each gives a clear error in bounded time and memory, and the good unit is
# still audited. Files too large to commit are generated here. Inputs
# people really have (CR, NEL, U+2028 line breaks, a BOM, a file named
# twice, hsa_id: ~) lose no unit and invent none.
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

# --- line breaks, a BOM, null ids, a file named twice: no unit lost or invented -------
# UNITS PREFIX NL: three documents of units PREFIX0..2, each line ended by NL (printf escapes)
three_units() {
  local i
  for i in 0 1 2; do
    [ "$i" = 0 ] || printf -- "---$2"
    printf "kind: unit-onboarding${2}version: 1${2}unit: {name: Enhet $1$i, hsa_id: SE2321000222-$1$i}$2"
  done
}
L=$WORK/linebreaks
mkdir -p "$L"
three_units CR '\r' >"$L/cr.yaml"
three_units NEL '\302\205' >"$L/nel.yaml"
three_units LS '\342\200\250' >"$L/ls.yaml"
three_units PS '\342\200\251' >"$L/ps.yaml"
printf '\357\273\277' >"$L/bom.yaml"; three_units BOM '\n' >>"$L/bom.yaml"
for cmd in check audit; do
  start "$cmd: CR, NEL, U+2028, U+2029 line breaks and a BOM: every unit is checked"
  run $cmd --as-of 2027-04-10 "$L"
  expect_code 1; expect_bounded
  for p in CR NEL LS PS BOM; do for i in 0 1 2; do expect_out "SE2321000222-$p$i  Enhet $p$i  NOT READY"; done; done
  expect_out "15 units: 0 ready, 15 not ready"
  finish
done

printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Ingen, hsa_id: ~}\n' >"$WORK/null-id.yaml"
start "hsa_id: ~ is a missing hsa_id, no unit named ~"
run check --as-of 2027-04-10 "$WORK/null-id.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "null-id.yaml:3:7: input error: a unit-onboarding needs unit.hsa_id to be placed in a unit"
expect_no_out "~  ERROR"
expect_out "1 unit: "
finish

ln -s "$L/cr.yaml" "$L/link-to-cr.yaml"
start "a file named twice (x.yaml, ./x.yaml, a link, its folder) is read once"
(cd "$L" && run audit --as-of 2027-04-10 --format json cr.yaml ./cr.yaml link-to-cr.yaml .)
expect_bounded
python3 - "$WORK/out" <<'PY' || bad "a unit read a file twice"
import json, sys
d = json.load(open(sys.argv[1]))
cr = [u for u in d["units"] if u["hsa_id"].startswith("SE2321000222-CR")]
assert len(cr) == 3 and all(u["files"] == ["cr.yaml"] for u in cr), cr
assert d["summary"]["files"] == 5, d["summary"]  # cr, nel, ls, ps, bom
assert d["summary"]["findings"]["error"] == 15 * 20, d["summary"]  # each document once (20 error findings each)
PY
finish
rm "$L/link-to-cr.yaml"

# --- quadratic loading: a map of 99 000 keys, 99 000 anchors, a million keys ----------
gen() { # gen KIND N FILE
  python3 - "$@" <<'PY'
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = "kind: communication-plan\nversion: 1\nunit: {hsa_id: SE2321000222-Z001}\nowner: Karin Ek\n"
with open(path, "w") as f:
    f.write(head)
    if kind == "keys":
        f.write("x_big:\n" + "".join(f"  k{i}: v\n" for i in range(n)))
    elif kind == "dupkeys":
        f.write("x_big:\n" + "".join(f"  k{i}: v\n" for i in range(n)) + "  k7: again\n")
    elif kind == "anchors":
        f.write("x_big:\n" + "".join(f"  - &a{i} v\n" for i in range(n)) + f"x_ref: *a{n - 1}\n")
PY
}
gen keys 99000 "$WORK/keys.yaml"
start "99 000 keys in one map are read"
run check --as-of 2027-04-10 --format json "$WORK/keys.yaml" "$DATA/good/gotland.yaml"
expect_code 1; expect_bounded
expect_out '"hsa_id": "SE2321000222-Z001"'
expect_out '"hsa_id": "SE2321000222-H001"'
expect_no_out '"kind": "input"'
finish
gen dupkeys 99000 "$WORK/keys.yaml"
start "a duplicate key after 99 000 is found, at its first line"
run check --as-of 2027-04-10 "$WORK/keys.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "keys.yaml:99006:3: input error: duplicate key 'k7' (first at line 13)"
finish
gen anchors 99000 "$WORK/anchors.yaml"
start "99 000 anchors are read, the last one found"
run check --as-of 2027-04-10 --format json "$WORK/anchors.yaml" "$DATA/good/gotland.yaml"
expect_code 1; expect_bounded
expect_out '"hsa_id": "SE2321000222-Z001"'
expect_no_out '"kind": "input"'
finish
gen keys 1000000 "$WORK/million.yaml"
start "a million keys are refused with the limit"
run check --as-of 2027-04-10 "$WORK/million.yaml" "$DATA/good/gotland.yaml"
expect_code 2; expect_bounded; good_unit_audited
expect_out "million.yaml:99999:11: input error: document too large: more than 200000 values after expanding aliases"
finish
# a file of 5 000 units: each unit's check reads only its own document of it
python3 - "$WORK/many.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(5000):
        f.write(f"---\nkind: unit-onboarding\nversion: 1\nunit: {{name: Enhet {i}, hsa_id: SE2321000222-M{i:04d}}}\n"
                f"service: Stöd och behandling\n" + ("chanels: 1\n" if i == 4321 else ""))
PY
start "a file of 5 000 units is read about twice, not 5 000 times"
run check --as-of 2027-04-10 --only ON-01 "$WORK/many.yaml"
expect_code 2; expect_bounded
expect_out "SE2321000222-M4999  Enhet 4999  NOT READY"
expect_out "SE2321000222-M4321  ERROR"
expect_out "many.yaml:21611:1: input error: unknown key 'chanels'"
expect_out "5000 units: 0 ready, 4999 not ready, 1 could not be judged"
finish
rm "$WORK/many.yaml"
mv "$WORK/keys.yaml" "$WORK/million.yaml" "$WORK/anchors.yaml" "$WORK/null-id.yaml" "$L/" # for the audit below

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
cp -r "$L" "$A/inputs"                                         # all of the above

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
  for p in CR NEL LS PS BOM; do for i in 0 1 2; do expect_out "SE2321000222-$p$i  Enhet $p$i  NOT READY"; done; done
  expect_out "$A/inputs/million.yaml:99999:11: input error: document too large"
  expect_out "$A/inputs/keys.yaml:99006:3: input error: duplicate key 'k7' (first at line 13)"
  expect_out "$A/inputs/null-id.yaml:3:7: input error: a unit-onboarding needs unit.hsa_id"
  finish
done

# the good unit's results beside all of it are those it has alone
run audit --as-of 2027-04-10 --format json "$A/good.yaml"; cp "$WORK/out" "$WORK/alone.json"
start "audit: the good unit's results beside every hostile input are intact"
run audit --as-of 2027-04-10 --jobs 2 --format json "$A"
expect_code 2; expect_bounded
python3 - "$WORK/alone.json" "$WORK/out" <<'PY' || bad "the good unit's results differ"
import json, sys
alone = json.load(open(sys.argv[1]))["units"][0]
beside = [u for u in json.load(open(sys.argv[2]))["units"] if u["hsa_id"] == alone["hsa_id"]]
assert beside == [alone], (beside, alone)
PY
finish

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
