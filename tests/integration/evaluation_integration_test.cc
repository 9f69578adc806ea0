// Evaluation on the server: the same JSON as the offline evaluator, county facts, snapshots made by
// the scheduler through a reporting year on an injected clock (with catch-up after downtime), and
// the trend.
#include "client/cli/eval_command.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "common/eval/evaluate.h"
#include "common/io/message_codec.h"
#include "common/profile/profile_loader.h"
#include "common/render/evaluation_render.h"
#include "common/time/time_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using ::testing::HasSubstr;

constexpr char kCounty[] = "140430";

std::string Sample(const std::string& name) {
  const char* root = std::getenv("JUNHENG_SOURCE_DIR");
  return std::string(root ? root : ".") + "/deploy/sample/" + name;
}

absl::Time At(const char* text) { return *ParseInstant(text, DateMeans::kStartOfDay); }

class EvaluationIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(); }

  void Start() {
    server::ServerOptions options = server::ServerOptions::InsecureForTests();
    options.profile = "qin-county";
    options.run_scheduler = false;
    options.schedule.interval = absl::Hours(1);
    ASSERT_TRUE(server_.Start(options).ok());
    rpc_ = server_.connection();
  }

  void Restart() {
    ASSERT_TRUE(server_.Restart().ok());
    rpc_ = server_.connection();
  }

  void ImportSample() {
    auto schools = client::LoadSchools(Sample("schools.csv"), kCounty);
    ASSERT_TRUE(schools.ok()) << schools.status();
    v1::UpsertSchoolsRequest request;
    request.set_county_code(kCounty);
    for (auto& s : *schools) *request.add_schools() = s;
    ASSERT_TRUE(rpc_->Call(&v1::RegistryService::Stub::UpsertSchools, request).ok());
  }

  // Submits the sample reports of `period`, optionally only the first `limit` of them.
  void SubmitSample(const std::string& period, int limit = 1000) {
    auto reports = client::LoadReports(Sample("reports-" + period + ".csv"), kCounty);
    ASSERT_TRUE(reports.ok()) << reports.status();
    int n = 0;
    for (const auto& report : *reports) {
      if (n++ >= limit) break;
      v1::SubmitReportRequest request;
      request.set_county_code(kCounty);
      request.set_submission_id("sample-" + period + "-" + report.school_code());
      *request.mutable_report() = report;
      auto response = rpc_->Call(&v1::ReportingService::Stub::SubmitReport, request);
      ASSERT_TRUE(response.ok()) << response.status();
    }
  }

  void SubmitFacts(const std::string& period) {
    auto facts = client::LoadCountyFacts(Sample("county-facts-" + period + ".json"), kCounty);
    ASSERT_TRUE(facts.ok()) << facts.status();
    v1::SubmitCountyFactsRequest request;
    *request.mutable_facts() = *facts;
    auto receipt = rpc_->Call(&v1::EvaluationService::Stub::SubmitCountyFacts, request);
    ASSERT_TRUE(receipt.ok()) << receipt.status();
  }

  void DefinePeriod(const std::string& period, const char* opens, const char* deadline,
                    const char* closes) {
    v1::DefinePeriodRequest define;
    auto* p = define.mutable_period();
    p->set_county_code(kCounty);
    p->set_period(period);
    p->set_opens_unix_ms(absl::ToUnixMillis(At(opens)));
    p->set_deadline_unix_ms(absl::ToUnixMillis(At(deadline)));
    p->set_closes_unix_ms(absl::ToUnixMillis(At(closes)));
    ASSERT_TRUE(rpc_->Call(&v1::BureauService::Stub::DefinePeriod, define).ok());
  }

  std::vector<v1::ScheduledRun> RunDue() {
    auto runs = server_.app()->scheduler()->RunDue();
    EXPECT_TRUE(runs.ok()) << runs.status();
    return runs.ok() ? *std::move(runs) : std::vector<v1::ScheduledRun>{};
  }

  int SnapshotCount(const std::string& period) {
    v1::ListSnapshotsRequest list;
    list.set_county_code(kCounty);
    list.set_period(period);
    auto snapshots = rpc_->Call(&v1::EvaluationService::Stub::ListSnapshots, list);
    EXPECT_TRUE(snapshots.ok()) << snapshots.status();
    return snapshots.ok() ? snapshots->snapshots_size() : -1;
  }

  FakeClock clock_{At("2024-08-01")};
  testing::InProcessServer server_{&clock_, absl::Seconds(30)};
  client::Connection* rpc_ = nullptr;
};

TEST_F(EvaluationIntegrationTest, ServerAndOfflineEvaluationsGiveIdenticalJson) {
  ImportSample();
  SubmitSample("2024");
  SubmitFacts("2024");
  v1::EvaluateRequest request;
  request.set_county_code(kCounty);
  request.set_period("2024");
  request.set_profile("qin-county");
  auto served = rpc_->Call(&v1::EvaluationService::Stub::Evaluate, request);
  ASSERT_TRUE(served.ok()) << served.status();

  client::EvalOptions options;
  options.schools_file = Sample("schools.csv");
  options.reports_file = Sample("reports-2024.csv");
  options.county_facts_file = Sample("county-facts-2024.json");
  options.period = "2024";
  options.county = kCounty;
  auto input = client::LoadEvaluationInput(options);
  ASSERT_TRUE(input.ok()) << input.status();
  auto profile = profile::LoadBuiltinProfile("qin-county");
  ASSERT_TRUE(profile.ok());
  auto offline = eval::Evaluate(*input, *profile);
  ASSERT_TRUE(offline.ok()) << offline.status();

  EXPECT_EQ(render::RenderJson(*served), render::RenderJson(*offline));
  EXPECT_EQ(served->input_hash(), offline->input_hash());
  EXPECT_EQ(served->schools_reported(), 26);
}

TEST_F(EvaluationIntegrationTest, CountyFactsAreValidatedAndVersioned) {
  SubmitFacts("2024");
  v1::SubmitCountyFactsRequest bad;
  bad.mutable_facts()->set_county_code(kCounty);
  bad.mutable_facts()->set_period("2024");
  bad.mutable_facts()->set_consolidation_rate(99.2);  // a percentage, not a fraction
  bad.mutable_facts()->set_rotated_teachers(50);
  bad.mutable_facts()->set_rotation_eligible_teachers(40);
  bad.set_replaces_version(1);
  auto rejected = rpc_->Call(&v1::EvaluationService::Stub::SubmitCountyFacts, bad);
  ASSERT_EQ(rejected.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(rejected.status().message(), HasSubstr("consolidation_rate (初中三年巩固率) = 99.2"));
  EXPECT_THAT(rejected.status().message(), HasSubstr("rotated_teachers (交流轮岗教师数) = 50"));

  v1::SubmitCountyFactsRequest stale;
  stale.mutable_facts()->set_county_code(kCounty);
  stale.mutable_facts()->set_period("2024");
  stale.mutable_facts()->set_layout_plan_ok(true);
  stale.set_replaces_version(0);
  EXPECT_EQ(rpc_->Call(&v1::EvaluationService::Stub::SubmitCountyFacts, stale).status().code(),
            absl::StatusCode::kAborted);
  stale.set_replaces_version(1);
  auto second = rpc_->Call(&v1::EvaluationService::Stub::SubmitCountyFacts, stale);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->version(), 2);

  v1::GetCountyFactsRequest get;
  get.set_county_code(kCounty);
  get.set_period("2024");
  get.set_version(1);
  auto first = rpc_->Call(&v1::EvaluationService::Stub::GetCountyFacts, get);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->facts().has_survey_valid()) << "version 1 is kept as it was";
}

TEST_F(EvaluationIntegrationTest, AcceptedOnlyEvaluationUsesOnlyAcceptedVersions) {
  ImportSample();
  SubmitSample("2024", 5);
  v1::ReviewReportRequest review;
  review.set_county_code(kCounty);
  review.set_period("2024");
  review.set_school_code("2140043001");
  review.set_version(1);
  review.set_action("accept");
  ASSERT_TRUE(rpc_->Call(&v1::BureauService::Stub::ReviewReport, review).ok());
  v1::EvaluateRequest request;
  request.set_county_code(kCounty);
  request.set_period("2024");
  auto all = rpc_->Call(&v1::EvaluationService::Stub::Evaluate, request);
  request.set_accepted_only(true);
  auto accepted = rpc_->Call(&v1::EvaluationService::Stub::Evaluate, request);
  ASSERT_TRUE(all.ok() && accepted.ok());
  EXPECT_EQ(all->schools_reported(), 5);
  EXPECT_EQ(accepted->schools_reported(), 1);
}

TEST_F(EvaluationIntegrationTest, SchedulerSnapshotsAReportingYearWithoutDuplicates) {
  ImportSample();
  DefinePeriod("2024", "2024-09-01", "2024-10-15", "2024-10-31");

  EXPECT_TRUE(RunDue().empty()) << "nothing is due before the period opens";

  clock_.Set(At("2024-09-01") + absl::Minutes(1));
  auto runs = RunDue();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].trigger(), "schedule");
  EXPECT_EQ(runs[0].snapshot_seq(), 1);
  EXPECT_TRUE(RunDue().empty()) << "the interval has not passed";

  clock_.Advance(absl::Hours(2));
  runs = RunDue();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].snapshot_seq(), 0) << "unchanged input makes no new snapshot";
  EXPECT_EQ(SnapshotCount("2024"), 1);

  SubmitSample("2024", 10);
  clock_.Advance(absl::Hours(1));
  runs = RunDue();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].snapshot_seq(), 2) << "new reports make a new snapshot";

  // Through the deadline: one deadline run, then the hourly runs go on until the close.
  SubmitSample("2024", 20);
  clock_.Set(At("2024-10-15") + absl::Minutes(30));
  runs = RunDue();
  std::vector<std::string> triggers;
  for (const auto& r : runs) triggers.push_back(r.trigger());
  EXPECT_THAT(triggers, ::testing::ElementsAre("schedule", "deadline"));
  EXPECT_EQ(SnapshotCount("2024"), 3) << "the deadline run saw the same input as the hourly run";
  clock_.Advance(absl::Hours(1));
  for (const auto& r : RunDue()) EXPECT_NE(r.trigger(), "deadline") << "the deadline runs once";

  // Down from before the close until well after it: on restart the close run is caught up, once.
  Restart();
  SubmitSample("2024", 26);
  clock_.Set(At("2024-11-20"));
  runs = RunDue();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].trigger(), "close");
  EXPECT_EQ(runs[0].snapshot_seq(), 4);
  EXPECT_TRUE(RunDue().empty());

  v1::GetSnapshotRequest get;
  get.set_county_code(kCounty);
  get.set_period("2024");
  auto newest = rpc_->Call(&v1::EvaluationService::Stub::GetSnapshot, get);
  ASSERT_TRUE(newest.ok()) << newest.status();
  EXPECT_EQ(newest->trigger(), "close");
  EXPECT_EQ(newest->profile_name(), "qin-county");
  EXPECT_EQ(newest->evaluation().schools_reported(), 26);
  EXPECT_EQ(newest->input_hash(), newest->evaluation().input_hash());
}

// Issue 14 item 6: moving a deadline past its run re-arms it, so the official deadline snapshot is
// taken of what was stored at the new deadline, not the empty one taken before the change; and
// the trend is live by default, with the snapshot's time beside it and whether it is out of date.
TEST_F(EvaluationIntegrationTest, ARedefinedDeadlineIsSnapshottedAgainAndTrendIsLive) {
  ImportSample();
  SubmitFacts("2024");
  DefinePeriod("2024", "2024-09-01", "2024-10-15", "2024-10-31");
  clock_.Set(At("2024-10-16"));
  std::vector<std::string> triggers;
  for (const auto& r : RunDue()) triggers.push_back(r.trigger());
  EXPECT_THAT(triggers, ::testing::ElementsAre("schedule", "deadline"));

  // The bureau extends the deadline into the future; the schools then report.
  DefinePeriod("2024", "2024-09-01", "2024-10-25", "2024-10-31");
  SubmitSample("2024");
  clock_.Set(At("2024-10-20"));
  for (const auto& r : RunDue()) EXPECT_NE(r.trigger(), "deadline") << "not yet due again";
  clock_.Set(At("2024-10-26"));
  triggers.clear();
  int64_t deadline_snapshot = 0;
  for (const auto& r : RunDue()) {
    triggers.push_back(r.trigger());
    if (r.trigger() == "deadline") deadline_snapshot = r.snapshot_seq();
  }
  EXPECT_THAT(triggers, ::testing::Contains("deadline")) << "the moved deadline runs again";
  for (const auto& r : RunDue()) EXPECT_NE(r.trigger(), "deadline") << "and once only";

  v1::GetSnapshotRequest get;
  get.set_county_code(kCounty);
  get.set_period("2024");
  auto newest = rpc_->Call(&v1::EvaluationService::Stub::GetSnapshot, get);
  ASSERT_TRUE(newest.ok()) << newest.status();
  EXPECT_EQ(newest->evaluation().schools_reported(), 26)
      << "the newest snapshot is of the reports stored by the new deadline (seq "
      << deadline_snapshot << ")";

  // One school sends a new version after the snapshot: the trend shows what is stored now and
  // says the snapshot is older; --snapshot gives the record as it stood.
  SubmitSample("2024", 1);  // the same content again is a duplicate: nothing changes
  v1::TrendRequest request;
  request.set_county_code(kCounty);
  request.set_from_year(2024);
  request.set_to_year(2024);
  auto trend = rpc_->Call(&v1::EvaluationService::Stub::Trend, request);
  ASSERT_TRUE(trend.ok()) << trend.status();
  EXPECT_EQ(trend->years(0).source(), "live");
  EXPECT_EQ(trend->years(0).schools_reported(), 26);
  EXPECT_EQ(trend->years(0).snapshot_seq(), newest->seq());
  EXPECT_EQ(trend->years(0).snapshot_time(), newest->time());
  EXPECT_TRUE(trend->years(0).snapshot_same_as_stored());

  v1::SubmitReportRequest change;
  change.set_county_code(kCounty);
  change.set_submission_id("after-the-snapshot");
  auto reports = client::LoadReports(Sample("reports-2024.csv"), kCounty);
  ASSERT_TRUE(reports.ok());
  *change.mutable_report() = reports->front();
  change.mutable_report()->set_sports_area_m2(change.report().sports_area_m2() + 100);
  change.set_replaces_version(1);
  ASSERT_TRUE(rpc_->Call(&v1::ReportingService::Stub::SubmitReport, change).ok());
  trend = rpc_->Call(&v1::EvaluationService::Stub::Trend, request);
  ASSERT_TRUE(trend.ok());
  EXPECT_EQ(trend->years(0).source(), "live");
  EXPECT_FALSE(trend->years(0).snapshot_same_as_stored());
  request.set_from_snapshots(true);
  trend = rpc_->Call(&v1::EvaluationService::Stub::Trend, request);
  ASSERT_TRUE(trend.ok());
  EXPECT_EQ(trend->years(0).source(), "snapshot");
  EXPECT_EQ(trend->years(0).snapshot_seq(), newest->seq());
}

// Issue 14 item 16: a clerk's view of the evaluation is the school's own standing, with values
// against the minimums and what to add, and nothing of any other school.
TEST_F(EvaluationIntegrationTest, SchoolStandingIsTheSchoolsOwnPartOfTheEvaluation) {
  ImportSample();
  SubmitSample("2024");
  SubmitFacts("2024");
  constexpr char kSchool[] = "2140043001";  // fails G3 in the sample (deploy/sample/README.md)
  v1::SchoolStandingRequest request;
  request.set_county_code(kCounty);
  request.set_period("2024");
  request.set_school_code(kSchool);
  auto standing = rpc_->Call(&v1::EvaluationService::Stub::SchoolStanding, request);
  ASSERT_TRUE(standing.ok()) << standing.status();
  v1::EvaluateRequest whole;
  whole.set_county_code(kCounty);
  whole.set_period("2024");
  auto evaluation = rpc_->Call(&v1::EvaluationService::Stub::Evaluate, whole);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();

  EXPECT_EQ(standing->standard().school_code(), kSchool);
  ASSERT_FALSE(standing->units().empty());
  for (const auto& unit : standing->units()) EXPECT_EQ(unit.school_code(), kSchool);
  EXPECT_EQ(standing->minimums_size(), 7) << "a primary school: the seven primary minimums";
  for (const auto& gap : standing->gaps()) EXPECT_EQ(gap.school_code(), kSchool);
  int s_items = 0;
  for (const auto& item : evaluation->items()) s_items += item.kind() == "S" ? 1 : 0;
  EXPECT_EQ(standing->items_size(), s_items);
  bool g3_failed = false;
  for (const auto& item : standing->items())
    g3_failed |= item.id() == "G3" && item.status() == "fail";
  EXPECT_TRUE(g3_failed) << "the school's own G3 failure is shown";
  // Nothing of another school: no other school code appears anywhere in the answer.
  const std::string json = io::EncodeJson(*standing);
  for (const auto& school : evaluation->schools()) {
    if (school.school_code() == kSchool) continue;
    EXPECT_EQ(json.find(school.school_code()), std::string::npos) << school.school_code();
  }
  EXPECT_EQ(json.find("\"cv\""), std::string::npos) << "no county coefficients";

  request.set_school_code("9999999999");
  EXPECT_EQ(rpc_->Call(&v1::EvaluationService::Stub::SchoolStanding, request).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EvaluationIntegrationTest, TrendShowsEachYearAgainstThePlan) {
  ImportSample();
  SubmitSample("2023");
  SubmitSample("2024");
  SubmitFacts("2023");
  SubmitFacts("2024");
  v1::TrendRequest request;
  request.set_county_code(kCounty);
  request.set_from_year(2022);
  request.set_to_year(2024);
  auto trend = rpc_->Call(&v1::EvaluationService::Stub::Trend, request);
  ASSERT_TRUE(trend.ok()) << trend.status();
  ASSERT_EQ(trend->years_size(), 3);
  EXPECT_FALSE(trend->years(0).evaluated()) << "nothing was reported for 2022";
  const auto& y2024 = trend->years(2);
  EXPECT_TRUE(y2024.evaluated());
  EXPECT_EQ(y2024.source(), "live");
  EXPECT_EQ(y2024.schools_reported(), 26);
  EXPECT_EQ(y2024.schools_due(), 5) << "the plan has five schools due in 2024";
  ASSERT_EQ(y2024.levels_size(), 2);
  EXPECT_EQ(y2024.levels(0).indicators_size(), 7);
  // The sample's 2023 junior equipment values are spread wider than the 0.45 limit.
  const auto& junior_2023 = trend->years(1).levels(1);
  EXPECT_EQ(junior_2023.level(), "junior");
  EXPECT_FALSE(junior_2023.indicators(5).pass());
  EXPECT_GT(junior_2023.indicators(5).cv(), 0.45);
}

}  // namespace
}  // namespace junheng
