#pragma once

#include <string>

#include "common/catalog/field.h"

namespace junheng::catalog {

// What a person must write in a field's cell, in Chinese, as the template's instructions and
// cell prompts and docs/report-fields.md say it: "整数，不能为负；没有请填 0".
std::string FillRuleZh(const FieldInfo& field);

// The range a spreadsheet may accept in a numeric field's cell (the template's cell validation);
// the validators' own limits may be narrower for a particular field.
struct CellRange {
  double minimum;
  double maximum;
};
CellRange CellRangeOf(Kind kind);

// The Chinese names of a word field's vocabulary, or 是 / 否 for a yes/no field: the drop-down
// of the template.
std::vector<std::string> ChoicesZh(const FieldInfo& field);

}  // namespace junheng::catalog
