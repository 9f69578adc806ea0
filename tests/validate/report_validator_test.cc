#include "common/validate/report_validator.h"

#include <set>

#include "common/i18n/validation_messages.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::validate {
namespace {

using junheng::v1::FieldIssue;
using junheng::v1::School;
using junheng::v1::SchoolReport;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Property;

auto IssueOn(const std::string& field) { return Property(&FieldIssue::field, field); }

School MakeSchool(const std::string& type) {
  School s;
  s.set_school_code("2140043001");
  s.set_school_name("test school");
  s.set_school_type(type);
  s.set_county_code("140430");
  return s;
}

SchoolReport ValidPrimaryReport() {
  SchoolReport r;
  r.set_school_code("2140043001");
  r.set_period("2024");
  r.set_primary_students(600);
  r.set_primary_classes(15);
  r.set_primary_max_class_size(44);
  r.set_primary_teachers(40);
  r.set_primary_teachers_above_degree(30);
  r.set_primary_backbone_teachers(7);
  r.set_primary_pe_art_teachers(6);
  r.set_certified_teachers(40);
  r.set_teaching_aux_area_m2(3000);
  r.set_public_funds_yuan(400000);
  r.set_teacher_training_funds_yuan(20000);
  r.set_zoned_admissions(95);
  r.set_total_admissions(100);
  r.set_ict_rating("good");
  // The rest of what the method needs from a primary school, so that the report is complete.
  r.set_training_completed_teachers(38);
  r.set_sports_area_m2(6000);
  r.set_equipment_value_yuan(1200000);
  r.set_multimedia_classrooms(15);
  r.set_music_rooms(2);
  r.set_art_rooms(2);
  r.set_music_room_min_area_m2(96);
  r.set_art_room_min_area_m2(90);
  r.set_has_charter(true);
  r.set_courses_complete(true);
  r.set_no_excess_burden(true);
  r.set_moral_culture_rating("excellent");
  return r;
}

TEST(ReportValidatorTest, ValidReportPasses) {
  School school = MakeSchool("primary");
  ValidationResult result = ValidateReport(ValidPrimaryReport(), "140430", &school);
  EXPECT_TRUE(result.ok()) << ToStatus(result, "r");
  EXPECT_TRUE(result.warnings.empty());
}

// Issue 14 item 1: a report that leaves needed fields empty is stored but incomplete; every
// empty field is named, by the school's registered sections (no junior fields for a primary
// school), and offline by the sections the report fills.
TEST(ReportValidatorTest, EveryEmptyNeededFieldIsNamed) {
  School school = MakeSchool("primary");
  SchoolReport r = ValidPrimaryReport();
  EXPECT_TRUE(MissingFields(r, &school).empty());
  r.clear_sports_area_m2();
  r.clear_has_charter();
  r.clear_moral_culture_rating();
  r.clear_primary_pe_art_teachers();
  EXPECT_THAT(MissingFields(r, &school),
              ::testing::ElementsAre("primary_pe_art_teachers", "sports_area_m2", "has_charter",
                                     "moral_culture_rating"));
  ValidationResult result = ValidateReport(r, "140430", &school);
  EXPECT_TRUE(result.ok()) << "an incomplete report is not refused";
  EXPECT_EQ(result.warnings.size(), 4u);
  EXPECT_THAT(result.warnings, Contains(AllOf(IssueOn("sports_area_m2"),
                                              Property(&FieldIssue::rule_id, "needed_field"))));
  EXPECT_THAT(ValidateReportContent(r).warnings, Contains(IssueOn("has_charter"))) << "offline too";

  // The untouched template: only who and when.
  SchoolReport empty;
  empty.set_school_code("2140043001");
  empty.set_period("2024");
  School nine_year = MakeSchool("nine_year");
  const std::vector<std::string> missing = MissingFields(empty, &nine_year);
  EXPECT_EQ(missing.size(), 33u) << "every field but the identity and senior_students";
  EXPECT_THAT(missing, Contains("junior_students"));
  EXPECT_THAT(missing, ::testing::Not(Contains("senior_students")));
  EXPECT_THAT(MissingFields(empty, &school), ::testing::Not(Contains("junior_students")));
  EXPECT_FALSE(ValidateReportContent(empty).warnings.empty());
}

TEST(ReportValidatorTest, ASpreadsheetYearIsRefusedWithTheLabelToWrite) {
  SchoolReport r = ValidPrimaryReport();
  r.set_period("2024.0");
  ValidationResult result = ValidateReportContent(r);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.violations,
              Contains(AllOf(IssueOn("period"),
                             Property(&FieldIssue::rule_args, ::testing::ElementsAre("2024")))));
  r.set_period("2024.05");
  EXPECT_TRUE(ValidateReportContent(r).ok()) << "not a year a spreadsheet made";
  r.set_period("2024-autumn");
  EXPECT_TRUE(ValidateReportContent(r).ok());
}

TEST(ReportValidatorTest, NegativeCountNamesTheField) {
  SchoolReport r = ValidPrimaryReport();
  r.set_primary_students(-5);
  ValidationResult result = ValidateReportContent(r);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.violations,
              Contains(AllOf(IssueOn("primary_students"), Property(&FieldIssue::value, "-5"),
                             Property(&FieldIssue::rule, HasSubstr("negative")))));
}

TEST(ReportValidatorTest, EveryViolationIsListedNotJustTheFirst) {
  SchoolReport r = ValidPrimaryReport();
  r.set_primary_teachers_above_degree(41);  // > 40 teachers
  r.set_zoned_admissions(101);              // > 100 admitted
  r.set_sports_area_m2(-1);
  r.set_ict_rating("great");
  ValidationResult result = ValidateReportContent(r);
  EXPECT_EQ(result.violations.size(), 4u) << ToStatus(result, "r");
  EXPECT_THAT(result.violations, Contains(IssueOn("primary_teachers_above_degree")));
  EXPECT_THAT(result.violations, Contains(IssueOn("zoned_admissions")));
  EXPECT_THAT(result.violations, Contains(IssueOn("sports_area_m2")));
  EXPECT_THAT(result.violations, Contains(IssueOn("ict_rating")));
  absl::Status status = ToStatus(result, "report 2140043001 / 2024");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("4 violations"));
  EXPECT_THAT(
      status.message(),
      HasSubstr("zoned_admissions (就近划片入学人数) = 101: must not exceed total_admissions"));
}

TEST(ReportValidatorTest, PartsMayEqualTheirWholes) {
  SchoolReport r = ValidPrimaryReport();
  r.set_primary_teachers_above_degree(40);
  r.set_zoned_admissions(100);
  r.set_teacher_training_funds_yuan(400000);
  EXPECT_TRUE(ValidateReportContent(r).ok());
}

TEST(ReportValidatorTest, CertifiedTeachersCannotExceedAllTeachers) {
  SchoolReport r = ValidPrimaryReport();
  r.set_certified_teachers(41);
  EXPECT_THAT(ValidateReportContent(r).violations, Contains(IssueOn("certified_teachers")));
  r.set_senior_students(300);  // a senior section's teachers are not counted: no judgement
  EXPECT_TRUE(ValidateReportContent(r).ok());
}

TEST(ReportValidatorTest, MissingIdentityIsRequired) {
  SchoolReport r;
  ValidationResult result = ValidateReportContent(r);
  EXPECT_THAT(result.violations, Contains(IssueOn("school_code")));
  EXPECT_THAT(result.violations, Contains(IssueOn("period")));
}

TEST(ReportValidatorTest, CodesWithSlashesAreRejectedBecauseTheyWouldBreakKeys) {
  SchoolReport r = ValidPrimaryReport();
  r.set_school_code("a/b");
  EXPECT_THAT(ValidateReportContent(r).violations, Contains(IssueOn("school_code")));
}

TEST(ReportValidatorTest, JuniorSchoolReportingPrimaryStudentsIsAnError) {
  School school = MakeSchool("junior");
  SchoolReport r;
  r.set_school_code("2140043001");
  r.set_period("2024");
  r.set_junior_students(900);
  r.set_primary_students(120);
  ValidationResult result = ValidateReport(r, "140430", &school);
  EXPECT_THAT(result.violations,
              Contains(AllOf(IssueOn("primary_students"),
                             Property(&FieldIssue::rule, HasSubstr("no primary section")))));
}

TEST(ReportValidatorTest, NineYearSchoolMustReportBothSections) {
  School school = MakeSchool("nine_year");
  SchoolReport r;
  r.set_school_code("2140043001");
  r.set_period("2024");
  r.set_primary_students(300);
  ValidationResult result = ValidateReport(r, "140430", &school);
  EXPECT_THAT(result.violations, Contains(IssueOn("junior_students")));
  r.set_junior_students(200);
  EXPECT_TRUE(ValidateReport(r, "140430", &school).ok());
}

TEST(ReportValidatorTest, SeniorStudentsOnlyWhereThereIsASeniorSection) {
  SchoolReport r;
  r.set_school_code("2140043001");
  r.set_period("2024");
  r.set_junior_students(500);
  r.set_senior_students(400);
  School junior = MakeSchool("junior");
  School complete = MakeSchool("complete_middle");
  EXPECT_THAT(ValidateReport(r, "140430", &junior).violations,
              Contains(IssueOn("senior_students")));
  EXPECT_TRUE(ValidateReport(r, "140430", &complete).ok());
}

TEST(ReportValidatorTest, UnknownSchoolAndWrongCountyAreViolations) {
  SchoolReport r = ValidPrimaryReport();
  r.set_county_code("140431");
  ValidationResult result = ValidateReport(r, "140430", nullptr);
  EXPECT_THAT(result.violations,
              Contains(AllOf(IssueOn("school_code"),
                             Property(&FieldIssue::rule, HasSubstr("not registered")))));
  EXPECT_THAT(result.violations, Contains(IssueOn("county_code")));
}

TEST(ReportValidatorTest, PlausibilityWarningsNeverBlock) {
  School school = MakeSchool("primary");
  SchoolReport r = ValidPrimaryReport();
  r.set_teaching_aux_area_m2(600 * 51.0);  // 51 m² per student
  ValidationResult result = ValidateReport(r, "140430", &school);
  EXPECT_TRUE(result.ok());
  EXPECT_THAT(result.warnings, Contains(IssueOn("teaching_aux_area_m2")));
  r.set_teaching_aux_area_m2(600 * 50.0);  // exactly 50 is plausible
  EXPECT_TRUE(ValidateReport(r, "140430", &school).warnings.empty());
}

}  // namespace
}  // namespace junheng::validate

namespace junheng::validate {
namespace {

// Found by the validate fuzzer: counts near INT32_MAX overflowed the sum of sections.
TEST(ReportValidatorBoundsTest, HugeCountsAreViolationsAndDoNotOverflow) {
  junheng::v1::SchoolReport r;
  r.set_school_code("2140043009");
  r.set_period("2024");
  r.set_primary_students(10);
  r.set_junior_students(2147483643);
  r.set_primary_teachers(2147483647);
  ValidationResult result = ValidateReportContent(r);
  EXPECT_THAT(result.violations,
              ::testing::Contains(::testing::AllOf(
                  ::testing::Property(&junheng::v1::FieldIssue::field, "junior_students"),
                  ::testing::Property(&junheng::v1::FieldIssue::rule,
                                      ::testing::HasSubstr("implausibly large")))));
  r.set_junior_students(100000);  // the bound itself is allowed
  r.set_primary_teachers(10);
  r.set_primary_students(100);
  EXPECT_TRUE(ValidateReportContent(r).ok()) << ToStatus(ValidateReportContent(r), "r");
}

}  // namespace
}  // namespace junheng::validate

namespace junheng::validate {
namespace {

// The rule is stored with its id and values, so a reader sees it in their own language whatever
// language the server wrote it in; the field is named by its label and its name.
TEST(FormatIssueTest, ChineseAndEnglishFromTheSameStoredIssue) {
  v1::SchoolReport r;
  r.set_school_code("s1");
  r.set_period("2024");
  r.set_primary_students(-620);
  ValidationResult result = ValidateReportContent(r);
  ASSERT_EQ(result.violations.size(), 1u);
  const v1::FieldIssue& issue = result.violations[0];
  EXPECT_EQ(issue.rule_id(), "negative");
  i18n::SetProcessLang(i18n::Lang::kZh);
  EXPECT_EQ(FormatIssue(issue), "小学在校生数 primary_students = -620：不能为负数；没有请填 0");
  i18n::SetProcessLang(i18n::Lang::kEn);
  EXPECT_EQ(FormatIssue(issue),
            "primary_students (小学在校生数) = -620: must not be negative; enter 0 if there are "
            "none");
  // An issue from a server that knew no ids keeps its own text.
  v1::FieldIssue old = issue;
  old.clear_rule_id();
  old.set_rule("legacy words");
  EXPECT_EQ(FormatIssue(old), "primary_students (小学在校生数) = -620: legacy words");
}

TEST(FormatIssueTest, EveryCatalogueRuleHasBothLanguagesAndAUniqueId) {
  std::set<std::string> ids;
  for (const i18n::Msg* msg : i18n::validation::kAll) {
    EXPECT_FALSE(msg->zh.empty()) << msg->id;
    EXPECT_FALSE(msg->en.empty()) << msg->id;
    EXPECT_TRUE(ids.insert(std::string(msg->id)).second) << msg->id << " twice";
    EXPECT_EQ(i18n::FindMsg(msg->id), msg);
  }
}

}  // namespace
}  // namespace junheng::validate
