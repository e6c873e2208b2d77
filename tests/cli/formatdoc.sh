#!/usr/bin/env bash
# formatdoc.sh: docs/format.md is what `startklar schema --format markdown`
# writes from the loader's tables today: a change of engine/schema.c or
# engine/vocab.c without the docs written again fails here, with the diff.
# Also the command's other forms and its usage errors, and that docs/cli.md
# (written by hand) names every command and option of `startklar help`.
# Usage: formatdoc.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# same FILE: the generated reference equals FILE
same() { diff -u "$1" "$WORK/format.md" >"$WORK/diff"; }

start "docs/format.md is the reference the tables give today"
run schema --format markdown -o "$WORK/format.md"
expect_code 0
if ! same "$ROOT/docs/format.md"; then
  head -40 "$WORK/diff"
  bad "docs/format.md differs from the tables: run 'startklar schema --format markdown -o docs/format.md' and commit it"
fi
finish

start "the comparison sees a change (a key the tables do not have)"
sed 's/`target_groups\[\].owner`/`target_groups[].ansvarig`/' "$ROOT/docs/format.md" >"$WORK/tampered.md"
same "$WORK/tampered.md" && bad "a renamed key went unnoticed"
finish

start "every key of every kind's JSON Schema is in the reference"
python3 - "$SK" "$WORK/format.md" <<'PY' || bad "a key of the JSON Schema is missing from the reference"
import json, subprocess, sys
sk, doc = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
def keys(schema, prefix):
    for k, v in (schema.get("properties") or {}).items():
        yield prefix + k
        inner = v.get("items", v) if isinstance(v, dict) else {}
        yield from keys(inner, prefix + k + ("[]." if "items" in v else "."))
for kind in ["communication-plan", "unit-onboarding", "social-media-strategy", "waivers", "profile", "baseline"]:
    schema = json.loads(subprocess.run([sk, "schema", kind], capture_output=True, check=True).stdout)
    assert "## kind: " + kind in doc, kind
    for k in keys(schema, ""):
        # a repeated map (the four phases) is described once, under its first key
        if ".anchoring." in k or ".implementation." in k or ".maintenance." in k:
            continue
        assert "| `" + k + "` |" in doc, (kind, k)
PY
finish

start "schema --format markdown KIND: one kind's table"
run schema --format markdown unit-onboarding
expect_code 0
expect_out "## kind: unit-onboarding"
expect_out '| `staff[].roles` | list of words from `access_admin`, `citizen_admin`, `data_admin`, `practitioner` |'
expect_no_out "## kind: communication-plan"
finish

start "schema: usage errors"
run schema --format csv unit-onboarding
expect_code 2; expect_err "schema writes json (a kind's JSON Schema) or markdown (the format reference), not 'csv'"
run schema --format markdown budget
expect_code 2; expect_err "unknown kind 'budget'"
run schema
expect_code 2; expect_err "schema needs one document kind"
run schema --format json unit-onboarding
expect_code 0; expect_out '"$schema"'
finish

start "docs/cli.md names every command and option of the help"
run help
expect_code 0
for o in $(grep -oE -- '--[a-z][a-z-]+' "$WORK/out" | sort -u); do
  grep -qF -- "$o" "$ROOT/docs/cli.md" || bad "docs/cli.md does not name $o"
done
for c in $(sed -n '/^Commands:/,/^$/p' "$WORK/out" | awk 'NR > 1 && NF {print $1}' | sort -u); do
  grep -qF -- "\`$c" "$ROOT/docs/cli.md" || bad "docs/cli.md does not name the command $c"
done
finish

summary
