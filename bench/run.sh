#!/usr/bin/env bash
# run.sh: startklar's benchmark, as ratios against a floor on this machine.
# Usage: bench/run.sh [BUILD_DIR] [UNITS]   (defaults: build, 5000)
# Prints: audit --jobs 1 time / libyaml floor time, --jobs 2 speed-up over
# --jobs 1, peak RSS at UNITS and at 4 x UNITS units, one check of one unit.
# Numbers are never asserted by the tests: performance is read, not gated.
set -eu
BUILD=${1:-build}
UNITS=${2:-5000}
BIG=$((UNITS * 4))
SK=$BUILD/startklar
M=$BUILD/bench/bench_measure
WORK=${BENCH_DIR:-$(mktemp -d)}
RUNS=${RUNS:-3}
[ -x "$SK" ] && [ -x "$M" ] || { echo "build first: cmake --build $BUILD" >&2; exit 2; }

mkdir -p "$WORK"
[ -d "$WORK/c$UNITS" ] || "$BUILD/bench/gen_units" "$WORK/c$UNITS" "$UNITS" 2027
[ -d "$WORK/c$BIG" ] || "$BUILD/bench/gen_units" "$WORK/c$BIG" "$BIG" 2027
AUDIT=("$SK" audit --as-of 2027-04-10 --format jsonl)

read -r floor _ < <("$M" "$RUNS" "$BUILD/bench/bench_floor" "$WORK/c$UNITS")
read -r j1 rss1 < <("$M" "$RUNS" "${AUDIT[@]}" --jobs 1 "$WORK/c$UNITS")
read -r j2 _ < <("$M" "$RUNS" "${AUDIT[@]}" --jobs 2 "$WORK/c$UNITS")
read -r _ rss_small < <("$M" 1 "${AUDIT[@]}" --jobs 2 "$WORK/c$UNITS")
read -r _ rss_big < <("$M" 1 "${AUDIT[@]}" --jobs 2 "$WORK/c$BIG")
read -r one _ < <("$M" 10 "$SK" check --as-of 2027-04-10 "$WORK/c$UNITS/u00001")

awk -v f="$floor" -v j1="$j1" -v j2="$j2" -v r1="$rss_small" -v r2="$rss_big" -v one="$one" \
    -v n="$UNITS" -v big="$BIG" -v rssj1="$rss1" 'BEGIN {
  printf "machine: %s\n", ENVIRON["BENCH_MACHINE"] != "" ? ENVIRON["BENCH_MACHINE"] : "this one"
  printf "libyaml floor, %d units:          %.3f s\n", n, f
  printf "audit --jobs 1, %d units:         %.3f s   %.2f x the floor   (target <= 3, aim 1.6)\n", n, j1, j1 / f
  printf "audit --jobs 2, %d units:         %.3f s   %.2f x faster than --jobs 1   (target >= 1.6)\n", n, j2, j1 / j2
  printf "peak RSS, --jobs 1, %d units:     %.1f MB\n", n, rssj1 / 1024
  printf "peak RSS, --jobs 2, %d units:     %.1f MB\n", n, r1 / 1024
  printf "peak RSS, --jobs 2, %d units:    %.1f MB   (%+.1f %% against %d; target <= 64 MB, flat within 10 %%)\n", big, r2 / 1024, 100 * (r2 - r1) / r1, n
  printf "check of one unit (whole process): %.1f ms   (target < 20, aim 5)\n", one * 1000
}'
