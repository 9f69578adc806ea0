#include "server/bureau/consistency.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace junheng::server {
namespace {

using junheng::v1::ConsistencyWarning;
using junheng::v1::SchoolReport;

junheng::v1::Profile Thresholds() {
  junheng::v1::Profile p;
  p.set_consistency_max_change_share(0.30);
  p.set_consistency_outlier_mad_k(3.5);
  p.set_consistency_outlier_min_units(6);
  return p;
}

SchoolReport Report(const std::string& school, const std::string& period, int students,
                    double area) {
  SchoolReport r;
  r.set_school_code(school);
  r.set_period(period);
  r.set_primary_students(students);
  r.set_teaching_aux_area_m2(area);
  return r;
}

std::vector<std::string> Describe(const std::vector<ConsistencyWarning>& warnings) {
  std::vector<std::string> out;
  for (const auto& w : warnings) out.push_back(w.school_code() + ":" + w.kind() + ":" + w.field());
  return out;
}

TEST(ConsistencyTest, FlagsChangesBeyondTheShareButNotAtIt) {
  std::vector<SchoolReport> now = {Report("a", "2024", 131, 1000), Report("b", "2024", 130, 690)};
  std::map<std::string, SchoolReport> before = {{"a", Report("a", "2023", 100, 1000)},
                                                {"b", Report("b", "2023", 100, 1000)}};
  auto warnings = ConsistencyWarnings(now, before, {}, Thresholds());
  // a: +31% students; b: +30% students (at the limit, not flagged) and -31% floor area.
  EXPECT_THAT(Describe(warnings),
              ::testing::ElementsAre("a:change:primary_students", "b:change:teaching_aux_area_m2"));
  EXPECT_DOUBLE_EQ(warnings[0].reference(), 100);
  EXPECT_THAT(warnings[1].message(), ::testing::HasSubstr("-31%"));
}

TEST(ConsistencyTest, NoPreviousReportOrZeroBaseMeansNoChangeWarning) {
  std::vector<SchoolReport> now = {Report("a", "2024", 100, 500), Report("c", "2024", 50, 1)};
  std::map<std::string, SchoolReport> before = {{"c", Report("c", "2023", 0, 0)}};
  EXPECT_TRUE(ConsistencyWarnings(now, before, {}, Thresholds()).empty());
}

junheng::v1::Evaluation LevelWithL4(const std::vector<double>& values) {
  junheng::v1::Evaluation e;
  auto* level = e.add_levels();
  level->set_level("primary");
  for (size_t i = 0; i < values.size(); ++i) {
    auto* unit = level->add_units();
    unit->set_school_code("s" + std::to_string(i));
    unit->mutable_values()->set_l4(values[i]);
  }
  return e;
}

TEST(ConsistencyTest, OutliersAreJudgedByMedianAndMad) {
  // Median 5.0; absolute deviations 0.2,0.1,0,0.1,0.3,25 -> MAD 0.15, scale 0.2224.
  // 30.0 is 112 robust deviations out; 5.3 is 1.35: only the first is flagged.
  auto warnings =
      ConsistencyWarnings({}, {}, LevelWithL4({4.8, 4.9, 5.0, 5.1, 5.3, 30.0}), Thresholds());
  EXPECT_THAT(Describe(warnings), ::testing::ElementsAre("s5:outlier:L4"));
  EXPECT_DOUBLE_EQ(warnings[0].reference(), 5.05);
}

TEST(ConsistencyTest, OneHugeSchoolDoesNotHideAnotherOutlier) {
  // With mean and SD the 300 would inflate the SD so much that 12 looked normal.
  auto warnings = ConsistencyWarnings(
      {}, {}, LevelWithL4({5.0, 5.1, 4.9, 5.2, 4.8, 5.0, 12.0, 300.0}), Thresholds());
  EXPECT_THAT(Describe(warnings), ::testing::ElementsAre("s6:outlier:L4", "s7:outlier:L4"));
}

TEST(ConsistencyTest, ALevelWithFewerUnitsThanTheProfilesMinimumGetsNoOutlierWarning) {
  // Four junior schools: 30.0 is 112 robust deviations from their median, which says nothing.
  junheng::v1::Profile p = Thresholds();
  p.set_consistency_outlier_min_units(8);
  EXPECT_TRUE(ConsistencyWarnings({}, {}, LevelWithL4({4.8, 5.0, 5.1, 30.0}), p).empty());
  EXPECT_TRUE(ConsistencyWarnings({}, {}, LevelWithL4({4.8, 4.9, 5.0, 5.1, 5.3, 5.0, 5.2, 30.0}), p)
                  .size() == 1)
      << "eight units are enough";
}

TEST(ConsistencyTest, NoSpreadOrTooFewUnitsMeansNoOutlierWarning) {
  EXPECT_TRUE(ConsistencyWarnings({}, {}, LevelWithL4({5, 5, 5, 5, 9}), Thresholds()).empty())
      << "MAD is zero: no scale to judge by";
  EXPECT_TRUE(ConsistencyWarnings({}, {}, LevelWithL4({1, 100}), Thresholds()).empty());
}

}  // namespace
}  // namespace junheng::server
