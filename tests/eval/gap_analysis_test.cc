#include "common/eval/gap_analysis.h"

#include <cmath>
#include <map>

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

// The student-weighted population CV, written out again here so the test does not trust the
// engine's own function.
double HandCv(const std::vector<double>& x, const std::vector<double>& p) {
  double total = 0, sum = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    total += p[i];
    sum += p[i] * x[i];
  }
  double mean = sum / total, var = 0;
  for (size_t i = 0; i < x.size(); ++i) var += p[i] / total * (x[i] - mean) * (x[i] - mean);
  return std::sqrt(var) / mean;
}

// A1 has 3 qualified teachers per 100 students (L1 = 3.0 < 4.2): 4.2 x 100 / 100 - 3 = 1.2, so the
// smallest whole addition is 2 teachers, giving 5.0.
TEST(GapAnalysisTest, UnitGapIsTheSmallestWholeAddition) {
  EvaluationInput in = GoodPrimaryCounty();
  std::array<double, 7> v = kGoodPrimary;
  v[0] = 3;
  in.reports[0] = PrimaryReport("A1", 100, v);
  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::Gap* gap = nullptr;
  for (const auto& g : e.gaps()) {
    if (g.kind() == "unit" && g.school_code() == "A1" && g.indicator() == "L1") gap = &g;
  }
  ASSERT_NE(gap, nullptr);
  ASSERT_EQ(gap->additions_size(), 1);
  EXPECT_EQ(gap->additions(0).amount(), 2);
  EXPECT_EQ(gap->additions(0).quantity(), "primary_teachers_above_degree");
  EXPECT_NEAR(gap->value_after(), 5.0, 1e-12);
  EXPECT_TRUE(gap->verified());
  // One fewer would not do: (3 + 1) / 100 x 100 = 4.0 < 4.2.
  EXPECT_LT(100.0 * (3 + gap->additions(0).amount() - 1) / 100, 4.2);
}

// Area need on a split school: nine-year with 100 + 100 students and 800 m² of teaching area gives
// primary 800 x 100/210 = 380.95 m² (3.81 per student, below 4.5). The section needs 450 - 380.95
// = 69.05 m² -> 70 m²; the school must add 69.05 / (100/210) = 4.5 x 210 - 800 = 145 m² exactly
// (the section gets 100/210 of whatever the school adds).
TEST(GapAnalysisTest, SplitFacilityNeedsASchoolWideAddition) {
  v1::School s = MakeSchool("N1", "nine_year");
  v1::SchoolReport r;
  r.set_school_code("N1");
  r.set_period("2024");
  r.set_primary_students(100);
  r.set_junior_students(100);
  r.set_teaching_aux_area_m2(800);
  UnitSet set = FormUnits({{&s, &r}}, National());
  std::vector<v1::Gap> gaps = AnalyzeGaps(set, National());
  const v1::Gap* gap = nullptr;
  for (const auto& g : gaps) {
    if (g.level() == "primary" && g.indicator() == "L4") gap = &g;
  }
  ASSERT_NE(gap, nullptr);
  double share = 100.0 / 210;
  EXPECT_EQ(gap->additions(0).amount(), 70);
  EXPECT_EQ(gap->additions(0).school_amount(), 145);
  EXPECT_GE((800 + 145) * share / 100, 4.5 - 1e-12);
  EXPECT_LT((800 + 144) * share / 100, 4.5);
  EXPECT_TRUE(gap->verified());
}

// Five primary schools whose equipment values per student are very uneven (CV well above 0.50).
// The gap names the largest contributors and a set of additions at the lowest units; applying the
// additions to the units' values and recomputing by hand gives a CV within 0.50.
TEST(GapAnalysisTest, CoefficientAdditionsReallyPass) {
  EvaluationInput in;
  in.county_code = "140430";
  in.period = "2024";
  std::vector<double> values = {2000, 2100, 9000, 12000, 2500};
  std::vector<int> students = {300, 120, 500, 80, 900};
  for (size_t k = 0; k < values.size(); ++k) {
    std::string code = "E" + std::to_string(k);
    in.registry.push_back(MakeSchool(code, "primary"));
    std::array<double, 7> v = kGoodPrimary;
    v[5] = values[k];
    in.reports.push_back(PrimaryReport(code, students[k], v));
  }
  std::vector<double> p(students.begin(), students.end());
  double before = HandCv(values, p);
  ASSERT_GT(before, 0.5);

  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::Gap* gap = nullptr;
  for (const auto& g : e.gaps()) {
    if (g.kind() == "coefficient" && g.level() == "primary" && g.indicator() == "L6") gap = &g;
  }
  ASSERT_NE(gap, nullptr);
  EXPECT_NEAR(gap->value(), before, 1e-9);
  EXPECT_EQ(gap->threshold(), 0.5);
  ASSERT_FALSE(gap->contributors().empty());
  // The largest single contributor is E2 (500 students at 9000, far above the mean).
  EXPECT_EQ(gap->contributors(0).school_code(), "E2");
  ASSERT_FALSE(gap->additions().empty());

  std::map<std::string, double> yuan;
  for (const auto& a : gap->additions()) {
    EXPECT_EQ(a.quantity(), "equipment_value_yuan");
    EXPECT_EQ(a.amount(), std::floor(a.amount()));  // whole yuan
    EXPECT_GT(a.amount(), 0);
    yuan[a.school_code()] = a.amount();
  }
  // Additions go to the lowest units, never to the highest.
  EXPECT_EQ(yuan.count("E2"), 0u);
  EXPECT_EQ(yuan.count("E3"), 0u);
  std::vector<double> after;
  for (size_t k = 0; k < values.size(); ++k) {
    std::string code = "E" + std::to_string(k);
    after.push_back((values[k] * students[k] + yuan[code]) / students[k]);
  }
  double recomputed = HandCv(after, p);
  EXPECT_LE(recomputed, 0.5 + 1e-12);
  EXPECT_NEAR(gap->value_after(), recomputed, 1e-9);
  EXPECT_TRUE(gap->verified());
}

TEST(GapAnalysisTest, NoGapsWhenEverythingPasses) {
  v1::Evaluation e = Evaluate(GoodPrimaryCounty(), National()).value();
  EXPECT_EQ(e.gaps_size(), 0);
}

}  // namespace
}  // namespace junheng::eval
