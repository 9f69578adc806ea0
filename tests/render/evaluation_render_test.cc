// The JSON of an Evaluation carries every stable key of issue 3, with numbers as JSON numbers and
// false and 0 printed rather than omitted.
#include "common/render/evaluation_render.h"

#include "common/eval/evaluate.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::render {
namespace {

using eval::Evaluate;
using eval::EvaluationInput;
namespace testing = eval::testing;

using google::protobuf::Struct;
using google::protobuf::Value;
using testing::GoodPrimaryCounty;
using testing::MakeSchool;
using testing::National;

const Value& Key(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  EXPECT_NE(it, s.fields().end()) << "missing key " << key;
  static const Value kNull;
  return it == s.fields().end() ? kNull : it->second;
}

void ExpectKeys(const Struct& s, std::initializer_list<const char*> keys,
                const std::string& where) {
  for (const char* k : keys) EXPECT_TRUE(s.fields().count(k)) << where << " lacks \"" << k << "\"";
}

TEST(EvaluationJsonTest, HasEveryStableKeyWithFalseAndZeroPrinted) {
  EvaluationInput in = GoodPrimaryCounty();
  // An excluded teaching point (excluded true, met_count 0) and a junior school that fails
  // (meets false), so that both truth values and zeros appear.
  in.registry.push_back(MakeSchool("TP", "teaching_point"));
  v1::SchoolReport tp = testing::PrimaryReport("TP", 20, testing::kGoodPrimary);
  in.reports.push_back(tp);
  in.registry.push_back(MakeSchool("J1", "junior"));
  v1::SchoolReport j;
  j.set_school_code("J1");
  j.set_period("2024");
  j.set_junior_students(300);
  j.set_junior_teachers_above_degree(0);
  j.set_junior_backbone_teachers(0);
  j.set_junior_pe_art_teachers(0);
  j.set_teaching_aux_area_m2(0);
  j.set_sports_area_m2(0);
  j.set_equipment_value_yuan(0);
  j.set_multimedia_classrooms(0);
  in.reports.push_back(j);
  v1::Evaluation e = Evaluate(in, testing::Qin()).value();
  std::string json = RenderJson(e);

  Struct root;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &root).ok()) << json.substr(0, 500);
  ExpectKeys(root,
             {"county_code", "period", "profile", "levels", "items", "verdict", "plan_progress",
              "gaps", "input_hash"},
             "root");
  EXPECT_EQ(Key(root, "county_code").string_value(), "140430");
  EXPECT_EQ(Key(root, "period").string_value(), "2024");
  const Struct& profile = Key(root, "profile").struct_value();
  EXPECT_EQ(Key(profile, "name").string_value(), "qin-county");
  EXPECT_FALSE(Key(profile, "version").string_value().empty());

  const auto& levels = Key(root, "levels").list_value().values();
  ASSERT_EQ(levels.size(), 2);
  EXPECT_EQ(Key(levels[0].struct_value(), "level").string_value(), "primary");
  EXPECT_EQ(Key(levels[1].struct_value(), "level").string_value(), "junior");
  bool saw_false_meets = false, saw_zero_met = false, saw_excluded = false,
       saw_false_excluded = false;
  for (const Value& level : levels) {
    const Struct& l = level.struct_value();
    ExpectKeys(l, {"level", "units", "indicators", "pass"}, "level");
    EXPECT_EQ(Key(l, "pass").kind_case(), Value::kBoolValue);
    for (const Value& unit : Key(l, "units").list_value().values()) {
      const Struct& u = unit.struct_value();
      ExpectKeys(u,
                 {"school_code", "section", "students", "values", "met_count", "meets", "excluded",
                  "exclusion_reason"},
                 "unit");
      EXPECT_EQ(Key(u, "students").kind_case(), Value::kNumberValue);
      EXPECT_EQ(Key(u, "met_count").kind_case(), Value::kNumberValue);
      EXPECT_EQ(Key(u, "meets").kind_case(), Value::kBoolValue);
      EXPECT_EQ(Key(u, "excluded").kind_case(), Value::kBoolValue);
      saw_false_meets |= !Key(u, "meets").bool_value();
      saw_zero_met |= Key(u, "met_count").number_value() == 0;
      saw_excluded |= Key(u, "excluded").bool_value();
      saw_false_excluded |= !Key(u, "excluded").bool_value();
      if (!Key(u, "excluded").bool_value()) {
        ExpectKeys(Key(u, "values").struct_value(), {"L1", "L2", "L3", "L4", "L5", "L6", "L7"},
                   "values");
        EXPECT_EQ(Key(Key(u, "values").struct_value(), "L1").kind_case(), Value::kNumberValue);
      }
    }
    const auto& indicators = Key(l, "indicators").list_value().values();
    ASSERT_EQ(indicators.size(), 7);
    for (const Value& ind : indicators) {
      const Struct& i = ind.struct_value();
      ExpectKeys(i, {"id", "name_zh", "mean", "sd", "cv", "threshold", "pass"}, "indicator");
      EXPECT_EQ(Key(i, "mean").kind_case(), Value::kNumberValue);
      EXPECT_EQ(Key(i, "threshold").kind_case(), Value::kNumberValue);
      EXPECT_EQ(Key(i, "pass").kind_case(), Value::kBoolValue);
      // cv is a number, or null when undefined.
      EXPECT_TRUE(Key(i, "cv").kind_case() == Value::kNumberValue ||
                  Key(i, "cv").kind_case() == Value::kNullValue);
    }
  }
  EXPECT_TRUE(saw_false_meets);
  EXPECT_TRUE(saw_zero_met);
  EXPECT_TRUE(saw_excluded);
  EXPECT_TRUE(saw_false_excluded);

  const auto& items = Key(root, "items").list_value().values();
  EXPECT_EQ(items.size(), 31);
  for (const Value& item : items) {
    const Struct& i = item.struct_value();
    ExpectKeys(i, {"id", "name_zh", "status", "value", "threshold", "reason"}, "item");
    std::string status = Key(i, "status").string_value();
    EXPECT_TRUE(status == "pass" || status == "fail" || status == "not_judged") << status;
  }
  const Struct& verdict = Key(root, "verdict").struct_value();
  ExpectKeys(verdict, {"pass", "failures"}, "verdict");
  EXPECT_EQ(Key(verdict, "pass").kind_case(), Value::kBoolValue);
  EXPECT_FALSE(Key(verdict, "pass").bool_value());
  EXPECT_EQ(Key(root, "plan_progress").kind_case(), Value::kListValue);
  EXPECT_EQ(Key(root, "gaps").kind_case(), Value::kListValue);
  EXPECT_FALSE(Key(root, "gaps").list_value().values().empty());
}

TEST(EvaluationJsonTest, RoundTripsThroughJson) {
  v1::Evaluation e = Evaluate(GoodPrimaryCounty(), National()).value();
  v1::Evaluation back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(RenderJson(e), &back).ok());
  EXPECT_EQ(RenderJson(back), RenderJson(e));
}

TEST(EvaluationRenderTest, TextNamesIndicatorsByIdAndChineseName) {
  v1::Evaluation e = Evaluate(GoodPrimaryCounty(), National()).value();
  std::string text = RenderText(e);
  EXPECT_NE(text.find("L1 每百名学生拥有高于规定学历教师数"), std::string::npos);
  EXPECT_NE(text.find("L6 生均教学仪器设备值"), std::string::npos);
  EXPECT_NE(text.find("G14 优质高中招生名额分配到区域内初中的比例"), std::string::npos);
  EXPECT_NE(text.find("Q1 初中三年巩固率"), std::string::npos);
  std::string csv = RenderCsv(e);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFrow,level,school_code", 0), 0u)
      << "a UTF-8 byte-order mark, then the header: Excel reads the names as UTF-8";
  EXPECT_NE(csv.find("unit,primary,A1,"), std::string::npos);
  EXPECT_NE(csv.find("cv,primary,"), std::string::npos);
}

// The cv row's status is the coefficients' own: a level that fails only because a unit misses the
// per-unit rule has a passing cv row (it used to copy the level's status and say fail).
TEST(EvaluationRenderTest, CsvCoefficientRowPassesWhenEveryCoefficientPassesButAUnitFails) {
  EvaluationInput in = GoodPrimaryCounty();
  // A3 (1000 students, so that 0.9 per hundred is 9 whole teachers) misses L1 (4.0 < 4.2) and
  // L2 (0.9 < 1.0): two misses fail the per-unit rule, while the spread between the three schools
  // keeps every coefficient below 0.50 (L2's is 0.38).
  in.reports[2] = testing::PrimaryReport("A3", 1000, {4, 0.9, 1, 5, 8, 2500, 3});
  v1::Evaluation e = Evaluate(in, National()).value();
  const v1::LevelResult& primary = e.levels(0);
  ASSERT_EQ(primary.status(), "fail");
  for (const v1::IndicatorResult& ind : primary.indicators()) {
    ASSERT_EQ(ind.status(), "pass") << ind.id();
  }
  std::string csv = RenderCsv(e);
  size_t cv = csv.find("\ncv,primary,");
  ASSERT_NE(cv, std::string::npos) << csv;
  std::string line = csv.substr(cv + 1, csv.find('\n', cv + 1) - cv - 1);
  EXPECT_NE(line.find(",,pass,,"), std::string::npos) << line;
  EXPECT_EQ(line.find("fail"), std::string::npos) << line;
}

}  // namespace
}  // namespace junheng::render
