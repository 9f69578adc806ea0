#pragma once

// The reasons the evaluation gives (common/eval): why an indicator, a unit, an item or a school's
// standard passes, fails or cannot be judged. Values and field names are put in as $0 … $9;
// formulas (a ≥ b) stay as they are in both languages.

#include "common/i18n/message.h"

namespace junheng::i18n::evaluation {

// Difference coefficients.
inline constexpr Msg kNoStudents{"cv.no_students", "该学段各单位没有学生",
                                 "no students in the level's units"};
inline constexpr Msg kTooFewUnits{"cv.too_few_units", "无法计算：单位少于 2 个（$0）",
                                  "undefined: fewer than 2 units ($0)"};
inline constexpr Msg kZeroMean{"cv.zero_mean", "无法计算：加权平均值为 0",
                               "undefined: the weighted mean is 0"};
inline constexpr Msg kCvOver{"cv.over", "差异系数 $0 > $1", "difference coefficient $0 > $1"};
inline constexpr Msg kCvPartial{
    "cv.partial", "$0 个单位缺少数值；其余 $1 个单位的差异系数为 $2",
    "$0 unit(s) without a value; the coefficient of the $1 others is $2"};
inline constexpr Msg kUnitsFail{"level.units_fail", "$0 个单位未达到单位达标规则",
                                "$0 unit(s) do not meet the per-unit rule"};

// The per-unit rule.
inline constexpr Msg kTooFewMet{"unit.too_few_met",
                                "$0/$1 项指标达到最低要求（需 $2 项）；未达到：$3",
                                "$0 of $1 indicators reach their minimum ($2 needed); below: $3"};
inline constexpr Msg kDeepMiss{"unit.deep_miss", "低于最低要求的 $0%：",
                               "below $0% of the minimum: "};
inline constexpr Msg kValuesUnknown{"unit.values_unknown", "$0 项指标值无法计算",
                                    "$0 indicator value(s) could not be computed"};
inline constexpr Msg kWithinFloor{"unit.within_floor", "低于最低要求，但在 $0% 以内：$1",
                                  "below the minimum but within $0%: $1"};
inline constexpr Msg kNotReported{"not_reported", "未填报：$0", "not reported: $0"};
inline constexpr Msg kNoReportOf{"no_report_of", "$0（未报送）", "$0 (no report)"};
inline constexpr Msg kNoReport{"no_report", "本期未报送", "no report for the period"};

// Units.
inline constexpr Msg kNoLevelUnit{"unit.no_level", "$0在校生 0 人：不构成$0单位",
                                  "0 $0 students: no $0 unit"};
inline constexpr Msg kPointExcluded{
    "unit.point_excluded",
    "教学点学生 $0 人（少于 $1）：不参加资源配置评估（标准 units.small_teaching_point = exclude）",
    "teaching point with $0 students (< $1): excluded from resource allocation (profile "
    "units.small_teaching_point = exclude)"};
inline constexpr Msg kPointUnmerged{"unit.point_unmerged",
                                    "教学点学生 $0 人（少于 $1），无法合并：$2",
                                    "teaching point with $0 students (< $1) cannot be merged: $2"};
inline constexpr Msg kNoParentCode{"unit.no_parent_code", "未填所属中心校 parent_school_code",
                                   "parent_school_code is empty"};
inline constexpr Msg kParentHasNoUnit{"unit.parent_no_unit", "所属中心校 $0 在本县没有小学单位",
                                      "parent $0 has no primary unit in the county"};
inline constexpr Msg kPointMerged{
    "unit.point_merged",
    "教学点学生 $0 人（少于 $1）：并入所属中心校 $2（标准 units.small_teaching_point = merge）",
    "teaching point with $0 students (< $1): merged into its parent $2 (profile "
    "units.small_teaching_point = merge)"};

// Items.
inline constexpr Msg kNoFacts{"facts.none", "本期没有县级数据（需要 $0）",
                              "no county facts for the period (needs $0)"};
inline constexpr Msg kFactNotReported{"facts.field_missing", "县级数据 $0 未填报",
                                      "county facts $0 not reported"};
inline constexpr Msg kFactsNotReported{"facts.missing", "县级数据未填报：$0",
                                       "county facts not reported: $0"};
inline constexpr Msg kNoSchools{"items.no_schools", "学校名册中没有学校",
                                "no schools in the registry"};
inline constexpr Msg kSchoolsFail{"items.schools_fail", "$0/$1 所学校未达标：",
                                  "$0 of $1 schools fail: "};
inline constexpr Msg kSchoolsUnknown{"items.schools_unknown", "$0/$1 所学校无法判定：",
                                     "$0 of $1 schools could not be judged: "};
inline constexpr Msg kSchoolsMeet{"items.schools_meet", "全部 $0 所学校达标",
                                  "all $0 schools meet it"};
inline constexpr Msg kNoTeachersCounty{"items.no_teachers_county", "全县没有填报专任教师数",
                                       "no full-time teachers reported in the county"};
inline constexpr Msg kCountyTeacherShare{
    "items.county_teacher_share", "全县 $0 $1 / $2 名教师 =", "county $0 $1 of $2 teachers ="};
// A county share that already misses its minimum whatever the missing cells hold (G9, G12).
inline constexpr Msg kShareProvenShort{
    "items.share_proven_short",
    "已报学校中 $1 名教师没有 $0（共 $2 名），无论未报学校填什么都达不到标准",
    "$1 of the $2 teachers reported lack $0, so the county share misses the minimum whatever the "
    "missing cells hold"};
inline constexpr Msg kNoZonedAdmissions{"items.no_zoned",
                                        "$0：没有城区、镇区公办非寄宿制学校的新生",
                                        "$0: no urban/town public non-boarding admissions"};
inline constexpr Msg kZonedAdmissions{"items.zoned", "就近划片入学：$0", "zoned admissions: $0"};
inline constexpr Msg kPayApproved{"items.pay_approved", "$0；绩效工资总量已核定",
                                  "$0; performance pay approved"};
inline constexpr Msg kZeroWhole{"items.zero_whole", "$0 为 0：无法计算比例",
                                "$0 is 0: no share can be computed"};
inline constexpr Msg kRotation{"items.rotation", "交流轮岗 $0 / $1 = $2；其中骨干 $3 / $4 = $5",
                               "rotated $0 of $1 = $2; backbone $3 of $4 = $5"};
inline constexpr Msg kCareInPlace{"items.care", "$0；留守儿童关爱体系健全",
                                  "$0; left-behind care in place"};
inline constexpr Msg kMonitoringLevel{"items.monitoring_level", "$0 学业水平", "$0 level"};
inline constexpr Msg kMonitoringMissing{"items.monitoring_missing", "县级数据质量监测未填报：$0",
                                        "county facts monitoring not reported: $0"};
inline constexpr Msg kMonitoringPass{"items.monitoring_pass",
                                     "$0 个学科学业水平 ≥ $1 级，校际差异率 < $2",
                                     "$0 subject(s) at level ≥ $1 with difference rate < $2"};
inline constexpr Msg kNoValidSurveys{"items.no_surveys", "$0 为 0：没有有效问卷",
                                     "$0 is 0: no valid questionnaires"};
inline constexpr Msg kSatisfied{
    "items.satisfied", "满意 $0 / 有效问卷 $1 =", "satisfied $0 of $1 valid questionnaires ="};
inline constexpr Msg kVetoed{"items.vetoed", "$0 = true：一票否决",
                             "$0 = true: the county fails outright"};

// Per-school items.
inline constexpr Msg kTooManyStudents{"school.too_many_students", "义务教育在校生 $0 人 > $1",
                                      "$0 compulsory-education students > $1"};
inline constexpr Msg kNoQuotas{"school.no_quotas", "本期没有县级数据（需要生均公用经费基准定额）",
                               "no county facts for the period (needs the per-student public-funds "
                               "quotas)"};
inline constexpr Msg kFundsBelow{"school.funds_below",
                                 "public_funds_yuan $0 < $1（定额 × max(学生数, $2)）",
                                 "public_funds_yuan $0 < $1 (quota x max(students, $2))"};
inline constexpr Msg kNoTeachers{
    "school.no_teachers", "没有填报专任教师（primary_teachers/junior_teachers = 0）",
    "no full-time teachers reported (primary_teachers/junior_teachers = 0)"};
inline constexpr Msg kTeacherShare{"school.teacher_share", "$0 $1 / $2 名教师 = $3 < $4",
                                   "$0 $1 of $2 teachers = $3 < $4"};
inline constexpr Msg kZonedShare{"school.zoned_share",
                                 "就近划片入学 zoned_admissions $0 / $1 = $2 < $3",
                                 "zoned_admissions $0 of $1 = $2 < $3"};
inline constexpr Msg kNotARating{"school.not_a_rating", "$0 = \"$1\" 不是评级词（$2）",
                                 "$0 = \"$1\" is not a rating word ($2)"};
inline constexpr Msg kRatingBelow{"school.rating_below", "$0 = $1（低于 $2）",
                                  "$0 = $1 (below $2)"};
inline constexpr Msg kNoBudget{"school.no_budget", "$0 为 0：没有可计算比例的预算",
                               "$0 is 0: no budget to take a share of"};

// A school's standard.
inline constexpr Msg kUnitFails{"standard.unit_fails", "资源配置（$0单位 $1）：$2",
                                "resource allocation ($0 unit $1): $2"};
inline constexpr Msg kUnitUnknown{"standard.unit_unknown", "资源配置（$0）无法判定：$1",
                                  "resource allocation ($0) not judged: $1"};
inline constexpr Msg kItemUnknown{"standard.item_unknown", "$0 无法判定：$1", "$0 not judged: $1"};

}  // namespace junheng::i18n::evaluation
