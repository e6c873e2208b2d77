#!/usr/bin/env bash
# runtime.sh: the runtime's limits end to end (issue 20): sk.join on long
# lists and separators, rules that would run for ever inside one C call, a
# rule that reports without end, memory verdicts across --jobs, the default
# --as-of's timezone. Each hostile rule is a rule error naming rule and
# unit, and every other unit keeps its results. No timed assertion: ctest's
# TIMEOUT on this test is the guard against a run that never ends.
# Usage: runtime.sh STARTKLAR TESTS_DIR
SK=$1
TESTS=$2
DATA=$TESTS/cli/data/runtime
. "$TESTS/cli/lib.sh"

# --- sk.join: the luaL_Buffer crash -------------------------------------------------
start "sk.join of 138 roles and of 138 risk areas through the built-in rules"
run check --as-of 2027-01-01 "$DATA/join"
expect_code 1
expect_out "join-roles.yaml:8:5 error ON-05 staff member Emma Sjöberg (roles: practitioner, practitioner"
expect_out "join-areas.yaml:11:3 warning ON-08 the risk analysis does not cover the area routines"
expect_no_out "Could not be judged"
finish

start "sk.join with a 5000-byte separator"
run check --as-of 2027-01-01 --no-builtin --rules "$DATA/rules-join" "$DATA/join/join-roles.yaml"
expect_code 0
expect_out "warning RT-01 joined 686789 bytes"
finish

# --- work inside one C call: charged before it starts -------------------------------
# each hostile rule is a rule error naming rule and unit on every unit (but the
# empty string.rep, which now ends at once); the built-in rules' findings stay
start "hostile C loops beside the built-in rules"
run audit --as-of 2027-01-01 --rules "$DATA/rules-hostile" "$DATA/join"
expect_code 2
for id in RT-03 RT-04 RT-05 RT-06; do
  for unit in SE2321000222-J001 SE2321000222-J002; do
    expect_out_re "rule $id failed on unit $unit: .*rule stopped"
  done
done
expect_out_re "RT-03 failed on unit SE2321000222-J001: .*rule stopped: the pattern '%b\\(\\)' could take 2e\\+10 steps"
expect_out "error RT-02 RT-02 ended: 0 bytes"
expect_out "join-roles.yaml:8:5 error ON-05 staff member Emma Sjöberg (roles: practitioner"
expect_out "join-areas.yaml:11:3 warning ON-08 the risk analysis does not cover the area routines"
finish

# --- findings: capped per call and per unit ------------------------------------------
# 1 500 reports of 1 MB per unit: before, 1.5 GB per unit, then out of memory
# and no report for anyone; under 1 GB of address space (not with ASan, which
# reserves terabytes)
if nm "$SK" 2>/dev/null | grep -q __asan_init; then VLIMIT=unlimited; else VLIMIT=1048576; fi
start "a rule reporting a 1 MB message 1 500 times, and 1 500 small ones"
( ulimit -v $VLIMIT; "$SK" check --as-of 2027-01-01 --rules "$DATA/rules-findings" "$DATA/join" ) >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 2
for unit in SE2321000222-J001 SE2321000222-J002; do
  expect_out "rule RT-10 failed on unit $unit: rule stopped: it reported more than 1048576 bytes of findings in one call"
  expect_out "rule RT-11 failed on unit $unit: rule stopped: it reported more than 1000 findings in one call"
  expect_out "rule RT-12 failed on unit $unit: rule stopped: it reported more than 1000 findings in one call"
done
expect_out "info RT-11 finding 1000"
expect_no_out "info RT-11 finding 1001"
expect_no_out "after the stop"
expect_out "join-roles.yaml:8:5 error ON-05 staff member Emma Sjöberg (roles: practitioner"
expect_out "join-areas.yaml:11:3 warning ON-08 the risk analysis does not cover the area routines"
finish

# a rule file whose path is longer than Lua's chunk names (LUA_IDSIZE, "...k/rules/x.lua:3:"):
# its error still names the file and line and says what stopped the rule
LONG=$WORK/a-directory-with-a-name-long-enough-to-be-shortened-by-lua/rules
mkdir -p "$LONG" && cp "$DATA/rules-findings/"*.lua "$LONG/"
start "a rule under a long path: its error names the file, not Lua's shortened name"
"$SK" check --as-of 2027-01-01 --only RT-10 --rules "$LONG" "$DATA/join" >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 2
expect_out "rule RT-10 failed on unit SE2321000222-J001: rule stopped: it reported more than 1048576 bytes of findings in one call"
expect_no_out "...k/"
finish

# --- the built-in rules on a unit of many documents: no false stop -----------------
# UN-01 compares every plan with every checklist of a unit; the text helpers were
# charged what the Lua patterns they replaced were estimated at (n^3/6 steps for a
# trimmed text of n bytes), and 30 plans x 30 checklists with long service names
# stopped the rule at its budget. Charged by the byte, it judges them.
mkdir -p "$WORK/many"
SERVICE="Stöd och behandling: internetbaserad KBT vid oro, ångest, nedstämdhet och sömnproblem för vuxna"
for i in $(seq 1 30); do
  printf 'kind: communication-plan\nversion: 1\nunit: {name: Enheten, hsa_id: SE2321000222-N001}\nservice: "%s"\nlaunch_date: 2027-03-01\n' "$SERVICE" >"$WORK/many/plan$i.yaml"
  printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Enheten, hsa_id: SE2321000222-N001}\nservice: "%s "\nlaunch_date: 2027-03-01\n' "$SERVICE" >"$WORK/many/ob$i.yaml"
done
start "UN-01 on a unit of 30 plans and 30 checklists: judged, not stopped"
run check --as-of 2027-01-01 --only UN-01 --format json "$WORK/many"
expect_no_out "rule stopped"
expect_out '"errors": [],'
expect_out '"status": "pass"'
finish

# sk.plan_reach made an entry { act, path, phase } (three tables) for every
# group an activity reaches: 600 activities that each reach all 150 target
# groups of a region-wide plan (90 000 pairs) took more than 32 MB, and the
# five rules that ask for it (CP-04, CP-05, CP-11, CP-19, CP-20) were stopped.
# One entry an activity, shared by the groups it reaches, judges them.
python3 - "$WORK/reach.yaml" <<'PY'
import sys
G, PER_PHASE = 150, 150
out = ["kind: communication-plan\nversion: 1\nunit: {name: Regionen, hsa_id: SE2321000222-R001}\n",
       "service: Stöd och behandling\nowner: Karin Ek\nlaunch_date: 2027-03-01\ntarget_groups:\n"]
for g in range(G):
    out.append(f"  - {{id: g{g}, name: Grupp {g}, audience: external, stance: neutral, priority: normal, "
               f"prior_knowledge: medium, know: Tjänsten, feel: Trygghet, do: Logga in, channels: [APT], owner: Ägare}}\n")
out.append("materials:\n  - {id: m1, name: Broschyr, target_groups: &all [" + ", ".join(f"g{g}" for g in range(G)) +
           "], ready: 2027-02-01}\nphases:\n")
for p, (start, end) in enumerate([("2026-10-01", "2026-11-30"), ("2026-12-01", "2027-02-28"),
                                   ("2027-03-01", "2027-06-30"), ("2027-07-01", "2027-12-31")]):
    out.append(f"  {['planning', 'anchoring', 'implementation', 'maintenance'][p]}:\n"
               f"    start: {start}\n    end: {end}\n    activities:\n")
    for a in range(PER_PHASE):
        out.append(f"      - {{id: a{p}-{a}, what: Information, target_groups: *all, channel: APT, "
                   f"verification: Enkät, date: {start}, owner: Ägare, status: done}}\n")
open(sys.argv[1], "w").write("".join(out))
PY
start "sk.plan_reach of 600 activities each reaching 150 groups: its rules judge the plan"
run check --as-of 2027-01-01 --only CP-04,CP-05,CP-11,CP-19,CP-20 "$WORK/reach.yaml"
expect_no_out "rule stopped"
expect_no_out "Could not be judged"
expect_out "SE2321000222-R001  Regionen  ready"
finish

# --- memory: the same verdict whatever the collector and --jobs ---------------------
mkdir -p "$WORK/mem"
for i in $(seq 1 60); do
  {
    printf 'kind: unit-onboarding\nversion: 1\nunit: {name: Enhet %d, hsa_id: SE2321000222-M%03d}\n' "$i" "$i"
    printf 'launch_date: 2027-03-01\nstaff:\n'
    for j in $(seq 1 $((i % 17))); do printf '  - {id: s%d, name: Person %d, roles: [practitioner]}\n' "$j" "$j"; done
  } >"$WORK/mem/u$i.yaml"
done
start "a memory-heavy rule: stopped on the same units with --jobs 1, 2 and 3"
for jobs in 1 2 3; do
  run audit --jobs $jobs --as-of 2027-01-01 --no-builtin --rules "$DATA/rules-memory" "$WORK/mem"
  grep -o 'rule RM-0[12] failed on unit [^:]*: rule stopped: it allocated more than 32 MB' "$WORK/out" | sort >"$WORK/stopped.$jobs"
done
[ "$(grep -c RM-02 "$WORK/stopped.1")" = 60 ] || bad "RM-02 stopped on $(grep -c RM-02 "$WORK/stopped.1") of 60 units with --jobs 1"
! grep -q RM-01 "$WORK/stopped.1" || bad "RM-01 stopped"
cmp -s "$WORK/stopped.1" "$WORK/stopped.2" || bad "--jobs 2 stopped other units than --jobs 1"
cmp -s "$WORK/stopped.1" "$WORK/stopped.3" || bad "--jobs 3 stopped other units than --jobs 1"
finish

# --- the default --as-of: today in one stated timezone --------------------------------
as_of() { grep -o '"as_of": "[0-9-]*"' "$WORK/out" | head -1 | cut -d'"' -f4; }
ONE=$DATA/join/join-roles.yaml
start "the default --as-of is today in Europe/Stockholm, whatever TZ says"
before=$(TZ=Europe/Stockholm date +%F)
TZ=UTC run check --format json "$ONE"
after=$(TZ=Europe/Stockholm date +%F)
got=$(as_of)
[ "$got" = "$before" ] || [ "$got" = "$after" ] || bad "as_of $got, Stockholm's date is $before"
finish

start "--timezone and STARTKLAR_TZ choose the zone (UTC+14 and UTC-12 are never on one date)"
run check --format json --timezone Pacific/Kiritimati "$ONE"
east=$(as_of)
run check --format json --timezone=Etc/GMT+12 "$ONE"
west=$(as_of)
[ -n "$east" ] && [ -n "$west" ] && [ "$east" != "$west" ] || bad "--timezone: east $east, west $west"
STARTKLAR_TZ=Pacific/Kiritimati run check --format json "$ONE"
[ "$(as_of)" = "$east" ] || bad "STARTKLAR_TZ: $(as_of), --timezone gave $east"
STARTKLAR_TZ=Pacific/Kiritimati run check --format json --timezone Etc/GMT+12 "$ONE"
[ "$(as_of)" = "$west" ] || bad "--timezone does not win over STARTKLAR_TZ"
finish

start "an unknown timezone is a usage error unless --as-of is given"
run check --timezone Mars/Olympus_Mons "$ONE"
expect_code 2
expect_err "unknown timezone 'Mars/Olympus_Mons'"
STARTKLAR_TZ=../../etc/passwd run check "$ONE"
expect_code 2
run check --timezone Mars/Olympus_Mons --as-of 2027-01-01 "$ONE"
expect_code 1
finish

start "the text report's header says the as-of date"
run check --as-of 2027-01-01 "$ONE"
[ "$(head -1 "$WORK/out")" = "startklar report, as of 2027-01-01" ] || bad "header: $(head -1 "$WORK/out")"
finish

summary
