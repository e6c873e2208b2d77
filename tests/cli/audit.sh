#!/usr/bin/env bash
# audit.sh: the batch audit: units across folders, a bad file and a failing
# rule among good ones, identical reports for any --jobs, shards that add up
# to the whole, and audit equal to check on the same files.
# Usage: audit.sh PATH/TO/startklar TESTS_DIR
set -u
SK=$1
TESTS=$2
DATA=$TESTS/cli/data
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CORPUS=$DATA/audit
AUDIT=("$SK" audit --as-of 2027-04-10 --rules "$DATA/failing-rule")

"${AUDIT[@]}" --jobs 1 --format json "$CORPUS" >"$WORK/j1.json"; code=$?
check "audit exits 2 when a file or rule could not be judged" [ "$code" = 2 ]
check "a unit split over two folders is one unit" \
  has "$WORK/j1.json" '"files": ["'"$CORPUS"'/halland/kungsbacka/plan/plan.yaml", "'"$CORPUS"'/halland/onboarding/kungsbacka.yaml"]'
check "its documents are judged together (UN-01 across folders)" has "$WORK/j1.json" '"rule": "UN-01"'
check "a file holding two units feeds both" has "$WORK/j1.json" '"hsa_id": "SE2321000148-O001"'
check "the bad file is reported with its position" \
  has "$WORK/j1.json" '"file": "'"$CORPUS"'/gotland/slite-broken.yaml", "line": 6, "column": 5'
check "an unparseable file is reported" has "$WORK/j1.json" '"file": "'"$CORPUS"'/halland/notes.yaml", "line": 2'
check "the unit of the bad file has status error" has "$WORK/j1.json" '"hsa_id": "SE2321000222-S001", "name": null'
check "the failing rule is an error of its unit only" \
  has "$WORK/j1.json" '"kind": "rule", "rule": "GOT-01", "unit": "SE2321000222-H001"'
check "the good units are still checked" has "$WORK/j1.json" '"rule": "CP-02", "severity": "error", "message": "target group '"'"'chefer'"'"' has no owner (ansvarig)"'
check "every file is accounted for" has "$WORK/j1.json" '"files": 6,'

"${AUDIT[@]}" --jobs 4 --format json "$CORPUS" >"$WORK/j4.json"
check "--jobs 1 and --jobs 4 give byte-identical reports" cmp -s "$WORK/j1.json" "$WORK/j4.json"
"${AUDIT[@]}" --jobs 4 --format json "$CORPUS" >"$WORK/j4b.json"
check "two runs give byte-identical reports" cmp -s "$WORK/j4.json" "$WORK/j4b.json"

"$SK" check --as-of 2027-04-10 --rules "$DATA/failing-rule" --format json "$CORPUS" >"$WORK/check.json"
check "audit gives what check gives on the same files" cmp -s "$WORK/j1.json" "$WORK/check.json"

"${AUDIT[@]}" --format jsonl "$CORPUS" | sort >"$WORK/whole.jsonl"
: >"$WORK/shards.jsonl"
for i in 1 2 3; do "${AUDIT[@]}" --shard "$i/3" --format jsonl "$CORPUS" >>"$WORK/shards.jsonl"; done
sort -o "$WORK/shards.jsonl" "$WORK/shards.jsonl"
check "three shards concatenate to the whole" cmp -s "$WORK/whole.jsonl" "$WORK/shards.jsonl"
check "the whole is not empty" [ "$(wc -l <"$WORK/whole.jsonl")" -gt 10 ]

"${AUDIT[@]}" "$CORPUS" >"$WORK/text" 2>"$WORK/stderr"
check "the text summary lists the most common gaps" has "$WORK/text" "Most common gaps:"
check "no progress on a pipe" [ ! -s "$WORK/stderr" ]

"$SK" audit --shard 4/3 "$CORPUS" >/dev/null 2>"$WORK/err"; code=$?
check "a bad --shard is a usage error" [ "$code" = 2 ]
check "it says why" has "$WORK/err" "--shard takes I/N"

summary
