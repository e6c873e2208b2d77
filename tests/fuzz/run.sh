#!/usr/bin/env bash
# run.sh: builds the libFuzzer targets (clang, SK_FUZZ=ON) in their own
# directory and runs one of them for a given time on a corpus seeded from the
# fixtures. Usage: tests/fuzz/run.sh load|index|rule SECONDS [BUILD_DIR]
# A crash or hang is written to BUILD_DIR/artifacts-TARGET/; copy it into
# tests/fuzz/regressions/TARGET/ (replayed by ctest) and fix the engine.
set -eu
TARGET=${1:?usage: run.sh load|index|rule SECONDS [BUILD_DIR]}
SECONDS_TO_RUN=${2:?usage: run.sh load|index|rule SECONDS [BUILD_DIR]}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${3:-$ROOT/build-fuzz}
case "$TARGET" in load|index|rule) ;; *) echo "run.sh: TARGET is load, index or rule" >&2; exit 2 ;; esac

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_C_COMPILER=clang -DSK_FUZZ=ON -DSK_SANITIZE=OFF \
        -DSK_TESTS=OFF -DSK_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD" -j2 --target "fuzz_$TARGET" >/dev/null

# the seed corpus: fixtures, bad inputs and examples (YAML), or every rule (Lua)
SEEDS=$BUILD/seeds-$TARGET
CORPUS=$BUILD/corpus-$TARGET
ARTIFACTS=$BUILD/artifacts-$TARGET
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$CORPUS" "$ARTIFACTS"
if [ "$TARGET" = load ] || [ "$TARGET" = index ]; then
  files=$(cd "$ROOT" && find plugins tests/bad examples tests/cli/data -name '*.yaml' -o -name '*.yml')
  MAXLEN=65536
else
  files=$(cd "$ROOT" && find plugins examples -name '*.lua')
  MAXLEN=16384
fi
for f in $files; do
  cp "$ROOT/$f" "$SEEDS/$(echo "$f" | tr '/' '_')"
done
cp "$ROOT/tests/fuzz/regressions/$TARGET"/* "$SEEDS/" 2>/dev/null || true

# -timeout: a single input running longer is a hang; -rss_limit_mb: the
# memory caps must keep a run far below it
set +e
"$BUILD/tests/fuzz/fuzz_$TARGET" "$CORPUS" "$SEEDS" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=$MAXLEN \
  -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 >"$BUILD/fuzz-$TARGET.log" 2>&1
status=$?
set -e
grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|Done [0-9]|artifact|Test unit written' "$BUILD/fuzz-$TARGET.log" || true
echo "run.sh: $TARGET ran $SECONDS_TO_RUN s; log: $BUILD/fuzz-$TARGET.log; artifacts: $ARTIFACTS"
exit "$status"
