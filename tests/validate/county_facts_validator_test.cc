#include "common/validate/county_facts_validator.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::validate {
namespace {

using junheng::v1::CountyFacts;
using ::testing::ElementsAre;

CountyFacts Valid() {
  CountyFacts f;
  f.set_county_code("140430");
  f.set_period("2024");
  f.set_consolidation_rate(0.99);
  f.set_teacher_pay_ratio(1.02);
  f.set_rotation_eligible_teachers(300);
  f.set_rotated_teachers(40);
  f.set_rotated_backbone_teachers(10);
  return f;
}

std::vector<std::string> Lines(const ValidationResult& result) {
  std::vector<std::string> lines;
  for (const auto& issue : result.violations) lines.push_back(FormatIssue(issue));
  return lines;
}

TEST(CountyFactsValidatorTest, ValidFactsPass) {
  EXPECT_TRUE(ValidateCountyFacts(Valid(), "140430").ok());
}

TEST(CountyFactsValidatorTest, SharesAreFractionsAndAreListedBeforeNegativeAmounts) {
  CountyFacts f = Valid();
  f.set_special_ed_funds_per_student_yuan(-5);  // declared before the shares
  f.set_consolidation_rate(99);                 // a percentage where a fraction belongs
  f.set_survey_valid(-1);                       // declared after the shares
  EXPECT_THAT(
      Lines(ValidateCountyFacts(f, "140430")),
      ElementsAre(
          "consolidation_rate (初中三年巩固率) = 99: is a fraction between 0 and 1 (write 0.95 for "
          "95%)",
          "special_ed_funds_per_student_yuan (特殊教育学校生均公用经费) = -5: must not be negative",
          "survey_valid (社会认可度有效问卷数) = -1: must not be negative"));
}

TEST(CountyFactsValidatorTest, APartOverItsWholeNamesBothAsWholeNumbers) {
  CountyFacts f = Valid();
  f.set_rotation_eligible_teachers(1234567);
  f.set_rotated_teachers(2345678);
  f.set_rotated_backbone_teachers(10);
  EXPECT_THAT(Lines(ValidateCountyFacts(f, "140430")),
              ElementsAre("rotated_teachers (交流轮岗教师数) = 2345678: must not exceed "
                          "rotation_eligible_teachers (1234567); it counts a part of it"));
}

TEST(CountyFactsValidatorTest, FormsFiguresKeepPartsWithinWholes) {
  CountyFacts f = Valid();
  f.set_population_10k(15.2);
  f.set_agricultural_population_10k(16.5);
  f.set_quality_hs_places(800);
  f.set_quality_hs_places_allocated(650);
  f.set_quality_hs_places_rural(700);
  f.set_migrant_children_eligible(300);
  f.set_migrant_children_in_public(250);
  f.set_migrant_children_in_purchased_private(60);
  f.set_survey_total(3000);
  f.set_survey_valid(2900);
  f.set_parent_survey_total(1200);
  f.set_parent_survey_valid(1250);
  EXPECT_THAT(
      Lines(ValidateCountyFacts(f, "140430")),
      ElementsAre("agricultural_population_10k (农业人口数) = 16.5: must not exceed "
                  "population_10k (15.2); it counts a part of it",
                  "quality_hs_places_rural (其中分配到农村初中的名额) = 700: must not exceed "
                  "quality_hs_places_allocated (650); it counts a part of it",
                  "migrant_children_in_public (在公办学校就读的随迁子女数) = 250: plus "
                  "migrant_children_in_purchased_private (60) must not exceed "
                  "migrant_children_eligible (300)",
                  "parent_survey_valid (家长有效问卷数) = 1250: must not exceed "
                  "parent_survey_total (1200); it counts a part of it"));
}

TEST(CountyFactsValidatorTest, ARateThatDisagreesWithItsFiguresIsAWarningOnly) {
  CountyFacts f = Valid();
  // (1180 - 20 + 15) / (1200 - 2) = 0.9808, entered as 0.99.
  f.set_junior_graduates(1180);
  f.set_junior_entrants_three_years_ago(1200);
  f.set_junior_transfers_in(20);
  f.set_junior_deaths(2);
  f.set_junior_transfers_out(15);
  // 66000 / 64000 = 1.03125, entered as 1.02: outside half a point.
  f.set_teacher_average_pay_yuan(66000);
  f.set_civil_servant_average_pay_yuan(64000);
  // 650 / 800 = 0.8125 entered as 0.81: within rounding.
  f.set_quality_hs_quota_share(0.81);
  f.set_quality_hs_places(800);
  f.set_quality_hs_places_allocated(650);
  ValidationResult result = ValidateCountyFacts(f, "140430");
  EXPECT_TRUE(result.ok());
  std::vector<std::string> warnings;
  for (const auto& issue : result.warnings) warnings.push_back(FormatIssue(issue));
  EXPECT_THAT(
      warnings,
      ElementsAre("teacher_pay_ratio (教师平均工资与当地公务员平均工资之比) = 1.02: differs "
                  "from teacher_average_pay_yuan / civil_servant_average_pay_yuan = "
                  "1.0312; check the rate and the figures it is made of",
                  "consolidation_rate (初中三年巩固率) = 0.99: differs from "
                  "(junior_graduates - junior_transfers_in + junior_transfers_out) / "
                  "(junior_entrants_three_years_ago - junior_deaths) = 0.9808; check the "
                  "rate and the figures it is made of"));
  // Stored with its rule id, the warning reads in Chinese for a Chinese reader.
  i18n::SetProcessLang(i18n::Lang::kZh);
  const std::string chinese = FormatIssue(result.warnings[0]);
  i18n::SetProcessLang(i18n::Lang::kEn);
  EXPECT_NE(chinese.find("不符；请核对该比率及其组成数字"), std::string::npos) << chinese;
}

TEST(CountyFactsValidatorTest, AnotherCountyAndAMissingPeriodAreRefused) {
  CountyFacts f = Valid();
  f.set_county_code("140431");
  f.clear_period();
  EXPECT_THAT(
      Lines(ValidateCountyFacts(f, "140430")),
      ElementsAre(
          "county_code (县级行政区划代码) = 140431: differs from the county written to (140430)",
          "period (填报期) = (empty): is required, e.g. 2024"));
}

}  // namespace
}  // namespace junheng::validate
