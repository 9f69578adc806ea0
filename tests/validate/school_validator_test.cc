#include "common/validate/school_validator.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace junheng::validate {
namespace {

using junheng::v1::FieldIssue;
using ::testing::Contains;
using ::testing::Property;

junheng::v1::School Valid() {
  junheng::v1::School s;
  s.set_school_code("2140043001");
  s.set_school_name("沁县新店镇新店小学");
  s.set_school_type("primary");
  s.set_county_code("140430");
  s.set_locale("town");
  s.set_target_year(2024);
  return s;
}

TEST(SchoolValidatorTest, ValidRowPasses) { EXPECT_TRUE(ValidateSchool(Valid(), "140430").ok()); }

TEST(SchoolValidatorTest, UnknownTypeLocaleAndWrongCountyAreNamed) {
  auto s = Valid();
  s.set_school_type("high");
  s.set_locale("village");
  s.set_county_code("140431");
  auto result = ValidateSchool(s, "140430");
  EXPECT_EQ(result.violations.size(), 3u);
  EXPECT_THAT(result.violations, Contains(Property(&FieldIssue::field, "school_type")));
  EXPECT_THAT(result.violations, Contains(Property(&FieldIssue::field, "locale")));
  EXPECT_THAT(result.violations, Contains(Property(&FieldIssue::field, "county_code")));
}

TEST(SchoolValidatorTest, TeachingPointWithoutParentIsAWarningOnly) {
  auto s = Valid();
  s.set_school_type("teaching_point");
  auto result = ValidateSchool(s, "140430");
  EXPECT_TRUE(result.ok());
  EXPECT_THAT(result.warnings, Contains(Property(&FieldIssue::field, "parent_school_code")));
}

TEST(SchoolValidatorTest, ImplausibleTargetYearIsRejected) {
  auto s = Valid();
  s.set_target_year(24);
  EXPECT_THAT(ValidateSchool(s, "140430").violations,
              Contains(Property(&FieldIssue::field, "target_year")));
}

}  // namespace
}  // namespace junheng::validate
