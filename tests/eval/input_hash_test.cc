#include "common/eval/input_hash.h"

#include <algorithm>

#include "common/eval/evaluate.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using testing::GoodPrimaryCounty;
using testing::National;

TEST(InputHashTest, IsSha256HexAndIgnoresRecordOrder) {
  EvaluationInput a = GoodPrimaryCounty();
  EvaluationInput b = a;
  std::reverse(b.registry.begin(), b.registry.end());
  std::reverse(b.reports.begin(), b.reports.end());
  std::string h = InputHash(a, National());
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, InputHash(b, National()));
  // The whole evaluation is order independent too.
  EXPECT_EQ(testing::Bytes(*Evaluate(a, National())), testing::Bytes(*Evaluate(b, National())));
}

TEST(InputHashTest, ChangesWithAnyValueOrTheProfile) {
  EvaluationInput a = GoodPrimaryCounty();
  std::string h = InputHash(a, National());
  EvaluationInput b = a;
  b.reports[1].set_sports_area_m2(b.reports[1].sports_area_m2() + 1);
  EXPECT_NE(h, InputHash(b, National()));
  EvaluationInput c = a;
  c.county_facts->set_survey_valid(1001);
  EXPECT_NE(h, InputHash(c, National()));
  EXPECT_NE(h, InputHash(a, testing::Qin()));
  EXPECT_EQ(Evaluate(a, National())->input_hash(), h);
}

TEST(EvaluateTest, RejectsInconsistentInput) {
  EvaluationInput dup = GoodPrimaryCounty();
  dup.reports.push_back(dup.reports[0]);
  EXPECT_EQ(Evaluate(dup, National()).status().code(), absl::StatusCode::kInvalidArgument);
  EvaluationInput stranger = GoodPrimaryCounty();
  stranger.reports.push_back(testing::PrimaryReport("ZZ", 100, testing::kGoodPrimary));
  absl::Status s = Evaluate(stranger, National()).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find("ZZ"), std::string::npos);
  EvaluationInput twice = GoodPrimaryCounty();
  twice.registry.push_back(twice.registry[0]);
  EXPECT_FALSE(Evaluate(twice, National()).ok());
}

TEST(EvaluateTest, OtherPeriodsAndCountiesAreIgnoredAndMissingReportsListed) {
  EvaluationInput in = GoodPrimaryCounty();
  in.reports[2].set_period("2023");
  in.registry.push_back(testing::MakeSchool("X1", "primary", "999999"));
  v1::Evaluation e = Evaluate(in, National()).value();
  EXPECT_EQ(e.schools_in_registry(), 3);
  EXPECT_EQ(e.schools_reported(), 2);
  ASSERT_EQ(e.not_reported_size(), 1);
  EXPECT_EQ(e.not_reported(0), "A3");
  EXPECT_EQ(e.levels(0).status(), "not_judged");
}

}  // namespace
}  // namespace junheng::eval
