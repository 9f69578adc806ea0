#pragma once

// What the `junheng` client says to the bureau, and to a clerk asking what is due: periods,
// review, status, reminders, due, the registry, tokens and the audit log, the snapshot list and
// the trend. One entry per sentence, Chinese first, English beside it; $0 … $9 are the values.

#include "common/i18n/message.h"

namespace junheng::i18n::bureau {

// Times given on the command line (common/time).
inline constexpr Msg kNotATime{"time.not_a_time",
                               "'$0' 不是时间；请写 2024-12-31（北京时间一整天）、2024-12-31 17:00"
                               "（北京时间）或 2024-12-31T17:00:00+08:00",
                               "'$0' is not a time; write 2024-12-31 (a whole day, China time), "
                               "2024-12-31 17:00 (China time) or 2024-12-31T17:00:00+08:00"};
inline constexpr Msg kBadExpiry{"time.bad_expiry",
                                "--expires $0：请写有效期（例如 90d 或 12h）或日期（例如 "
                                "2025-08-31）",
                                "--expires $0: give a lifetime like 90d or 12h, or a date like "
                                "2025-08-31"};

// period.
inline constexpr Msg kPeriodLine{"period.line", "填报期 $0：开始 $1，截止 $2，关闭 $3",
                                 "period $0: opens $1, deadline $2, closes $3"};
inline constexpr Msg kPeriodDefined{"period.defined", "已为县 $0 定义：", "defined for county $0:"};
inline constexpr Msg kPeriodsTitle{"period.title", "县 $0 的填报期", "periods of county $0"};
inline constexpr Msg kNoPeriods{"period.none", "县 $0 还没有定义填报期",
                                "no periods defined in county $0"};
inline constexpr Msg kExceptionGranted{"period.exception_granted",
                                       "学校 $0 可以在 $2 之前提交填报期 $1 的报表",
                                       "school $0 may submit for period $1 until $2"};

// review.
inline constexpr Msg kReviewed{"review.done", "$1 / $2 的第 $0 版现在是：$3（$4）",
                               "version $0 of $1 / $2 is now $3 ($4)"};

// status.
inline constexpr Msg kStatusTitle{"status.title", "县 $0 填报期 $1 报送情况（截至 $2）",
                                  "submissions, county $0, period $1 (as of $2)"};
inline constexpr Msg kNoWindow{"status.no_window", "这个填报期没有设定时间：每份报表都算按时报送",
                               "no window defined for this period: every report counts as on "
                               "time"};
inline constexpr Msg kStatusCounts{
    "status.counts",
    "共 $0 所学校：已报送 $1 所（按时 $2，逾期 $3），未填完 $7，未报送 $4；已报送的学校中已退回 "
    "$5 所（仍计入按时、逾期，须重报），已审核通过 $6 所",
    "$0 schools: $1 submitted ($2 on time, $3 late), $7 incomplete, $4 not submitted; of the "
    "submitted, $5 returned (still counted on time or late, owing a new version) and $6 "
    "accepted"};
inline constexpr Msg kColSchoolsReported{"period.col_reported", "已报学校数", "schools reported"};
inline constexpr Msg kNotDefinedCell{"period.not_defined_cell", "（未设定）", "(not defined)"};
inline constexpr Msg kUndefinedHoldsReports{
    "period.undefined_reports",
    "填报期 $0 没有设定，却存有 $1 所学校的报表（多半是填错的标签，如表格里的 2024.0）；"
    "这类标签现在会被拒收，请让这些学校按正确的填报期重报",
    "period $0 is not defined yet holds reports of $1 schools (most likely a mistaken label such "
    "as a spreadsheet's 2024.0); such labels are now refused, so ask those schools to submit under "
    "the right period"};
inline constexpr Msg kPastWindow{
    "period.past_window",
    "填报期 $0 的关闭时间 $1 "
    "已经过去：定义后几十秒内就会按现在存储的数据生成截止和关闭快照（作为正式记录），"
    "之后报表一律拒收（除非给学校开例外）。如果确实要这样（例如补录往年数据），加 --past-window "
    "再运行",
    "period $0 closes at $1, which has passed: within a minute of defining it the deadline and "
    "close "
    "snapshots (the official record) are taken of what is stored now, and reports are refused "
    "except under an exception. If that is what you mean (e.g. to load an earlier year), run it "
    "again with --past-window"};
inline constexpr Msg kDiffTitle{"review.diff_title", "$0 / $1：第 $2 版与它替换的第 $3 版",
                                "$0 / $1: version $2 against version $3, which it replaced"};
inline constexpr Msg kColField{"review.col_field", "项目", "field"};
inline constexpr Msg kColBefore{"review.col_before", "第 $0 版", "version $0"};
inline constexpr Msg kColAfter{"review.col_after", "第 $0 版", "version $0"};
inline constexpr Msg kDiffNone{"review.diff_none", "两个版本的内容相同",
                               "the two versions hold the same values"};
inline constexpr Msg kDiffCount{"review.diff_count", "有 $0 项不同", "$0 fields differ"};
inline constexpr Msg kStandingTitle{"standing.title", "$0 $1：$2 年的达标情况（标准 $3）",
                                    "$0 $1: standing for $2 (profile $3)"};
inline constexpr Msg kColValue{"standing.col_value", "本校", "school"};
inline constexpr Msg kColMinimum{"standing.col_minimum", "最低要求", "minimum"};
inline constexpr Msg kStandingMeets{"standing.meets", "本校达标（规划达标年份 $0）",
                                    "the school meets the standard (plan year $0)"};
inline constexpr Msg kStandingNotYet{"standing.not_yet", "本校还没有达标（规划达标年份 $0）：",
                                     "the school does not meet the standard yet (plan year $0):"};
inline constexpr Msg kStandingAdd{"standing.add", "  要达到 $0 $1：$2 再增加 $3 $4",
                                  "  to reach $0 $1: add $3 $4 to $2"};
inline constexpr Msg kStandingItem{"standing.item", "  $0 $1：$2（$3）", "  $0 $1: $2 ($3)"};
inline constexpr Msg kStandingExcluded{"standing.excluded", "$0 学段不参评：$1",
                                       "the $0 section is not evaluated: $1"};
inline constexpr Msg kStillEmpty{"due.still_empty", "还空着：$0", "still empty: $0"};
inline constexpr Msg kStatusRates{"status.rates", "报送率 $0%  及时率 $1%",
                                  "completeness $0%  timeliness $1%"};
inline constexpr Msg kConsistencyNote{"status.consistency", "  请核对 $0 $1：$2",
                                      "  warning $0 $1: $2"};

// remind.
inline constexpr Msg kRemindTitle{"remind.title", "催报 填报期 $0：截止 $1，还有 $2 天",
                                  "reminders, period $0: deadline $1, in $2 days"};
inline constexpr Msg kRemindTitlePassed{"remind.title_passed",
                                        "催报 填报期 $0：截止 $1，已过 $2 天",
                                        "reminders, period $0: deadline $1 passed $2 days ago"};
inline constexpr Msg kRemindNotYet{"remind.not_yet", "离截止还有 $0 天以上：暂不催报",
                                   "the deadline is more than $0 days away: no reminders yet"};
inline constexpr Msg kEveryoneReported{"remind.everyone_reported", "每所学校都已报送",
                                       "every school has reported"};
inline constexpr Msg kStillOwe{"remind.still_owe", "还有 $0 所学校欠报",
                               "$0 schools still owe a report"};

// due.
inline constexpr Msg kOwesNothing{"due.nothing", "$0（$1）现在没有要报的报表",
                                  "$0 ($1) owes no report now"};
inline constexpr Msg kMissedPeriod{
    "due.missed",
    "填报期 $0 已于 $1 关闭，$2（$3）没有报送$4；现在不能再提交。如需补报，请联系教育局开通特许补报"
    "（`junheng period exception`）",
    "period $0 closed at $1 without $2 ($3)'s report$4; it can no longer be submitted. To submit "
    "it late, ask the bureau for an exception (`junheng period exception`)"};
inline constexpr Msg kMissedReturned{"due.missed_returned", "（退回的报表没有改正）",
                                     " (the returned report was not corrected)"};
inline constexpr Msg kOwes{"due.owes", "$0（$1）应报：", "$0 ($1) owes:"};
inline constexpr Msg kDueItem{"due.item", "  填报期 $0：$1，截止 $2（$3），关闭 $4",
                              "  period $0: $1, deadline $2 ($3), closes $4"};
inline constexpr Msg kReturnedForCorrection{"due.returned", "已退回，请更正",
                                            "returned for correction"};
inline constexpr Msg kInDays{"due.in_days", "还有 $0 天", "in $0 days"};
inline constexpr Msg kDaysAgo{"due.days_ago", "已过 $0 天", "$0 days ago"};

// schools.
inline constexpr Msg kImportNeedsCounty{"schools.import_needs_county",
                                        "请加 --county 140430：名册导入到一个县",
                                        "give --county 140430: the registry is imported into one "
                                        "county"};
inline constexpr Msg kRegistryImported{"schools.imported",
                                       "县 $0 的学校名册：新增 $1 所，更新 $2 所，未变 $3 所",
                                       "registry of county $0: $1 created, $2 updated, $3 "
                                       "unchanged"};
inline constexpr Msg kRegistryWarning{"schools.warning", "  提醒：$0", "  warning: $0"};
inline constexpr Msg kImportProgress{"schools.import_progress", "已发送 $0 / $1 所学校",
                                     "sent $0 of $1 schools"};
inline constexpr Msg kImportPartFailed{
    "schools.import_part_failed",
    "第 $0–$1 行（学校 $2 至 $3）这一批没有导入：$4\n前面 $5 "
    "所学校已经保存；改正后重新导入整个文件即可"
    "（已保存的学校会计为未变）",
    "rows $0-$1 (schools $2 to $3) were not imported: $4\nthe $5 schools before them are stored; "
    "fix the problem and import the whole file again (stored schools count as unchanged)"};
inline constexpr Msg kRegistryTitle{"schools.title", "县 $0 的学校名册", "registry of county $0"};
inline constexpr Msg kSchoolsCount{"schools.count", "县 $0 共 $1 所学校",
                                   "$1 schools in county $0"};

// admin token.
inline constexpr Msg kBadRole{
    "token.bad_role", "--role $0：请写 school_clerk、bureau_viewer、bureau_admin 或 auditor",
    "--role $0: use school_clerk, bureau_viewer, bureau_admin or "
    "auditor"};
// `junheng admin onboard`: the sign-in sheets of the web console (client/cli/onboard_command.cc).
inline constexpr Msg kOnboardNeedsWho{
    "onboard.needs_who",
    "请给出 --schools 名册文件（每校一名填报员），或 --role bureau_viewer|bureau_admin 加 --label "
    "姓名",
    "give --schools FILE (one clerk per school) or --role bureau_viewer|bureau_admin with --label "
    "NAME"};
inline constexpr Msg kOnboardBadUrl{
    "onboard.bad_url", "--web-url '$0'：请写服务器网页端的地址，例如 https://192.168.1.10:8443",
    "--web-url '$0': give the web console's address, e.g. https://192.168.1.10:8443"};
inline constexpr Msg kOnboardWritten{
    "onboard.written", "已为 $0 人签发令牌并写好登录单：$1（打印 $2 即可一次打印全部）",
    "issued $0 tokens and wrote their sign-in sheets to $1 (print "
    "$2 for all of them)"};
inline constexpr Msg kSheetTitle{"sheet.title", "均衡 网页端登录单", "junheng web console sign-in"};
inline constexpr Msg kSheetFor{"sheet.for", "$0（$1）", "$0 ($1)"};
inline constexpr Msg kSheetSteps{
    "sheet.steps",
    "用手机扫描二维码，或在电脑浏览器中打开下面的链接，即可登录填报。|链接只能使用一次，$0 "
    "前有效；登录后浏览器会记住你，不必再输入任何密码。|"
    "请妥善保管本页：任何人用它都能以你的身份登录。"
    "用过后可以销毁；丢失或泄露请立即告诉教育局吊销。",
    "Scan the QR code with a phone, or open the link below in a browser on a PC, to sign in.|The "
    "link works once, until $0; the browser then remembers you, no password needed.|Keep this page "
    "safe: anyone holding it can sign in as you. Destroy it once used; if it is lost, tell the "
    "bureau to revoke it at once."};
inline constexpr Msg kSheetRole{"sheet.role", "身份：$0　县：$1　令牌编号：$2",
                                "role: $0   county: $1   token id: $2"};
inline constexpr Msg kTokenIssued{
    "token.issued",
    "令牌 $0：县 $2 的 $1，到期 $3\n"
    "令牌只显示这一次（服务器只存加盐的哈希）：请私下交给持有人；持有人把它写进配置文件 token = "
    "\"...\"，或放在 $$JUNHENG_TOKEN 里。",
    "token $0: $1 of county $2, expires $3\n"
    "It is shown only this once (the server keeps a salted hash): hand it over privately; the "
    "holder puts it in the config as token = \"...\" or in $$JUNHENG_TOKEN."};
inline constexpr Msg kClerkTokenIssued{
    "token.issued_clerk",
    "令牌 $0：县 $2 学校 $4 的 $1，到期 $3\n"
    "令牌只显示这一次（服务器只存加盐的哈希）：请私下交给持有人；持有人把它写进配置文件 token = "
    "\"...\"，或放在 $$JUNHENG_TOKEN 里。",
    "token $0: $1 of county $2, school $4, expires $3\n"
    "It is shown only this once (the server keeps a salted hash): hand it over privately; the "
    "holder puts it in the config as token = \"...\" or in $$JUNHENG_TOKEN."};
inline constexpr Msg kTokenRevoked{"token.revoked",
                                   "令牌 $0 已于 $1 吊销；从现在起用它的调用都会被拒绝",
                                   "token $0 revoked at $1; calls with it are refused from now "
                                   "on"};
inline constexpr Msg kTokensTitle{"token.title", "县 $0 的访问令牌", "tokens of county $0"};
inline constexpr Msg kTokenStateRevoked{"token.state_revoked", "已吊销", "revoked"};
inline constexpr Msg kTokenStateExpired{"token.state_expired", "已过期", "expired"};
inline constexpr Msg kTokenStateValid{"token.state_valid", "有效", "valid"};

// audit.
inline constexpr Msg kAuditShown{"audit.shown", "符合条件的 $1 条中显示 $0 条",
                                 "$0 of $1 matching entries shown"};
inline constexpr Msg kAuditBroken{"audit.broken", "县 $0 的审计日志在序号 $1 处断开：$2",
                                  "audit log of county $0 is BROKEN at seq $1: $2"};
inline constexpr Msg kAuditIntact{
    "audit.intact",
    "县 $0 的审计日志：$1 条，哈希链完好；最新一条 序号 $2 $3\n"
    "（请把最新一条另存在服务器之外：以后的检查必须仍包含它）",
    "audit log of county $0: $1 entries, hash chain intact; head seq $2 $3\n"
    "(keep the head outside the server: a later verify must still contain it)"};

// snapshots list, trend.
inline constexpr Msg kSnapshotsTitle{"snapshots.title", "评估快照 $0 / $1", "snapshots of $0 / $1"};
inline constexpr Msg kNoSnapshots{"snapshots.none", "填报期 $0 还没有评估快照",
                                  "no snapshots of period $0 yet"};
inline constexpr Msg kTrendTitle{"trend.title", "县 $0：逐年的差异系数、达标学校数和规划目标",
                                 "county $0: difference coefficients per year, schools meeting "
                                 "the standard and the plan's target"};
inline constexpr Msg kTrendNothingReported{"trend.nothing_reported", "$0：没有报送",
                                           "$0: nothing reported"};
inline constexpr Msg kTrendYear{"trend.year",
                                "$0（$1）：$2 所学校报送，$3 所达标；规划：到 $0 年应有 $4 所达标，"
                                "其中 $5 所已达标；全县 $6",
                                "$0 ($1): $2 schools reported, $3 meet the standard; plan: $4 due "
                                "by $0, $5 of them meet it; county $6"};
inline constexpr Msg kTrendSnapshotSame{"trend.snapshot_same",
                                        "  快照 $0（$1，$2）评估的是同样的数据",
                                        "  snapshot $0 ($1, $2) evaluated the same data"};
inline constexpr Msg kTrendSnapshotOlder{
    "trend.snapshot_older",
    "  快照 $0（$1，$2）之后报表或县级数据有变化：上面是按现在存储的数据算的；要看当时的记录，加 "
    "--snapshot",
    "  snapshot $0 ($1, $2) predates reports or facts stored since: the figures above are from "
    "what "
    "is stored now; add --snapshot for the record as it stood then"};
inline constexpr Msg kTrendFromSnapshot{
    "trend.from_snapshot", "  以上取自快照 $0（$1，$2），不是现在存储的数据",
    "  the figures above are snapshot $0 ($1, $2), not what is stored now"};
inline constexpr Msg kCountyPass{"trend.pass", "通过", "PASS"};
inline constexpr Msg kCountyFail{"trend.fail", "未通过", "FAIL"};
inline constexpr Msg kNotJudged{"trend.not_judged", "无法判断", "not judged"};
inline constexpr Msg kMeets{"trend.meets", "达标", "ok"};
inline constexpr Msg kFails{"trend.fails", "未达标", "FAIL"};

// Column labels of the listings above.
inline constexpr Msg kColSchoolName{"column.school_name", "学校名称", "school name"};
inline constexpr Msg kColState{"column.state", "状态", "state"};
inline constexpr Msg kColContact{"column.contact", "联系人", "contact"};
inline constexpr Msg kColPhone{"column.phone", "联系电话", "phone"};
inline constexpr Msg kColLastReceived{"column.last_received", "最近报送时间", "last received"};
inline constexpr Msg kColReviewComment{"column.review_comment", "审核意见", "review comment"};
inline constexpr Msg kColPeriod{"column.period", "填报期", "period"};
inline constexpr Msg kColOpens{"column.opens", "开始", "opens"};
inline constexpr Msg kColDeadline{"column.deadline", "截止", "deadline"};
inline constexpr Msg kColCloses{"column.closes", "关闭", "closes"};
inline constexpr Msg kColId{"column.id", "编号", "id"};
inline constexpr Msg kColRole{"column.role", "角色", "role"};
inline constexpr Msg kColSchool{"column.school", "学校", "school"};
inline constexpr Msg kColExpires{"column.expires", "到期", "expires"};
inline constexpr Msg kColLabel{"column.label", "说明", "label"};
inline constexpr Msg kColSeq{"column.seq", "序号", "seq"};
inline constexpr Msg kColTime{"column.time", "时间", "time"};
inline constexpr Msg kColAction{"column.action", "操作", "action"};
inline constexpr Msg kColTarget{"column.target", "对象", "target"};
inline constexpr Msg kColActor{"column.actor", "操作者", "actor"};
inline constexpr Msg kColTrigger{"column.trigger", "触发", "trigger"};
inline constexpr Msg kColProfile{"column.profile", "标准", "profile"};
inline constexpr Msg kColInputHash{"column.input_hash", "输入 sha256", "input sha256"};
inline constexpr Msg kColYear{"column.year", "年份", "year"};
inline constexpr Msg kColSource{"column.source", "来源", "source"};
inline constexpr Msg kColLevel{"column.level", "学段", "level"};
inline constexpr Msg kColIndicator{"column.indicator", "指标", "indicator"};
inline constexpr Msg kColIndicatorName{"column.indicator_name", "指标名称", "indicator name"};
inline constexpr Msg kColCoefficient{"column.coefficient", "差异系数", "coefficient"};
inline constexpr Msg kColThreshold{"column.threshold", "阈值", "threshold"};
inline constexpr Msg kColResult{"column.result", "结果", "result"};

}  // namespace junheng::i18n::bureau
