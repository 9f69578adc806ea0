#pragma once

// The rules a value can break, as validate/ states them (report, registry, county facts). Their
// ids are stored with each issue (FieldIssue.rule_id), so a report's warnings read in the
// reader's language long after the server wrote them. The field itself is named by whoever shows
// the issue (FormatIssue): label, name and value come before the rule.

#include "common/i18n/message.h"

namespace junheng::i18n::validation {

inline constexpr Msg kNotFinite{"not_finite", "必须是有限的数字", "must be a finite number"};
inline constexpr Msg kNegative{"negative", "不能为负数；没有请填 0",
                               "must not be negative; enter 0 if there are none"};
inline constexpr Msg kNegativeAmount{"negative_amount", "不能为负数", "must not be negative"};
inline constexpr Msg kTooLarge{"too_large", "大得不合常理（超过 $0）；请核对数字和单位",
                               "is implausibly large (over $0); check the figure and its unit"};
inline constexpr Msg kPartExceedsWhole{"part_exceeds_whole", "不能超过 $0（$1），它是其中的一部分",
                                       "must not exceed $0 ($1); it counts a part of it"};
inline constexpr Msg kPartsExceedWhole{"parts_exceed_whole", "与 $0（$1）之和不能超过 $2（$3）",
                                       "plus $0 ($1) must not exceed $2 ($3)"};
inline constexpr Msg kStatedDiffers{"stated_differs", "与 $0 = $1 不符；请核对该比率及其组成数字",
                                    "differs from $0 = $1; check the rate and the figures it is "
                                    "made of"};
inline constexpr Msg kNoClasses{"no_classes", "有学生的学段至少有一个教学班（$0 = $1）",
                                "a section with students has at least one class ($0 = $1)"};
inline constexpr Msg kNotAWord{"not_a_word", "只能填：$0", "must be one of $0"};
inline constexpr Msg kPerStudent{
    "per_student", "生均超过 $0 $1；请核对单位和小数点",
    "more than $0 $1 per student; check the unit and the decimal point"};
inline constexpr Msg kBigClass{"big_class", "一个班超过 80 人；请核对",
                               "more than 80 students in one class; check the figure"};
inline constexpr Msg kManyTeachers{"many_teachers", "每 3 名学生就有 1 名以上教师；请核对人数",
                                   "more than one teacher per 3 students; check the counts"};
inline constexpr Msg kSchoolCodeRequired{"school_code_required", "必填：学校标识码",
                                         "is required: the school's 学校标识码"};
inline constexpr Msg kBadCode{"bad_code", "只能用 1–64 个字母、数字、“.”“_”或“-”",
                              "use 1-64 letters, digits, '.', '_' or '-'"};
inline constexpr Msg kPeriodRequired{"period_required", "必填，例如 2024",
                                     "is required, e.g. 2024"};
inline constexpr Msg kBadPeriod{"bad_period", "请写 2024 或 2024-autumn 这样的填报期",
                                "use a label such as 2024 or 2024-autumn"};
inline constexpr Msg kPeriodAsNumber{"period_as_number", "这是表格把年份存成了小数；请写 $0",
                                     "a spreadsheet turned the year into a decimal; write $0"};
inline constexpr Msg kPeriodNotDefined{
    "period_not_defined", "不是本县（$0）的填报期；已设的填报期：$1",
    "is not a reporting period of county $0; its periods are: $1"};
inline constexpr Msg kFieldEmptied{
    "field_emptied", "上一版（第 $0 版）填的是 $1，这一版空着；如果没有请填 0",
    "version $0 had $1 here and this version leaves it empty; enter 0 if there are none"};
inline constexpr Msg kBadCountyCode{"bad_county_code", "请写 6 位县级行政区划代码，例如 140430",
                                    "use the 6-digit division code, e.g. 140430"};
inline constexpr Msg kOtherCounty{"other_county", "报告报送到县 $0；学校只向本县报送",
                                  "the report is submitted to county $0; a school reports to its "
                                  "own county"};
inline constexpr Msg kNotRegistered{"not_registered",
                                    "不在县 $0 的学校名册中；请核对代码，或请教育局导入该校",
                                    "is not registered in county $0; check the code or ask the "
                                    "bureau to import the school"};
inline constexpr Msg kStudentsRequired{"students_required", "必填：$0要报$1在校生数",
                                       "is required: a $0 school reports its $1 students"};
inline constexpr Msg kNeededField{
    "needed_field", "未填：$0的报表需要这一项（没有请填 0）；有未填项的报表在教育局那里算“未填完”",
    "is empty: a $0 report needs it (enter 0 if there are none); a report with empty fields counts "
    "as incomplete for the bureau"};
inline constexpr Msg kNoSuchSection{"no_such_section", "$0没有$1学段；$1的各项请留空",
                                    "a $0 school has no $1 section; leave the $1 fields empty"};
inline constexpr Msg kNameRequired{"name_required", "必填：学校正式名称",
                                   "is required: the official name"};
inline constexpr Msg kCodeRequired{"code_required", "必填：1–64 个字母、数字、“.”“_”或“-”",
                                   "is required: 1-64 letters, digits, '.', '_' or '-'"};
inline constexpr Msg kCountyRequired{"county_required", "必填（$0）", "is required ($0)"};
inline constexpr Msg kCountyDiffers{"county_differs", "与正在导入的县（$0）不同",
                                    "differs from the county being imported ($0)"};
inline constexpr Msg kCountyFactsDiffers{"county_facts_differs", "与写入的县（$0）不同",
                                         "differs from the county written to ($0)"};
inline constexpr Msg kTeachingPointParent{"teaching_point_parent",
                                          "教学点应填写所属中心校（合并计算时需要）",
                                          "a teaching point should name its central school "
                                          "(needed to merge it)"};
inline constexpr Msg kParentCode{"parent_code", "请填所属中心校的学校标识码",
                                 "use the parent's school_code"};
inline constexpr Msg kYear{"year", "请写年份，例如 $0", "must be a year such as $0"};
inline constexpr Msg kShare{"share", "是 0 到 1 之间的小数（95% 写 0.95）",
                            "is a fraction between 0 and 1 (write 0.95 for 95%)"};
inline constexpr Msg kSubjectRequired{"subject_required", "请写学科，例如 数学",
                                      "name the subject, e.g. 数学"};
inline constexpr Msg kMonitoringLevel{"monitoring_level", "是 1 到 4 级（I–IV）",
                                      "is a level from 1 to 4 (I-IV)"};

// Not a rule: the heading of a refusal that lists the rules broken, and the report it names.
inline constexpr Msg kViolation{"violation", "$0：1 处错误", "$0: 1 violation"};
inline constexpr Msg kViolations{"violations", "$0：$1 处错误", "$0: $1 violations"};
inline constexpr Msg kReportSubject{"report_subject", "报表 $0 / $1", "report $0 / $1"};

inline constexpr const Msg* kAll[] = {&kNotFinite,
                                      &kNegative,
                                      &kNegativeAmount,
                                      &kTooLarge,
                                      &kPartExceedsWhole,
                                      &kPartsExceedWhole,
                                      &kStatedDiffers,
                                      &kNoClasses,
                                      &kNotAWord,
                                      &kPerStudent,
                                      &kBigClass,
                                      &kManyTeachers,
                                      &kSchoolCodeRequired,
                                      &kBadCode,
                                      &kPeriodRequired,
                                      &kBadPeriod,
                                      &kPeriodAsNumber,
                                      &kPeriodNotDefined,
                                      &kFieldEmptied,
                                      &kBadCountyCode,
                                      &kOtherCounty,
                                      &kNotRegistered,
                                      &kStudentsRequired,
                                      &kNoSuchSection,
                                      &kNeededField,
                                      &kNameRequired,
                                      &kCodeRequired,
                                      &kCountyRequired,
                                      &kCountyDiffers,
                                      &kCountyFactsDiffers,
                                      &kTeachingPointParent,
                                      &kParentCode,
                                      &kYear,
                                      &kShare,
                                      &kSubjectRequired,
                                      &kMonitoringLevel};

}  // namespace junheng::i18n::validation
