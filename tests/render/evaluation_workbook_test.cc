// The evaluation as a workbook, read back with liborcus: every part of the message on its sheet,
// indicators and items by official name and id, failing cells dark, gaps in real units.
#include "common/render/evaluation_workbook.h"

#include <unistd.h>

#include <string>

#include "common/eval/evaluate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"
#include "tests/testing/xlsx_cells.h"

namespace junheng::render {
namespace {

using junheng::testing::SheetCells;
using junheng::testing::StoredInFull;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace build = eval::testing;

// Three primary schools, A3 (1000 students) below L1 and L2, and county facts without the
// consolidation rate: a failing county with a unit gap and an item not judged.
v1::Evaluation FailingCounty() {
  eval::EvaluationInput in = build::GoodPrimaryCounty();
  in.reports[2] = build::PrimaryReport("A3", 1000, {4, 0.9, 1, 5, 8, 2500, 3});
  in.county_facts->clear_consolidation_rate();
  return eval::Evaluate(in, build::National()).value();
}

class EvaluationWorkbookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    e_ = FailingCounty();
    const std::string path =
        ::testing::TempDir() + "/evaluation-workbook-test-" + std::to_string(getpid()) + ".xlsx";
    ASSERT_TRUE(WriteEvaluationWorkbook(e_, path).ok());
    auto cells = junheng::testing::ReadWorkbookCells(path);
    ASSERT_TRUE(cells.ok()) << cells.status();
    book_ = *cells;
  }
  const SheetCells& Sheet(const std::string& name) { return book_.sheets.at(name); }

  // The row (1-based) of the first cell in column `col` whose text is `text`, or 0.
  int RowOf(const SheetCells& s, const std::string& col, const std::string& text) {
    for (int row = 1; row < 200; ++row) {
      if (s.At(col + std::to_string(row)).text == text) return row;
    }
    return 0;
  }

  v1::Evaluation e_;
  junheng::testing::WorkbookCells book_;
};

TEST_F(EvaluationWorkbookTest, EveryPartOfTheEvaluationHasItsSheet) {
  EXPECT_THAT(book_.sheet_names, ElementsAre("结论", "未达标与无法判定", "资源配置指标", "评估单位",
                                             "评估项目", "学校问题", "学校达标", "规划进度",
                                             "差距分析（单位）", "差距分析（差异系数）"));
}

TEST_F(EvaluationWorkbookTest, VerdictSheetStatesTheOutcomeInChinese) {
  const SheetCells& s = Sheet("结论");
  EXPECT_THAT(s.At("A1").text, HasSubstr("教督〔2017〕6号"));
  EXPECT_EQ(s.At("A2").text, "项目");
  const int row = RowOf(s, "A", "评估结论");
  ASSERT_GT(row, 0);
  EXPECT_EQ(s.At("B" + std::to_string(row)).text, "未达标");
  EXPECT_TRUE(s.At("B" + std::to_string(row)).filled);
  EXPECT_EQ(s.At("B" + std::to_string(RowOf(s, "A", "评估标准"))).text,
            "national-2017 " + e_.profile().version());
  EXPECT_THAT(s.At("B" + std::to_string(RowOf(s, "A", "资源配置 小学"))).text,
              HasSubstr("未达标（2/3个单位达到单位规则）"));
}

TEST_F(EvaluationWorkbookTest, FailuresAndItemsNotJudgedAreListed) {
  const SheetCells& s = Sheet("未达标与无法判定");
  const int unit = RowOf(s, "B", "primary.unit.A3");
  ASSERT_GT(unit, 0);
  EXPECT_EQ(s.At("A" + std::to_string(unit)).text, "未达标");
  const int q1 = RowOf(s, "B", "Q1");
  ASSERT_GT(q1, 0);
  EXPECT_EQ(s.At("A" + std::to_string(q1)).text, "无法判定");
  EXPECT_EQ(s.At("C" + std::to_string(q1)).text, "初中三年巩固率");
}

TEST_F(EvaluationWorkbookTest, IndicatorsCarryIdNameMeanAndCoefficient) {
  const SheetCells& s = Sheet("资源配置指标");
  const v1::IndicatorResult& l2 = e_.levels(0).indicators(1);
  const int row = 3 + 1;  // title, labels, then primary L1, L2
  EXPECT_EQ(s.At("A" + std::to_string(row)).text, "小学");
  EXPECT_EQ(s.At("B" + std::to_string(row)).text, "L2");
  EXPECT_EQ(s.At("C" + std::to_string(row)).text, "每百名学生拥有县级及以上骨干教师数");
  EXPECT_TRUE(StoredInFull(s.At("H" + std::to_string(row)).number, l2.mean()));
  EXPECT_EQ(s.At("H" + std::to_string(row)).number_format, "0.00");
  EXPECT_TRUE(StoredInFull(s.At("J" + std::to_string(row)).number, l2.cv().number_value()));
  EXPECT_EQ(s.At("J" + std::to_string(row)).number_format, "0.000");
  EXPECT_EQ(s.At("L" + std::to_string(row)).text, "达标");
}

TEST_F(EvaluationWorkbookTest, UnitsShowSevenValuesWithTheFailingOnesDark) {
  const SheetCells& s = Sheet("评估单位");
  EXPECT_EQ(s.At("F2").text, "L1 每百名学生拥有高于规定学历教师数");
  EXPECT_EQ(s.At("L2").text, "L7 每百名学生拥有网络多媒体教室数");
  const int row = RowOf(s, "B", "A3");
  ASSERT_GT(row, 0);
  const std::string r = std::to_string(row);
  EXPECT_EQ(s.At("E" + r).number, 1000);
  EXPECT_EQ(s.At("F" + r).number, 4);
  EXPECT_TRUE(s.At("F" + r).filled) << "L1 4.0 < 4.2";
  EXPECT_TRUE(s.At("G" + r).filled) << "L2 0.9 < 1.0";
  EXPECT_FALSE(s.At("H" + r).filled);
  EXPECT_EQ(s.At("N" + r).text, "未达标");
  EXPECT_EQ(s.At("O" + r).text, "L1、L2");
}

TEST_F(EvaluationWorkbookTest, ItemsAreListedByIdAndOfficialName) {
  const SheetCells& s = Sheet("评估项目");
  const int g14 = RowOf(s, "A", "G14");
  ASSERT_GT(g14, 0);
  const std::string r = std::to_string(g14);
  EXPECT_EQ(s.At("B" + r).text, "优质高中招生名额分配到区域内初中的比例");
  EXPECT_EQ(s.At("C" + r).text, "政府保障程度");
  EXPECT_EQ(s.At("D" + r).text, "县级数据");
  EXPECT_EQ(s.At("F" + r).number, 0.82);
  EXPECT_EQ(s.At("G" + r).number, 0.5);
  // A composite value names its parts in Chinese.
  const std::string g8 = std::to_string(RowOf(s, "A", "G8"));
  EXPECT_THAT(s.At("F" + g8).text, HasSubstr("教师平均工资与当地公务员平均工资之比 1.02"));
  // All 31 items in catalogue order (rows 3-33), then the note.
  EXPECT_EQ(s.At("A3").text, "G1");
  EXPECT_EQ(s.At("A33").text, "V6");
  EXPECT_EQ(s.At("A34").text, "比例均为小数（0.95 即 95%）。");
}

TEST_F(EvaluationWorkbookTest, UnitGapsAreInRealUnits) {
  const SheetCells& s = Sheet("差距分析（单位）");
  const int row = RowOf(s, "B", "L1");
  ASSERT_GT(row, 0);
  const std::string r = std::to_string(row);
  EXPECT_EQ(s.At("D" + r).text, "A3");
  EXPECT_EQ(s.At("E" + r).text, "学校A3");
  EXPECT_EQ(s.At("H" + r).number, 2) << "4.2 per hundred of 1000 students: 42, has 40";
  EXPECT_EQ(s.At("I" + r).text, "人");
  EXPECT_EQ(s.At("J" + r).text, "小学高于规定学历教师数");
  EXPECT_EQ(s.At("L" + r).text, "是");
}

TEST_F(EvaluationWorkbookTest, SchoolStandardAndPlanSheets) {
  const SheetCells& standard = Sheet("学校达标");
  const int row = RowOf(standard, "A", "A3");
  ASSERT_GT(row, 0);
  EXPECT_EQ(standard.At("D" + std::to_string(row)).text, "未达标");
  EXPECT_EQ(Sheet("差距分析（差异系数）").At("A3").text, "无：每项指标的差异系数均在上限以内。");
}

}  // namespace
}  // namespace junheng::render
