#!/usr/bin/env bash
# schema.sh: the JSON Schemas of `startklar schema KIND` agree with the
# loader: every example unit, every YAML block of FORMAT.md and every
# `startklar init KIND` document validates; the invalid files of tests/bad/
# that are schema errors are rejected by the schema as by the loader.
# Needs python3 with jsonschema and yaml (Debian: python3-jsonschema python3-yaml).
# Usage: schema.sh PATH/TO/startklar TESTS_DIR
set -u
export LANG=C # English messages, whatever the machine says
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
FORMAT_MD=$ROOT/../shared/spec/FORMAT.md
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failed=0

# the first python3 that has both modules (a pyenv shim may lack them)
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import jsonschema, yaml' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  echo "FAIL no python3 with jsonschema and yaml: apt-get install python3-jsonschema python3-yaml"
  exit 1
fi

mkdir -p "$WORK/schemas" "$WORK/valid"
for kind in communication-plan unit-onboarding social-media-strategy; do
  "$SK" schema "$kind" >"$WORK/schemas/$kind.json" || { echo "FAIL startklar schema $kind"; failed=1; }
  "$SK" init "$kind" >"$WORK/valid/init-$kind.yaml" || { echo "FAIL startklar init $kind"; failed=1; }
done
# the policy documents have schemas too (docs/gating.md)
for kind in waivers profile baseline; do
  "$SK" schema "$kind" >"$WORK/schemas/$kind.json" || { echo "FAIL startklar schema $kind"; failed=1; }
done
"$SK" check --as-of 2027-04-10 --only CP-02 --write-baseline "$WORK/baseline.yaml" \
  "$TESTS/cli/data/cp02/plan.yaml" >/dev/null 2>&1

# an unknown kind is a usage error with a suggestion
if "$SK" schema unit-onbording >/dev/null 2>"$WORK/err"; then echo "FAIL schema of an unknown kind"; failed=1; fi
grep -qF "did you mean 'unit-onboarding'?" "$WORK/err" || { echo "FAIL no suggestion: $(cat "$WORK/err")"; failed=1; }

# the kinds are one list: the loader names the same kinds, in the same
# order, for a document of an unknown kind as `schema` does for an unknown name
printf 'kind: nosuch\nversion: 1\n' >"$WORK/nosuch.yaml"
"$SK" check --as-of 2027-04-10 "$WORK/nosuch.yaml" >"$WORK/out" 2>&1
loader=$(sed -n "s/.*unknown kind 'nosuch' (one of: \(.*\))$/\1/p" "$WORK/out")
"$SK" schema nosuch >/dev/null 2>"$WORK/err"
cli=$(sed -n "s/.*unknown kind 'nosuch'; the kinds are: //p" "$WORK/err")
[ -n "$cli" ] && [ "$loader" = "$cli" ] || { echo "FAIL the loader's kinds ($loader) are not the schema's ($cli)"; failed=1; }

# FORMAT.md's YAML blocks, made concrete: [...] becomes []
if [ ! -f "$FORMAT_MD" ]; then
  # a checkout without shared/ beside it: the unit built from FORMAT.md's
  # examples (tests/cli/data/formatmd) stands in for the blocks themselves
  echo "note: $FORMAT_MD not found; validating tests/cli/data/formatmd/complete.yaml instead"
  cp "$TESTS/cli/data/formatmd/complete.yaml" "$WORK/valid/format-md-complete.yaml"
else
  awk -v dir="$WORK/valid" '
    /^```yaml/ { n++; out = sprintf("%s/format-md-%d.yaml", dir, n); inblock = 1; next }
    /^```/ { inblock = 0; next }
    inblock { gsub(/\[\.\.\.\]/, "[]"); print > out }
  ' "$FORMAT_MD"
  [ "$(ls "$WORK/valid"/format-md-*.yaml 2>/dev/null | wc -l)" = 3 ] || { echo "FAIL FORMAT.md: expected 3 YAML blocks"; failed=1; }
fi

# the loader takes every one of them (exit 0 or 1: judged, not rejected)
for f in "$WORK/valid"/*.yaml; do
  "$SK" check --as-of 2027-04-10 --fail-on never "$f" >/dev/null 2>&1
  [ $? -le 1 ] || { echo "FAIL the loader rejects $f"; failed=1; }
done

mapfile -t examples < <(find "$ROOT/examples" -name '*.yaml' -o -name '*.yml' | sort)
examples+=("$ROOT"/rules/*.yaml "$TESTS/cli/data/policy/waivers.yaml" "$TESTS/cli/data/policy/ahus-waivers.yaml"
           "$TESTS/cli/data/policy/profiles/long-retention.yaml" "$TESTS/cli/data/policy/plan-with-waiver.yaml"
           "$WORK/baseline.yaml")
"$PY" "$TESTS/cli/schema_validate.py" "$WORK/schemas" valid "${examples[@]}" "$WORK/valid"/*.yaml || failed=1

# the bad inputs that are schema errors: the loader and the schema both reject them
bad=()
for name in unknown-key wrong-type closed-vocabulary unknown-kind wrong-version strategy-unknown-key \
            prior-knowledge risk-likelihood risk-consequence audience-partners material-ready support-not-boolean; do
  bad+=("$TESTS/bad/$name.yaml")
  out=$("$SK" check --as-of 2027-04-10 --fail-on never "$TESTS/bad/$name.yaml" 2>&1)
  code=$?
  { [ $code = 2 ] && grep -qF "input error" <<<"$out"; } || { echo "FAIL the loader accepts $name.yaml"; failed=1; }
done
"$PY" "$TESTS/cli/schema_validate.py" "$WORK/schemas" invalid "${bad[@]}" || failed=1

[ "$failed" = 0 ] && echo "schema: all passed"
exit "$failed"
