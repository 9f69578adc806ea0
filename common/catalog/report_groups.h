#pragma once

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/catalog/field.h"

namespace junheng::catalog {

// The parts of a school report as a clerk fills it in (the web console's form): students and
// classes, teachers, facilities, funds, management. The report's fields are in column order, so
// a group runs from its first field up to the next group's first field.
struct FieldGroup {
  absl::string_view id;        // "students", "teachers", "facilities", "funds", "management"
  absl::string_view label_zh;  // "学生与班级", ...
  const FieldInfo* first;
};

absl::Span<const FieldGroup> ReportGroups();

// The group of a SchoolReport field; nullptr for the fields before the first group (school_code,
// period, county_code: the form fills them) and for a field that is not a report field.
const FieldGroup* GroupOf(const FieldInfo& field);

}  // namespace junheng::catalog
