#!/usr/bin/env bash
# The main job on its embedded default: build, start a local junheng-server on RocksDB, import Qin
# County's 26 schools, submit their reports from 26 concurrent clients, print what was stored and
# the county's evaluation, stop the server. The demo runs TLS on loopback with certificates made
# by deploy/tls/make-certs.sh and bearer tokens: a bureau_admin token issued offline, one
# school_clerk token per school, an auditor token that verifies the audit log (docs/security.md).
# Then two more counties of Changzhi (长治市 1404), synthetic from end to end (deploy/sample/README.md),
# are loaded by their own bureau admins, and a region_viewer of the city prints its view of the three
# counties (`junheng region status` and `region eval`); the region registry is deploy/sample/regions.csv.
# It speaks Chinese, as junheng does; `bash deploy/demo.sh --lang en` (or LANG=en_US.UTF-8) for
# English.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# The language junheng will choose (common/i18n/lang.h: --lang, else the first of LC_ALL,
# LC_MESSAGES and LANG that names a locale; English only for en_*), so that the demo's own
# headings match what the commands print.
demo_lang() {
  local v
  for v in "${LC_ALL:-}" "${LC_MESSAGES:-}" "${LANG:-}"; do
    case "$v" in "" | C | POSIX | C.*) continue ;; en*) echo en; return ;; *) echo zh; return ;; esac
  done
  echo zh
}
DEMO_LANG=$(demo_lang)
if [ "${1:-}" = "--lang" ]; then DEMO_LANG="${2:-zh}"; fi
# say CHINESE ENGLISH: a heading of the demo in its language.
say() { if [ "$DEMO_LANG" = en ]; then echo "$2"; else echo "$1"; fi; }
bash deploy/install-deps.sh
bash deploy/build.sh >/dev/null
BUILD="${JUNHENG_BUILD_DIR:-build}"
SERVER_BIN="$ROOT/$BUILD/server/junheng-server"
CLIENT_BIN="$ROOT/$BUILD/client/junheng"
source deploy/server-lib.sh

WORK="$ROOT/var/demo"
rm -rf "$WORK"            # a fresh demo county each run
mkdir -p "$WORK"
SERVER_EXTRA_ARGS=(--profile qin-county)  # the county plan's own targets over the 2017 method
SERVER_HTTP=1                             # and the web console (docs/web-console.md)
# The region registry (Shanxi, its cities, Changzhi's counties) and the tokens of the city's part,
# offline before the first start as the first admin token: the bureau admins of the two synthetic
# counties of Changzhi and a region viewer of the city (长治市 1404).
SYNTHETIC_COUNTIES=(140429 140431)
SERVER_REGIONS=(deploy/sample/regions.csv)
SERVER_TOKENS=("admin-140429.token bureau_admin 140429" "admin-140431.token bureau_admin 140431"
               "region-1404.token region_viewer 1404")
start_server "$SERVER_BIN" "$WORK/data" "$WORK/server.log"
trap 'stop_server >/dev/null 2>&1 || true' EXIT
say "== junheng-server 在 $SERVER_ADDR 上运行，数据在 $WORK/data（RocksDB）" \
  "== junheng-server on $SERVER_ADDR, data in $WORK/data (RocksDB)"

J=("$CLIENT_BIN" --lang "$DEMO_LANG" --server "$SERVER_ADDR" --county 140430 "${CLIENT_SECURITY[@]}")
say "== TLS 用县里的 CA（$WORK/tls）；教育局管理员令牌已离线签发" \
  "== TLS with the county CA in $WORK/tls; bureau admin token issued offline"
say "== 导入学校名册" "== importing the registry"
"${J[@]}" schools import deploy/sample/schools.csv

# submit_schools PERIOD FILE...: each school's clerk submits its own file with its own token, all at
# once, as 26 separate client processes.
submit_schools() {
  local period="$1"; shift
  local pids=() failed=0 file school
  for file in "$@"; do
    school=$(basename "$file" .csv)
    # Each school's clerk has its own token (and, as on its own PC, its own outbox).
    if [ ! -s "$WORK/clerk-$school.token" ]; then
      "${J[@]}" admin token issue --role school_clerk --school "$school" --label "demo clerk" \
        >"$WORK/clerk-$school.token" 2>/dev/null
    fi
    JUNHENG_TOKEN=$(cat "$WORK/clerk-$school.token") \
      "${J[@]}" --submitter "clerk-$school" --outbox "$WORK/outbox-$school" submit "$file" \
      >"$WORK/submit-$period-$school.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  say "   接收 $((${#pids[@]} - failed)) 份，失败 $failed 份" \
    "   $((${#pids[@]} - failed)) submissions accepted, $failed failed"
  if [ "$failed" -ne 0 ]; then cat "$WORK"/submit-$period-*.log; exit 1; fi
}

split_reports deploy/sample/reports-2023.csv "$WORK/reports-2023"
split_reports deploy/sample/reports-2024.csv "$WORK/reports-2024"
say "== 2023 年（事后补录，没有填报时间）：26 名填报员同时提交" \
  "== 2023 (entered afterwards, no reporting window): 26 clerks submit at once"
submit_schools 2023 "$WORK/reports-2023"/*.csv
"${J[@]}" facts submit deploy/sample/county-facts-2023.json
say "== 服务器存下的 2023 年报表（junheng reports）" \
  "== what the server stored for 2023 (junheng reports)"
"${J[@]}" reports --period 2023

# The 2024 round has a deadline a few seconds from now, so that the demo shows every state: 20
# schools report on time, 3 after the deadline (late), 1 leaves most fields empty (incomplete), 2
# report nothing.
deadline=$(date -d "+8 seconds" --iso-8601=seconds)
say "== 教育局开始 2024 年填报：截止 $deadline" "== the bureau opens the 2024 round: deadline $deadline"
"${J[@]}" period define --period 2024 --opens "$(date -d "-30 days" +%F)" --deadline "$deadline" \
  --closes "$(date -d "+30 days" +%F)"
files=("$WORK/reports-2024"/*.csv)
say "== 2024 年：20 名填报员在截止前提交" "== 2024: 20 clerks submit before the deadline"
submit_schools 2024 "${files[@]:0:20}"
while [ "$(date +%s)" -le "$(date -d "$deadline" +%s)" ]; do sleep 1; done
say "== 2024 年：3 名填报员在截止后提交；3 所学校始终没有提交" \
  "== 2024: 3 clerks submit after the deadline; 3 schools never do"
submit_schools 2024 "${files[@]:20:3}"
# One of the three sends a report with only its student counts filled in: it is stored, its receipt
# says it is incomplete, and status counts the school as incomplete, not as submitted.
mkdir -p "$WORK/incomplete-2024"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) keep[i] = ($i ~ /^(school_code|period|county_code|[a-z]+_students)$/) }
  { line = ""; for (i = 1; i <= NF; i++) line = line (i > 1 ? "," : "") (keep[i] ? $i : (NR == 1 ? $i : ""))
    print line }' "${files[23]}" >"$WORK/incomplete-2024/$(basename "${files[23]}")"
say "== 2024 年：又有 1 所学校只填了学生数就提交（存下，但算“未填完”）" \
  "== 2024: one more school submits with only its student counts filled in (stored, but incomplete)"
submit_schools 2024 "$WORK/incomplete-2024"/*.csv
grep -E 'incomplete: [0-9]|未填完：[0-9]' "$WORK"/submit-2024-"$(basename "${files[23]}" .csv)".log
"${J[@]}" facts submit deploy/sample/county-facts-2024.json

say "== 2024 年哪些学校已报送（junheng status）" "== who has reported for 2024 (junheng status)"
"${J[@]}" status --period 2024
say "== 催报：仍欠 2024 年报表的学校及联系人（junheng remind）" \
  "== reminders: schools that still owe the 2024 report, with contacts (junheng remind)"
"${J[@]}" remind --period 2024 --days 3

say "== 沁县 2024 年评估（junheng eval，在服务器上，标准 qin-county）" \
  "== the Qin County 2024 evaluation (junheng eval, on the server, profile qin-county)"
"${J[@]}" eval --period 2024
say "== 2023–2024 年的趋势（junheng trend）" "== the trend 2023-2024 (junheng trend)"
"${J[@]}" trend --from 2023 --to 2024
echo "== the national forms 申报表 表Ⅰ-表Ⅵ and the evaluation as a workbook (junheng forms, eval -o)"
"${J[@]}" forms --period 2024 -o "$WORK/forms-2024.xlsx"
"${J[@]}" eval --period 2024 -o "$WORK/evaluation-2024.xlsx"
echo "   $WORK/evaluation-2024.xlsx written"

say "== 审计员检查审计日志的哈希链" "== the auditor verifies the audit log's hash chain"
AUDITOR_TOKEN=$("${J[@]}" admin token issue --role auditor --label "demo auditor" 2>/dev/null)
JUNHENG_TOKEN="$AUDITOR_TOKEN" "${J[@]}" audit verify

say "== 网页端 $WEB_URL：教育局和一所学校的登录单（junheng admin onboard）" \
  "== the web console at $WEB_URL: sign-in sheets for the bureau and one school (junheng admin onboard)"
head -n 2 deploy/sample/schools.csv >"$WORK/one-school.csv"
"${J[@]}" admin onboard --role bureau_admin --label "演示 教育局" --web-url "$WEB_URL" \
  -o "$WORK/signin-sheets" 2>/dev/null
"${J[@]}" admin onboard --schools "$WORK/one-school.csv" --web-url "$WEB_URL" \
  -o "$WORK/signin-sheets" 2>/dev/null
say "   登录单（含二维码）：$WORK/signin-sheets/*.html；浏览器会提示证书不受信任：演示用的是 $WORK/tls/ca.crt 自签的证书" \
  "   sheets with QR codes: $WORK/signin-sheets/*.html; the browser warns about the certificate: the demo's is signed by $WORK/tls/ca.crt"
# The city's view: two more counties of Changzhi, synthetic from end to end (deploy/sample/README.md),
# each loaded by its own bureau admin, then a region viewer of 长治市 compares the three counties.
say "== 长治市另外两个县（武乡县 140429、沁源县 140431，全部为虚构数据）：各县教育局管理员导入名册，提交 2023、2024 年报表和县级数据" \
  "== two more counties of Changzhi (Wuxiang 140429, Qinyuan 140431; all synthetic data): each county's bureau admin imports its registry and submits the 2023 and 2024 reports and county facts"
# load_county COUNTY: its bureau admin imports the registry, submits both years' reports (one file
# each, as a bureau entering them on the schools' behalf) and the county facts; 2023 is entered
# afterwards, as in Qin County, and 2024 in the county's own round (deadline a week ahead).
load_county() {
  local county="$1" year
  local C=(env JUNHENG_TOKEN="$(cat "$WORK/admin-$county.token")" "$CLIENT_BIN" --lang "$DEMO_LANG"
           --server "$SERVER_ADDR" --county "$county" "${CLIENT_SECURITY[@]}" --outbox "$WORK/outbox-$county")
  "${C[@]}" schools import "deploy/sample/$county/schools.csv" || return 1
  for year in 2023 2024; do
    if [ "$year" = 2024 ]; then
      "${C[@]}" period define --period 2024 --opens "$(date -d "-30 days" +%F)" \
        --deadline "$(date -d "+7 days" +%F)" --closes "$(date -d "+30 days" +%F)" || return 1
    fi
    "${C[@]}" submit "deploy/sample/$county/reports-$year.csv" || return 1
    "${C[@]}" facts submit "deploy/sample/$county/county-facts-$year.json" || return 1
  done
}
for county in "${SYNTHETIC_COUNTIES[@]}"; do
  if ! load_county "$county" >"$WORK/load-$county.log" 2>&1; then cat "$WORK/load-$county.log"; exit 1; fi
  schools=$(($(wc -l <"deploy/sample/$county/schools.csv") - 1))
  say "   $county：$schools 所学校，2023、2024 年报表和县级数据已存入" \
    "   $county: $schools schools; the 2023 and 2024 reports and county facts stored"
done
R=(env JUNHENG_TOKEN="$(cat "$WORK/region-1404.token")" "$CLIENT_BIN" --lang "$DEMO_LANG"
   --server "$SERVER_ADDR" "${CLIENT_SECURITY[@]}")
say "== 长治市（1404）的查看员：各县 2024 年填报情况（junheng region status，region_viewer 令牌，只读）" \
  "== a viewer of Changzhi (1404): each county's 2024 reporting (junheng region status, region_viewer token, read only)"
"${R[@]}" region status --region 1404 --period 2024
say "== 长治市各县 2024 年评估对比（junheng region eval，标准 qin-county）" \
  "== Changzhi's counties compared, 2024 (junheng region eval, profile qin-county)"
"${R[@]}" region eval --region 1404 --period 2024

if [ -t 0 ]; then
  say "== 服务器继续运行，可在浏览器中打开上面的链接；按回车停止" \
    "== the server keeps running for the links above; press Enter to stop it"
  read -r _
fi

stop_server
trap - EXIT
say "== 服务器已正常停止；数据留在 $WORK/data" "== server stopped cleanly; the data stays in $WORK/data"
