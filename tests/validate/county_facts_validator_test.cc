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
