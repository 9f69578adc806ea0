#!/usr/bin/env bash
# End-to-end: the clerk's commands speak Chinese by default and English when asked. Each command
# (template, validate with errors, submit accepted / already stored / rejected by the server,
# show, history, due, outbox list, the agent's log, a usage error, and --help of each) runs twice: under
# LANG=zh_CN.UTF-8, and under the same LANG with --lang en. What a person reads is then checked
# for untranslated sentences: in Chinese no line has three lowercase English words in a row
# (field names are snake_case and commands are quoted in `backticks`, so neither counts); in
# English no line has Chinese sentence punctuation (，；。：、（）). Data rows (the fields `show`
# lists, CSV, JSON) are not messages and are not checked.
# Usage: i18n_e2e_test.sh SERVER CLIENT SOURCE_DIR
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-i18n "$@"

cleanup() { kill -9 "${SERVER_PID:-}" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

start_server "$SERVER_BIN" "$WORK/data" "$WORK/server.log" || exit 1
J=("$CLIENT_BIN" --server "$SERVER_ADDR" --county 140430 --deadline 5 "${CLIENT_SECURITY[@]}")
"${J[@]}" schools import "$SRC/deploy/sample/schools.csv" >"$WORK/out" 2>&1
check "registry import exits 0" 0 $?
# 2024: the deadline has passed but the period is open, so every receipt says late. 2023: closed,
# so the server refuses the report.
"${J[@]}" period define --period 2024 --opens 2024-01-01 --deadline 2024-06-30 --closes 2099-12-31 \
  >"$WORK/out" 2>&1
check "period 2024 defined" 0 $?
# A window wholly in the past is defined on purpose (--past-window): its refusals are tested below.
"${J[@]}" period define --period 2023 --opens 2023-01-01 --deadline 2023-06-30 --closes 2023-12-31 \
  --past-window >"$WORK/out" 2>&1
check "period 2023 defined" 0 $?

split_reports "$SRC/deploy/sample/reports-2024.csv" "$WORK/r"
# report_variant SCHOOL NAME SED: the school's file changed by SED.
report_variant() { sed "$3" "$WORK/r/$1.csv" >"$WORK/$2.csv"; }
# one_more_room SCHOOL NAME: the school's file with one more music room, a plausible correction.
one_more_room() {
  awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "music_rooms") c = i }
    NR == 2 { $c = $c + 1 } { print }' "$WORK/r/$1.csv" >"$WORK/$2.csv"
}

# run LANG_DIR NAME COMMAND...: the command's stdout, stderr and exit code in $WORK/LANG_DIR/NAME.*
run() {
  local dir="$WORK/$1" name="$2"
  shift 2
  mkdir -p "$dir"
  "$@" >"$dir/$name.out" 2>"$dir/$name.err"
  echo $? >"$dir/$name.rc"
}
rc() { cat "$WORK/$1/$2.rc"; }

# One school per language, so that each sees a first acceptance.
declare -A SCHOOL=([zh]=2140043001 [en]=2140043002)
declare -A NAME=([zh]=沁县新店镇新店小学 [en]=沁县故县镇向升小学)
for lang in zh en; do
  school=${SCHOOL[$lang]}
  # Each language's clerk on a PC of their own: their own outbox.
  L=("${J[@]}" --outbox "$WORK/$lang-outbox")
  [ "$lang" = zh ] || L+=(--lang en)
  export LANG=zh_CN.UTF-8
  report_variant "$school" "negative-$lang" "2s/^\($school,2024,\)\([0-9]*\),/\1-\2,/"
  one_more_room "$school" "changed-$lang"
  report_variant "$school" "closed-$lang" "2s/^\($school,\)2024,/\12023,/"
  run "$lang" template "${L[@]}" template --school "$school" --period 2024 -o "$WORK/$lang-t.xlsx"
  run "$lang" template-csv "${L[@]}" template --school "$school" --period 2024 --format csv
  run "$lang" validate-invalid "${L[@]}" validate "$WORK/negative-$lang.csv"
  run "$lang" validate-valid "${L[@]}" validate "$WORK/r/$school.csv"
  run "$lang" submit-invalid "${L[@]}" submit "$WORK/negative-$lang.csv"
  run "$lang" submit-accepted "${L[@]}" submit "$WORK/r/$school.csv"
  run "$lang" submit-again "${L[@]}" submit "$WORK/r/$school.csv"
  run "$lang" submit-stale "${L[@]}" submit --replaces 0 "$WORK/changed-$lang.csv"
  run "$lang" submit-closed "${L[@]}" submit "$WORK/closed-$lang.csv"
  run "$lang" show "${L[@]}" show --school "$school" --period 2024
  run "$lang" history "${L[@]}" history --school "$school" --period 2024
  run "$lang" history-none "${L[@]}" history --school 2140043003 --period 2024
  run "$lang" due "${L[@]}" due --school 2140043003
  run "$lang" outbox-list "${L[@]}" outbox list
  run "$lang" agent "${L[@]}" agent --until-empty --poll 0.1
  run "$lang" usage "${L[@]}" submit
  run "$lang" help "${L[@]}" --help
  for cmd in template validate submit show history due outbox "outbox list"; do
    read -r -a words <<<"$cmd"
    run "$lang" "help-${cmd// /-}" "${L[@]}" "${words[@]}" --help
  done
  export LANG=en_US.UTF-8

  check "$lang: template exits 0" 0 "$(rc $lang template)"
  check "$lang: validate of an invalid report exits 1" 1 "$(rc $lang validate-invalid)"
  check "$lang: validate of a valid report exits 0" 0 "$(rc $lang validate-valid)"
  check "$lang: submit of an invalid report exits 1" 1 "$(rc $lang submit-invalid)"
  check "$lang: accepted exits 0" 0 "$(rc $lang submit-accepted)"
  check "$lang: already stored exits 0" 0 "$(rc $lang submit-again)"
  check "$lang: stale replacement exits 1" 1 "$(rc $lang submit-stale)"
  check "$lang: closed period exits 1" 1 "$(rc $lang submit-closed)"
  check "$lang: show exits 0" 0 "$(rc $lang show)"
  check "$lang: due exits 0" 0 "$(rc $lang due)"
  check "$lang: outbox list exits 0" 0 "$(rc $lang outbox-list)"
  check "$lang: the agent exits 0 with nothing to deliver" 0 "$(rc $lang agent)"
  check "$lang: a usage error exits 2" 2 "$(rc $lang usage)"
  check "$lang: --help exits 0" 0 "$(rc $lang help)"
  # Receipts and due name the school beside its code.
  contains "$lang: the receipt names the school" "$WORK/$lang/submit-accepted.out" "$school ${NAME[$lang]}"
  contains "$lang: due names the school" "$WORK/$lang/due.out" "沁县松村镇松村小学"
done

# What each language says, in its own words.
contains "zh: template says where it wrote" "$WORK/zh/template.out" "已写入"
contains "zh: validate names the field and the rule" "$WORK/zh/validate-invalid.out" "小学在校生数 primary_students = -620：不能为负数"
contains "zh: accepted" "$WORK/zh/submit-accepted.out" "已接收"
contains "zh: the receipt says late" "$WORK/zh/submit-accepted.out" "逾期"
contains "zh: already stored" "$WORK/zh/submit-again.out" "已经存过"
contains "zh: the server refuses a stale version in Chinese" "$WORK/zh/submit-stale.err" "版本已过时"
contains "zh: the server refuses a closed period in Chinese" "$WORK/zh/submit-closed.err" "已于 2023-12-31"
contains "zh: nothing was submitted" "$WORK/zh/submit-invalid.err" "什么都没有提交"
contains "zh: history of nothing" "$WORK/zh/history-none.out" "还没有报表"
contains "zh: usage error says what to do" "$WORK/zh/usage.err" "错误：缺少 FILE；请运行 \`junheng submit --help\`"
contains "zh: the agent logs in Chinese" "$WORK/zh/agent.out" "没有要投递的了"
contains "zh: help in Chinese" "$WORK/zh/help.out" "用法"
contains "zh: subcommand help in Chinese" "$WORK/zh/help-submit.out" "显示本帮助并退出"
contains "en: accepted" "$WORK/en/submit-accepted.out" "accepted:"
contains "en: the receipt says late" "$WORK/en/submit-accepted.out" "received after the period's deadline: late"
contains "en: already stored" "$WORK/en/submit-again.out" "already stored:"
contains "en: the server refuses a stale version in English" "$WORK/en/submit-stale.err" "stale replacement"
contains "en: the server refuses a closed period in English" "$WORK/en/submit-closed.err" "closed at 2023-12-31"
contains "en: help in English" "$WORK/en/help.out" "Usage"
contains "en: usage error says what to do" "$WORK/en/usage.err" "error: FILE is required; run \`junheng submit --help\`"

# The messages of a run: every stderr, every stdout except the data ones, without the rows of
# fields `show` lists ("  primary_students   620   小学在校生数").
messages() {
  local dir="$WORK/$1" f
  for f in "$dir"/*.err "$dir"/*.out; do
    case "$(basename "$f")" in
      template-csv.out) ;;  # the file a clerk fills in: data
      show.out) grep -v -E '^  [a-z][a-z0-9_]+ {2,}' "$f" ;;
      *) cat "$f" ;;
    esac | sed "s|^|$(basename "$f"): |"
  done
}
# Chinese: three or more lowercase English words in a row, outside `backticks`.
messages zh | sed 's/`[^`]*`//g' |
  grep -P '(?<![\w./@-])[a-z]+(?: [a-z]+){2,}(?![\w./@-])' >"$WORK/zh-untranslated"
check "Chinese output has no English sentence" "" "$(cat "$WORK/zh-untranslated")"
# English: Chinese sentence punctuation.
messages en | grep -F -e '，' -e '；' -e '。' -e '：' -e '、' -e '（' -e '）' >"$WORK/en-untranslated"
check "English output has no Chinese sentence" "" "$(cat "$WORK/en-untranslated")"
lines() { messages "$1" | wc -l; }
check "the Chinese run printed messages" 1 "$([ "$(lines zh)" -gt 100 ] && echo 1)"
check "the English run printed messages" 1 "$([ "$(lines en)" -gt 100 ] && echo 1)"

echo "# figures: $(lines zh) Chinese and $(lines en) English lines checked"
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
