#!/usr/bin/env bash
# End-to-end security (issue 6) against the real binaries over TLS: a clerk token for one school
# can neither write nor read another school (PERMISSION_DENIED, exit 1); missing, revoked and
# plain-text access are refused; mutual TLS ties the clerk's token to the school's certificate;
# the auditor sees the credential in the audit log and the chain verifies.
# Usage: security_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-sec-e2e "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
A=2140043001
B=2140043002

# Without a transport, or plain text off loopback, the server refuses to start.
"$SERVER_BIN" --data-dir "$WORK/refused" --listen 127.0.0.1:0 >"$WORK/out" 2>&1
check "no TLS and no --insecure-plaintext: refused" 1 $?
contains "says what to configure" "$WORK/out" "no transport security configured"
"$SERVER_BIN" --data-dir "$WORK/refused" --listen 0.0.0.0:0 --insecure-plaintext >"$WORK/out" 2>&1
check "plain text on 0.0.0.0: refused" 1 $?

bash "$SRC/deploy/tls/make-certs.sh" "$WORK/tls" --school "$A" --school "$B" >/dev/null
# A registry saved by Excel (UTF-8 BOM, CRLF, a label row) names certificates after the codes only.
printf '\xef\xbb\xbf学校标识码,学校名称\r\nschool_code,school_name\r\n%s,甲\r\n' "$A" >"$WORK/bom.csv"
bash "$SRC/deploy/tls/make-certs.sh" "$WORK/bom-tls" --schools-csv "$WORK/bom.csv" >/dev/null
check "a BOM'd registry gives one school certificate, named by its code" "$A.crt bureau.crt" \
  "$(cd "$WORK/bom-tls/clients" && ls -- *.crt | tr '\n' ' ' | sed 's/ $//')"

start_server "$SERVER_BIN" "$WORK/data" "$WORK/server1.log" || exit 1
contains "server says it serves TLS" "$WORK/server1.log" "(TLS)"
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 --ca "$WORK/tls/ca.crt")

"${J[@]}" schools import "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "the bureau admin imports the registry over TLS" 0 $?
"${J[@]}" admin token issue --role school_clerk --school "$A" --label "clerk A" >"$WORK/clerkA" 2>"$WORK/err"
check "admin issues a clerk token" 0 $?
"${J[@]}" admin token issue --role school_clerk --school 9999999999 --label "typo" >/dev/null \
  2>"$WORK/err"
check "a token for a school not in the registry is still issued" 0 $?
contains "with a warning naming the school" "$WORK/err" "school 9999999999 is not in county 140430's registry"
contains "the token is shown once" "$WORK/err" "shown only this once"
CLERK_A=$(cat "$WORK/clerkA")
CA=(env JUNHENG_TOKEN="$CLERK_A" "${J[@]}")

split_reports "$SRC/deploy/sample/reports-2024.csv" "$WORK/r"
"${CA[@]}" submit "$WORK/r/$A.csv" >"$WORK/out" 2>&1
check "clerk A submits A's report" 0 $?
"${CA[@]}" --outbox "$WORK/outbox-b" submit "$WORK/r/$B.csv" >"$WORK/out" 2>&1
check "clerk A cannot submit B's report (exit 1)" 1 $?
contains "refusal names the school" "$WORK/out" "this token is for school $A"
"${J[@]}" history --school "$B" --period 2024 >"$WORK/out" 2>&1
contains "nothing of B was stored" "$WORK/out" "no report from school"
"${CA[@]}" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "clerk A reads A's report" 0 $?
"${J[@]}" submit "$WORK/r/$B.csv" >"$WORK/out" 2>&1
"${CA[@]}" show --school "$B" --period 2024 >"$WORK/out" 2>&1
check "clerk A cannot read B's report (exit 1)" 1 $?
contains "read refusal names the school" "$WORK/out" "this token is for school $A"
"${CA[@]}" history --school "$B" --period 2024 >"$WORK/out" 2>&1
check "clerk A cannot list B's versions" 1 $?
"${CA[@]}" reports --period 2024 >"$WORK/out" 2>&1
check "clerk A cannot list the county's reports" 1 $?
"${CA[@]}" schools import "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "clerk A cannot change the registry" 1 $?

env -u JUNHENG_TOKEN "${J[@]}" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "no token: refused (exit 1)" 1 $?
contains "says a token is needed" "$WORK/out" "carries no token"
env -u JUNHENG_TOKEN "$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 3 \
  --insecure-plaintext --token "$CLERK_A" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "plain text to a TLS server: no connection (exit 3)" 3 $?
contains "says the server expects TLS" "$WORK/out" "expects TLS; drop --insecure-plaintext"
env -u JUNHENG_TOKEN "$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 3 \
  --token "$CLERK_A" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "a server the system roots do not vouch for: refused (exit 3)" 3 $?
contains "says to set ca to the county's ca.crt" "$WORK/out" "set ca (or --ca) to the county's ca.crt"
if grep -q "ssl_transport_security\|E1[0-9]\{3\} " "$WORK/out"; then
  check "no gRPC log lines on the clerk's terminal" "none" "$(grep -m1 ssl_transport "$WORK/out")"
fi
env -u JUNHENG_TOKEN "$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 3 \
  --ca "$WORK/clerkA" --token "$CLERK_A" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "a CA file that is not a certificate: exit 1" 1 $?
contains "names the file and what it should hold" "$WORK/out" "is not a PEM certificate"

# One precedence in every binary (issue 14 item 13): --token, then $JUNHENG_TOKEN, then the config.
printf 'server = "%s"\nca = "%s"\ntoken = "%s"\n' "$SERVER_ADDR" "$WORK/tls/ca.crt" "$CLERK_A" \
  >"$WORK/client.toml"
JUNHENG_CONFIG="$WORK/client.toml" env -u JUNHENG_TOKEN "$CLIENT_BIN" --county 140430 \
  show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "the config's server, CA and token serve the client" 0 $?
JUNHENG_CONFIG="$WORK/client.toml" JUNHENG_TOKEN="$ADMIN_TOKEN" "$CLIENT_BIN" --county 140430 \
  show --school "$B" --period 2024 >"$WORK/out" 2>&1
check "\$JUNHENG_TOKEN outranks the config's token (the admin reads B)" 0 $?
JUNHENG_CONFIG="$WORK/client.toml" JUNHENG_TOKEN="$ADMIN_TOKEN" "$CLIENT_BIN" --county 140430 \
  --token "$CLERK_A" show --school "$B" --period 2024 >"$WORK/out" 2>&1
check "--token outranks \$JUNHENG_TOKEN (clerk A may not read B)" 1 $?
# junheng-server backup reads what it is not given from the client's config on the machine.
JUNHENG_CONFIG="$WORK/client.toml" env -u JUNHENG_TOKEN "$SERVER_BIN" backup \
  --to "$WORK/backup-clerk" >"$WORK/out" 2>&1
check "backup with the config's clerk token: refused (exit 1)" 1 $?
contains "the refusal is the role's, so the config's server, CA and token were used" "$WORK/out" \
  "bureau_admin"
JUNHENG_CONFIG="$WORK/client.toml" JUNHENG_TOKEN="$ADMIN_TOKEN" "$SERVER_BIN" backup \
  --to "$WORK/backup-admin" >"$WORK/out" 2>&1
check "backup: \$JUNHENG_TOKEN outranks the client config's token" 0 $?

# The auditor sees who did what, by credential; the chain verifies.
AUDITOR=$("${J[@]}" admin token issue --role auditor 2>/dev/null)
CLERK_A_ID=$(echo "$CLERK_A" | cut -d. -f3)
JUNHENG_TOKEN="$AUDITOR" "${J[@]}" audit list --school "$A" >"$WORK/out" 2>&1
check "auditor lists the audit log" 0 $?
contains "the audit actor is clerk A's credential" "$WORK/out" "token $CLERK_A_ID (school_clerk, school $A)"
JUNHENG_TOKEN="$AUDITOR" "${J[@]}" audit verify >"$WORK/out" 2>&1
check "audit verify: intact" 0 $?
contains "verify reports the chain intact" "$WORK/out" "hash chain intact"
"${J[@]}" audit verify >"$WORK/out" 2>&1
check "the bureau admin may not read the audit log" 1 $?

# Revoked: refused at once.
"${J[@]}" admin token revoke "$CLERK_A_ID" >"$WORK/out" 2>&1
check "admin revokes clerk A's token" 0 $?
"${CA[@]}" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "revoked token: refused" 1 $?
contains "says it was revoked" "$WORK/out" "was revoked"
stop_server

# Mutual TLS: the clerk's token works only with its own school's certificate.
"$SERVER_BIN" --data-dir "$WORK/data" --listen 127.0.0.1:0 "${SERVER_SECURITY[@]}" \
  --tls-client-ca "$WORK/tls/ca.crt" >"$WORK/server2.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  SERVER_ADDR=$(sed -n 's/.*listening on \([0-9.]*:[0-9]*\).*/\1/p' "$WORK/server2.log" | head -n 1)
  [ -n "$SERVER_ADDR" ] && break
  sleep 0.1
done
contains "server says it serves mutual TLS" "$WORK/server2.log" "(mutual TLS)"
"${J[@]}" admin token issue --role school_clerk --school "$A" >"$WORK/clerkA2" 2>/dev/null
check "without a client certificate: no connection" 3 $?
M=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 --ca "$WORK/tls/ca.crt")
"${M[@]}" --cert "$WORK/tls/clients/bureau.crt" --key "$WORK/tls/clients/bureau.key" \
  admin token issue --role school_clerk --school "$A" >"$WORK/clerkA2" 2>/dev/null
check "the bureau's certificate and the admin token: a new clerk token" 0 $?
CLERK_A2=$(cat "$WORK/clerkA2")
JUNHENG_TOKEN="$CLERK_A2" "${M[@]}" --cert "$WORK/tls/clients/$A.crt" \
  --key "$WORK/tls/clients/$A.key" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "clerk A with A's certificate reads A's report" 0 $?
JUNHENG_TOKEN="$CLERK_A2" "${M[@]}" --cert "$WORK/tls/clients/$B.crt" \
  --key "$WORK/tls/clients/$B.key" show --school "$A" --period 2024 >"$WORK/out" 2>&1
check "clerk A's token with B's certificate: refused (exit 1)" 1 $?
contains "names the certificate" "$WORK/out" "client certificate"
stop_server

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
