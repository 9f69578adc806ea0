# Shell helpers shared by deploy/demo.sh and the e2e tests. Source it; it defines functions only.

# start_server SERVER_BINARY DATA_DIR LOG_FILE
# Starts junheng-server on a free loopback port in the background, over TLS with a bearer token
# (issue 6, docs/security.md). Sets SERVER_PID and SERVER_ADDR (host:port read from the server's
# own log line). Returns 1 if it does not come up. Beside DATA_DIR it keeps:
#   tls/          the county CA and server certificate (deploy/tls/make-certs.sh), made once;
#                 JUNHENG_TLS_DIR overrides where
#   admin.token   a bureau_admin token for county ${JUNHENG_COUNTY:-140430}, issued offline
#                 (`junheng-server token issue`) before the first start; mode 600
# SERVER_REGIONS (an array, optional): region registry CSVs (code,name,parent) that it imports
# offline (`junheng-server regions import`) before every start, e.g. (deploy/sample/regions.csv).
# SERVER_TOKENS (an array, optional): more tokens issued offline before the first start, after the
# regions (a region_viewer's region must be in the registry), as "FILE ROLE CODE": FILE beside
# DATA_DIR, mode 600; CODE the county, or for region_viewer the region, e.g.
# ("viewer.token region_viewer 1404").
# With SERVER_HTTP=1 the server also serves the web console and the HTTP API on a free loopback
# port (docs/web-console.md) and WEB_URL is set to its https:// address.
# It sets SERVER_SECURITY (the server's TLS options, for restarting it by hand),
# CLIENT_SECURITY (the client's --ca option) and exports JUNHENG_TOKEN=ADMIN_TOKEN so that
# `junheng` and `junheng-server backup` act as the bureau admin unless told otherwise.
start_server() {
  local binary="$1" data_dir="$2" log="$3"
  [ -n "${SERVER_EXTRA_ARGS+x}" ] || SERVER_EXTRA_ARGS=()
  local work tls
  work=$(dirname "$data_dir")
  tls="${JUNHENG_TLS_DIR:-$work/tls}"
  if [ ! -f "$tls/server.crt" ]; then
    bash "$(dirname "${BASH_SOURCE[0]}")/tls/make-certs.sh" "$tls" >/dev/null || return 1
  fi
  local regions
  for regions in ${SERVER_REGIONS[@]+"${SERVER_REGIONS[@]}"}; do
    "$binary" regions import "$regions" --data-dir "$data_dir" >/dev/null ||
      { echo "cannot import the regions of $regions" >&2; return 1; }
  done
  if [ ! -s "$work/admin.token" ]; then
    (umask 077; "$binary" token issue --data-dir "$data_dir" --role bureau_admin \
        --county "${JUNHENG_COUNTY:-140430}" --label "server-lib bootstrap" \
        >"$work/admin.token" 2>/dev/null) || { echo "cannot issue the admin token" >&2; return 1; }
  fi
  local spec file role code err
  for spec in ${SERVER_TOKENS[@]+"${SERVER_TOKENS[@]}"}; do
    read -r file role code <<<"$spec"
    [ -s "$work/$file" ] && continue
    if ! err=$(umask 077; "$binary" token issue --data-dir "$data_dir" --role "$role" --county "$code" \
        --label "server-lib $role $code" 2>&1 >"$work/$file"); then
      echo "cannot issue $file: $err" >&2; return 1
    fi
  done
  ADMIN_TOKEN=$(cat "$work/admin.token")
  export JUNHENG_TOKEN="$ADMIN_TOKEN"
  SERVER_SECURITY=(--tls-cert "$tls/server.crt" --tls-key "$tls/server.key")
  CLIENT_SECURITY=(--ca "$tls/ca.crt")
  # SERVER_EXTRA_ARGS (an array, optional): more server options, e.g. (--profile qin-county).
  # The log exists before the server starts: the background job's redirection may come after the
  # first read below, and a failed read would end a `set -e -o pipefail` caller.
  : >"$log"
  local http=()
  if [ "${SERVER_HTTP:-0}" = 1 ]; then
    http=(--http-listen 127.0.0.1:0 --web-root "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/web/public")
  fi
  "$binary" --data-dir "$data_dir" --listen 127.0.0.1:0 "${SERVER_SECURITY[@]}" "${http[@]}" \
    "${SERVER_EXTRA_ARGS[@]}" >"$log" 2>&1 &
  SERVER_PID=$!
  SERVER_ADDR=""
  for _ in $(seq 1 100); do
    SERVER_ADDR=$(sed -n 's/.*listening on \([0-9.]*:[0-9]*\).*/\1/p' "$log" | head -n 1)
    WEB_URL=$(sed -n 's/.*web console and HTTP API on \(https*:\/\/[0-9.]*:[0-9]*\).*/\1/p' "$log" |
      head -n 1)
    if [ -n "$SERVER_ADDR" ] && { [ ${#http[@]} -eq 0 ] || [ -n "$WEB_URL" ]; }; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "junheng-server exited during start-up:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "junheng-server did not report its address within 10 s:" >&2
  cat "$log" >&2
  return 1
}

# stop_server: SIGTERM and wait; returns the server's exit status.
stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || return 0
  wait "$SERVER_PID"
}

# split_reports CSV OUT_DIR: one file per data row (header repeated), named after the school code,
# as each school's clerk would hold their own report.
split_reports() {
  local csv="$1" out="$2"
  mkdir -p "$out"
  awk -F, -v out="$out" 'NR == 1 { header = $0; next }
    NF > 1 { file = out "/" $1 ".csv"; print header > file; print $0 >> file; close(file) }' "$csv"
}
