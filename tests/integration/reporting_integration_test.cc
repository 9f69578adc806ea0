// The reporting path end to end inside one process: a real server on 127.0.0.1:0 over a temp
// data dir, driven through the client's Connection.
#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "client/rpc/connection.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using junheng::v1::SchoolReport;
using junheng::v1::SubmitReportRequest;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

constexpr char kCounty[] = "140430";

class ReportingIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start().ok());
    connection_ = server_.connection();
  }

  void RestartServer() {
    ASSERT_TRUE(server_.Restart().ok());
    connection_ = server_.connection();
  }

  void RegisterSchools() {
    v1::UpsertSchoolsRequest request;
    request.set_county_code(kCounty);
    for (auto [code, type] : {std::pair{"s1", "primary"}, {"s2", "junior"}}) {
      auto* s = request.add_schools();
      s->set_school_code(code);
      s->set_school_name(std::string("school ") + code);
      s->set_school_type(type);
    }
    auto response = connection_->Call(&v1::RegistryService::Stub::UpsertSchools, request);
    ASSERT_TRUE(response.ok()) << response.status();
  }

  static SchoolReport Report(int students) {
    SchoolReport r;
    r.set_school_code("s1");
    r.set_period("2024");
    r.set_primary_students(students);
    r.set_primary_teachers(30);
    return r;
  }

  static SubmitReportRequest Request(const std::string& id, const SchoolReport& report,
                                     int64_t replaces = 0) {
    SubmitReportRequest request;
    request.set_county_code(kCounty);
    request.set_submission_id(id);
    *request.mutable_report() = report;
    request.set_replaces_version(replaces);
    request.set_submitter("clerk");
    return request;
  }

  int64_t StoredVersions(const std::string& school = "s1") {
    v1::ListReportVersionsRequest list;
    list.set_county_code(kCounty);
    list.set_school_code(school);
    list.set_period("2024");
    auto versions = connection_->Call(&v1::ReportingService::Stub::ListReportVersions, list);
    EXPECT_TRUE(versions.ok()) << versions.status();
    return versions.ok() ? versions->versions_size() : -1;
  }

  FakeClock clock_{absl::FromUnixSeconds(1'720'000'000)};
  testing::InProcessServer server_{&clock_};
  client::Connection* connection_ = nullptr;
};

TEST_F(ReportingIntegrationTest, AcceptedReportCanBeReadBackWithItsReceipt) {
  RegisterSchools();
  auto response = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                             Request("id-1", Report(600)), /*attempts=*/3);
  ASSERT_TRUE(response.ok()) << response.status();
  const auto& receipt = response->receipt();
  EXPECT_EQ(receipt.version(), 1);
  EXPECT_EQ(receipt.server_time_unix_ms(), 1'720'000'000'000);
  EXPECT_EQ(receipt.content_hash().size(), 64u);
  EXPECT_FALSE(receipt.receipt_id().empty());

  v1::GetReportRequest get;
  get.set_county_code(kCounty);
  get.set_school_code("s1");
  get.set_period("2024");
  auto stored = connection_->Call(&v1::ReportingService::Stub::GetReport, get);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->report().primary_students(), 600);
  EXPECT_EQ(stored->report().county_code(), kCounty);
  EXPECT_EQ(stored->receipt().receipt_id(), receipt.receipt_id());
}

TEST_F(ReportingIntegrationTest, InvalidReportListsEveryViolationAndStoresNothing) {
  RegisterSchools();
  SchoolReport bad = Report(-3);
  bad.set_primary_teachers_above_degree(31);  // > 30 teachers
  bad.set_junior_students(10);                // a primary school has no junior section
  auto response = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                             Request("id-bad", bad), /*attempts=*/3);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(response.status().message());
  EXPECT_THAT(message, HasSubstr("primary_students (小学在校生数) = -3"));
  EXPECT_THAT(message, HasSubstr("primary_teachers_above_degree (小学高于规定学历教师数) = 31"));
  EXPECT_THAT(message, HasSubstr("junior_students (初中在校生数) = 10"));
  EXPECT_EQ(StoredVersions(), 0);
}

// SubmitReports: one result per report, in order, each as SubmitReport would have answered it
// alone; a later report may replace one stored earlier in the same call.
TEST_F(ReportingIntegrationTest, ABatchAnswersEachReportOnItsOwn) {
  RegisterSchools();
  v1::SubmitReportsRequest batch;
  batch.set_county_code(kCounty);
  *batch.add_reports() = Request("b-1", Report(600));
  *batch.add_reports() = Request("b-2", Report(610), 1);  // replaces the one just before
  *batch.add_reports() = Request("b-3", Report(-3));      // invalid
  *batch.add_reports() = Request("b-4", Report(620), 1);  // stale: b-2 made version 2
  SchoolReport unknown = Report(100);
  unknown.set_school_code("nope");
  *batch.add_reports() = Request("b-5", unknown);
  *batch.add_reports() = Request("b-1", Report(600));  // b-1 again: its receipt
  batch.mutable_reports(5)->clear_county_code();       // empty means the call's county
  auto response = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReports, batch, 3);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->results_size(), 6);
  const auto& r = response->results();
  EXPECT_EQ(r[0].code(), 0) << r[0].message();
  EXPECT_EQ(r[0].response().receipt().version(), 1);
  EXPECT_EQ(r[0].response().school_name(), "school s1");
  EXPECT_EQ(r[1].code(), 0) << r[1].message();
  EXPECT_EQ(r[1].response().receipt().version(), 2);
  EXPECT_EQ(r[2].code(), static_cast<int>(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(r[2].message(), HasSubstr("primary_students (小学在校生数) = -3"));
  EXPECT_EQ(r[3].code(), static_cast<int>(absl::StatusCode::kAborted));
  EXPECT_EQ(r[4].code(), static_cast<int>(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(r[4].message(), HasSubstr("not registered in county 140430"));
  EXPECT_EQ(r[5].code(), 0) << r[5].message();
  EXPECT_TRUE(r[5].response().duplicate());
  EXPECT_EQ(r[5].response().receipt().version(), 1);
  EXPECT_EQ(StoredVersions(), 2);
}

// "Field emptied" compares a report with the version it replaces, also when that version is an
// earlier report of the same batch and not yet stored when the later one is checked.
TEST_F(ReportingIntegrationTest, FieldEmptiedInABatchComparesWithTheEarlierReportItReplaces) {
  RegisterSchools();
  SchoolReport stored = Report(600);  // version 1: no sports area
  stored.clear_sports_area_m2();
  ASSERT_TRUE(connection_
                  ->CallWithRetry(&v1::ReportingService::Stub::SubmitReport, Request("e-1", stored),
                                  /*attempts=*/3)
                  .ok());
  SchoolReport with_area = Report(610);  // version 2 adds it
  with_area.set_sports_area_m2(5000);
  SchoolReport without_area = Report(620);  // version 3 empties it again
  without_area.clear_sports_area_m2();
  v1::SubmitReportsRequest batch;
  batch.set_county_code(kCounty);
  *batch.add_reports() = Request("e-2", with_area, 1);
  *batch.add_reports() = Request("e-3", without_area, 2);
  auto response = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReports, batch, 3);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->results_size(), 2);
  const auto& third = response->results(1);
  ASSERT_EQ(third.code(), 0) << third.message();
  EXPECT_EQ(third.response().receipt().version(), 3);
  std::vector<std::string> emptied;
  for (const auto& w : third.response().warnings()) {
    if (w.rule_id() == "field_emptied") emptied.push_back(w.field());
  }
  EXPECT_THAT(emptied, ::testing::ElementsAre("sports_area_m2"))
      << "version 2 of the same batch had the area; the stored version 1 did not";
  for (const auto& w : response->results(0).response().warnings()) {
    EXPECT_NE(w.rule_id(), "field_emptied") << w.field();
  }
}

TEST_F(ReportingIntegrationTest, ABatchMustHoldOneToAThousandReports) {
  RegisterSchools();
  v1::SubmitReportsRequest batch;
  batch.set_county_code(kCounty);
  auto empty = connection_->Call(&v1::ReportingService::Stub::SubmitReports, batch);
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(empty.status().message(), HasSubstr("reports"));
  for (int i = 0; i <= 1000; ++i) *batch.add_reports() = Request(absl::StrCat("x", i), Report(600));
  auto over = connection_->Call(&v1::ReportingService::Stub::SubmitReports, batch);
  EXPECT_EQ(over.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(over.status().message(), HasSubstr("1001"));
  EXPECT_EQ(StoredVersions(), 0);
}

TEST_F(ReportingIntegrationTest, UnknownSchoolIsRejected) {
  RegisterSchools();
  SchoolReport r = Report(100);
  r.set_school_code("nope");
  auto response = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                             Request("id-x", r), /*attempts=*/3);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("not registered in county 140430"));
}

TEST_F(ReportingIntegrationTest, SameIdSameContentReturnsTheOriginalReceipt) {
  RegisterSchools();
  auto first = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                          Request("id-1", Report(600)), /*attempts=*/3);
  ASSERT_TRUE(first.ok());
  clock_.Advance(absl::Minutes(5));
  auto again = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                          Request("id-1", Report(600)), /*attempts=*/3);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->duplicate());
  EXPECT_EQ(again->receipt().SerializeAsString(), first->receipt().SerializeAsString());
  EXPECT_EQ(StoredVersions(), 1);
}

TEST_F(ReportingIntegrationTest, SameIdDifferentContentIsRejected) {
  RegisterSchools();
  ASSERT_TRUE(connection_
                  ->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                  Request("id-1", Report(600)), /*attempts=*/3)
                  .ok());
  auto changed = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                            Request("id-1", Report(601), 1), /*attempts=*/3);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(StoredVersions(), 1);
}

TEST_F(ReportingIntegrationTest, IdenticalResubmissionUnderANewIdStoresNothing) {
  RegisterSchools();
  ASSERT_TRUE(connection_
                  ->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                  Request("id-1", Report(600)), /*attempts=*/3)
                  .ok());
  auto again = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                          Request("id-2", Report(600), 1), /*attempts=*/3);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate());
  EXPECT_EQ(again->receipt().version(), 1);
  EXPECT_EQ(StoredVersions(), 1);
}

TEST_F(ReportingIntegrationTest, StaleReplacementIsAbortedNotOverwritten) {
  RegisterSchools();
  ASSERT_TRUE(connection_
                  ->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                  Request("a", Report(600)), /*attempts=*/3)
                  .ok());
  ASSERT_TRUE(connection_
                  ->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                  Request("b", Report(610), 1), /*attempts=*/3)
                  .ok());
  auto stale = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                          Request("c", Report(620), 1), /*attempts=*/3);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_THAT(stale.status().message(), HasSubstr("latest stored version"));
  auto fresh_first = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                                Request("d", Report(630), 0), /*attempts=*/3);
  EXPECT_EQ(fresh_first.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(StoredVersions(), 2);
}

TEST_F(ReportingIntegrationTest, FiftyIdenticalParallelSubmissionsStoreOneVersion) {
  RegisterSchools();
  constexpr int kClients = 50;
  std::vector<std::thread> threads;
  std::vector<std::string> receipts(kClients);
  std::atomic<int> failures{0};
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      client::Connection own(server_.address(), absl::Seconds(20));
      auto response = own.CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                        Request("same-id", Report(600)), /*attempts=*/3);
      if (!response.ok()) {
        ++failures;
        return;
      }
      receipts[i] = response->receipt().SerializeAsString();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(std::set<std::string>(receipts.begin(), receipts.end()).size(), 1u)
      << "every caller gets the same receipt";
  EXPECT_EQ(StoredVersions(), 1);
}

TEST_F(ReportingIntegrationTest, RacingResubmissionsAreStrictlyOrderedWithNoLostUpdate) {
  RegisterSchools();
  constexpr int kWriters = 8, kEach = 5;
  std::atomic<int> next_students{1000};
  std::mutex mu;
  std::map<int64_t, int> accepted;  // version -> primary_students written
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      client::Connection own(server_.address(), absl::Seconds(20));
      for (int k = 0; k < kEach; ++k) {
        const int students = next_students++;
        const std::string id = "w" + std::to_string(w) + "-" + std::to_string(k);
        for (int attempt = 0; attempt < 200; ++attempt) {
          v1::ListReportVersionsRequest list;
          list.set_county_code(kCounty);
          list.set_school_code("s1");
          list.set_period("2024");
          auto versions = own.Call(&v1::ReportingService::Stub::ListReportVersions, list);
          ASSERT_TRUE(versions.ok());
          const int64_t latest =
              versions->versions().empty() ? 0 : versions->versions().rbegin()->version();
          auto response = own.CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                            Request(id, Report(students), latest), /*attempts=*/3);
          if (response.ok()) {
            std::lock_guard lock(mu);
            EXPECT_TRUE(accepted.emplace(response->receipt().version(), students).second)
                << "two writers were given version " << response->receipt().version();
            break;
          }
          ASSERT_EQ(response.status().code(), absl::StatusCode::kAborted) << response.status();
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(accepted.size(), static_cast<size_t>(kWriters * kEach));
  EXPECT_EQ(StoredVersions(), kWriters * kEach);
  // Versions run 1..N without gaps and each holds exactly what its writer sent.
  int64_t expected = 1;
  for (const auto& [version, students] : accepted) {
    EXPECT_EQ(version, expected++);
    v1::GetReportRequest get;
    get.set_county_code(kCounty);
    get.set_school_code("s1");
    get.set_period("2024");
    get.set_version(version);
    auto stored = connection_->Call(&v1::ReportingService::Stub::GetReport, get);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->report().primary_students(), students);
  }
}

TEST_F(ReportingIntegrationTest, ReportsSurviveAServerRestart) {
  RegisterSchools();
  auto response = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                             Request("id-1", Report(600)), /*attempts=*/3);
  ASSERT_TRUE(response.ok());
  RestartServer();
  EXPECT_EQ(StoredVersions(), 1);
  v1::ListLatestReportsRequest latest;
  latest.set_county_code(kCounty);
  latest.set_period("2024");
  auto listed = connection_->Call(&v1::ReportingService::Stub::ListLatestReports, latest);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->latest_size(), 1);
  EXPECT_EQ(listed->latest(0).receipt_id(), response->receipt().receipt_id());
}

TEST_F(ReportingIntegrationTest, RegistryImportIsAllOrNothing) {
  v1::UpsertSchoolsRequest request;
  request.set_county_code(kCounty);
  auto* good = request.add_schools();
  good->set_school_code("ok1");
  good->set_school_name("good");
  good->set_school_type("primary");
  auto* bad = request.add_schools();
  bad->set_school_code("bad1");
  bad->set_school_name("bad");
  bad->set_school_type("university");
  auto response = connection_->Call(&v1::RegistryService::Stub::UpsertSchools, request);
  ASSERT_FALSE(response.ok());
  EXPECT_THAT(response.status().message(), HasSubstr("school_type (学校类型) = university"));
  v1::ListSchoolsRequest list;
  list.set_county_code(kCounty);
  auto listed = connection_->Call(&v1::RegistryService::Stub::ListSchools, list);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->schools_size(), 0);
}

// A GBK registry file read without decoding put GBK bytes into string fields: protobuf logged
// them on both sides, the server could not parse the request, gRPC 1.51's callback server
// answered UNIMPLEMENTED with no message and the client printed a bare "error: ". The refusal
// now says something.
TEST_F(ReportingIntegrationTest, ARequestTheServerCannotParseIsRefusedWithASentence) {
  v1::UpsertSchoolsRequest request;
  request.set_county_code(kCounty);
  auto* school = request.add_schools();
  school->set_school_code("s1");
  school->set_school_name("\xC7\xDF\xCF\xD8\xB5\xDA\xD2\xBB\xD6\xD0\xD1\xA7");  // GBK
  school->set_school_type("primary");
  auto response = connection_->Call(&v1::RegistryService::Stub::UpsertSchools, request);
  ASSERT_FALSE(response.ok());
  EXPECT_THAT(response.status().message(), HasSubstr("the server gave no reason"))
      << response.status();
  // The server's interceptor says it, with the call's request id (rpc/call_interceptor.h).
  EXPECT_THAT(std::string(response.status().message()),
              MatchesRegex(".* \\(request id [0-9a-f]{10}\\)"));
  v1::ListSchoolsRequest list;
  list.set_county_code(kCounty);
  auto listed = connection_->Call(&v1::RegistryService::Stub::ListSchools, list);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->schools_size(), 0);
}

TEST_F(ReportingIntegrationTest, RegistryReimportCountsUnchangedRows) {
  RegisterSchools();
  v1::UpsertSchoolsRequest request;
  request.set_county_code(kCounty);
  auto* s = request.add_schools();
  s->set_school_code("s1");
  s->set_school_name("school s1");
  s->set_school_type("primary");
  auto* t = request.add_schools();
  t->set_school_code("s2");
  t->set_school_name("renamed");
  t->set_school_type("junior");
  auto response = connection_->Call(&v1::RegistryService::Stub::UpsertSchools, request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->unchanged(), 1);
  EXPECT_EQ(response->updated(), 1);
  EXPECT_EQ(response->created(), 0);
}

TEST_F(ReportingIntegrationTest, UnreachableServerIsUnavailableWithinTheDeadline) {
  client::Connection nowhere("127.0.0.1:1", absl::Milliseconds(300));
  v1::ListSchoolsRequest list;
  list.set_county_code(kCounty);
  auto listed = nowhere.Call(&v1::RegistryService::Stub::ListSchools, list);
  ASSERT_FALSE(listed.ok());
  EXPECT_TRUE(absl::IsUnavailable(listed.status()) || absl::IsDeadlineExceeded(listed.status()));
  // Nothing listens on port 1: the message says so and where to look (issue 14 item 10).
  EXPECT_THAT(listed.status().message(), HasSubstr("nothing is listening at 127.0.0.1:1"));
  EXPECT_THAT(listed.status().message(), HasSubstr("check the address and port in --server"));
}

}  // namespace
}  // namespace junheng
