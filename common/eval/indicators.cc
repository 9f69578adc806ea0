#include "common/eval/indicators.h"

#include <array>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace junheng::eval {
namespace {

constexpr IndicatorInfo kIndicators[kIndicatorCount] = {
    {"L1", "每百名学生拥有高于规定学历教师数", "人", "teachers_above_degree", 100, false},
    {"L2", "每百名学生拥有县级及以上骨干教师数", "人", "backbone_teachers", 100, false},
    {"L3", "每百名学生拥有体育、艺术(美术、音乐)专任教师数", "人", "pe_art_teachers", 100, false},
    {"L4", "生均教学及辅助用房面积", "平方米", "teaching_aux_area_m2", 1, true},
    {"L5", "生均体育运动场馆面积", "平方米", "sports_area_m2", 1, true},
    {"L6", "生均教学仪器设备值", "元", "equipment_value_yuan", 1, true},
    {"L7", "每百名学生拥有网络多媒体教室数", "间", "multimedia_classrooms", 100, true},
};

}  // namespace

absl::string_view LevelWord(Level level) { return level == Level::kPrimary ? "primary" : "junior"; }

absl::string_view LevelNameZh(Level level) { return level == Level::kPrimary ? "小学" : "初中"; }

const IndicatorInfo& Indicator(int index) { return kIndicators[index]; }

std::string IndicatorLabel(int index) {
  return absl::StrCat(kIndicators[index].id, " ", kIndicators[index].name_zh);
}

const std::string& QuantityField(int index, Level level) {
  // Spelled out once per process: gaps name a field for every addition.
  using Table = std::array<std::array<std::string, kIndicatorCount>, kLevels.size()>;
  static const Table* const fields = [] {
    auto* table = new Table;
    for (Level l : kLevels) {
      for (int i = 0; i < kIndicatorCount; ++i) {
        const IndicatorInfo& info = kIndicators[i];
        (*table)[static_cast<int>(l)][i] = info.facility
                                               ? std::string(info.quantity)
                                               : absl::StrCat(LevelWord(l), "_", info.quantity);
      }
    }
    return table;
  }();
  return (*fields)[static_cast<int>(level)][index];
}

const junheng::v1::LevelProfile& LevelThresholds(const junheng::v1::Profile& profile, Level level) {
  return level == Level::kPrimary ? profile.primary() : profile.junior();
}

double IndicatorMin(const junheng::v1::Profile& profile, Level level, int index) {
  return LevelThresholds(profile, level).indicator_min(index);
}

void ToMessage(const IndicatorArray& values, junheng::v1::IndicatorValues* out) {
  out->Clear();
  if (values[0]) out->set_l1(*values[0]);
  if (values[1]) out->set_l2(*values[1]);
  if (values[2]) out->set_l3(*values[2]);
  if (values[3]) out->set_l4(*values[3]);
  if (values[4]) out->set_l5(*values[4]);
  if (values[5]) out->set_l6(*values[5]);
  if (values[6]) out->set_l7(*values[6]);
}

IndicatorArray FromMessage(const junheng::v1::IndicatorValues& values) {
  IndicatorArray out;
  const google::protobuf::Reflection* reflection = values.GetReflection();
  const google::protobuf::Descriptor* descriptor = values.GetDescriptor();
  for (int i = 0; i < kIndicatorCount; ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (reflection->HasField(values, field)) out[i] = reflection->GetDouble(values, field);
  }
  return out;
}

}  // namespace junheng::eval
