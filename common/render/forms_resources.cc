// The resource-allocation tables (national-forms.md): 表Ⅱ-1 (schools meeting each indicator, per
// level), 表Ⅱ-2 (one row per unit: a school, or one section of a one-through or complete middle
// school) and 表Ⅲ (the county's means and difference coefficients). Every value is the
// evaluation's own; nothing here recomputes the method.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/eval/indicators.h"
#include "common/eval/items.h"
#include "common/render/forms_sheets.h"
#include "common/table/people_text.h"

namespace junheng::render::forms {
namespace {

using eval::kIndicatorCount;
using junheng::v1::IndicatorResult;
using junheng::v1::LevelResult;
using junheng::v1::UnitResult;

constexpr const char* kLevels[] = {"primary", "junior"};

// 表Ⅱ-2's column C (举办者类型): the form's code list, written in its note. The registry knows
// only public or private: a public school is taken as run by the county's education bureau (7),
// the usual case for compulsory schools; any other public organizer is corrected by hand.
constexpr int kCountyEducationBureau = 7;
constexpr int kPrivate = 10;
constexpr char kOrganizerCodes[] =
    "举办者类型：1中央教育部门，2中央其他部门，3省级教育部门，4省级其他部门，5地级教育部门，"
    "6地级其他部门，7县级教育部门，8县级其他部门，9地方企业，10民办。";

// 表Ⅱ-2's column E (年级数) under the 六三学制 most provinces use; a teaching point's grades are
// not reported, so its cell stays empty.
constexpr int kPrimaryGrades = 6;
constexpr int kJuniorGrades = 3;

// The codes of the seven indicators in 表Ⅱ-2, whose columns G-M are coded L7-L13.
std::string FormCode(int index) { return absl::StrCat("L", index + 7); }

std::optional<double> ValueOf(const UnitResult& unit, int index) {
  return eval::FromMessage(unit.values())[index];
}

bool Below(const UnitResult& unit, int index) {
  const auto& below = unit.below();
  return std::find(below.begin(), below.end(), eval::Indicator(index).id) != below.end();
}

// At its minimum: the value is known and the engine did not list it below.
bool Meets(const UnitResult& unit, int index) {
  return ValueOf(unit, index).has_value() && !Below(unit, index);
}

std::vector<const UnitResult*> IncludedUnits(const LevelResult* level) {
  std::vector<const UnitResult*> units;
  if (level == nullptr) return units;
  for (const UnitResult& u : level->units()) {
    if (!u.excluded()) units.push_back(&u);
  }
  return units;
}

bool MultiLevel(const std::string& school_type) {
  return school_type == "nine_year" || school_type == "twelve_year";
}

// Rows 2-3 of 表Ⅱ-1 and 表Ⅲ: a merged corner, the seven indicators and the 综合 column, then the
// codes L1-L8.
void IndicatorHeaders(xlsx::Sheet& sheet, absl::string_view last_header) {
  sheet.Merge(1, 0, 2, 1, "", HeaderStyle());
  for (int i = 0; i < kIndicatorCount; ++i) {
    sheet.Text(1, 2 + i, IndicatorHeader(i), HeaderStyle());
    sheet.Text(2, 2 + i, absl::StrCat("L", i + 1), CodeStyle());
  }
  sheet.Text(1, 2 + kIndicatorCount, last_header, HeaderStyle());
  sheet.Text(2, 2 + kIndicatorCount, absl::StrCat("L", kIndicatorCount + 1), CodeStyle());
  sheet.RowHeight(1, 75);
  sheet.ColumnWidth(0, 0, 8);
  sheet.ColumnWidth(1, 1, 18);
  sheet.ColumnWidth(2, 2 + kIndicatorCount, 13);
}

void AddSchoolsMeeting(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅱ-1");
  sheet.Merge(0, 0, 0, 9, "表Ⅱ-1  小学、初中资源配置基本情况", TitleStyle());
  IndicatorHeaders(sheet, "综合评估");
  for (int l = 0; l < 2; ++l) {
    const int row = 3 + 2 * l;
    sheet.Merge(row, 0, row + 1, 0, l == 0 ? "小学" : "初中", HeaderStyle());
    sheet.Text(row, 1, "达标学校总数", TextStyle());
    sheet.Text(row + 1, 1, "达标学校比例（%）", TextStyle());
    const std::vector<const UnitResult*> units = IncludedUnits(c.Level(kLevels[l]));
    const double total = static_cast<double>(units.size());
    for (int i = 0; i <= kIndicatorCount; ++i) {
      // Column J (L8 综合评估): units meeting the per-unit rule; the county needs all of them.
      int meeting = 0;
      for (const UnitResult* u : units) meeting += i < kIndicatorCount ? Meets(*u, i) : u->meets();
      sheet.Number(row, 2 + i, meeting, NumberStyle(kInteger));
      std::optional<double> percent;
      if (total > 0) percent = 100 * meeting / total;
      NumberOrEmpty(sheet, row + 1, 2 + i, percent, kOneDecimal,
                    i == kIndicatorCount && percent && meeting < total);
    }
  }
  sheet.PrintLandscape();
}

// 表Ⅱ-2's column O: which indicators reach their minimum and which reach the profile's floor
// (the form's 85%), by the form's codes.
std::string Remark(const Context& c, const LevelResult& level, const UnitResult& unit) {
  if (unit.status() == eval::kNotJudged && unit.missing_fields_size() == 1 &&
      unit.missing_fields(0) == "report") {
    return "未报送";
  }
  const double floor = c.profile().unit_miss_floor();
  std::vector<std::string> met, at_floor, under, missing;
  for (int i = 0; i < kIndicatorCount; ++i) {
    std::optional<double> value = ValueOf(unit, i);
    if (!value) {
      missing.push_back(FormCode(i));
    } else if (!Below(unit, i)) {
      met.push_back(FormCode(i));
    } else if (i < level.indicators_size() &&
               *value >= floor * level.indicators(i).unit_threshold()) {
      at_floor.push_back(FormCode(i));
    } else {
      under.push_back(FormCode(i));
    }
  }
  const std::string share = absl::StrCat(table::PeopleNumber(100 * floor), "%");
  std::vector<std::string> parts;
  if (met.size() == kIndicatorCount) parts.push_back("7项指标均达标");
  if (!met.empty() && met.size() < kIndicatorCount) {
    parts.push_back(absl::StrCat(absl::StrJoin(met, "、"), "达标"));
  }
  if (!at_floor.empty()) {
    parts.push_back(absl::StrCat(absl::StrJoin(at_floor, "、"), "达到", share));
  }
  if (!under.empty()) parts.push_back(absl::StrCat(absl::StrJoin(under, "、"), "未达到", share));
  if (!missing.empty()) parts.push_back(absl::StrCat(absl::StrJoin(missing, "、"), "数据未报"));
  std::vector<std::string> merged;
  for (const std::string& code : unit.merged_school_codes()) merged.push_back(c.SchoolName(code));
  if (!merged.empty()) parts.push_back(absl::StrCat("含教学点：", absl::StrJoin(merged, "、")));
  return absl::StrJoin(parts, "；");
}

// A unit's classes: its section's, plus those of the teaching points merged into it.
std::optional<double> Classes(const Context& c, const UnitResult& unit) {
  const bool primary = unit.section() == "primary";
  const catalog::Field<junheng::v1::SchoolReport>& field =
      primary ? catalog::report::primary_classes : catalog::report::junior_classes;
  const junheng::v1::SchoolReport* report = c.Report(unit.school_code());
  if (report == nullptr || !field.Number(*report)) return std::nullopt;
  double classes = *field.Number(*report);
  for (const std::string& code : unit.merged_school_codes()) {
    const junheng::v1::SchoolReport* merged = c.Report(code);
    if (merged != nullptr) classes += field.Number(*merged).value_or(0);
  }
  return classes;
}

void AddSchoolRows(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅱ-2");
  constexpr int kLastCol = 14;  // O
  sheet.Merge(0, 0, 0, kLastCol, "表Ⅱ-2  小学、初中资源配置基本情况（分学校）", TitleStyle());
  std::vector<std::string> headers = {"序号",     "学校名称", "举办者类型",
                                      "在校生数", "年级数",   "班级数"};
  for (int i = 0; i < kIndicatorCount; ++i) headers.push_back(IndicatorHeader(i));
  headers.push_back("该校综合评估是否达标");
  headers.push_back("备注（注明有哪几项指标达标，哪几项指标达到85%）");
  for (int col = 0; col <= kLastCol; ++col) {
    sheet.Text(1, col, headers[col], HeaderStyle());
    sheet.Text(2, col, col < kLastCol ? absl::StrCat("L", col + 1) : "", CodeStyle());
  }

  int row = 3;
  // Counts for the note's first part.
  int primary_units = 0, primary_multi = 0, primary_points = 0;
  int junior_units = 0, junior_multi = 0, junior_complete = 0;
  for (const char* level_word : kLevels) {
    const LevelResult* level = c.Level(level_word);
    const bool primary = std::string(level_word) == "primary";
    int number = 0;  // 序号 restarts at 1 for the junior units
    for (const UnitResult* u : IncludedUnits(level)) {
      const std::string& type = u->school_type();
      (primary ? primary_units : junior_units)++;
      if (MultiLevel(type)) (primary ? primary_multi : junior_multi)++;
      if (type == "teaching_point") ++primary_points;
      if (type == "complete_middle") ++junior_complete;

      std::string name = u->school_name().empty() ? u->school_code() : u->school_name();
      if (MultiLevel(type) || type == "complete_middle") {
        absl::StrAppend(&name, primary ? "（小学部）" : "（初中部）");
      }
      auto school = c.schools.find(u->school_code());
      const bool is_private = school != c.schools.end() && school->second->ownership() == "private";
      std::optional<double> grades;
      if (type != "teaching_point") grades = primary ? kPrimaryGrades : kJuniorGrades;

      sheet.Number(row, 0, ++number, NumberStyle(kInteger));
      sheet.Text(row, 1, name, TextStyle());
      sheet.Number(row, 2, is_private ? kPrivate : kCountyEducationBureau, NumberStyle(kInteger));
      sheet.Number(row, 3, u->students(), NumberStyle(kInteger));
      NumberOrEmpty(sheet, row, 4, grades, kInteger);
      NumberOrEmpty(sheet, row, 5, Classes(c, *u), kInteger);
      for (int i = 0; i < kIndicatorCount; ++i) {
        NumberOrEmpty(sheet, row, 6 + i, ValueOf(*u, i), kTwoDecimals, Below(*u, i));
      }
      // L14: "1" for a unit meeting the per-unit rule, otherwise blank (the 2012 填报说明).
      if (u->meets()) {
        sheet.Number(row, 13, 1, NumberStyle(kInteger));
      } else {
        sheet.Text(row, 13, "", NumberStyle(kInteger));
      }
      sheet.Text(row, 14, Remark(c, *level, *u), TextStyle());
      ++row;
    }
  }

  const int min_students = c.profile().teaching_point_min_students();
  const std::string note = absl::StrCat(
      "注：1．小学学校总数", primary_units, "所（其中：一贯制学校的小学部", primary_multi, "所，",
      min_students, "人及以上教学点", primary_points, "个），初中学校总数", junior_units,
      "所（其中：一贯制学校的初中部", junior_multi, "所，完全中学的初中部", junior_complete,
      "所）。\n2．", kOrganizerCodes, "\n3．L7-L13保留两位小数。");
  sheet.Merge(row, 0, row, kLastCol, note, NoteStyle());
  sheet.RowHeight(row, 60);
  sheet.RowHeight(1, 90);
  sheet.Freeze(3, 2);
  sheet.ColumnWidth(0, 0, 6);
  sheet.ColumnWidth(1, 1, 30);
  sheet.ColumnWidth(2, 5, 8);
  sheet.ColumnWidth(6, 12, 12);
  sheet.ColumnWidth(13, 13, 9);
  sheet.ColumnWidth(14, 14, 40);
  sheet.PrintLandscape();
}

void AddBalance(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅲ");
  sheet.Merge(0, 0, 0, 9, "表Ⅲ 县域义务教育校际均衡情况", TitleStyle());
  IndicatorHeaders(sheet, "综合");
  for (int l = 0; l < 2; ++l) {
    const int row = 3 + 2 * l;
    const LevelResult* level = c.Level(kLevels[l]);
    sheet.Merge(row, 0, row + 1, 0, l == 0 ? "小学" : "初中", HeaderStyle());
    sheet.Text(row, 1, "全县平均值", TextStyle());
    sheet.Text(row + 1, 1, "差异系数", TextStyle());
    for (int i = 0; i < kIndicatorCount; ++i) {
      const IndicatorResult* ind =
          level != nullptr && i < level->indicators_size() ? &level->indicators(i) : nullptr;
      if (ind == nullptr || ind->units() == 0) {
        sheet.Text(row, 2 + i, kNone, NumberStyle(kTwoDecimals));
        sheet.Text(row + 1, 2 + i, kNone, NumberStyle(kThreeDecimals));
        continue;
      }
      sheet.Number(row, 2 + i, ind->mean(), NumberStyle(kTwoDecimals));
      if (ind->cv().kind_case() == google::protobuf::Value::kNumberValue) {
        sheet.Number(row + 1, 2 + i, ind->cv().number_value(),
                     NumberStyle(kThreeDecimals, ind->status() == eval::kFail));
      } else {
        sheet.Text(row + 1, 2 + i, kNone, NumberStyle(kThreeDecimals));
      }
    }
    // J: no 综合 mean; the 综合 coefficient is the mean of the seven, shown, never the test.
    sheet.Text(row, 9, kNone, NumberStyle(kTwoDecimals));
    if (level != nullptr && level->mean_cv().kind_case() == google::protobuf::Value::kNumberValue) {
      sheet.Number(row + 1, 9, level->mean_cv().number_value(), NumberStyle(kThreeDecimals));
    } else {
      sheet.Text(row + 1, 9, kNone, NumberStyle(kThreeDecimals));
    }
  }
  sheet.Merge(7, 0, 7, 9, "全县平均值保留两位小数，差异系数保留三位小数。", NoteStyle());
  sheet.PrintLandscape();
}

}  // namespace

void AddResourceSheets(const Context& context, xlsx::Workbook& book) {
  AddSchoolsMeeting(context, book);
  AddSchoolRows(context, book);
  AddBalance(context, book);
}

}  // namespace junheng::render::forms
