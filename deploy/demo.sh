#!/usr/bin/env bash
# The main job on its embedded default: build, start a local junheng-server on RocksDB, import Qin
# County's 26 schools, submit their reports from 26 concurrent clients, print what was stored and
# the county's evaluation, stop the server. The demo runs TLS on loopback with certificates made
# by deploy/tls/make-certs.sh and bearer tokens: a bureau_admin token issued offline, one
# school_clerk token per school, an auditor token that verifies the audit log (docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash deploy/install-deps.sh
bash deploy/build.sh >/dev/null
BUILD="${JUNHENG_BUILD_DIR:-build}"
SERVER_BIN="$ROOT/$BUILD/server/junheng-server"
CLIENT_BIN="$ROOT/$BUILD/client/junheng"
source deploy/server-lib.sh

WORK="$ROOT/var/demo"
rm -rf "$WORK"            # a fresh demo county each run
mkdir -p "$WORK"
start_server "$SERVER_BIN" "$WORK/data" "$WORK/server.log"
trap 'stop_server >/dev/null 2>&1 || true' EXIT
echo "== junheng-server on $SERVER_ADDR, data in $WORK/data (RocksDB)"

J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 "${CLIENT_SECURITY[@]}")
echo "== TLS with the county CA in $WORK/tls; bureau admin token issued offline"
echo "== importing the registry"
"${J[@]}" schools import deploy/sample/schools.csv

for period in 2023 2024; do
  split_reports "deploy/sample/reports-$period.csv" "$WORK/reports-$period"
  echo "== $period: 26 clerks submit at once"
  pids=()
  for file in "$WORK/reports-$period"/*.csv; do
    school=$(basename "$file" .csv)
    if [ ! -s "$WORK/clerk-$school.token" ]; then  # each school's clerk gets its own token
      "${J[@]}" admin token issue --role school_clerk --school "$school" --label "demo clerk" \
        >"$WORK/clerk-$school.token" 2>/dev/null
    fi
    JUNHENG_TOKEN=$(cat "$WORK/clerk-$school.token") \
      "${J[@]}" --submitter "clerk-$school" submit "$file" >"$WORK/submit-$period-$school.log" 2>&1 &
    pids+=($!)
  done
  failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  echo "   $((${#pids[@]} - failed)) submissions accepted, $failed failed"
  if [ "$failed" -ne 0 ]; then cat "$WORK"/submit-$period-*.log; exit 1; fi
done

echo "== what the server stored for 2024"
"${J[@]}" reports --period 2024

echo "== the auditor verifies the audit log's hash chain"
AUDITOR_TOKEN=$("${J[@]}" admin token issue --role auditor --label "demo auditor" 2>/dev/null)
JUNHENG_TOKEN="$AUDITOR_TOKEN" "${J[@]}" audit verify

stop_server
trap - EXIT
echo "== server stopped cleanly; the data stays in $WORK/data"
