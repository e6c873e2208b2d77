#!/usr/bin/env bash
# rollout.sh: the rollout over time (docs/rollout.md). The countdown's states
# on crafted units (data/rollout: one ready, one not ready with disputed
# launch dates, one not ready without a launch date), the window's boundary
# day and the profile's rollout.at_risk_days; the JSON, CSV and summary
# fields; two audits of examples/ recorded in a history database, `history`
# and `diff` (from the database and from JSON reports) showing what changed;
# the schema's version and its upgrade in place (from versions 1 and 2: the
# older audits' findings shown as recorded, the new ones rendered in --lang,
# the same findings no change); and a run killed with
# SIGKILL mid-recording, after which the database still holds the earlier
# audits and takes the next one.
# Usage: rollout.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
R=$TESTS/cli/data/rollout
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# UN-01 alone decides readiness of the crafted units
crafted() { run check --only UN-01 "$@" "$R/ready.yaml" "$R/blocked.yaml" "$R/undated.yaml"; }
# the rollout state of a unit in a JSON report on stdout
state() { python3 -c 'import json,sys; print({u["hsa_id"]: u["rollout"] for u in json.load(open(sys.argv[1]))["units"]}[sys.argv[2]])' "$WORK/out" "$1"; }
READY=SE0000000000-R001 BLOCKED=SE0000000000-B001 UNDATED=SE0000000000-U001

start "countdown: 31 days before the launch a unit not ready is not ready, at 30 (the window's last day) at risk"
crafted --as-of 2027-01-29 --format json
[ "$(state $BLOCKED)" = not_ready ] || bad "31 days before: $(state $BLOCKED)"
crafted --as-of 2027-01-30 --format json
[ "$(state $BLOCKED)" = at_risk ] || bad "30 days before: $(state $BLOCKED)"
[ "$(state $READY)" = ready ] || bad "the ready unit: $(state $READY)"
[ "$(state $UNDATED)" = not_ready ] || bad "the unit without a launch date: $(state $UNDATED)"
finish

start "countdown: on the launch day at risk, the day after launched_not_ready; a ready unit stays ready"
crafted --as-of 2027-03-01 --format json
[ "$(state $BLOCKED)" = at_risk ] || bad "launch day: $(state $BLOCKED)"
crafted --as-of 2027-03-02 --format json
[ "$(state $BLOCKED)" = launched_not_ready ] || bad "the day after: $(state $BLOCKED)"
[ "$(state $READY)" = ready ] || bad "the ready unit after its launch: $(state $READY)"
[ "$(state $UNDATED)" = not_ready ] || bad "no launch date, not ready: $(state $UNDATED)"
finish

start "countdown: the JSON fields, the disputed date (the earliest), the summary's counts"
crafted --as-of 2027-02-19 --format json
python3 - "$WORK/out" <<'EOF' || bad "JSON fields"
import json, sys
r = json.load(open(sys.argv[1]))
u = {x["hsa_id"]: x for x in r["units"]}
b, d, n = u["SE0000000000-B001"], u["SE0000000000-R001"], u["SE0000000000-U001"]
assert (b["launch_date"], b["days_to_launch"], b["launch_date_disputed"], b["rollout"]) == ("2027-03-01", 10, True, "at_risk"), b
assert (d["launch_date"], d["days_to_launch"], d["rollout"]) == ("2027-03-01", 10, "ready"), d
assert "launch_date_disputed" not in d, d
assert (n["launch_date"], n["days_to_launch"], n["rollout"]) == (None, None, "not_ready"), n
assert r["summary"]["rollout"] == {"ready": 1, "at_risk": 1, "not_ready": 1, "launched_not_ready": 0}, r["summary"]
EOF
finish

start "countdown: the profile's rollout.at_risk_days moves the window (10 days: at risk from day 10, not at 11)"
crafted --as-of 2027-02-18 --format json --profile "$R/at-risk-10-days.yaml"
[ "$(state $BLOCKED)" = not_ready ] || bad "11 days before with a 10-day window: $(state $BLOCKED)"
crafted --as-of 2027-02-19 --format json --profile "$R/at-risk-10-days.yaml"
[ "$(state $BLOCKED)" = at_risk ] || bad "10 days before with a 10-day window: $(state $BLOCKED)"
crafted --as-of 2027-02-19 --profile "$R/at-risk-negative.yaml"
expect_code 2
expect_out "out of range 0..3650 in rollout.at_risk_days"
finish

start "countdown: text, jsonl, csv and markdown show it"
crafted --as-of 2027-03-02
expect_out "SE0000000000-B001  Enheten Oenig  NOT READY  launch 2027-03-01 (1 day ago, disputed: the earliest of the documents' dates): launched, not ready"
expect_out "SE0000000000-R001  Enheten Redo  ready  launch 2027-03-01 (1 day ago)"
expect_out_re "^SE0000000000-U001  Enheten Odaterad  NOT READY$"
expect_out "rollout: 1 ready, 0 at risk, 1 not ready, 1 launched not ready"
crafted --as-of 2027-02-01 --format jsonl
expect_out '"launch_date": "2027-03-01", "days_to_launch": 28, "launch_date_disputed": true, "rollout": "at_risk"}'
crafted --as-of 2027-02-01 --format csv
expect_out "launch_date,days_to_launch,rollout"
expect_out ",2027-03-01,28,at_risk"
expect_out "undated.yaml,5,1,service,"
expect_out_re ",,not_ready,.?$"
crafted --as-of 2027-02-01 --format markdown
expect_out "Launch 2027-03-01, in 28 days: **at risk**. (disputed: the earliest of the documents' dates)"
expect_out "No launch date: **not ready**."
expect_out "| Rollout: at risk | 1 |"
crafted --as-of 2027-02-01 --format html
expect_out 'data-launch="2027-03-01" data-rollout="at_risk"'
expect_out '<span class="rollout at_risk">at risk</span>'
finish

# ---- the history ------------------------------------------------------------------------
DB=$WORK/examples.db
start "the weekly routine's first week: --history and --record of a database not made yet"
run audit --as-of 2027-01-08 --history "$WORK/first.db" --record "$WORK/first.db" --format html -o "$WORK/first.html" "$ROOT/examples"
expect_code 1
[ -s "$WORK/first.html" ] || bad "no page written"
[ -s "$WORK/first.db" ] || bad "nothing recorded"
run audit --as-of 2027-01-08 --history "$WORK/misspelt.db" --format html -o "$WORK/misspelt.html" "$ROOT/examples"
expect_code 2
expect_err "misspelt.db: history database: cannot open it"
finish

start "record: two audits of examples/ (2027-01-15 and 2027-04-10) into one database"
run audit --as-of 2027-01-15 --record "$DB" --format json -o "$WORK/jan.json" "$ROOT/examples"
expect_code 1
run check --as-of 2027-04-10 --record "$DB" --format json -o "$WORK/apr.json" "$ROOT/examples"
expect_code 1
python3 - "$DB" "$TESTS/data/requirement-ids.txt" <<'EOF' || bad "the database's contents"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ids = [line.strip() for line in open(sys.argv[2]) if line.strip()]
assert db.execute("PRAGMA user_version").fetchone()[0] == 3
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
audits = db.execute("SELECT as_of, profile, tool_version, exit_code, units FROM audit ORDER BY id").fetchall()
assert [a[0] for a in audits] == ["2027-01-15", "2027-04-10"], audits
assert all(a[1] == "default" and a[3] == 1 and a[4] == 6 for a in audits), audits
# every built-in rule that ran, each with the hash of its own plugin's source
rules = db.execute("SELECT count(*), count(DISTINCT source_hash) FROM audit_rule WHERE audit_id = 2").fetchone()
assert rules == (len(ids), len(ids)), (rules, len(ids))
assert sorted(r for (r,) in db.execute("SELECT rule FROM audit_rule WHERE audit_id = 2")) == sorted(ids)
row = db.execute("SELECT status, rollout, launch_date, launch_disputed, days_to_launch FROM unit_result "
                 "WHERE audit_id = 2 AND hsa_id = 'SE2321000115-V210'").fetchone()
assert row == ("fail", "launched_not_ready", "2027-03-15", 1, -26), row
f = db.execute("SELECT rule, path, stable_path FROM finding WHERE audit_id = 2 AND hsa_id = 'SE2321000115-V210' "
               "AND rule = 'UN-01'").fetchone()
assert f == ("UN-01", "launch_date", "launch_date"), f
EOF
finish

start "history: readiness over time, the region and one unit"
run history "$DB"
expect_code 0
expect_out_re "^2027-01-15  default +6 +0 +0 +6 +0 +69 +28$"
expect_out_re "^2027-04-10  default +6 +1 +1 +1 +3 +32 +32$"
run history "$DB" --unit SE2120000803-V001
expect_out_re "^2027-01-15  not ready +2027-03-01 +45 "
expect_out_re "^2027-04-10  ready +2027-03-01 +-40 +0 +0$"
# Onsala, by its HSA-id as the documents give it (malformed: UN-02)
run history --format json --unit SE2321000115V214 "$DB"
python3 - "$WORK/out" <<'EOF' || bad "history JSON"
import json, sys
h = json.load(open(sys.argv[1]))
assert h["unit"] == "SE2321000115V214"
assert [(a["as_of"], a["rollout"], a["days_to_launch"]) for a in h["audits"]] == [
    ("2027-01-15", "not_ready", 108), ("2027-04-10", "at_risk", 23)], h["audits"]
# January: seven connection dates and the risk analysis still ahead; April: risk action #1 overdue
assert [(a["findings"]["error"], a["findings"]["warning"]) for a in h["audits"]] == [(11, 3), (4, 3)], h["audits"]
EOF
run history "$DB" --unit SE0000000000-X999
expect_code 2
expect_err "no recorded audit checked unit SE0000000000-X999"
run history "$WORK/no-such.db"
expect_code 2
check "history does not create a database it was asked to read" [ ! -e "$WORK/no-such.db" ]
finish

start "html: the at-risk list first, the launch timeline, and with --history the trend"
run audit --as-of 2027-04-20 --history "$DB" --format html "$ROOT/examples"
expect_code 1
python3 - "$WORK/out" <<'EOF' || bad "the rollout panels"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
summary = page[page.index('<section id="summary"'):page.index("</section>", page.index('<section id="summary"'))]
risk = summary[summary.index('id="at-risk"'):summary.index('id="timeline"')]
units = re.findall(r"<tr><td><strong>([^<]+)</strong>", risk)
# at risk first (Onsala, launching 2027-05-03), then launched and not ready, most overdue last
assert units == ["SE2321000115V214", "SE2321000115-V210", "SE2321000065-V031", "SE2321000255-V014"], units
assert "in 13 days" in risk and '<span class="rollout at_risk">' in risk
assert "<strong>ON-09</strong> risk action #1" in risk, risk[:2000]
timeline = summary[summary.index('id="timeline"'):summary.index('id="trend"')]
assert len(re.findall(r"<g><title>2027-0[35]-[0-9]{2}: ", timeline)) == 3, timeline
assert "<title>2027-03-01: SE2120000803-V001, SE2321000065-V031, SE2321000255-V014</title>" in timeline
assert 'stroke-dasharray="4 3"' in timeline and ">2027-04-20</text>" in timeline
trend = summary[summary.index('id="trend"'):]
trend = trend[:trend.index("</svg>")]
titles = re.findall(r"<title>([^<]+)</title>", trend)
assert titles == ["2027-01-15: 0 ready, 0 at risk, 6 not ready, 0 launched, not ready",
                  "2027-04-10: 1 ready, 1 at risk, 1 not ready, 3 launched, not ready",
                  "2027-04-20: 1 ready, 1 at risk, 1 not ready, 3 launched, not ready"], titles
EOF
run check --as-of 2027-04-10 --format html "$ROOT/examples/vc-visby-ready"
expect_out "No unit is at risk or launched without being ready."
expect_no_out 'id="trend"'
run check --as-of 2027-04-10 --history "$WORK/no-such.db" --format html "$ROOT/examples/vc-visby-ready"
expect_code 2
finish

start "diff @previous @latest: Visby newly ready, Onsala at risk, the connection steps done since January fixed"
run diff "$DB@previous" "$DB@latest"
expect_code 1
expect_out "startklar diff: $DB@2027-01-15 (as of 2027-01-15) -> $DB@2027-04-10 (as of 2027-04-10)"
grep -A2 "^SE2120000803-V001  Vårdcentralen Visby" "$WORK/out" | grep -qx "  NEWLY READY" || bad "Visby not newly ready"
grep -A1 "^SE2321000115V214  Vårdcentralen Onsala" "$WORK/out" | grep -qx "  rollout: not ready -> at risk" || bad "Onsala's rollout"
expect_out "  new   ON-09 error $ROOT/examples/region-halland/onboarding/onsala.yaml risk_analysis.actions[1].due: risk action #1"
expect_out "  fixed ON-13 error $ROOT/examples/vc-visby-ready/onboarding.yaml connection.roles_assigned: connection step 4"
expect_out "6 units compared: 1 newly ready, 0 newly blocked, 5 new findings, 38 fixed, 0 launch dates moved, 0 units added, 0 gone"
# a finding still open whose message changed with the date is neither new nor fixed
expect_no_out "UN-01"
# what the documents say changed between 2027-01-15 and 2027-04-10: new are what fell due
# (Växjö's plan unreviewed into its implementation phase, a7 overdue, no follow-up in the
# month after launch; Kungsbacka's a3 overdue; Onsala's risk action #1), fixed are the
# connection steps, visibility checks, start checks and risk analyses then still ahead
run diff --format json "$DB@previous" "$DB@latest"
python3 - "$WORK/out" <<'EOF' || bad "diff JSON: which findings are new and fixed"
import json, sys
d = json.load(open(sys.argv[1]))
u = {x["hsa_id"]: x for x in d["units"]}
new = sorted((h, f["rule"], f["path"]) for h, x in u.items() for f in x["new_findings"])
assert new == [("SE2321000065-V031", "CP-13", "last_reviewed"),
               ("SE2321000065-V031", "CP-16", "phases.implementation.activities[id=a7]"),
               ("SE2321000065-V031", "ON-16", "follow_ups"),
               ("SE2321000115-V210", "CP-16", "phases.anchoring.activities[id=a3]"),
               ("SE2321000115V214", "ON-09", "risk_analysis.actions[1].due")], new
fixed = {h: sorted(f["rule"] for f in x["fixed_findings"]) for h, x in u.items()}
assert fixed == {
    "SE2120000803-V001": ["ON-13"] * 2 + ["ON-14"] * 2 + ["ON-15"],
    "SE2321000065-V031": ["ON-07"] + ["ON-13"] * 5 + ["ON-14"] * 2 + ["ON-15", "ON-18"],
    "SE2321000115-V210": ["ON-13"] * 4 + ["ON-18"],
    "SE2321000115V214": ["ON-07"] + ["ON-13"] * 5 + ["ON-14"] * 2,
    "SE2321000255-V014": ["ON-07"] + ["ON-13"] * 5 + ["ON-14"] * 2 + ["ON-15", "ON-18"]}, fixed
assert "SE2321000222-V077" not in u, u.keys()  # Umeå: the same findings, not ready either time
assert d["summary"]["new_findings"] == len(new) and d["summary"]["fixed_findings"] == sum(map(len, fixed.values()))
EOF
finish

start "diff: JSON reports give the same changes as the database; @DATE names an audit"
run diff "$WORK/jan.json" "$WORK/apr.json"
expect_code 1
tail -n +2 "$WORK/out" >"$WORK/from-json"
run diff "$DB@2027-01-15" "$DB@2027-04-10"
tail -n +2 "$WORK/out" >"$WORK/from-db"
check "the same diff from JSON reports and from the database" cmp -s "$WORK/from-json" "$WORK/from-db"
run diff "$WORK/apr.json" "$DB@latest"
expect_code 0
expect_out "6 units compared: 0 newly ready, 0 newly blocked, 0 new findings, 0 fixed, 0 launch dates moved, 0 units added, 0 gone"
"$SK" check --only UN-01 --as-of 2027-02-01 --format json -o "$WORK/one.json" "$R/ready.yaml" >/dev/null
run diff "$WORK/one.json" "$WORK/one.json"
expect_code 0
expect_out "1 unit compared: 0 newly ready, 0 newly blocked, 0 new findings, 0 fixed, 0 launch dates moved, 0 units added, 0 gone"
STARTKLAR_I18N_STRICT=1 run diff --lang sv "$WORK/one.json" "$WORK/one.json"
expect_out "1 enhet jämförd: 0 nu redo, 0 nu stoppade, 0 nya brister, 0 åtgärdade, 0 flyttade startdatum, 0 nya enheter, 0 borta"
run diff "$DB@2027-02-01" "$DB@latest"
expect_code 2
expect_err "history database: no audit as of 2027-02-01"
run diff "$DB" "$DB@latest"
expect_code 2
expect_err "not a JSON report"
finish

start "diff: launch dates moved, units added and gone, newly blocked (JSON and Markdown)"
mkdir -p "$WORK/a" "$WORK/b"
cp "$R/ready.yaml" "$R/blocked.yaml" "$WORK/a/"
sed 's/2027-03-01/2027-04-01/' "$R/ready.yaml" >"$WORK/b/ready.yaml" # both documents move the launch
# a new unit whose plan names another service than its checklist
sed '0,/Stöd och behandling$/s//Journalen/; s/R001/R002/; s/Enheten Redo/Enheten Ny/' "$R/ready.yaml" >"$WORK/b/new.yaml"
"$SK" check --only UN-01 --as-of 2027-02-01 --format json -o "$WORK/a.json" "$WORK/a" >/dev/null
"$SK" check --only UN-01 --as-of 2027-02-01 --format json -o "$WORK/b.json" "$WORK/b" >/dev/null
run diff --format json "$WORK/a.json" "$WORK/b.json"
expect_code 1
python3 - "$WORK/out" <<'EOF' || bad "diff JSON"
import json, sys
d = json.load(open(sys.argv[1]))
u = {x["hsa_id"]: x for x in d["units"]}
assert u["SE0000000000-R001"]["launch_date"] == {"old": "2027-03-01", "new": "2027-04-01"}, u["SE0000000000-R001"]
assert u["SE0000000000-R001"]["launch_date_moved"] is True
assert u["SE0000000000-B001"]["change"] == "gone" and u["SE0000000000-B001"]["fixed_findings"][0]["rule"] == "UN-01"
assert u["SE0000000000-R002"]["change"] == "added"
assert u["SE0000000000-R002"]["new_findings"][0]["path"] == "service", u["SE0000000000-R002"]
assert d["summary"] == {"units": 3, "newly_ready": 0, "newly_blocked": 0, "new_findings": 1, "fixed_findings": 1,
                        "launch_dates_moved": 1, "units_added": 1, "units_gone": 1}, d["summary"]
EOF
run diff "$WORK/a.json" "$WORK/b.json"
expect_out "3 units compared: 0 newly ready, 0 newly blocked, 1 new finding, 1 fixed, 1 launch date moved, 1 unit added, 1 gone"
STARTKLAR_I18N_STRICT=1 run diff --lang sv "$WORK/a.json" "$WORK/b.json"
expect_out "3 enheter jämförda: 0 nu redo, 0 nu stoppade, 1 ny brist, 1 åtgärdad, 1 flyttat startdatum, 1 ny enhet, 1 borta"
expect_no_out "untranslated"
# the ready unit's plan now names another service than its checklist: newly blocked
python3 - "$R/ready.yaml" "$WORK/b/ready.yaml" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
plan, onboarding = text.split("---\n")
open(sys.argv[2], "w", encoding="utf-8").write(plan.replace("Stöd och behandling", "Journalen") + "---\n" + onboarding)
EOF
"$SK" check --only UN-01 --as-of 2027-02-01 --format json -o "$WORK/b.json" "$WORK/b" >/dev/null
run diff --format markdown "$WORK/a.json" "$WORK/b.json"
expect_code 1
expect_out "## SE0000000000-R001 Enheten Redo"
expect_out "- **NEWLY BLOCKED**"
expect_out "- rollout: ready -> at risk"
expect_out "| Newly blocked | 1 |"
run diff "$WORK/a.json" "$WORK/b.json"
# R001 newly blocked by its own new UN-01; R002 added with one; B001 gone with its fixed
expect_out "3 units compared: 0 newly ready, 1 newly blocked, 2 new findings, 1 fixed, 0 launch dates moved, 1 unit added, 1 gone"
STARTKLAR_I18N_STRICT=1 run diff --lang sv "$WORK/a.json" "$WORK/b.json"
expect_out "3 enheter jämförda: 0 nu redo, 1 nu stoppad, "
finish

start "record with a baseline: known gaps are ready in the rollout, counted apart; stable paths are the identity"
KDB=$WORK/known.db
run check --as-of 2027-04-10 --write-baseline "$WORK/known-baseline.yaml" "$ROOT/examples"
expect_code 0
run check --as-of 2027-04-10 --baseline "$WORK/known-baseline.yaml" --record "$KDB" --format json -o "$WORK/known.json" "$ROOT/examples"
expect_code 0
python3 - "$KDB" "$WORK/known.json" <<'EOF' || bad "known gaps in the history"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
report = json.load(open(sys.argv[2]))
a = db.execute("SELECT units, passed, failed, errored, known_gaps, ready, at_risk, not_ready, launched_not_ready "
               "FROM audit").fetchall()
assert a == [(6, 1, 0, 0, 5, 6, 0, 0, 0)], a
units = {h: (s, r) for h, s, r in db.execute("SELECT hsa_id, status, rollout FROM unit_result")}
assert units == {u["hsa_id"]: (u["status"], u["rollout"]) for u in report["units"]}, units
assert units["SE2321000065-V031"] == ("known_gaps", "ready"), units
# a finding in a list is recorded by its stable path, as the report and the baseline key it
f = db.execute("SELECT path, stable_path FROM finding WHERE hsa_id = 'SE2321000065-V031' AND rule = 'CP-04'").fetchall()
assert f == [("target_groups[2]", "target_groups[id=vardnadshavare]")], f
recorded = sorted(db.execute("SELECT hsa_id, rule, stable_path FROM finding").fetchall())
assert recorded == sorted((u["hsa_id"], f["rule"], f["stable_path"]) for u in report["units"] for f in u["findings"])
EOF
run history --format json "$KDB"
python3 - "$WORK/out" <<'EOF' || bad "history JSON: known_gaps"
import json, sys
a = json.load(open(sys.argv[1]))["audits"][0]
assert (a["passed"], a["known_gaps"], a["rollout"]["ready"]) == (1, 5, 6), a
EOF
# diff: a unit that failed and now has only known gaps passes the gate: newly ready
run diff "$WORK/apr.json" "$WORK/known.json"
expect_code 1
expect_out "6 units compared: 5 newly ready, 0 newly blocked, 0 new findings, 0 fixed, 0 launch dates moved, 0 units added, 0 gone"
# a run stopped before judging any unit records nothing
run check --as-of 2027-04-10 --only NOPE-99 --record "$KDB" "$ROOT/examples"
expect_code 2
expect_out "Nothing was judged"
python3 -c 'import sqlite3,sys; assert sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM audit").fetchone()[0] == 1' "$KDB" ||
  bad "a run that judged nothing was recorded"
finish

start "the schema: a newer version is refused, a database of another program is upgraded in place"
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("PRAGMA user_version = 7"); d.commit()' "$WORK/future.db"
run check --only UN-01 --as-of 2027-02-01 --record "$WORK/future.db" "$R/ready.yaml"
expect_code 2
expect_err "schema version 7 is newer than this startklar knows (3)"
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("CREATE TABLE notes (text TEXT)"); d.execute("INSERT INTO notes VALUES (?)", ("keep me",)); d.commit()' "$WORK/old.db"
run check --only UN-01 --as-of 2027-02-01 --record "$WORK/old.db" "$R/ready.yaml"
expect_code 0
python3 - "$WORK/old.db" <<'EOF' || bad "upgrade in place"
import sqlite3, sys
d = sqlite3.connect(sys.argv[1])
assert d.execute("PRAGMA user_version").fetchone()[0] == 3
assert d.execute("SELECT text FROM notes").fetchall() == [("keep me",)]
assert d.execute("SELECT count(*) FROM audit").fetchone()[0] == 1
EOF
echo "not a database" >"$WORK/text.db"
run check --only UN-01 --as-of 2027-02-01 --record "$WORK/text.db" "$R/ready.yaml"
expect_code 2
expect_err "history database: cannot"
# a version-1 history (no owner column) is upgraded to 3: its audits stay,
# their findings with no owner (NULL), the new audit's with theirs
# older DB VERSION COLUMN...: DB as startklar VERSION wrote it, without the finding columns added since
older() {
  python3 - "$@" <<'EOF'
import sqlite3, sys
d = sqlite3.connect(sys.argv[1])
for column in sys.argv[3:]:
    d.execute("ALTER TABLE finding DROP COLUMN " + column)
d.execute("PRAGMA user_version = %d" % int(sys.argv[2]))
d.commit()
EOF
}
cp "$DB" "$WORK/v1.db"
older "$WORK/v1.db" 1 owner message_id data
run check --as-of 2027-04-11 --record "$WORK/v1.db" "$ROOT/examples"
expect_code 1
python3 - "$WORK/v1.db" <<'EOF' || bad "upgrade from version 1"
import sqlite3, sys
d = sqlite3.connect(sys.argv[1])
assert d.execute("PRAGMA user_version").fetchone()[0] == 3
by_audit = dict(d.execute("SELECT a.as_of, count(f.owner) FROM audit a JOIN finding f ON f.audit_id = a.id GROUP BY a.id"))
assert by_audit["2027-01-15"] == 0 and by_audit["2027-04-10"] == 0 and by_audit["2027-04-11"] > 0, by_audit
EOF
# a version-2 history (no message id nor values: the schema main's startklar
# wrote) is upgraded to 3: its findings keep NULL and show the message as
# recorded in any language; a new audit's findings render in --lang; the same
# findings, one side recorded and one rendered, are no change
cp "$DB" "$WORK/v2.db"
older "$WORK/v2.db" 2 message_id data
run check --as-of 2027-04-10 --record "$WORK/v2.db" "$ROOT/examples"
expect_code 1
python3 - "$WORK/v2.db" <<'EOF' || bad "upgrade from version 2"
import json, sqlite3, sys
d = sqlite3.connect(sys.argv[1])
assert d.execute("PRAGMA user_version").fetchone()[0] == 3
rows = d.execute("SELECT a.id, count(*), count(f.message_id), count(f.data) FROM audit a "
                 "JOIN finding f ON f.audit_id = a.id GROUP BY a.id ORDER BY a.id").fetchall()
assert [r[2:] for r in rows] == [(0, 0), (0, 0), (rows[2][1], rows[2][1])], rows
# the values, as the JSON report writes them
f = d.execute("SELECT message_id, data FROM finding WHERE audit_id = 3 AND rule = 'CP-13'").fetchone()
assert f[0] == "too_old" and json.loads(f[1]) == {"age": 131, "limit": 90, "reviewed": "2026-11-30",
                                                  "start": "2027-03-01", "today": "2027-04-10"}, f
assert list(json.loads(f[1])) == sorted(json.loads(f[1])), f
EOF
run diff --lang sv "$WORK/v2.db@previous" "$WORK/v2.db@latest"
expect_code 0
expect_out "6 enheter jämförda: 0 nu redo, 0 nu stoppade, 0 nya brister, 0 åtgärdade, 0 flyttade startdatum, 0 nya enheter, 0 borta"
run diff --lang sv "$WORK/v2.db@2027-01-15" "$WORK/v2.db@latest"
expect_code 1
cp "$WORK/out" "$WORK/v2-diff"
# fixed: recorded at version 2, in English; new: recorded at 3, in Swedish
expect_out "  åtgärdad ON-13 fel $ROOT/examples/vc-visby-ready/onboarding.yaml connection.roles_assigned: connection step 4, roles_assigned (the other roles are assigned) 2027-01-20, lies after today 2027-01-15, so it is not done yet; the unit must be connected before launch"
expect_out "  ny    ON-09 fel $ROOT/examples/region-halland/onboarding/onsala.yaml risk_analysis.actions[1].due: riskåtgärd #1 'Samordningsrutin med smärtrehabiliteringen i Halmstad' är fortfarande öppen"
run diff --lang sv "$WORK/v2.db@2027-01-15" "$WORK/v2.db@latest"
check "diff of a version-2 audit: the same bytes twice" cmp -s "$WORK/v2-diff" "$WORK/out"
# rules that do not load: the changes are still written, the exit code says 2
run diff --rules "$WORK/no-such-rules" "$WORK/v2.db@2027-01-15" "$WORK/v2.db@latest"
expect_code 2
expect_err "no-such-rules"
expect_out "6 units compared: 1 newly ready, 0 newly blocked, 5 new findings, 38 fixed"
finish

start "a run killed with SIGKILL while recording leaves the earlier audits, and the next run records"
python3 - "$ROOT/examples/bup-vaxjo" "$WORK/corpus" 2500 <<'EOF'
import os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = {f: open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src))}
for i in range(n):
    d = os.path.join(dst, "u%05d" % i)
    os.makedirs(d)
    for f, text in files.items():
        open(os.path.join(d, f), "w", encoding="utf-8").write(text.replace("SE2321000065-V031", "SE9%011d-K%03d" % (i, i % 1000)))
EOF
cp "$DB" "$WORK/before.db"
"$SK" audit --as-of 2027-05-01 --jobs 2 --record "$DB" --format jsonl "$WORK/corpus" >"$WORK/killed.jsonl" 2>/dev/null &
pid=$!
for _ in $(seq 1 600); do
  [ -e "$DB-journal" ] && [ -s "$WORK/killed.jsonl" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$pid" 2>/dev/null && [ -e "$DB-journal" ] && [ -s "$WORK/killed.jsonl" ]; then
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  echo "     killed after $(wc -l <"$WORK/killed.jsonl") findings were reported"
else
  wait "$pid" 2>/dev/null
  bad "the audit ended before it could be killed mid-recording (corpus too small?)"
fi
run history "$DB"
expect_code 0
check "the killed audit is not in the history" [ "$(grep -c '^20' "$WORK/out")" = 2 ]
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); assert d.execute("PRAGMA integrity_check").fetchone()[0]=="ok"; assert d.execute("SELECT count(*) FROM unit_result").fetchone()[0]==12' "$DB" ||
  bad "the database after the kill"
run check --only UN-01 --as-of 2027-05-01 --record "$DB" "$R/ready.yaml"
expect_code 0
run history "$DB"
expect_out_re "^2027-05-01  default +1 +1 +0 +0 +0 "
finish

start "html: the at-risk list keeps the 200 most urgent of 2500 units launched and not ready, and counts the rest"
run audit --as-of 2027-05-01 --jobs 2 --format html "$WORK/corpus"
python3 - "$WORK/out" <<'EOF' || bad "the list's cap"
import sys
page = open(sys.argv[1], encoding="utf-8").read()
risk = page[page.index('id="at-risk"'):page.index('id="timeline"')]
assert risk.count("<tr><td><strong>") == 200, risk.count("<tr><td><strong>")
assert "... and 2300 more units at risk or launched and not ready" in risk
assert page.count('<tbody class="unit"') == 2500
EOF
finish

summary
