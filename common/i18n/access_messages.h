#pragma once

// Who may do what: the sentence a refused caller reads, naming what they tried to do and which
// roles may (server/auth/policy.cc). One action per RPC, said as a person would; the roles by
// their Chinese names beside the names the tokens carry.

#include "common/i18n/message.h"

namespace junheng::i18n::access {

// The refusal: $0 the caller's role, $1 the action, $2 the roles that may.
inline constexpr Msg kRoleMayNot{"access.role_may_not", "你的身份是$0，不能$1；可以这样做的是：$2",
                                 "your role, $0, may not $1; this is for: $2"};
inline constexpr Msg kRoleSeparator{"access.role_separator", "、", ", "};

// The roles.
inline constexpr Msg kSchoolClerk{"access.school_clerk", "学校填报员（school_clerk）",
                                  "school clerk (school_clerk)"};
inline constexpr Msg kBureauViewer{"access.bureau_viewer", "教育局查看员（bureau_viewer）",
                                   "bureau viewer (bureau_viewer)"};
inline constexpr Msg kBureauAdmin{"access.bureau_admin", "教育局管理员（bureau_admin）",
                                  "bureau administrator (bureau_admin)"};
inline constexpr Msg kAuditor{"access.auditor", "审计员（auditor）", "auditor (auditor)"};
inline constexpr Msg kRegionViewer{"access.region_viewer", "市/省级查看员（region_viewer）",
                                   "city/province viewer (region_viewer)"};

// What each RPC does.
inline constexpr Msg kSubmitReport{"access.SubmitReport", "提交学校报表",
                                   "submit a school's report"};
inline constexpr Msg kSubmitReports{"access.SubmitReports", "批量提交学校报表",
                                    "submit many schools' reports"};
inline constexpr Msg kValidateReport{"access.ValidateReport", "检查学校报表",
                                     "check a school's report"};
inline constexpr Msg kGetReport{"access.GetReport", "查看学校报表", "read a school's report"};
inline constexpr Msg kListReportVersions{"access.ListReportVersions", "查看报表的各个版本",
                                         "list a report's versions"};
inline constexpr Msg kListLatestReports{"access.ListLatestReports", "查看全县已报送的报表",
                                        "list the county's submitted reports"};
inline constexpr Msg kUpsertSchools{"access.UpsertSchools", "导入或修改学校名册",
                                    "import or change the registry"};
inline constexpr Msg kListSchools{"access.ListSchools", "查看学校名册", "read the registry"};
inline constexpr Msg kGetSchool{"access.GetSchool", "查看学校的名册信息",
                                "read a school's registry entry"};
inline constexpr Msg kDefinePeriod{"access.DefinePeriod", "设置填报期",
                                   "define a reporting period"};
inline constexpr Msg kListPeriods{"access.ListPeriods", "查看填报期", "list the reporting periods"};
inline constexpr Msg kGrantException{"access.GrantException", "给学校特许补报",
                                     "grant a school an exception"};
inline constexpr Msg kReviewReport{"access.ReviewReport", "审核报表（通过或退回）",
                                   "review a report (accept or return it)"};
inline constexpr Msg kSubmissionStatus{"access.SubmissionStatus", "查看全县报送情况",
                                       "read the county's submission status"};
inline constexpr Msg kReminders{"access.Reminders", "生成催报名单", "list the schools to remind"};
inline constexpr Msg kDue{"access.Due", "查看学校的待报事项", "read what a school owes"};
inline constexpr Msg kBackup{"access.Backup", "备份服务器", "back up the server"};
inline constexpr Msg kEvaluate{"access.Evaluate", "查看县域评估", "read the county's evaluation"};
inline constexpr Msg kEvaluateWithInput{"access.EvaluateWithInput", "生成申报表和评估数据",
                                        "make the national forms and the evaluation's data"};
inline constexpr Msg kSubmitCountyFacts{"access.SubmitCountyFacts", "提交县级数据",
                                        "submit the county facts"};
inline constexpr Msg kGetCountyFacts{"access.GetCountyFacts", "查看县级数据",
                                     "read the county facts"};
inline constexpr Msg kListSnapshots{"access.ListSnapshots", "查看评估快照",
                                    "list the evaluation snapshots"};
inline constexpr Msg kGetSnapshot{"access.GetSnapshot", "查看评估快照",
                                  "read an evaluation snapshot"};
inline constexpr Msg kTrend{"access.Trend", "查看逐年趋势", "read the trend across years"};
inline constexpr Msg kSchoolStanding{"access.SchoolStanding", "查看一所学校自己的达标情况",
                                     "read one school's own standing"};
inline constexpr Msg kIssueToken{"access.IssueToken", "签发令牌和登录单",
                                 "issue tokens and sign-in sheets"};
inline constexpr Msg kRevokeToken{"access.RevokeToken", "吊销令牌", "revoke a token"};
inline constexpr Msg kListTokens{"access.ListTokens", "查看令牌列表", "list the tokens"};
inline constexpr Msg kListRegions{"access.ListRegions", "查看区划和其下的县",
                                  "list the regions and the counties under them"};
inline constexpr Msg kRegionStatus{"access.RegionStatus", "查看区划内各县的报送情况",
                                   "read the submissions of every county in a region"};
inline constexpr Msg kEvaluateRegion{"access.EvaluateRegion", "评估区划内的各县",
                                     "evaluate every county in a region"};
inline constexpr Msg kRegionTrend{"access.RegionTrend", "查看区划内各县的逐年趋势",
                                  "read the trend of every county in a region"};
inline constexpr Msg kListAudit{"access.ListAudit", "查看审计日志", "read the audit log"};
inline constexpr Msg kVerifyAudit{"access.VerifyAudit", "核验审计日志", "verify the audit log"};

}  // namespace junheng::i18n::access
