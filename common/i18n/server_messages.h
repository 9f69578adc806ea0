#pragma once

// What junheng-server answers a clerk or the bureau: refusals of a report (window, review lock,
// stale version, reused submission id), of the bureau's requests, of a credential, and the
// consistency warnings of the status. Written in the caller's language: the server handles each
// call inside a LangScope of the language the client sent. One entry per sentence, Chinese first,
// English beside it; $0 … $9 are the values. (The operator's log stays English.)

#include "common/i18n/message.h"

namespace junheng::i18n::server {

// Appended to every error answer (server/rpc/call_interceptor.cc): the call's request id, which a
// clerk reads out and the operator finds in the server's log.
inline constexpr Msg kRequestIdSuffix{"server.request_id", "（请求号 $0）", " (request id $0)"};
// An error that came without a message ($0: its code), as gRPC answers a request the server
// cannot parse: what the server's interceptor sends instead, and what the client shows when a
// server says nothing (common/rpc/grpc_status.h).
inline constexpr Msg kNoReason{
    "server.no_reason",
    "服务器没有说明原因（状态 $0，gRPC 对服务器读不懂的请求这样回答）；请确认这个 junheng "
    "与服务器是同一版本，或请运维人员查看服务器日志",
    "the server gave no reason (status $0, as gRPC answers a request the server cannot read); "
    "check that this junheng is the server's version, or ask the operator to look at the server "
    "log"};

// Codes a request names (server/storage/codes.cc).
inline constexpr Msg kBadCode{"server.bad_code",
                              "$0 = '$1'：必填；只能用 1–64 个字母、数字、“.”“_”或“-”",
                              "$0 = '$1': required; use 1-64 letters, digits, '.', '_' or '-'"};

// Pages of a listing (server/storage/page.cc): $0 is the field, page_size (or limit).
inline constexpr Msg kPageSize{"server.page_size",
                               "$0 = $1：每页最多 $2 条，须在 0–$2 之间（0 表示 $3 条）",
                               "$0 = $1: a page holds at most $2 records; give 0-$2 (0 means $3)"};
inline constexpr Msg kPageToken{
    "server.page_token",
    "page_token = '$0'：不是这个列表为同一请求给出的 next_page_token；请去掉 page_token，"
    "从第一页重新开始",
    "page_token = '$0': not a next_page_token this listing gave for the same request; leave "
    "page_token empty to start again from the first page"};

// Accepting a report (server/reporting/report_intake.cc, server/storage/store.cc).
inline constexpr Msg kBadSubmissionId{"server.bad_submission_id",
                                      "submission_id = '$0'：客户端必须发送 1–64 个字母、数字、"
                                      "“.”“_”或“-”组成的编号",
                                      "submission_id = '$0': the client must send an id of 1-64 "
                                      "letters, digits, '.', '_' or '-'"};
inline constexpr Msg kBadReplacesVersion{"server.bad_replaces_version",
                                         "replaces_version 必须是 0（第一份报表）或一个版本号",
                                         "replaces_version must be 0 (first report) or a version"};
inline constexpr Msg kBatchSize{"server.batch_size",
                                "reports：一次提交了 $0 份报表；每次须有 1–$1 份，请分批提交",
                                "reports: the call carries $0 reports; send 1-$1 per call, in "
                                "several calls"};
inline constexpr Msg kSubmissionIdReused{
    "server.submission_id_reused",
    "提交编号 $0 "
    "已经用于另一份内容不同的报表；改过的报表要重新提交（客户端每次提交都会生成新编号）",
    "submission_id $0 was already used for a different report; a changed report needs a new "
    "submission (the client makes one for each new submit)"};
inline constexpr Msg kStaleReplacement{
    "server.stale_replacement",
    "版本已过时：这次提交要替换第 $0 版，但 $1 / $2 最新存下的是第 $3 版；请用 `junheng show` "
    "查看，然后加 --replaces $3 再提交",
    "stale replacement: this submission replaces version $0 but the latest stored version of $1 / "
    "$2 is $3; check it with `junheng show` and submit again with --replaces $3"};

// Reading reports and the registry (server/reporting).
inline constexpr Msg kNoReportFromSchool{"server.no_report_from_school",
                                         "县 $2 学校 $0 在填报期 $1 没有报表",
                                         "no report from school $0 for period $1 in county $2"};
inline constexpr Msg kNoSuchVersion{"server.no_such_version",
                                    "学校 $0 在填报期 $2 没有第 $1 版；请用 `junheng history` 查看",
                                    "school $0 has no version $1 for period $2; see `junheng "
                                    "history`"};
inline constexpr Msg kNotInRegistry{"server.not_in_registry",
                                    "学校 $0 不在县 $1 的名册中；请核对代码，或请教育局导入该校",
                                    "school $0 is not in the registry of county $1; check the code "
                                    "or ask the bureau to import it"};
inline constexpr Msg kImportRejected{"server.import_rejected",
                                     "学校名册导入被拒绝，什么都没有保存：\n  $0",
                                     "the registry import was rejected, nothing was stored:\n  $0"};
inline constexpr Msg kImportProblem{"server.import_problem", "第 $0 行学校（$1）：$2",
                                    "school $0 ($1): $2"};
inline constexpr Msg kImportSchool{"server.import_school", "学校 $0：$1", "school $0: $1"};
inline constexpr Msg kImportDuplicate{
    "server.import_duplicate", "第 $0 行学校：school_code $1 在导入文件里出现了两次；请只留一行",
    "school $0: school_code $1 appears twice in the import; keep "
    "one row"};

// Periods, windows and exceptions (server/bureau/periods.cc).
inline constexpr Msg kBadPeriodLabel{"server.bad_period_label",
                                     "period = '$0'：请写 2024 这样的填报期",
                                     "period = '$0': give a period label such as 2024"};
inline constexpr Msg kPeriodOrder{
    "server.period_order",
    "填报期的时间必须是 开始 < 截止 ≤ 关闭；请检查 --opens、--deadline "
    "和 --closes",
    "the period's times must run opens < deadline <= closes; check "
    "--opens, --deadline and --closes"};
inline constexpr Msg kPeriodNotDefined{"server.period_not_defined",
                                       "县 $1 没有定义填报期 $0；没有时间窗口就不需要例外",
                                       "period $0 is not defined in county $1; without a window no "
                                       "exception is needed"};
inline constexpr Msg kSchoolNotRegistered{"server.school_not_registered",
                                          "学校 $0 不在县 $1 的名册中",
                                          "school $0 is not registered in county $1"};
inline constexpr Msg kExpiryInPast{"server.expiry_in_past", "例外的到期时间必须在将来（--until）",
                                   "the exception's expiry must be in the future (--until)"};
inline constexpr Msg kNotOpenYet{"server.not_open_yet",
                                 "填报期 $0 要到 $1 才开始接收报表；请在那之后提交",
                                 "period $0 opens for reports at $1; submit after that"};
inline constexpr Msg kClosed{"server.closed",
                             "填报期 $0 已于 $1 关闭；报表没有保存。请向县教育局申请例外（`junheng "
                             "period exception`）后再提交",
                             "period $0 closed at $1; the report was not stored. Ask the county "
                             "bureau for an exception (`junheng period exception`) and submit "
                             "again"};

// Review (server/bureau/review.cc).
inline constexpr Msg kBadAction{"server.bad_action", "action = '$0'：请用 accept、return 或 reopen",
                                "action = '$0': use accept, return or reopen"};
inline constexpr Msg kReturnNeedsComment{"server.return_needs_comment",
                                         "退回报表要写意见，告诉学校要更正什么（--comment）",
                                         "a returned report needs a comment telling the school "
                                         "what to correct (--comment)"};
inline constexpr Msg kNotReported{"server.not_reported", "学校 $0 还没有报送填报期 $1 的报表",
                                  "school $0 has not reported for period $1"};
inline constexpr Msg kNotLatestVersion{"server.not_latest_version",
                                       "第 $0 版不是最新的；学校之后又提交了第 $1 版：请审核那一版",
                                       "version $0 is not the latest; the school has since "
                                       "submitted version $1: review that one"};
inline constexpr Msg kOnlyAcceptedReopen{"server.only_accepted_reopen",
                                         "只有审核通过的报表才能重新打开",
                                         "only an accepted report can be reopened"};
inline constexpr Msg kAlreadyAccepted{"server.already_accepted",
                                      "第 $0 版已经审核通过；请先重新打开",
                                      "version $0 is already accepted; reopen it first"};
inline constexpr Msg kLocked{"server.locked",
                             "县教育局已于 $1 审核通过本报表第 $0 版并锁定；提交更正之前，请先请"
                             "教育局重新打开",
                             "the county bureau accepted version $0 of this report on $1 and "
                             "locked it; ask the bureau to reopen it before submitting a "
                             "correction"};

// Status, reminders, due (server/bureau/submission_status.cc, consistency.cc).
inline constexpr Msg kDaysNegative{"server.days_negative", "days 必须是 0 或更大（--days）",
                                   "days must be 0 or more (--days)"};
inline constexpr Msg kNoDeadline{
    "server.no_deadline", "县 $1 的填报期 $0 没有截止时间；请先用 `junheng period define` 定义",
    "period $0 has no deadline in county $1; define it with `junheng "
    "period define` first"};
inline constexpr Msg kChange{"server.consistency_change",
                             "$1 为 $0，$3 为 $2（$4%）；请核对，或说明原因",
                             "$0 in $1, was $2 in $3 ($4%); check it or explain it"};
inline constexpr Msg kOutlier{
    "server.consistency_outlier",
    "$0 $1 = $2，与全县$0的中位数 $3 相差很远（$4 个稳健标准差）；请核对它"
    "依据的数字",
    "$0 $1 = $2 is far from the county's $0 median $3 ($4 robust "
    "deviations); check the figures behind it"};

// Credentials (server/auth): the wording the bureau and the operator know, in both languages.
inline constexpr Msg kUnauthenticated{
    "auth.unauthenticated",
    "$0；请出示有效的令牌（--token、配置文件里的 `token = ...` 或 "
    "$$JUNHENG_TOKEN），令牌由教育局用 `junheng admin token "
    "issue` 签发",
    "$0; present a valid token (--token, `token = ...` in the "
    "config or $$JUNHENG_TOKEN), issued by the bureau with "
    "`junheng admin token issue`"};
inline constexpr Msg kNoToken{"auth.no_token", "这次调用没有带令牌", "the call carries no token"};
inline constexpr Msg kMalformedToken{
    "auth.malformed_token", "令牌格式不对（应为 jh1.<县>.<编号>.<密钥>）",
    "the token is malformed (expected jh1.<county>.<id>.<secret>)"};
inline constexpr Msg kUnknownToken{"auth.unknown_token", "这台服务器不认识这个令牌",
                                   "the token is not known to this server"};
inline constexpr Msg kTokenRevoked{"auth.token_revoked", "令牌 $0 已于 $1 吊销",
                                   "token $0 was revoked at $1"};
inline constexpr Msg kTokenExpired{"auth.token_expired", "令牌 $0 已于 $1 过期",
                                   "token $0 expired at $1"};
inline constexpr Msg kTokenSchoolNotRegistered{
    "auth.token_school_not_registered",
    "学校 $0 不在县 $1 的学校名册里（代码写错了？还是名册尚未导入？）；令牌已签发，但在导入名册"
    "（`junheng schools import`）之前，这所学校的报表无法评估",
    "school $0 is not in county $1's registry (a typo, or the registry not imported yet?); the "
    "token is issued, but the school's reports cannot be evaluated until the registry lists it "
    "(`junheng schools import`)"};
// The web console's sign-in (server/auth/web_sessions.cc): what a browser shows a person.
inline constexpr Msg kEnrolmentMalformed{
    "auth.enrolment_malformed", "登录链接不完整；请重新扫描登录单上的二维码，或完整复制链接",
    "the sign-in link is incomplete; scan the QR code of the sign-in sheet again or copy the "
    "whole link"};
inline constexpr Msg kEnrolmentUnknown{
    "auth.enrolment_unknown", "这台服务器不认识这个登录链接；请向教育局索取新的登录单",
    "this server does not know the sign-in link; ask the bureau for a new sign-in sheet"};
inline constexpr Msg kEnrolmentUsed{
    "auth.enrolment_used", "这个登录链接已经用过（每个链接只能用一次）；请向教育局索取新的登录单",
    "this sign-in link was already used (each works once); ask the bureau for a new sign-in "
    "sheet"};
inline constexpr Msg kEnrolmentExpired{
    "auth.enrolment_expired", "这个登录链接已过期；请向教育局索取新的登录单",
    "this sign-in link has expired; ask the bureau for a new sign-in sheet"};
inline constexpr Msg kCredentialGone{
    "auth.credential_gone", "登录所用的凭据已被教育局吊销或已过期；请向教育局索取新的登录单",
    "the credential behind this sign-in was revoked or has expired; ask the bureau for a new "
    "sign-in sheet"};
inline constexpr Msg kSessionUnknown{"auth.session_unknown", "尚未登录；请用教育局发的登录单登录",
                                     "not signed in; sign in with the bureau's sign-in sheet"};
inline constexpr Msg kSessionEnded{"auth.session_ended",
                                   "登录已结束；请用登录单重新登录，或向教育局索取新的登录单",
                                   "the session has ended; sign in again with a sign-in sheet"};
inline constexpr Msg kSessionIdle{"auth.session_idle", "长时间没有操作，登录已失效；请重新登录",
                                  "signed out after a long pause; sign in again"};
inline constexpr Msg kCsrfMissing{
    "auth.csrf_missing",
    "请求缺少 X-CSRF-Token（网页会自动带上；脚本请改用 Authorization: Bearer 令牌）",
    "the request lacks X-CSRF-Token (the pages send it; scripts use Authorization: Bearer)"};
inline constexpr Msg kNoAccessRule{"auth.no_access_rule", "$0 没有访问规则",
                                   "no access rule for $0"};
inline constexpr Msg kNoRuleApplies{"auth.no_rule_applies", "$0 没有适用的访问规则（$1）",
                                    "no access rule applies to $0 ($1)"};
inline constexpr Msg kUnknownRegion{
    "regions.unknown",
    "区划 $0 不在区划名册里；先用 junheng-server regions import 导入（见运维指南）",
    "region $0 is not in the region registry; import it first with junheng-server regions "
    "import (operator guide)"};
inline constexpr Msg kNation{"regions.nation", "全国", "the whole country"};
inline constexpr Msg kRegionsEmpty{"regions.empty",
                                   "区划文件是空的：第一行写 code,name,parent，之后每行一个区划",
                                   "the region file is empty: a header code,name,parent, then one "
                                   "region per row"};
inline constexpr Msg kRegionsHeader{
    "regions.header",
    "区划文件的表头（$0）要有 code 和 name 两列（parent 可选），即 code,name,parent",
    "the region file's header ($0) needs the columns code and name (parent is optional): "
    "code,name,parent"};
inline constexpr Msg kRegionBadCode{
    "regions.bad_code",
    "$0：code '$1' 不是行政区划代码：省 2 位（14）、市 4 位（1404）、县 6 位（140430）",
    "$0: code '$1' is not a division code: 2 digits for a province (14), 4 for a city (1404), "
    "6 for a county (140430)"};
inline constexpr Msg kRegionBadName{"regions.bad_name", "$0：区划 $1 的名称（name）是空的或太长",
                                    "$0: the name of region $1 is empty or too long"};
inline constexpr Msg kRegionBadParent{
    "regions.bad_parent", "$0：区划 $1 的上级（parent）写的是 '$2'，应为其代码前缀 '$3'（可留空）",
    "$0: region $1 has parent '$2'; it must be the code's prefix '$3' (or be left empty)"};
inline constexpr Msg kRegionTwice{"regions.twice", "$0：区划 $1 出现了两次；每个代码只写一行",
                                  "$0: region $1 is given twice; give each code once"};
inline constexpr Msg kRegionNoParent{
    "regions.no_parent",
    "区划 $0 $1 的上级 $2 不在区划名册里，也不在这个文件里；先导入上级（省、市）。什么都没有导入",
    "the parent $2 of region $0 $1 is neither in the region registry nor in this file; import "
    "the province and city first. Nothing was imported"};
inline constexpr Msg kRegionCodeNeeded{
    "regions.code_needed",
    "$0 = '$1'：要写省（2 位，如 14）或市（4 位，如 1404）的区划代码，全国写 00",
    "$0 = '$1': give a province (2 digits, e.g. 14) or city (4 digits, e.g. 1404) code, or 00 "
    "for the whole country"};
inline constexpr Msg kOutsideRegion{"auth.outside_region",
                                    "这个令牌是区划 $0 的；请求里的 '$1'（$2）不在其下",
                                    "this token is for region $0; the request's '$1' ($2) is "
                                    "not under it"};
inline constexpr Msg kOtherCounty{"auth.other_county",
                                  "这个令牌是县 $0 的；请求里写的是县 '$1'（$2）",
                                  "this token is for county $0; the request names county '$1' "
                                  "($2)"};
inline constexpr Msg kOtherSchool{"auth.other_school",
                                  "这个令牌是学校 $0 的；请求里写的是学校 '$1'（$2）",
                                  "this token is for school $0; the request names school '$1' "
                                  "($2)"};
inline constexpr Msg kOtherCertificate{
    "auth.other_certificate", "客户端证书（$0）不是学校 $1 的，但令牌是；请用本校自己的证书",
    "the client certificate ($0) is not school $1's, but the "
    "token is; use the school's own certificate"};
inline constexpr Msg kRateLimit{"auth.rate_limit",
                                "调用太频繁：这个凭据每秒最多 $0 次（一次最多连续 $1 次）；请 $2 "
                                "毫秒后再试",
                                "rate limit: this credential may make $0 calls per second (bursts "
                                "of $1); retry in $2 ms"};
inline constexpr Msg kTooManyEntries{"auth.too_many_entries", "$0：$1 项，一次请求最多 $2 项",
                                     "$0: $1 entries, at most $2 in one request"};
inline constexpr Msg kTooManyBytes{"auth.too_many_bytes", "$0：$1 字节，最多 $2 字节",
                                   "$0: $1 bytes, at most $2"};

}  // namespace junheng::i18n::server
