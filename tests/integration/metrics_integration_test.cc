// GET /metrics of a real in-process server: what each kind of call moves, by how much and under
// which labels; that it answers without a token; that no school code shows (docs/monitoring.md).
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/observed_server.h"

namespace junheng {
namespace {

using ::testing::HasSubstr;
using testing::kOtherSchool;
using testing::kSchool;
using testing::MakeReport;
using ::testing::Not;

constexpr char kSubmit[] = "junheng.v1.ReportingService/SubmitReport";

std::string Calls(const std::string& method, const std::string& code) {
  return absl::StrCat("junheng_rpc_calls_total{method=\"", method, "\",code=\"", code, "\"}");
}

class MetricsIntegrationTest : public testing::ObservedServerTest {};

TEST_F(MetricsIntegrationTest, ASubmissionADuplicateAndARefusalMoveTheirCounters) {
  const std::string accepted = R"(junheng_reports_accepted_total{county="140430",period="2024"})";
  const std::string duplicates = R"(junheng_report_duplicates_total{county="140430"})";
  const std::string invalid = R"(junheng_report_refusals_total{code="INVALID_ARGUMENT"})";
  const std::string latency =
      R"(junheng_rpc_duration_seconds_count{method=")" + std::string(kSubmit) + "\"}";
  const double groups = Sample("junheng_group_commit_reports_count");
  client::Connection clerk = As(clerk_);

  const auto report = MakeReport(kSchool).Students(600).Teachers(30);
  auto first = clerk.Call(&v1::ReportingService::Stub::SubmitReport, report.Submission("m-1"));
  ASSERT_TRUE(first.ok()) << first.status();
  // The outbox's retry after a lost answer: the same submission again.
  auto retry = clerk.Call(&v1::ReportingService::Stub::SubmitReport, report.Submission("m-1"));
  ASSERT_TRUE(retry.ok()) << retry.status();
  ASSERT_TRUE(retry->duplicate());
  auto refused = clerk.Call(&v1::ReportingService::Stub::SubmitReport,
                            MakeReport(kSchool).Students(-5).Submission("m-2"));
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);

  const std::string scrape = server_.app()->metrics()->Scrape();
  EXPECT_EQ(SampleOf(scrape, accepted), 1);
  EXPECT_EQ(SampleOf(scrape, duplicates), 1);
  EXPECT_EQ(SampleOf(scrape, invalid), 1);
  EXPECT_EQ(SampleOf(scrape, Calls(kSubmit, "OK")), 2);
  EXPECT_EQ(SampleOf(scrape, Calls(kSubmit, "INVALID_ARGUMENT")), 1);
  EXPECT_EQ(SampleOf(scrape, latency), 3);
  // The one new version was synced in one group of one report.
  EXPECT_EQ(SampleOf(scrape, "junheng_group_commit_reports_count"), groups + 1);
  EXPECT_EQ(SampleOf(scrape, R"(junheng_group_commit_reports_bucket{le="1"})"), groups + 1);
  EXPECT_EQ(SampleOf(scrape, "junheng_group_commit_sync_seconds_count"), groups + 1);
  EXPECT_GE(SampleOf(scrape, "junheng_rocksdb_wal_syncs_total"), 1);
  // Bounded labels: counties and periods, never a school.
  EXPECT_THAT(scrape, Not(HasSubstr(kSchool)));
  EXPECT_THAT(scrape, Not(HasSubstr(kOtherSchool)));
}

TEST_F(MetricsIntegrationTest, AuthorizationRefusalsAreCountedByReason) {
  auto reason = [](const std::string& name) {
    return absl::StrCat("junheng_auth_refusals_total{reason=\"", name, "\"}");
  };
  v1::GetReportRequest other_school;
  other_school.set_county_code(testing::kTestCounty);
  other_school.set_school_code(kOtherSchool);
  other_school.set_period("2024");
  v1::ListPeriodsRequest periods;
  periods.set_county_code(testing::kTestCounty);
  v1::UpsertSchoolsRequest registry;
  registry.set_county_code(testing::kTestCounty);
  *registry.add_schools() = testing::MakeSchool(kSchool);

  EXPECT_EQ(As("").Call(&v1::BureauService::Stub::ListPeriods, periods).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(As("jh1.nonsense").Call(&v1::BureauService::Stub::ListPeriods, periods).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(As("jh1.140430.0123456789abcdef." + std::string(64, '0'))
                .Call(&v1::BureauService::Stub::ListPeriods, periods)
                .status()
                .code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(As(clerk_).Call(&v1::ReportingService::Stub::GetReport, other_school).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(As(clerk_).Call(&v1::RegistryService::Stub::UpsertSchools, registry).status().code(),
            absl::StatusCode::kPermissionDenied);

  const std::string scrape = server_.app()->metrics()->Scrape();
  EXPECT_EQ(SampleOf(scrape, reason("missing_token")), 1);
  EXPECT_EQ(SampleOf(scrape, reason("malformed_token")), 1);
  EXPECT_EQ(SampleOf(scrape, reason("unknown_token")), 1);
  EXPECT_EQ(SampleOf(scrape, reason("out_of_scope")), 1);
  EXPECT_EQ(SampleOf(scrape, reason("wrong_role")), 1);
  EXPECT_EQ(SampleOf(scrape, reason("revoked_token")), 0);
  EXPECT_EQ(SampleOf(scrape, Calls("junheng.v1.BureauService/ListPeriods", "UNAUTHENTICATED")), 3);
}

TEST_F(MetricsIntegrationTest, MetricsAnswerWithoutATokenInPrometheusText) {
  testing::HttpReply reply = Http("GET", "/metrics", "", {});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(reply.Header("cache-control"), "no-store");
  for (const char* name :
       {"# TYPE junheng_rpc_calls_total counter", "# TYPE junheng_rpc_duration_seconds histogram",
        "# TYPE junheng_group_commit_sync_seconds histogram", "junheng_store_accepts_writes 1",
        "# TYPE junheng_data_dir_free_bytes gauge", "# TYPE junheng_rocksdb_live_data_bytes gauge",
        "# TYPE process_resident_memory_bytes gauge", "# TYPE process_open_fds gauge",
        "junheng_web_sessions 0"}) {
    EXPECT_THAT(reply.body, HasSubstr(name));
  }
  EXPECT_GT(SampleOf(reply.body, "junheng_data_dir_size_bytes"), 0);
  EXPECT_GT(SampleOf(reply.body, "process_resident_memory_bytes"), 0);
  // The registry's upsert of the fixture, through gRPC, is there.
  EXPECT_EQ(SampleOf(reply.body, Calls("junheng.v1.RegistryService/UpsertSchools", "OK")), 1);
}

TEST_F(MetricsIntegrationTest, HttpApiCallsAreCountedAsTheirMethod) {
  const std::string list = Calls("junheng.v1.BureauService/ListPeriods", "OK");
  testing::HttpReply reply =
      Http("POST", "/junheng.v1.BureauService/ListPeriods", R"({"county_code": "140430"})",
           {"Authorization: Bearer " + admin_, "Content-Type: application/json"});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Sample(list), 1);
}

TEST_F(MetricsIntegrationTest, OpenPeriodsAndScheduledRunsAreShown) {
  v1::DefinePeriodRequest define;
  auto* p = define.mutable_period();
  p->set_county_code(testing::kTestCounty);
  p->set_period("2024");
  p->set_opens_unix_ms(absl::ToUnixMillis(clock_.Now() - absl::Hours(24)));
  p->set_deadline_unix_ms(absl::ToUnixMillis(clock_.Now() + absl::Hours(24 * 14)));
  p->set_closes_unix_ms(absl::ToUnixMillis(clock_.Now() + absl::Hours(24 * 30)));
  ASSERT_TRUE(As(admin_).Call(&v1::BureauService::Stub::DefinePeriod, define).ok());
  *p->mutable_period() = "2023";
  p->set_opens_unix_ms(absl::ToUnixMillis(clock_.Now() - absl::Hours(24 * 400)));
  p->set_deadline_unix_ms(absl::ToUnixMillis(clock_.Now() - absl::Hours(24 * 380)));
  p->set_closes_unix_ms(absl::ToUnixMillis(clock_.Now() - absl::Hours(24 * 370)));
  ASSERT_TRUE(As(admin_).Call(&v1::BureauService::Stub::DefinePeriod, define).ok());

  auto stored = As(clerk_).Call(&v1::ReportingService::Stub::SubmitReport,
                                MakeReport(kSchool).Students(600).Submission("p-1"));
  ASSERT_TRUE(stored.ok()) << stored.status();

  const std::string periods = server_.app()->metrics()->Scrape();
  EXPECT_EQ(SampleOf(periods, R"(junheng_period_open{county="140430",period="2024"})"), 1);
  EXPECT_THAT(periods, HasSubstr(R"(junheng_period_open{county="140430",period="2023"} 0)"));
  // Of the open period: one school of the registry's two has reported.
  EXPECT_EQ(SampleOf(periods, R"(junheng_county_schools{county="140430"})"), 2);
  EXPECT_EQ(SampleOf(periods, R"(junheng_period_reported_schools{county="140430",period="2024"})"),
            1);
  EXPECT_THAT(periods,
              Not(HasSubstr(R"(junheng_period_reported_schools{county="140430",period="2023"})")));

  // 2024 is open (an interval run); 2023 has passed its deadline and close.
  auto runs = server_.app()->scheduler()->RunDue();
  ASSERT_TRUE(runs.ok()) << runs.status();
  ASSERT_EQ(runs->size(), 3u);
  const std::string scrape = server_.app()->metrics()->Scrape();
  for (const char* trigger : {"schedule", "deadline", "close"}) {
    SCOPED_TRACE(trigger);
    EXPECT_EQ(SampleOf(scrape, absl::StrCat("junheng_scheduler_runs_total{trigger=\"", trigger,
                                            "\",result=\"snapshot\"}")) +
                  SampleOf(scrape, absl::StrCat("junheng_scheduler_runs_total{trigger=\"", trigger,
                                                "\",result=\"unchanged\"}")),
              1);
    EXPECT_EQ(SampleOf(scrape, absl::StrCat("junheng_scheduler_run_duration_seconds_count{"
                                            "trigger=\"",
                                            trigger, "\"}")),
              1);
  }
}

}  // namespace
}  // namespace junheng
