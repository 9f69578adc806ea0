#!/usr/bin/env bash
# End-to-end region viewer (issue 15, "done when") against the real binaries over TLS. On a fresh
# data dir with Shanxi's region registry (deploy/sample/regions.csv) and a test region of Hebei
# (tests/e2e/data/regions.csv), the three demo counties of Changzhi (长治市 1404: 140429, 140430,
# 140431) and the Hebei test county 130102 are loaded by their own bureau admins. A region_viewer
# of 1404 then sees exactly the three Changzhi counties in `region list|status|eval`; reading the
# Hebei county or province 13 is refused with PERMISSION_DENIED (the client exits 1; the HTTP API,
# docs/api.md, names the code); writing anything is refused; and for each county `region eval
# --format json` gives exactly the verdict, the coefficients and the input hash of the county's own
# `junheng eval --county C --period 2024 --format json`.
# Usage: region_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-region-e2e "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT
SAMPLE="$SRC/deploy/sample"
TEST_DATA="$SRC/tests/e2e/data"
CHANGZHI=(140429 140430 140431)
HEBEI=130102
data_of() { case "$1" in 140430) echo "$SAMPLE" ;; 14*) echo "$SAMPLE/$1" ;; *) echo "$TEST_DATA/$1" ;; esac; }
DATA="$WORK/data"

# --- Offline, before the first start: the region registry and the tokens ------------------------
"$SERVER_BIN" regions import "$SAMPLE/regions.csv" --data-dir "$DATA" >"$WORK/out" 2>&1
check "Shanxi's regions are imported offline" 0 $?
"$SERVER_BIN" regions import "$TEST_DATA/regions.csv" --data-dir "$DATA" >"$WORK/out" 2>&1
check "the Hebei test region is imported beside them" 0 $?
printf 'code,name,parent\n9901,nowhere,99\n' >"$WORK/orphan.csv"
"$SERVER_BIN" regions import "$WORK/orphan.csv" --data-dir "$DATA" >"$WORK/out" 2>&1
check "a region whose parent is unknown is refused" 1 $?
contains "the refusal names the unknown parent" "$WORK/out" "99"
"$SERVER_BIN" regions list --data-dir "$DATA" >"$WORK/regions" 2>&1
check "regions list runs offline" 0 $?
check "regions list holds Shanxi's 24 rows and Hebei's 3" 27 \
  "$(grep -cE '^ *(1[34]|14[01][0-9]|1404[0-9]{2}|1301|130102)\b' "$WORK/regions")"
check "nothing of the refused file was stored" 0 "$(grep -c '9901' "$WORK/regions")"

for county in "${CHANGZHI[@]}" "$HEBEI"; do
  (umask 077; "$SERVER_BIN" token issue --data-dir "$DATA" --role bureau_admin --county "$county" \
    --label "e2e admin $county" >"$WORK/admin-$county.token" 2>/dev/null)
  check "bureau admin token of $county issued offline" 0 $?
done
(umask 077; "$SERVER_BIN" token issue --data-dir "$DATA" --role region_viewer --county 1404 \
  --label "e2e viewer 1404" >"$WORK/viewer.token" 2>/dev/null)
check "region_viewer token of 1404 issued offline" 0 $?

SERVER_HTTP=1
JUNHENG_COUNTY=140430 start_server "$SERVER_BIN" "$DATA" "$WORK/server.log" || exit 1
client() {  # client TOKEN_FILE ARGS...: junheng with the token of the file
  local token_file="$1"; shift
  JUNHENG_TOKEN="$(cat "$token_file")" "$CLIENT_BIN" --server "$SERVER_ADDR" --deadline 20 \
    --ca "$WORK/tls/ca.crt" --outbox "$WORK/outbox" "$@"
}
api() {  # api TOKEN_FILE METHOD JSON: the HTTP API's answer, then the HTTP status on its own line
  curl -sS --cacert "$WORK/tls/ca.crt" -H "Authorization: Bearer $(cat "$1")" \
    -H 'Content-Type: application/json' -d "$3" -w '\n%{http_code}\n' "$WEB_URL/junheng.v1.$2"
}

# --- Each county's own bureau admin loads it ------------------------------------------------------
for county in "${CHANGZHI[@]}" "$HEBEI"; do
  dir=$(data_of "$county")
  A=(client "$WORK/admin-$county.token" --county "$county")
  "${A[@]}" schools import "$dir/schools.csv" >"$WORK/out" 2>&1 &&
    "${A[@]}" submit "$dir/reports-2024.csv" >>"$WORK/out" 2>&1 &&
    "${A[@]}" facts submit "$dir/county-facts-2024.json" >>"$WORK/out" 2>&1
  status=$?
  check "county $county loaded by its bureau admin" 0 $status
  [ $status -eq 0 ] || cat "$WORK/out"
done

V=(client "$WORK/viewer.token")
# codes_of FILE: the county codes a JSON answer lists (any list of objects with a county_code).
codes_of() {
  python3 -c '
import json, sys
codes = set()
def walk(x):
    if isinstance(x, dict):
        if isinstance(x.get("county_code"), str): codes.add(x["county_code"])
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(json.load(open(sys.argv[1])))
print(" ".join(sorted(codes)))' "$1"
}

# --- What the viewer of 1404 sees: the three counties of Changzhi, nothing else ----------------
"${V[@]}" region list --region 1404 --format json >"$WORK/list.json" 2>"$WORK/err"
check "region list --region 1404 answers" 0 $?
check "region list --region 1404: the three counties" "140429 140430 140431" "$(codes_of "$WORK/list.json")"
"${V[@]}" region status --region 1404 --period 2024 --format json >"$WORK/status.json" 2>"$WORK/err"
check "region status --region 1404 answers" 0 $?
check "region status: exactly the three Changzhi counties" "140429 140430 140431" \
  "$(codes_of "$WORK/status.json")"
"${V[@]}" region status --period 2024 --format json >"$WORK/status-own.json" 2>"$WORK/err"
check "region status without --region answers for the token's own region" 0 $?
check "region status without --region: the same three counties" "140429 140430 140431" \
  "$(codes_of "$WORK/status-own.json")"
"${V[@]}" region status --region 1404 --period 2024 >"$WORK/status.txt" 2>&1
check "region status in text" 0 $?
for county in "${CHANGZHI[@]}"; do contains "the text names $county" "$WORK/status.txt" "$county"; done
check "the text names nothing of Hebei" 0 "$(grep -c "$HEBEI" "$WORK/status.txt")"
"${V[@]}" region eval --region 1404 --period 2024 --format json >"$WORK/region-eval.json" 2>"$WORK/err"
check "region eval --region 1404 answers" 0 $?
check "region eval: exactly the three Changzhi counties" "140429 140430 140431" \
  "$(codes_of "$WORK/region-eval.json")"
"${V[@]}" region eval --region 1404 --period 2024 >"$WORK/region-eval.txt" 2>&1
check "region eval in text" 0 $?

# --- Another province: refused, PERMISSION_DENIED ---------------------------------------------------
"${V[@]}" --county "$HEBEI" eval --period 2024 >"$WORK/out" 2>&1
check "eval --county $HEBEI: refused (exit 1)" 1 $?
contains "the refusal says the county is not under the token's region" "$WORK/out" \
  "this token is for region 1404; the request's '$HEBEI' (county_code) is not under it"
"${V[@]}" --county "$HEBEI" status --period 2024 >"$WORK/out" 2>&1
check "status of $HEBEI: refused (exit 1)" 1 $?
"${V[@]}" region eval --region 13 --period 2024 >"$WORK/out" 2>&1
check "region eval --region 13: refused (exit 1)" 1 $?
contains "the refusal names the province" "$WORK/out" \
  "this token is for region 1404; the request's '13' (region_code) is not under it"
"${V[@]}" region status --region 1301 --period 2024 >"$WORK/out" 2>&1
check "region status --region 1301: refused (exit 1)" 1 $?
api "$WORK/viewer.token" EvaluationService/Evaluate \
  "{\"county_code\": \"$HEBEI\", \"period\": \"2024\"}" >"$WORK/http" 2>"$WORK/err"
check "HTTP Evaluate of $HEBEI: 403 permission_denied" "403 permission_denied" \
  "$(tail -n 1 "$WORK/http") $(head -n 1 "$WORK/http" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("code"))')"
api "$WORK/viewer.token" BureauService/SubmissionStatus \
  "{\"county_code\": \"$HEBEI\", \"period\": \"2024\"}" >"$WORK/http" 2>"$WORK/err"
check "HTTP SubmissionStatus of $HEBEI: 403 permission_denied" "403 permission_denied" \
  "$(tail -n 1 "$WORK/http") $(head -n 1 "$WORK/http" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("code"))')"
api "$WORK/viewer.token" RegionService/EvaluateRegion \
  '{"region_code": "13", "period": "2024"}' >"$WORK/http" 2>"$WORK/err"
check "HTTP EvaluateRegion of 13: 403 permission_denied" "403 permission_denied" \
  "$(tail -n 1 "$WORK/http") $(head -n 1 "$WORK/http" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("code"))')"

# --- Writing anything, even in its own city: refused -------------------------------------------------
"${V[@]}" --county 140430 schools import "$SAMPLE/schools.csv" >"$WORK/out" 2>&1
check "region viewer cannot import schools (exit 1)" 1 $?
contains "the refusal names the role" "$WORK/out" "city/province viewer (region_viewer), may not"
split_reports "$SAMPLE/reports-2024.csv" "$WORK/r"
"${V[@]}" --county 140430 submit "$WORK/r/2140043001.csv" >"$WORK/out" 2>&1
check "region viewer cannot submit a report (exit 1)" 1 $?
contains "the report is refused for the role" "$WORK/out" "city/province viewer (region_viewer), may not"
client "$WORK/admin-140430.token" --county 140430 history --school 2140043001 --period 2024 \
  --format json >"$WORK/out" 2>&1
check "the school still has only its bureau's version" 1 \
  "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["versions"]))' "$WORK/out" 2>&1)"
"${V[@]}" --county 140430 facts submit "$SAMPLE/county-facts-2024.json" >"$WORK/out" 2>&1
check "region viewer cannot submit county facts (exit 1)" 1 $?
"${V[@]}" --county 140430 admin token issue --role school_clerk --school 2140043001 >"$WORK/out" 2>&1
check "region viewer cannot issue tokens (exit 1)" 1 $?
api "$WORK/viewer.token" ReportingService/SubmitReport \
  '{"county_code": "140430", "submission_id": "e2e-viewer-1", "report": {"school_code": "2140043001", "period": "2024", "primary_students": 620}}' \
  >"$WORK/http" 2>"$WORK/err"
check "HTTP SubmitReport: 403 permission_denied" "403 permission_denied" \
  "$(tail -n 1 "$WORK/http") $(head -n 1 "$WORK/http" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("code"))')"

# --- Each row of region eval is exactly the county's own evaluation --------------------------------
for county in "${CHANGZHI[@]}"; do
  "${V[@]}" --county "$county" eval --period 2024 --format json >"$WORK/eval-$county.json" 2>"$WORK/err"
  check "the viewer reads $county's own eval" 0 $?
  # The same county's eval as its bureau admin sees it: the viewer reads nothing else.
  client "$WORK/admin-$county.token" --county "$county" eval --period 2024 --format json \
    >"$WORK/admin-eval-$county.json" 2>"$WORK/err"
  check "$county's eval is the same for its bureau admin and the viewer" \
    "$(cat "$WORK/admin-eval-$county.json")" "$(cat "$WORK/eval-$county.json")"
  check "region eval's row of $county = its own eval (verdict, coefficients, input hash)" "same" \
    "$(python3 "$SRC/tests/e2e/region_row_matches.py" "$WORK/region-eval.json" "$WORK/eval-$county.json" "$county" 2>&1)"
done

stop_server >/dev/null 2>&1
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
