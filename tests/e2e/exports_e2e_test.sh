#!/usr/bin/env bash
# End-to-end: every command's --format, the xlsx template per school and its round trip, and the
# exports the bureau hands on. Usage: exports_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-exports "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PY=/usr/bin/python3  # Debian's, with python3-openpyxl: an independent xlsx reader

start_server "$SERVER_BIN" "$WORK/data" "$WORK/server.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")
"${J[@]}" schools import "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "registry import exits 0" 0 $?
"${J[@]}" period define --period 2024 --opens 2024-01-01 --deadline 2099-12-30 --closes 2099-12-31 \
  >"$WORK/out" 2>&1
check "period defined" 0 $?
split_reports "$SRC/deploy/sample/reports-2024.csv" "$WORK/r"
for s in 2140043001 2140043002 2140043011; do "${J[@]}" submit "$WORK/r/$s.csv" >/dev/null 2>&1; done
check "three reports stored" 3 "$("${J[@]}" --format json reports --period 2024 | grep -c '"school_code"')"

# xlsx_cell FILE SHEET CELL: the cell's value as openpyxl reads it.
xlsx_cell() { "$PY" -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1])[sys.argv[2]][sys.argv[3]].value)" "$@"; }

# Every listing writes text, JSON, CSV (with a BOM) and xlsx.
listings=("status --period 2024" "remind --period 2024 --days 100000" "period list" \
  "reports --period 2024" "history --school 2140043001 --period 2024" "values --period 2024" \
  "snapshots list --period 2024" "trend --from 2024 --to 2024" "schools list" \
  "admin token list" "outbox list")
for cmd in "${listings[@]}"; do
  read -r -a args <<<"$cmd"
  "${J[@]}" --format csv "${args[@]}" >"$WORK/out.csv" 2>"$WORK/err"
  check "$cmd --format csv exits 0" 0 $?
  check "$cmd csv starts with a UTF-8 BOM" "efbbbf" "$(head -c 3 "$WORK/out.csv" | od -An -tx1 | tr -d ' \n')"
  "${J[@]}" "${args[@]}" -o "$WORK/out.xlsx" >"$WORK/out" 2>"$WORK/err"
  check "$cmd -o out.xlsx exits 0" 0 $?
  check "$cmd writes a workbook" "PK" "$(head -c 2 "$WORK/out.xlsx")"
  "$PY" -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])" "$WORK/out.xlsx" 2>"$WORK/err"
  check "$cmd workbook opens in openpyxl" 0 $?
  "${J[@]}" --format json "${args[@]}" >"$WORK/out.json" 2>"$WORK/err"
  check "$cmd --format json exits 0" 0 $?
  "${J[@]}" "${args[@]}" >"$WORK/out.txt" 2>"$WORK/err"
  check "$cmd text exits 0" 0 $?
done
# The audit log is the auditor's.
AUDITOR_TOKEN=$("${J[@]}" admin token issue --role auditor --label exports-e2e 2>/dev/null)
JUNHENG_TOKEN="$AUDITOR_TOKEN" "${J[@]}" audit list -o "$WORK/audit.xlsx" >"$WORK/out" 2>&1
check "audit list -o audit.xlsx exits 0" 0 $?
check "the audit sheet starts with the bootstrap token" "token.issue" "$(xlsx_cell "$WORK/audit.xlsx" 审计日志 C2)"
check "status sheet names the school" "沁县新店镇新店小学" "$(xlsx_cell "$WORK/status.xlsx" 报送情况 B3 2>/dev/null ||
  { "${J[@]}" status --period 2024 -o "$WORK/status.xlsx" >/dev/null; xlsx_cell "$WORK/status.xlsx" 报送情况 B3; })"

# A command that cannot write a format refuses it with exit 2 instead of ignoring it.
refusals=("submit $WORK/r/2140043001.csv" "validate $WORK/r/2140043001.csv" "due --school 2140043001" \
  "period define --period 2025 --opens 2025-01-01 --deadline 2025-02-01 --closes 2025-03-01" \
  "review accept --school 2140043001 --period 2024" "outbox retry" "audit verify")
for cmd in "${refusals[@]}"; do
  read -r -a args <<<"$cmd"
  for f in csv xlsx; do
    "${J[@]}" --format $f "${args[@]}" >"$WORK/out" 2>&1
    check "$cmd --format $f exits 2" 2 $?
  done
done
contains "the refusal names what the command writes" "$WORK/out" "it writes text, json"
check "nothing was reviewed by a refused command" 0 "$("${J[@]}" --format json status --period 2024 | grep -c '"accepted"')"

# The template of a primary school: only its sections, labels over names, validation, instructions.
"${J[@]}" template --school 2140043001 --period 2024 -o "$WORK/t.xlsx" >"$WORK/out" 2>&1
check "template exits 0" 0 $?
"$PY" - "$WORK/t.xlsx" >"$WORK/t.txt" <<'PY'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["填报"]
names = [c.value for c in ws[2]]
print("sheets", ",".join(wb.sheetnames))
print("label A1", ws["A1"].value)
print("has primary_students", "primary_students" in names)
print("has junior_students", "junior_students" in names)
print("identity", ws["A3"].value, ws["B3"].value)
kinds = {}
for dv in ws.data_validations.dataValidation:
    col = names.index  # noqa
    for rng in str(dv.sqref).split():
        kinds[rng[0:1] if rng[1].isdigit() else rng[0:2]] = (dv.type, dv.formula1)
col = lambda field: openpyxl.utils.get_column_letter(names.index(field) + 1)
print("count rule", kinds.get(col("primary_students")))
print("yes/no rule", kinds.get(col("has_charter")))
print("rating rule", kinds.get(col("ict_rating")))
PY
contains "two sheets" "$WORK/t.txt" "sheets 填报,填写说明"
contains "Chinese label row" "$WORK/t.txt" "label A1 学校标识码"
contains "primary fields" "$WORK/t.txt" "has primary_students True"
contains "no junior fields for a primary school" "$WORK/t.txt" "has junior_students False"
contains "code and period filled in" "$WORK/t.txt" "identity 2140043001 2024"
contains "counts are whole numbers" "$WORK/t.txt" "count rule ('whole', '0')"
contains "yes/no is a drop-down" "$WORK/t.txt" "yes/no rule ('list', '\"是,否\"')"
contains "ratings are a drop-down" "$WORK/t.txt" "rating rule ('list', '\"优秀,良好,一般,较差\"')"
"${J[@]}" template --school 2140043011 --period 2024 --from-latest -o "$WORK/latest.xlsx" >/dev/null 2>&1
check "--from-latest fills the stored values" "$(sed -n 2p "$WORK/r/2140043011.csv" | cut -d, -f4)" \
  "$(xlsx_cell "$WORK/latest.xlsx" 填报 D3)"

# Round trip: template -> filled in a spreadsheet -> validate -> submit -> show gives the numbers.
"$PY" - "$WORK/latest.xlsx" "$WORK/filled.xlsx" <<'PY'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["填报"]
names = [c.value for c in ws[2]]
ws.cell(row=3, column=names.index("music_rooms") + 1, value=5)
ws.cell(row=3, column=names.index("has_charter") + 1, value="否")
wb.save(sys.argv[2])
PY
"${J[@]}" validate "$WORK/filled.xlsx" >"$WORK/out" 2>&1
check "filled template validates" 0 $?
"${J[@]}" submit "$WORK/filled.xlsx" >"$WORK/out" 2>&1
check "filled template submits" 0 $?
"${J[@]}" --format json show --school 2140043011 --period 2024 >"$WORK/out" 2>&1
contains "the changed count is stored" "$WORK/out" '"music_rooms": 5'
contains "the changed yes/no is stored" "$WORK/out" '"has_charter": false'
contains "the untouched values are kept" "$WORK/out" "\"junior_students\": $(sed -n 2p "$WORK/r/2140043011.csv" | cut -d, -f4)"

# show --format csv gives the clerk the stored report as a file that submits back unchanged.
"${J[@]}" show --school 2140043001 --period 2024 --format csv >"$WORK/back.csv" 2>&1
check "show --format csv exits 0" 0 $?
"${J[@]}" submit "$WORK/back.csv" >"$WORK/out" 2>&1
contains "the file show wrote reads back as the same report" "$WORK/out" "already stored"

# values: one row per reported school, with names, in a workbook.
"${J[@]}" values --period 2024 -o "$WORK/values.xlsx" >/dev/null 2>&1
check "values has a row per reported school" "沁县第三中学" "$(xlsx_cell "$WORK/values.xlsx" 各校填报数据 B5)"

echo "# figures: ${#listings[@]} listings in 4 formats, ${#refusals[@]} commands refusing csv/xlsx"
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
