// `junheng forms` and the evaluation workbooks through a real server (issue 11): the demo county's
// 26 schools, reports and county facts on an in-process server, the client's commands run
// against it, and the workbooks they write read back with liborcus.
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "CLI/CLI.hpp"
#include "client/cli/commands.h"
#include "client/cli/eval_command.h"
#include "client/cli/forms_command.h"
#include "client/outbox/record_files.h"
#include "common/catalog/fields.h"
#include "common/eval/indicators.h"
#include "common/io/message_codec.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/xlsx_cells.h"

namespace junheng {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::SheetCells;
using testing::StoredInFull;

constexpr char kCounty[] = "140430";

std::string Sample(const std::string& name) {
  const char* root = std::getenv("JUNHENG_SOURCE_DIR");
  return std::string(root ? root : ".") + "/deploy/sample/" + name;
}

std::string Col(int index) { return std::string(1, static_cast<char>('A' + index)); }
std::string At(int col, int row) { return Col(col) + std::to_string(row); }

// What a cell shows under its number format ("0.00": two decimals), as the forms' notes say.
double Shown(double value, int decimals) {
  const double scale = std::pow(10, decimals);
  return std::round(value * scale) / scale;
}

class FormsIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions options = server::ServerOptions::InsecureForTests();
    options.profile = "qin-county";
    options.run_scheduler = false;
    ASSERT_TRUE(server_.Start(options).ok());
    rpc_ = server_.connection();
    g_.server = server_.address();
    g_.county = kCounty;
    g_.security.insecure_plaintext = true;

    auto schools = client::LoadSchools(Sample("schools.csv"), kCounty);
    ASSERT_TRUE(schools.ok()) << schools.status();
    v1::UpsertSchoolsRequest upsert;
    upsert.set_county_code(kCounty);
    for (auto& s : *schools) *upsert.add_schools() = s;
    ASSERT_TRUE(rpc_->Call(&v1::RegistryService::Stub::UpsertSchools, upsert).ok());
    auto reports = client::LoadReports(Sample("reports-2024.csv"), kCounty);
    ASSERT_TRUE(reports.ok()) << reports.status();
    for (const auto& report : *reports) {
      v1::SubmitReportRequest request;
      request.set_county_code(kCounty);
      request.set_submission_id("forms-" + report.school_code());
      *request.mutable_report() = report;
      ASSERT_TRUE(rpc_->Call(&v1::ReportingService::Stub::SubmitReport, request).ok());
    }
    auto facts = io::ReadRecordFile<v1::CountyFacts>(Sample("county-facts-2024.json"));
    ASSERT_TRUE(facts.ok()) << facts.status();
    facts_ = facts->front();
    v1::SubmitCountyFactsRequest submit;
    *submit.mutable_facts() = facts_;
    auto receipt = rpc_->Call(&v1::EvaluationService::Stub::SubmitCountyFacts, submit);
    ASSERT_TRUE(receipt.ok()) << receipt.status();

    v1::EvaluateRequest evaluate;
    evaluate.set_county_code(kCounty);
    evaluate.set_period("2024");
    auto evaluation = rpc_->Call(&v1::EvaluationService::Stub::Evaluate, evaluate);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status();
    evaluation_ = *evaluation;
  }

  // Runs `junheng ARGS...` as the binary would, with this test's server and county.
  int Junheng(std::vector<std::string> args) {
    CLI::App app;
    app.add_option("--format", g_.format);
    app.add_option("-o,--output", g_.output);
    app.fallthrough();
    int exit_code = -1;
    client::AddEvaluationCommands(app, g_, &exit_code);
    client::AddFormsCommand(app, g_, &exit_code);
    args.insert(args.begin(), "junheng");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      return app.exit(e) == 0 ? 0 : 2;
    }
    return exit_code;
  }

  testing::WorkbookCells Read(const std::string& path) {
    auto cells = testing::ReadWorkbookCells(path);
    EXPECT_TRUE(cells.ok()) << cells.status();
    return cells.ok() ? *cells : testing::WorkbookCells{};
  }

  FakeClock clock_{absl::FromUnixSeconds(1725148800)};  // 2024-09-01
  testing::InProcessServer server_{&clock_, absl::Seconds(30)};
  client::Connection* rpc_ = nullptr;
  client::Globals g_;
  v1::CountyFacts facts_;
  v1::Evaluation evaluation_;
};

// The acceptance: `junheng forms --period 2024` on the demo data writes a workbook whose
// 表Ⅱ-2 and 表Ⅲ cells equal the evaluation's unit values and coefficients, rounded as the notes
// say (two decimals for L7-L13 and the means, three for the coefficients), stored in full.
TEST_F(FormsIntegrationTest, FormsOfTheDemoCountyAreTheServersEvaluation) {
  const std::string path = server_.dir().Sub("forms-2024.xlsx");
  g_.output = path;
  ASSERT_EQ(Junheng({"forms", "--period", "2024"}), 0);
  testing::WorkbookCells book = Read(path);
  EXPECT_THAT(book.sheet_names, ElementsAre("表Ⅰ", "表Ⅱ-1", "表Ⅱ-2", "表Ⅲ", "表Ⅳ", "表Ⅴ", "表Ⅵ"));

  const SheetCells& schools = book.sheets.at("表Ⅱ-2");
  int row = 4;
  int units = 0;
  for (const v1::LevelResult& level : evaluation_.levels()) {
    int number = 0;
    for (const v1::UnitResult& u : level.units()) {
      if (u.excluded()) continue;
      SCOPED_TRACE(u.school_name());
      ++units;
      EXPECT_EQ(schools.At(At(0, row)).number, ++number);
      EXPECT_EQ(schools.At(At(1, row)).text, u.school_name());
      EXPECT_EQ(schools.At(At(3, row)).number, u.students());
      eval::IndicatorArray values = eval::FromMessage(u.values());
      for (int i = 0; i < eval::kIndicatorCount; ++i) {
        const testing::SheetCell cell = schools.At(At(6 + i, row));
        ASSERT_TRUE(cell.number.has_value() && values[i].has_value());
        EXPECT_EQ(cell.number_format, "0.00");
        EXPECT_EQ(Shown(*cell.number, 2), Shown(*values[i], 2)) << eval::Indicator(i).id;
        EXPECT_TRUE(StoredInFull(*cell.number, *values[i]))
            << "stored in full, rounded by the format";
      }
      EXPECT_EQ(schools.At(At(13, row)).number.value_or(0), u.meets() ? 1 : 0);
      ++row;
    }
  }
  EXPECT_EQ(units, 26) << "22 primary and 4 junior schools";
  EXPECT_THAT(schools.At(At(0, row)).text, HasSubstr("小学学校总数22所"));

  const SheetCells& balance = book.sheets.at("表Ⅲ");
  for (int l = 0; l < 2; ++l) {
    for (int i = 0; i < eval::kIndicatorCount; ++i) {
      const v1::IndicatorResult& ind = evaluation_.levels(l).indicators(i);
      const testing::SheetCell mean = balance.At(At(2 + i, 4 + 2 * l));
      const testing::SheetCell cv = balance.At(At(2 + i, 5 + 2 * l));
      EXPECT_EQ(Shown(*mean.number, 2), Shown(ind.mean(), 2)) << ind.id();
      EXPECT_EQ(mean.number_format, "0.00");
      EXPECT_EQ(Shown(*cv.number, 3), Shown(ind.cv().number_value(), 3)) << ind.id();
      EXPECT_EQ(cv.number_format, "0.000");
    }
  }

  // The county facts' new fields made the round trip through the server into 表Ⅰ and 表Ⅵ.
  const SheetCells& basic = book.sheets.at("表Ⅰ");
  EXPECT_EQ(basic.At("A9").number, facts_.population_10k());
  EXPECT_EQ(basic.At("U9").number, facts_.primary_staff());
  EXPECT_EQ(basic.At("I9").number, 22);
  const SheetCells& recognition = book.sheets.at("表Ⅵ");
  EXPECT_EQ(recognition.At("B6").number, facts_.survey_total());
  EXPECT_EQ(recognition.At("G7").number, facts_.parent_visits_satisfied());
  EXPECT_THAT(book.sheets.at("表Ⅳ").At("B10").text,
              HasSubstr("全县义务教育学校教师年平均工资收入为74160元"));
}

TEST_F(FormsIntegrationTest, FormsAreOnlyAWorkbook) {
  g_.format = "csv";
  EXPECT_EQ(Junheng({"forms", "--period", "2024"}), 2);
}

TEST_F(FormsIntegrationTest, EvalAndSnapshotsShowWriteTheEvaluationWorkbook) {
  const std::string eval_path = server_.dir().Sub("eval-2024.xlsx");
  ASSERT_EQ(Junheng({"eval", "--period", "2024", "--server", server_.address(), "-o", eval_path}),
            0);
  testing::WorkbookCells book = Read(eval_path);
  ASSERT_FALSE(book.sheet_names.empty());
  EXPECT_EQ(book.sheet_names.front(), "结论");
  EXPECT_EQ(book.sheets.at("结论").At("B3").text, kCounty);

  // A snapshot of the same data, then `snapshots show -o FILE.xlsx`.
  v1::DefinePeriodRequest define;
  define.mutable_period()->set_county_code(kCounty);
  define.mutable_period()->set_period("2024");
  define.mutable_period()->set_opens_unix_ms(absl::ToUnixMillis(clock_.Now()));
  define.mutable_period()->set_deadline_unix_ms(absl::ToUnixMillis(clock_.Now() + absl::Hours(48)));
  define.mutable_period()->set_closes_unix_ms(absl::ToUnixMillis(clock_.Now() + absl::Hours(96)));
  ASSERT_TRUE(rpc_->Call(&v1::BureauService::Stub::DefinePeriod, define).ok());
  clock_.Advance(absl::Minutes(1));
  ASSERT_TRUE(server_.app()->scheduler()->RunDue().ok());
  const std::string snapshot_path = server_.dir().Sub("snapshot-2024.xlsx");
  g_.output = snapshot_path;
  ASSERT_EQ(Junheng({"snapshots", "show", "--period", "2024"}), 0);
  testing::WorkbookCells snapshot = Read(snapshot_path);
  EXPECT_EQ(snapshot.sheet_names, book.sheet_names);
  EXPECT_EQ(snapshot.sheets.at("评估单位").cells.size(), book.sheets.at("评估单位").cells.size());

  // A format the command does not write is refused with exit 2, before anything is asked.
  g_.output.clear();
  EXPECT_EQ(Junheng({"snapshots", "show", "--period", "2024", "--format", "pdf"}), 2);
}

// `facts template`: the label row (with units) over the field-name row, the county and period
// filled in: the layout the county-facts reader accepts, as CSV and as a workbook.
TEST_F(FormsIntegrationTest, FactsTemplateHasTheLabelRowOverTheFieldNameRow) {
  const std::string path = server_.dir().Sub("facts-template.xlsx");
  g_.output = path;
  ASSERT_EQ(Junheng({"facts", "template", "--period", "2025"}), 0);
  testing::WorkbookCells book = Read(path);
  ASSERT_EQ(book.sheet_names.size(), 1u);
  const SheetCells& s = book.sheets.at(book.sheet_names.front());
  int col = 0;
  for (const catalog::Field<v1::CountyFacts>* field : catalog::county_facts::kAll) {
    SCOPED_TRACE(field->name);
    EXPECT_EQ(s.At(At(col, 1)).text, field->DisplayLabel());
    EXPECT_EQ(s.At(At(col, 2)).text, field->name);
    if (++col >= 26) break;  // At() spells single-letter columns only
  }
  EXPECT_EQ(s.At("A1").text, "县级行政区划代码");
  EXPECT_EQ(s.At("A3").text, kCounty);
  EXPECT_EQ(s.At("B3").text, "2025");
  EXPECT_EQ(s.At("F1").text, "小学生均公用经费基准定额(元)");

  g_.output = server_.dir().Sub("facts-template.csv");
  ASSERT_EQ(Junheng({"facts", "template", "--period", "2025"}), 0);
  std::ifstream file(g_.output, std::ios::binary);
  std::stringstream csv;
  csv << file.rdbuf();
  std::istringstream lines(csv.str());
  std::string labels, names, values;
  std::getline(lines, labels);
  std::getline(lines, names);
  std::getline(lines, values);
  EXPECT_TRUE(labels.starts_with("\xEF\xBB\xBF县级行政区划代码,填报期,")) << labels;
  EXPECT_TRUE(names.starts_with("county_code,period,layout_plan_ok,")) << names;
  EXPECT_THAT(names, HasSubstr(",population_10k,"));
  EXPECT_TRUE(values.starts_with("140430,2025,,")) << values;
  // The template reads back as county facts of that county and period.
  auto back = io::ReadRecordFile<v1::CountyFacts>(g_.output);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].county_code(), kCounty);
  EXPECT_EQ((*back)[0].period(), "2025");
}

}  // namespace
}  // namespace junheng
