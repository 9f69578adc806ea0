#include "common/eval/items.h"

#include <cmath>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/eval/compare.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {

google::protobuf::Value NumberValue(double v) {
  google::protobuf::Value out;
  out.set_number_value(v);
  return out;
}

google::protobuf::Value BoolValue(bool v) {
  google::protobuf::Value out;
  out.set_bool_value(v);
  return out;
}

google::protobuf::Value NullValue() {
  google::protobuf::Value out;
  out.set_null_value(google::protobuf::NULL_VALUE);
  return out;
}

google::protobuf::Value StructValue(
    std::initializer_list<std::pair<absl::string_view, google::protobuf::Value>> fields) {
  google::protobuf::Value out;
  auto* map = out.mutable_struct_value()->mutable_fields();
  for (const auto& [key, value] : fields) (*map)[std::string(key)] = value;
  return out;
}

void SetStruct(
    google::protobuf::Value& out,
    std::initializer_list<std::pair<absl::string_view, google::protobuf::Value>> fields) {
  out.Clear();
  auto* map = out.mutable_struct_value()->mutable_fields();
  for (const auto& [key, value] : fields) {
    (*map)[std::string(key)] = value;
  }
}

void SetNumberStruct(google::protobuf::Value& out,
                     std::span<const std::pair<absl::string_view, std::optional<double>>> fields) {
  out.Clear();
  auto* map = out.mutable_struct_value()->mutable_fields();
  for (const auto& [key, value] : fields) {
    google::protobuf::Value& slot = (*map)[std::string(key)];
    if (value) {
      slot.set_number_value(*value);
    } else {
      slot.set_null_value(google::protobuf::NULL_VALUE);
    }
  }
}

namespace {

constexpr ItemInfo kItems[] = {
    {"G1", "县域内义务教育学校规划布局合理，符合国家规定要求", "government", "C"},
    {"G2", "执行城乡统一的学校建设、教师编制、生均公用经费基准定额、基本装备配置标准", "government",
     "C"},
    {"G3", "按班级数配备音乐、美术专用教室，专用教室面积达标", "government", "S"},
    {"G4", "学校规模不超过规定标准", "government", "S"},
    {"G5", "小学、初中所有班级学生数不超过规定班额", "government", "S"},
    {"G6", "小规模学校和教学点按规定最低学生数核定公用经费", "government", "S"},
    {"G7", "特殊教育学校生均公用经费不低于规定标准", "government", "C"},
    {"G8", "教师平均工资收入水平不低于当地公务员平均工资收入水平，足额核定教师绩效工资总量",
     "government", "C"},
    {"G9", "教师5年360学时培训完成率", "government", "S->C"},
    {"G10", "县级教育行政部门在核定的编制总额和岗位总量内统筹分配各校教职工编制和岗位",
     "government", "C"},
    {"G11", "全县每年交流轮岗教师比例及其中骨干教师比例", "government", "C"},
    {"G12", "专任教师持有教师资格证上岗率", "government", "S->C"},
    {"G13", "城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例", "government", "S->C"},
    {"G14", "优质高中招生名额分配到区域内初中的比例", "government", "C"},
    {"G15", "符合条件的随迁子女在公办学校和政府购买服务的民办学校就读比例；留守儿童关爱体系健全",
     "government", "C"},
    {"Q1", "初中三年巩固率", "quality", "C"},
    {"Q2", "残疾儿童少年入学率", "quality", "C"},
    {"Q3", "所有学校制定章程，实现学校管理与教学信息化", "quality", "S"},
    {"Q4", "教师培训经费不低于学校年度公用经费预算总额的规定比例", "quality", "S"},
    {"Q5", "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平", "quality", "S"},
    {"Q6", "德育工作、校园文化建设水平达到良好以上", "quality", "S"},
    {"Q7", "课程开齐开足，教学秩序规范，综合实践活动有效开展", "quality", "S"},
    {"Q8", "无过重课业负担", "quality", "S"},
    {"Q9", "国家义务教育质量监测：学业水平达到III级以上且校际差异率低于规定值", "quality", "C"},
    {"SR", "社会认可度", "social", "C"},
    {"V1", "以考试方式招生", "veto", "C"},
    {"V2", "违规择校", "veto", "C"},
    {"V3", "设置重点学校或重点班", "veto", "C"},
    {"V4", "教师编制空缺不补或长期聘用编外教师", "veto", "C"},
    {"V5", "教育系统发生重大安全责任事故或严重违纪违规事件", "veto", "C"},
    {"V6", "弄虚作假", "veto", "C"},
};

}  // namespace

const ItemInfo& ItemInfoOf(absl::string_view id) {
  for (const ItemInfo& info : kItems) {
    if (info.id == id) return info;
  }
  return kItems[0];  // unreachable for catalogue ids
}

namespace {

// A fresh item with its identity; value, threshold and gap start as null and status as
// not_judged.
void InitItem(junheng::v1::ItemResult& item, const ItemInfo& info) {
  Assign(item.mutable_id(), info.id);
  Assign(item.mutable_name_zh(), info.name_zh);
  Assign(item.mutable_category(), info.category);
  Assign(item.mutable_kind(), info.kind);
  Assign(item.mutable_status(), kNotJudged);
  item.mutable_value()->set_null_value(google::protobuf::NULL_VALUE);
  item.mutable_threshold()->set_null_value(google::protobuf::NULL_VALUE);
  item.mutable_gap()->set_null_value(google::protobuf::NULL_VALUE);
}

}  // namespace

ItemSlots::ItemSlots(google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items)
    : items_(items), first_(items->size()) {
  items->Reserve(first_ + static_cast<int>(std::size(kItems)));
  for (const ItemInfo& info : kItems) InitItem(*items->Add(), info);
}

junheng::v1::ItemResult& ItemSlots::Of(absl::string_view id) {
  return *items_->Mutable(first_ + static_cast<int>(&ItemInfoOf(id) - kItems));
}

void SetNotJudged(junheng::v1::ItemResult& item, absl::string_view reason) {
  Assign(item.mutable_status(), kNotJudged);
  Assign(item.mutable_reason(), reason);
}

void SetAtLeast(junheng::v1::ItemResult& item, double value, double threshold,
                absl::string_view what) {
  item.mutable_value()->set_number_value(value);
  item.mutable_threshold()->set_number_value(threshold);
  if (AtLeast(value, threshold)) {
    Assign(item.mutable_status(), kPass);
    item.set_reason(absl::StrCat(what, " ", Num(value), " ≥ ", Num(threshold)));
  } else {
    Assign(item.mutable_status(), kFail);
    item.mutable_gap()->set_number_value(threshold - value);
    item.set_reason(absl::StrCat(what, " ", Num(value), " < ", Num(threshold)));
  }
}

void SetBool(junheng::v1::ItemResult& item, bool value, bool wanted, absl::string_view field) {
  item.mutable_value()->set_bool_value(value);
  item.mutable_threshold()->set_bool_value(wanted);
  Assign(item.mutable_status(), value == wanted ? kPass : kFail);
  item.set_reason(absl::StrCat(field, " = ", value ? "true" : "false"));
}

std::string FactNotReported(absl::string_view field, bool have_facts) {
  if (!have_facts) return i18n::Say(i18n::evaluation::kNoFacts, field);
  return i18n::Say(i18n::evaluation::kFactNotReported, field);
}

std::optional<double> FactNumber(const junheng::v1::CountyFacts* facts,
                                 const catalog::Field<junheng::v1::CountyFacts>& field) {
  return facts == nullptr ? std::nullopt : field.Number(*facts);
}

std::optional<bool> FactFlag(const junheng::v1::CountyFacts* facts,
                             const catalog::Field<junheng::v1::CountyFacts>& field) {
  return facts == nullptr ? std::nullopt : field.Flag(*facts);
}

void FactAtLeast(junheng::v1::ItemResult& item, const junheng::v1::CountyFacts* facts,
                 const catalog::Field<junheng::v1::CountyFacts>& field, double min) {
  item.mutable_threshold()->set_number_value(min);
  std::optional<double> value = FactNumber(facts, field);
  if (!value) {
    SetNotJudged(item, FactNotReported(field.name, facts != nullptr));
    return;
  }
  SetAtLeast(item, *value, min, field.name);
}

void FactYesNo(junheng::v1::ItemResult& item, const junheng::v1::CountyFacts* facts,
               const catalog::Field<junheng::v1::CountyFacts>& field, bool wanted) {
  std::optional<bool> value = FactFlag(facts, field);
  if (!value) {
    SetNotJudged(item, FactNotReported(field.name, facts != nullptr));
    return;
  }
  SetBool(item, *value, wanted, field.name);
}

std::string Num(double v) {
  // absl formats a double as printf's %.6g does, except that it drops the sign of a negative NaN.
  if (std::isnan(v)) return std::signbit(v) ? "-nan" : "nan";
  return absl::StrCat(v);
}

}  // namespace junheng::eval
