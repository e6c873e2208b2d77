# lib.sh: the harness the end-to-end scripts share (sourced, not run): a
# scratch folder, counters, running the binary, and two styles of checks:
#   start NAME; run ARGS...; expect_code N; expect_out TEXT ...; finish
#   check NAME COMMAND...      (one line, one check)
# and the closing line "N passed, M failed" with the exit status.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1
export LANG=C # the tests read English unless they ask for --lang sv
unset STARTKLAR_LANG STARTKLAR_I18N_STRICT
passed=0 failed=0 current="" case_failed=0 code=0

# run ARGS...: runs startklar ($SK), keeps stdout, stderr and the exit code
run() {
  "$SK" "$@" >"$WORK/out" 2>"$WORK/err"
  code=$?
}
bad() {
  echo "FAIL [$current] $*"
  [ -f "$WORK/out" ] && echo "  stdout: $(head -c 600 "$WORK/out")"
  [ -f "$WORK/err" ] && echo "  stderr: $(head -c 300 "$WORK/err")"
  case_failed=1
}
start() { current=$1; case_failed=0; }
finish() {
  if [ "$case_failed" = 0 ]; then passed=$((passed + 1)); echo "ok   $current"; else failed=$((failed + 1)); fi
}
expect_code() { [ "$code" = "$1" ] || bad "exit code $code, expected $1"; }
expect_out() { grep -qF -- "$1" "$WORK/out" || bad "stdout lacks: $1"; }
expect_out_re() { grep -qE -- "$1" "$WORK/out" || bad "stdout lacks a line like: $1"; }
expect_err() { grep -qF -- "$1" "$WORK/err" || bad "stderr lacks: $1"; }
expect_no_out() { ! grep -qF -- "$1" "$WORK/out" || bad "stdout has: $1"; }
expect_no_err() { ! grep -qF -- "$1" "$WORK/err" || bad "stderr has: $1"; }

# check NAME COMMAND...: one check that passes when COMMAND succeeds
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# the closing line, and the script's exit status
summary() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}
