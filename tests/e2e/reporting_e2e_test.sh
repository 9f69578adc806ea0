#!/usr/bin/env bash
# End-to-end: real binaries, a real data dir. Usage: reporting_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-e2e "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

start_server "$SERVER_BIN" "$WORK/data" "$WORK/server1.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")

"${J[@]}" schools import "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "registry import exits 0" 0 $?
contains "26 schools created" "$WORK/out" "26 created"

# A negative student count: exit 1, the field named, nothing stored.
split_reports "$SRC/deploy/sample/reports-2024.csv" "$WORK/r"
sed '2s/^\(2140043001,2024,\)620,/\1-620,/' "$WORK/r/2140043001.csv" >"$WORK/negative.csv"
"${J[@]}" submit "$WORK/negative.csv" >"$WORK/out" 2>&1
check "negative student count exits 1" 1 $?
contains "the field is named, with its label" "$WORK/out" "primary_students (小学在校生数) = -620"
"${J[@]}" history --school 2140043001 --period 2024 >"$WORK/out" 2>&1
contains "nothing of the rejected report is stored" "$WORK/out" "no report from school"

# The server's own validation (school type) also rejects with exit 1: a junior section at a
# primary school passes the client's content check but not the registry check.
sed '2s/^\(2140043001,2024,620,\),/\1300,/' "$WORK/r/2140043001.csv" >"$WORK/junior.csv"
"${J[@]}" submit "$WORK/junior.csv" >"$WORK/out" 2>&1
check "section not matching the school type exits 1" 1 $?
contains "server names the section" "$WORK/out" "junior_students (初中在校生数) = 300"

# Accepted, then SIGKILL right after the receipt, then restart: the report is there.
"${J[@]}" submit "$WORK/r/2140043001.csv" >"$WORK/out" 2>&1
check "valid report exits 0" 0 $?
receipt=$(sed -n 's/.*receipt \([0-9a-f]*\).*/\1/p' "$WORK/out" | head -n 1)
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
start_server "$SERVER_BIN" "$WORK/data" "$WORK/server2.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")
"${J[@]}" show --school 2140043001 --period 2024 >"$WORK/out" 2>&1
check "show after SIGKILL and restart exits 0" 0 $?
contains "acknowledged report survives SIGKILL" "$WORK/out" "receipt $receipt"

# Resubmitting the same file stores nothing new.
"${J[@]}" submit "$WORK/r/2140043001.csv" >"$WORK/out" 2>&1
contains "identical resubmission is recognised" "$WORK/out" "already stored"
"${J[@]}" --format json history --school 2140043001 --period 2024 >"$WORK/out" 2>&1
check "one version stored" 1 "$(grep -c '"version"' "$WORK/out")"

# A corrected version, then the bureau's field-by-field diff against the one it replaced (issue 14
# item 17): the changed field, its label, both values; nothing else.
sed '2s/^\(2140043001,2024,\)620,/\1621,/' "$WORK/r/2140043001.csv" >"$WORK/corrected.csv"
"${J[@]}" submit "$WORK/corrected.csv" >"$WORK/out" 2>&1
check "a corrected version is accepted" 0 $?
"${J[@]}" review diff --school 2140043001 --period 2024 >"$WORK/out" 2>&1
check "review diff exits 0" 0 $?
contains "the diff names version 2 against 1" "$WORK/out" "version 2 against version 1"
contains "the changed field with both values" "$WORK/out" "小学在校生数"
check "only the changed field is listed" 1 "$(grep -c '^primary_students .*620 .*621' "$WORK/out")"
contains "and says how many differ" "$WORK/out" "1 fields differ"
"${J[@]}" --format json review diff --school 2140043001 --period 2024 --version 1 >"$WORK/out" 2>&1
check "the first version against nothing: every field it filled" 0 $?

# The national forms and the evaluation workbook from the server's data (issue 11): xlsx files
# (zip archives, "PK"), and a format the commands cannot write is exit 2.
"${J[@]}" facts submit "$SRC/deploy/sample/county-facts-2024.json" >"$WORK/out" 2>&1
check "county facts with the forms' figures are accepted" 0 $?
"${J[@]}" forms --period 2024 -o "$WORK/forms.xlsx" >"$WORK/out" 2>&1
check "forms exits 0" 0 $?
check "forms writes a workbook" "PK" "$(head -c 2 "$WORK/forms.xlsx" 2>/dev/null)"
"${J[@]}" forms --period 2024 --format csv >"$WORK/out" 2>&1
check "forms as CSV is a usage error" 2 $?
"${J[@]}" eval --period 2024 -o "$WORK/eval.xlsx" >"$WORK/out" 2>&1
check "eval -o FILE.xlsx exits 0" 0 $?
check "eval writes a workbook" "PK" "$(head -c 2 "$WORK/eval.xlsx" 2>/dev/null)"

# A second server on the same data dir is refused and leaves it intact.
"$SERVER_BIN" --data-dir "$WORK/data" --listen 127.0.0.1:0 "${SERVER_SECURITY[@]}" >"$WORK/second.log" 2>&1
check "second server on the same data dir exits 1" 1 $?
contains "second server says why" "$WORK/second.log" "in use by another junheng-server"

# Usage errors exit 2; an unreachable server exits 3.
"$CLIENT_BIN" submit >"$WORK/out" 2>&1
check "missing FILE is a usage error" 2 $?
"$CLIENT_BIN" --server 127.0.0.1:1 --county 140430 --deadline 1 schools list >"$WORK/out" 2>&1
check "unreachable server exits 3" 3 $?

# A misspelt config key names the file, the key and the settings, in both programs (issue 14, 12).
printf 'server = "127.0.0.1:1"\nsever = "127.0.0.1:1"\n' >"$WORK/client.toml"
"$CLIENT_BIN" --config "$WORK/client.toml" --county 140430 schools list >"$WORK/out" 2>&1
check "a misspelt client config key is a usage error" 2 $?
contains "the client names the file and the key" "$WORK/out" "sever in the config file $WORK/client.toml is not a setting"
contains "the client lists the settings" "$WORK/out" "server, county"
printf 'data-dir = "%s"\nsever = "x"\n' "$WORK/other-data" >"$WORK/server.toml"
"$SERVER_BIN" --config "$WORK/server.toml" >"$WORK/out" 2>&1
check "a misspelt server config key is a usage error" 2 $?
contains "the server names the file and the key" "$WORK/out" "sever in the config file $WORK/server.toml is not a setting"
contains "the server lists the settings" "$WORK/out" "data-dir, listen"

# SIGTERM: graceful stop, exit 0, database closed.
stop_server
check "SIGTERM stops the server with exit 0" 0 $?
contains "clean shutdown is logged" "$WORK/server2.log" "stopped cleanly"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
