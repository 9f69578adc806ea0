// The bureau's reporting round, run through a whole year on an injected clock: windows, late
// reports, exceptions, review, monitoring and reminders against a real in-process server.
#include "client/rpc/connection.h"
#include "common/time/time_text.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kCounty[] = "140430";

absl::Time At(const char* text) { return *ParseInstant(text, DateMeans::kStartOfDay); }

class BureauIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start().ok());
    rpc_ = server_.connection();

    v1::UpsertSchoolsRequest schools;
    schools.set_county_code(kCounty);
    for (const char* code : {"s1", "s2", "s3", "s4"}) {
      auto* s = schools.add_schools();
      s->set_school_code(code);
      s->set_school_name(std::string("school ") + code);
      s->set_school_type("primary");
      s->set_contact_name(std::string("contact ") + code);
      s->set_contact_phone("0355-700000");
    }
    ASSERT_TRUE(rpc_->Call(&v1::RegistryService::Stub::UpsertSchools, schools).ok());

    // The 2024 round: opens 1 Sep, deadline end of 15 Oct, closes end of 31 Oct (China time).
    v1::DefinePeriodRequest define;
    auto* p = define.mutable_period();
    p->set_county_code(kCounty);
    p->set_period("2024");
    p->set_opens_unix_ms(absl::ToUnixMillis(At("2024-09-01")));
    p->set_deadline_unix_ms(absl::ToUnixMillis(*ParseInstant("2024-10-15", DateMeans::kEndOfDay)));
    p->set_closes_unix_ms(absl::ToUnixMillis(*ParseInstant("2024-10-31", DateMeans::kEndOfDay)));
    auto defined = rpc_->Call(&v1::BureauService::Stub::DefinePeriod, define);
    ASSERT_TRUE(defined.ok()) << defined.status();
  }

  absl::StatusOr<v1::SubmitReportResponse> Submit(const std::string& school, int students) {
    v1::SubmitReportRequest request;
    request.set_county_code(kCounty);
    request.set_submission_id(school + "-" + std::to_string(students) + "-" +
                              std::to_string(absl::ToUnixMillis(clock_.Now())));
    // A complete report: an incomplete one does not count as submitted.
    *request.mutable_report() =
        eval::testing::PrimaryReport(school, students, eval::testing::kGoodPrimary);
    request.set_replaces_version(LatestVersion(school));
    request.set_submitter("clerk-" + school);
    return rpc_->Call(&v1::ReportingService::Stub::SubmitReport, request);
  }

  int64_t LatestVersion(const std::string& school) {
    v1::ListReportVersionsRequest list;
    list.set_county_code(kCounty);
    list.set_school_code(school);
    list.set_period("2024");
    auto versions = rpc_->Call(&v1::ReportingService::Stub::ListReportVersions, list);
    return versions.ok() && !versions->versions().empty() ? versions->versions().rbegin()->version()
                                                          : 0;
  }

  absl::StatusOr<v1::ReviewRecord> Review(const std::string& school, const std::string& action,
                                          const std::string& comment = "") {
    v1::ReviewReportRequest request;
    request.set_county_code(kCounty);
    request.set_period("2024");
    request.set_school_code(school);
    request.set_version(LatestVersion(school));
    request.set_action(action);
    request.set_comment(comment);
    request.set_reviewer("bureau-staff");
    return rpc_->Call(&v1::BureauService::Stub::ReviewReport, request);
  }

  v1::SubmissionStatusResponse Status() {
    v1::SubmissionStatusRequest request;
    request.set_county_code(kCounty);
    request.set_period("2024");
    auto status = rpc_->Call(&v1::BureauService::Stub::SubmissionStatus, request);
    EXPECT_TRUE(status.ok()) << status.status();
    if (!status.ok()) return {};
    return *std::move(status);
  }

  std::map<std::string, std::string> States() {
    std::map<std::string, std::string> states;
    const v1::SubmissionStatusResponse status = Status();
    for (const auto& s : status.schools()) states[s.school_code()] = s.state();
    return states;
  }

  FakeClock clock_{At("2024-08-20")};
  testing::InProcessServer server_{&clock_};
  client::Connection* rpc_ = nullptr;
};

TEST_F(BureauIntegrationTest, WindowDecidesRefusedOnTimeLateAndClosed) {
  auto early = Submit("s1", 100);
  EXPECT_EQ(early.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(early.status().message(), HasSubstr("opens for reports at 2024-09-01"));

  clock_.Set(At("2024-09-10"));
  auto on_time = Submit("s1", 100);
  ASSERT_TRUE(on_time.ok()) << on_time.status();
  EXPECT_FALSE(on_time->receipt().late());

  clock_.Set(At("2024-10-20"));
  auto late = Submit("s2", 200);
  ASSERT_TRUE(late.ok()) << late.status();
  EXPECT_TRUE(late->receipt().late());

  clock_.Set(At("2024-11-02"));
  auto closed = Submit("s3", 300);
  EXPECT_EQ(closed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(closed.status().message(), HasSubstr("closed at 2024-10-31T23:59:59.999+08:00"));

  auto status = Status();
  EXPECT_EQ(status.schools_total(), 4);
  EXPECT_EQ(status.submitted(), 2);
  EXPECT_EQ(status.on_time(), 1);
  EXPECT_EQ(status.late(), 1);
  EXPECT_EQ(status.not_submitted(), 2);
  EXPECT_DOUBLE_EQ(status.completeness_rate(), 0.5);
  EXPECT_DOUBLE_EQ(status.timeliness_rate(), 0.25);
  EXPECT_THAT(States(),
              ElementsAre(std::pair{"s1", "on_time"}, std::pair{"s2", "late"},
                          std::pair{"s3", "not_submitted"}, std::pair{"s4", "not_submitted"}));
}

TEST_F(BureauIntegrationTest, SubmissionAtTheDeadlineInstantIsOnTime) {
  clock_.Set(*ParseInstant("2024-10-15", DateMeans::kEndOfDay));
  auto at_deadline = Submit("s1", 100);
  ASSERT_TRUE(at_deadline.ok());
  EXPECT_FALSE(at_deadline->receipt().late());
  clock_.Advance(absl::Milliseconds(1));
  auto after = Submit("s2", 100);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->receipt().late());
}

TEST_F(BureauIntegrationTest, ExceptionOpensTheWindowForOneSchoolUntilItExpires) {
  clock_.Set(At("2024-11-05"));
  v1::GrantExceptionRequest grant;
  auto* e = grant.mutable_exception();
  e->set_county_code(kCounty);
  e->set_period("2024");
  e->set_school_code("s3");
  e->set_expires_unix_ms(absl::ToUnixMillis(At("2024-11-10")));
  e->set_reason("flooded road");
  auto granted = rpc_->Call(&v1::BureauService::Stub::GrantException, grant);
  ASSERT_TRUE(granted.ok()) << granted.status();

  EXPECT_TRUE(Submit("s3", 300).ok());
  EXPECT_EQ(Submit("s4", 400).status().code(), absl::StatusCode::kFailedPrecondition)
      << "the exception is for s3 only";
  clock_.Set(At("2024-11-11"));
  EXPECT_EQ(Submit("s3", 301).status().code(), absl::StatusCode::kFailedPrecondition)
      << "the exception has expired";
  EXPECT_EQ(States()["s3"], "late");
}

TEST_F(BureauIntegrationTest, ExpiredExceptionCannotBeGranted) {
  clock_.Set(At("2024-11-05"));
  v1::GrantExceptionRequest grant;
  auto* e = grant.mutable_exception();
  e->set_county_code(kCounty);
  e->set_period("2024");
  e->set_school_code("s3");
  e->set_expires_unix_ms(absl::ToUnixMillis(At("2024-11-01")));
  EXPECT_EQ(rpc_->Call(&v1::BureauService::Stub::GrantException, grant).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(BureauIntegrationTest, ReviewRoundTripReturnResubmitAcceptLockReopen) {
  clock_.Set(At("2024-09-10"));
  ASSERT_TRUE(Submit("s1", 100).ok());

  EXPECT_EQ(Review("s1", "return").status().code(), absl::StatusCode::kInvalidArgument)
      << "returning needs a comment";
  auto returned = Review("s1", "return", "primary_students looks too low; check the roll");
  ASSERT_TRUE(returned.ok()) << returned.status();
  EXPECT_EQ(States()["s1"], "returned");

  // The clerk sees the comment on the report.
  v1::GetReportRequest get;
  get.set_county_code(kCounty);
  get.set_school_code("s1");
  get.set_period("2024");
  auto shown = rpc_->Call(&v1::ReportingService::Stub::GetReport, get);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->review().state(), "returned");
  EXPECT_THAT(shown->review().comment(), HasSubstr("too low"));

  clock_.Advance(absl::Hours(24));
  auto corrected = Submit("s1", 180);
  ASSERT_TRUE(corrected.ok()) << corrected.status();
  EXPECT_EQ(corrected->receipt().version(), 2);
  EXPECT_EQ(States()["s1"], "on_time") << "a new version leaves the returned state";

  ASSERT_TRUE(Review("s1", "accept").ok());
  EXPECT_EQ(States()["s1"], "accepted");
  auto locked = Submit("s1", 190);
  EXPECT_EQ(locked.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(locked.status().message(), HasSubstr("reopen"));
  EXPECT_EQ(Review("s1", "accept").status().code(), absl::StatusCode::kFailedPrecondition);

  ASSERT_TRUE(Review("s1", "reopen").ok());
  auto after_reopen = Submit("s1", 190);
  ASSERT_TRUE(after_reopen.ok()) << after_reopen.status();
  EXPECT_EQ(after_reopen->receipt().version(), 3);
}

TEST_F(BureauIntegrationTest, ReviewOfAnOlderVersionIsAborted) {
  clock_.Set(At("2024-09-10"));
  ASSERT_TRUE(Submit("s1", 100).ok());
  ASSERT_TRUE(Submit("s1", 110).ok());
  v1::ReviewReportRequest request;
  request.set_county_code(kCounty);
  request.set_period("2024");
  request.set_school_code("s1");
  request.set_version(1);
  request.set_action("accept");
  EXPECT_EQ(rpc_->Call(&v1::BureauService::Stub::ReviewReport, request).status().code(),
            absl::StatusCode::kAborted);
}

TEST_F(BureauIntegrationTest, RemindersListOwingSchoolsWithContactsOnlyNearTheDeadline) {
  clock_.Set(At("2024-09-10"));
  ASSERT_TRUE(Submit("s1", 100).ok());
  ASSERT_TRUE(Submit("s2", 100).ok());
  ASSERT_TRUE(Review("s2", "return", "fix it").ok());

  v1::RemindersRequest request;
  request.set_county_code(kCounty);
  request.set_period("2024");
  request.set_days(3);
  auto far = rpc_->Call(&v1::BureauService::Stub::Reminders, request);
  ASSERT_TRUE(far.ok());
  EXPECT_GT(far->days_to_deadline(), 30);
  EXPECT_TRUE(far->owing().empty());

  clock_.Set(At("2024-10-14"));  // 1 day and a bit before the end of 15 Oct
  auto near = rpc_->Call(&v1::BureauService::Stub::Reminders, request);
  ASSERT_TRUE(near.ok());
  EXPECT_NEAR(near->days_to_deadline(), 2.0, 0.01);
  std::vector<std::string> owing;
  for (const auto& s : near->owing()) {
    owing.push_back(s.school_code() + ":" + s.state() + ":" + s.contact_name());
  }
  EXPECT_THAT(owing, ElementsAre("s2:returned:contact s2", "s3:not_submitted:contact s3",
                                 "s4:not_submitted:contact s4"));
}

TEST_F(BureauIntegrationTest, DueTellsAClerkWhatTheSchoolOwes) {
  clock_.Set(At("2024-09-10"));
  v1::DueRequest due;
  due.set_county_code(kCounty);
  due.set_school_code("s1");
  auto before = rpc_->Call(&v1::BureauService::Stub::Due, due);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->owed_size(), 1);
  EXPECT_EQ(before->owed(0).period(), "2024");
  EXPECT_EQ(before->owed(0).state(), "not_submitted");
  ASSERT_TRUE(Submit("s1", 100).ok());
  auto after = rpc_->Call(&v1::BureauService::Stub::Due, due);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->owed().empty());
  clock_.Set(At("2024-11-05"));
  due.set_school_code("s2");
  auto closed = rpc_->Call(&v1::BureauService::Stub::Due, due);
  ASSERT_TRUE(closed.ok());
  EXPECT_TRUE(closed->owed().empty()) << "a closed period is no longer owed";
  ASSERT_EQ(closed->missed_size(), 1) << "but it is said to have closed without the report";
  EXPECT_EQ(closed->missed(0).period(), "2024");
  EXPECT_EQ(closed->missed(0).state(), "not_submitted");
  due.set_school_code("s1");
  auto reported = rpc_->Call(&v1::BureauService::Stub::Due, due);
  ASSERT_TRUE(reported.ok());
  EXPECT_TRUE(reported->missed().empty()) << "s1 reported before the close";
}

// Issue 14 item 2: once the county defines periods, a label outside them is refused with the list
// of defined ones (2024.0 from a spreadsheet is refused by the shared validator with the label to
// write), so no report lands where no status, reminder or evaluation looks.
TEST_F(BureauIntegrationTest, ALabelThatIsNotADefinedPeriodIsRefused) {
  clock_.Set(At("2024-09-10"));
  for (const char* label : {"2023", "2024.0", "2O24"}) {
    v1::SubmitReportRequest request;
    request.set_county_code(kCounty);
    request.set_submission_id(std::string("label-") + label);
    *request.mutable_report() = eval::testing::PrimaryReport("s1", 90, eval::testing::kGoodPrimary);
    request.mutable_report()->set_period(label);
    auto stored = rpc_->Call(&v1::ReportingService::Stub::SubmitReport, request);
    EXPECT_EQ(stored.status().code(), absl::StatusCode::kInvalidArgument) << label;
    EXPECT_THAT(std::string(stored.status().message()), HasSubstr("2024")) << label;
  }
  ASSERT_TRUE(Submit("s1", 90).ok());
  v1::ListPeriodsRequest list;
  list.set_county_code(kCounty);
  auto periods = rpc_->Call(&v1::BureauService::Stub::ListPeriods, list);
  ASSERT_TRUE(periods.ok()) << periods.status();
  ASSERT_EQ(periods->reported_size(), 1) << "nothing was stored under the refused labels";
  EXPECT_EQ(periods->reported(0).period(), "2024");
  EXPECT_EQ(periods->reported(0).schools_reported(), 1);
  EXPECT_TRUE(periods->reported(0).defined());
}

// Issue 14 item 1: an incomplete report is stored, shown as incomplete with its empty fields, is
// not counted as submitted, stays on the reminder list and in what the school owes; the next
// complete version counts, on time by its own receipt.
TEST_F(BureauIntegrationTest, AnIncompleteReportIsStoredButNotCountedAsSubmitted) {
  clock_.Set(At("2024-09-10"));
  ASSERT_TRUE(Submit("s1", 90).ok());
  v1::SubmitReportRequest request;
  request.set_county_code(kCounty);
  request.set_submission_id("s2-one-field");
  request.mutable_report()->set_school_code("s2");
  request.mutable_report()->set_period("2024");
  request.mutable_report()->set_primary_students(90);
  auto stored = rpc_->Call(&v1::ReportingService::Stub::SubmitReport, request);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->receipt().missing_fields_size(), 25)
      << "26 fields for a primary school, 1 given";
  EXPECT_FALSE(stored->warnings().empty());

  v1::SubmissionStatusRequest status_request;
  status_request.set_county_code(kCounty);
  status_request.set_period("2024");
  auto status = rpc_->Call(&v1::BureauService::Stub::SubmissionStatus, status_request);
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_EQ(status->submitted(), 1);
  EXPECT_EQ(status->incomplete(), 1);
  EXPECT_EQ(status->not_submitted(), 2);
  EXPECT_DOUBLE_EQ(status->completeness_rate(), 0.25);
  EXPECT_EQ(status->schools(1).state(), "incomplete");
  EXPECT_THAT(status->schools(1).missing_fields(), ::testing::Contains("sports_area_m2"));

  clock_.Set(At("2024-10-14"));
  v1::RemindersRequest remind;
  remind.set_county_code(kCounty);
  remind.set_period("2024");
  remind.set_days(5);
  auto reminders = rpc_->Call(&v1::BureauService::Stub::Reminders, remind);
  ASSERT_TRUE(reminders.ok()) << reminders.status();
  std::vector<std::string> owing;
  for (const auto& s : reminders->owing()) owing.push_back(s.school_code());
  EXPECT_THAT(owing, ElementsAre("s2", "s3", "s4"));
  v1::DueRequest due;
  due.set_county_code(kCounty);
  due.set_school_code("s2");
  auto owed = rpc_->Call(&v1::BureauService::Stub::Due, due);
  ASSERT_TRUE(owed.ok()) << owed.status();
  ASSERT_EQ(owed->owed_size(), 1);
  EXPECT_EQ(owed->owed(0).state(), "incomplete");
  EXPECT_EQ(owed->owed(0).missing_fields_size(), 25);

  // A complete version after the deadline: s2 is submitted, and late by that version.
  clock_.Set(At("2024-10-20"));
  ASSERT_TRUE(Submit("s2", 90).ok());
  status = rpc_->Call(&v1::BureauService::Stub::SubmissionStatus, status_request);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->submitted(), 2);
  EXPECT_EQ(status->incomplete(), 0);
  EXPECT_EQ(status->late(), 1);
  EXPECT_EQ(status->schools(1).state(), "late");

  // Emptying fields the previous version had is accepted with a warning naming each one.
  auto previous = Submit("s2", 91);
  ASSERT_TRUE(previous.ok());
  request.set_submission_id("s2-emptied");
  request.set_replaces_version(LatestVersion("s2"));
  *request.mutable_report() = eval::testing::PrimaryReport("s2", 91, eval::testing::kGoodPrimary);
  request.mutable_report()->clear_sports_area_m2();
  auto emptied = rpc_->Call(&v1::ReportingService::Stub::SubmitReport, request);
  ASSERT_TRUE(emptied.ok()) << emptied.status();
  bool warned = false;
  for (const auto& w : emptied->warnings()) {
    warned |= w.field() == "sports_area_m2" && w.rule_id() == "field_emptied";
  }
  EXPECT_TRUE(warned);
}

TEST_F(BureauIntegrationTest, PeriodTimesMustBeOrdered) {
  v1::DefinePeriodRequest define;
  auto* p = define.mutable_period();
  p->set_county_code(kCounty);
  p->set_period("2025");
  p->set_opens_unix_ms(absl::ToUnixMillis(At("2025-10-01")));
  p->set_deadline_unix_ms(absl::ToUnixMillis(At("2025-09-01")));
  p->set_closes_unix_ms(absl::ToUnixMillis(At("2025-11-01")));
  EXPECT_EQ(rpc_->Call(&v1::BureauService::Stub::DefinePeriod, define).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace junheng
