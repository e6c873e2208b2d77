#!/usr/bin/env bash
# native.sh: sk's helpers that run in C (engine/native.c, native_text.c)
# answer exactly as the Lua code they replaced, kept in tests/native/ND-01.lua
# and ND-02.lua, on edge values and on every plan and onboarding checklist of
# the examples and of the FORMAT.md unit.
# Usage: native.sh STARTKLAR TESTS_DIR
SK=$1
TESTS=$2
ROOT=$(cd "$TESTS/.." && pwd)
. "$TESTS/cli/lib.sh"

for corpus in "$ROOT/examples" "$TESTS/cli/data/formatmd" "$TESTS/cli/data/good"; do
  start "native helpers = Lua reference on $(basename "$corpus")"
  run check --as-of 2027-04-10 --no-builtin --rules "$TESTS/native" --format jsonl "$corpus"
  expect_code 0
  expect_out '"message": "checked '
  expect_no_out '"severity": "error"'
  expect_no_out '~='
  finish
done

plans=$(grep -rl '^kind: communication-plan' "$ROOT/examples" | wc -l)
start "every plan of the examples compared ($plans)"
run check --as-of 2027-04-10 --no-builtin --rules "$TESTS/native" --format jsonl "$ROOT/examples"
[ "$(grep -c '"message": "checked ' "$WORK/out")" = "$plans" ] || bad "not one comparison per plan"
checklists=$(grep -rl --exclude-dir='*.test' '^kind: unit-onboarding' "$ROOT/examples" | wc -l)
[ "$checklists" -gt 0 ] || bad "no onboarding checklist in the examples"
[ "$(grep -c '"message": "compared [0-9]* texts' "$WORK/out")" = "$checklists" ] ||
  bad "not one comparison of the text helpers per onboarding checklist"
finish

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
