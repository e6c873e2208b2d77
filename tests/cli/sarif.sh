#!/usr/bin/env bash
# sarif.sh: the SARIF report as GitHub code scanning takes it. Microsoft's
# SARIF Multitool (npm @microsoft/sarif-multitool, installed by the README's
# test command into BUILD/npm) validates with GitHub's rules and SARIF's own
# (--rule-kind "Gh;Sarif") four runs: findings, input and rule errors; the
# same with absolute paths; a baseline with known and waived findings; and
# expired and stale waivers with a baseline entry fixed since. Each must give
# no error and no warning. Without the multitool the test FAILS: the README's
# test command installs it. Then python3 checks what the validator does not:
# relative URIs with %SRCROOT%, a help object per rule, no relative helpUri,
# waivers as suppressions, expired and stale waivers as notifications.
# Usage: sarif.sh PATH/TO/startklar TESTS_DIR NPM_PREFIX
set -u
SK=$(realpath "$1")
TESTS=$(realpath "$2")
NPM=$3
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 # the multitool then needs no libicu

# The multitool's native binary: the npm wrapper (bin.js) passes its arguments
# through a shell, which would split "Gh;Sarif" at the ';'.
MT=$(cd "$NPM" 2>/dev/null && node -p "require('@microsoft/sarif-multitool')" 2>/dev/null)

# validate NAME FILE: the multitool's verdict on FILE, errors and warnings listed
validate() {
  local dir=$WORK/val-$1
  mkdir -p "$dir"
  cp "$2" "$dir/$1.sarif"
  (cd "$dir" && "$MT" validate --rule-kind "Gh;Sarif" --log ForceOverwrite -o "$dir/result.sarif" "$1.sarif") \
    >"$dir/log" 2>&1 || { bad "$1: the multitool failed: $(tail -5 "$dir/log")"; return; }
  python3 - "$dir/result.sarif" >"$WORK/why" 2>&1 <<'EOF' || bad "$1: $(cat "$WORK/why")"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8-sig"))
found = [(r.get("level", "warning"), r.get("ruleId"), r["message"].get("text", r["message"].get("id", "")))
         for run in log["runs"] for r in run.get("results", [])]
serious = [f for f in found if f[0] in ("error", "warning")]
notes = [n for run in log["runs"] for inv in run.get("invocations", [])
         for n in inv.get("toolExecutionNotifications", []) if n.get("level") == "error"]
assert not notes, "the multitool could not run: %s" % notes[:3]
assert not serious, "%d error(s)/warning(s), e.g. %s" % (len(serious), serious[:3])
EOF
}

# every run in a copy of the test data, from the copy's top: the paths are relative
mkdir -p "$WORK/src"
cp -r "$DATA" "$WORK/src/data"
cp -r "$TESTS/bad" "$WORK/src/bad"
cd "$WORK/src" || exit 2
cat >expired.yaml <<'EOF'
kind: waivers
version: 1
waivers:
  - {rule: CP-02, unit: SE2321000222-V001, path: "target_groups[id=chefer]", reason: Chefsgruppen får ägare i mars,
     approved_by: Eva Lind, expires: 2027-03-01}
  - {rule: CP-02, unit: SE2321000222-V001, path: "target_groups[id=finns-inte]", reason: Ingen sådan grupp,
     approved_by: Eva Lind, expires: 2027-06-01}
EOF
cat >waive-patienter.yaml <<'EOF'
kind: waivers
version: 1
waivers:
  - {rule: CP-02, unit: SE2321000222-V001, path: "target_groups[id=patienter]", reason: Patientgruppen får ägare i maj,
     approved_by: Eva Lind, expires: 2027-04-20}
EOF
P=data/policy
"$SK" check --as-of 2027-04-10 --only CP-02 --write-baseline known.yaml "$P/two-gaps.yaml" >/dev/null 2>&1
"$SK" check --as-of 2027-04-10 --only CP-02 --write-baseline known1.yaml "$P/one-gap.yaml" >/dev/null 2>&1
"$SK" check --as-of 2027-04-10 --rules data/failing-rule --format sarif -o "$WORK/findings.sarif" data bad 2>/dev/null
"$SK" check --as-of 2027-04-10 --rules data/failing-rule --format sarif -o "$WORK/absolute.sarif" "$PWD/data" 2>/dev/null
"$SK" check --as-of 2027-04-10 --only CP-02 --baseline known1.yaml --waivers waive-patienter.yaml \
  --format sarif -o "$WORK/policy.sarif" "$P/two-gaps.yaml" 2>/dev/null
# the baseline of two gaps, checked against a plan with one: the other is fixed since
"$SK" check --as-of 2027-04-10 --only CP-02 --baseline known.yaml --waivers expired.yaml \
  --format sarif -o "$WORK/expired.sarif" "$P/one-gap.yaml" 2>/dev/null
"$SK" check --as-of 2027-04-10 --lang sv --format sarif -o "$WORK/swedish.sarif" data/cp02 2>/dev/null

start "the SARIF Multitool is installed (the README's test command installs it)"
if [ -z "$MT" ] || [ ! -x "$MT" ]; then
  bad "no @microsoft/sarif-multitool below $NPM: run npm install --prefix $NPM @microsoft/sarif-multitool"
else
  "$MT" --version >"$WORK/version" 2>&1 || bad "the multitool does not run: $(cat "$WORK/version")"
fi
finish

if [ -n "$MT" ] && [ -x "$MT" ]; then
  for name in findings absolute policy expired swedish; do
    start "sarif-multitool validate --rule-kind Gh;Sarif: $name: no error, no warning"
    [ -s "$WORK/$name.sarif" ] || bad "no report"
    validate "$name" "$WORK/$name.sarif"
    finish
  done
fi

start "sarif: relative URIs from %SRCROOT%, a help object per rule, no relative helpUri"
python3 - "$WORK" <<'EOF' >"$WORK/why" 2>&1 || bad "$(cat "$WORK/why")"
import json, os, sys
w = sys.argv[1]
def load(name):
    return json.load(open(os.path.join(w, name + ".sarif"), encoding="utf-8"))["runs"][0]
for name in ("findings", "absolute", "policy", "expired", "swedish"):
    run = load(name)
    assert "%SRCROOT%" in run["originalUriBaseIds"], name
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith(("file:///", "https://")), driver["informationUri"]
    for r in driver["rules"]:
        assert "helpUri" not in r, r["id"]
        assert "name" not in r, r["id"]
        assert r["help"]["text"] and r["help"]["markdown"].startswith("**"), r["id"]
    # the findings' files are below the working directory: relative to it
    for l in [l for res in run["results"] for l in res.get("locations", [])]:
        a = l["physicalLocation"]["artifactLocation"]
        assert a["uriBaseId"] == "%SRCROOT%" and not a["uri"].startswith(("/", "file:", "./")), (name, a)
    # an error may be in a built-in plugin, outside it: then an absolute file:// URI
    for l in [l for inv in run["invocations"] for n in inv["toolExecutionNotifications"] for l in n.get("locations", [])]:
        a = l["physicalLocation"]["artifactLocation"]
        assert (a.get("uriBaseId") == "%SRCROOT%" and not a["uri"].startswith(("/", "file:", "./"))) or \
            ("uriBaseId" not in a and a["uri"].startswith("file:///")), (name, a)
# an absolute path inside the working directory is written relative to it
absolute = load("absolute")
assert absolute["results"] and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                                   .startswith("data/") for r in absolute["results"])
# a rule's help holds its explanation and its parameters
rules = {r["id"]: r for r in load("findings")["tool"]["driver"]["rules"]}
cp02 = rules["CP-02"]
assert cp02["fullDescription"]["text"].strip()[:40] in cp02["help"]["text"]
with_params = [r for r in rules.values() if "`" in r["help"]["markdown"]]
assert with_params, "no rule's help lists parameters"
# Swedish: the help in Swedish too
sv = {r["id"]: r for r in load("swedish")["tool"]["driver"]["rules"]}
assert sv["CP-02"]["help"]["text"] != cp02["help"]["text"], "the Swedish help is English"
# waivers: a suppression; expired and stale waivers: notifications at the waivers file
policy = load("policy")
assert any(r.get("suppressions") for r in policy["results"]), "no suppression"
assert {r.get("baselineState") for r in policy["results"]} >= {"new", "unchanged"}
expired = load("expired")
notes = expired["invocations"][0]["toolExecutionNotifications"]
texts = [n["message"]["text"] for n in notes]
assert any("expired on 2027-03-01" in t for t in texts), texts
assert any("stale" in t for t in texts), texts
assert all(n["level"] == "warning" for n in notes)
assert all(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("expired.yaml") for n in notes)
assert any(r.get("baselineState") == "absent" for r in expired["results"]), "no fixed entry"
EOF
finish

start "sarif: an absolute path outside the working directory stays a file:// URI"
(cd "$WORK" && "$SK" check --as-of 2027-04-10 --format sarif "$WORK/src/data/cp02") >"$WORK/inside.sarif" 2>/dev/null
grep -qF '"uri": "src/data/cp02/plan.yaml", "uriBaseId": "%SRCROOT%"' "$WORK/inside.sarif" || bad "inside: $(grep -m1 '"uri"' "$WORK/inside.sarif")"
(cd "$TESTS" && "$SK" check --as-of 2027-04-10 --format sarif "$WORK/src/data/cp02") >"$WORK/outside.sarif" 2>/dev/null
grep -qF "\"uri\": \"file://$WORK/src/data/cp02/plan.yaml\"}" "$WORK/outside.sarif" || bad "outside: $(grep -m1 '"uri"' "$WORK/outside.sarif")"
finish

summary
