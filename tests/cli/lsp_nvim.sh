#!/bin/bash
# lsp_nvim.sh BINARY TESTS_DIR: Neovim's built-in LSP client (headless,
# lsp_nvim.lua) attached to `startklar lsp` on an example unit: the
# diagnostics it receives for each document are `startklar check`'s findings
# for that file, line and column (the column as Neovim's byte offset, so the
# positions on lines with å, ä, ö cross the protocol's UTF-16 exactly); in
# the same session hover, code actions and completion answer.
SK=$(realpath "$1")
TESTS=$(realpath "$2")
. "$TESTS/cli/lib.sh"
command -v nvim >/dev/null || { echo "FAIL nvim not found (Debian: apt-get install neovim)"; exit 1; }

# a unit whose findings sit after non-ASCII text: activity a8 written as one
# flow mapping whose "what" (with å, ö and an emoji) comes before its
# target_groups, where CP-07 points
cp -r "$TESTS/../examples/bup-vaxjo" "$WORK/unit"
python3 - "$WORK/unit/plan.yaml" <<'PY'
import json, re, sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
at = lines.index("      - id: a8")
end = at + 1
while lines[end].startswith("        "):
    end += 1
pairs = [l.strip().split(": ", 1) for l in [lines[at][8:]] + lines[at + 1:end]]
value = lambda v: v if v.startswith("[") or re.fullmatch(r"[0-9-]+|[a-z0-9]+", v) else json.dumps(v, ensure_ascii=False)
pairs.sort(key=lambda kv: kv[0] != "what")
pairs[0][1] += " 📈 för vårdnadshavare"
lines[at:end] = ["      - {" + ", ".join(k + ": " + value(v) for k, v in pairs) + "}"]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
grep -q '📈.*target_groups: \[behandlar\]' "$WORK/unit/plan.yaml" || { echo "FAIL the unit could not be prepared"; exit 1; }

for doc in plan onboarding; do
  start "neovim's LSP client gets check's findings for $doc.yaml (line, byte column, rule, message)"
  "$SK" check --as-of 2027-04-10 --format json "$WORK/unit" >"$WORK/check.json"
  python3 - "$WORK/check.json" "$WORK/unit/$doc.yaml" >"$WORK/expected" <<'PY' || bad "check's findings could not be read"
import json, sys
report, path = json.load(open(sys.argv[1])), sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
rows = []
for unit in report["units"]:
    for f in unit["findings"]:
        if f["file"].endswith("/" + path.split("/")[-1]):
            # the engine's column is in characters; Neovim keeps a byte offset
            col = len(lines[f["line"] - 1][:f["column"] - 1].encode("utf-8"))
            rows.append("%d:%d %s %s" % (f["line"], col, f["rule"], f["message"]))
print("\n".join(sorted(rows)))
PY
  SK="$SK" PLAN="$WORK/unit/$doc.yaml" ROOT="$WORK/unit" OUT="$WORK/got" \
    timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $TESTS/cli/lsp_nvim.lua" >/dev/null 2>"$WORK/err"
  [ -s "$WORK/got" ] || bad "neovim wrote no diagnostics"
  [ "$(wc -l <"$WORK/expected")" -gt 1 ] || bad "check found too little to compare"
  diff "$WORK/expected" "$WORK/got" >"$WORK/out" || bad "the diagnostics differ from check's findings (expected <, neovim >)"
  finish
  # the same session: hover on a finding names its rule, code actions are offered for it
  check "neovim: hover on a finding of $doc.yaml names its rule ($(grep '^hover' "$WORK/got.session"))" \
    grep -qE "^hover [A-Z]+-[0-9]+ shown$" "$WORK/got.session"
  check "neovim: code actions for the first finding of $doc.yaml" grep -qE "^actions [1-9]" "$WORK/got.session"
  if [ "$doc" = plan ]; then
    # the closed vocabulary of audience, from the JSON Schema startklar writes (not a copied list)
    want=$("$SK" schema communication-plan | python3 -c '
import json, sys
def find(n):
    if isinstance(n, dict):
        if isinstance(n.get("audience"), dict) and "enum" in n["audience"]:
            return n["audience"]["enum"]
        for v in n.values():
            e = find(v)
            if e: return e
    elif isinstance(n, list):
        for v in n:
            e = find(v)
            if e: return e
print(",".join(sorted(w for w in find(json.load(sys.stdin)) if w is not None)))')
    check "neovim: completion of audience offers the schema's values ($want)" \
      grep -qx "completion $want" "$WORK/got.session"
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
