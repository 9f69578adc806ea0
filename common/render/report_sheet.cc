#include "common/render/report_sheet.h"

#include "absl/strings/str_cat.h"
#include "common/catalog/catalog.h"
#include "common/catalog/fields.h"
#include "common/catalog/fill_rule.h"

namespace junheng::render {
namespace {

using catalog::Field;
using catalog::Kind;
using v1::SchoolReport;

constexpr char kSchoolNameKey[] = "school_name";

table::Cell CellOf(const Field<SchoolReport>& field, const SchoolReport& report) {
  switch (field.kind) {
    case Kind::kCount:
    case Kind::kYear:
    case Kind::kDecimal:
    case Kind::kShare:
      return table::Cell::Of(field.Number(report));
    case Kind::kYesNo: {
      std::optional<bool> flag = field.Flag(report);
      return table::Cell::Of(!flag.has_value() ? "" : *flag ? "是" : "否");
    }
    case Kind::kWord: {
      const catalog::Word* word = field.FindWord(field.Text(report));
      return table::Cell::Of(std::string(word != nullptr ? word->label_zh : field.Text(report)));
    }
    case Kind::kText:
      return table::Cell::Of(std::string(field.Text(report)));
  }
  return {};
}

std::vector<const Field<SchoolReport>*> FieldsFor(catalog::SectionSet sections) {
  std::vector<const Field<SchoolReport>*> out;
  for (const Field<SchoolReport>* field : catalog::report::kAll) {
    if (field->AppliesTo(sections)) out.push_back(field);
  }
  return out;
}

xlsx::Validation ValidationOf(const catalog::FieldInfo& field) {
  xlsx::Validation v;
  // Excel allows a 32-character prompt title; the longest label has 24 characters of 3 bytes.
  v.prompt_title = field.label_zh.size() <= 32 * 3 ? std::string(field.label_zh) : "";
  v.prompt = catalog::FillRuleZh(field);
  v.error_title = "填写有误";
  v.error = absl::StrCat(field.DisplayLabel(), "：", catalog::FillRuleZh(field));
  if (field.kind == Kind::kYesNo || field.kind == Kind::kWord) {
    v.kind = xlsx::Validation::Kind::kList;
    v.words = catalog::ChoicesZh(field);
    return v;
  }
  catalog::CellRange range = catalog::CellRangeOf(field.kind);
  v.kind = field.kind == Kind::kCount || field.kind == Kind::kYear
               ? xlsx::Validation::Kind::kWholeNumber
               : xlsx::Validation::Kind::kDecimal;
  v.minimum = range.minimum;
  v.maximum = range.maximum;
  return v;
}

table::Table InstructionsTable(const table::Table& report_table) {
  table::Table t;
  t.title = "填写说明";
  t.sheet_name = "填写说明";
  t.columns = {{"label", "项目"}, {"name", "字段名"}, {"unit", "单位"}, {"rule", "填写要求"}};
  for (const table::Column& column : report_table.columns) {
    const catalog::FieldInfo* field = catalog::FindField(*SchoolReport::descriptor(), column.key);
    if (field == nullptr) continue;
    t.AddRow({table::Cell::Of(std::string(field->label_zh)), table::Cell::Of(column.key),
              table::Cell::Of(std::string(field->unit)),
              table::Cell::Of(catalog::FillRuleZh(*field))});
  }
  t.notes = {
      "1. 在“填报”表第 3 行起填写，每校每期一行；第 1 行是项目名称，第 2 行是字段名，都不要改动。",
      "2. 学校标识码、填报期已经填好；只填本校有的项目，空着的格子表示“未填报”，没有的数量请填 0。",
      "3. 数字不带单位、不加千位分隔符；比例写小数（95% 写 0.95）；是/否和评级从下拉框选择。",
      "4. 保存为 .xlsx（或“CSV UTF-8（逗号分隔）”）后运行：junheng validate 文件名，再运行："
      "junheng submit 文件名。",
      "5. 字段的完整说明见 docs/report-fields.md；有疑问请联系县教育局。"};
  return t;
}

}  // namespace

table::Table ReportTable(const std::vector<const SchoolReport*>& reports,
                         catalog::SectionSet sections,
                         const std::map<std::string, std::string>* school_names) {
  table::Table t;
  t.sheet_name = "填报";
  t.key_row = school_names == nullptr;
  std::vector<const Field<SchoolReport>*> fields = FieldsFor(sections);
  for (const Field<SchoolReport>* field : fields) {
    int decimals = field->kind == Kind::kDecimal || field->kind == Kind::kShare ? -1 : 0;
    t.columns.push_back(
        {std::string(field->name), field->DisplayLabel(), decimals, field->unit == "元"});
    if (field == &catalog::report::school_code && school_names != nullptr) {
      t.columns.push_back({kSchoolNameKey, "学校名称"});
    }
  }
  for (const SchoolReport* report : reports) {
    std::vector<table::Cell> row;
    for (const Field<SchoolReport>* field : fields) {
      row.push_back(CellOf(*field, *report));
      if (field == &catalog::report::school_code && school_names != nullptr) {
        auto it = school_names->find(report->school_code());
        row.push_back(table::Cell::Of(it == school_names->end() ? "" : it->second));
      }
    }
    t.AddRow(std::move(row));
  }
  return t;
}

absl::Status WriteReportWorkbook(const table::Table& table, int blank_rows,
                                 const std::string& path) {
  auto book = xlsx::Workbook::Create(path);
  if (!book.ok()) return book.status();
  xlsx::Sheet& sheet = table::WriteSheet(table, **book);
  const int first = table::FirstDataRow(table);
  const int last = first + static_cast<int>(table.rows.size()) + blank_rows - 1;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const catalog::FieldInfo* field =
        catalog::FindField(*SchoolReport::descriptor(), table.columns[c].key);
    if (field == nullptr || field->kind == Kind::kText) continue;
    sheet.Validate(first, static_cast<int>(c), last, static_cast<int>(c), ValidationOf(*field));
  }
  table::WriteSheet(InstructionsTable(table), **book);
  return (*book)->Close();
}

}  // namespace junheng::render
