#!/usr/bin/env bash
# Configures and builds junheng into ./build (or $JUNHENG_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${JUNHENG_BUILD_DIR:-build}"
JOBS="${JUNHENG_JOBS:-$(nproc)}"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
