// The city and province roll-up (issue 15) on a server holding three counties of 长治市 and one of
// another province: every row of EvaluateRegion, RegionStatus and RegionTrend is what the county's
// own Evaluate, SubmissionStatus and Trend give; pages join into the whole; regions the registry
// lacks are refused, and counties whose city it lacks are listed as unplaced.
#include <string>
#include <vector>

#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "server/bureau/region_registry.h"
#include "server/bureau/region_rollup.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using google::protobuf::util::MessageDifferencer;

// 沁县 (the sample), 武乡县 and 沁源县 (synthetic), all of 长治市; 长安区 of 石家庄市, 河北省
// (Qin County's schools and reports under another code).
const std::vector<std::string> kChangzhi = {"140429", "140430", "140431"};
constexpr char kHebei[] = "130102";

std::string Sample(const std::string& county, const std::string& name) {
  const char* root = std::getenv("JUNHENG_SOURCE_DIR");
  const std::string dir = std::string(root ? root : ".") + "/deploy/sample/";
  return county == "140430" ? dir + name : dir + county + "/" + name;
}

class RegionIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions options = server::ServerOptions::InsecureForTests();
    options.profile = "qin-county";
    options.run_scheduler = false;
    ASSERT_TRUE(server_.Start(options).ok());
    rpc_ = server_.connection();
    io::Table regions;
    regions.rows = {{"code", "name", "parent"}, {"14", "山西省", ""},     {"1404", "长治市", ""},
                    {"140429", "武乡县", ""},   {"140430", "沁县", ""},   {"140431", "沁源县", ""},
                    {"13", "河北省", ""},       {"1301", "石家庄市", ""}, {"1405", "晋城市", ""}};
    for (size_t i = 0; i < regions.rows.size(); ++i) regions.row_numbers.push_back(i + 1);
    auto parsed = server::ParseRegions(regions);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    ASSERT_TRUE(server::ImportRegions(*server_.app()->store(), *parsed, clock_, "test").ok());
    for (const std::string& county : kChangzhi) Load(county, county);
    Load("140430", kHebei);
  }

  // Imports `sample`'s schools and 2023/2024 reports and facts as county `county`.
  void Load(const std::string& sample, const std::string& county) {
    auto schools = client::LoadSchools(Sample(sample, "schools.csv"), sample);
    ASSERT_TRUE(schools.ok()) << schools.status();
    v1::UpsertSchoolsRequest upsert;
    upsert.set_county_code(county);
    for (auto school : *schools) {
      school.set_county_code(county);
      *upsert.add_schools() = school;
    }
    ASSERT_TRUE(rpc_->Call(&v1::RegistryService::Stub::UpsertSchools, upsert).ok());
    for (const std::string period : {"2023", "2024"}) {
      auto reports = client::LoadReports(Sample(sample, "reports-" + period + ".csv"), sample);
      ASSERT_TRUE(reports.ok()) << reports.status();
      v1::SubmitReportsRequest batch;
      batch.set_county_code(county);
      for (auto report : *reports) {
        report.set_county_code(county);
        auto* one = batch.add_reports();
        one->set_county_code(county);
        one->set_submission_id(county + "-" + period + "-" + report.school_code());
        *one->mutable_report() = report;
      }
      auto answered = rpc_->Call(&v1::ReportingService::Stub::SubmitReports, batch);
      ASSERT_TRUE(answered.ok()) << answered.status();
      for (const auto& result : answered->results())
        ASSERT_EQ(result.code(), 0) << result.message();
      auto facts =
          client::LoadCountyFacts(Sample(sample, "county-facts-" + period + ".json"), sample);
      ASSERT_TRUE(facts.ok()) << facts.status();
      v1::SubmitCountyFactsRequest submit;
      *submit.mutable_facts() = *facts;
      submit.mutable_facts()->set_county_code(county);
      ASSERT_TRUE(rpc_->Call(&v1::EvaluationService::Stub::SubmitCountyFacts, submit).ok());
    }
  }

  // Every page of EvaluateRegion, joined.
  std::vector<v1::CountyEvaluationRow> EvaluateAll(const std::string& region, int page_size,
                                                   int* pages = nullptr) {
    v1::EvaluateRegionRequest request;
    request.set_region_code(region);
    request.set_period("2024");
    request.set_page_size(page_size);
    std::vector<v1::CountyEvaluationRow> rows;
    int calls = 0;
    do {
      auto page = rpc_->Call(&v1::RegionService::Stub::EvaluateRegion, request);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      ++calls;
      for (const auto& row : page->counties()) rows.push_back(row);
      request.set_page_token(page->next_page_token());
    } while (!request.page_token().empty() && calls < 100);
    if (pages != nullptr) *pages = calls;
    return rows;
  }

  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2024, 9, 1, 0, 0, 0), absl::UTCTimeZone())};
  testing::InProcessServer server_{&clock_, absl::Seconds(60)};
  client::Connection* rpc_ = nullptr;
};

TEST_F(RegionIntegrationTest, EachRowIsTheCountysOwnEvaluation) {
  const auto rows = EvaluateAll("1404", 0);
  ASSERT_EQ(rows.size(), kChangzhi.size());
  std::set<std::string> hashes;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    EXPECT_EQ(row.county_code(), kChangzhi[i]);
    EXPECT_TRUE(row.evaluated());
    EXPECT_TRUE(row.error().empty()) << row.error();
    v1::EvaluateRequest own;
    own.set_county_code(row.county_code());
    own.set_period("2024");
    auto evaluation = rpc_->Call(&v1::EvaluationService::Stub::Evaluate, own);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status();
    EXPECT_EQ(row.input_hash(), evaluation->input_hash()) << row.county_code();
    EXPECT_EQ(row.verdict(), evaluation->verdict().status()) << row.county_code();
    v1::CountyEvaluationRow expected = server::SummarizeCounty(*evaluation, 2024);
    expected.set_county_name(row.county_name());
    EXPECT_TRUE(MessageDifferencer::Equals(row, expected)) << "region row:\n"
                                                           << row.DebugString() << "county's own:\n"
                                                           << expected.DebugString();
    // The coefficients are there to rank by: every level of a county that reported has seven.
    ASSERT_FALSE(row.figures().levels().empty());
    for (const auto& level : row.figures().levels()) EXPECT_EQ(level.indicators_size(), 7);
    hashes.insert(row.input_hash());
  }
  EXPECT_EQ(hashes.size(), 3u) << "three different counties have three different inputs";
  EXPECT_EQ(rows[0].county_name(), "武乡县");
  EXPECT_EQ(rows[1].county_name(), "沁县");
}

TEST_F(RegionIntegrationTest, PagesJoinIntoTheWholeRegion) {
  int pages = 0;
  const auto one_by_one = EvaluateAll("14", 1, &pages);
  EXPECT_EQ(pages, 3);
  const auto whole = EvaluateAll("14", 0);
  ASSERT_EQ(one_by_one.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(one_by_one[i], whole[i])) << i;
  }
  // The nation holds the fourth county, 河北 only the fourth.
  const auto nation = EvaluateAll("00", 2);
  ASSERT_EQ(nation.size(), 4u);
  EXPECT_EQ(nation[0].county_code(), kHebei);
  ASSERT_EQ(EvaluateAll("13", 0).size(), 1u);
  // 晋城市 is registered but holds no county.
  EXPECT_TRUE(EvaluateAll("1405", 0).empty());
}

TEST_F(RegionIntegrationTest, RegionsTheRegistryLacksOrThatAreNotRegionsAreRefused) {
  v1::EvaluateRegionRequest request;
  request.set_period("2024");
  request.set_region_code("1406");
  auto missing = rpc_->Call(&v1::RegionService::Stub::EvaluateRegion, request);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("1406"), std::string::npos) << missing.status();
  for (const char* code : {"140430", "1", "14a4", ""}) {
    request.set_region_code(code);
    auto refused = rpc_->Call(&v1::RegionService::Stub::EvaluateRegion, request);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << code;
    EXPECT_NE(refused.status().message().find("region_code"), std::string::npos)
        << refused.status();
  }
  request.set_region_code("1404");
  request.set_page_token("not-a-token");
  EXPECT_EQ(rpc_->Call(&v1::RegionService::Stub::EvaluateRegion, request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RegionIntegrationTest, StatusRowsAreEachCountysOwnCounts) {
  v1::RegionStatusRequest request;
  request.set_region_code("1404");
  request.set_period("2024");
  auto status = rpc_->Call(&v1::RegionService::Stub::RegionStatus, request);
  ASSERT_TRUE(status.ok()) << status.status();
  ASSERT_EQ(status->counties_size(), 3);
  EXPECT_EQ(status->region_name(), "长治市");
  for (const auto& row : status->counties()) {
    v1::SubmissionStatusRequest own;
    own.set_county_code(row.county_code());
    own.set_period("2024");
    auto counted = rpc_->Call(&v1::BureauService::Stub::SubmissionStatus, own);
    ASSERT_TRUE(counted.ok()) << counted.status();
    EXPECT_EQ(row.schools_total(), counted->schools_total()) << row.county_code();
    EXPECT_EQ(row.submitted(), counted->submitted()) << row.county_code();
    EXPECT_EQ(row.on_time(), counted->on_time());
    EXPECT_EQ(row.late(), counted->late());
    EXPECT_EQ(row.incomplete(), counted->incomplete());
    EXPECT_EQ(row.not_submitted(), counted->not_submitted());
    EXPECT_DOUBLE_EQ(row.completeness_rate(), counted->completeness_rate());
    EXPECT_DOUBLE_EQ(row.timeliness_rate(), counted->timeliness_rate());
    EXPECT_GT(row.schools_total(), 10);
  }
}

TEST_F(RegionIntegrationTest, TrendRowsAreEachCountysOwnTrend) {
  v1::RegionTrendRequest request;
  request.set_region_code("1404");
  request.set_from_year(2023);
  request.set_to_year(2024);
  auto trend = rpc_->Call(&v1::RegionService::Stub::RegionTrend, request);
  ASSERT_TRUE(trend.ok()) << trend.status();
  ASSERT_EQ(trend->counties_size(), 3);
  for (const auto& county : trend->counties()) {
    v1::TrendRequest own;
    own.set_county_code(county.county_code());
    own.set_from_year(2023);
    own.set_to_year(2024);
    auto expected = rpc_->Call(&v1::EvaluationService::Stub::Trend, own);
    ASSERT_TRUE(expected.ok()) << expected.status();
    ASSERT_EQ(county.years_size(), 2);
    for (int i = 0; i < 2; ++i) {
      EXPECT_TRUE(MessageDifferencer::Equals(county.years(i), expected->years(i)))
          << county.county_code() << " " << county.years(i).year();
    }
  }
}

TEST_F(RegionIntegrationTest, CountiesAreListedUnderTheirCityOrAsUnplaced) {
  // A county of 内蒙古 (15), whose province and city are not in the registry.
  v1::UpsertSchoolsRequest upsert;
  upsert.set_county_code("150102");
  auto* school = upsert.add_schools();
  school->set_county_code("150102");
  school->set_school_code("2150102001");
  school->set_school_name("测试小学");
  school->set_school_type("primary");
  ASSERT_TRUE(rpc_->Call(&v1::RegistryService::Stub::UpsertSchools, upsert).ok());

  v1::ListRegionsRequest city;
  city.set_region_code("1404");
  auto listed = rpc_->Call(&v1::RegionService::Stub::ListRegions, city);
  ASSERT_TRUE(listed.ok()) << listed.status();
  std::vector<std::string> counties;
  for (const auto& county : listed->counties()) counties.push_back(county.county_code());
  EXPECT_EQ(counties, kChangzhi);
  EXPECT_EQ(listed->counties(1).name(), "沁县");
  EXPECT_EQ(listed->counties(1).schools(), 26);
  EXPECT_TRUE(listed->unplaced().empty());

  auto all = rpc_->Call(&v1::RegionService::Stub::ListRegions, v1::ListRegionsRequest());
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->regions_size(), 8);
  ASSERT_EQ(all->unplaced_size(), 1);
  EXPECT_EQ(all->unplaced(0).county_code(), "150102");
  EXPECT_EQ(all->counties_size(), 4);
}

// The four dimensions and the largest coefficient, on an evaluation made up to show each case.
TEST(SummarizeCountyTest, DimensionsVetoAndLargestCoefficient) {
  v1::Evaluation evaluation;
  evaluation.set_county_code("140430");
  evaluation.mutable_verdict()->set_status("fail");
  auto* level = evaluation.add_levels();
  level->set_level("primary");
  level->set_name_zh("小学");
  level->set_status("pass");
  for (auto [id, cv] : std::vector<std::pair<const char*, double>>{{"L1", 0.2}, {"L3", 0.41}}) {
    auto* indicator = level->add_indicators();
    indicator->set_id(id);
    indicator->set_name_zh(std::string(id) + " 名称");
    indicator->mutable_cv()->set_number_value(cv);
    indicator->set_threshold(0.5);
  }
  level->add_indicators()->set_id("L7");  // no coefficient: never the largest
  auto item = [&](const char* category, const char* status) {
    auto* i = evaluation.add_items();
    i->set_category(category);
    i->set_status(status);
  };
  item("government", "pass");
  item("government", "not_judged");
  item("quality", "pass");
  item("quality", "fail");
  item("social", "pass");
  item("veto", "fail");
  const v1::CountyEvaluationRow row = server::SummarizeCounty(evaluation, 0);
  ASSERT_EQ(row.dimensions_size(), 4);
  EXPECT_EQ(row.dimensions(0).status(), "pass");        // resources
  EXPECT_EQ(row.dimensions(1).status(), "not_judged");  // government
  EXPECT_EQ(row.dimensions(2).status(), "fail");        // quality
  EXPECT_EQ(row.dimensions(3).status(), "pass");        // social
  EXPECT_EQ(row.dimensions(2).name_zh(), "教育质量");
  EXPECT_EQ(row.dimensions_passing(), 2);
  EXPECT_TRUE(row.vetoed());
  ASSERT_EQ(row.largest_size(), 1);
  EXPECT_EQ(row.largest(0).indicator(), "L3");
  EXPECT_DOUBLE_EQ(row.largest(0).cv(), 0.41);
  EXPECT_EQ(row.largest(0).level_zh(), "小学");
}

}  // namespace
}  // namespace junheng
