#include "common/eval/plan_progress.h"

#include "common/eval/evaluate.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using testing::GoodPrimaryCounty;
using testing::kGoodPrimary;
using testing::National;
using testing::PrimaryReport;

v1::SchoolStandard Standard(const std::string& code, int year, bool meets) {
  v1::SchoolStandard s;
  s.set_school_code(code);
  s.set_target_year(year);
  s.set_meets(meets);
  s.set_status(meets ? "pass" : "fail");
  return s;
}

TEST(PlanProgressTest, CountsSchoolsDueByEachYear) {
  std::vector<v1::SchoolStandard> schools = {
      Standard("S1", 2024, true), Standard("S2", 2024, false), Standard("S3", 2025, true),
      Standard("S4", 2027, false), Standard("S5", 0, false)};
  std::vector<v1::PlanYear> rows = PlanProgress(schools);
  // 2024, 2025, 2026, 2027 and the "beyond" row 2028.
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].year(), 2024);
  EXPECT_EQ(rows[0].due(), 2);
  EXPECT_EQ(rows[0].due_this_year(), 2);
  EXPECT_EQ(rows[0].meeting(), 1);
  ASSERT_EQ(rows[0].behind_size(), 1);
  EXPECT_EQ(rows[0].behind(0), "S2");
  EXPECT_EQ(rows[1].year(), 2025);
  EXPECT_EQ(rows[1].due(), 3);
  EXPECT_EQ(rows[1].meeting(), 2);
  EXPECT_EQ(rows[1].behind_count(), 1);
  EXPECT_EQ(rows[2].year(), 2026);
  EXPECT_EQ(rows[2].due(), 3);
  EXPECT_EQ(rows[2].due_this_year(), 0);
  EXPECT_EQ(rows[3].year(), 2027);
  EXPECT_EQ(rows[3].due(), 4);
  EXPECT_EQ(rows[3].behind_count(), 2);
  EXPECT_TRUE(rows[4].beyond());
  EXPECT_EQ(rows[4].due(), 4);
  EXPECT_FALSE(rows[3].beyond());
}

TEST(PlanProgressTest, NoTargetYearsNoRows) {
  EXPECT_TRUE(PlanProgress({Standard("S1", 0, true)}).empty());
}

TEST(PlanProgressTest, FromTheEngineUsesEachSchoolsStandard) {
  EvaluationInput in = GoodPrimaryCounty();
  in.registry[0].set_target_year(2024);
  in.registry[1].set_target_year(2024);
  in.registry[2].set_target_year(2025);
  std::array<double, 7> weak = kGoodPrimary;
  weak[0] = 2;  // A2 far below L1: does not meet the standard
  in.reports[1] = PrimaryReport("A2", 100, weak);
  v1::Evaluation e = Evaluate(in, National()).value();
  ASSERT_GE(e.plan_progress_size(), 2);
  EXPECT_EQ(e.plan_progress(0).year(), 2024);
  EXPECT_EQ(e.plan_progress(0).due(), 2);
  EXPECT_EQ(e.plan_progress(0).meeting(), 1);
  ASSERT_EQ(e.plan_progress(0).behind_size(), 1);
  EXPECT_EQ(e.plan_progress(0).behind(0), "A2");
  EXPECT_EQ(e.plan_progress(1).due(), 3);
  EXPECT_EQ(e.plan_progress(1).meeting(), 2);
  // The school standard says why.
  for (const auto& s : e.schools()) {
    if (s.school_code() == "A2") {
      EXPECT_FALSE(s.meets());
      ASSERT_FALSE(s.reasons().empty());
      EXPECT_NE(s.reasons(0).find("resource allocation"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace junheng::eval
