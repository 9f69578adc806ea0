#include "common/io/message_codec.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/county_facts.pb.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

namespace junheng::io {
namespace {

using junheng::v1::CountyFacts;
using junheng::v1::SchoolReport;
using ::testing::HasSubstr;

TEST(MessageCodecTest, CsvCellsBecomeTypedFieldsAndEmptyCellsStayUnset) {
  auto reports = DecodeRecords<SchoolReport>(
      "school_code,period,primary_students,teaching_aux_area_m2,has_charter,ict_rating,"
      "junior_students\n"
      "2140043001,2024,620,3492.5,true,good,\n",
      FileFormat::kCsv);
  ASSERT_TRUE(reports.ok()) << reports.status();
  ASSERT_EQ(reports->size(), 1u);
  const SchoolReport& r = (*reports)[0];
  EXPECT_EQ(r.school_code(), "2140043001");
  EXPECT_EQ(r.primary_students(), 620);
  EXPECT_DOUBLE_EQ(r.teaching_aux_area_m2(), 3492.5);
  EXPECT_TRUE(r.has_has_charter() && r.has_charter());
  EXPECT_EQ(r.ict_rating(), "good");
  EXPECT_FALSE(r.has_junior_students()) << "an empty cell is 'not reported', never zero";
}

TEST(MessageCodecTest, ZeroIsReportedNotMissing) {
  auto reports =
      DecodeRecords<SchoolReport>("school_code,period,music_rooms\nx,2024,0\n", FileFormat::kCsv);
  ASSERT_TRUE(reports.ok());
  EXPECT_TRUE((*reports)[0].has_music_rooms());
  EXPECT_EQ((*reports)[0].music_rooms(), 0);
}

TEST(MessageCodecTest, UnknownColumnIsNamed) {
  auto reports =
      DecodeRecords<SchoolReport>("school_code,period,pupils\nx,2024,3\n", FileFormat::kCsv);
  ASSERT_FALSE(reports.ok());
  EXPECT_EQ(reports.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(reports.status().message(), HasSubstr("unknown column 'pupils'"));
}

TEST(MessageCodecTest, EveryBadCellIsListedWithLineAndColumn) {
  auto reports = DecodeRecords<SchoolReport>(
      "school_code,period,primary_students,sports_area_m2,has_charter\n"
      "a,2024,12x,5,yes\n"
      "b,2024,3,1.2.3,maybe\n",
      FileFormat::kCsv);
  ASSERT_FALSE(reports.ok());
  const std::string message(reports.status().message());
  EXPECT_THAT(message, HasSubstr("line 2, primary_students: '12x' is not a whole number"));
  EXPECT_THAT(message, HasSubstr("line 3, sports_area_m2: '1.2.3' is not a number"));
  EXPECT_THAT(message, HasSubstr("line 3, has_charter: 'maybe' is not yes/no"));
}

TEST(MessageCodecTest, JsonObjectAndArrayAreAccepted) {
  auto one = DecodeRecords<SchoolReport>(R"({"school_code": "a", "period": "2024",
      "primary_students": 0, "junior_students": null})",
                                         FileFormat::kJson);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_TRUE((*one)[0].has_primary_students());
  EXPECT_FALSE((*one)[0].has_junior_students()) << "null means not reported";
  auto many = DecodeRecords<SchoolReport>(
      R"([{"school_code": "a", "period": "2024"}, {"school_code": "b", "period": "2024"}])",
      FileFormat::kJson);
  ASSERT_TRUE(many.ok()) << many.status();
  EXPECT_EQ((*many)[1].school_code(), "b");
}

TEST(MessageCodecTest, JsonUnknownKeyIsNamed) {
  auto reports =
      DecodeRecords<SchoolReport>(R"({"school_code": "a", "pupils": 3})", FileFormat::kJson);
  ASSERT_FALSE(reports.ok());
  EXPECT_THAT(reports.status().message(), HasSubstr("pupils"));
}

TEST(MessageCodecTest, CsvRoundTripKeepsEveryValueAndEveryGap) {
  SchoolReport report;
  report.set_school_code("2140043011");
  report.set_period("2024");
  report.set_junior_students(1200);
  report.set_equipment_value_yuan(3120000.75);
  report.set_courses_complete(false);
  report.set_moral_culture_rating("excellent");
  std::string csv = EncodeCsv({&report});
  auto back = DecodeRecords<SchoolReport>(csv, FileFormat::kCsv);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ((*back)[0].SerializeAsString(), report.SerializeAsString());
}

TEST(MessageCodecTest, JsonPrintsZeroAndFalseWhenSet) {
  SchoolReport report;
  report.set_music_rooms(0);
  report.set_has_charter(false);
  std::string json = EncodeJson(report, false);
  EXPECT_THAT(json, HasSubstr("\"music_rooms\":0"));
  EXPECT_THAT(json, HasSubstr("\"has_charter\":false"));
  EXPECT_THAT(json, ::testing::Not(HasSubstr("art_rooms")));
}

TEST(MessageCodecTest, DetectsFormatFromExtensionThenContent) {
  EXPECT_EQ(DetectFormat("r.JSON", "a,b"), FileFormat::kJson);
  EXPECT_EQ(DetectFormat("r.csv", "{"), FileFormat::kCsv);
  EXPECT_EQ(DetectFormat("-", "  [{}]"), FileFormat::kJson);
  EXPECT_EQ(DetectFormat("r.txt", "a,b"), FileFormat::kCsv);
}

TEST(MessageCodecTest, CsvColumnsAreTheCataloguesAndSkipRepeatedFields) {
  CountyFacts facts;
  facts.set_teacher_pay_ratio(1.05);
  facts.add_monitoring()->set_subject("数学");
  std::string csv = EncodeCsv({&facts});
  std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_EQ(header.find("monitoring"), std::string::npos);
  EXPECT_NE(header.find("teacher_pay_ratio"), std::string::npos);
  EXPECT_TRUE(header.starts_with("county_code,period,layout_plan_ok,"));
}

// The national forms' county figures (issue 11) travel in CSV and JSON like every other fact, and
// facts written before them still decode.
TEST(MessageCodecTest, CountyFactsFormsFiguresRoundTripInCsvAndJson) {
  CountyFacts facts;
  facts.set_county_code("140430");
  facts.set_period("2024");
  facts.set_survey_valid(3046);
  facts.set_population_10k(15.73);
  facts.set_towns(13);
  facts.set_gdp_per_capita_yuan(38512);
  facts.set_oversize_primary_classes(0);
  facts.set_civil_servant_average_pay_yuan(71800.5);
  facts.set_junior_deaths(1);
  facts.set_parent_visits_satisfied(412);
  for (FileFormat format : {FileFormat::kCsv, FileFormat::kJson}) {
    std::string text = format == FileFormat::kCsv ? EncodeCsv({&facts}) : EncodeJson(facts);
    auto back = DecodeRecords<CountyFacts>(text, format);
    ASSERT_TRUE(back.ok()) << back.status();
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].SerializeAsString(), facts.SerializeAsString()) << text;
    EXPECT_FALSE((*back)[0].has_junior_staff()) << "a figure not entered stays unset";
  }
  auto old = DecodeRecords<CountyFacts>(
      R"({"county_code": "140430", "period": "2023", "survey_valid": 2987})", FileFormat::kJson);
  ASSERT_TRUE(old.ok()) << old.status();
  EXPECT_FALSE((*old)[0].has_population_10k());
}

TEST(MessageCodecTest, ARecordTypeOutsideTheCatalogueHasNoCsvForm) {
  auto decoded = DecodeCsv("receipt_id\nx\n", junheng::v1::Receipt::default_instance());
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(decoded.status().message(), "Receipt records have no CSV form; use the JSON form");
}

}  // namespace
}  // namespace junheng::io
