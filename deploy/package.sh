#!/usr/bin/env bash
# Builds the Debian packages junheng-server and junheng (cmake/Packaging.cmake) from ./build (or
# $JUNHENG_BUILD_DIR): installs the Debian packages it needs, builds the two programs with
# deploy/build.sh (which also fetches the web console's ECharts), then runs CPack. Prints where the
# .deb files are.
#
#   bash deploy/package.sh [--skip-build] [--out DIR]
#
#   --skip-build   package the build as it is (the package test: ctest has built everything)
#   --out DIR      where the .deb files go; default BUILD_DIR/packages
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${JUNHENG_BUILD_DIR:-build}"
OUT=""
SKIP_BUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) SKIP_BUILD=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "package.sh: unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
OUT="${OUT:-$BUILD_DIR/packages}"

if [ "$SKIP_BUILD" = 0 ]; then
  echo "== Debian packages for building (deploy/install-deps.sh)"
  bash deploy/install-deps.sh
  echo "== build of junheng-server and junheng ($BUILD_DIR, deploy/build.sh)"
  bash deploy/build.sh junheng-server junheng
fi

# What CPack cannot see for itself: a missing piece would make a package that installs but is
# incomplete or declares no dependencies.
if [ ! -f "$BUILD_DIR/CPackConfig.cmake" ]; then
  echo "package.sh: $BUILD_DIR/CPackConfig.cmake is missing: configure the build first (deploy/build.sh)" >&2
  exit 1
fi
for binary in server/junheng-server client/junheng; do
  if [ ! -x "$BUILD_DIR/$binary" ]; then
    echo "package.sh: $BUILD_DIR/$binary is missing: build first (deploy/build.sh)" >&2
    exit 1
  fi
done
if [ ! -f web/public/vendor/echarts.min.js ]; then
  echo "package.sh: web/public/vendor/echarts.min.js is missing (the console's charts): run deploy/install-web.sh" >&2
  exit 1
fi
if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
  echo "package.sh: dpkg-shlibdeps is missing, without it the packages would declare no libraries: apt-get install dpkg-dev" >&2
  exit 1
fi

echo "== cpack: junheng-server and junheng (stripped binaries, dependencies from dpkg-shlibdeps)"
mkdir -p "$OUT"
rm -f "$OUT"/*.deb
cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$(cd "$OUT" && pwd)" >"$OUT/cpack.log" 2>&1 || {
  cat "$OUT/cpack.log" >&2
  exit 1
}
rm -rf "$OUT/_CPack_Packages"
shopt -s nullglob
debs=("$OUT"/*.deb)
if [ ${#debs[@]} -ne 2 ]; then
  echo "package.sh: expected 2 packages in $OUT, found ${#debs[@]}; cpack's output:" >&2
  cat "$OUT/cpack.log" >&2
  exit 1
fi
for deb in "${debs[@]}"; do
  echo "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")  ($(du -h "$deb" | cut -f1))"
  echo "  Depends: $(dpkg-deb --field "$deb" Depends)"
done
echo "install on a Debian 12 machine: apt install ./$(basename "${debs[0]}") ./$(basename "${debs[1]}")"
