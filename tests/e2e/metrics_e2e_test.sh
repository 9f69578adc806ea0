#!/usr/bin/env bash
# End-to-end monitoring (issue 16, docs/monitoring.md): the real junheng-server with its HTTPS
# listener and the real client. GET /metrics over TLS with the county CA, linted by Debian's
# `promtool check metrics`; the counters a submission, a duplicate and a refusal moved; the request
# id a clerk reads in a refusal, found in the server's log line; `log-format = "json"` from the
# config file, every line JSON; the example alert rules checked and unit-tested by promtool.
# Usage: metrics_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-metrics-e2e "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
if ! command -v promtool >/dev/null 2>&1; then
  echo "FAIL - promtool is missing: install Debian's prometheus package (deploy/install-deps.sh)"
  exit 1
fi
A=2140043001
B=2140043002

# sample FILE SERIES: the value of one series of a scrape ("" when absent).
sample() { awk -v series="$2" '$1 == series { print $2 }' "$1"; }
scrape() { curl -sS --fail --cacert "$WORK/tls/ca.crt" "$WEB_URL/metrics" -o "$1"; }

SERVER_HTTP=1 start_server "$SERVER_BIN" "$WORK/data" "$WORK/server1.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")
"${J[@]}" schools import "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "registry imported" 0 $?
"${J[@]}" period define --period 2024 --opens 2024-01-01 --deadline 2099-12-30 --closes 2099-12-31 \
  >"$WORK/out" 2>&1
check "period defined" 0 $?
CLERK_A=$("${J[@]}" admin token issue --role school_clerk --school "$A" --label "clerk A" 2>/dev/null)
split_reports "$SRC/deploy/sample/reports-2024.csv" "$WORK/r"

env JUNHENG_TOKEN="$CLERK_A" "${J[@]}" submit "$WORK/r/$A.csv" >"$WORK/out" 2>&1
check "clerk A's report is accepted" 0 $?
env JUNHENG_TOKEN="$CLERK_A" "${J[@]}" submit "$WORK/r/$A.csv" >"$WORK/out" 2>&1
contains "the same report again is a duplicate" "$WORK/out" "already stored"
env JUNHENG_TOKEN="$CLERK_A" "${J[@]}" --outbox "$WORK/outbox-b" submit "$WORK/r/$B.csv" \
  >"$WORK/refused" 2>&1
check "clerk A may not submit B's report (exit 1)" 1 $?

# The id the clerk reads out finds the call's one log line.
id=$(sed -n 's/.*(request id \([0-9a-f]\{10\}\)).*/\1/p' "$WORK/refused" | head -n 1)
check "the refusal the clerk reads ends with a request id" 10 "${#id}"
check "the server logged one line for that id" 1 "$(grep -c "request_id=$id " "$WORK/server1.log")"
grep "request_id=$id " "$WORK/server1.log" >"$WORK/line"
contains "the line is the refusal" "$WORK/line" "code=PERMISSION_DENIED"
CLERK_A_ID=$(echo "$CLERK_A" | cut -d. -f3)
contains "the line names clerk A's token by its id" "$WORK/line" \
  "token_id=$CLERK_A_ID role=school_clerk county=140430 school=$A"
if grep -qF "$CLERK_A" "$WORK/server1.log" || grep -qF "$ADMIN_TOKEN" "$WORK/server1.log"; then
  check "no token in the server's log" "none" "a token"
fi

scrape "$WORK/metrics.txt"
check "GET /metrics over TLS without a token" 0 $?
promtool check metrics <"$WORK/metrics.txt" >"$WORK/lint" 2>&1
check "promtool check metrics passes" 0 $?
cat "$WORK/lint"
M="$WORK/metrics.txt"
check "one report accepted for 140430/2024" 1 \
  "$(sample "$M" 'junheng_reports_accepted_total{county="140430",period="2024"}')"
check "one duplicate answered" 1 "$(sample "$M" 'junheng_report_duplicates_total{county="140430"}')"
check "one report refused for its scope" 1 \
  "$(sample "$M" 'junheng_auth_refusals_total{reason="out_of_scope"}')"
# The client's outbox sends with SubmitReports or SubmitReport.
check "two submissions answered OK" 2 "$(awk '$1 ~ /^junheng_rpc_calls_total[{]method="junheng[.]v1[.]ReportingService[/]SubmitReports?",code="OK"[}]$/ { n += $2 } END { print n + 0 }' "$M")"
check "the period is open" 1 "$(sample "$M" 'junheng_period_open{county="140430",period="2024"}')"
check "of 26 schools" 26 "$(sample "$M" 'junheng_county_schools{county="140430"}')"
check "one has reported" 1 \
  "$(sample "$M" 'junheng_period_reported_schools{county="140430",period="2024"}')"
check "the store accepts writes" 1 "$(sample "$M" junheng_store_accepts_writes)"
check "no school code in the metrics" 0 "$(grep -c "$A\|$B" "$M")"

# JSON lines, asked for in the server's config file.
stop_server
printf 'log-format = "json"\n' >"$WORK/server.toml"
SERVER_EXTRA_ARGS=(--config "$WORK/server.toml")
SERVER_HTTP=1 start_server "$SERVER_BIN" "$WORK/data" "$WORK/server2.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")
env JUNHENG_TOKEN="$CLERK_A" "${J[@]}" show --school "$B" --period 2024 >"$WORK/refused" 2>&1
check "clerk A may not read B's report (exit 1)" 1 $?
id=$(sed -n 's/.*(request id \([0-9a-f]\{10\}\)).*/\1/p' "$WORK/refused" | head -n 1)
stop_server
python3 - "$WORK/server2.log" "$id" >"$WORK/json" 2>&1 <<'EOF'
import json, sys
lines = [line for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
objects = [json.loads(line) for line in lines]  # raises on a line that is not JSON
assert all("time" in o and "level" in o for o in objects), objects
calls = [o for o in objects if o.get("request_id") == sys.argv[2]]
assert len(calls) == 1 and calls[0]["code"] == "PERMISSION_DENIED", calls
assert any("listening on" in o.get("msg", "") for o in objects)
print(len(objects), "JSON lines")
EOF
check "every log line is JSON, the refused call's among them" 0 $?
cat "$WORK/json"

# The example alert rules (deploy/prometheus/).
promtool check rules "$SRC/deploy/prometheus/junheng-alerts.yml" >"$WORK/out" 2>&1
check "promtool check rules passes" 0 $?
promtool test rules "$SRC/deploy/prometheus/junheng-alerts.test.yml" >"$WORK/out" 2>&1
check "promtool test rules passes" 0 $?
grep -q FAILED "$WORK/out" && cat "$WORK/out"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
