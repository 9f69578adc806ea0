// The forms' figures that come from the registry and the reports: counts by type, per-level sums
// by section, and the counts 表Ⅳ quotes, with the profile's limits.
#include "common/render/county_figures.h"

#include "common/eval/evaluate.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::render {
namespace {

namespace build = eval::testing;
using junheng::v1::SchoolReport;

v1::EvaluationWithInput Data(const eval::EvaluationInput& in) {
  return eval::EvaluateWithInput(in, build::National()).value();
}

SchoolReport NineYear(const std::string& code, int primary, int junior) {
  SchoolReport r = build::PrimaryReport(code, primary, build::kGoodPrimary);
  r.set_junior_students(junior);
  r.set_junior_classes(junior / 50);
  r.set_junior_teachers(junior / 12);
  r.set_junior_max_class_size(50);
  return r;
}

TEST(CountyFiguresTest, CountsSchoolsByTypeAndSumsSectionsWhereTheMethodPutsThem) {
  eval::EvaluationInput in = build::GoodPrimaryCounty();  // A1-A3, primary, 100 students each
  in.registry.push_back(build::MakeSchool("N1", "nine_year"));
  in.reports.push_back(NineYear("N1", 1600, 1000));
  in.registry.push_back(build::MakeSchool("TP1", "teaching_point"));
  in.reports.push_back(build::PrimaryReport("TP1", 50, build::kGoodPrimary));
  in.registry.push_back(build::MakeSchool("TP2", "teaching_point"));
  in.reports.push_back(build::PrimaryReport("TP2", 49, build::kGoodPrimary));
  in.registry.push_back(build::MakeSchool("J9", "junior"));  // registered, never reported

  CountyFigures f = FiguresOf(Data(in));
  EXPECT_EQ(f.primary_schools, 3);
  EXPECT_EQ(f.nine_year_schools, 1);
  EXPECT_EQ(f.junior_schools, 1);
  EXPECT_EQ(f.teaching_points, 2);
  EXPECT_EQ(f.teaching_points_at_min, 1) << "50 is at the profile's minimum, 49 below it";
  EXPECT_EQ(f.primary.students, 3 * 100 + 1600 + 50 + 49);
  EXPECT_EQ(f.junior.students, 1000);
  EXPECT_EQ(f.junior.classes, 20);
  EXPECT_EQ(f.schools_without_report, 1);
  // 2600 compulsory students in a nine-year school: over the multi-level cap of 2500.
  EXPECT_EQ(f.oversize_multi_level_schools, 1);
  EXPECT_EQ(f.oversize_primary_schools, 0);
  EXPECT_EQ(f.oversize_primary_classes, 0);
  EXPECT_FALSE(f.oversize_junior_classes.has_value()) << "J9's classes are unknown";
  // The two teaching points are below 100 students: G6's small schools.
  EXPECT_EQ(f.small_schools, 2);
  EXPECT_EQ(f.small_school_students, 99);
  EXPECT_EQ(f.small_school_funds, 2 * 1000000.0);
}

TEST(CountyFiguresTest, AClassOverTheLimitLeavesTheCountToTheCountyFacts) {
  eval::EvaluationInput in = build::GoodPrimaryCounty();
  in.reports[1].set_primary_max_class_size(46);  // national-2017: at most 45
  CountyFigures f = FiguresOf(Data(in));
  EXPECT_FALSE(f.oversize_primary_classes.has_value());
  EXPECT_EQ(f.oversize_junior_classes, 0) << "no junior section at all";
}

TEST(CountyFiguresTest, TeacherSharesSumOnlySchoolsThatReportedBothFigures) {
  eval::EvaluationInput in = build::GoodPrimaryCounty();
  in.reports[2].clear_training_completed_teachers();
  CountyFigures f = FiguresOf(Data(in));
  const double teachers = in.reports[0].primary_teachers();
  EXPECT_EQ(f.trained.teachers, 2 * teachers);
  EXPECT_EQ(f.trained.part, 2 * teachers);
  EXPECT_EQ(f.certified.teachers, 3 * teachers);
}

}  // namespace
}  // namespace junheng::render
