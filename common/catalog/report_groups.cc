#include "common/catalog/report_groups.h"

#include "common/catalog/catalog.h"
#include "common/catalog/fields.h"

namespace junheng::catalog {

absl::Span<const FieldGroup> ReportGroups() {
  static const FieldGroup kGroups[] = {
      {"students", "学生与班级", &report::primary_students},
      {"teachers", "教师", &report::primary_teachers},
      {"facilities", "校舍与设施设备", &report::teaching_aux_area_m2},
      {"funds", "经费", &report::public_funds_yuan},
      {"management", "招生与管理", &report::zoned_admissions},
  };
  return kGroups;
}

const FieldGroup* GroupOf(const FieldInfo& field) {
  const FieldGroup* group = nullptr;
  auto groups = ReportGroups();
  size_t next = 0;
  for (const FieldInfo* f : FieldsOf(*junheng::v1::SchoolReport::descriptor())) {
    if (next < groups.size() && f == groups[next].first) group = &groups[next++];
    if (f == &field) return group;
  }
  return nullptr;
}

}  // namespace junheng::catalog
