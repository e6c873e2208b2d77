#!/usr/bin/env bash
# dashboard.sh: who is to act, and the statement for the case file. The
# owner of a finding (report{ owner = ... }, else the nearest `owner` on its
# path, else the unit's team.manager) in the HTML page's to-do view; and
# --format statement: a page per unit with the state, the open findings and
# their owners, the waivers with their approvers and the SHA-256 of the
# inputs, which sha256sum must agree with. (The page in a real browser:
# browser.sh.)
# Usage: dashboard.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# the to-do view's owners and their findings, as python reads the page
todo() {
  python3 - "$WORK/out" <<'EOF'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
todo = page[page.index('<section id="todo"'):]
todo = todo[:todo.index("</section>")]
for block in re.findall(r'<details class="owner".*?</details>', todo, re.S):
    owner = html.unescape(re.search(r"<summary><strong>(.*?)</strong>", block).group(1))
    for row in re.findall(r"<tr><td>([^<]*)</td><td class=\"sev [a-z]+\">[^<]*</td><td><strong>([^<]*)</strong></td><td>(.*?)</td>", block):
        print("%s | %s | %s | %s" % (owner, row[0], row[1], html.unescape(row[2])))
EOF
}

start "to do: the nearest owner on the finding's path, the plan's own, the unit's manager"
run check --as-of 2027-04-10 --format html "$ROOT/examples"
expect_code 1
todo >"$WORK/todo"
# CP-02 on a target group without an owner: the plan's own owner is to act
python3 - "$WORK/todo" "$ROOT/examples/bup-vaxjo/plan.yaml" <<'EOF' || bad "CP-02's owner: $(grep CP-02 "$WORK/todo")"
import sys, yaml
plan = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
group = [g for g in plan["target_groups"] if g["id"] == "elevhalsan"][0]
assert not group.get("owner") and plan["owner"]
rows = [l.rstrip("\n").split(" | ", 3) for l in open(sys.argv[1], encoding="utf-8")]
mine = [r for r in rows if r[2] == "CP-02" and "'elevhalsan'" in r[3]]
assert mine and all(r[0] == plan["owner"] for r in mine), mine
EOF
python3 - "$WORK/todo" "$ROOT/examples" <<'EOF' || bad "owners: $(head -c 1500 "$WORK/todo")"
import sys, yaml, glob, os
rows = [l.rstrip("\n").split(" | ", 3) for l in open(sys.argv[1], encoding="utf-8")]
assert rows, "the to-do view is empty"
# every named owner is a name the documents give as an owner or a manager
names = set()
def walk(n):
    if isinstance(n, dict):
        for k, v in n.items():
            if k in ("owner", "manager") and isinstance(v, str):
                names.add(v)
            walk(v)
    elif isinstance(n, list):
        for v in n:
            walk(v)
for f in glob.glob(os.path.join(sys.argv[2], "**", "*.yaml"), recursive=True):
    for d in yaml.safe_load_all(open(f, encoding="utf-8")):
        walk(d)
unknown = {r[0] for r in rows} - names - {"(no owner named in the documents)"}
assert not unknown, unknown
EOF
finish

start "to do: each person's errors first; the at-risk list names the owner of each blocking finding"
run check --as-of 2027-04-10 --format html "$ROOT/examples"
python3 - "$WORK/out" <<'EOF' || bad "the order or the at-risk owners"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
todo = page[page.index('<section id="todo"'):]
rank = {"error": 0, "warning": 1, "info": 2}
for block in re.findall(r'<details class="owner".*?</details>', todo[:todo.index("</section>")], re.S):
    sev = [rank[s] for s in re.findall(r'<td class="sev ([a-z]+)">', block)]
    assert sev == sorted(sev), sev
risk = page[page.index('id="at-risk"'):page.index('id="timeline"')]
assert re.search(r"<strong>ON-09</strong> risk action #1[^<]*<small class=\"muted\">owner: [^<]+</small>", risk), risk[:1500]
EOF
finish

start "to do: a rule names the owner with report{ owner = ... }; an owner that is no name is the rule's error"
mkdir -p "$WORK/rules" "$WORK/bad-rules"
cat >"$WORK/rules/own.lua" <<'EOF'
return {
  id = "OWN-01",
  severity = "error",
  applies_to = "communication-plan",
  title = "A rule that names who is to act",
  check = function(doc, report)
    report { path = { "target_groups", 1 }, message = "the regional communicator reviews this plan",
             owner = "Regionens kommunikatör" }
    report { path = { "target_groups", 2 }, message = "derived from the document" }
  end,
}
EOF
cat >"$WORK/bad-rules/own.lua" <<'EOF'
return {
  id = "OWN-02",
  severity = "error",
  applies_to = "communication-plan",
  title = "A rule that names no one",
  check = function(doc, report)
    report { path = { "owner" }, message = "an owner that is a number", owner = 42 }
  end,
}
EOF
run check --as-of 2027-04-10 --only OWN- --rules "$WORK/rules" --format html "$DATA/cp02"
expect_code 1
todo >"$WORK/todo"
grep -qxF "Regionens kommunikatör | SE2321000222-V001 | OWN-01 | the regional communicator reviews this plan" "$WORK/todo" ||
  bad "the rule's owner: $(cat "$WORK/todo")"
# target group 2 (chefer) names no owner: the plan's owner
grep -qxF "Karin Ek, kommunikatör | SE2321000222-V001 | OWN-01 | derived from the document" "$WORK/todo" ||
  bad "the plan's owner: $(cat "$WORK/todo")"
expect_out ' owner: Regionens kommunikatör</small>'
run check --as-of 2027-04-10 --only OWN- --rules "$WORK/bad-rules" "$DATA/cp02"
expect_code 2
expect_out "report{}: 'owner' must be a name (a non-empty string)"
finish

start "to do: the unit's manager when the path holds no owner; in Swedish"
mkdir -p "$WORK/unit"
sed -n '/^kind: unit-onboarding/,$p' "$ROOT/examples/vc-visby-ready/onboarding.yaml" >"$WORK/unit/onboarding.yaml"
cat >"$WORK/rules/team.lua" <<'EOF'
return {
  id = "OWN-03",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = "A finding on the routines",
  check = function(doc, report)
    report { path = { "routines" }, message = "the routines need a review" }
  end,
}
EOF
run check --as-of 2027-04-10 --only OWN-03 --rules "$WORK/rules" --format html "$WORK/unit"
todo >"$WORK/todo"
manager=$(python3 -c 'import sys,yaml; print(yaml.safe_load(open(sys.argv[1]))["team"]["manager"])' "$WORK/unit/onboarding.yaml")
grep -qxF "$manager | SE2120000803-V001 | OWN-03 | the routines need a review" "$WORK/todo" ||
  bad "the manager ($manager): $(cat "$WORK/todo")"
run check --lang sv --as-of 2027-04-10 --only OWN-03 --rules "$WORK/rules" --format html "$WORK/unit"
expect_out "Att göra, per ansvarig"
expect_out "ansvarig: $manager"
finish

start "the owner of each finding in JSON, JSONL, CSV and the history: the to-do view's"
run check --as-of 2027-04-10 --format html "$ROOT/examples"
todo >"$WORK/todo"
run check --as-of 2027-04-10 --format json -o "$WORK/r.json" --record "$WORK/owners.db" "$ROOT/examples"
run check --as-of 2027-04-10 --format jsonl -o "$WORK/r.jsonl" "$ROOT/examples"
run check --as-of 2027-04-10 --format csv -o "$WORK/r.csv" "$ROOT/examples"
python3 - "$WORK/todo" "$WORK/r.json" "$WORK/r.jsonl" "$WORK/r.csv" "$WORK/owners.db" <<'EOF' || bad "owners"
import collections, csv, json, sqlite3, sys
NONE = "(no owner named in the documents)"
todo = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    owner, unit, rule, message = line.rstrip("\n").split(" | ", 3)
    todo[(unit, rule, message, None if owner == NONE else owner)] += 1
report = json.load(open(sys.argv[2], encoding="utf-8"))
found = [(u["hsa_id"], f) for u in report["units"] for f in u["findings"]]
assert all("owner" in f for _, f in found), "a finding without the owner field"
assert any(f["owner"] for _, f in found) and any(f["owner"] is None for _, f in found)
# the open findings (neither waived nor known) are the to-do view's rows, owners and all
open_ = collections.Counter((u, f["rule"], f["message"], f["owner"]) for u, f in found
                            if not f["waived"] and not f["known"])
assert open_ == todo, (open_ - todo, todo - open_)
key = lambda u, f: (u, f["rule"], f["file"], f["line"], f["column"], f["message"])
owners = {key(u, f): f["owner"] for u, f in found}
lines = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
jl = {key(l["unit"], l): l["owner"] for l in lines if "rule" in l and "unit" in l and "owner" in l}
assert jl == owners, "jsonl"
rows = list(csv.DictReader(open(sys.argv[4], encoding="utf-8-sig", newline="")))
cs = {(r["unit"], r["rule"], r["file"], int(r["line"]), int(r["column"]), r["message"]): r["owner"] or None
      for r in rows if r["status"] not in ("error", "warning", "fixed")}
assert cs == owners, "csv"
db = sqlite3.connect(sys.argv[5])
hs = {(h, r, f, l, c, m): o for h, r, f, l, c, m, o in
      db.execute("SELECT hsa_id, rule, file, line, column, message, owner FROM finding")}
assert hs == owners, "history"
EOF
finish

start "statement: a page per unit, state, open findings with owners, waivers with their approver"
run check --as-of 2027-04-10 --only CP-02,ON- --waivers "$DATA/policy/waivers.yaml" --format statement "$DATA/cp02" "$ROOT/examples/vc-ahus"
expect_code 1
python3 - "$WORK/out" <<'EOF' || bad "the statement"
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
assert "<script" not in page and "@page{size:A4" in page
sections = re.findall(r'<section class="statement" data-id="([^"]+)">(.*?)</section>', page, re.S)
assert [s[0] for s in sections] == ["SE2321000222-V001", "SE2321000255-V014"], [s[0] for s in sections]
visby = html.unescape(re.sub(r"<[^>]+>", " ", sections[0][1]))
visby = re.sub(r"\s+", " ", visby)
assert "As of 2027-04-10" in visby and "Profile default" in visby, visby[:400]
# the waiver of target group 2, with its approver and expiry; target group 3 is still open
assert "Chefsgruppen får ägare när den nya verksamhetschefen tillträder i maj Eva Lind 2027-06-30" in visby, visby
assert "Open findings 0 errors, 0 warnings, 0 info" in visby and "Open findings None." in visby, visby
ahus = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", sections[1][1])))
assert "State not ready ; launched, not ready" in ahus and "Waivers None." in ahus, ahus[:600]
assert "owner: Ingrid Persson" in ahus, ahus
assert "section.statement:last-of-type{break-after:auto}" in page and "break-after:page" in page
EOF
finish

start "statement: the SHA-256 of each input and of the list is what sha256sum says"
run check --as-of 2027-04-10 --format statement "$ROOT/examples/vc-visby-ready"
expect_code 0
(cd "$ROOT" && sha256sum examples/vc-visby-ready/onboarding.yaml examples/vc-visby-ready/plan.yaml \
   examples/vc-visby-ready/social-media.yaml) >"$WORK/sums"
(cd "$ROOT" && "$SK" check --as-of 2027-04-10 --format statement examples/vc-visby-ready) >"$WORK/rel.html"
while read -r hash file; do
  grep -qF "<td class=\"hash\">$hash</td><td>$(stat -c %s "$ROOT/$file")</td><td class=\"hash\">$file</td>" "$WORK/rel.html" ||
    bad "no $hash for $file"
done <"$WORK/sums"
all=$(sha256sum <"$WORK/sums" | cut -d' ' -f1)
grep -qF "$all" "$WORK/rel.html" || bad "the hash of the list is not $all"
"$SK" check --as-of 2027-04-10 --format statement "$ROOT/examples/vc-visby-ready" | cmp -s - "$WORK/out" ||
  bad "not byte-identical from run to run"
finish

start "statement: the run's errors that name no unit close the statements, never hidden"
mkdir -p "$WORK/broken" && cp "$TESTS/cli/data/runtime/rules-loading/failing.lua" "$WORK/broken/"
printf 'kind: unit-onboarding\nversion: 1\nteam: [\n' >"$WORK/no-unit.yaml"
run check --as-of 2027-04-10 --rules "$WORK/broken" --format statement "$ROOT/examples/vc-visby-ready" "$WORK/no-unit.yaml"
expect_code 2
expect_out "These errors of the run name no unit: a statement above does not cover what could not be read or run."
expect_out "<span class=\"hash\">$WORK/no-unit.yaml:4</span> YAML syntax error"
expect_out "<span class=\"hash\">$WORK/broken/failing.lua:3</span> plugin failed while loading"
run check --as-of 2027-04-10 --profile prelaunh --format statement "$ROOT/examples/vc-visby-ready"
expect_code 2
expect_out "Nothing was judged: correct the errors listed and run again."
expect_out "there is no profile &#39;prelaunh&#39; (did you mean &#39;prelaunch&#39;?)"
run check --lang sv --as-of 2027-04-10 --rules "$WORK/broken" --format statement "$ROOT/examples/vc-visby-ready"
expect_out "Dessa fel i körningen hör inte till någon enhet"
finish

start "statement: in Swedish"
run check --lang sv --as-of 2027-04-10 --format statement "$ROOT/examples/vc-visby-ready"
expect_out "Intyg om startklarhet"
expect_out "SHA-256 för underlaget"
expect_out "Datum och underskrift"
finish

summary
