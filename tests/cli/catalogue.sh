#!/usr/bin/env bash
# catalogue.sh: a message catalogue is read and checked at build time
# (embed_catalogue, i18n_read.c): each way a catalogue can be wrong fails
# the tool with the file:line of the entry and writes no C file; a good one
# becomes a table sorted by the English text, and Swedish reports use it.
# Usage: catalogue.sh PATH/TO/embed_catalogue PATH/TO/startklar
set -u
TOOL=$1
SK=$2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# bad NAME YAML MESSAGE: the tool refuses YAML with MESSAGE and writes nothing
refuses() {
  local name=$1 yaml=$2 message=$3
  start "refused: $name"
  printf '%s' "$yaml" >"$WORK/cat.yaml"
  rm -f "$WORK/cat.c"
  "$TOOL" "$WORK/cat.c" sk_catalogue_xx "$WORK/cat.yaml" >"$WORK/out" 2>"$WORK/err"
  code=$?
  expect_code 1
  expect_err "$message"
  [ ! -e "$WORK/cat.c" ] || bad "a C file was written"
  finish
}
refuses "not YAML" $'entries:\n  - en: "a\n' "cat.yaml:"
refuses "a pattern entry" $'entries:\n  - match: "a (.*)"\n    sv: "b"\n' \
  "the catalogue is wrong here: an entry has en, sv and, for a count, plural and sv_plural (no patterns)"
refuses "an entry without sv" $'entries:\n  - en: "a"\n' "cat.yaml:2: the catalogue is wrong here: an entry needs en and sv"
refuses "other printf arguments" $'entries:\n  - en: "%zu units"\n    sv: "%s enheter"\n' \
  "cat.yaml:2: the translation of '%zu units' takes other arguments (s) than the English (zu)"
refuses "two translations of one text" $'entries:\n  - en: "a"\n    sv: "b"\n  - en: "a"\n    sv: "c"\n' \
  "cat.yaml:4: 'a' has two entries (the other at line 2)"

start "a good catalogue becomes a sorted table"
printf '%s' $'entries:\n  - en: "b"\n    sv: "bå"\n  - en: "%zu unit"\n    plural: "%zu units"\n    sv: "%zu enhet"\n    sv_plural: "%zu enheter"\n  - en: "a \\"quoted\\" text"\n    sv: "en \\"citerad\\" text"\n' >"$WORK/cat.yaml"
"$TOOL" "$WORK/cat.c" sk_catalogue_xx "$WORK/cat.yaml" >"$WORK/out" 2>"$WORK/err"
code=$?
expect_code 0
grep '^    {' "$WORK/cat.c" | head -n 1 | grep -qF '{"%zu unit", "%zu units", "%zu enhet", "%zu enheter", 4}' ||
  bad "the plural entry is not first: $(cat "$WORK/cat.c")"
grep -qF '{"a \"quoted\" text", NULL, "en \"citerad\" text", NULL, 8}' "$WORK/cat.c" || bad "quotes not escaped"
grep -qF '"b\303\245"' "$WORK/cat.c" || bad "å not written as octal bytes"
grep -qF 'const size_t sk_catalogue_xx_count = 3;' "$WORK/cat.c" || bad "no count"
finish

# the compiled-in catalogue is the one Swedish reports use
start "Swedish reports use the compiled catalogue"
run check --lang sv --as-of 2027-04-10 "$(dirname "${BASH_SOURCE[0]}")/../../examples/vc-visby-ready"
expect_out "startklar-rapport"
finish

summary
