#!/usr/bin/env bash
# browser.sh: the HTML page in a real browser, Debian's headless chromium,
# driven over the DevTools protocol by tests/cli/browser.py: at 390 px wide
# nothing scrolls sideways (every unit open too), the filters (status, rule,
# free text) and the sorting work, the to-do view lists its owners, the page
# without JavaScript opens a unit's findings on a click, and the A4 print
# has the summary on page 1 and no blank page. chromium is installed by the
# README's test command: without it this test FAILS, it does not skip.
# Usage: browser.sh PATH/TO/startklar TESTS_DIR OUT_DIR
set -u
SK=$1
TESTS=$2
OUT=$3
ROOT=$(cd "$TESTS/.." && pwd)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DRIVER="$(dirname "${BASH_SOURCE[0]}")/browser.py"
mkdir -p "$OUT"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
start "chromium is installed (the README's test command installs it)"
[ -n "$CHROMIUM" ] || bad "no chromium on PATH: apt-get install chromium"
finish
if [ -z "$CHROMIUM" ]; then
  summary
  exit 1
fi

PAGE=$OUT/examples.html
"$SK" audit --as-of 2027-04-10 --format html -o "$PAGE" "$ROOT/examples" >/dev/null 2>&1
"$SK" audit --as-of 2027-04-10 --format json -o "$OUT/examples.json" "$ROOT/examples" >/dev/null 2>&1

start "at 390 px: no horizontal scrolling, closed and with every unit open; filters and sorting work"
if python3 "$DRIVER" "$CHROMIUM" "$PAGE" js 390 800 "Vårdcentralen Visby" "CP-02" >"$OUT/js.json" 2>"$WORK/err"; then
  python3 - "$OUT/js.json" "$OUT/examples.json" <<'EOF' || bad "$(cat "$OUT/js.json" | head -c 1500)"
import json, sys
got = json.load(open(sys.argv[1]))
ref = json.load(open(sys.argv[2]))
units = [u["hsa_id"] for u in ref["units"]]
assert got["window"] == 390, got["window"]
assert got["width"] <= 390, ("scrolls sideways", got["width"], got["wide"])
assert got["width_open"] <= 390, ("scrolls sideways with the units open", got["width_open"], got["wide_open"])
assert got["opened"] == got["details"] > len(units), (got["opened"], got["details"])
assert got["units"] == units and got["shown"] == str(len(units)), got["units"]
assert got["fail"] == [u["hsa_id"] for u in ref["units"] if u["status"] == "fail"], got["fail"]
assert got["query"] == [u["hsa_id"] for u in ref["units"] if u["name"] == "Vårdcentralen Visby"], got["query"]
assert got["rule"] == [u["hsa_id"] for u in ref["units"] if any(f["rule"] == "CP-02" for f in u["findings"])], got["rule"]
errors = {u["hsa_id"]: sum(f["severity"] == "error" for f in u["findings"]) for u in ref["units"]}
asc = got["sort_error_asc"]
assert sorted(i for i, _ in asc) == sorted(units)
assert [n for _, n in asc] == sorted(errors.values()) and all(errors[i] == n for i, n in asc), asc
assert [n for _, n in asc] != [errors[i] for i in units], "the sort changed nothing"
assert [errors[i] for i in got["sort_error_desc"]] == sorted(errors.values(), reverse=True)
assert got["sort_id"] == sorted(units), got["sort_id"]
assert got["todo"] > 0, "no owner in the to-do view"
EOF
else
  bad "the driver: $(tail -3 "$WORK/err")"
fi
finish

start "without JavaScript: the units are closed, a click on one opens its findings"
if python3 "$DRIVER" "$CHROMIUM" "$PAGE" nojs 390 800 >"$OUT/nojs.json" 2>"$WORK/err"; then
  python3 - "$OUT/nojs.json" <<'EOF' || bad "$(head -c 1500 "$OUT/nojs.json")"
import json, sys
got = json.load(open(sys.argv[1]))
b, a = got["before"], got["after"]
assert b["shown"] == "" and a["shown"] == "", "the page's script ran: JavaScript was not off"
assert b["open"] is False and b["text"] == "", b
assert a["open"] is True and "error" in a["text"] and ".yaml:" in a["text"], a
assert a["width"] <= 390, a["width"]
EOF
else
  bad "the driver: $(tail -3 "$WORK/err")"
fi
finish

start "printed on A4: the summary on page 1, no blank page, the controls left out"
if python3 "$DRIVER" "$CHROMIUM" "$PAGE" print 1280 800 >"$OUT/print.json" 2>"$WORK/err"; then
  python3 - "$OUT/print.json" <<'EOF' || bad "$(head -c 1500 "$OUT/print.json")"
import json, sys
got = json.load(open(sys.argv[1]))
assert got["pages"] >= 2 and len(got["texts"]) == got["pages"], got
assert all(n > 0 for n in got["texts"]), ("a blank page", got["texts"])
assert got["summary_top"] < got["page_height"] / 2, ("the summary is not on page 1", got["summary_top"])
assert got["controls"] == "none"
EOF
else
  bad "the driver: $(tail -3 "$WORK/err")"
fi
finish

summary
