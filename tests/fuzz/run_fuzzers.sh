#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own build dir and runs each for a bounded time
# from its seed corpus (issue 6): no crash, no hang (-timeout), no unbounded memory (-rss_limit_mb).
# Usage: run_fuzzers.sh [SECONDS_EACH]   (default $JUNHENG_FUZZ_SECONDS or 60)
# New inputs go to a scratch corpus; tests/fuzz/corpus/ is only read. A crash leaves its input in
# $BUILD/artifacts/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-${JUNHENG_FUZZ_SECONDS:-60}}"
BUILD="${JUNHENG_FUZZ_BUILD_DIR:-build-fuzz}"
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DJUNHENG_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  >/dev/null
cmake --build "$BUILD" -j "${JUNHENG_JOBS:-$(nproc)}" --target csv_fuzzer xlsx_fuzzer json_fuzzer validate_fuzzer
mkdir -p "$BUILD/artifacts"
for name in csv xlsx json validate; do
  scratch="$BUILD/corpus-$name"
  mkdir -p "$scratch"
  echo "== ${name}_fuzzer for ${SECONDS_EACH}s"
  "$BUILD/tests/fuzz/${name}_fuzzer" "$scratch" "tests/fuzz/corpus/$name" \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$BUILD/artifacts/${name}-" -print_final_stats=1 2>"$BUILD/${name}.log" ||
    { tail -n 60 "$BUILD/${name}.log"; echo "${name}_fuzzer FAILED"; exit 1; }
  grep -E "^stat::number_of_executed_units|^Done" "$BUILD/${name}.log" || true
done
echo "== fuzzing: no crash, no hang, no memory blow-up"
