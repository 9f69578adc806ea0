#!/usr/bin/env bash
# End-to-end `junheng admin onboard` (docs/web-console.md, "Signing in") against the real binaries,
# the server serving the web console over TLS with the demo CA: one sign-in sheet per school with a
# one-time enrolment link and no bearer token, written readable by the owner only; bureau members'
# sheets do not overwrite each other; each sheet's QR code, rendered by Chromium and read by zbarimg,
# is the school's link; following a link as a browser would gives a session cookie that works once
# per code and ends when the bureau revokes the token.
# Needs chromium, zbarimg (Debian zbar-tools), curl and Debian's python3 (deploy/install-deps.sh).
# Usage: onboard_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-onboard-e2e "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PY=/usr/bin/python3  # Debian's: reads the JSON answers
CHROMIUM="${CHROMIUM:-chromium}"
COUNTY=140430

for tool in "$CHROMIUM" zbarimg curl "$PY"; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL - $tool is needed and not installed (bash deploy/install-deps.sh installs it)"
    exit 1
  fi
done

# json_field FILE FIELD: a top-level string field of the JSON object in FILE (empty if absent).
json_field() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ""))' "$@" 2>/dev/null; }
# sheet_token_id FILE: the token id a sheet names (令牌编号, "token id" in English).
sheet_token_id() { sed -n 's/.*\(令牌编号：\|token id: \)\([0-9a-f]*\).*/\2/p' "$1" | head -n 1; }
mode_of() { stat -c %a "$1" 2>/dev/null; }

SERVER_HTTP=1 start_server "$SERVER_BIN" "$WORK/data" "$WORK/server.log" || exit 1
CA_CERT="$WORK/tls/ca.crt"
echo "# server on $SERVER_ADDR, web console on $WEB_URL"
check "the server serves the web console over https" "https://" "${WEB_URL:0:8}"
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county "$COUNTY" --deadline 5 "${CLIENT_SECURITY[@]}")

echo "# 1. three schools onboarded: links on stdout, one sheet per school, owner-only, no token"
head -n 4 "$SRC/deploy/sample/schools.csv" >"$WORK/schools.csv"
mapfile -t SCHOOLS < <(tail -n +2 "$WORK/schools.csv" | cut -d, -f1)
check "three schools taken from the sample registry" 3 "${#SCHOOLS[@]}"
"${J[@]}" schools import "$WORK/schools.csv" >"$WORK/out" 2>&1
check "the bureau admin imports the 3-school registry" 0 $?
SHEETS="$WORK/sheets"
"${J[@]}" admin onboard --schools "$WORK/schools.csv" --web-url "$WEB_URL" -o "$SHEETS" \
  >"$WORK/onboard.out" 2>"$WORK/onboard.err"
check "admin onboard --schools exits 0" 0 $?
check "stdout has one line per school" 3 "$(grep -c . "$WORK/onboard.out")"
declare -A LINK
for s in "${SCHOOLS[@]}"; do
  name=$(awk -F, -v s="$s" '$1 == s { print $2 }' "$WORK/schools.csv")
  line=$(awk -F'\t' -v s="$s" '$1 == s' "$WORK/onboard.out")
  IFS=$'\t' read -r code got_name link <<<"$line"
  check "$s: the line is code<TAB>name<TAB>link" "$s|$name|3" \
    "$code|$got_name|$(awk -F'\t' '{ print NF }' <<<"$line")"
  LINK[$s]="$link"
  prefix="$WEB_URL/enrol.html#code="
  rest="${link#"$prefix"}"
  if [ "${link:0:${#prefix}}" == "$prefix" ] && [[ "$rest" =~ ^jhe1\.$COUNTY\.[0-9a-f]{32}$ ]]; then
    echo "ok   - $s: the link is $prefix""jhe1.$COUNTY.<32 hex>"
  else
    echo "FAIL - $s: the link '$link' is not $prefix""jhe1.$COUNTY.<32 hex>"
    failures=$((failures + 1))
  fi
  check "$s: its sheet $s.html exists" yes "$([ -f "$SHEETS/$s.html" ] && echo yes || echo no)"
  check "$s: its sheet is mode 600" 600 "$(mode_of "$SHEETS/$s.html")"
  contains "$s: its sheet prints the link" "$SHEETS/$s.html" "$link"
  contains "$s: its sheet names the school" "$SHEETS/$s.html" "$name"
  contains "$s: all.html holds its sheet too" "$SHEETS/all.html" "$link"
done
check "the three links are distinct" 3 "$(cut -f3 "$WORK/onboard.out" | sort -u | grep -c .)"
check "the sheets' folder is mode 700" 700 "$(mode_of "$SHEETS")"
check "all.html is mode 600" 600 "$(mode_of "$SHEETS/all.html")"
contains "stderr says where the sheets are" "$WORK/onboard.err" "$SHEETS/all.html"

echo "# 2. two bureau members with the same label: two sheets, the second beside the first"
"${J[@]}" admin onboard --role bureau_viewer --label 张三 --web-url "$WEB_URL" -o "$SHEETS" \
  >"$WORK/bureau1.out" 2>"$WORK/err"
check "admin onboard --role bureau_viewer --label 张三 exits 0" 0 $?
mapfile -t FIRST < <(cd "$SHEETS" && ls bureau_viewer-*.html 2>/dev/null)
check "one bureau sheet after the first run" 1 "${#FIRST[@]}"
[ ${#FIRST[@]} -eq 1 ] && cp "$SHEETS/${FIRST[0]}" "$WORK/first-bureau.html"
"${J[@]}" admin onboard --role bureau_viewer --label 张三 --web-url "$WEB_URL" -o "$SHEETS" \
  >"$WORK/bureau2.out" 2>"$WORK/err"
check "the same command again exits 0" 0 $?
mapfile -t BUREAU < <(cd "$SHEETS" && ls bureau_viewer-*.html 2>/dev/null)
check "two bureau sheets after the second run" 2 "${#BUREAU[@]}"
if [ ${#FIRST[@]} -eq 1 ]; then
  cmp -s "$WORK/first-bureau.html" "$SHEETS/${FIRST[0]}"
  check "the first bureau sheet was not overwritten" 0 $?
fi
"${J[@]}" --format json admin token list >"$WORK/tokens.json" 2>"$WORK/err"
check "admin token list --format json exits 0" 0 $?
for f in "${BUREAU[@]}"; do
  id=${f#bureau_viewer-}
  id=${id%.html}
  check "$f: named bureau_viewer-<token id> after the token its sheet names" "$id" \
    "$(sheet_token_id "$SHEETS/$f")"
  check "$f: the token list has $id as 张三's bureau_viewer token" "BUREAU_VIEWER 张三" \
    "$("$PY" -c 'import json,sys
for t in json.load(open(sys.argv[1]))["tokens"]:
    if t["id"] == sys.argv[2]: print(t["role"], t.get("label", ""))' "$WORK/tokens.json" "$id")"
  check "$f: mode 600" 600 "$(mode_of "$SHEETS/$f")"
done
check "the bureau members' links differ" 2 \
  "$(cat "$WORK/bureau1.out" "$WORK/bureau2.out" | cut -f3 | sort -u | grep -c '/enrol.html#code=jhe1\.')"
check "the stdout line is bureau_viewer<TAB>张三<TAB>link" "bureau_viewer	张三" \
  "$(cut -f1,2 "$WORK/bureau2.out")"
for s in "${SCHOOLS[@]}"; do contains "$s: its sheet is still there" "$SHEETS/$s.html" "${LINK[$s]}"; done
if grep -lF 'jh1.' "$SHEETS"/*.html >"$WORK/leaks"; then
  echo "FAIL - a sheet holds a bearer token (jh1.): $(tr '\n' ' ' <"$WORK/leaks")"
  failures=$((failures + 1))
else
  echo "ok   - no sheet holds a bearer token (jh1.)"
fi
check "the folder holds 3 school sheets, 2 bureau sheets and all.html" 6 "$(ls "$SHEETS" | wc -l)"

echo "# 3. each school sheet's QR code, rendered by Chromium and read by zbarimg, is its link"
for s in "${SCHOOLS[@]}"; do
  png="$WORK/$s.png"
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$(mktemp -d "$WORK/chromium-XXXXXX")" --screenshot="$png" \
    --window-size=800,1100 "file://$SHEETS/$s.html" >"$WORK/chromium.log" 2>&1
  if [ ! -s "$png" ]; then
    echo "FAIL - $s: Chromium wrote no screenshot:"; tail -n 5 "$WORK/chromium.log"
    failures=$((failures + 1))
    continue
  fi
  check "$s: the QR code decodes to the school's link" "${LINK[$s]}" \
    "$(zbarimg --raw -q "$png" 2>"$WORK/zbar.err")"
done

echo "# 4. a link followed as a browser would: one session per code, ended by revocation"
A=${SCHOOLS[0]}
B=${SCHOOLS[1]}
# post_enrol SCHOOL NAME: POST /auth/enrol with the code of SCHOOL's link; $WORK/NAME.{headers,body};
# prints the HTTP status.
post_enrol() {
  local code="${LINK[$1]#*#code=}"
  curl -sS --cacert "$CA_CERT" -H 'Content-Type: application/json' \
    --data "{\"code\": \"$code\"}" -D "$WORK/$2.headers" -o "$WORK/$2.body" -w '%{http_code}' \
    "$WEB_URL/auth/enrol" 2>"$WORK/curl.err"
}
# get_session COOKIE NAME: GET /auth/session with the session cookie; prints the HTTP status.
get_session() {
  curl -sS --cacert "$CA_CERT" -H "Cookie: __Host-jh_session=$1" -o "$WORK/$2.body" \
    -w '%{http_code}' "$WEB_URL/auth/session" 2>"$WORK/curl.err"
}
check "$A: POST /auth/enrol with the link's code answers 200" 200 "$(post_enrol "$A" enrolA)"
set_cookie=$(grep -i '^set-cookie: __Host-jh_session=' "$WORK/enrolA.headers" | tr -d '\r' | head -n 1)
COOKIE_A=$(sed -n 's/^[^:]*: __Host-jh_session=\([^;]*\).*/\1/p' <<<"$set_cookie")
echo "# Set-Cookie: ${set_cookie#*: }" | sed 's/=[^;]*;/=…;/'
check "$A: a __Host-jh_session cookie is set, with a value" yes "$([ -n "$COOKIE_A" ] && echo yes || echo no)"
for attr in HttpOnly Secure SameSite=Strict Path=/; do
  check "$A: the session cookie is $attr" yes \
    "$(tr ';' '\n' <<<"$set_cookie" | sed 's/^ *//' | grep -qx "$attr" && echo yes || echo no)"
done
check "$A: the enrol answer names role school_clerk" school_clerk "$(json_field "$WORK/enrolA.body" role)"
check "$A: GET /auth/session with the cookie answers 200" 200 "$(get_session "$COOKIE_A" sessionA)"
check "$A: the session is a school_clerk" school_clerk "$(json_field "$WORK/sessionA.body" role)"
check "$A: the session is for the school" "$A" "$(json_field "$WORK/sessionA.body" school_code)"
check "$A: the session is for the county" "$COUNTY" "$(json_field "$WORK/sessionA.body" county_code)"
check "$A: the same code a second time answers 401" 401 "$(post_enrol "$A" replayA)"
if grep -qi '^set-cookie: __Host-jh_session=[^;]' "$WORK/replayA.headers"; then
  echo "FAIL - $A: the refused replay still set a session cookie"; failures=$((failures + 1))
else
  echo "ok   - $A: the refused replay sets no session"
fi
check "$B: another school's code signs in (200)" 200 "$(post_enrol "$B" enrolB)"
COOKIE_B=$(tr -d '\r' <"$WORK/enrolB.headers" | sed -n 's/^[Ss]et-[Cc]ookie: __Host-jh_session=\([^;]*\).*/\1/p' | head -n 1)

ID_A=$(sheet_token_id "$SHEETS/$A.html")
ID_A_LISTED=$("$PY" -c 'import json,sys
for t in json.load(open(sys.argv[1]))["tokens"]:
    if t["role"] == "SCHOOL_CLERK" and t.get("school_code") == sys.argv[2]: print(t["id"])' \
  "$WORK/tokens.json" "$A")
check "$A: the sheet's token id is the clerk token in the token list" "$ID_A_LISTED" "$ID_A"
"${J[@]}" admin token revoke "$ID_A" >"$WORK/out" 2>&1
check "the bureau revokes $A's clerk token $ID_A" 0 $?
check "$A: after the revocation GET /auth/session answers 401" 401 "$(get_session "$COOKIE_A" sessionA2)"
check "$B: the other school's session still answers 200" 200 "$(get_session "$COOKIE_B" sessionB)"

stop_server
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
