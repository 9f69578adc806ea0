#!/usr/bin/env bash
# End-to-end: the files clerks actually save (issue 11), through the real binaries.
# Usage: input_files_e2e_test.sh SERVER CLIENT SOURCE_DIR
#   - a GBK registry import: no protobuf lines on stderr, the Chinese names stored as written;
#   - one school's report as a GBK CSV, a UTF-16 "Unicode text" file with the labels `show`
#     prints, a UTF-8 CSV with a BOM and Chinese values, and an .xlsx with the template's label
#     row over its name row: all four are the same stored report (one version, one content hash);
#   - a file in an encoding junheng cannot read is refused with a sentence and stores nothing.
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-input-e2e "$@"
# The checks read the English sentences (--lang en); the Chinese ones are e2e.exports's and the
# language test's.
export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import openpyxl' 2>/dev/null; then PYTHON="$candidate"; break; fi
done
if [ -z "$PYTHON" ]; then
  echo "FAIL - python3 with openpyxl is needed (Debian package python3-openpyxl)"
  exit 1
fi

no_protobuf_lines() {  # no_protobuf_lines DESCRIPTION FILE
  if grep -q "libprotobuf" "$2"; then
    echo "FAIL - $1: protobuf's own log lines reached the user:"; cat "$2"; failures=$((failures + 1))
  else
    echo "ok   - no protobuf log lines: $1"
  fi
}

start_server "$SERVER_BIN" "$WORK/data" "$WORK/server.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")

# The registry as Chinese Excel saves plain "CSV (逗号分隔)": GBK.
iconv -f UTF-8 -t GBK "$SRC/deploy/sample/schools.csv" >"$WORK/schools-gbk.csv"
"${J[@]}" schools import "$WORK/schools-gbk.csv" >"$WORK/out" 2>"$WORK/err"
check "GBK registry import exits 0" 0 $?
contains "26 schools created" "$WORK/out" "26 created"
no_protobuf_lines "GBK registry import" "$WORK/err"
"${J[@]}" --format json schools list >"$WORK/out" 2>&1
contains "the Chinese school name is stored as written" "$WORK/out" "沁县新店镇新店小学"
contains "the Chinese town is stored as written" "$WORK/out" "新店镇"

# One school's report, first as a GBK CSV with the field names as header.
split_reports "$SRC/deploy/sample/reports-2024.csv" "$WORK/r"
iconv -f UTF-8 -t GBK "$WORK/r/2140043001.csv" >"$WORK/report-gbk.csv"
"${J[@]}" submit "$WORK/report-gbk.csv" >"$WORK/out" 2>"$WORK/err"
check "GBK report exits 0" 0 $?
contains "GBK report is accepted" "$WORK/out" "accepted"
no_protobuf_lines "GBK report" "$WORK/err"
hash=$(sed -n 's/.*content sha256 \([0-9a-f]*\).*/\1/p' "$WORK/out" | head -n 1)
"${J[@]}" show --school 2140043001 --period 2024 >"$WORK/show" 2>&1

# The same report as the other three files, made from the CSV and the labels `show` prints.
"$PYTHON" - "$WORK/r/2140043001.csv" "$WORK/show" "$WORK" <<'EOF'
import csv, sys
import openpyxl

source, show, work = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    header, row = list(csv.reader(f))[:2]
labels = {}
for line in open(show, encoding="utf-8"):
    parts = line.split()
    if line.startswith("  ") and len(parts) == 3 and parts[0] in header:
        labels[parts[0]] = parts[2]
words = {"true": "是", "false": "否", "excellent": "优秀", "good": "良好", "fair": "一般", "poor": "较差"}
columns = [c for c, v in zip(header, row) if v != ""]
values = {c: v for c, v in zip(header, row) if v != ""}

# Excel's "Unicode text": UTF-16 LE with its mark, tab-separated, headed by the labels.
with open(f"{work}/report-utf16.txt", "w", encoding="utf-16", newline="") as f:
    f.write("\t".join(labels[c] for c in columns) + "\r\n")
    f.write("\t".join(values[c] for c in columns) + "\r\n")

# "CSV UTF-8 (逗号分隔)": a BOM, labels with full-width parentheses, Chinese yes/no and ratings,
# counts and the period as a spreadsheet may write them (620.0, 2024.0).
def spreadsheet_text(column, value):
    if value in words:
        return words[value]
    if column == "period" or (value.isdigit() and column != "school_code"):
        return value + ".0"
    return value
with open(f"{work}/report-bom.csv", "w", encoding="utf-8-sig", newline="") as f:
    writer = csv.writer(f)
    writer.writerow([labels[c].replace("(", "（").replace(")", "）") for c in columns])
    writer.writerow([spreadsheet_text(c, values[c]) for c in columns])

# The template's workbook: a notes sheet first, then 填报 with the label row over the name row;
# numbers as numbers, yes/no as booleans.
def cell(column, value):
    if column == "school_code":
        return value
    if value in ("true", "false"):
        return value == "true"
    try:
        number = float(value)
        return int(number) if number.is_integer() else number
    except ValueError:
        return value
workbook = openpyxl.Workbook()
workbook.active.title = "说明"
workbook.active["A1"] = "请在“填报”表中填写"
sheet = workbook.create_sheet("填报")
sheet.append([labels[c] for c in columns])
sheet.append(columns)
sheet.append([cell(c, values[c]) for c in columns])
workbook.save(f"{work}/report.xlsx")
EOF
check "the three other files are written" 0 $?

for file in report-utf16.txt report-bom.csv report.xlsx; do
  "${J[@]}" submit "$WORK/$file" >"$WORK/out" 2>"$WORK/err"
  check "$file exits 0" 0 $?
  contains "$file is the report already stored" "$WORK/out" "already stored"
  contains "$file has the same content hash" "$WORK/out" "content sha256 $hash"
  no_protobuf_lines "$file" "$WORK/err"
done
"${J[@]}" --format json history --school 2140043001 --period 2024 >"$WORK/out" 2>&1
check "four files, one stored version" 1 "$(grep -c '"version"' "$WORK/out")"

# A file in no encoding junheng reads: refused with the line and the fix, nothing stored.
{ head -n 1 "$WORK/r/2140043002.csv"; printf '\xff'; tail -n 1 "$WORK/r/2140043002.csv"; } \
  >"$WORK/unreadable.csv"
"${J[@]}" submit "$WORK/unreadable.csv" >"$WORK/out" 2>"$WORK/err"
check "an unreadable encoding exits 1" 1 $?
contains "the refusal names the line and the fix" "$WORK/err" \
  "line 2 is neither UTF-8 nor GB18030 (GBK) text; save the file as CSV UTF-8 (逗号分隔) or as .xlsx"
no_protobuf_lines "unreadable encoding" "$WORK/err"
"${J[@]}" history --school 2140043002 --period 2024 >"$WORK/out" 2>&1
contains "nothing of the unreadable file is stored" "$WORK/out" "no report from school"

# An .xls workbook of old Excel or WPS: one sentence.
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' >"$WORK/old.xls"
head -c 504 /dev/zero >>"$WORK/old.xls"
"${J[@]}" validate "$WORK/old.xls" >"$WORK/out" 2>"$WORK/err"
check "an .xls workbook exits 1" 1 $?
contains "the .xls refusal says what to save instead" "$WORK/err" "save the file as CSV UTF-8"

# A file without most columns (issue 14 item 1): validate names the missing columns apart from the
# empty cells; submit stores it as incomplete, and status counts it so.
printf 'school_code,period,primary_students,primary_classes\n2140043003,2024,300,\n' >"$WORK/few.csv"
"${J[@]}" validate "$WORK/few.csv" --schools "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "an incomplete report validates (exit 0)" 0 $?
contains "the first line says it is incomplete" "$WORK/out" "can be submitted, but 25 fields are empty"
contains "the empty cell is named" "$WORK/out" "primary_classes (小学教学班数) = (empty)"
contains "the absent columns are named as columns" "$WORK/out" "the file has no column for: primary_max_class_size,"
"${J[@]}" submit "$WORK/few.csv" >"$WORK/out" 2>&1
check "an incomplete report is accepted" 0 $?
contains "its receipt says it is incomplete" "$WORK/out" "incomplete: 25 fields empty"
"${J[@]}" status --period 2024 --format json >"$WORK/out" 2>&1
contains "status counts it as incomplete" "$WORK/out" '"incomplete": 1'
# A year a spreadsheet turned into a decimal, sent as JSON (files already read 2024.0 as 2024).
printf '{"school_code": "2140043004", "period": "2024.0", "primary_students": 10}' >"$WORK/y.json"
"${J[@]}" submit "$WORK/y.json" >"$WORK/out" 2>&1
check "period 2024.0 is refused before sending (exit 1)" 1 $?
contains "the refusal says what to write" "$WORK/out" "write 2024"

# A window wholly in the past is defined only when the bureau says it means it (issue 14 item 6).
"${J[@]}" period define --period 2019 --opens 2019-09-01 --deadline 2019-10-15 \
  --closes 2019-10-31 >"$WORK/out" 2>&1
check "a past window is not defined without --past-window (exit 2)" 2 $?
contains "the refusal says what would happen and how to go on" "$WORK/out" "again with --past-window"
"${J[@]}" period list >"$WORK/out" 2>&1
if grep -q "^2019 " "$WORK/out"; then check "2019 was not defined" "absent" "present"; fi
"${J[@]}" period define --period 2019 --opens 2019-09-01 --deadline 2019-10-15 \
  --closes 2019-10-31 --past-window >"$WORK/out" 2>&1
check "with --past-window it is defined" 0 $?

no_protobuf_lines "the server log" "$WORK/server.log"
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
