#!/usr/bin/env bash
# authoring.sh: end-to-end tests of the rule authoring kit: `rules list`,
# `rules explain`, `init KIND`, `init --rule`, and that the editor
# annotations (docs/editor/startklar.d.lua) cover the whole sk library.
# Usage: authoring.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


# --- rules list ------------------------------------------------------------------
start "rules list: one row per built-in rule"
run rules list
expect_code 0
expect_out_re '^ID +SEVERITY +KIND +TITLE$'
expect_out_re '^ON-11 +error +unit-onboarding +Patient data is kept at most one year \(gallring\)$'
expect_out_re '^UN-01 +error +unit +Communication plan and onboarding agree'
rows=$(($(wc -l <"$WORK/out") - 1))
lua_files=$(find "$ROOT/plugins" -name '*.lua' | wc -l)
[ "$rows" -ge "$lua_files" ] || bad "$rows rows for $lua_files plugin files"
finish

start "rules list --format json: ids, kinds, files and typed parameter defaults"
run rules list --format json
expect_code 0
python3 - "$WORK/out" "$rows" <<'PY' || bad "the JSON is not as promised"
import json, sys
rules = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(rules) == int(sys.argv[2]), (len(rules), sys.argv[2])
for r in rules:
    assert set(r) == {"id", "severity", "applies_to", "title", "file", "enabled", "params"}, r
    assert r["enabled"] is True, r
    assert r["file"].endswith("/" + r["id"] + ".lua"), r
assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
on11 = next(r for r in rules if r["id"] == "ON-11")
assert on11["params"] == [{"name": "max_days", "type": "integer", "default": 365, "value": 365}], on11
assert on11["severity"] == "error" and on11["applies_to"] == "unit-onboarding"
PY
finish

start "rules list: --no-builtin --rules DIR lists only that pack; bad usage exits 2"
run init --rule GOT-01 "$WORK/pack"
expect_code 0
run rules list --no-builtin --rules "$WORK/pack"
expect_code 0
expect_out_re '^GOT-01 +warning +unit-onboarding +The onboarding checklist names its service$'
[ "$(wc -l <"$WORK/out")" = 2 ] || bad "more than the one rule"
run rules list --format jsonl
expect_code 2; expect_err "rules list writes text or json"
run rules list extra
expect_code 2; expect_err "takes no argument"
run rules frobnicate
expect_code 2; expect_err "unknown sub-command 'rules frobnicate'"
finish

start "rules list: a broken plugin is named on stderr, exit 2, the others listed"
mkdir -p "$WORK/broken"
printf 'return {\n  id = "BAD-01",\n  severity = "fatal",\n  applies_to = "unit", title = "t", check = function() end }\n' >"$WORK/broken/x.lua"
run rules list --rules "$WORK/broken"
expect_code 2
expect_err "$WORK/broken/x.lua:3: plugin error: rule field 'severity' must be one of: error, warning, info"
expect_out "ON-11"
finish

# --- rules explain -------------------------------------------------------------------
start "rules explain: text, parameters and an example fix from the fixtures"
run rules explain ON-11
expect_code 0
expect_out "ON-11: Patient data is kept at most one year (gallring)"
expect_out "  severity    error"
expect_out "  applies to  unit-onboarding"
expect_out "  plugin      $ROOT/plugins/unit-onboarding/ON-11.lua:"
expect_out 'Seed 004, "Tänk på": Stöd och behandling is not a record system'
expect_out_re '^  max_days +integer +default 365$'
expect_out "Example: this fails ($ROOT/plugins/unit-onboarding/ON-11.test/fail/kept-too-long.yaml)"
expect_out "      data_retention: {routine: Rutin R-15, max_days: 730}"
expect_out "The fix: this passes ($ROOT/plugins/unit-onboarding/ON-11.test/pass/one-year.yaml)"
expect_out "max_days: 365}"
finish

start "rules explain: a rule without parameters or fixtures says so"
mkdir -p "$WORK/bare"
cp "$WORK/pack/GOT-01.lua" "$WORK/bare/GOT-01.lua"
run rules explain --no-builtin --rules "$WORK/bare" GOT-01
expect_code 0
expect_out "Parameters: none"
expect_out "Example: none (the rule has no fixtures in $WORK/bare/GOT-01.test/fail)"
finish

start "rules explain: flags may follow the id"
run rules explain GOT-01 --no-builtin --rules "$WORK/pack"
expect_code 0
expect_out "GOT-01: The onboarding checklist names its service"
expect_out "# expect: GOT-01 service"
run rules explain GOT-01 GOT-02
expect_code 2; expect_err "'GOT-02' is one too many"
finish

start "rules explain: an unknown id exits 2 with a suggestion when one is close"
run rules explain ON-111
expect_code 2
expect_err "unknown rule 'ON-111' (did you mean 'ON-11'?)"
[ -s "$WORK/out" ] && bad "something on stdout"
run rules explain ZZZZ-99
expect_code 2
expect_err "unknown rule 'ZZZZ-99'"
expect_no_err "did you mean"
run rules explain
expect_code 2; expect_err "rules explain needs a rule id"
finish

# --- init KIND -------------------------------------------------------------------------
for kind in communication-plan unit-onboarding social-media-strategy; do
  start "init $kind: a commented document that loads"
  run init "$kind"
  expect_code 0
  expect_out "kind: $kind"
  expect_out "version: 1                              # format version: 1"
  expect_out "# yaml-language-server: \$schema=$kind.schema.json"
  expect_out "  name: Vårdcentralen Visby             # the care unit's name (vårdenhet)"
  expect_no_out "TODO"
  cp "$WORK/out" "$WORK/$kind.yaml"
  run check --as-of 2027-04-10 --fail-on never --format json "$WORK/$kind.yaml"
  expect_code 0
  expect_out '"errors": []'
  expect_out '"hsa_id": "SE2120000803-V001"'
  finish
done

start "init: the comments come from the schema, vocabularies named"
run init communication-plan
expect_out "    stance: enabler                     # enabler, obstacle or neutral (möjliggörare/hinder)"
run init social-media-strategy
expect_out "  features: [posts, replies, comments, sharing, reactions, direct_messages]  # the features in use (one of: posts, replies,"
finish

start "init: an unknown kind exits 2 with a suggestion"
run init unit-onbording
expect_code 2
expect_err "unknown kind 'unit-onbording' (did you mean 'unit-onboarding'?)"
# config is a kind init starts, so it is suggested and listed like the others
run init confg
expect_code 2
expect_err "unknown kind 'confg' (did you mean 'config'?); the kinds are: communication-plan, unit-onboarding, social-media-strategy, config"
run init --rule GOT-07 --kind confg "$WORK/confg-rule"
expect_code 2
expect_err "unknown kind 'confg'; the kinds are: communication-plan, unit-onboarding, social-media-strategy, unit"
run init
expect_code 2; expect_err "init needs one document kind"
finish

# --- init --rule ---------------------------------------------------------------------------
for kind in unit-onboarding communication-plan social-media-strategy unit; do
  start "init --rule --kind $kind: a skeleton whose fixtures pass at once"
  dir="$WORK/rules-$kind"
  run init --rule XY-10 --kind "$kind" "$dir"
  expect_code 0
  expect_out "wrote $dir/XY-10.lua"
  for f in XY-10.lua XY-10.test/pass/example.yaml XY-10.test/fail/example.yaml; do
    [ -s "$dir/$f" ] || bad "$f was not written"
  done
  grep -qF "applies_to = \"$kind\"," "$dir/XY-10.lua" || bad "applies_to is not $kind"
  head -1 "$dir/XY-10.test/fail/example.yaml" | grep -q '^# expect: XY-10' || bad "no expect line"
  run test -v "$dir"
  expect_code 0
  expect_out "2 passed, 0 failed"
  if command -v luacheck >/dev/null; then
    (cd "$ROOT" && luacheck -q "$dir") >"$WORK/lint" 2>&1 || { cat "$WORK/lint"; bad "the skeleton is not lint clean"; }
  fi
  finish
done

start "init --rule: the fixtures are live (swapped, they fail)"
dir="$WORK/rules-unit-onboarding"
mv "$dir/XY-10.test/pass" "$dir/XY-10.test/tmp"
mv "$dir/XY-10.test/fail" "$dir/XY-10.test/pass"
mv "$dir/XY-10.test/tmp" "$dir/XY-10.test/fail"
run test "$dir"
expect_code 1
expect_out "0 passed, 2 failed"
finish

start "init --rule: never overwrites; bad ids and kinds exit 2"
run init --rule GOT-01 "$WORK/pack"
expect_code 2; expect_err "GOT-01.lua exists already; nothing was written"
run init --rule got1 "$WORK/other"
expect_code 2; expect_err "'got1' is not a rule id"
[ -e "$WORK/other" ] && bad "a directory was made for a bad id"
run init --rule GOT-02 --kind budget "$WORK/other"
expect_code 2; expect_err "unknown kind 'budget'"
run init --rule GOT-02
expect_code 2; expect_err "needs one directory"
run init --kind unit unit-onboarding
expect_code 2; expect_err "--kind goes with --rule"
finish

# --- fixture headers: # params:, # profile:, and a wrong header is an error ------------------
hdir="$WORK/headers"
run init --rule GOT-05 "$hdir"
sed -i 's/^  -- params = { name = default },.*/  params = { max = 3, label = "a" },/' "$hdir/GOT-05.lua"
hfix="$hdir/GOT-05.test/pass/example.yaml"
cp "$hfix" "$WORK/header-base.yaml"
# header LINE...: the pass fixture with these lines above a free comment's line
header() {
  { echo "# Note: a free comment, never a header"; printf '%s\n' "$@"; cat "$WORK/header-base.yaml"; } >"$hfix"
}

start "fixture headers: free comments, an editor's modeline and good headers pass"
header "# yaml-language-server: \$schema=unit-onboarding.schema.json" "# as-of: 2027-01-01" \
  "# params: {max: 5, label: '}{'}" "# profile: default"
run test -v "$hdir"
expect_code 0; expect_out "2 passed, 0 failed"
finish

# bad_header NAME EXPECTED-LINE-START HEADER-LINE...: the run exits 2 naming file:line
bad_header() {
  local name=$1 want=$2; shift 2
  start "fixture headers: $name is an error at file:line, exit 2"
  header "$@"
  run test "$hdir"
  expect_code 2
  expect_out "ERROR $hfix:$want"
  expect_out "1 passed, 1 failed"
}
bad_header "an unknown key" "2:2: unknown fixture header 'expects:' (did you mean 'expect:'?)" "# expects: GOT-05"
finish
bad_header "a key no header is near" "2:2: unknown fixture header 'one:'" "# one: two"
finish
bad_header "an expect without a rule" "2:10: '# expect:' needs a rule id, then a path if any" "# expect:"
finish
bad_header "an impossible as-of" "2:10: '# as-of:' needs a real date YYYY-MM-DD, not '2027-02-30'" "# as-of: 2027-02-30"
finish
bad_header "an as-of that is no date" "2:10: '# as-of:' needs a real date YYYY-MM-DD, not 'tomorrow'" "# as-of: tomorrow"
finish
bad_header "params that do not parse" "2:20: YAML syntax error" "# params: {max: [1,, 2]}"
finish
bad_header "params whose brackets do not close" "2:11: '# params:' takes a flow map" "# params: {max: [1,}"
finish
bad_header "params that are no flow map" "2:11: '# params:' takes a flow map" "# params: max=3"
finish
bad_header "params that close the map and add keys" "2:11: '# params:' takes a flow map" \
  "# params: {max: 1}}, severity: {GOT-05: info"
finish
bad_header "a parameter the rule does not have" "2:12: rule GOT-05 has no parameter 'mux' (did you mean 'max'?)" \
  "# params: {mux: 3}"
finish
bad_header "a parameter of the wrong type" "2:17: parameter 'max' of rule GOT-05 must be an integer (its default is 3)" \
  "# params: {max: many}"
finish
bad_header "a parameter given twice" "2:20: duplicate key 'max'" "# params: {max: 3, max: 4}"
finish
bad_header "a second params line" "3:1: a fixture has one '# params:' line" "# params: {max: 3}" "# params: {max: 4}"
finish
bad_header "an unknown shipped profile" "2:1: the fixture's profile 'prelaunh' cannot be applied" "# profile: prelaunh"
expect_out "there is no profile 'prelaunh' (did you mean 'prelaunch'?)"
finish
bad_header "a profile path that does not exist" "2:1: the fixture's profile '../nowhere.yaml' cannot be applied" \
  "# profile: ../nowhere.yaml"
expect_out "GOT-05.test/pass/../nowhere.yaml: cannot read"
finish
printf 'kind: profile\nversion: 1\nparams:\n  GOT-05: {max: "3"}\n' >"$hdir/GOT-05.test/bad-profile.yaml"
bad_header "a profile whose parameter is of the wrong type" "2:1: the fixture's profile '../bad-profile.yaml'" \
  "# profile: ../bad-profile.yaml"
expect_out "bad-profile.yaml:4:17: parameter 'max' of rule GOT-05 must be an integer"
finish

start "fixture headers: the errors in Swedish"
header "# expects: GOT-05"
run --lang sv test "$hdir"
expect_code 2
expect_out "FEL $hfix:2:2: okänt fixturhuvud 'expects:' (menade du 'expect:'?)"
finish
cp "$WORK/header-base.yaml" "$hfix"

# --- help and editor support -------------------------------------------------------------------
start "help names the authoring commands"
run help
expect_out "rules explain ID"; expect_out "init --rule ID DIR"; expect_out "schema KIND"
finish

start "the LuaLS annotations cover every function and table of sk"
ann="$ROOT/docs/editor/startklar.d.lua"
[ -f "$ann" ] || bad "no $ann"
names=$(grep -oE '^(function sk\.[A-Za-z_]+|sk\.[A-Za-z_]+ =)' "$ROOT/engine/lua/sk.lua" | sed -E 's/^function //; s/ =$//' | sort -u)
[ -n "$names" ] || bad "found nothing in sk.lua"
for n in $names; do
  grep -qE "^(function $n\(|$n = )" "$ann" || bad "$n is not annotated"
done
for word in "---@class startklar.Rule" "---@class startklar.Ctx" "---@class startklar.Doc" "report: fun(finding: startklar.Finding)" "---@class startklar.Finding"; do
  grep -qF -- "$word" "$ann" || bad "lacks $word"
done
if command -v luac5.4 >/dev/null; then luac5.4 -p "$ann" || bad "not valid Lua"; fi
finish

summary
