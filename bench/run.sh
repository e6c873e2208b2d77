#!/usr/bin/env bash
# run.sh: startklar's benchmark, as ratios against a floor on this machine.
# Usage: bench/run.sh [BUILD_DIR] [UNITS]   (defaults: build, 5000)
# Prints: audit --jobs 1 time / libyaml floor time, --jobs 2 speed-up over
# --jobs 1, peak RSS at UNITS and at 4 x UNITS units, one check of one unit
# in English and in Swedish; each the best of RUNS runs (wall time), with the
# least CPU time beside it (for --jobs 2, of both threads: what it costs
# more than --jobs 1), and the load average the machine had. Then where
# one more --jobs 1 run's time went, stage by stage (--timing), each stage
# also against the floor.
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
ONE=("$SK" check --as-of 2027-04-10 "$WORK/c$UNITS/u00001")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

read -r floor _ floor_cpu < <("$M" "$RUNS" "$BUILD/bench/bench_floor" "$WORK/c$UNITS")
read -r j1 rss1 j1_cpu < <("$M" "$RUNS" "${AUDIT[@]}" --jobs 1 "$WORK/c$UNITS")
read -r j2 _ j2_cpu < <("$M" "$RUNS" "${AUDIT[@]}" --jobs 2 "$WORK/c$UNITS")
read -r _ rss_small _ < <("$M" 1 "${AUDIT[@]}" --jobs 2 "$WORK/c$UNITS")
read -r _ rss_big _ < <("$M" 1 "${AUDIT[@]}" --jobs 2 "$WORK/c$BIG")
read -r one _ one_cpu < <("$M" $((RUNS * 10)) "${ONE[@]}" --lang en)
read -r one_sv _ one_sv_cpu < <("$M" $((RUNS * 10)) "${ONE[@]}" --lang sv)
# one more --jobs 1 run, for its stages: "ms<TAB>%<TAB>name" a line
stages=$("${AUDIT[@]}" --jobs 1 --lang en --timing "$WORK/c$UNITS" 2>&1 >/dev/null |
  awk '/^stage / {on = 1; next} on && NF == 0 {exit} on {name = $0; sub(/ +[0-9.]+ +[0-9.]+$/, "", name); printf "%s\t%s\t%s\n", $(NF-1), $NF, name}')
read -r one_floor _ one_floor_cpu < <("$M" $((RUNS * 10)) "$BUILD/bench/bench_floor" "$WORK/c$UNITS/u00001")

STAGES=$stages awk -v f="$floor" -v fc="$floor_cpu" -v j1="$j1" -v j1c="$j1_cpu" -v j2="$j2" -v j2c="$j2_cpu" -v r1="$rss_small" \
    -v r2="$rss_big" -v one="$one" -v onec="$one_cpu" -v sv="$one_sv" -v svc="$one_sv_cpu" \
    -v of="$one_floor" -v ofc="$one_floor_cpu" -v n="$UNITS" -v big="$BIG" -v rssj1="$rss1" \
    -v runs="$RUNS" -v load="$load_before" -v load2="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "machine: %s; best of %d runs (a check: of %d); load average %s before, %s after\n",
         ENVIRON["BENCH_MACHINE"] != "" ? ENVIRON["BENCH_MACHINE"] : "this one", runs, runs * 10, load, load2
  printf "libyaml floor, %d units:          %.3f s   (CPU %.3f s)\n", n, f, fc
  printf "audit --jobs 1, %d units:         %.3f s   %.2f x the floor   (CPU %.3f s, %.2f x)   (target <= 2, aim 1.6)\n", n, j1, j1 / f, j1c, j1c / fc
  printf "audit --jobs 2, %d units:         %.3f s   %.2f x faster than --jobs 1   (target >= 1.85)   (CPU %.3f s, %+.1f %% against --jobs 1)\n", n, j2, j1 / j2, j2c, 100 * (j2c - j1c) / j1c
  printf "peak RSS, --jobs 1, %d units:     %.1f MB\n", n, rssj1 / 1024
  printf "peak RSS, --jobs 2, %d units:     %.1f MB\n", n, r1 / 1024
  printf "peak RSS, --jobs 2, %d units:    %.1f MB   (%+.1f %% against %d; target <= 64 MB, flat within 10 %%)\n", big, r2 / 1024, 100 * (r2 - r1) / r1, n
  printf "libyaml floor, one unit:           %.1f ms   (CPU %.1f ms)\n", of * 1000, ofc * 1000
  printf "check of one unit, English:        %.1f ms   (CPU %.1f ms)   (target 5)\n", one * 1000, onec * 1000
  printf "check of one unit, Swedish:        %.1f ms   (CPU %.1f ms)   (target 5)\n", sv * 1000, svc * 1000
  printf "stages of one more audit --jobs 1, %d units (--timing: ms, share of the run, x the floor):\n", n
  k = split(ENVIRON["STAGES"], line, "\n")
  for (i = 1; i <= k; i++) {
    split(line[i], x, "\t")
    printf "  %-34s %8.1f ms  %5.1f %%  %5.2f x\n", x[3], x[1], x[2], x[1] / 1000 / f
  }
}'
