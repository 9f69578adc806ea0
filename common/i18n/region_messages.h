#pragma once

// What `junheng region list|status|eval|trend` says to city and province staff (issue 15): the
// region tables' titles, column labels, cells and notes (common/render/region_tables.cc) and the
// command's own errors (client/cli/region_commands.cc). Chinese first, English beside it.

#include "common/i18n/message.h"

namespace junheng::i18n::region {

// The region on the command line.
inline constexpr Msg kRegionRequired{
    "region_table.region_required",
    "不知道是哪个市或省；请加 --region 1404（4 位市级代码）或 --region 14（2 位省级代码）",
    "the region is unknown; give --region 1404 (a 4-digit city code) or --region 14 (a 2-digit "
    "province code)"};
inline constexpr Msg kRegionInvalid{
    "region_table.region_invalid",
    "--region $0 不行：请写 2 位省级代码（例如 --region 14）或 4 位市级代码（例如 --region 1404）",
    "--region $0: write a 2-digit province code (e.g. --region 14) or a 4-digit city code (e.g. "
    "--region 1404)"};
inline constexpr Msg kCountyIsNotARegion{
    "region_table.county_is_not_a_region",
    "--county $0 是县，不是市或省；请加 --region $1（它所属的市）或 --region $2（它所属的省）",
    "--county $0 is a county, not a city or province; give --region $1 (its city) or --region $2 "
    "(its province)"};
inline constexpr Msg kYearsReversed{"region_table.years_reversed",
                                    "--from $0 晚于 --to $1；请让 --from 不晚于 --to",
                                    "--from $0 is after --to $1; give --from no later than --to"};
// --verbose of `region eval`, on standard error.
inline constexpr Msg kTimings{"region_table.timings",
                              "服务器用时：读取数据 $0 毫秒，评估 CPU $1 毫秒（$2 页）",
                              "server time: reading $0 ms, evaluation CPU $1 ms ($2 page(s))"};

// Titles.
inline constexpr Msg kListTitleAll{"region_table.list_title_all", "区划表和本服务器上的县",
                                   "the region registry and the counties on this server"};
inline constexpr Msg kListTitle{"region_table.list_title", "$0 $1 之下的区划和县",
                                "regions and counties under $0 $1"};
inline constexpr Msg kStatusTitle{"region_table.status_title",
                                  "$0 $1：填报期 $2 各县报送情况（截至 $3）",
                                  "$0 $1: submissions of period $2 by county (as of $3)"};
inline constexpr Msg kEvalTitle{"region_table.eval_title", "$0 $1：$2 年各县评估（标准 $3 $4）",
                                "$0 $1: every county's evaluation for $2 (profile $3 $4)"};
inline constexpr Msg kRankingTitle{
    "region_table.ranking_title", "$0 $1：$2 年各县按差异系数排名：差异系数（名次）",
    "$0 $1: the counties ranked by each coefficient for $2: coefficient (rank)"};
inline constexpr Msg kTrendTitle{"region_table.trend_title",
                                 "$0 $1：各县逐年的结论、达标学校和最大差异系数",
                                 "$0 $1: every county's verdict, schools meeting the standard "
                                 "and largest coefficients per year"};

// Column labels.
inline constexpr Msg kColCode{"region_table.col_code", "代码", "code"};
inline constexpr Msg kColName{"region_table.col_name", "名称", "name"};
inline constexpr Msg kColKind{"region_table.col_kind", "级别", "kind"};
inline constexpr Msg kColParent{"region_table.col_parent", "上级", "parent"};
inline constexpr Msg kColCounties{"region_table.col_counties", "县数", "counties"};
inline constexpr Msg kColSchools{"region_table.col_schools", "学校数", "schools"};
inline constexpr Msg kColCountyCode{"region_table.col_county_code", "县代码", "county code"};
inline constexpr Msg kColCountyName{"region_table.col_county_name", "县名称", "county name"};
inline constexpr Msg kColSubmitted{"region_table.col_submitted", "已报送", "submitted"};
inline constexpr Msg kColOnTime{"region_table.col_on_time", "按时", "on time"};
inline constexpr Msg kColLate{"region_table.col_late", "逾期", "late"};
inline constexpr Msg kColIncomplete{"region_table.col_incomplete", "未填完", "incomplete"};
inline constexpr Msg kColNotSubmitted{"region_table.col_not_submitted", "未报送", "not submitted"};
inline constexpr Msg kColCompleteness{"region_table.col_completeness", "报送率 %",
                                      "completeness %"};
inline constexpr Msg kColTimeliness{"region_table.col_timeliness", "及时率 %", "timeliness %"};
inline constexpr Msg kColVerdict{"region_table.col_verdict", "结论", "verdict"};
inline constexpr Msg kColDimensions{"region_table.col_dimensions", "达标维度",
                                    "dimensions passing"};
inline constexpr Msg kColVetoed{"region_table.col_vetoed", "一票否决", "vetoed"};
// $0: the level (小学 | 初中).
inline constexpr Msg kColLargest{"region_table.col_largest", "$0最大差异系数",
                                 "$0: largest coefficient"};
inline constexpr Msg kColSchoolsMeeting{"region_table.col_schools_meeting", "达标学校",
                                        "schools meeting"};
inline constexpr Msg kColSchoolsDue{"region_table.col_schools_due", "规划应达标", "due by plan"};
inline constexpr Msg kColDueMeeting{"region_table.col_due_meeting", "其中已达标",
                                    "due and meeting"};
// The ranking: $0 the level, $1 the indicator's id, $2 its official name.
inline constexpr Msg kColRankedCv{"region_table.col_ranked_cv", "$0 $1 $2 差异系数",
                                  "$0 $1 $2 coefficient"};
inline constexpr Msg kColRank{"region_table.col_rank", "$0 $1 $2 名次", "$0 $1 $2 rank"};

// Cells.
inline constexpr Msg kLevelPrimary{"region_table.level_primary", "小学", "primary"};
inline constexpr Msg kLevelJunior{"region_table.level_junior", "初中", "junior"};
inline constexpr Msg kKindProvince{"region_table.kind_province", "省", "province"};
inline constexpr Msg kKindCity{"region_table.kind_city", "市", "city"};
inline constexpr Msg kKindCounty{"region_table.kind_county", "县", "county"};
inline constexpr Msg kKindUnplaced{"region_table.kind_unplaced", "县（未归入）",
                                   "county (unplaced)"};
inline constexpr Msg kVerdictPass{"region_table.verdict_pass", "达标", "pass"};
inline constexpr Msg kVerdictFail{"region_table.verdict_fail", "未达标", "FAIL"};
inline constexpr Msg kVerdictNotJudged{"region_table.verdict_not_judged", "无法判定", "not judged"};
inline constexpr Msg kNotEvaluated{"region_table.not_evaluated", "无报表", "nothing reported"};
inline constexpr Msg kCountyError{"region_table.county_error", "出错", "error"};
inline constexpr Msg kYes{"region_table.yes", "是", "yes"};
inline constexpr Msg kNo{"region_table.no", "否", "no"};

// Notes under the tables.
inline constexpr Msg kListCounts{"region_table.list_counts",
                                 "$0 个区划；本服务器有其中 $1 个县，共 $2 所学校",
                                 "$0 regions; this server holds $1 counties under them, $2 "
                                 "schools"};
inline constexpr Msg kUnplacedHint{
    "region_table.unplaced_hint",
    "$0 个县的所属市或省不在区划表里，市、省的查询不含这些县；请在服务器上用 `junheng-server "
    "regions import 文件.csv` 导入它们的上级区划",
    "$0 counties have a city or province missing from the region registry and are left out of "
    "the city and province calls; import their parents on the server with `junheng-server "
    "regions import FILE.csv`"};
inline constexpr Msg kNoCounties{"region_table.no_counties", "$0 $1 之下本服务器没有县",
                                 "this server holds no county under $0 $1"};
inline constexpr Msg kStatusTotals{
    "region_table.status_totals",
    "合计 $0 个县、$1 所学校：已报送 $2 所（按时 $3，逾期 $4），未填完 $5，未报送 $6；报送率 $7%",
    "$0 counties, $1 schools: $2 submitted ($3 on time, $4 late), $5 incomplete, $6 not "
    "submitted; completeness $7%"};
inline constexpr Msg kNoWindow{"region_table.no_window",
                               "$0 $1 没有定义填报期 $2：没有截止时间，及时率无从计算",
                               "$0 $1 has no window for period $2: no deadline, so no timeliness"};
inline constexpr Msg kEvalCounts{"region_table.eval_counts",
                                 "$0 个县：达标 $1，未达标 $2，无法判定 $3，无报表 $4，出错 $5",
                                 "$0 counties: $1 pass, $2 fail, $3 not judged, $4 nothing "
                                 "reported, $5 errors"};
inline constexpr Msg kCountyFailed{"region_table.county_failed", "$0 $1 无法评估：$2",
                                   "$0 $1 could not be evaluated: $2"};
inline constexpr Msg kHashNote{"region_table.hash_note",
                               "输入 sha256 只显示前 16 位；完整的值见 --format csv、json 或 xlsx；"
                               "同一个县自己的 `junheng eval --server` 得到同样的值",
                               "the input sha256 shows its first 16 digits; --format csv, json or "
                               "xlsx give it whole; the county's own `junheng eval --server` "
                               "gives the same value"};
inline constexpr Msg kRankingRule{
    "region_table.ranking_rule",
    "名次：同一学段、同一指标的差异系数从小到大排列，1 为最小（最均衡）；系数相同的县名次相同；"
    "没有系数的县不排名（-）",
    "rank: per level and indicator, the coefficients from the smallest up, 1 the smallest (most "
    "balanced); counties with the same coefficient share a rank; counties without one are not "
    "ranked (-)"};

}  // namespace junheng::i18n::region
