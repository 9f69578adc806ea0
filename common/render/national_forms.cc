#include "common/render/national_forms.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/eval/indicators.h"
#include "common/eval/items.h"
#include "common/render/forms_sheets.h"
#include "common/table/people_text.h"

namespace junheng::render {
namespace forms {

// Set field by field: designated initializers that leave fields out warn under -Wextra.
xlsx::Style TitleStyle() {
  xlsx::Style s;
  s.bold = true;
  s.center = true;
  s.font_size = 16;
  return s;
}
xlsx::Style HeaderStyle() {
  xlsx::Style s;
  s.bold = true;
  s.wrap = true;
  s.center = true;
  s.border = true;
  return s;
}
xlsx::Style CodeStyle() {
  xlsx::Style s;
  s.center = true;
  s.border = true;
  return s;
}
xlsx::Style TextStyle() {
  xlsx::Style s;
  s.wrap = true;
  s.border = true;
  return s;
}
xlsx::Style NumberStyle(absl::string_view format, bool failing) {
  xlsx::Style s;
  s.center = true;
  s.border = true;
  s.dark_fill = failing;
  s.number_format = std::string(format);
  return s;
}
xlsx::Style NoteStyle() {
  xlsx::Style s;
  s.wrap = true;
  return s;
}

Context::Context(const junheng::v1::EvaluationWithInput& d)
    : data(d), facts(d.has_county_facts() ? &d.county_facts() : nullptr), figures(FiguresOf(d)) {
  for (const junheng::v1::School& s : d.schools()) schools[s.school_code()] = &s;
  for (const junheng::v1::SchoolReport& r : d.reports()) reports[r.school_code()] = &r;
}

const junheng::v1::ItemResult* Context::Item(absl::string_view id) const {
  for (const junheng::v1::ItemResult& item : evaluation().items()) {
    if (item.id() == id) return &item;
  }
  return nullptr;
}

const junheng::v1::LevelResult* Context::Level(absl::string_view level) const {
  for (const junheng::v1::LevelResult& l : evaluation().levels()) {
    if (l.level() == level) return &l;
  }
  return nullptr;
}

std::optional<double> Context::Fact(const catalog::Field<junheng::v1::CountyFacts>& field) const {
  return facts == nullptr ? std::nullopt : field.Number(*facts);
}

std::optional<bool> Context::Flag(const catalog::Field<junheng::v1::CountyFacts>& field) const {
  return facts == nullptr ? std::nullopt : field.Flag(*facts);
}

std::string Context::SchoolName(const std::string& code) const {
  auto found = schools.find(code);
  return found == schools.end() || found->second->school_name().empty()
             ? code
             : found->second->school_name();
}

const junheng::v1::SchoolReport* Context::Report(const std::string& code) const {
  auto found = reports.find(code);
  return found == reports.end() ? nullptr : found->second;
}

std::string Fill(std::optional<double> value, int decimals) {
  return value ? table::PeopleNumber(*value, decimals) : std::string(kUnknown);
}

std::string FillPercent(std::optional<double> share) {
  return share ? table::PeopleNumber(100 * *share, 1) : std::string(kUnknown);
}

std::optional<double> Share(std::optional<double> part, std::optional<double> whole) {
  if (!part || !whole || *whole <= 0) return std::nullopt;
  return *part / *whole;
}

std::optional<double> FirstKnown(std::optional<double> a, std::optional<double> b) {
  return a ? a : b;
}

std::optional<double> ItemNumber(const junheng::v1::ItemResult* item, absl::string_view key) {
  if (item == nullptr) return std::nullopt;
  const google::protobuf::Value* v = &item->value();
  if (!key.empty()) {
    if (v->kind_case() != google::protobuf::Value::kStructValue) return std::nullopt;
    auto found = v->struct_value().fields().find(std::string(key));
    if (found == v->struct_value().fields().end()) return std::nullopt;
    v = &found->second;
  }
  if (v->kind_case() != google::protobuf::Value::kNumberValue) return std::nullopt;
  return v->number_value();
}

std::string PassWord(const junheng::v1::ItemResult* item) {
  if (item != nullptr && item->status() == eval::kPass) return "是";
  if (Fails(item)) return "否";
  return "无法判定";
}

bool Fails(const junheng::v1::ItemResult* item) {
  return item != nullptr && item->status() == eval::kFail;
}

void NumberOrEmpty(xlsx::Sheet& sheet, int row, int col, std::optional<double> value,
                   absl::string_view format, bool failing) {
  if (value) {
    sheet.Number(row, col, *value, NumberStyle(format, failing));
  } else {
    sheet.Text(row, col, "", NumberStyle(format));
  }
}

namespace {

constexpr double kItemNameWidth = 46;
constexpr double kSentenceWidth = 72;
constexpr double kPassWidth = 10;

// Lines a wrapped text takes in a column of `width` characters (a Chinese character counts two).
int Lines(absl::string_view text, double width) {
  const int columns = table::DisplayWidth(std::string_view(text.data(), text.size()));
  return std::max(1, static_cast<int>((columns + width - 3) / (width - 2)));
}

std::string Names(const Context& c, const std::vector<std::string>& codes) {
  std::vector<std::string> names;
  for (const std::string& code : codes) names.push_back(c.SchoolName(code));
  return absl::StrJoin(names, "、");
}

}  // namespace

void ItemColumns(xlsx::Sheet& sheet) {
  sheet.ColumnWidth(0, 0, kItemNameWidth);
  sheet.ColumnWidth(1, 1, kSentenceWidth);
  sheet.ColumnWidth(2, 2, kPassWidth);
}

void ItemRow(const Context& c, xlsx::Sheet& sheet, int row, int number, absl::string_view id,
             const std::string& sentence) {
  const junheng::v1::ItemResult* item = c.Item(id);
  const std::string name =
      absl::StrCat(number, "．", item != nullptr ? item->name_zh() : eval::ItemInfoOf(id).name_zh,
                   "（", id, "）");
  sheet.Text(row, 0, name, TextStyle());
  sheet.Text(row, 1, sentence, TextStyle());
  xlsx::Style pass = CodeStyle();
  pass.dark_fill = Fails(item);
  sheet.Text(row, 2, PassWord(item), pass);
  const int lines = std::max(Lines(name, kItemNameWidth), Lines(sentence, kSentenceWidth));
  sheet.RowHeight(row, 15 * lines + 3);
}

std::string SchoolsConclusion(const Context& c, absl::string_view id, absl::string_view what) {
  const junheng::v1::ItemResult* item = c.Item(id);
  const int total = c.evaluation().schools_size();
  std::vector<std::string> failing, unjudged;
  if (item != nullptr) {
    for (const junheng::v1::SchoolFinding& s : item->schools()) {
      (s.status() == eval::kFail ? failing : unjudged).push_back(s.school_code());
    }
  }
  if (failing.empty() && unjudged.empty())
    return absl::StrCat(what, "：全县", total, "所学校均达到");
  std::string text =
      absl::StrCat(what, "：全县", total, "所学校中",
                   total - static_cast<int>(failing.size() + unjudged.size()), "所达到");
  if (!failing.empty()) {
    absl::StrAppend(&text, "；未达到的", failing.size(), "所：", Names(c, failing));
  }
  if (!unjudged.empty()) {
    absl::StrAppend(&text, "；未报送或数据不全的", unjudged.size(), "所：", Names(c, unjudged));
  }
  return text;
}

std::string FactYesNo(const Context& c, const catalog::Field<junheng::v1::CountyFacts>& field) {
  std::optional<bool> value = c.Flag(field);
  return absl::StrCat(field.label_zh, "：", !value ? "未填报" : *value ? "是" : "否");
}

std::string IndicatorHeader(int index) {
  // The forms' own unit marks for the per-student indicators (L4-L6); the per-hundred ones carry
  // their unit in the name.
  static constexpr absl::string_view kUnits[eval::kIndicatorCount] = {
      "", "", "", "（㎡）", "（㎡）", "(元)", ""};
  return absl::StrCat(eval::Indicator(index).name_zh, kUnits[index]);
}

}  // namespace forms

void AddNationalForms(const junheng::v1::EvaluationWithInput& data, xlsx::Workbook& book) {
  const forms::Context context(data);
  forms::AddBasicSheet(context, book);
  forms::AddResourceSheets(context, book);
  forms::AddGovernmentSheet(context, book);
  forms::AddQualitySheets(context, book);
}

absl::Status WriteNationalForms(const junheng::v1::EvaluationWithInput& data,
                                const std::string& path) {
  auto book = xlsx::Workbook::Create(path);
  if (!book.ok()) return book.status();
  AddNationalForms(data, **book);
  return (*book)->Close();
}

}  // namespace junheng::render
