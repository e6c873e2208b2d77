#!/usr/bin/env bash
# examples.sh: examples/ gives exactly the findings examples/README.md
# documents (kept as tests/cli/examples.expected), the ready unit gives none,
# and the FORMAT.md unit made complete gives none while each broken copy of
# it gives its own rule and no other.
# Usage: examples.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# "UNIT RULE PATH" per finding of a jsonl report (path "-" when empty)
findings() {
  sed -n 's/^{"unit": "\([^"]*\)", "rule": "\([^"]*\)".*"path": "\([^"]*\)", "waived".*/\1 \2 \3/p' |
    sed 's/ $/ -/' | LC_ALL=C sort
}

"$SK" check --as-of 2027-04-10 --format jsonl "$ROOT/examples" >"$WORK/examples.jsonl"; code=$?
findings <"$WORK/examples.jsonl" >"$WORK/actual"
check "examples/ loads without error (exit 1, not 2)" [ "$code" = 1 ]
check "examples/ gives exactly the documented findings" diff -u "$TESTS/cli/examples.expected" "$WORK/actual"

"$SK" check --as-of 2027-04-10 "$ROOT/examples/vc-visby-ready" >"$WORK/ready"; code=$?
check "the ready unit is ready (exit 0)" [ "$code" = 0 ]

FM=$TESTS/cli/data/formatmd
"$SK" check --as-of 2027-04-10 --format jsonl "$FM/complete.yaml" >"$WORK/complete.jsonl"; code=$?
check "the FORMAT.md unit made complete passes: exit 0" [ "$code" = 0 ]
check "... with no finding" [ ! -s "$WORK/complete.jsonl" ]

for f in "$FM"/broken/*.yaml; do
  rule=$(basename "$f" .yaml)
  "$SK" check --as-of 2027-04-10 --format jsonl "$f" | findings | awk '{print $2}' | sort -u >"$WORK/rules"
  check "broken/$rule.yaml gives $rule and no other rule" [ "$(cat "$WORK/rules")" = "$rule" ]
done

summary
