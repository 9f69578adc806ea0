#include "common/io/field_labels.h"

#include <array>
#include <utility>

#include "absl/strings/string_view.h"

namespace junheng::io {

absl::string_view FieldLabelZh(absl::string_view field) {
  static constexpr std::array<std::pair<absl::string_view, absl::string_view>, 46> kLabels = {{
      {"school_code", "学校标识码"},
      {"school_name", "学校名称"},
      {"school_type", "学校类型"},
      {"county_code", "县级行政区划代码"},
      {"town", "乡镇"},
      {"locale", "城乡分类"},
      {"ownership", "办学性质"},
      {"boarding", "寄宿制"},
      {"built_year", "校舍建成年份"},
      {"parent_school_code", "所属中心校"},
      {"target_year", "规划达标年份"},
      {"period", "填报期"},
      {"primary_students", "小学在校生数"},
      {"junior_students", "初中在校生数"},
      {"senior_students", "高中在校生数"},
      {"primary_classes", "小学教学班数"},
      {"junior_classes", "初中教学班数"},
      {"primary_max_class_size", "小学最大班额"},
      {"junior_max_class_size", "初中最大班额"},
      {"primary_teachers", "小学专任教师数"},
      {"junior_teachers", "初中专任教师数"},
      {"primary_teachers_above_degree", "小学高于规定学历教师数"},
      {"junior_teachers_above_degree", "初中高于规定学历教师数"},
      {"primary_backbone_teachers", "小学县级及以上骨干教师数"},
      {"junior_backbone_teachers", "初中县级及以上骨干教师数"},
      {"primary_pe_art_teachers", "小学体育、艺术专任教师数"},
      {"junior_pe_art_teachers", "初中体育、艺术专任教师数"},
      {"certified_teachers", "持教师资格证专任教师数"},
      {"training_completed_teachers", "完成5年360学时培训教师数"},
      {"teaching_aux_area_m2", "教学及辅助用房面积(m²)"},
      {"sports_area_m2", "体育运动场馆面积(m²)"},
      {"equipment_value_yuan", "教学仪器设备值(元)"},
      {"multimedia_classrooms", "网络多媒体教室数"},
      {"music_rooms", "音乐专用教室数"},
      {"art_rooms", "美术专用教室数"},
      {"music_room_min_area_m2", "最小音乐教室面积(m²)"},
      {"art_room_min_area_m2", "最小美术教室面积(m²)"},
      {"public_funds_yuan", "公用经费(元)"},
      {"teacher_training_funds_yuan", "教师培训经费(元)"},
      {"zoned_admissions", "就近划片入学人数"},
      {"total_admissions", "新生总数"},
      {"has_charter", "制定章程、管理与教学信息化"},
      {"courses_complete", "开齐开足课程"},
      {"no_excess_burden", "无过重课业负担"},
      {"ict_rating", "信息技术应用评级"},
      {"moral_culture_rating", "德育与校园文化评级"},
  }};
  for (const auto& [name, label] : kLabels) {
    if (name == field) return label;
  }
  return {};
}

}  // namespace junheng::io
