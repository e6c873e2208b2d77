#!/usr/bin/env bash
# runtime.sh: the runtime's limits end to end (issue 20): sk.join on long
# lists and separators, rules that would run for ever inside one C call, a
# rule that reports without end, memory verdicts across --jobs, the default
# --as-of's timezone. Each hostile rule is a rule error naming rule and
# unit, and every other unit keeps its results. No timed assertion: ctest's
# TIMEOUT on this test is the guard against a run that never ends.
# Usage: runtime.sh STARTKLAR TESTS_DIR
SK=$1
TESTS=$2
DATA=$TESTS/cli/data/runtime
. "$TESTS/cli/lib.sh"

# --- sk.join: the luaL_Buffer crash -------------------------------------------------
start "sk.join of 138 roles and of 138 risk areas through the built-in rules"
run check --as-of 2027-01-01 "$DATA/join"
expect_code 1
expect_out "join-roles.yaml:8:5 error ON-05 Emma Sjöberg (roles: practitioner, practitioner"
expect_out "join-areas.yaml:11:3 warning ON-08 the risk analysis does not cover the area routines"
expect_no_out "Could not be judged"
finish

start "sk.join with a 5000-byte separator"
run check --as-of 2027-01-01 --no-builtin --rules "$DATA/rules-join" "$DATA/join/join-roles.yaml"
expect_code 0
expect_out "warning RT-01 joined 686789 bytes"
finish

summary
