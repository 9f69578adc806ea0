#include "common/eval/levels.h"

#include "common/eval/evaluate.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using testing::GoodPrimaryCounty;
using testing::kGoodPrimary;
using testing::MakeSchool;
using testing::National;
using testing::PrimaryReport;

const v1::LevelResult& Primary(const v1::Evaluation& e) { return e.levels(0); }

TEST(LevelsTest, IdenticalUnitsPassWithZeroCoefficients) {
  v1::Evaluation e = Evaluate(GoodPrimaryCounty(), National()).value();
  const v1::LevelResult& level = Primary(e);
  EXPECT_EQ(level.level(), "primary");
  EXPECT_TRUE(level.pass());
  ASSERT_EQ(level.indicators_size(), 7);
  for (const auto& ind : level.indicators()) {
    EXPECT_EQ(ind.cv().number_value(), 0) << ind.id();
    EXPECT_TRUE(ind.pass());
    EXPECT_EQ(ind.threshold(), 0.5);
  }
}

// Two units of 100 students that both meet the per-unit rule, with the spread on L6: 2000 and 10000
// yuan per student. Mean
// 6000, sd 4000, CV 0.667 > 0.50, while the other six coefficients are 0: the mean of the seven
// (0.095) would pass the old 2012 test; the level must still fail.
TEST(LevelsTest, MeanCoefficientPassingDoesNotSaveAFailingIndicator) {
  EvaluationInput in = GoodPrimaryCounty();
  in.registry.resize(2);
  in.reports.clear();
  std::array<double, 7> low = kGoodPrimary;
  std::array<double, 7> high = kGoodPrimary;
  low[5] = 2000;
  high[5] = 10000;
  in.reports.push_back(PrimaryReport("A1", 100, low));
  in.reports.push_back(PrimaryReport("A2", 100, high));
  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::LevelResult& level = Primary(e);
  EXPECT_EQ(level.units_meeting(), 2);
  const v1::IndicatorResult& l6 = level.indicators(5);
  EXPECT_EQ(l6.id(), "L6");
  EXPECT_NEAR(l6.mean(), 6000, 1e-9);
  EXPECT_NEAR(l6.sd(), 4000, 1e-9);
  EXPECT_NEAR(l6.cv().number_value(), 4000.0 / 6000, 1e-12);
  EXPECT_FALSE(l6.pass());
  EXPECT_NEAR(level.mean_cv().number_value(), 4000.0 / 6000 / 7, 1e-12);
  EXPECT_LT(level.mean_cv().number_value(), 0.5);
  EXPECT_FALSE(level.pass());
  EXPECT_EQ(level.status(), "fail");
  EXPECT_FALSE(e.verdict().pass());
  bool listed = false;
  for (const auto& f : e.verdict().failures()) {
    if (f.id() == "primary.L6") {
      listed = true;
      EXPECT_NEAR(f.value().number_value(), 4000.0 / 6000, 1e-12);
      EXPECT_EQ(f.threshold().number_value(), 0.5);
      EXPECT_NEAR(f.gap().number_value(), 4000.0 / 6000 - 0.5, 1e-12);
    }
  }
  EXPECT_TRUE(listed);
}

TEST(LevelsTest, JuniorThresholdIsFortyFiveHundredths) {
  // Junior CV of exactly 0.45 passes, 0.46 fails: two 100-student junior schools with L6 values
  // 2750 x (1 - c) and 2750 x (1 + c) have mean 2750 and CV c.
  for (auto [c, pass] : {std::pair{0.45, true}, std::pair{0.46, false}}) {
    EvaluationInput in;
    in.county_code = "140430";
    in.period = "2024";
    for (int k = 0; k < 2; ++k) {
      std::string code = "J" + std::to_string(k);
      in.registry.push_back(MakeSchool(code, "junior"));
      v1::SchoolReport r;
      r.set_school_code(code);
      r.set_period("2024");
      r.set_junior_students(100);
      r.set_junior_teachers_above_degree(6);
      r.set_junior_backbone_teachers(1);
      r.set_junior_pe_art_teachers(1);
      r.set_teaching_aux_area_m2(600);
      r.set_sports_area_m2(1100);
      r.set_equipment_value_yuan(100 * 2750 * (k == 0 ? 1 - c : 1 + c));
      r.set_multimedia_classrooms(3);
      in.reports.push_back(r);
    }
    v1::Evaluation e = Evaluate(in, National()).value();
    const v1::IndicatorResult& l6 = e.levels(1).indicators(5);
    EXPECT_NEAR(l6.cv().number_value(), c, 1e-12);
    EXPECT_EQ(l6.threshold(), 0.45);
    EXPECT_EQ(l6.pass(), pass) << c;
  }
}

TEST(LevelsTest, OneUnitLevelHasUndefinedCoefficientsReportedNotJudged) {
  EvaluationInput in = GoodPrimaryCounty();
  in.registry.resize(1);
  in.reports.resize(1);
  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::LevelResult& level = Primary(e);
  for (const auto& ind : level.indicators()) {
    EXPECT_EQ(ind.cv().kind_case(), google::protobuf::Value::kNullValue);
    EXPECT_NE(ind.cv_reason().find("fewer than 2 units"), std::string::npos);
    EXPECT_EQ(ind.status(), "not_judged");
  }
  EXPECT_FALSE(level.pass());
  EXPECT_EQ(level.status(), "not_judged");
  // No junior schools at all: undefined too, never a division by zero.
  EXPECT_EQ(e.levels(1).units_size(), 0);
  EXPECT_EQ(e.levels(1).indicators(0).cv().kind_case(), google::protobuf::Value::kNullValue);
}

TEST(LevelsTest, ZeroMeanIsUndefined) {
  EvaluationInput in = GoodPrimaryCounty();
  in.reports.clear();
  std::array<double, 7> v = kGoodPrimary;
  v[1] = 0;  // no backbone teachers anywhere
  for (const char* code : {"A1", "A2", "A3"}) in.reports.push_back(PrimaryReport(code, 100, v));
  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::IndicatorResult& l2 = Primary(e).indicators(1);
  EXPECT_EQ(l2.cv().kind_case(), google::protobuf::Value::kNullValue);
  EXPECT_NE(l2.cv_reason().find("mean is 0"), std::string::npos);
}

TEST(LevelsTest, UnitFailingThePerUnitRuleFailsTheLevel) {
  EvaluationInput in = GoodPrimaryCounty();
  std::array<double, 7> v = kGoodPrimary;
  v[0] = 3;  // L1 3.0 < 0.85 x 4.2
  in.reports[0] = PrimaryReport("A1", 100, v);
  v1::Evaluation e = Evaluate(in, National()).value();
  EXPECT_EQ(Primary(e).units(0).status(), "fail");
  EXPECT_FALSE(Primary(e).units(0).meets());
  EXPECT_EQ(Primary(e).units(0).met_count(), 6);
  EXPECT_FALSE(Primary(e).pass());
}

}  // namespace
}  // namespace junheng::eval
