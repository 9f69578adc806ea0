#pragma once

#include <array>
#include <optional>

#include "absl/strings/string_view.h"
#include "common/catalog/fields.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The two levels the county is evaluated in.
enum class Level { kPrimary = 0, kJunior = 1 };
inline constexpr std::array<Level, 2> kLevels = {Level::kPrimary, Level::kJunior};

// "primary" | "junior"
inline absl::string_view LevelWord(Level level) {
  return level == Level::kPrimary ? "primary" : "junior";
}
// "小学" | "初中"
inline absl::string_view LevelNameZh(Level level) {
  return level == Level::kPrimary ? "小学" : "初中";
}

// The seven resource-allocation indicators L1..L7, indexed 0..6.
inline constexpr int kIndicatorCount = 7;
using IndicatorArray = std::array<std::optional<double>, kIndicatorCount>;

struct IndicatorInfo {
  absl::string_view id;       // "L1"
  absl::string_view name_zh;  // the official name
  absl::string_view unit_zh;  // what an addition is counted in: 人, 平方米, 元, 间
  // The catalogue fields the numerator comes from in a primary and a junior unit: the section's
  // teachers (L1-L3), or the same whole-school facility field for both (L4-L7).
  const catalog::Field<junheng::v1::SchoolReport>* primary_quantity;
  const catalog::Field<junheng::v1::SchoolReport>* junior_quantity;
  // Per hundred students (100) or per student (1): a unit conversion, not a threshold.
  double per_students;
  // L4-L7: a whole-school quantity that multi-section schools split between sections.
  bool facility;

  const catalog::Field<junheng::v1::SchoolReport>& QuantityOf(Level level) const {
    return level == Level::kPrimary ? *primary_quantity : *junior_quantity;
  }
};

// The catalogue, in order L1..L7.
inline constexpr IndicatorInfo kIndicatorCatalog[kIndicatorCount] = {
    {"L1", "每百名学生拥有高于规定学历教师数", "人",
     &catalog::report::primary_teachers_above_degree,
     &catalog::report::junior_teachers_above_degree, 100, false},
    {"L2", "每百名学生拥有县级及以上骨干教师数", "人", &catalog::report::primary_backbone_teachers,
     &catalog::report::junior_backbone_teachers, 100, false},
    {"L3", "每百名学生拥有体育、艺术(美术、音乐)专任教师数", "人",
     &catalog::report::primary_pe_art_teachers, &catalog::report::junior_pe_art_teachers, 100,
     false},
    {"L4", "生均教学及辅助用房面积", "平方米", &catalog::report::teaching_aux_area_m2,
     &catalog::report::teaching_aux_area_m2, 1, true},
    {"L5", "生均体育运动场馆面积", "平方米", &catalog::report::sports_area_m2,
     &catalog::report::sports_area_m2, 1, true},
    {"L6", "生均教学仪器设备值", "元", &catalog::report::equipment_value_yuan,
     &catalog::report::equipment_value_yuan, 1, true},
    {"L7", "每百名学生拥有网络多媒体教室数", "间", &catalog::report::multimedia_classrooms,
     &catalog::report::multimedia_classrooms, 100, true},
};

inline const IndicatorInfo& Indicator(int index) { return kIndicatorCatalog[index]; }

// The catalogue field name of indicator `index` for a unit of `level` (e.g.
// "junior_backbone_teachers" or "sports_area_m2").
inline absl::string_view QuantityField(int index, Level level) {
  return kIndicatorCatalog[index].QuantityOf(level).name;
}

// The profile's thresholds for `level`.
inline const junheng::v1::LevelProfile& LevelThresholds(const junheng::v1::Profile& profile,
                                                        Level level) {
  return level == Level::kPrimary ? profile.primary() : profile.junior();
}
inline double IndicatorMin(const junheng::v1::Profile& profile, Level level, int index) {
  return LevelThresholds(profile, level).indicator_min(index);
}

// The message form of an IndicatorArray, filled into `out` (cleared first), and back: L1..L7,
// unset where the message has none.
void ToMessage(const IndicatorArray& values, junheng::v1::IndicatorValues* out);
IndicatorArray FromMessage(const junheng::v1::IndicatorValues& values);

}  // namespace junheng::eval
