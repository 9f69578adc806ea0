#include "common/io/message_codec.h"

#include "common/io/csv_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/county_facts.pb.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"
#include "tests/testing/english.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_writer.h"

namespace junheng::io {
namespace {

using junheng::v1::CountyFacts;
using junheng::v1::School;
using junheng::v1::SchoolReport;
using ::testing::HasSubstr;
using ::testing::StartsWith;

absl::StatusOr<std::vector<SchoolReport>> Csv(absl::string_view text) {
  return ReadRecords<SchoolReport>(text, "reports.csv");
}
absl::StatusOr<std::vector<SchoolReport>> Json(absl::string_view text) {
  return ReadRecords<SchoolReport>(text, "reports.json");
}

TEST(MessageCodecTest, CsvCellsBecomeTypedFieldsAndEmptyCellsStayUnset) {
  auto reports =
      Csv("school_code,period,primary_students,teaching_aux_area_m2,has_charter,ict_rating,"
          "junior_students\n"
          "2140043001,2024,620,3492.5,true,good,\n");
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
  auto reports = Csv("school_code,period,music_rooms\nx,2024,0\n");
  ASSERT_TRUE(reports.ok());
  EXPECT_TRUE((*reports)[0].has_music_rooms());
  EXPECT_EQ((*reports)[0].music_rooms(), 0);
}

// Issue 14 item 1: a field without a column is told apart from an empty cell, labels as headers
// included; JSON has no columns to miss.
TEST(MessageCodecTest, FieldsWithoutColumnAreTheCatalogueFieldsNoHeaderNames) {
  auto file = ReadTable("学校标识码,period,primary_students,体育运动场馆面积(m²)\nx,2024,,3\n",
                        "reports.csv");
  ASSERT_TRUE(file.ok()) << file.status();
  std::set<std::string> absent = FieldsWithoutColumn(*file, SchoolReport::default_instance());
  EXPECT_FALSE(absent.contains("school_code"));
  EXPECT_FALSE(absent.contains("primary_students")) << "an empty cell still has its column";
  EXPECT_FALSE(absent.contains("sports_area_m2"));
  EXPECT_TRUE(absent.contains("music_rooms"));
  EXPECT_EQ(absent.size(), 37u - 4u);
  auto json = ReadTable("{\"school_code\": \"x\", \"period\": \"2024\"}", "reports.json");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_TRUE(FieldsWithoutColumn(*json, SchoolReport::default_instance()).empty());
}

TEST(MessageCodecTest, UnknownColumnIsNamed) {
  auto reports = Csv("school_code,period,pupils\nx,2024,3\n");
  ASSERT_FALSE(reports.ok());
  EXPECT_EQ(reports.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(reports.status().message(),
            "line 1: unknown column 'pupils'; the columns are listed in docs/report-fields.md, "
            "or run `junheng template`");
}

TEST(MessageCodecTest, EveryBadCellIsListedWithLineFieldAndLabel) {
  auto reports =
      Csv("school_code,period,primary_students,sports_area_m2,has_charter\n"
          "a,2024,12x,5,yes\n"
          "b,2024,3,1.2.3,maybe\n");
  ASSERT_FALSE(reports.ok());
  const std::string message(reports.status().message());
  EXPECT_THAT(message,
              HasSubstr("line 2, primary_students (小学在校生数): '12x' is not a whole number"));
  EXPECT_THAT(message,
              HasSubstr("line 3, sports_area_m2 (体育运动场馆面积): '1.2.3' is not a number"));
  EXPECT_THAT(message,
              HasSubstr("line 3, has_charter (制定章程、管理与教学信息化): 'maybe' is not yes/no"));
}

TEST(MessageCodecTest, HeadersNameFieldsByNameLabelOrLabelWithUnit) {
  auto reports =
      Csv(" School_Code ,填报期,音乐专用教室数,教学及辅助用房面积(m²),体育运动场馆面积（㎡）,"
          "最小音乐教室面积 (m2),教学仪器设备值(元)\n"
          "2140043001,2024,2,3492.3,5479,84.8,1554000\n");
  ASSERT_TRUE(reports.ok()) << reports.status();
  const SchoolReport& r = (*reports)[0];
  EXPECT_EQ(r.school_code(), "2140043001");
  EXPECT_EQ(r.period(), "2024");
  EXPECT_EQ(r.music_rooms(), 2);
  EXPECT_DOUBLE_EQ(r.teaching_aux_area_m2(), 3492.3);
  EXPECT_DOUBLE_EQ(r.sports_area_m2(), 5479);
  EXPECT_DOUBLE_EQ(r.music_room_min_area_m2(), 84.8);
  EXPECT_DOUBLE_EQ(r.equipment_value_yuan(), 1554000);
}

TEST(MessageCodecTest, TheTemplatesLabelRowOverItsNameRowIsOneHeader) {
  const std::string body = "2140043001,2024,620,3492.3\n";
  auto two_rows =
      Csv("学校标识码,填报期,小学在校生数,教学及辅助用房面积(m²)\n"
          "school_code,period,primary_students,teaching_aux_area_m2\n" +
          body);
  ASSERT_TRUE(two_rows.ok()) << two_rows.status();
  ASSERT_EQ(two_rows->size(), 1u) << "the name row is no report";
  EXPECT_EQ((*two_rows)[0].primary_students(), 620);
  auto labels_only = Csv("学校标识码,填报期,小学在校生数,教学及辅助用房面积(m²)\n" + body);
  ASSERT_TRUE(labels_only.ok()) << labels_only.status();
  ASSERT_EQ(labels_only->size(), 1u);
  EXPECT_DOUBLE_EQ((*labels_only)[0].teaching_aux_area_m2(), 3492.3);
}

TEST(MessageCodecTest, TitleRowsAboveTheHeaderAreSkipped) {
  auto reports =
      Csv("沁县义务教育优质均衡发展监测填报表,,,\n"
          "\n"
          "school_code,period,primary_students\n"
          "2140043001,2024,620\n");
  ASSERT_TRUE(reports.ok()) << reports.status();
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].primary_students(), 620);
}

TEST(MessageCodecTest, ATableWithoutAHeaderRowIsRefusedInOneSentence) {
  auto reports = Csv("2140043001,2024,620\n2140043002,2024,210\n");
  ASSERT_FALSE(reports.ok());
  EXPECT_EQ(reports.status().message(),
            "the CSV file has no header row: none of its first rows names a field by its name "
            "(school_code) or its label (学校标识码); start from `junheng template`, or use the "
            "columns of docs/report-fields.md");
}

TEST(MessageCodecTest, ASemicolonSeparatedFileIsRefusedInOneSentence) {
  auto reports = Csv("school_code;period;primary_students\n2140043001;2024;620\n");
  ASSERT_FALSE(reports.ok());
  EXPECT_EQ(reports.status().message(),
            "the CSV file is separated by semicolons (;) instead of commas, as Excel saves CSV "
            "under some regional settings; save the file as CSV UTF-8 (逗号分隔) or as .xlsx");
}

TEST(MessageCodecTest, YesNoAndWordsTakeTheirChineseAndSpreadsheetForms) {
  auto reports =
      Csv("school_code,period,has_charter,courses_complete,no_excess_burden,ict_rating,"
          "moral_culture_rating\n"
          "a,2024,是,否,TRUE,优秀,良好\n"
          "b,2024,False,yes,0,一般,较差\n"
          "c,2024,1,No,true,Excellent,fair\n");
  ASSERT_TRUE(reports.ok()) << reports.status();
  const auto& r = *reports;
  EXPECT_TRUE(r[0].has_charter());
  EXPECT_FALSE(r[0].courses_complete());
  EXPECT_TRUE(r[0].no_excess_burden());
  EXPECT_EQ(r[0].ict_rating(), "excellent");
  EXPECT_EQ(r[0].moral_culture_rating(), "good");
  EXPECT_FALSE(r[1].has_charter());
  EXPECT_TRUE(r[1].courses_complete());
  EXPECT_FALSE(r[1].no_excess_burden());
  EXPECT_EQ(r[1].ict_rating(), "fair");
  EXPECT_EQ(r[1].moral_culture_rating(), "poor");
  EXPECT_TRUE(r[2].has_charter());
  EXPECT_FALSE(r[2].courses_complete());
  EXPECT_EQ(r[2].ict_rating(), "excellent");
  auto schools = ReadRecords<School>(
      "school_code,school_type,locale,ownership,boarding\n"
      "1,小学,城区,公办,是\n2,nine_year,乡村,民办,否\n3,初中二部,镇区,public,\n",
      "schools.csv");
  ASSERT_TRUE(schools.ok()) << schools.status();
  EXPECT_EQ((*schools)[0].school_type(), "primary");
  EXPECT_EQ((*schools)[0].locale(), "urban");
  EXPECT_EQ((*schools)[0].ownership(), "public");
  EXPECT_TRUE((*schools)[0].boarding());
  EXPECT_EQ((*schools)[1].locale(), "rural");
  EXPECT_EQ((*schools)[1].ownership(), "private");
  EXPECT_EQ((*schools)[2].school_type(), "初中二部") << "kept for validation to name";
  EXPECT_EQ((*schools)[2].locale(), "town");
}

TEST(MessageCodecTest, WholeNumbersMayHaveAZeroFractionButNoOther) {
  auto reports = Csv("school_code,period,primary_students,music_rooms\na,2024.0,120.0,3.00\n");
  ASSERT_TRUE(reports.ok()) << reports.status();
  EXPECT_EQ((*reports)[0].primary_students(), 120);
  EXPECT_EQ((*reports)[0].music_rooms(), 3);
  EXPECT_EQ((*reports)[0].period(), "2024") << "Excel writes the period 2024 as 2024.0";
  auto fraction = Csv("school_code,period,primary_students\na,2024,120.5\n");
  ASSERT_FALSE(fraction.ok());
  EXPECT_THAT(fraction.status().message(),
              HasSubstr("line 2, primary_students (小学在校生数): '120.5' is not a whole number"));
  auto other_text =
      ReadRecords<School>("school_code,contact_phone\n2140043001.0,7000001.0\n", "schools.csv");
  ASSERT_TRUE(other_text.ok());
  EXPECT_EQ((*other_text)[0].school_code(), "2140043001.0") << "only the period is normalised";
  EXPECT_EQ((*other_text)[0].contact_phone(), "7000001.0");
}

TEST(MessageCodecTest, ColumnsWithoutAHeaderMustBeEmpty) {
  auto trailing = Csv("school_code,period,,\na,2024,,\n");
  ASSERT_TRUE(trailing.ok()) << trailing.status();
  auto extra = Csv("school_code,period\na,2024,5\n");
  ASSERT_FALSE(extra.ok());
  EXPECT_THAT(std::string(extra.status().message()),
              StartsWith("line 2, column 3: '5' is in a column without a header"));
}

TEST(MessageCodecTest, AFieldNamedTwiceIsRefused) {
  auto reports = Csv("school_code,music_rooms,音乐专用教室数\na,1,1\n");
  ASSERT_FALSE(reports.ok());
  EXPECT_EQ(reports.status().message(),
            "line 1: column '音乐专用教室数' names music_rooms (音乐专用教室数) again after "
            "'music_rooms'; keep one");
}

TEST(MessageCodecTest, WorkbookCellsAreNamedByRowAndColumn) {
  testing::TempDir dir;
  std::string bytes = testing::WriteXlsx(
      dir.Sub("r.xlsx"), {{"填报",
                           {{std::string("学校标识码"), std::string("填报期"),
                             std::string("小学在校生数"), std::string("开齐开足课程")},
                            {std::string("school_code"), std::string("period"),
                             std::string("primary_students"), std::string("courses_complete")},
                            {std::string("2140043001"), 2024.0, std::string("六百"), true},
                            {std::string("2140043002"), 2024.0, 210.0, std::string("也许")}}}});
  ASSERT_FALSE(bytes.empty());
  auto reports = ReadRecords<SchoolReport>(bytes, "r.xlsx");
  ASSERT_FALSE(reports.ok());
  EXPECT_EQ(
      reports.status().message(),
      "row 3, column C, primary_students (小学在校生数): '六百' is not a whole number; write "
      "digits only, e.g. 120\n"
      "row 4, column D, courses_complete (开齐开足课程): '也许' is not yes/no; write 是 or 否 "
      "(true or false)");
}

TEST(MessageCodecTest, JsonObjectAndArrayAreAccepted) {
  auto one = Json(R"({"school_code": "a", "period": "2024",
      "primary_students": 0, "junior_students": null})");
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_TRUE((*one)[0].has_primary_students());
  EXPECT_FALSE((*one)[0].has_junior_students()) << "null means not reported";
  auto many =
      Json(R"([{"school_code": "a", "period": "2024"}, {"school_code": "b", "period": "2024"}])");
  ASSERT_TRUE(many.ok()) << many.status();
  EXPECT_EQ((*many)[1].school_code(), "b");
}

TEST(MessageCodecTest, JsonUnknownKeyIsNamed) {
  auto reports = Json(R"({"school_code": "a", "pupils": 3})");
  ASSERT_FALSE(reports.ok());
  EXPECT_THAT(reports.status().message(), HasSubstr("pupils"));
}

TEST(MessageCodecTest, CsvRoundTripKeepsEveryValueAndEveryGap) {
  SchoolReport report;
  report.set_school_code("2140043011");
  report.set_period("2024");
  report.set_junior_students(1200);
  report.set_equipment_value_yuan(3120000.75);
  report.set_public_funds_yuan(1000000);
  report.set_courses_complete(false);
  report.set_moral_culture_rating("excellent");
  std::string csv = EncodeCsv({&report});
  EXPECT_THAT(csv, HasSubstr(",1000000,")) << "whole numbers without an exponent";
  auto back = Csv(csv);
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
  for (bool csv : {true, false}) {
    std::string text = csv ? EncodeCsv({&facts}) : EncodeJson(facts);
    auto back = ReadRecords<CountyFacts>(text, csv ? "facts.csv" : "facts.json");
    ASSERT_TRUE(back.ok()) << back.status();
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].SerializeAsString(), facts.SerializeAsString()) << text;
    EXPECT_FALSE((*back)[0].has_junior_staff()) << "a figure not entered stays unset";
  }
  auto old = ReadRecords<CountyFacts>(
      R"({"county_code": "140430", "period": "2023", "survey_valid": 2987})", "facts.json");
  ASSERT_TRUE(old.ok()) << old.status();
  EXPECT_FALSE((*old)[0].has_population_10k());
}

TEST(MessageCodecTest, ARecordTypeOutsideTheCatalogueHasNoCsvForm) {
  auto table = ParseCsv("receipt_id\nx\n");
  ASSERT_TRUE(table.ok());
  auto decoded = DecodeTable(*table, junheng::v1::Receipt::default_instance());
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(decoded.status().message(), "Receipt records have no CSV form; use the JSON form");
}

}  // namespace
}  // namespace junheng::io
