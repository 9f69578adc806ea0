#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install packages, check the formatting, build,
# run ctest, then the fuzz targets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh
echo "== clang-format over every C++ file (deploy/format.sh --check)"
bash deploy/format.sh --check
bash deploy/build.sh
(cd "${JUNHENG_BUILD_DIR:-build}" &&
  ctest --output-on-failure -j "${JUNHENG_JOBS:-$(nproc)}" --timeout 600)
# libFuzzer targets (issue 6): a separate clang build, each target for 60 s from its seed corpus.
bash tests/fuzz/run_fuzzers.sh "${JUNHENG_FUZZ_SECONDS:-60}"
