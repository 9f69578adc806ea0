// Every G and Q item, social recognition and each veto in pass / fail / not_judged, each from a
// county that passes everything, changed in one place.
#include "common/eval/items.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <vector>

#include "common/eval/evaluate.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using testing::FindItem;
using testing::GoodPrimaryCounty;
using testing::National;
using testing::Qin;

using Change = std::function<void(EvaluationInput&)>;

v1::SchoolReport& R0(EvaluationInput& in) { return in.reports[0]; }
v1::CountyFacts& F(EvaluationInput& in) { return *in.county_facts; }

struct Case {
  std::string id;
  Change fail;
  Change unset;
};

std::vector<Case> Cases() {
  return {
      {"G1", [](auto& in) { F(in).set_layout_plan_ok(false); },
       [](auto& in) { F(in).clear_layout_plan_ok(); }},
      {"G2", [](auto& in) { F(in).set_unified_standards_ok(false); },
       [](auto& in) { F(in).clear_unified_standards_ok(); }},
      {"G3", [](auto& in) { R0(in).set_music_room_min_area_m2(95.9); },
       [](auto& in) { R0(in).clear_art_rooms(); }},
      {"G4", [](auto& in) { R0(in).set_primary_students(2001); },
       [](auto& in) { R0(in).clear_primary_students(); }},
      {"G5", [](auto& in) { R0(in).set_primary_max_class_size(46); },
       [](auto& in) { R0(in).clear_primary_max_class_size(); }},
      // 40 students at 650 yuan must be funded as 100: 65000 needed, 26000 given.
      {"G6",
       [](auto& in) {
         R0(in).set_primary_students(40);
         R0(in).set_public_funds_yuan(26000);
       },
       [](auto& in) { F(in).clear_public_funds_quota_primary_yuan(); }},
      {"G7", [](auto& in) { F(in).set_special_ed_funds_per_student_yuan(5999); },
       [](auto& in) { F(in).clear_special_ed_funds_per_student_yuan(); }},
      {"G8", [](auto& in) { F(in).set_teacher_pay_ratio(0.99); },
       [](auto& in) { F(in).clear_teacher_pay_ratio(); }},
      {"G9",
       [](auto& in) { R0(in).set_training_completed_teachers(R0(in).primary_teachers() - 1); },
       [](auto& in) { R0(in).clear_training_completed_teachers(); }},
      {"G10", [](auto& in) { F(in).set_staffing_allocation_ok(false); },
       [](auto& in) { F(in).clear_staffing_allocation_ok(); }},
      {"G11", [](auto& in) { F(in).set_rotated_teachers(9); },
       [](auto& in) { F(in).clear_rotated_backbone_teachers(); }},
      {"G12", [](auto& in) { R0(in).set_certified_teachers(R0(in).primary_teachers() - 1); },
       [](auto& in) { R0(in).clear_certified_teachers(); }},
      {"G13",
       [](auto& in) {
         in.registry[0].set_locale("urban");
         R0(in).set_zoned_admissions(19);
       },
       [](auto& in) {
         in.registry[0].set_locale("town");
         R0(in).clear_zoned_admissions();
       }},
      {"G14", [](auto& in) { F(in).set_quality_hs_quota_share(0.49); },
       [](auto& in) { F(in).clear_quality_hs_quota_share(); }},
      {"G15", [](auto& in) { F(in).set_left_behind_care_ok(false); },
       [](auto& in) { F(in).clear_migrant_children_public_share(); }},
      {"Q1", [](auto& in) { F(in).set_consolidation_rate(0.94); },
       [](auto& in) { F(in).clear_consolidation_rate(); }},
      {"Q2", [](auto& in) { F(in).set_disabled_enrollment_rate(0.94); },
       [](auto& in) { F(in).clear_disabled_enrollment_rate(); }},
      {"Q3", [](auto& in) { R0(in).set_has_charter(false); },
       [](auto& in) { R0(in).clear_has_charter(); }},
      {"Q4", [](auto& in) { R0(in).set_teacher_training_funds_yuan(49999); },
       [](auto& in) { R0(in).clear_teacher_training_funds_yuan(); }},
      {"Q5", [](auto& in) { R0(in).set_ict_rating("fair"); },
       [](auto& in) { R0(in).clear_ict_rating(); }},
      {"Q6", [](auto& in) { R0(in).set_moral_culture_rating("poor"); },
       [](auto& in) { R0(in).clear_moral_culture_rating(); }},
      {"Q7", [](auto& in) { R0(in).set_courses_complete(false); },
       [](auto& in) { R0(in).clear_courses_complete(); }},
      {"Q8", [](auto& in) { R0(in).set_no_excess_burden(false); },
       [](auto& in) { R0(in).clear_no_excess_burden(); }},
      // The difference rate must be strictly below 0.15.
      {"Q9", [](auto& in) { F(in).mutable_monitoring(0)->set_between_school_rate(0.15); },
       [](auto& in) { F(in).clear_monitoring(); }},
      {"SR", [](auto& in) { F(in).set_survey_satisfied(849); },
       [](auto& in) { F(in).clear_survey_valid(); }},
      {"V1", [](auto& in) { F(in).set_veto_exam_admission(true); },
       [](auto& in) { F(in).clear_veto_exam_admission(); }},
      {"V2", [](auto& in) { F(in).set_veto_illegal_choice(true); },
       [](auto& in) { F(in).clear_veto_illegal_choice(); }},
      {"V3", [](auto& in) { F(in).set_veto_key_schools(true); },
       [](auto& in) { F(in).clear_veto_key_schools(); }},
      {"V4", [](auto& in) { F(in).set_veto_unfilled_posts(true); },
       [](auto& in) { F(in).clear_veto_unfilled_posts(); }},
      {"V5", [](auto& in) { F(in).set_veto_major_incident(true); },
       [](auto& in) { F(in).clear_veto_major_incident(); }},
      {"V6", [](auto& in) { F(in).set_veto_falsification(true); },
       [](auto& in) { F(in).clear_veto_falsification(); }},
  };
}

TEST(ItemsTest, GoodCountyPassesEveryItem) {
  v1::Evaluation e = Evaluate(GoodPrimaryCounty(), National()).value();
  ASSERT_EQ(e.items_size(), 15 + 9 + 1 + 6);
  for (const auto& item : e.items())
    EXPECT_EQ(item.status(), "pass") << item.id() << ": " << item.reason();
}

TEST(ItemsTest, EveryItemFailsAndIsNotJudgedOnItsOwn) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.id);
    EvaluationInput failing = GoodPrimaryCounty();
    c.fail(failing);
    v1::Evaluation e = Evaluate(failing, National()).value();
    const v1::ItemResult* item = FindItem(e, c.id);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->status(), "fail") << item->reason();
    EXPECT_FALSE(e.verdict().pass());
    bool listed = false;
    for (const auto& f : e.verdict().failures()) listed |= f.id() == c.id;
    EXPECT_TRUE(listed);

    EvaluationInput unknown = GoodPrimaryCounty();
    c.unset(unknown);
    e = Evaluate(unknown, National()).value();
    item = FindItem(e, c.id);
    EXPECT_EQ(item->status(), "not_judged") << item->reason();
    EXPECT_FALSE(item->reason().empty());
    EXPECT_FALSE(e.verdict().pass());
  }
}

TEST(ItemsTest, NotReportedReasonNamesTheField) {
  EvaluationInput in = GoodPrimaryCounty();
  F(in).clear_consolidation_rate();
  R0(in).clear_has_charter();
  v1::Evaluation e = Evaluate(in, National()).value();
  EXPECT_NE(FindItem(e, "Q1")->reason().find("consolidation_rate"), std::string::npos);
  EXPECT_NE(FindItem(e, "Q3")->reason().find("has_charter"), std::string::npos);
  EXPECT_NE(FindItem(e, "Q3")->reason().find("A1"), std::string::npos);
}

TEST(ItemsTest, NoCountyFactsLeavesCountyItemsNotJudged) {
  EvaluationInput in = GoodPrimaryCounty();
  in.county_facts.reset();
  v1::Evaluation e = Evaluate(in, National()).value();
  for (const char* id : {"G1", "G2", "G6", "G7", "G8", "G10", "G11", "G14", "G15", "Q1", "Q2", "Q9",
                         "SR", "V1", "V6"}) {
    EXPECT_EQ(FindItem(e, id)->status(), "not_judged") << id;
  }
  EXPECT_EQ(FindItem(e, "G3")->status(), "pass");
  EXPECT_EQ(e.verdict().status(), "not_judged");
}

TEST(ItemsTest, FailingNumericItemCarriesValueThresholdAndGap) {
  EvaluationInput in = GoodPrimaryCounty();
  F(in).set_survey_satisfied(800);
  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::ItemResult* sr = FindItem(e, "SR");
  EXPECT_NEAR(sr->value().number_value(), 0.80, 1e-12);
  EXPECT_NEAR(sr->threshold().number_value(), 0.85, 1e-12);
  EXPECT_NEAR(sr->gap().number_value(), 0.05, 1e-12);
}

TEST(ItemsTest, BoundariesAreInclusive) {
  EvaluationInput in = GoodPrimaryCounty();
  F(in).set_survey_satisfied(850);                // exactly 85%
  F(in).set_rotated_teachers(10);                 // exactly 10%
  F(in).set_rotated_backbone_teachers(2);         // exactly 20% of 10
  F(in).set_quality_hs_quota_share(0.5);          // exactly the national share
  R0(in).set_primary_max_class_size(45);          // exactly 45
  R0(in).set_music_room_min_area_m2(96);          // exactly 96
  R0(in).set_teacher_training_funds_yuan(50000);  // exactly 5%
  v1::Evaluation e = Evaluate(in, National()).value();
  for (const char* id : {"SR", "G11", "G14", "G5", "G3", "Q4"}) {
    EXPECT_EQ(FindItem(e, id)->status(), "pass") << id << ": " << FindItem(e, id)->reason();
  }
}

// The county profile's targets: G14 0.80 and Q1, Q2 0.99 instead of 0.50 and 0.95.
TEST(ItemsTest, QinCountyProfileRaisesTheCountyTargets) {
  EvaluationInput in = GoodPrimaryCounty();
  F(in).set_quality_hs_quota_share(0.6);
  F(in).set_consolidation_rate(0.97);
  F(in).set_disabled_enrollment_rate(0.985);
  v1::Evaluation national = Evaluate(in, National()).value();
  v1::Evaluation qin = Evaluate(in, Qin()).value();
  for (const char* id : {"G14", "Q1", "Q2"}) {
    EXPECT_EQ(FindItem(national, id)->status(), "pass") << id;
    EXPECT_EQ(FindItem(qin, id)->status(), "fail") << id;
  }
  EXPECT_NEAR(FindItem(qin, "G14")->threshold().number_value(), 0.80, 1e-12);
  EXPECT_NEAR(FindItem(qin, "Q1")->threshold().number_value(), 0.99, 1e-12);
  EXPECT_EQ(qin.profile().name(), "qin-county");
  EXPECT_EQ(national.profile().name(), "national-2017");
  EXPECT_NE(qin.input_hash(), national.input_hash());
}

TEST(ItemsTest, EachVetoAloneFailsACountyThatOtherwisePasses) {
  for (const char* id : {"V1", "V2", "V3", "V4", "V5", "V6"}) {
    EvaluationInput in = GoodPrimaryCounty();
    for (const Case& c : Cases()) {
      if (c.id == id) c.fail(in);
    }
    v1::Evaluation e = Evaluate(in, National()).value();
    ASSERT_EQ(e.verdict().failures_size(), 1) << id;
    EXPECT_EQ(e.verdict().failures(0).id(), id);
  }
}

TEST(ItemsTest, CountyRatesSumOverSchools) {
  // G12 is a county rate: 1 uncertified teacher among A1's and none elsewhere gives
  // (T - 1) / T over the county's T teachers.
  EvaluationInput in = GoodPrimaryCounty();
  R0(in).set_certified_teachers(R0(in).primary_teachers() - 1);
  double total = 0;
  for (const auto& r : in.reports) total += r.primary_teachers();
  v1::Evaluation e = Evaluate(in, National()).value();
  EXPECT_NEAR(FindItem(e, "G12")->value().number_value(), (total - 1) / total, 1e-12);
  ASSERT_EQ(FindItem(e, "G12")->schools_size(), 1);
  EXPECT_EQ(FindItem(e, "G12")->schools(0).school_code(), "A1");
}

// Issue 14 item 5: A1 lacks one certified and one trained teacher of its 30; A2 leaves both
// cells empty. Whatever A2 has, the county share is at most 59/60 < 100%: the data already proves
// G9 and G12 fail, as G5 fails with one school over the limit and another's cell empty.
TEST(ItemsTest, CountyShareFailsWhenTheReportedSchoolsAlreadyMissTheMinimum) {
  EvaluationInput in = GoodPrimaryCounty();
  ASSERT_GE(in.reports.size(), 2u);
  const double a1_teachers = R0(in).primary_teachers();
  R0(in).set_certified_teachers(a1_teachers - 1);
  R0(in).set_training_completed_teachers(a1_teachers - 1);
  in.reports[1].clear_certified_teachers();
  in.reports[1].clear_training_completed_teachers();
  v1::Evaluation e = Evaluate(in, National()).value();
  for (const char* id : {"G9", "G12"}) {
    const v1::ItemResult* item = FindItem(e, id);
    EXPECT_EQ(item->status(), "fail") << id << ": " << item->reason();
    EXPECT_NE(item->reason().find(in.reports[1].school_code()), std::string::npos) << id;
    bool listed = false;
    for (const auto& failure : e.verdict().failures()) listed |= failure.id() == id;
    EXPECT_TRUE(listed) << id << " is not among verdict.failures";
  }

  // A school with no report at all could bring any number of teachers, yet none can lift a
  // share that already misses a 100% minimum.
  in.reports.erase(in.reports.begin() + 1);
  e = Evaluate(in, National()).value();
  EXPECT_EQ(FindItem(e, "G12")->status(), "fail") << FindItem(e, "G12")->reason();
}

TEST(ItemsTest, CountyShareStaysNotJudgedWhileTheMissingCellsCouldStillReachIt) {
  EvaluationInput in = GoodPrimaryCounty();
  ASSERT_GE(in.reports.size(), 2u);
  v1::Profile profile = National();
  profile.set_certified_share_min(0.9);
  double total = 0;
  for (const auto& r : in.reports) total += r.primary_teachers();
  const double a1_teachers = R0(in).primary_teachers();
  in.reports[1].clear_certified_teachers();

  // Short by one: the missing cell could still hold every teacher of its school.
  R0(in).set_certified_teachers(a1_teachers - 1);
  EXPECT_EQ(FindItem(Evaluate(in, profile).value(), "G12")->status(), "not_judged");

  // Short by more than 10% of the county even if the missing school's teachers all hold one.
  const double short_by = std::ceil(0.1 * total) + 1;
  ASSERT_LE(short_by, a1_teachers);
  R0(in).set_certified_teachers(a1_teachers - short_by);
  const v1::Evaluation evaluation = Evaluate(in, profile).value();
  const v1::ItemResult* g12 = FindItem(evaluation, "G12");
  EXPECT_EQ(g12->status(), "fail") << g12->reason();
  EXPECT_NEAR(g12->gap().number_value(), 0.9 - (total - short_by) / total, 1e-12);

  // A school without a report could bring enough certified teachers to reach 90%.
  in.reports.erase(in.reports.begin() + 1);
  EXPECT_EQ(FindItem(Evaluate(in, profile).value(), "G12")->status(), "not_judged");
}

}  // namespace
}  // namespace junheng::eval

namespace junheng::eval {
namespace {

// Reasons print numbers as printf's %.6g would; Num is checked against printf itself.
TEST(NumTest, FormatsAsPrintfSixSignificantDigits) {
  std::vector<double> values = {0,
                                -0.0,
                                1,
                                0.5,
                                2.5,
                                1.0 / 3,
                                0.85,
                                0.45,
                                1e6,
                                999999.5,
                                9999995,
                                123456789,
                                1e-4,
                                1e-5,
                                9.999995e-5,
                                0.000123456789,
                                -42.125,
                                1e300,
                                -1e-300,
                                5e-324,
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::nan("")};
  for (int i = 0; i < 2000; ++i) values.push_back(std::ldexp(1234567.0 + 7919.0 * i, i % 60 - 40));
  // Whole numbers around the million where %.6g switches to an exponent.
  for (double v : {42.0, -7.0, 100000.0, 999999.0, -999999.0, 1000001.0, 2e6, -3e7}) {
    values.push_back(v);
  }
  for (int i = -3000; i <= 3000; ++i) values.push_back(i * 331.0);
  for (double v : values) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.6g", v);
    EXPECT_EQ(Num(v), expected) << "value " << v;
  }
}

}  // namespace
}  // namespace junheng::eval
