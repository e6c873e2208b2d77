#!/usr/bin/env bash
# lang.sh: --lang sv. With STARTKLAR_I18N_STRICT set, every text the
# catalogue lacks is marked "[untranslated"; so every message and label of
# every fixture, example, bad input, policy case, rules list/explain, usage
# error and the help must come out in Swedish, and a built-in text without
# a translation fails this test.
# Usage: lang.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export STARTKLAR_I18N_STRICT=1
translated() { ! grep -q "untranslated" "$WORK/out" "$WORK/err"; }
show_untranslated() { grep -h "untranslated" "$WORK/out" "$WORK/err" | head -5; }

start "the examples in every human format"
for fmt in text json markdown html csv; do
  run check --lang sv --as-of 2027-04-10 --format "$fmt" "$ROOT/examples"
  translated || bad "$fmt: $(show_untranslated)"
done
run check --lang sv --as-of 2027-04-10 "$ROOT/examples"
expect_out "INTE REDO"
expect_out "målgrupp"
finish

start "every rule fixture"
for f in $(find "$ROOT/plugins" -path '*.test/*' -name '*.yaml' | sort); do
  asof=$(sed -n 's/^# as-of: //p' "$f" | head -1)
  run check --lang sv --as-of "${asof:-2027-04-10}" "$f"
  translated || bad "$f: $(show_untranslated)"
done
finish

start "every bad input and the FORMAT.md round trip"
for f in "$TESTS"/bad/*.yaml "$DATA"/formatmd/broken/*.yaml; do
  run check --lang sv --as-of 2027-04-10 "$f" "$DATA/good/gotland.yaml"
  translated || bad "$f: $(show_untranslated)"
done
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

start "usage errors and the help"
for args in "frobnicate" "check" "check --as-of 2027-02-30 x" "check --format pdf x" "check --fail-on fatal x" \
            "check --lang de x" "check --only XX-01 $DATA/cp02/plan.yaml" "audit --shard 4/3 x" "rules explain XX-99" \
            "schema nosuchkind" "init nosuchkind"; do
  # shellcheck disable=SC2086
  run $args --lang sv
  translated || bad "$args: $(show_untranslated)"
done
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
