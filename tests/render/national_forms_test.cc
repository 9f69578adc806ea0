// The national forms (申报表 表Ⅰ-表Ⅵ) of a county with every kind of unit, written and read back
// with liborcus: sheet names, titles, merges, L-code rows, notes, number formats, the pass "1",
// the dark fills, one row per section of a one-through or complete middle school, and the fill-in
// sentences built from the data.
#include "common/render/national_forms.h"

#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/eval/evaluate.h"
#include "common/eval/indicators.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"
#include "tests/testing/xlsx_cells.h"

namespace junheng::render {
namespace {

using junheng::testing::SheetCells;
using junheng::testing::StoredInFull;
using junheng::v1::SchoolReport;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace build = eval::testing;

std::string Col(int index) { return std::string(1, static_cast<char>('A' + index)); }
std::string At(int col, int row) { return Col(col) + std::to_string(row); }

// A junior section of `students` with teachers and facilities per the given values per hundred.
void Junior(SchoolReport& r, int students, int above, int backbone, int pe_art) {
  r.set_junior_students(students);
  r.set_junior_classes(students / 45 + 1);
  r.set_junior_max_class_size(45);
  r.set_junior_teachers(above + 4);
  r.set_junior_teachers_above_degree(above);
  r.set_junior_backbone_teachers(backbone);
  r.set_junior_pe_art_teachers(pe_art);
}

void Primary(SchoolReport& r, int students, int above, int backbone, int pe_art) {
  r.set_primary_students(students);
  r.set_primary_classes(students / 40 + 1);
  r.set_primary_max_class_size(40);
  r.set_primary_teachers(above + 3);
  r.set_primary_teachers_above_degree(above);
  r.set_primary_backbone_teachers(backbone);
  r.set_primary_pe_art_teachers(pe_art);
}

void Facilities(SchoolReport& r, double area, double sports, double equipment, int rooms) {
  r.set_teaching_aux_area_m2(area);
  r.set_sports_area_m2(sports);
  r.set_equipment_value_yuan(equipment);
  r.set_multimedia_classrooms(rooms);
}

SchoolReport Report(const std::string& code) {
  SchoolReport r;
  r.set_school_code(code);
  r.set_period("2024");
  return r;
}

// Two primary schools (one failing L2 below 85%), a nine-year, a twelve-year and a complete
// middle school (split into sections), a junior school, a teaching point of 60 students (a unit)
// and one of 20 (excluded); good county facts with some of the forms' figures.
eval::EvaluationInput MixedCounty() {
  eval::EvaluationInput in;
  in.county_code = "140430";
  in.period = "2024";
  auto add = [&](const std::string& code, const std::string& type, SchoolReport r) {
    in.registry.push_back(build::MakeSchool(code, type));
    int teachers = r.primary_teachers() + r.junior_teachers();
    build::FillSchoolItems(r, teachers, r.primary_classes() + r.junior_classes());
    in.reports.push_back(r);
  };
  SchoolReport p1 = build::PrimaryReport("P1", 300, build::kGoodPrimary);
  add("P1", "primary", p1);
  SchoolReport p2 = build::PrimaryReport("P2", 200, {5, 0.5, 1, 5, 8, 2500, 3});  // L2 0.5 < 0.85
  add("P2", "primary", p2);
  SchoolReport n1 = Report("N1");
  Primary(n1, 400, 20, 6, 5);
  Junior(n1, 300, 18, 4, 4);
  Facilities(n1, 4300, 7600, 1700000, 18);
  add("N1", "nine_year", n1);
  SchoolReport t1 = Report("T1");
  Primary(t1, 200, 10, 3, 2);
  Junior(t1, 200, 12, 3, 2);
  t1.set_senior_students(300);
  Facilities(t1, 5400, 9800, 2500000, 17);
  add("T1", "twelve_year", t1);
  SchoolReport c1 = Report("C1");
  Junior(c1, 500, 30, 6, 5);
  c1.set_senior_students(400);
  Facilities(c1, 5800, 10500, 2600000, 25);
  add("C1", "complete_middle", c1);
  SchoolReport j1 = Report("J1");
  Junior(j1, 600, 35, 7, 6);
  Facilities(j1, 3600, 6300, 1600000, 15);
  add("J1", "junior", j1);
  add("TP1", "teaching_point", build::PrimaryReport("TP1", 60, build::kGoodPrimary));
  add("TP2", "teaching_point", build::PrimaryReport("TP2", 20, build::kGoodPrimary));
  in.registry.back().set_ownership("private");  // 举办者类型 10 (TP2 is excluded anyway)
  in.registry[0].set_ownership("private");      // P1: 民办, code 10

  v1::CountyFacts f = build::GoodFacts();
  f.set_population_10k(15.734);
  f.set_agricultural_population_10k(11.2);
  f.set_towns(13);
  f.set_gdp_per_capita_yuan(38512.4);
  f.set_primary_staff(1450);
  f.set_special_ed_public_funds_yuan(456000);
  f.set_special_ed_students(70);
  f.set_quality_hs_places(800);
  f.set_quality_hs_places_allocated(656);
  f.set_quality_hs_places_rural(400);
  f.set_survey_total(1100);
  f.set_parent_survey_total(500);
  f.set_parent_survey_valid(480);
  f.set_parent_survey_satisfied(430);
  in.county_facts = f;
  return in;
}

class NationalFormsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto data = eval::EvaluateWithInput(MixedCounty(), build::National());
    ASSERT_TRUE(data.ok()) << data.status();
    data_ = *data;
    path_ = ::testing::TempDir() + "/national-forms-test-" + std::to_string(getpid()) + ".xlsx";
    ASSERT_TRUE(WriteNationalForms(data_, path_).ok());
    auto cells = junheng::testing::ReadWorkbookCells(path_);
    ASSERT_TRUE(cells.ok()) << cells.status();
    book_ = *cells;
  }

  const SheetCells& Sheet(const std::string& name) { return book_.sheets.at(name); }
  const v1::LevelResult& Level(int i) { return data_.evaluation().levels(i); }
  std::vector<const v1::UnitResult*> Included(int level) {
    std::vector<const v1::UnitResult*> units;
    for (const auto& u : Level(level).units()) {
      if (!u.excluded()) units.push_back(&u);
    }
    return units;
  }

  v1::EvaluationWithInput data_;
  std::string path_;
  junheng::testing::WorkbookCells book_;
};

TEST_F(NationalFormsTest, OneSheetPerTableWithItsTitle) {
  EXPECT_THAT(book_.sheet_names, ElementsAre("表Ⅰ", "表Ⅱ-1", "表Ⅱ-2", "表Ⅲ", "表Ⅳ", "表Ⅴ", "表Ⅵ"));
  EXPECT_EQ(Sheet("表Ⅰ").At("A1").text, "表 I  义务教育优质均衡发展县(市、区)基本情况");
  EXPECT_EQ(Sheet("表Ⅱ-1").At("A1").text, "表Ⅱ-1  小学、初中资源配置基本情况");
  EXPECT_EQ(Sheet("表Ⅱ-2").At("A1").text, "表Ⅱ-2  小学、初中资源配置基本情况（分学校）");
  EXPECT_EQ(Sheet("表Ⅲ").At("A1").text, "表Ⅲ 县域义务教育校际均衡情况");
  EXPECT_EQ(Sheet("表Ⅳ").At("A1").text, "表Ⅳ 政府保障程度评估指标指标");
  EXPECT_EQ(Sheet("表Ⅴ").At("A1").text, "表Ⅴ 教育质量评估指标指标");
  EXPECT_EQ(Sheet("表Ⅵ").At("A1").text, "表Ⅵ 社会认可度调查情况");
  EXPECT_TRUE(Sheet("表Ⅰ").IsMerged("A1", "X1"));
  EXPECT_TRUE(Sheet("表Ⅱ-2").IsMerged("A1", "O1"));
  EXPECT_TRUE(Sheet("表Ⅲ").IsMerged("A1", "J1"));
  EXPECT_TRUE(Sheet("表Ⅳ").IsMerged("A1", "C1"));
}

TEST_F(NationalFormsTest, BasicSheetHasTheFormsMergesCodesAndCountyFigures) {
  const SheetCells& s = Sheet("表Ⅰ");
  for (const char* range :
       {"A5:D5", "E5:H5", "I5:M5", "O5:P5", "Q5:R5", "S5:T5", "U5:X5", "U6:V6", "W6:X6"}) {
    std::string r(range);
    EXPECT_TRUE(s.IsMerged(r.substr(0, r.find(':')), r.substr(r.find(':') + 1))) << range;
  }
  EXPECT_EQ(s.At("A5").text, "自然情况");
  EXPECT_EQ(s.At("U5").text, "教职工数(人)");
  EXPECT_EQ(s.At("V7").text, "其中专任教师");
  EXPECT_EQ(s.At("P6").text, "其中：50人及以上");
  for (int col = 0; col < 24; ++col) {
    EXPECT_EQ(s.At(At(col, 8)).text, "L" + std::to_string(col + 1)) << Col(col);
  }
  // Entered facts at full precision, rounded by the format.
  EXPECT_EQ(s.At("A9").number, 15.734);
  EXPECT_EQ(s.At("A9").number_format, "0.00");
  EXPECT_EQ(s.At("E9").number, 38512.4);
  EXPECT_EQ(s.At("C9").number, 13);
  EXPECT_FALSE(s.At("D9").number.has_value()) << "administrative_villages was not entered";
  // From the registry: 2 primary, 1 nine-year, 1 junior, 1 complete middle, 1 twelve-year, 2
  // teaching points of which 1 has at least 50 students.
  EXPECT_EQ(s.At("I9").number, 2);
  EXPECT_EQ(s.At("J9").number, 1);
  EXPECT_EQ(s.At("K9").number, 1);
  EXPECT_EQ(s.At("L9").number, 1);
  EXPECT_EQ(s.At("M9").number, 1);
  EXPECT_EQ(s.At("O9").number, 2);
  EXPECT_EQ(s.At("P9").number, 1);
  // From the reports: primary students of P1, P2, TP1, TP2 and the primary parts of N1, T1.
  EXPECT_EQ(s.At("S9").number, 300 + 200 + 60 + 20 + 400 + 200);
  EXPECT_EQ(s.At("T9").number, 300 + 200 + 500 + 600);
  EXPECT_EQ(s.At("U9").number, 1450);
  double primary_teachers = 0;
  for (const SchoolReport& r : data_.reports()) primary_teachers += r.primary_teachers();
  EXPECT_EQ(s.At("V9").number, primary_teachers);
  EXPECT_TRUE(s.IsMerged("A11", "X11"));
  EXPECT_THAT(s.At("A11").text, StartsWith("“人口总数”和“农业人口数”按常住人口统计"));
}

// The acceptance of issue 11 in miniature (the demo county's is in tests/integration): each unit
// value and coefficient is the evaluation's own at full precision, shown as the notes say.
TEST_F(NationalFormsTest, SchoolRowsAreTheEvaluationsUnitValuesWithFillsAndPasses) {
  const SheetCells& s = Sheet("表Ⅱ-2");
  const std::vector<std::string> codes = {"L1", "L2", "L3",  "L4",  "L5",  "L6",  "L7",
                                          "L8", "L9", "L10", "L11", "L12", "L13", "L14"};
  for (int col = 0; col < 14; ++col) EXPECT_EQ(s.At(At(col, 3)).text, codes[col]);
  EXPECT_EQ(s.At("O2").text, "备注（注明有哪几项指标达标，哪几项指标达到85%）");

  int row = 4;
  bool saw_fill = false, saw_pass = false, saw_blank_pass = false;
  for (int level = 0; level < 2; ++level) {
    int number = 0;
    for (const v1::UnitResult* u : Included(level)) {
      SCOPED_TRACE(u->school_code() + " " + u->section());
      EXPECT_EQ(s.At(At(0, row)).number, ++number) << "序号 restarts for the junior units";
      EXPECT_THAT(s.At(At(1, row)).text, StartsWith(u->school_name()));
      EXPECT_EQ(s.At(At(3, row)).number, u->students());
      eval::IndicatorArray values = eval::FromMessage(u->values());
      for (int i = 0; i < eval::kIndicatorCount; ++i) {
        const auto cell = s.At(At(6 + i, row));
        EXPECT_TRUE(StoredInFull(cell.number, values[i])) << eval::Indicator(i).id;
        EXPECT_EQ(cell.number_format, "0.00");
        bool below = std::count(u->below().begin(), u->below().end(), eval::Indicator(i).id) > 0;
        EXPECT_EQ(cell.filled, below) << eval::Indicator(i).id;
        if (below) {
          EXPECT_EQ(cell.fill_rgb, 0x7F7F7Fu) << "the dark fill of the 填报说明";
        }
        saw_fill = saw_fill || below;
      }
      if (u->meets()) {
        EXPECT_EQ(s.At(At(13, row)).number, 1);
        saw_pass = true;
      } else {
        EXPECT_FALSE(s.At(At(13, row)).number.has_value());
        saw_blank_pass = true;
      }
      ++row;
    }
  }
  EXPECT_TRUE(saw_fill && saw_pass && saw_blank_pass) << "the county shows each case";
  EXPECT_TRUE(s.IsMerged(At(0, row), At(14, row)));
  EXPECT_THAT(s.At(At(0, row)).text,
              HasSubstr("小学学校总数5所（其中：一贯制学校的小学部2所，50人及以上教学点1个），"
                        "初中学校总数4所（其中：一贯制学校的初中部2所，完全中学的初中部1所）"));
  EXPECT_THAT(s.At(At(0, row)).text, HasSubstr("7县级教育部门"));
  EXPECT_THAT(s.At(At(0, row)).text, HasSubstr("L7-L13保留两位小数"));
}

TEST_F(NationalFormsTest, EachSectionOfAOneThroughSchoolIsItsOwnRow) {
  const SheetCells& s = Sheet("表Ⅱ-2");
  std::vector<std::string> names;
  for (int row = 4; !s.At(At(1, row)).text.empty(); ++row) names.push_back(s.At(At(1, row)).text);
  EXPECT_THAT(names,
              ElementsAre("学校N1（小学部）", "学校P1", "学校P2", "学校T1（小学部）", "学校TP1",
                          "学校C1（初中部）", "学校J1", "学校N1（初中部）", "学校T1（初中部）"));
  // P1 is private (民办, 10), the others public (county bureau, 7); grades 6 and 3, none for a
  // teaching point; classes from the section's own report.
  EXPECT_EQ(s.At("C5").number, 10);
  EXPECT_EQ(s.At("C4").number, 7);
  EXPECT_EQ(s.At("E4").number, 6);
  EXPECT_EQ(s.At("E11").number, 3);
  EXPECT_FALSE(s.At("E8").number.has_value()) << "teaching point";
  EXPECT_EQ(s.At("F4").number, data_.reports(2).primary_classes());
  EXPECT_EQ(s.At("F11").number, data_.reports(2).junior_classes());
  // P2 misses L2 (the form's L8) below 85%.
  EXPECT_THAT(s.At("O6").text, HasSubstr("L8未达到85%"));
}

TEST_F(NationalFormsTest, BalanceSheetHoldsMeansAndCoefficientsAsTheNoteSays) {
  const SheetCells& s = Sheet("表Ⅲ");
  EXPECT_TRUE(s.IsMerged("A2", "B3"));
  EXPECT_TRUE(s.IsMerged("A4", "A5"));
  EXPECT_TRUE(s.IsMerged("A6", "A7"));
  EXPECT_EQ(s.At("C2").text, "每百名学生拥有高于规定学历教师数");
  EXPECT_EQ(s.At("F2").text, "生均教学及辅助用房面积（㎡）");
  EXPECT_EQ(s.At("H2").text, "生均教学仪器设备值(元)");
  EXPECT_EQ(s.At("J2").text, "综合");
  EXPECT_EQ(s.At("J3").text, "L8");
  for (int level = 0; level < 2; ++level) {
    const int row = 4 + 2 * level;
    for (int i = 0; i < eval::kIndicatorCount; ++i) {
      const v1::IndicatorResult& ind = Level(level).indicators(i);
      EXPECT_TRUE(StoredInFull(s.At(At(2 + i, row)).number, ind.mean()));
      EXPECT_EQ(s.At(At(2 + i, row)).number_format, "0.00");
      EXPECT_TRUE(StoredInFull(s.At(At(2 + i, row + 1)).number, ind.cv().number_value()));
      EXPECT_EQ(s.At(At(2 + i, row + 1)).number_format, "0.000");
      EXPECT_EQ(s.At(At(2 + i, row + 1)).filled, ind.status() == "fail");
    }
    EXPECT_EQ(s.At(At(9, row)).text, "——") << "no 综合 mean";
    EXPECT_TRUE(StoredInFull(s.At(At(9, row + 1)).number, Level(level).mean_cv().number_value()));
  }
  EXPECT_TRUE(s.IsMerged("A8", "J8"));
  EXPECT_EQ(s.At("A8").text, "全县平均值保留两位小数，差异系数保留三位小数。");
}

TEST_F(NationalFormsTest, SchoolsMeetingCountsUnitsPerIndicator) {
  const SheetCells& s = Sheet("表Ⅱ-1");
  EXPECT_EQ(s.At("J2").text, "综合评估");
  EXPECT_EQ(s.At("B5").text, "达标学校比例（%）");
  const auto units = Included(0);
  int meeting = 0;
  for (const auto* u : units) meeting += u->meets();
  EXPECT_EQ(s.At("J4").number, meeting);
  EXPECT_TRUE(StoredInFull(s.At("J5").number, 100.0 * meeting / units.size()));
  EXPECT_EQ(s.At("J5").number_format, "0.0");
  EXPECT_EQ(s.At("J5").filled, meeting < static_cast<int>(units.size()));
  int l2 = 0;
  for (const auto* u : units) l2 += std::count(u->below().begin(), u->below().end(), "L2") == 0;
  EXPECT_EQ(s.At("D4").number, l2);
}

TEST_F(NationalFormsTest, GovernmentSheetSentencesComeFromTheData) {
  const SheetCells& s = Sheet("表Ⅳ");
  EXPECT_EQ(s.At("A2").text, "名称");
  EXPECT_EQ(s.At("B2").text, "指标值或简要结论");
  EXPECT_EQ(s.At("C2").text, "是否达标");
  EXPECT_EQ(s.At("A12").text, "名称") << "the header repeats where the printed form turns the page";
  EXPECT_THAT(s.At("A3").text, StartsWith("1．县域内义务教育学校规划布局合理"));
  EXPECT_THAT(s.At("A3").text, HasSubstr("（G1）"));
  EXPECT_THAT(s.At("A19").text, StartsWith("15．"));
  EXPECT_EQ(s.At("B3").text, "学校布局规划合理：是");
  EXPECT_EQ(s.At("C3").text, "是");
  EXPECT_EQ(s.At("B6").text, "超过2000人的小学0所，初中0所，超过2500人的一贯制学校0所");
  EXPECT_EQ(s.At("B7").text, "超过45人的小学班级0个，超过50人的初中班级0个")
      << "every largest class is within its limit, so no class is over";
  EXPECT_EQ(s.At("B9").text,
            "特殊教育学校公用经费为46万元，特殊教育学生数为70人，特殊教育学校生均公用经费为6500元");
  EXPECT_EQ(s.At("B10").text.rfind("全县义务教育学校教师年平均工资收入为＿元", 0), 0u)
      << "not entered: a blank, never 0";
  EXPECT_EQ(s.At("B18").text,
            "优质高中招生名额总数800人，分配名额656人，占比82.0%；其中分配农村学校的名额400人，"
            "占分配名额总数的61.0%");
  EXPECT_TRUE(s.IsMerged("A20", "C20"));
  EXPECT_EQ(s.At("A20").text, "表中所有比例数值保留一位小数，其余保留整数。");
  // A failing item: 否 with the dark fill.
  const v1::ItemResult* g3 = build::FindItem(data_.evaluation(), "G3");
  ASSERT_NE(g3, nullptr);
  EXPECT_EQ(s.At("C5").text, g3->status() == "pass" ? "是" : "否");
  EXPECT_EQ(s.At("C5").filled, g3->status() == "fail");
}

TEST_F(NationalFormsTest, QualityAndRecognitionSheets) {
  const SheetCells& q = Sheet("表Ⅴ");
  EXPECT_TRUE(q.IsMerged("A2", "A3"));
  EXPECT_TRUE(q.IsMerged("C2", "C3"));
  EXPECT_THAT(q.At("A4").text, StartsWith("1．初中三年巩固率"));
  EXPECT_THAT(q.At("B4").text, HasSubstr("巩固率99.5%"));
  EXPECT_EQ(q.At("B12").text,
            "语文＿级、校际差异率＿；数学Ⅲ级、校际差异率0.12；科学＿级、校际差异率＿；体育＿级、"
            "校际差异率＿；艺术＿级、校际差异率＿；德育＿级、校际差异率＿");
  EXPECT_EQ(q.At("B6").text, "制定章程，实现学校管理与教学信息化：全县8所学校均达到");

  const SheetCells& r = Sheet("表Ⅵ");
  EXPECT_TRUE(r.IsMerged("B2", "D2"));
  EXPECT_TRUE(r.IsMerged("C3", "D3"));
  EXPECT_TRUE(r.IsMerged("F2", "G2"));
  for (int col = 1; col <= 7; ++col) {
    EXPECT_EQ(r.At(At(col, 5)).text, "L" + std::to_string(col));
  }
  EXPECT_EQ(r.At("A6").text, "计");
  EXPECT_EQ(r.At("A7").text, "其中：家长");
  EXPECT_EQ(r.At("B6").number, 1100);
  EXPECT_EQ(r.At("C6").number, 1000);
  EXPECT_EQ(r.At("D6").number, 900);
  EXPECT_DOUBLE_EQ(*r.At("E6").number, 90.0);
  EXPECT_EQ(r.At("E6").number_format, "0.0");
  EXPECT_DOUBLE_EQ(*r.At("E7").number, 100.0 * 430 / 480);
  EXPECT_FALSE(r.At("F6").number.has_value()) << "visits were not entered";
}

TEST(NationalFormsWithoutFactsTest, FiguresNobodyEnteredStayBlank) {
  eval::EvaluationInput in = build::GoodPrimaryCounty();
  in.county_facts.reset();
  auto data = eval::EvaluateWithInput(in, build::National());
  ASSERT_TRUE(data.ok());
  const std::string path =
      ::testing::TempDir() + "/national-forms-no-facts-" + std::to_string(getpid()) + ".xlsx";
  ASSERT_TRUE(WriteNationalForms(*data, path).ok());
  auto book = junheng::testing::ReadWorkbookCells(path);
  ASSERT_TRUE(book.ok()) << book.status();
  const SheetCells& basic = book->sheets.at("表Ⅰ");
  EXPECT_FALSE(basic.At("A9").number.has_value());
  EXPECT_EQ(basic.At("I9").number, 3) << "derived from the registry all the same";
  const SheetCells& gov = book->sheets.at("表Ⅳ");
  EXPECT_EQ(gov.At("B3").text, "学校布局规划合理：未填报");
  EXPECT_EQ(gov.At("C3").text, "无法判定");
  EXPECT_FALSE(gov.At("C3").filled);
  // No junior level: 表Ⅲ says so instead of printing zeros.
  const SheetCells& balance = book->sheets.at("表Ⅲ");
  EXPECT_EQ(balance.At("C6").text, "——");
  EXPECT_EQ(balance.At("C7").text, "——");
}

}  // namespace
}  // namespace junheng::render
