#pragma once

// The field catalogue (report-fields.md): every field of the registry, the school report and the
// county facts, once, in proto declaration order, which is also the column order of their CSV
// files. Each constant is named exactly as its proto field, CSV header and JSON key, so code reads
// `report::primary_students.Number(r)` and a misspelt name fails to compile (the macros build
// each reader from the generated accessor of the same name).

#include <optional>

#include "common/catalog/field.h"
#include "junheng/v1/county_facts.pb.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

namespace junheng::catalog {

// Vocabularies: the words stored in data, with their Chinese names.
inline constexpr Word kSchoolTypeWords[] = {
    {"primary", "小学", kPrimary},
    {"junior", "初中", kJunior},
    {"nine_year", "九年一贯制学校", kPrimary | kJunior},
    {"twelve_year", "十二年一贯制学校", kEverySection},
    {"complete_middle", "完全中学", kJunior | kSenior},
    {"teaching_point", "教学点", kPrimary},  // teaching points teach primary grades
};
inline constexpr Word kLocaleWords[] = {{"urban", "城区"}, {"town", "镇区"}, {"rural", "乡村"}};
inline constexpr Word kOwnershipWords[] = {{"public", "公办"}, {"private", "民办"}};
// Ranked best first: Q5 and Q6 compare a rating with the profile's by this order.
inline constexpr Word kRatingWords[] = {
    {"excellent", "优秀"}, {"good", "良好"}, {"fair", "一般"}, {"poor", "较差"}};

#define JUNHENG_NUMBER_FIELD(M, field, label, unit, kind, sections)                  \
  inline constexpr Field<M> field {                                                  \
    {#field, label, unit, kind, sections}, [](const M& m) -> std::optional<double> { \
      return m.has_##field() ? std::optional<double>(m.field()) : std::nullopt;      \
    }                                                                                \
  }
#define JUNHENG_FLAG_FIELD(M, field, label, unit, kind, sections)                           \
  inline constexpr Field<M> field {                                                         \
    {#field, label, unit, kind, sections}, nullptr, [](const M& m) -> std::optional<bool> { \
      return m.has_##field() ? std::optional<bool>(m.field()) : std::nullopt;               \
    }                                                                                       \
  }
#define JUNHENG_TEXT_FIELD(M, field, label, unit, kind, sections, ...)                  \
  inline constexpr Field<M> field {                                                     \
    {#field, label, unit, kind, sections __VA_OPT__(, ) __VA_ARGS__}, nullptr, nullptr, \
        [](const M& m) -> absl::string_view { return m.field(); }                       \
  }

// schools.csv: the registry.
namespace school {
JUNHENG_TEXT_FIELD(v1::School, school_code, "学校标识码", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, school_name, "学校名称", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, school_type, "学校类型", "", Kind::kWord, kEverySection,
                   kSchoolTypeWords);
JUNHENG_TEXT_FIELD(v1::School, county_code, "县级行政区划代码", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, town, "乡镇", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, locale, "城乡分类", "", Kind::kWord, kEverySection, kLocaleWords);
JUNHENG_TEXT_FIELD(v1::School, ownership, "办学性质", "", Kind::kWord, kEverySection,
                   kOwnershipWords);
JUNHENG_FLAG_FIELD(v1::School, boarding, "寄宿制", "", Kind::kYesNo, kEverySection);
JUNHENG_NUMBER_FIELD(v1::School, built_year, "校舍建成年份", "", Kind::kYear, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, parent_school_code, "所属中心校", "", Kind::kText, kEverySection);
JUNHENG_NUMBER_FIELD(v1::School, target_year, "规划达标年份", "", Kind::kYear, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, contact_name, "联系人", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::School, contact_phone, "联系电话", "", Kind::kText, kEverySection);
inline constexpr const Field<v1::School>* kAll[] = {
    &school_code, &school_name,  &school_type,  &county_code, &town,
    &locale,      &ownership,    &boarding,     &built_year,  &parent_school_code,
    &target_year, &contact_name, &contact_phone};
}  // namespace school

// reports.csv: one school's report for one period.
namespace report {
JUNHENG_TEXT_FIELD(v1::SchoolReport, school_code, "学校标识码", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::SchoolReport, period, "填报期", "", Kind::kText, kEverySection);
JUNHENG_TEXT_FIELD(v1::SchoolReport, county_code, "县级行政区划代码", "", Kind::kText,
                   kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_students, "小学在校生数", "", Kind::kCount,
                     kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_students, "初中在校生数", "", Kind::kCount, kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, senior_students, "高中在校生数", "", Kind::kCount, kSenior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_classes, "小学教学班数", "", Kind::kCount, kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_classes, "初中教学班数", "", Kind::kCount, kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_max_class_size, "小学最大班额", "", Kind::kCount,
                     kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_max_class_size, "初中最大班额", "", Kind::kCount,
                     kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_teachers, "小学专任教师数", "", Kind::kCount,
                     kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_teachers, "初中专任教师数", "", Kind::kCount,
                     kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_teachers_above_degree, "小学高于规定学历教师数", "",
                     Kind::kCount, kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_teachers_above_degree, "初中高于规定学历教师数", "",
                     Kind::kCount, kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_backbone_teachers, "小学县级及以上骨干教师数", "",
                     Kind::kCount, kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_backbone_teachers, "初中县级及以上骨干教师数", "",
                     Kind::kCount, kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, primary_pe_art_teachers, "小学体育、艺术专任教师数", "",
                     Kind::kCount, kPrimary);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, junior_pe_art_teachers, "初中体育、艺术专任教师数", "",
                     Kind::kCount, kJunior);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, certified_teachers, "持教师资格证专任教师数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, training_completed_teachers, "完成5年360学时培训教师数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, teaching_aux_area_m2, "教学及辅助用房面积", "m²",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, sports_area_m2, "体育运动场馆面积", "m²", Kind::kDecimal,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, equipment_value_yuan, "教学仪器设备值", "元", Kind::kDecimal,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, multimedia_classrooms, "网络多媒体教室数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, music_rooms, "音乐专用教室数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, art_rooms, "美术专用教室数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, music_room_min_area_m2, "最小音乐教室面积", "m²",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, art_room_min_area_m2, "最小美术教室面积", "m²",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, public_funds_yuan, "公用经费", "元", Kind::kDecimal,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, teacher_training_funds_yuan, "教师培训经费", "元",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, zoned_admissions, "就近划片入学人数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::SchoolReport, total_admissions, "新生总数", "", Kind::kCount,
                     kEverySection);
JUNHENG_FLAG_FIELD(v1::SchoolReport, has_charter, "制定章程、管理与教学信息化", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_FLAG_FIELD(v1::SchoolReport, courses_complete, "开齐开足课程", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_FLAG_FIELD(v1::SchoolReport, no_excess_burden, "无过重课业负担", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_TEXT_FIELD(v1::SchoolReport, ict_rating, "信息技术应用评级", "", Kind::kWord, kEverySection,
                   kRatingWords);
JUNHENG_TEXT_FIELD(v1::SchoolReport, moral_culture_rating, "德育与校园文化评级", "", Kind::kWord,
                   kEverySection, kRatingWords);
inline constexpr const Field<v1::SchoolReport>* kAll[] = {&school_code,
                                                          &period,
                                                          &county_code,
                                                          &primary_students,
                                                          &junior_students,
                                                          &senior_students,
                                                          &primary_classes,
                                                          &junior_classes,
                                                          &primary_max_class_size,
                                                          &junior_max_class_size,
                                                          &primary_teachers,
                                                          &junior_teachers,
                                                          &primary_teachers_above_degree,
                                                          &junior_teachers_above_degree,
                                                          &primary_backbone_teachers,
                                                          &junior_backbone_teachers,
                                                          &primary_pe_art_teachers,
                                                          &junior_pe_art_teachers,
                                                          &certified_teachers,
                                                          &training_completed_teachers,
                                                          &teaching_aux_area_m2,
                                                          &sports_area_m2,
                                                          &equipment_value_yuan,
                                                          &multimedia_classrooms,
                                                          &music_rooms,
                                                          &art_rooms,
                                                          &music_room_min_area_m2,
                                                          &art_room_min_area_m2,
                                                          &public_funds_yuan,
                                                          &teacher_training_funds_yuan,
                                                          &zoned_admissions,
                                                          &total_admissions,
                                                          &has_charter,
                                                          &courses_complete,
                                                          &no_excess_burden,
                                                          &ict_rating,
                                                          &moral_culture_rating};
}  // namespace report

// county_facts: what the bureau enters for a county and period.
namespace county_facts {
JUNHENG_TEXT_FIELD(v1::CountyFacts, county_code, "县级行政区划代码", "", Kind::kText,
                   kEverySection);
JUNHENG_TEXT_FIELD(v1::CountyFacts, period, "填报期", "", Kind::kText, kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, layout_plan_ok, "学校布局规划合理", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, unified_standards_ok, "城乡统一学校建设、编制、经费、装备标准",
                   "", Kind::kYesNo, kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, staffing_allocation_ok, "县域内统筹分配各校教职工编制", "",
                   Kind::kYesNo, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, public_funds_quota_primary_yuan, "小学生均公用经费基准定额",
                     "元", Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, public_funds_quota_junior_yuan, "初中生均公用经费基准定额",
                     "元", Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, special_ed_funds_per_student_yuan, "特殊教育学校生均公用经费",
                     "元", Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, teacher_pay_ratio, "教师平均工资与当地公务员平均工资之比", "",
                     Kind::kDecimal, kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, performance_pay_approved, "教师绩效工资总量核定", "",
                   Kind::kYesNo, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, rotation_eligible_teachers, "符合交流条件教师数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, rotated_teachers, "交流轮岗教师数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, rotated_backbone_teachers, "交流轮岗骨干教师数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, quality_hs_quota_share, "优质高中招生名额分配到初中比例", "",
                     Kind::kShare, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, migrant_children_public_share,
                     "随迁子女在公办学校和政府购买服务民办学校就读比例", "", Kind::kShare,
                     kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, left_behind_care_ok, "留守儿童关爱体系健全", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, consolidation_rate, "初中三年巩固率", "", Kind::kShare,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, disabled_enrollment_rate, "残疾儿童少年入学率", "",
                     Kind::kShare, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, survey_valid, "社会认可度有效问卷数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, survey_satisfied, "社会认可度满意问卷数", "", Kind::kCount,
                     kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, veto_exam_admission, "以考试方式招生", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, veto_illegal_choice, "违规择校", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, veto_key_schools, "设置重点学校或重点班", "", Kind::kYesNo,
                   kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, veto_unfilled_posts, "有编不补或长期聘用编外教师", "",
                   Kind::kYesNo, kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, veto_major_incident, "重大安全责任事故或严重违纪事件", "",
                   Kind::kYesNo, kEverySection);
JUNHENG_FLAG_FIELD(v1::CountyFacts, veto_falsification, "弄虚作假", "", Kind::kYesNo,
                   kEverySection);
// The national forms' figures (申报表 表Ⅰ, 表Ⅳ-表Ⅵ) that no item judges and no report holds.
JUNHENG_NUMBER_FIELD(v1::CountyFacts, population_10k, "人口总数", "万人", Kind::kDecimal,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, agricultural_population_10k, "农业人口数", "万人",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, towns, "乡镇数", "", Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, administrative_villages, "行政村数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, gdp_per_capita_yuan, "年人均国内生产总值", "元",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, fiscal_revenue_per_capita_yuan, "年人均地方财政收入", "元",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, rural_income_per_capita_yuan, "农民年人均纯收入", "元",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, urban_income_per_capita_yuan, "城镇居民年人均可支配收入",
                     "元", Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, special_ed_schools, "特殊教育学校数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, primary_staff, "小学教职工数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, junior_staff, "初中教职工数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, oversize_primary_classes, "超过规定班额的小学班级数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, oversize_junior_classes, "超过规定班额的初中班级数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, special_ed_public_funds_yuan, "特殊教育学校公用经费", "元",
                     Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, special_ed_students, "特殊教育学生数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, teacher_average_pay_yuan, "义务教育学校教师年平均工资收入",
                     "元", Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, civil_servant_average_pay_yuan, "当地公务员年平均工资收入",
                     "元", Kind::kDecimal, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, quality_hs_places, "优质高中招生名额总数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, quality_hs_places_allocated, "优质高中分配到初中的名额", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, quality_hs_places_rural, "其中分配到农村初中的名额", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, migrant_children_eligible, "符合条件的随迁子女数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, migrant_children_in_public, "在公办学校就读的随迁子女数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, migrant_children_in_purchased_private,
                     "在政府购买服务的民办学校就读的随迁子女数", "", Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, junior_graduates, "初中毕业班学生数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, junior_entrants_three_years_ago, "三年前该年级入学学生数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, junior_transfers_in, "毕业年级三年转入学生数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, junior_deaths, "毕业年级三年死亡学生数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, junior_transfers_out, "毕业年级三年转出学生数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, disabled_children, "残疾儿童少年数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, disabled_children_enrolled, "残疾儿童少年入学数", "",
                     Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, disabled_children_in_special_schools,
                     "在特殊教育学校就读的残疾儿童少年数", "", Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, survey_total, "社会认可度问卷总数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, visits, "实地走访人数", "", Kind::kCount, kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, visits_satisfied, "实地走访满意人数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, parent_survey_total, "家长问卷总数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, parent_survey_valid, "家长有效问卷数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, parent_survey_satisfied, "家长满意问卷数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, parent_visits, "实地走访家长人数", "", Kind::kCount,
                     kEverySection);
JUNHENG_NUMBER_FIELD(v1::CountyFacts, parent_visits_satisfied, "实地走访满意家长人数", "",
                     Kind::kCount, kEverySection);
inline constexpr const Field<v1::CountyFacts>* kAll[] = {&county_code,
                                                         &period,
                                                         &layout_plan_ok,
                                                         &unified_standards_ok,
                                                         &staffing_allocation_ok,
                                                         &public_funds_quota_primary_yuan,
                                                         &public_funds_quota_junior_yuan,
                                                         &special_ed_funds_per_student_yuan,
                                                         &teacher_pay_ratio,
                                                         &performance_pay_approved,
                                                         &rotation_eligible_teachers,
                                                         &rotated_teachers,
                                                         &rotated_backbone_teachers,
                                                         &quality_hs_quota_share,
                                                         &migrant_children_public_share,
                                                         &left_behind_care_ok,
                                                         &consolidation_rate,
                                                         &disabled_enrollment_rate,
                                                         &survey_valid,
                                                         &survey_satisfied,
                                                         &veto_exam_admission,
                                                         &veto_illegal_choice,
                                                         &veto_key_schools,
                                                         &veto_unfilled_posts,
                                                         &veto_major_incident,
                                                         &veto_falsification,
                                                         &population_10k,
                                                         &agricultural_population_10k,
                                                         &towns,
                                                         &administrative_villages,
                                                         &gdp_per_capita_yuan,
                                                         &fiscal_revenue_per_capita_yuan,
                                                         &rural_income_per_capita_yuan,
                                                         &urban_income_per_capita_yuan,
                                                         &special_ed_schools,
                                                         &primary_staff,
                                                         &junior_staff,
                                                         &oversize_primary_classes,
                                                         &oversize_junior_classes,
                                                         &special_ed_public_funds_yuan,
                                                         &special_ed_students,
                                                         &teacher_average_pay_yuan,
                                                         &civil_servant_average_pay_yuan,
                                                         &quality_hs_places,
                                                         &quality_hs_places_allocated,
                                                         &quality_hs_places_rural,
                                                         &migrant_children_eligible,
                                                         &migrant_children_in_public,
                                                         &migrant_children_in_purchased_private,
                                                         &junior_graduates,
                                                         &junior_entrants_three_years_ago,
                                                         &junior_transfers_in,
                                                         &junior_deaths,
                                                         &junior_transfers_out,
                                                         &disabled_children,
                                                         &disabled_children_enrolled,
                                                         &disabled_children_in_special_schools,
                                                         &survey_total,
                                                         &visits,
                                                         &visits_satisfied,
                                                         &parent_survey_total,
                                                         &parent_survey_valid,
                                                         &parent_survey_satisfied,
                                                         &parent_visits,
                                                         &parent_visits_satisfied};
}  // namespace county_facts

#undef JUNHENG_NUMBER_FIELD
#undef JUNHENG_FLAG_FIELD
#undef JUNHENG_TEXT_FIELD

}  // namespace junheng::catalog
