#include "common/eval/units.h"

#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using testing::MakeSchool;
using testing::National;

const Unit* Find(const std::vector<Unit>& units, const std::string& code) {
  for (const Unit& u : units) {
    if (u.school_code == code) return &u;
  }
  return nullptr;
}

v1::SchoolReport Facilities(const std::string& code, double area) {
  v1::SchoolReport r;
  r.set_school_code(code);
  r.set_period("2024");
  r.set_teaching_aux_area_m2(area);
  r.set_sports_area_m2(area);
  r.set_equipment_value_yuan(area);
  r.set_multimedia_classrooms(10);
  for (const char* level : {"primary", "junior"}) {
    (void)level;
  }
  r.set_primary_teachers_above_degree(7);
  r.set_primary_backbone_teachers(2);
  r.set_primary_pe_art_teachers(1);
  r.set_junior_teachers_above_degree(9);
  r.set_junior_backbone_teachers(3);
  r.set_junior_pe_art_teachers(2);
  return r;
}

// Nine-year, 100 primary and 100 junior students, 2100 m²: primary gets 100 / (100 + 1.1 x 100) of
// it = 1000 m² (10.0 per student), junior 1100 m² (11.0 per student = 1.1 x primary).
TEST(UnitsTest, NineYearSplitsFacilitiesOneToOnePointOne) {
  v1::School s = MakeSchool("N1", "nine_year");
  v1::SchoolReport r = Facilities("N1", 2100);
  r.set_primary_students(100);
  r.set_junior_students(100);
  UnitSet set = FormUnits({{&s, &r}}, National());
  ASSERT_EQ(set.primary.size(), 1u);
  ASSERT_EQ(set.junior.size(), 1u);
  IndicatorArray p = set.primary[0].Values();
  IndicatorArray j = set.junior[0].Values();
  EXPECT_NEAR(*p[3], 10.0, 1e-9);
  EXPECT_NEAR(*j[3], 11.0, 1e-9);
  EXPECT_NEAR(*j[3] / *p[3], 1.1, 1e-12);
  // Teachers are not split: each section reports its own.
  EXPECT_NEAR(*p[0], 7.0, 1e-12);
  EXPECT_NEAR(*j[0], 9.0, 1e-12);
  // L7 = 100 x classrooms share / students: primary share 10/21 of 10 rooms, per 100 students.
  EXPECT_NEAR(*p[6], 100 * (10.0 * 100 / 210) / 100, 1e-9);
}

// Twelve-year, A = 100, B = 200, C = 50, 4000 m²: denominator A + 1.1B + 1.32C = 386; primary
// gets 100/386, junior 220/386; the senior 66/386 is left out.
TEST(UnitsTest, TwelveYearSplitsOneToOnePointOneToOnePointThreeTwo) {
  v1::School s = MakeSchool("T1", "twelve_year");
  v1::SchoolReport r = Facilities("T1", 4000);
  r.set_primary_students(100);
  r.set_junior_students(200);
  r.set_senior_students(50);
  UnitSet set = FormUnits({{&s, &r}}, National());
  ASSERT_EQ(set.primary.size(), 1u);
  ASSERT_EQ(set.junior.size(), 1u);
  EXPECT_NEAR(*set.primary[0].Values()[3], 4000.0 * 100 / 386 / 100, 1e-9);
  EXPECT_NEAR(*set.junior[0].Values()[3], 4000.0 * 220 / 386 / 200, 1e-9);
  EXPECT_NEAR(set.primary[0].facility_share + set.junior[0].facility_share, 320.0 / 386, 1e-12);
}

TEST(UnitsTest, TwelveYearWithoutSeniorStudentsCannotSplit) {
  v1::School s = MakeSchool("T2", "twelve_year");
  v1::SchoolReport r = Facilities("T2", 4000);
  r.set_primary_students(100);
  r.set_junior_students(200);
  UnitSet set = FormUnits({{&s, &r}}, National());
  ASSERT_EQ(set.junior.size(), 1u);
  EXPECT_FALSE(set.junior[0].Values()[3].has_value());
  EXPECT_TRUE(set.junior[0].Values()[0].has_value());
  EXPECT_NE(std::find(set.junior[0].missing_fields.begin(), set.junior[0].missing_fields.end(),
                      "senior_students"),
            set.junior[0].missing_fields.end());
}

// Complete middle school, junior 100 and senior 100, 2200 m²: junior gets 100 / (100 + 1.2 x 100)
// = 1000 m²; no primary unit.
TEST(UnitsTest, CompleteMiddleSplitsOneToOnePointTwo) {
  v1::School s = MakeSchool("C1", "complete_middle");
  v1::SchoolReport r = Facilities("C1", 2200);
  r.set_junior_students(100);
  r.set_senior_students(100);
  UnitSet set = FormUnits({{&s, &r}}, National());
  EXPECT_TRUE(set.primary.empty());
  ASSERT_EQ(set.junior.size(), 1u);
  EXPECT_NEAR(*set.junior[0].Values()[3], 10.0, 1e-9);
}

TEST(UnitsTest, SingleLevelSchoolsKeepTheWholeQuantity) {
  v1::School s = MakeSchool("P1", "primary");
  v1::SchoolReport r = Facilities("P1", 900);
  r.set_primary_students(200);
  UnitSet set = FormUnits({{&s, &r}}, National());
  ASSERT_EQ(set.primary.size(), 1u);
  EXPECT_NEAR(*set.primary[0].Values()[3], 4.5, 1e-12);
  EXPECT_EQ(set.primary[0].facility_share, 1.0);
}

TEST(UnitsTest, SmallTeachingPointIsExcludedWithItsReason) {
  v1::School big = MakeSchool("TP50", "teaching_point");
  v1::School small = MakeSchool("TP49", "teaching_point");
  v1::SchoolReport rb = Facilities("TP50", 300);
  rb.set_primary_students(50);
  v1::SchoolReport rs = Facilities("TP49", 300);
  rs.set_primary_students(49);
  UnitSet set = FormUnits({{&big, &rb}, {&small, &rs}}, National());
  const Unit* b = Find(set.primary, "TP50");
  const Unit* s = Find(set.primary, "TP49");
  ASSERT_NE(b, nullptr);
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(b->excluded);
  EXPECT_TRUE(s->excluded);
  EXPECT_NE(s->exclusion_reason.find("49"), std::string::npos);
  EXPECT_NE(s->exclusion_reason.find("excluded"), std::string::npos);
}

TEST(UnitsTest, SmallTeachingPointMergesIntoItsParentWhenTheProfileSaysSo) {
  v1::Profile profile = National();
  profile.set_small_teaching_point("merge");
  v1::School parent = MakeSchool("P1", "primary");
  v1::School point = MakeSchool("TP1", "teaching_point");
  point.set_parent_school_code("P1");
  v1::SchoolReport rp = Facilities("P1", 1000);
  rp.set_primary_students(200);
  v1::SchoolReport rt = Facilities("TP1", 200);
  rt.set_primary_students(40);
  UnitSet set = FormUnits({{&parent, &rp}, {&point, &rt}}, profile);
  ASSERT_EQ(set.primary.size(), 1u);
  const Unit& u = set.primary[0];
  EXPECT_EQ(u.school_code, "P1");
  EXPECT_EQ(u.students, 240);
  EXPECT_NEAR(*u.Values()[3], 1200.0 / 240, 1e-12);
  EXPECT_NEAR(*u.Values()[0], 100.0 * 14 / 240, 1e-12);
  EXPECT_EQ(u.merged_school_codes, std::vector<std::string>{"TP1"});
  ASSERT_EQ(set.outside.size(), 1u);
  EXPECT_NE(set.outside[0].exclusion_reason.find("merged into its parent P1"), std::string::npos);
}

TEST(UnitsTest, MergeWithoutAParentExcludesWithTheReason) {
  v1::Profile profile = National();
  profile.set_small_teaching_point("merge");
  v1::School point = MakeSchool("TP1", "teaching_point");
  v1::SchoolReport rt = Facilities("TP1", 200);
  rt.set_primary_students(40);
  UnitSet set = FormUnits({{&point, &rt}}, profile);
  ASSERT_EQ(set.primary.size(), 1u);
  EXPECT_TRUE(set.primary[0].excluded);
  EXPECT_NE(set.primary[0].exclusion_reason.find("parent_school_code is empty"), std::string::npos);
}

TEST(UnitsTest, ZeroStudentsInALevelMakesNoUnitButIsListed) {
  v1::School s = MakeSchool("N2", "nine_year");
  v1::SchoolReport r = Facilities("N2", 2000);
  r.set_primary_students(150);
  r.set_junior_students(0);
  UnitSet set = FormUnits({{&s, &r}}, National());
  EXPECT_EQ(set.primary.size(), 1u);
  EXPECT_TRUE(set.junior.empty());
  ASSERT_EQ(set.outside.size(), 1u);
  EXPECT_NE(set.outside[0].exclusion_reason.find("0 junior students"), std::string::npos);
  // With no junior students the whole facility goes to the primary section.
  EXPECT_NEAR(*set.primary[0].Values()[3], 2000.0 / 150, 1e-9);
}

TEST(UnitsTest, NonUnitSchoolTypesAreListedOutside) {
  v1::School s = MakeSchool("SE1", "special_education");
  UnitSet set = FormUnits({{&s, nullptr}}, National());
  EXPECT_TRUE(set.primary.empty());
  ASSERT_EQ(set.outside.size(), 1u);
  EXPECT_TRUE(set.outside[0].excluded);
  EXPECT_NE(set.outside[0].exclusion_reason.find("not a unit"), std::string::npos);
}

TEST(UnitsTest, SchoolWithoutAReportIsAUnitThatCannotBeJudged) {
  v1::School s = MakeSchool("P9", "primary");
  UnitSet set = FormUnits({{&s, nullptr}}, National());
  ASSERT_EQ(set.primary.size(), 1u);
  EXPECT_EQ(set.primary[0].missing_fields, std::vector<std::string>{"report"});
  EXPECT_FALSE(set.primary[0].Values()[0].has_value());
}

}  // namespace
}  // namespace junheng::eval
