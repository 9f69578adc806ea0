#!/usr/bin/env bash
# Installs the Debian 12 packages junheng builds and tests with. Nothing else is downloaded.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  protobuf-compiler libprotobuf-dev libgrpc++-dev protobuf-compiler-grpc
  librocksdb-dev libcli11-dev libspdlog-dev libtomlplusplus-dev libcsv-dev libssl-dev
  libsqlite3-dev libgtest-dev libgmock-dev libbenchmark-dev libgoogle-perftools-dev
  libxlsxwriter-dev liborcus-dev libixion-dev libboost-dev libmicrohttpd-dev libqrencode-dev
  libcurl4-openssl-dev curl chromium zbar-tools
  openssl clang-14 libclang-rt-14-dev clang clang-format
  liborcus-dev libxlsxwriter-dev python3-openpyxl
  dpkg-dev debootstrap  # deploy/package.sh (dpkg-shlibdeps) and its test's clean Debian root
  prometheus  # promtool, which lints /metrics and the alert rules (tests/e2e/metrics_e2e_test.sh)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The web console's tests and packages need Node.js and npm (web/package-lock.json): the machine's
# own when it has them (a newer Node.js than Debian's), else Debian's.
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
