// Listings in pages (docs/api.md, "Pages") through a real in-process server: each listing walked
// with a small page size gives every record once in key order; bad page sizes and tokens are
// refused naming the field; the status carries the county's counts on every page; the client's
// CallAllPages concatenates; `schools import` sends a registry in parts and sums them.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "client/cli/registry_import.h"
#include "client/rpc/connection.h"
#include "client/rpc/pages.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using client::CallAllPages;
using client::ImportParts;
using client::ImportSchools;
using ::testing::HasSubstr;

constexpr char kCounty[] = "140430";
constexpr int kSchools = 25;

std::string Code(int i) { return absl::StrFormat("s%02d", i); }

v1::School School(const std::string& code) {
  v1::School school;
  school.set_county_code(kCounty);
  school.set_school_code(code);
  school.set_school_name("school " + code);
  school.set_school_type("primary");
  return school;
}

// s01 … s25, in reverse: the listings' order is the codes', not the file's.
std::vector<v1::School> Registry() {
  std::vector<v1::School> schools;
  for (int i = kSchools; i >= 1; --i) schools.push_back(School(Code(i)));
  return schools;
}

std::vector<std::string> SortedCodes() {
  std::vector<std::string> codes;
  for (int i = 1; i <= kSchools; ++i) codes.push_back(Code(i));
  return codes;
}

class ListingPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start().ok());
    connection_ = server_.connection();
  }

  void ImportRegistry() {
    auto imported = ImportSchools(*connection_, kCounty, Registry(), ImportParts{.max_schools = 7});
    ASSERT_TRUE(imported.ok()) << imported.status();
  }

  void Submit(const std::string& school, int students, int64_t replaces) {
    v1::SubmitReportRequest request;
    request.set_county_code(kCounty);
    request.set_submission_id(absl::StrFormat("%s-%d", school, students));
    request.mutable_report()->set_school_code(school);
    request.mutable_report()->set_period("2024");
    request.mutable_report()->set_primary_students(students);
    request.set_replaces_version(replaces);
    auto submitted = connection_->Call(&v1::ReportingService::Stub::SubmitReport, request);
    ASSERT_TRUE(submitted.ok()) << submitted.status();
  }

  // Calls `method` with `request`, then with each next_page_token, and returns the pages.
  template <typename Stub, typename Request, typename Response>
  std::vector<Response> Walk(client::UnaryMethod<Stub, Request, Response> method, Request request) {
    std::vector<Response> pages;
    do {
      auto page = connection_->Call(method, request);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok() || pages.size() > 100) break;
      request.set_page_token(page->next_page_token());
      pages.push_back(*std::move(page));
    } while (!request.page_token().empty());
    return pages;
  }

  FakeClock clock_{absl::FromUnixSeconds(1'720'000'000)};
  testing::InProcessServer server_{&clock_};
  client::Connection* connection_ = nullptr;
};

TEST_F(ListingPagesTest, ARegistryImportedInPartsSumsTheirCountsAndReportsProgress) {
  std::ostringstream progress;
  auto first =
      ImportSchools(*connection_, kCounty, Registry(), ImportParts{.max_schools = 7}, &progress);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created(), kSchools);
  EXPECT_EQ(first->updated() + first->unchanged(), 0);
  EXPECT_EQ(progress.str(),
            "sent 7 of 25 schools\nsent 14 of 25 schools\nsent 21 of 25 schools\n"
            "sent 25 of 25 schools\n");

  // Parts cut by size: a few hundred bytes hold two or three schools.
  std::vector<v1::School> changed = Registry();
  changed[0].set_school_name("renamed");
  std::ostringstream by_size;
  auto second =
      ImportSchools(*connection_, kCounty, changed, ImportParts{.max_bytes = 100}, &by_size);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->updated(), 1);
  EXPECT_EQ(second->unchanged(), kSchools - 1);
  const std::string lines = by_size.str();
  EXPECT_GT(std::count(lines.begin(), lines.end(), '\n'), 8);

  // One part: no progress lines, as before parts existed.
  std::ostringstream quiet;
  auto third = ImportSchools(*connection_, kCounty, changed, ImportParts(), &quiet);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->unchanged(), kSchools);
  EXPECT_EQ(quiet.str(), "");
}

TEST_F(ListingPagesTest, ATeachingPointInAnotherPartThanItsCentralSchoolGetsNoWarning) {
  std::vector<v1::School> schools = {School("central")};
  for (int i = 1; i <= 5; ++i) {
    v1::School point = School(absl::StrFormat("point%d", i));
    point.set_school_type("teaching_point");
    point.set_parent_school_code("central");
    schools.push_back(point);
  }
  auto imported =
      ImportSchools(*connection_, kCounty, schools, ImportParts{.max_schools = 2}, nullptr);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(imported->created(), 6);
  EXPECT_EQ(imported->warnings_size(), 0);
}

TEST_F(ListingPagesTest, ACodeTwiceInDifferentPartsRefusesTheFileBeforeAnyPartIsSent) {
  std::vector<v1::School> schools = Registry();
  schools.push_back(School(Code(20)));  // row 26; the first s20 is row 6
  auto imported = ImportSchools(*connection_, kCounty, schools, ImportParts{.max_schools = 4});
  EXPECT_TRUE(absl::IsInvalidArgument(imported.status()));
  EXPECT_THAT(imported.status().message(), HasSubstr("school 26: school_code s20 appears twice"));
  EXPECT_THAT(imported.status().message(), HasSubstr("nothing was stored"));
  v1::ListSchoolsRequest list;
  list.set_county_code(kCounty);
  auto listed = CallAllPages(*connection_, &v1::RegistryService::Stub::ListSchools, list);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->schools_size(), 0);
}

TEST_F(ListingPagesTest, AFailedPartNamesItsRowsAndSaysTheEarlierPartsAreStored) {
  std::vector<v1::School> schools;
  for (int i = 1; i <= 12; ++i) schools.push_back(School(Code(i)));
  // Over the server's input limit for a string: the file check passes it, the server refuses.
  schools[9].set_school_name(std::string(5000, 'x'));
  auto imported = ImportSchools(*connection_, kCounty, schools, ImportParts{.max_schools = 4});
  ASSERT_TRUE(absl::IsInvalidArgument(imported.status())) << imported.status();
  const std::string message(imported.status().message());
  EXPECT_THAT(message, HasSubstr("rows 9-12 (schools s09 to s12) were not imported"));
  EXPECT_THAT(message, HasSubstr("school_name"));
  EXPECT_THAT(message, HasSubstr("the 8 schools before them are stored"));
  v1::ListSchoolsRequest list;
  list.set_county_code(kCounty);
  auto listed = CallAllPages(*connection_, &v1::RegistryService::Stub::ListSchools, list);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->schools_size(), 8);
}

TEST_F(ListingPagesTest, SchoolPagesWalkTheRegistryOnceInCodeOrder) {
  ImportRegistry();
  v1::ListSchoolsRequest request;
  request.set_county_code(kCounty);
  request.set_page_size(4);
  std::vector<std::string> walked;
  auto pages = Walk(&v1::RegistryService::Stub::ListSchools, request);
  for (const auto& page : pages) {
    EXPECT_LE(page.schools_size(), 4);
    for (const auto& school : page.schools()) walked.push_back(school.school_code());
  }
  EXPECT_EQ(walked, SortedCodes());
  EXPECT_EQ(pages.size(), 7u) << "six full pages and one of one; no empty last page";

  auto all = CallAllPages(*connection_, &v1::RegistryService::Stub::ListSchools, request);
  ASSERT_TRUE(all.ok()) << all.status();
  std::vector<std::string> merged;
  for (const auto& school : all->schools()) merged.push_back(school.school_code());
  EXPECT_EQ(merged, SortedCodes());
  EXPECT_EQ(all->next_page_token(), "");
}

TEST_F(ListingPagesTest, LatestReportAndVersionPagesFollowSchoolCodeAndVersion) {
  ImportRegistry();
  for (int i = 9; i >= 1; --i) Submit(Code(i), 100 + i, 0);
  for (int v = 2; v <= 5; ++v) Submit(Code(1), 200 + v, v - 1);

  v1::ListLatestReportsRequest latest;
  latest.set_county_code(kCounty);
  latest.set_period("2024");
  latest.set_page_size(2);
  std::vector<std::string> schools;
  for (const auto& page : Walk(&v1::ReportingService::Stub::ListLatestReports, latest)) {
    EXPECT_LE(page.latest_size(), 2);
    for (const auto& r : page.latest()) schools.push_back(r.school_code());
  }
  std::vector<std::string> reported = SortedCodes();
  reported.resize(9);
  EXPECT_EQ(schools, reported);

  v1::ListReportVersionsRequest versions;
  versions.set_county_code(kCounty);
  versions.set_school_code(Code(1));
  versions.set_period("2024");
  versions.set_page_size(2);
  std::vector<int64_t> numbers;
  for (const auto& page : Walk(&v1::ReportingService::Stub::ListReportVersions, versions)) {
    EXPECT_LE(page.versions_size(), 2);
    for (const auto& r : page.versions()) numbers.push_back(r.version());
  }
  EXPECT_EQ(numbers, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  auto all = CallAllPages(*connection_, &v1::ReportingService::Stub::ListReportVersions, versions);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->versions_size(), 5);
}

TEST_F(ListingPagesTest, EveryStatusPageCarriesTheWholeCountysCounts) {
  ImportRegistry();
  for (int i = 1; i <= 9; ++i) Submit(Code(i), 100 + i, 0);
  v1::SubmissionStatusRequest request;
  request.set_county_code(kCounty);
  request.set_period("2024");
  request.set_page_size(4);
  auto pages = Walk(&v1::BureauService::Stub::SubmissionStatus, request);
  ASSERT_EQ(pages.size(), 7u);
  std::vector<std::string> rows;
  for (const auto& page : pages) {
    EXPECT_LE(page.schools_size(), 4);
    for (const auto& row : page.schools()) rows.push_back(row.school_code());
    v1::SubmissionStatusResponse counts = page, first = pages[0];
    for (auto* r : {&counts, &first}) {
      r->clear_schools();
      r->clear_warnings();
      r->clear_next_page_token();
    }
    EXPECT_EQ(counts.SerializeAsString(), first.SerializeAsString()) << counts.DebugString();
  }
  EXPECT_EQ(rows, SortedCodes());
  EXPECT_EQ(pages[0].schools_total(), kSchools);
  EXPECT_EQ(pages[0].not_submitted(), kSchools - 9);
  EXPECT_EQ(pages[0].submitted() + pages[0].incomplete(), 9);
  for (size_t i = 1; i < pages.size(); ++i) EXPECT_EQ(pages[i].warnings_size(), 0);

  auto all = CallAllPages(*connection_, &v1::BureauService::Stub::SubmissionStatus, request);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->schools_size(), kSchools);
  EXPECT_EQ(all->schools_total(), kSchools);
  EXPECT_EQ(all->not_submitted(), kSchools - 9);
  EXPECT_EQ(all->next_page_token(), "");
}

TEST_F(ListingPagesTest, AuditPagesGoNewestFirstAndCountTheWholeLogOnEach) {
  ImportRegistry();
  for (int i = 1; i <= 4; ++i) Submit(Code(i), 100 + i, 0);
  v1::ListAuditRequest request;
  request.set_county_code(kCounty);
  request.set_limit(6);
  auto pages = Walk(&v1::AuditService::Stub::ListAudit, request);
  std::vector<int64_t> seqs;
  for (const auto& page : pages) {
    EXPECT_LE(page.entries_size(), 6);
    EXPECT_EQ(page.matched(), kSchools + 4);
    for (const auto& e : page.entries()) seqs.push_back(e.seq());
  }
  ASSERT_EQ(seqs.size(), static_cast<size_t>(kSchools + 4));
  EXPECT_TRUE(std::is_sorted(seqs.rbegin(), seqs.rend())) << "newest first";
  EXPECT_EQ(std::adjacent_find(seqs.begin(), seqs.end()), seqs.end()) << "none twice";

  // A filter pages its matches only; the client stops where it is told.
  request.set_school_code(Code(2));
  request.set_limit(1);
  auto filtered = CallAllPages(*connection_, &v1::AuditService::Stub::ListAudit, request);
  ASSERT_TRUE(filtered.ok()) << filtered.status();
  EXPECT_EQ(filtered->entries_size(), 2) << "the registry entry and the report";
  EXPECT_EQ(filtered->matched(), 2);
  request.clear_school_code();
  request.set_limit(4);
  auto newest = CallAllPages(*connection_, &v1::AuditService::Stub::ListAudit, request,
                             [](v1::ListAuditRequest& next, const v1::ListAuditResponse& so_far) {
                               next.set_limit(std::min(10 - so_far.entries_size(), 4));
                               return so_far.entries_size() < 10;
                             });
  ASSERT_TRUE(newest.ok()) << newest.status();
  ASSERT_EQ(newest->entries_size(), 10);
  EXPECT_EQ(newest->entries(0).seq(), seqs[0]);
  EXPECT_EQ(newest->entries(9).seq(), seqs[9]);
}

TEST_F(ListingPagesTest, ABadPageSizeOrTokenIsInvalidArgumentNamingTheField) {
  ImportRegistry();
  auto expect_refused = [](const absl::Status& status, const std::string& field) {
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
    EXPECT_THAT(status.message(), HasSubstr(field));
  };
  for (int32_t size : {-1, 10001}) {
    v1::ListSchoolsRequest schools;
    schools.set_county_code(kCounty);
    schools.set_page_size(size);
    auto listed = connection_->Call(&v1::RegistryService::Stub::ListSchools, schools);
    expect_refused(listed.status(), absl::StrFormat("page_size = %d", size));
    EXPECT_THAT(listed.status().message(), HasSubstr("10000"));
    v1::SubmissionStatusRequest status;
    status.set_county_code(kCounty);
    status.set_period("2024");
    status.set_page_size(size);
    expect_refused(connection_->Call(&v1::BureauService::Stub::SubmissionStatus, status).status(),
                   "page_size");
    v1::ListLatestReportsRequest latest;
    latest.set_county_code(kCounty);
    latest.set_period("2024");
    latest.set_page_size(size);
    expect_refused(
        connection_->Call(&v1::ReportingService::Stub::ListLatestReports, latest).status(),
        "page_size");
    v1::ListReportVersionsRequest versions;
    versions.set_county_code(kCounty);
    versions.set_period("2024");
    versions.set_school_code(Code(1));
    versions.set_page_size(size);
    expect_refused(
        connection_->Call(&v1::ReportingService::Stub::ListReportVersions, versions).status(),
        "page_size");
    v1::ListAuditRequest audit;
    audit.set_county_code(kCounty);
    audit.set_limit(size);
    expect_refused(connection_->Call(&v1::AuditService::Stub::ListAudit, audit).status(),
                   absl::StrFormat("limit = %d", size));
  }

  v1::ListSchoolsRequest schools;
  schools.set_county_code(kCounty);
  schools.set_page_size(3);
  auto first = connection_->Call(&v1::RegistryService::Stub::ListSchools, schools);
  ASSERT_TRUE(first.ok());
  const std::string token = first->next_page_token();
  ASSERT_FALSE(token.empty());

  schools.set_page_token("not-a-token");
  expect_refused(connection_->Call(&v1::RegistryService::Stub::ListSchools, schools).status(),
                 "page_token = 'not-a-token'");
  // A schools token is no status token, and a 2024 status token no 2025 one.
  v1::SubmissionStatusRequest status;
  status.set_county_code(kCounty);
  status.set_period("2024");
  status.set_page_token(token);
  expect_refused(connection_->Call(&v1::BureauService::Stub::SubmissionStatus, status).status(),
                 "page_token");
  status.clear_page_token();
  status.set_page_size(3);
  auto status_page = connection_->Call(&v1::BureauService::Stub::SubmissionStatus, status);
  ASSERT_TRUE(status_page.ok());
  status.set_period("2025");
  status.set_page_token(status_page->next_page_token());
  expect_refused(connection_->Call(&v1::BureauService::Stub::SubmissionStatus, status).status(),
                 "page_token");
}

}  // namespace
}  // namespace junheng
