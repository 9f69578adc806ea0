// 表Ⅰ 义务教育优质均衡发展县(市、区)基本情况 (national-forms.md): A1:X11, a three-level header in
// rows 5-7, the codes L1-L24 in row 8, the county in row 9, the note merged in A11:X11.
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/render/forms_sheets.h"

namespace junheng::render::forms {
namespace {

namespace facts = catalog::county_facts;

constexpr int kColumns = 24;
constexpr int kGroupRow = 4;  // row 5
constexpr int kCodeRow = 7;   // row 8
constexpr int kDataRow = 8;   // row 9
constexpr int kNoteRow = 10;  // row 11

struct Column {
  std::string header;  // row 6 (or row 7 under a row-6 group)
  std::optional<double> value;
  const char* format;
};

}  // namespace

void AddBasicSheet(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅰ");
  const CountyFigures& f = c.figures;
  const int min_students = c.profile().teaching_point_min_students();
  const std::vector<Column> columns = {
      {"人口总数(万人)", c.Fact(facts::population_10k), kTwoDecimals},
      {"农业人口数(万人)", c.Fact(facts::agricultural_population_10k), kTwoDecimals},
      {"乡镇数(个)", c.Fact(facts::towns), kInteger},
      {"行政村数(个)", c.Fact(facts::administrative_villages), kInteger},
      {"年人均国内生产总值(元)", c.Fact(facts::gdp_per_capita_yuan), kInteger},
      {"年人均地方财政收入(元)", c.Fact(facts::fiscal_revenue_per_capita_yuan), kInteger},
      {"农民年人均纯收入(元)", c.Fact(facts::rural_income_per_capita_yuan), kInteger},
      {"城镇居民年人均可支配收入(元)", c.Fact(facts::urban_income_per_capita_yuan), kInteger},
      {"小学", f.primary_schools, kInteger},
      {"九年一贯制学校", f.nine_year_schools, kInteger},
      {"初中", f.junior_schools, kInteger},
      {"完全中学", f.complete_middle_schools, kInteger},
      {"十二年一贯制学校", f.twelve_year_schools, kInteger},
      {"特殊教育学校(所)", c.Fact(facts::special_ed_schools), kInteger},
      {"计", f.teaching_points, kInteger},
      {absl::StrCat("其中：", min_students, "人及以上"), f.teaching_points_at_min, kInteger},
      {"小学", f.primary.classes, kInteger},
      {"初中", f.junior.classes, kInteger},
      {"小学", f.primary.students, kInteger},
      {"初中", f.junior.students, kInteger},
      {"合计", c.Fact(facts::primary_staff), kInteger},
      {"其中专任教师", f.primary.teachers, kInteger},
      {"合计", c.Fact(facts::junior_staff), kInteger},
      {"其中专任教师", f.junior.teachers, kInteger},
  };

  sheet.Merge(0, 0, 0, kColumns - 1, "表 I  义务教育优质均衡发展县(市、区)基本情况", TitleStyle());
  sheet.Merge(2, 0, 2, kColumns - 1,
              absl::StrCat("县（市、区）行政区划代码：", c.evaluation().county_code(),
                           "　　　数据期：", c.evaluation().period()),
              xlsx::Style{});

  const xlsx::Style header = HeaderStyle();
  // Row 5: the groups; a single-level column (特殊教育学校) spans rows 5-7.
  sheet.Merge(kGroupRow, 0, kGroupRow, 3, "自然情况", header);
  sheet.Merge(kGroupRow, 4, kGroupRow, 7, "经济情况", header);
  sheet.Merge(kGroupRow, 8, kGroupRow, 12, "普通中小学校数(所)", header);
  sheet.Merge(kGroupRow, 13, kGroupRow + 2, 13, columns[13].header, header);
  sheet.Merge(kGroupRow, 14, kGroupRow, 15, "小学教学点数(个)", header);
  sheet.Merge(kGroupRow, 16, kGroupRow, 17, "教学班数(个)", header);
  sheet.Merge(kGroupRow, 18, kGroupRow, 19, "在校学生数(人)", header);
  sheet.Merge(kGroupRow, 20, kGroupRow, 23, "教职工数(人)", header);
  // Rows 6-7: the columns under a one-level group span both rows; 教职工数 has two more levels.
  for (int col = 0; col < 20; ++col) {
    if (col == 13) continue;
    sheet.Merge(kGroupRow + 1, col, kGroupRow + 2, col, columns[col].header, header);
  }
  sheet.Merge(kGroupRow + 1, 20, kGroupRow + 1, 21, "小学", header);
  sheet.Merge(kGroupRow + 1, 22, kGroupRow + 1, 23, "初中", header);
  for (int col = 20; col < kColumns; ++col) {
    sheet.Text(kGroupRow + 2, col, columns[col].header, header);
  }

  for (int col = 0; col < kColumns; ++col) {
    sheet.Text(kCodeRow, col, absl::StrCat("L", col + 1), CodeStyle());
    NumberOrEmpty(sheet, kDataRow, col, columns[col].value, columns[col].format);
  }

  std::string note =
      "“人口总数”和“农业人口数”按常住人口统计，数字保留两位小数。L5-L8 列数字保留整数。";
  if (f.schools_without_report > 0) {
    absl::StrAppend(&note, "本期有", f.schools_without_report,
                    "所学校未报送，L16-L20、L22、L24 不含其数据。");
  }
  sheet.Merge(kNoteRow, 0, kNoteRow, kColumns - 1, note, NoteStyle());
  sheet.RowHeight(kGroupRow + 1, 30);
  sheet.RowHeight(kGroupRow + 2, 30);
  sheet.RowHeight(kNoteRow, 30);
  sheet.ColumnWidth(0, kColumns - 1, 9);
  sheet.PrintLandscape();
}

}  // namespace junheng::render::forms
