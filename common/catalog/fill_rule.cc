#include "common/catalog/fill_rule.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace junheng::catalog {

CellRange CellRangeOf(Kind kind) {
  switch (kind) {
    case Kind::kCount:
      return {0, 100000};
    case Kind::kYear:
      return {1900, 2100};
    case Kind::kShare:
      return {0, 1};
    case Kind::kDecimal:
      return {0, 1e12};
    default:
      return {0, 0};
  }
}

std::vector<std::string> ChoicesZh(const FieldInfo& field) {
  if (field.kind == Kind::kYesNo) return {"是", "否"};
  std::vector<std::string> out;
  for (const Word& word : field.words) out.emplace_back(word.label_zh);
  return out;
}

std::string FillRuleZh(const FieldInfo& field) {
  switch (field.kind) {
    case Kind::kText:
      return "文字或代码，照实填写";
    case Kind::kWord:
      return absl::StrCat("从下拉框选一项：", absl::StrJoin(ChoicesZh(field), "、"));
    case Kind::kCount:
      return "整数，不能为负；没有请填 0";
    case Kind::kYear:
      return "四位年份，例如 2015";
    case Kind::kDecimal:
      return field.unit.empty()
                 ? "数字，可带小数，不能为负"
                 : absl::StrCat("以", field.unit, "为单位的数字，可带小数；不写单位和千位分隔符");
    case Kind::kShare:
      return "0 到 1 之间的小数（95% 写 0.95）";
    case Kind::kYesNo:
      return "从下拉框选 是 或 否";
  }
  return "";
}

}  // namespace junheng::catalog
