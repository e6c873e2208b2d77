#!/usr/bin/env bash
# lang.sh: --lang sv. With STARTKLAR_I18N_STRICT set, every text of the
# engine's catalogue that is missing, and every rule message that has no
# Swedish text, is marked "[untranslated"; so every message and label of
# the examples, every rule fixture, bad input, policy case, rules list and
# explain, usage error and the help must come out in Swedish. (That every
# built-in rule declares each text in sv and en, and that each renders with
# no unfilled placeholder, is `startklar test`'s own check.) Inputs are
# checked many at a time: one process per kind of run, not per file.
# Usage: lang.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export STARTKLAR_I18N_STRICT=1
translated() { ! grep -q "untranslated" "$WORK/out" "$WORK/err"; }
show_untranslated() { grep -h "untranslated" "$WORK/out" "$WORK/err" | sort -u | head -5; }

start "the examples in every human format"
for fmt in text json markdown html csv sarif github gitlab statement; do
  run check --lang sv --as-of 2027-04-10 --format "$fmt" "$ROOT/examples"
  translated || bad "$fmt: $(show_untranslated)"
done
run check --lang sv --as-of 2027-04-10 --format github "$ROOT/examples"
expect_out "anteckningar till utelämnades: högst 48 skrivs"
run check --lang sv --as-of 2027-04-10 "$ROOT/examples"
expect_out "INTE REDO"
expect_out "målgrupp"
finish

start "a unit's errors in the formats that write them with the unit: Swedish too"
# html's and statement's unit sections and junit's suites are written before
# the run's errors are translated at its end; csv labels each error's kind
for fmt in html statement junit csv; do
  run check --lang sv --as-of 2027-04-10 --format "$fmt" --rules "$DATA/failing-rule" "$DATA/cp02/plan.yaml" \
      "$DATA/tree/a/first.yaml" "$TESTS/bad"
  translated || bad "$fmt: $(show_untranslated)"
  for english in "is not an allowed value" "failed on unit" "input error" "rule error" "in this unit" "more)" \
                 "known: in"; do
    grep -qF -- "$english" "$WORK/out" && bad "$fmt: English '$english': $(grep -F -- "$english" "$WORK/out" | head -1 | cut -c1-160)"
  done
  expect_out "är inte ett tillåtet värde i"
  expect_out "regeln GOT-01 fallerade för enheten SE2321000222-T002"
done
run check --lang sv --as-of 2027-04-10 --format junit "$ROOT/examples" "$TESTS/bad"
expect_out 'fel i indata i enhetens dokument" type="input"'
expect_out " (och "
finish

start "the Swedish examples report: no English vocabulary key, no Danish level name, no decimal point"
run check --lang sv --as-of 2027-04-10 --rules "$ROOT/examples/region-rules" "$ROOT/examples"
# values of the closed vocabularies that are no key of a document, shown as
# words (a value quoted as the YAML to write, "type: final_evaluation", is no label)
sed -E 's/[a-z_]+: [a-z_0-9]+//g' "$WORK/out" >"$WORK/words"
for word in practitioner access_admin citizen_admin data_admin anchoring implementation maintenance \
            response_24_7 proactive_dialog user_involvement research_recruitment closed_patient_groups \
            direct_messages user_posts quantitative qualitative technology midterm_evaluation final_evaluation \
            staff_briefing biweekly quarterly ad_hoc; do
  grep -qw -- "$word" "$WORK/words" && bad "English vocabulary key '$word': $(grep -w -- "$word" "$WORK/words" | head -2)"
done
for word in brugerinddragelse tilgang envejskommunikation informationssøjler pårørendeinddragelse; do
  grep -qi -- "$word" "$WORK/out" && bad "Danish level name '$word': $(grep -i -- "$word" "$WORK/out" | head -2)"
done
grep -qE '[0-9]\.[0-9]' "$WORK/out" && bad "a decimal point: $(grep -E '[0-9]\.[0-9]' "$WORK/out" | head -2)"
expect_out "checklistan anger inte att budgeten är beslutad"
finish

start "junit's listing lines mark a waived or known finding in Swedish"
run check --lang sv --as-of 2027-06-20 --only CP-02 --format junit --waivers "$DATA/policy/waivers.yaml" "$DATA/cp02/plan.yaml"
expect_out "(undantag till 2027-06-30, beslutat av Eva Lind: Chefsgruppen får ägare när den nya verksamhetschefen tillträder i maj; undantaget går snart ut)"
run check --lang sv --as-of 2027-04-10 --only CP-02 --write-baseline "$WORK/cp02-baseline.yaml" "$DATA/cp02/plan.yaml"
run check --lang sv --as-of 2027-04-10 --only CP-02 --format junit --baseline "$WORK/cp02-baseline.yaml" "$DATA/cp02/plan.yaml"
expect_out "(känd: finns i baslinjen)"
expect_no_out "waived"
expect_no_out "known:"
finish

start "the rollout's words: startdatum and starten, never lansering (docs/glossary.md)"
# the engine's words; a built-in rule's explanation (SM-07, SM-18, in html) is the rule's own
launch_words() { grep -qE "lanseringsdatum|Lansering|lanserad|lanseras" "$WORK/out"; }
show_launch_words() { grep -oE ".{0,30}(lanseringsdatum|Lansering|lanserad|lanseras).{0,20}" "$WORK/out" | head -1; }
for fmt in text markdown html statement; do
  run check --lang sv --as-of 2027-04-10 --format "$fmt" "$ROOT/examples"
  launch_words && bad "$fmt: $(show_launch_words)"
done
run audit --lang sv --as-of 2027-02-10 --record "$WORK/rollout.db" "$ROOT/examples"
run audit --lang sv --as-of 2027-04-10 --record "$WORK/rollout.db" "$ROOT/examples"
launch_words && bad "audit: $(show_launch_words)"
for args in "history $WORK/rollout.db" "diff $WORK/rollout.db@previous $WORK/rollout.db@latest" \
            "diff --format markdown $WORK/rollout.db@previous $WORK/rollout.db@latest" \
            "check --as-of 2027-04-10 --format html --history $WORK/rollout.db $ROOT/examples"; do
  # shellcheck disable=SC2086
  run $args --lang sv
  translated || bad "$args: $(show_untranslated)"
  launch_words && bad "$args: $(show_launch_words)"
done
run check --lang sv --as-of 2027-04-10 --format markdown "$ROOT/examples"
expect_out "Start 2027-03-01, för 40 dagar sedan: **startad, inte redo**."
finish

start "diff of recorded audits: each finding's message in the language asked for, the same bytes every run"
# two audits recorded in English (the history keeps each finding's message id
# and values); diff renders them in --lang from the rules it loads
HDB=$WORK/lang-history.db
run audit --as-of 2027-01-15 --record "$HDB" --format json -o "$WORK/jan.json" "$ROOT/examples"
run check --as-of 2027-04-10 --record "$HDB" --format json -o "$WORK/apr.json" "$ROOT/examples"
VISBY=$ROOT/examples/vc-visby-ready/onboarding.yaml
SV_FIXED="  åtgärdad ON-13 fel $VISBY connection.roles_assigned: anslutningssteg 4, övriga roller är tilldelade (roles_assigned) 2027-01-20, ligger efter dagens datum 2027-01-15 och är alltså inte gjort än; enheten måste vara ansluten före starten"
EN_FIXED="  fixed ON-13 error $VISBY connection.roles_assigned: connection step 4, roles_assigned (the other roles are assigned) 2027-01-20, lies after today 2027-01-15, so it is not done yet; the unit must be connected before launch"
for fmt in text markdown json; do
  run diff --lang sv --format "$fmt" "$HDB@previous" "$HDB@latest"
  expect_code 1
  translated || bad "$fmt: $(show_untranslated)"
  expect_out "anslutningssteg 4, övriga roller är tilldelade ("
  expect_no_out "connection step"
  expect_no_out "lies after today"
  cp "$WORK/out" "$WORK/diff-sv-1"
  run diff --lang sv --format "$fmt" "$HDB@previous" "$HDB@latest"
  cmp -s "$WORK/diff-sv-1" "$WORK/out" || bad "diff --lang sv --format $fmt: not the same bytes twice"
done
run diff --lang sv "$HDB@previous" "$HDB@latest"
expect_out "$SV_FIXED"
expect_out "6 enheter jämförda: 1 nu redo, 0 nu stoppade, 5 nya brister, 38 åtgärdade, 0 flyttade startdatum, 0 nya enheter, 0 borta"
LANG=sv_SE.UTF-8 "$SK" diff "$HDB@previous" "$HDB@latest" >"$WORK/out" 2>"$WORK/err"
expect_out "$SV_FIXED"
run diff --lang en "$HDB@previous" "$HDB@latest"
expect_out "$EN_FIXED"
expect_out "6 units compared: 1 newly ready, 0 newly blocked, 5 new findings, 38 fixed, 0 launch dates moved, 0 units added, 0 gone"
expect_no_out "anslutningssteg"
# each message is the one `check --lang sv` writes for that finding on its audit's date
run check --lang sv --as-of 2027-01-15 --format json -o "$WORK/jan-sv.json" "$ROOT/examples"
run check --lang sv --as-of 2027-04-10 --format json -o "$WORK/apr-sv.json" "$ROOT/examples"
run diff --lang sv --format json "$HDB@previous" "$HDB@latest"
python3 - "$WORK/out" "$WORK/jan-sv.json" "$WORK/apr-sv.json" <<'EOF' || bad "diff's Swedish messages are not check's"
import json, sys
d = json.load(open(sys.argv[1]))
def messages(path):
    out = {}
    for u in json.load(open(path))["units"]:
        for f in u["findings"]:
            out.setdefault((u["hsa_id"], f["rule"], f["file"], f["stable_path"]), set()).add(f["message"])
    return out
jan, apr = messages(sys.argv[2]), messages(sys.argv[3])
n = 0
for u in d["units"]:
    for side, report in (("new_findings", apr), ("fixed_findings", jan)):
        for f in u[side]:
            assert f["message"] in report[(u["hsa_id"], f["rule"], f["file"], f["path"])], (side, f)
            n += 1
assert n == 43, n
EOF
# the same from JSON reports, whatever language each was written in
run diff --lang sv "$WORK/jan-sv.json" "$WORK/apr.json"
tail -n +2 "$WORK/out" >"$WORK/from-json"
run diff --lang sv "$HDB@2027-01-15" "$HDB@2027-04-10"
tail -n +2 "$WORK/out" >"$WORK/from-db"
cmp -s "$WORK/from-json" "$WORK/from-db" || bad "diff --lang sv: JSON reports (one in Swedish) and the database differ"
run diff --lang en "$WORK/jan-sv.json" "$WORK/apr.json"
expect_out "$EN_FIXED"
# a rule this run does not load: the message as recorded (English), marked under strict mode
run diff --lang sv --no-builtin "$HDB@previous" "$HDB@latest"
expect_out "[untranslated] connection step 4, roles_assigned (the other roles are assigned) 2027-01-20"
unset STARTKLAR_I18N_STRICT
run diff --lang sv --no-builtin "$HDB@previous" "$HDB@latest"
export STARTKLAR_I18N_STRICT=1
expect_out "  åtgärdad ON-13 fel $VISBY connection.roles_assigned: connection step 4, roles_assigned (the other roles are assigned) 2027-01-20"
# a region's rule renders in Swedish when diff loads it (--rules), as recorded when not
run check --as-of 2027-04-10 --rules "$ROOT/examples/region-rules" --record "$HDB" "$ROOT/examples"
run diff --lang sv --rules "$ROOT/examples/region-rules" "$HDB@previous" "$HDB@latest"
expect_code 1
translated || bad "$(show_untranslated)"
expect_out "  ny    GOT-01 fel $VISBY x_budget_approved: checklistan anger inte att budgeten är beslutad (x_budget_approved)"
run diff --lang sv "$HDB@previous" "$HDB@latest"
expect_out "x_budget_approved: [untranslated] the checklist does not record that the budget is approved (x_budget_approved)"
finish

start "a region rule with en and sv texts speaks the language asked for"
run check --lang en --as-of 2027-04-10 --no-builtin --rules "$ROOT/examples/region-rules" "$ROOT/examples"
expect_out "the checklist does not record that the budget is approved"
run check --lang sv --as-of 2027-04-10 --no-builtin --rules "$ROOT/examples/region-rules" "$ROOT/examples"
expect_out "checklistan anger inte att budgeten är beslutad"
mkdir -p "$WORK/only-en"
cat >"$WORK/only-en/GOT-09.lua" <<'EOF'
return { id = "GOT-09", severity = "warning", applies_to = "unit-onboarding",
  title = { en = "The service is named" },
  messages = { unnamed = { en = "the checklist names no service" } },
  check = function(doc, report) report { path = { "service" }, message = "unnamed" } end }
EOF
unset STARTKLAR_I18N_STRICT
run check --lang sv --as-of 2027-04-10 --no-builtin --rules "$WORK/only-en" "$ROOT/examples/vc-visby-ready"
export STARTKLAR_I18N_STRICT=1
expect_out "the checklist names no service"
expect_out "regeln GOT-09 har ingen text på sv för sitt meddelande 'unnamed'; det visas på en"
expect_out "regeln GOT-09 har ingen rubrik på sv; den visas på en"
run check --lang sv --format json --as-of 2027-04-10 --no-builtin --rules "$WORK/only-en" "$ROOT/examples/vc-visby-ready"
expect_out '"warnings"'
finish

start "every rule fixture, and startklar test itself"
# the fixtures by their date, many files per run
dates=$(find "$ROOT/plugins" -path '*.test/*' -name '*.yaml' -exec sed -n 's/^# as-of: //p' {} + | sort -u)
for d in 2027-04-10 $dates; do
  files=$(grep -l -r --include='*.yaml' "^# as-of: $d" "$ROOT/plugins" 2>/dev/null)
  [ "$d" = 2027-04-10 ] && files=$(find "$ROOT/plugins" -path '*.test/*' -name '*.yaml' -exec grep -L '^# as-of:' {} +)
  # shellcheck disable=SC2086
  run check --lang sv --as-of "$d" $files
  translated || bad "as of $d: $(show_untranslated)"
done
run test --lang sv -v
translated || bad "test: $(show_untranslated)"
finish

start "startklar test --lang sv: a broken rule file is said in Swedish, as check says it"
mkdir -p "$WORK/broken-rule"
printf 'return { id = "GOT-09", check = function() end }\n' >"$WORK/broken-rule/GOT-09.lua"
run test --lang sv "$WORK/broken-rule"
expect_code 2
expect_out "TRASIG $WORK/broken-rule/GOT-09.lua:1: regeln saknar fältet 'severity'"
translated || bad "test: $(show_untranslated)"
finish

start "startklar test: a built-in rule declares en and sv, a region's rule may declare one"
mkdir -p "$WORK/builtin"
cp -r "$ROOT/examples/region-rules/gotland" "$WORK/builtin/"
sed -i 's/^    sv = "Enhetens budget är beslutad",$//' "$WORK/builtin/gotland/GOT-01.lua"
STARTKLAR_PLUGINS="$WORK/builtin" "$SK" test >"$WORK/out" 2>"$WORK/err"; code=$?
expect_code 1
expect_out "GOT-01 title (sv): a built-in rule needs this text in en and sv"
run test "$WORK/builtin"
expect_code 0
finish

start "every bad input and the FORMAT.md round trip"
run check --lang sv --as-of 2027-04-10 "$TESTS"/bad/*.yaml "$DATA"/formatmd/broken/*.yaml "$DATA/good/gotland.yaml"
translated || bad "$(show_untranslated)"
finish

start "policy: waivers, baselines, profiles and their errors"
P=$DATA/policy
run check --lang sv --as-of 2027-06-30 --waivers "$P/waivers.yaml" --waivers "$P/stale-waivers.yaml" "$DATA/cp02/plan.yaml"
translated || bad "$(show_untranslated)"
run check --lang sv --as-of 2027-04-10 --waivers "$P/incomplete-waivers.yaml" "$DATA/cp02/plan.yaml"
translated || bad "$(show_untranslated)"
for prof in "$P"/profiles/*.yaml prelaunch nosuchprofile; do
  run check --lang sv --as-of 2027-04-10 --profile "$prof" "$DATA/cp02/plan.yaml"
  translated || bad "$prof: $(show_untranslated)"
done
run check --lang sv --as-of 2027-04-10 --rules "$DATA/failing-rule" "$DATA/audit"
translated || bad "$(show_untranslated)"
finish

start "a rule stopped by a limit: the stop reads in Swedish, numbers and all"
# the budget, the deadline (2 s: the one slow case), the memory cap, the
# findings caps and the pattern estimate, on one unit
R=$DATA/runtime
mkdir -p "$WORK/stops"
cp "$R"/rules-limits/*.lua "$R/rules-memory/heavy.lua" "$R/rules-findings/flood.lua" \
   "$R/rules-findings/many.lua" "$R/rules-hostile/balance.lua" "$WORK/stops/"
run check --lang sv --as-of 2027-01-01 --no-builtin --rules "$WORK/stops" "$R/join/join-roles.yaml"
expect_code 2
translated || bad "$(show_untranslated)"
U=SE2321000222-J001
expect_out "regeln RT-30 stoppades för enheten $U: den körde mer än 10000000 instruktioner"
expect_out "regeln RT-31 stoppades för enheten $U: den körde i mer än 2000 ms"
expect_out "regeln RM-02 stoppades för enheten $U: den allokerade mer än 32 MB"
expect_out "regeln RT-32 stoppades för enheten $U: den allokerade mer än 32 MB"
[ "$(grep -c 'den allokerade mer än 32 MB' "$WORK/out")" = 2 ] || bad "a memory stop's reason said more than once"
expect_out "regeln RT-11 stoppades för enheten $U: den rapporterade fler än 1000 brister i ett anrop"
expect_out "regeln RT-10 stoppades för enheten $U: bristerna den rapporterade i ett anrop var större än 1048576 byte"
expect_out "regeln RT-03 stoppades för enheten $U: mönstret '%b()' kunde ta 2e+10 steg på en text på 200000 byte"
expect_no_out "rule stopped"
finish

start "a plugin that stops or fails while it is loaded: every message of the registry in Swedish"
# the budget, the deadline (2 s), the memory cap and the pattern estimate
# while the top-level chunk runs; a Lua error, a syntax error (Lua's own
# words inside stay as Lua wrote them), no rule table, wrong fields, a list
# item that is no rule, a rule id twice
run rules list --lang sv --no-builtin --rules "$DATA/runtime/rules-loading"
expect_code 2
translated || bad "$(show_untranslated)"
L=$DATA/runtime/rules-loading
expect_err "$L/budget.lua:3: fel i regelfil: regelfilen stoppades när den lästes in: den körde mer än 10000000 instruktioner"
expect_err "$L/deadline.lua:5: fel i regelfil: regelfilen stoppades när den lästes in: den körde i mer än 2000 ms"
expect_err "$L/memory.lua: fel i regelfil: regelfilen stoppades när den lästes in: den allokerade mer än 32 MB"
expect_err "$L/pattern.lua:2: fel i regelfil: regelfilen stoppades när den lästes in: mönstret '%b()' kunde ta 2e+10 steg på en text på 200000 byte, mer än budgeten"
expect_err "$L/failing.lua:3: fel i regelfil: regelfilen kunde inte läsas in: attempt to index a nil value (local 'x')"
expect_err "$L/syntax.lua:3: fel i regelfil: syntaxfel: '}' expected (to close '{' at line 2) near 'x'; raden lyder: \`id = \"LD-01\" x\`"
expect_err "$L/number.lua:2: fel i regelfil: en regelfil måste returnera en regeltabell eller en lista med regeltabeller, inte tal"
expect_err "$L/fields.lua:4: fel i regelfil: regelfältet 'severity' måste vara något av: error, warning, info"
expect_err "$L/fields.lua:6: fel i regelfil: regeln har ett okänt fält 'explian' (menade du 'explain'?)"
expect_err "$L/fields.lua: fel i regelfil: regeln har ett fält som inte är ett namn"
expect_err "$L/list.lua: fel i regelfil: post 2 i den returnerade listan är ingen regeltabell"
expect_err "$L/list.lua:5: fel i regelfil: regel-id 'LD-03' är redan definierat i $L/list.lua"
expect_no_err "rule stopped"
# the position once, before the label: not again in the message
expect_no_err "lästes in: $L"
finish

start "rules list and every rule's explanation"
run rules list --lang sv
translated || bad "$(show_untranslated)"
expect_out "Varje målgrupp har en kanal och en ansvarig"
mkdir -p "$WORK/broken"
printf 'return {\n  id = "GOT-02",\n  severity = "fatal",\n  applies_to = "unit", title = "t", check = function() end }\n' >"$WORK/broken/x.lua"
run rules list --lang sv --rules "$WORK/broken"
translated || bad "$(show_untranslated)"
for id in $(cat "$TESTS/data/requirement-ids.txt"); do
  run rules explain "$id" --lang sv
  translated || bad "$id: $(show_untranslated)"
done
finish

start "init --rule says what it wrote and what comes next in Swedish"
run init --rule GOT-77 "$WORK/new-rule" --lang sv
translated || bad "$(show_untranslated)"
expect_out "skrev $WORK/new-rule/GOT-77.lua"
expect_out "nästa steg: skriv kontrollen och testfallen, och kör sedan: startklar test $WORK/new-rule"
expect_no_out "wrote"
finish

start "init and schema of every kind: comments and descriptions in Swedish, English as before"
# the kinds are the CLI's own lists, as its error names them
init_kinds=$("$SK" init nosuchkind --lang en 2>&1 | sed -n "s/.*the kinds are: //p" | tr -d ,)
schema_kinds=$("$SK" schema nosuchkind --lang en 2>&1 | sed -n "s/.*the kinds are: //p" | tr -d ,)
[ -n "$init_kinds" ] && [ -n "$schema_kinds" ] || bad "no list of kinds: '$init_kinds' '$schema_kinds'"
for kind in $init_kinds; do
  run init "$kind" --lang sv
  expect_code 0
  translated || bad "init $kind: $(show_untranslated)"
  expect_out "# Ett $kind-dokument att utgå från, skrivet av \`startklar init $kind\`."
  expect_out "# yaml-language-server: \$schema=$kind.schema.json"
  expect_out "# dokumentets typ"
  expect_no_out "# the "
done
for kind in $schema_kinds; do
  run schema "$kind" --lang sv
  expect_code 0
  translated || bad "schema $kind: $(show_untranslated)"
  expect_out "\"description\": \"dokumentets typ\""
  expect_no_out "\"description\": \"the "
done
run init communication-plan --lang sv
expect_out "  name: Vårdcentralen Visby             # vårdenhetens namn"
expect_out "launch_date: 2027-03-01                 # enhetens startdatum"
expect_out "service: Stöd och behandling            # vad som införs"
expect_out "    audience: internal                  # internal, partner (samverkansparter utanför enheten) eller external (allmänheten); internal = intern,"
expect_no_out "vårdenhet)"
run init social-media-strategy --lang sv
expect_out "  management_backing: true              # ledningens stöd"
expect_out "  production_meeting: weekly            # hur ofta produktionsmötet hålls (en av: weekly,"
run schema unit-onboarding --lang sv
expect_out "\"description\": \"Ett unit-onboarding-dokument så som startklar läser det (docs/format.md)"
expect_out "\"description\": \"när startklar-avstämningen gjordes\""
LANG=sv_SE.UTF-8 "$SK" init unit-onboarding >"$WORK/out" 2>"$WORK/err"
expect_out "  date: 2027-02-20                      # när startklar-avstämningen gjordes"
# English stays as the tables write it (docs/format.md is checked by formatdoc)
for args in "init communication-plan" "init communication-plan --lang en" "schema communication-plan"; do
  # shellcheck disable=SC2086
  run $args
  expect_no_out "vårdenhetens namn"
  expect_no_out "dokumentets typ"
done
run init communication-plan --lang en
expect_out "# A starting communication-plan document, made by \`startklar init communication-plan\`."
expect_out "  name: Vårdcentralen Visby             # the care unit's name (vårdenhet)"
expect_out "    audience: internal                  # internal, partner (collaborators outside the unit) or external (the public)"
run schema communication-plan --lang en
expect_out "\"description\": \"the care unit's name (vårdenhet)\""
expect_out "\"title\": \"startklar communication-plan, version 1\""
finish

start "usage errors and the help"
for args in "frobnicate" "check" "check --as-of 2027-02-30 x" "check --format pdf x" "check --fail-on fatal x" \
            "check --lang de x" "check --only XX-01 $DATA/cp02/plan.yaml" "audit --shard 4/3 x" "rules explain XX-99" \
            "schema nosuchkind" "init nosuchkind" "check --csv-separator x x" "diff x" "history" "completion fish" \
            "history $WORK/no-such-dir/h.db" "help check" "help test" "help diff"; do
  # shellcheck disable=SC2086
  run $args --lang sv
  translated || bad "$args: $(show_untranslated)"
done
run check --lang sv --as-of 2027-04-10 "$WORK/no-such-file.yaml"
expect_out "kan inte läsa: filen eller katalogen finns inte"
run check --lang sv --as-of 2027-04-10 -o "$WORK/no-such-dir/r.json" "$DATA/cp02/plan.yaml"
expect_err "startklar: kan inte skriva $WORK/no-such-dir/r.json"
run help --lang sv
expect_out "Användning: startklar KOMMANDO"
translated || bad "$(show_untranslated)"
finish

start "LANG=sv_SE.UTF-8 makes Swedish the default; --lang en wins"
LANG=sv_SE.UTF-8 "$SK" check --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >"$WORK/out" 2>"$WORK/err"
expect_out "INTE REDO"
LANG=sv_SE.UTF-8 "$SK" check --lang en --as-of 2027-04-10 "$DATA/cp02/plan.yaml" >"$WORK/out" 2>"$WORK/err"
expect_out "NOT READY"
finish

summary
