#pragma once

// Internal to junheng_render: what the sheet builders of the national forms share
// (national_forms.cc calls them; forms_basic.cc, forms_resources.cc, forms_government.cc and
// forms_quality.cc define them).

#include <map>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "common/catalog/fields.h"
#include "common/render/county_figures.h"
#include "common/xlsx/workbook.h"
#include "junheng/v1/evaluation_service.pb.h"

namespace junheng::render::forms {

// The forms' number formats (national-forms.md, "Export conventions").
inline constexpr char kInteger[] = "0";
inline constexpr char kOneDecimal[] = "0.0";
inline constexpr char kTwoDecimals[] = "0.00";
inline constexpr char kThreeDecimals[] = "0.000";

// What the form prints where a figure is unknown inside a sentence.
inline constexpr char kUnknown[] = "＿";
// What 表Ⅲ prints where a value does not exist (J4, J6: there is no 综合 mean).
inline constexpr char kNone[] = "——";

// The cell looks of the printed form: black on white with thin borders; only a failing value is
// dark (the 2012 填报说明's convention).
xlsx::Style TitleStyle();
xlsx::Style HeaderStyle();
xlsx::Style CodeStyle();
xlsx::Style TextStyle();
xlsx::Style NumberStyle(absl::string_view format, bool failing = false);
xlsx::Style NoteStyle();

// Everything a sheet builder reads, looked up once.
struct Context {
  explicit Context(const junheng::v1::EvaluationWithInput& data);

  const junheng::v1::Evaluation& evaluation() const { return data.evaluation(); }
  const junheng::v1::Profile& profile() const { return data.profile(); }
  // The item of `id`, or nullptr when the evaluation has none.
  const junheng::v1::ItemResult* Item(absl::string_view id) const;
  // The level "primary" or "junior", or nullptr.
  const junheng::v1::LevelResult* Level(absl::string_view level) const;
  // A county fact, or nullopt when the bureau entered no facts or not this one.
  std::optional<double> Fact(const catalog::Field<junheng::v1::CountyFacts>& field) const;
  std::optional<bool> Flag(const catalog::Field<junheng::v1::CountyFacts>& field) const;
  // The registry name of a school, or its code when the registry has none.
  std::string SchoolName(const std::string& code) const;
  const junheng::v1::SchoolReport* Report(const std::string& code) const;

  const junheng::v1::EvaluationWithInput& data;
  // nullptr when the bureau entered no county facts for the period.
  const junheng::v1::CountyFacts* facts;
  CountyFigures figures;
  std::map<std::string, const junheng::v1::School*> schools;
  std::map<std::string, const junheng::v1::SchoolReport*> reports;
};

// Fill-in text for a sentence: the number with `decimals` (thousands not grouped, as the printed
// forms write them), or kUnknown.
std::string Fill(std::optional<double> value, int decimals = 0);
// A fraction as a percentage with one decimal ("表中所有比例数值保留一位小数"), or kUnknown.
std::string FillPercent(std::optional<double> share);
// part / whole when both are known and whole > 0.
std::optional<double> Share(std::optional<double> part, std::optional<double> whole);
// The first of `values` that is known.
std::optional<double> FirstKnown(std::optional<double> a, std::optional<double> b);
// An item's numeric value, or a number inside its struct value by key; nullopt otherwise.
std::optional<double> ItemNumber(const junheng::v1::ItemResult* item, absl::string_view key = "");

// 表Ⅳ and 表Ⅴ's 是否达标: 是, 否, or 无法判定 (also when the item is missing).
std::string PassWord(const junheng::v1::ItemResult* item);
bool Fails(const junheng::v1::ItemResult* item);

// A number cell in `format`, or an empty bordered cell when the value is unknown.
void NumberOrEmpty(xlsx::Sheet& sheet, int row, int col, std::optional<double> value,
                   absl::string_view format, bool failing = false);

// 表Ⅳ and 表Ⅴ: one item's row: "n．name（id）" in A, `sentence` in B, 是否达标 in C (dark when
// the item fails), the row as tall as the longer text needs.
void ItemRow(const Context& c, xlsx::Sheet& sheet, int row, int number, absl::string_view id,
             const std::string& sentence);
// One row of 表Ⅳ or 表Ⅴ: the item's id and the builder of its fill-in sentence.
struct ItemSentence {
  const char* id;
  std::string (*sentence)(const Context&);
};

// The column widths ItemRow's height estimate assumes.
void ItemColumns(xlsx::Sheet& sheet);

// The conclusion of a per-school item (G3, Q3-Q8) from its findings: "<what>：全县n所学校均达到",
// or how many do and which schools do not or could not be judged.
std::string SchoolsConclusion(const Context& c, absl::string_view id, absl::string_view what);

// "<label>：是|否|未填报" for a yes/no county fact.
std::string FactYesNo(const Context& c, const catalog::Field<junheng::v1::CountyFacts>& field);

// The header of indicator `index` (0..6) as the forms print it: the official name with the unit
// of a per-student value, e.g. "生均教学及辅助用房面积（㎡）".
std::string IndicatorHeader(int index);

// The sheet builders, in workbook order.
void AddBasicSheet(const Context& context, xlsx::Workbook& book);      // 表Ⅰ
void AddResourceSheets(const Context& context, xlsx::Workbook& book);  // 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ
void AddGovernmentSheet(const Context& context, xlsx::Workbook& book);  // 表Ⅳ
void AddQualitySheets(const Context& context, xlsx::Workbook& book);    // 表Ⅴ, 表Ⅵ

}  // namespace junheng::render::forms
