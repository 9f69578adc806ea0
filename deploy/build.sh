#!/usr/bin/env bash
# Configures and builds junheng into ./build (or $JUNHENG_BUILD_DIR): everything, or only the
# targets named (deploy/package.sh: junheng-server junheng).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${JUNHENG_BUILD_DIR:-build}"
JOBS="${JUNHENG_JOBS:-$(nproc)}"
# A developer machine with ccache reuses objects across clones and worktrees; CI has none.
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
echo "configuring $BUILD_DIR (a first build takes 20-30 minutes on 2 cores; progress follows)"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" >/dev/null
TARGETS=()
if [ $# -gt 0 ]; then TARGETS=(--target "$@"); fi
cmake --build "$BUILD_DIR" -j "$JOBS" "${TARGETS[@]}"
# The web console's npm packages (ECharts, and playwright-core for the browser tests).
bash deploy/install-web.sh
