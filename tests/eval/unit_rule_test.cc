#include "common/eval/unit_rule.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using testing::National;

// Primary minimums of national-2017: 4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3.
IndicatorArray AtMinimum() { return {4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3}; }

TEST(UnitRuleTest, AllSevenAtTheirMinimumMeet) {
  UnitRuleResult r = ApplyUnitRule(AtMinimum(), Level::kPrimary, National());
  EXPECT_EQ(r.met_count, 7);
  EXPECT_TRUE(r.meets);
  EXPECT_EQ(r.status, "pass");
}

TEST(UnitRuleTest, ExactlySixOfSevenWithTheMissAtExactlyEightyFivePercentMeets) {
  IndicatorArray v = AtMinimum();
  v[0] = 0.85 * 4.2;  // 3.57
  UnitRuleResult r = ApplyUnitRule(v, Level::kPrimary, National());
  EXPECT_EQ(r.met_count, 6);
  EXPECT_TRUE(r.meets);
  EXPECT_THAT(r.below, ::testing::ElementsAre("L1"));
}

TEST(UnitRuleTest, MissJustBelowEightyFivePercentFails) {
  IndicatorArray v = AtMinimum();
  v[0] = 3.569;  // below 3.57
  UnitRuleResult r = ApplyUnitRule(v, Level::kPrimary, National());
  EXPECT_EQ(r.met_count, 6);
  EXPECT_FALSE(r.meets);
  EXPECT_EQ(r.status, "fail");
}

TEST(UnitRuleTest, FiveOfSevenFailsEvenWhenBothMissesAreClose) {
  IndicatorArray v = AtMinimum();
  v[0] = 4.1;
  v[3] = 4.4;
  UnitRuleResult r = ApplyUnitRule(v, Level::kPrimary, National());
  EXPECT_EQ(r.met_count, 5);
  EXPECT_FALSE(r.meets);
}

TEST(UnitRuleTest, JuniorUsesJuniorMinimums) {
  // 5.0 reaches the primary L1 minimum 4.2 but misses the junior 5.3 (and stays above 85%).
  IndicatorArray v = {5.0, 1.0, 0.9, 5.8, 10.2, 2500, 2.4};
  UnitRuleResult r = ApplyUnitRule(v, Level::kJunior, National());
  EXPECT_EQ(r.met_count, 6);
  EXPECT_TRUE(r.meets);
  v[0] = 4.5;  // 4.5 < 0.85 x 5.3 = 4.505
  EXPECT_FALSE(ApplyUnitRule(v, Level::kJunior, National()).meets);
}

TEST(UnitRuleTest, UnknownValueIsNotJudgedUnlessAlreadyFailing) {
  IndicatorArray v = AtMinimum();
  v[6].reset();
  EXPECT_EQ(ApplyUnitRule(v, Level::kPrimary, National()).status, "not_judged");
  v[0] = 1.0;  // far below: fails whatever L7 is
  EXPECT_EQ(ApplyUnitRule(v, Level::kPrimary, National()).status, "fail");
}

}  // namespace
}  // namespace junheng::eval
