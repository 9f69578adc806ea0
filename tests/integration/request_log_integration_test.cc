// A call's request id and log line (docs/monitoring.md): the id an error's message ends with is
// the one in the answer's metadata and in the call's log line, over gRPC and HTTP; lines carry no
// token and no enrolment code; the JSON format parses.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/integration/observed_server.h"
#include "tests/testing/captured_log.h"

namespace junheng {
namespace {

using ::testing::AllOf;
using testing::CapturedLog;
using ::testing::Contains;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using testing::kOtherSchool;
using testing::kSchool;
using testing::MakeReport;
using ::testing::MatchesRegex;
using ::testing::Not;

class RequestLogIntegrationTest : public testing::ObservedServerTest {
 protected:
  static v1::GetReportRequest OtherSchoolsReport() {
    v1::GetReportRequest request;
    request.set_county_code(testing::kTestCounty);
    request.set_school_code(kOtherSchool);
    request.set_period("2024");
    return request;
  }

  // The one captured line with request_id=`id` (logfmt).
  static std::string LineOf(const CapturedLog& log, const std::string& id) {
    std::string found;
    for (const std::string& line : log.Lines()) {
      if (absl::StrContains(line, "request_id=" + id + " ")) {
        EXPECT_TRUE(found.empty()) << "two lines with " << id;
        found = line;
      }
    }
    return found;
  }
};

TEST_F(RequestLogIntegrationTest, AnErrorEndsWithTheRequestIdOfItsMetadataAndLogLine) {
  CapturedLog log(server::LogFormat::kLogfmt);
  testing::RawAnswer english =
      CallRaw(&v1::ReportingService::Stub::GetReport, OtherSchoolsReport(), clerk_, "en");
  ASSERT_EQ(english.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_THAT(english.request_id, MatchesRegex("[0-9a-f]{10}"));
  const std::string suffix = absl::StrCat(" (request id ", english.request_id, ")");
  const std::string message = english.status.error_message();
  ASSERT_THAT(message, EndsWith(suffix));

  const std::string line = LineOf(log, english.request_id);
  EXPECT_THAT(line, HasSubstr(" level=info event=rpc request_id=" + english.request_id +
                              " method=junheng.v1.ReportingService/GetReport"
                              " code=PERMISSION_DENIED duration_ms="));
  // The refused caller is named by its token's id, role, county and school.
  const std::string clerk_token_id = clerk_.substr(std::string("jh1.140430.").size(), 16);
  EXPECT_THAT(line, HasSubstr(absl::StrCat("token_id=", clerk_token_id,
                                           " role=school_clerk county=140430 school=", kSchool)));
  EXPECT_THAT(line, HasSubstr("peer=ipv4:127.0.0.1:"));
  // The message as the clerk read it, but for the id, which the line has as a field.
  EXPECT_THAT(line, EndsWith(absl::StrCat(
                        " message=\"", message.substr(0, message.size() - suffix.size()), "\"")));

  // In Chinese, the caller's language, with another id.
  testing::RawAnswer chinese =
      CallRaw(&v1::ReportingService::Stub::GetReport, OtherSchoolsReport(), clerk_, "");
  EXPECT_THAT(chinese.status.error_message(),
              EndsWith(absl::StrCat("（请求号 ", chinese.request_id, "）")));
  EXPECT_NE(chinese.request_id, english.request_id);
  EXPECT_THAT(LineOf(log, chinese.request_id), HasSubstr("code=PERMISSION_DENIED"));
}

TEST_F(RequestLogIntegrationTest, SuccessfulReportsAreLoggedAtDebugOtherCallsAtInfo) {
  CapturedLog log(server::LogFormat::kLogfmt);
  v1::ListPeriodsRequest periods;
  periods.set_county_code(testing::kTestCounty);
  testing::RawAnswer listed = CallRaw(&v1::BureauService::Stub::ListPeriods, periods, admin_, "en");
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  testing::RawAnswer stored =
      CallRaw(&v1::ReportingService::Stub::SubmitReport,
              MakeReport(kSchool).Students(600).Submission("d-1"), clerk_, "en");
  ASSERT_TRUE(stored.status.ok()) << stored.status.error_message();
  testing::RawAnswer refused =
      CallRaw(&v1::ReportingService::Stub::SubmitReport,
              MakeReport(kSchool).Students(-1).Submission("d-2"), clerk_, "en");
  ASSERT_EQ(refused.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  for (const auto* answer : {&listed, &stored, &refused}) {
    EXPECT_THAT(answer->request_id, MatchesRegex("[0-9a-f]{10}"));
  }
  EXPECT_THAT(LineOf(log, listed.request_id), HasSubstr("code=OK"));
  EXPECT_EQ(LineOf(log, stored.request_id), "") << "an accepted report is a debug line";
  EXPECT_THAT(LineOf(log, refused.request_id),
              AllOf(HasSubstr("method=junheng.v1.ReportingService/SubmitReport"),
                    HasSubstr("code=INVALID_ARGUMENT")));

  CapturedLog debug(server::LogFormat::kLogfmt, spdlog::level::debug);
  testing::RawAnswer again =
      CallRaw(&v1::ReportingService::Stub::SubmitReport,
              MakeReport(kSchool).Students(600).Submission("d-1"), clerk_, "en");
  ASSERT_TRUE(again.status.ok());
  EXPECT_THAT(LineOf(debug, again.request_id), HasSubstr(" level=debug event=rpc "));
}

TEST_F(RequestLogIntegrationTest, ARefusedReportOfABatchCarriesTheCallsRequestId) {
  v1::SubmitReportsRequest batch;
  batch.set_county_code(testing::kTestCounty);
  *batch.add_reports() = MakeReport(kSchool).Students(600).Submission("b-1");
  *batch.add_reports() = MakeReport(kOtherSchool).Students(600).Submission("b-2");
  v1::SubmitReportsResponse response;
  testing::RawAnswer answer =
      CallRaw(&v1::ReportingService::Stub::SubmitReports, batch, clerk_, "en", &response);
  ASSERT_TRUE(answer.status.ok()) << answer.status.error_message();
  ASSERT_EQ(response.results_size(), 2);
  EXPECT_EQ(response.results(0).code(), 0);
  EXPECT_EQ(response.results(0).message(), "");
  EXPECT_EQ(response.results(1).code(), static_cast<int>(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(response.results(1).message(),
              AllOf(HasSubstr(kSchool), EndsWith(" (request id " + answer.request_id + ")")));
}

TEST_F(RequestLogIntegrationTest, HttpErrorsCarryTheRequestIdInTheirHeaderAndMessage) {
  CapturedLog log(server::LogFormat::kLogfmt);
  testing::HttpReply reply = Http(
      "POST", "/junheng.v1.ReportingService/GetReport",
      R"({"county_code": "140430", "school_code": "2140043002", "period": "2024"})",
      {"Authorization: Bearer " + clerk_, "Content-Type: application/json", "Accept-Language: en"});
  ASSERT_EQ(reply.status, 403) << reply.body;
  const std::string id = reply.Header("junheng-request-id");
  ASSERT_THAT(id, MatchesRegex("[0-9a-f]{10}"));
  google::protobuf::Struct error;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(reply.body, &error).ok()) << reply.body;
  EXPECT_EQ(error.fields().at("code").string_value(), "permission_denied");
  EXPECT_THAT(error.fields().at("message").string_value(), EndsWith(" (request id " + id + ")"));
  // The line names the HTTP client, not the in-process channel the gateway called through.
  EXPECT_THAT(LineOf(log, id),
              AllOf(HasSubstr("code=PERMISSION_DENIED"), HasSubstr("peer=\"http ipv4:127.0.0.1:")));
}

TEST_F(RequestLogIntegrationTest, LinesCarryNoTokenAndNoEnrolmentCode) {
  CapturedLog log(server::LogFormat::kLogfmt, spdlog::level::debug);
  v1::IssueTokenRequest issue;
  issue.set_county_code(testing::kTestCounty);
  issue.set_role(v1::BUREAU_VIEWER);
  issue.set_enrolment(true);
  v1::IssueTokenResponse issued;
  ASSERT_TRUE(
      CallRaw(&v1::TokenService::Stub::IssueToken, issue, admin_, "en", &issued).status.ok());
  ASSERT_FALSE(issued.enrolment_code().empty());
  v1::ListPeriodsRequest periods;
  periods.set_county_code(testing::kTestCounty);
  ASSERT_TRUE(
      CallRaw(&v1::BureauService::Stub::ListPeriods, periods, issued.token(), "en").status.ok());
  ASSERT_FALSE(CallRaw(&v1::ReportingService::Stub::GetReport, OtherSchoolsReport(),
                       issued.token() + "x", "en")
                   .status.ok());
  testing::HttpReply signed_in =
      Http("POST", "/auth/enrol", absl::StrCat(R"({"code": ")", issued.enrolment_code(), R"("})"),
           {"Content-Type: application/json"});
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  testing::HttpReply reused =
      Http("POST", "/auth/enrol", absl::StrCat(R"({"code": ")", issued.enrolment_code(), R"("})"),
           {"Content-Type: application/json"});
  ASSERT_EQ(reused.status, 401) << reused.body;

  const std::string text = log.Text();
  EXPECT_THAT(text, HasSubstr("token_id=" + issued.info().id() + " role=bureau_viewer"));
  EXPECT_THAT(text, HasSubstr("event=sign_in result=ok peer=ipv4:127.0.0.1:"));
  EXPECT_THAT(text, HasSubstr("event=sign_in result=refused"));
  const std::string secret = issued.token().substr(issued.token().rfind('.') + 1);
  const std::string code_secret =
      issued.enrolment_code().substr(issued.enrolment_code().rfind('.') + 1);
  for (const std::string& never :
       {issued.token(), secret, issued.enrolment_code(), code_secret, admin_, clerk_}) {
    EXPECT_THAT(text, Not(HasSubstr(never)));
  }
}

TEST_F(RequestLogIntegrationTest, JsonLinesParseAndCarryTheRequestId) {
  CapturedLog log(server::LogFormat::kJson);
  v1::ListPeriodsRequest periods;
  periods.set_county_code(testing::kTestCounty);
  ASSERT_TRUE(CallRaw(&v1::BureauService::Stub::ListPeriods, periods, admin_, "").status.ok());
  testing::RawAnswer refused =
      CallRaw(&v1::ReportingService::Stub::GetReport, OtherSchoolsReport(), clerk_, "");
  ASSERT_FALSE(refused.status.ok());

  std::vector<std::string> ids;
  for (const std::string& line : log.Lines()) {
    google::protobuf::Struct object;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &object).ok()) << line;
    const auto& fields = object.fields();
    ASSERT_TRUE(fields.contains("time") && fields.contains("level")) << line;
    if (fields.contains("request_id")) {
      ids.push_back(fields.at("request_id").string_value());
      EXPECT_EQ(fields.at("event").string_value(), "rpc");
      EXPECT_TRUE(fields.at("duration_ms").has_number_value()) << line;
    }
    if (fields.contains("request_id") &&
        fields.at("request_id").string_value() == refused.request_id) {
      EXPECT_EQ(fields.at("code").string_value(), "PERMISSION_DENIED");
      EXPECT_EQ(fields.at("role").string_value(), "school_clerk");
      EXPECT_EQ(fields.at("message").string_value() + "（请求号 " + refused.request_id + "）",
                refused.status.error_message());
    }
  }
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_THAT(ids, Contains(refused.request_id));
}

}  // namespace
}  // namespace junheng
