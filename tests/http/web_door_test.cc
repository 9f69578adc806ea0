// The HTTP door through a real in-process server and libcurl: the API by the Connect protocol's
// unary rules with a bearer token and with a browser session, sign-in, CSRF, the security
// headers, and the pages (docs/web-console.md).
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "client/rpc/connection.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/testing/http_call.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/store_fixture.h"

namespace junheng {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kCounty[] = "140430";
constexpr char kSchool[] = "2140043001";
constexpr char kOtherSchool[] = "2140043002";

using Reply = testing::HttpReply;

class WebDoorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(server_.dir().Sub("index.html")) << "<!doctype html><p>均衡</p>";
    server::ServerOptions options;
    options.transport.insecure_plaintext = true;
    options.rate_limit.per_second = 0;
    options.run_scheduler = false;
    options.http_listen = "127.0.0.1:0";
    options.web_root = server_.dir().path();
    ASSERT_TRUE(server_.Start(options).ok());
    base_ = absl::StrCat("http://127.0.0.1:", server_.app()->http_port());
    admin_ = Issue(v1::BUREAU_ADMIN, "").token();
    auto registry = As(admin_).Call(&v1::RegistryService::Stub::UpsertSchools, [] {
      v1::UpsertSchoolsRequest request;
      request.set_county_code(kCounty);
      *request.add_schools() = testing::MakeSchool(kSchool);
      *request.add_schools() = testing::MakeSchool(kOtherSchool);
      return request;
    }());
    ASSERT_TRUE(registry.ok()) << registry.status();
  }

  v1::IssueTokenResponse Issue(v1::Role role, const std::string& school, bool enrol = false) {
    return server_.IssueToken(kCounty, role, school, enrol);
  }

  client::Connection As(const std::string& token) { return server_.ConnectionWith(token); }

  Reply Send(const std::string& method, const std::string& path, const std::string& body,
             std::vector<std::string> headers) {
    return testing::HttpCall(method, base_ + path, body, headers);
  }

  Reply Post(const std::string& path, const std::string& json, std::vector<std::string> headers) {
    headers.push_back("Content-Type: application/json");
    return Send("POST", path, json, std::move(headers));
  }

  static std::string Bearer(const std::string& token) { return "Authorization: Bearer " + token; }

  static std::string ReportJson(const std::string& school, const std::string& submission) {
    return absl::StrCat(
        R"({"county_code": "140430", "submission_id": ")", submission,
        R"(", "report": {"school_code": ")", school,
        R"(", "period": "2024", "primary_students": 600, "primary_teachers": 30}})");
  }

  // Signs a browser in: the session cookie and the CSRF value its page echoes.
  std::pair<std::string, std::string> SignIn(const std::string& code) {
    Reply reply = Post("/auth/enrol", absl::StrCat(R"({"code": ")", code, R"("})"), {});
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::string session, csrf;
    for (auto [it, end] = reply.headers.equal_range("set-cookie"); it != end; ++it) {
      const std::string& cookie = it->second;
      const std::string value =
          cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
      if (absl::StartsWith(cookie, "jh_session=")) {
        session = value;
        EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
        EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
      } else if (absl::StartsWith(cookie, "jh_csrf=")) {
        csrf = value;
        EXPECT_THAT(cookie, Not(HasSubstr("HttpOnly"))) << "the page must read it";
      }
    }
    return {session, csrf};
  }

  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2024, 9, 1, 8, 0, 0), absl::UTCTimeZone())};
  testing::InProcessServer server_{&clock_};
  std::string base_;
  std::string admin_;
};

TEST_F(WebDoorTest, BearerCallAnswersWhatTheGrpcDoorAnswers) {
  v1::GetSchoolRequest request;
  request.set_county_code(kCounty);
  request.set_school_code(kSchool);
  auto grpc_answer = As(admin_).Call(&v1::RegistryService::Stub::GetSchool, request);
  ASSERT_TRUE(grpc_answer.ok()) << grpc_answer.status();

  Reply reply = Post("/junheng.v1.RegistryService/GetSchool",
                     R"({"county_code": "140430", "school_code": "2140043001"})", {Bearer(admin_)});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Header("content-type"), "application/json");
  v1::School http_answer;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(reply.body, &http_answer).ok());
  EXPECT_EQ(http_answer.SerializeAsString(), grpc_answer->SerializeAsString());
  EXPECT_THAT(reply.body, HasSubstr(R"("school_name":"school 2140043001")"))
      << "JSON keys are the proto field names";

  // The same call in binary protobuf.
  Reply binary = Send("POST", "/junheng.v1.RegistryService/GetSchool", request.SerializeAsString(),
                      {Bearer(admin_), "Content-Type: application/proto"});
  ASSERT_EQ(binary.status, 200);
  EXPECT_EQ(binary.Header("content-type"), "application/proto");
  EXPECT_EQ(binary.body, grpc_answer->SerializeAsString());
}

TEST_F(WebDoorTest, ASubmissionThroughHttpIsStoredAndAuditedAsThroughGrpc) {
  const auto clerk = Issue(v1::SCHOOL_CLERK, kSchool);
  Reply reply = Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "web-1"),
                     {Bearer(clerk.token())});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr(R"("version":"1")"));
  // Retried with the same submission id: the earlier receipt, nothing stored twice.
  Reply again = Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "web-1"),
                     {Bearer(clerk.token())});
  EXPECT_THAT(again.body, HasSubstr(R"("duplicate":true)"));

  const auto auditor = Issue(v1::AUDITOR, "");
  v1::ListAuditRequest list;
  list.set_county_code(kCounty);
  list.set_school_code(kSchool);
  auto entries = As(auditor.token()).Call(&v1::AuditService::Stub::ListAudit, list);
  ASSERT_TRUE(entries.ok()) << entries.status();
  int accepted = 0;
  for (const auto& entry : entries->entries()) {
    if (entry.action() != "report.accept") continue;
    ++accepted;
    EXPECT_THAT(entry.actor(), HasSubstr(clerk.info().id()));
    EXPECT_THAT(entry.actor(), HasSubstr("school_clerk"));
  }
  EXPECT_EQ(accepted, 1);
}

TEST_F(WebDoorTest, RefusalsAreConnectErrorsWithTheirHttpStatus) {
  Reply none = Post("/junheng.v1.BureauService/SubmissionStatus",
                    R"({"county_code": "140430", "period": "2024"})", {});
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.Field("code"), "unauthenticated");

  const auto clerk = Issue(v1::SCHOOL_CLERK, kSchool);
  Reply other = Post("/junheng.v1.ReportingService/GetReport",
                     R"({"county_code": "140430", "school_code": "2140043002", "period": "2024"})",
                     {Bearer(clerk.token())});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.Field("code"), "permission_denied");
  EXPECT_THAT(other.Field("message"), HasSubstr(kSchool));

  Reply misspelt =
      Post("/junheng.v1.ReportingService/GetReport",
           R"({"county_code": "140430", "school": "2140043001"})", {Bearer(clerk.token())});
  EXPECT_EQ(misspelt.status, 400);
  EXPECT_EQ(misspelt.Field("code"), "invalid_argument");
  EXPECT_THAT(misspelt.Field("message"), HasSubstr("school"));

  Reply nowhere = Post("/junheng.v1.ReportingService/Nothing", "{}", {Bearer(clerk.token())});
  EXPECT_EQ(nowhere.status, 404);
  Reply text = Send("POST", "/junheng.v1.ReportingService/GetReport", "x",
                    {Bearer(clerk.token()), "Content-Type: text/plain"});
  EXPECT_EQ(text.status, 415);

  Reply invalid = Post("/junheng.v1.ReportingService/SubmitReport",
                       absl::StrCat(R"({"county_code": "140430", "submission_id": "w2", "report":)",
                                    R"( {"school_code": "2140043001", "period": "2024",)",
                                    R"( "primary_students": -5}})"),
                       {Bearer(clerk.token())});
  EXPECT_EQ(invalid.status, 400);
  EXPECT_THAT(invalid.Field("message"), HasSubstr("primary_students"));
}

TEST_F(WebDoorTest, HostileHeadersAndBodiesAreRefusedAndTheServerStaysUp) {
  // A token with bytes gRPC metadata cannot carry would abort the process if passed on.
  Reply odd = Post("/junheng.v1.BureauService/ListPeriods", R"({"county_code": "140430"})",
                   {"Authorization: Bearer \xc3\xa9\x01"});
  EXPECT_EQ(odd.status, 401);
  EXPECT_EQ(odd.Field("code"), "unauthenticated");
  // The scheme in any case (RFC 9110), and the server still answers.
  Reply lower = Post("/junheng.v1.BureauService/ListPeriods", R"({"county_code": "140430"})",
                     {"Authorization: bearer " + admin_});
  EXPECT_EQ(lower.status, 200) << lower.body;
  // A body over the limit is refused from its Content-Length, before it is read.
  Reply large =
      Post("/junheng.v1.BureauService/ListPeriods", std::string(5 << 20, ' '), {Bearer(admin_)});
  EXPECT_EQ(large.status, 413);
  EXPECT_THAT(large.Field("message"), HasSubstr("4 MiB"));
}

TEST_F(WebDoorTest, ABrowserSessionActsAsItsTokenOnlyWithTheCsrfHeader) {
  const auto clerk = Issue(v1::SCHOOL_CLERK, kSchool, /*enrol=*/true);
  auto [session, csrf] = SignIn(clerk.enrolment_code());
  ASSERT_FALSE(session.empty());
  ASSERT_FALSE(csrf.empty());
  const std::string cookie = absl::StrCat("Cookie: jh_session=", session, "; jh_csrf=", csrf);

  Reply who = Send("GET", "/auth/session", "", {cookie});
  EXPECT_EQ(who.status, 200);
  EXPECT_EQ(who.Field("role"), "school_clerk");
  EXPECT_EQ(who.Field("school_code"), kSchool);

  Reply forged =
      Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "s-1"), {cookie});
  EXPECT_EQ(forged.status, 403) << "a session call without X-CSRF-Token";
  EXPECT_THAT(forged.Field("message"), HasSubstr("X-CSRF-Token"));
  Reply wrong = Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "s-1"),
                     {cookie, "X-CSRF-Token: 0123456789abcdef0123456789abcdef"});
  EXPECT_EQ(wrong.status, 403);

  Reply ok = Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "s-1"),
                  {cookie, "X-CSRF-Token: " + csrf});
  ASSERT_EQ(ok.status, 200) << ok.body;
  Reply cross = Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kOtherSchool, "s-2"),
                     {cookie, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(cross.status, 403);

  // The code was spent; revoking the token ends the session at once.
  EXPECT_EQ(Post("/auth/enrol", absl::StrCat(R"({"code": ")", clerk.enrolment_code(), R"("})"), {})
                .status,
            401);
  v1::RevokeTokenRequest revoke;
  revoke.set_county_code(kCounty);
  revoke.set_id(clerk.info().id());
  ASSERT_TRUE(As(admin_).Call(&v1::TokenService::Stub::RevokeToken, revoke).ok());
  Reply after = Post("/junheng.v1.BureauService/Due",
                     R"({"county_code": "140430", "school_code": "2140043001"})",
                     {cookie, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(after.status, 401);
}

TEST_F(WebDoorTest, LogoutEndsTheSession) {
  const auto viewer = Issue(v1::BUREAU_VIEWER, "", /*enrol=*/true);
  auto [session, csrf] = SignIn(viewer.enrolment_code());
  const std::string cookie = absl::StrCat("Cookie: jh_session=", session);
  EXPECT_EQ(Post("/auth/logout", "{}", {cookie}).status, 403) << "logout needs the CSRF header";
  Reply out = Post("/auth/logout", "{}", {cookie, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(out.status, 200);
  EXPECT_THAT(out.Header("set-cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(Send("GET", "/auth/session", "", {cookie}).status, 401);
}

TEST_F(WebDoorTest, ARegionViewerSignsInAndReadsItsCitysCountiesThroughTheSession) {
  for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
           {"14", "山西省"}, {"1404", "长治市"}, {kCounty, "沁县"}}) {
    v1::Region region;
    region.set_code(code);
    region.set_name(name);
    region.set_parent(code.size() > 2 ? code.substr(0, code.size() - 2) : "");
    ASSERT_TRUE(server_.app()
                    ->store()
                    ->Commit(storage::Change(storage::kRegionChain).PutRegion(region))
                    .ok());
  }
  v1::IssueTokenRequest request;
  request.set_county_code("1404");
  request.set_role(v1::REGION_VIEWER);
  request.set_label("长治市教育局");
  request.set_enrolment(true);
  auto viewer = server_.app()->tokens()->Issue(request, "test setup");
  ASSERT_TRUE(viewer.ok()) << viewer.status();

  auto [session, csrf] = SignIn(viewer->enrolment_code());
  ASSERT_THAT(session, ::testing::StartsWith("jhs1.1404."));
  const std::string cookie = absl::StrCat("Cookie: jh_session=", session, "; jh_csrf=", csrf);
  Reply who = Send("GET", "/auth/session", "", {cookie});
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(who.Field("role"), "region_viewer");
  EXPECT_EQ(who.Field("county_code"), "1404");
  EXPECT_EQ(who.Field("school_code"), "");
  EXPECT_EQ(who.Field("label"), "长治市教育局");

  const std::string city = R"({"region_code": "1404", "period": "2024"})";
  Reply status =
      Post("/junheng.v1.RegionService/RegionStatus", city, {cookie, "X-CSRF-Token: " + csrf});
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.Field("region_name"), "长治市");
  EXPECT_THAT(status.body, HasSubstr(R"("county_code":"140430","county_name":"沁县")"));
  EXPECT_EQ(Post("/junheng.v1.RegionService/RegionStatus", city, {cookie}).status, 403)
      << "a session call without X-CSRF-Token";
  Reply other =
      Post("/junheng.v1.RegionService/RegionStatus", R"({"region_code": "13", "period": "2024"})",
           {cookie, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(other.Field("code"), "permission_denied");
  Reply write = Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "r-1"),
                     {cookie, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(write.status, 403) << "a region viewer writes nothing";

  EXPECT_EQ(Post("/auth/logout", "{}", {cookie, "X-CSRF-Token: " + csrf}).status, 200);
  EXPECT_EQ(Send("GET", "/auth/session", "", {cookie}).status, 401);
}

TEST_F(WebDoorTest, PagesAndAnswersCarryTheSecurityHeaders) {
  Reply page = Send("GET", "/", "", {});
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("均衡"));
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  for (const Reply& reply : {page, Post("/junheng.v1.BureauService/ListPeriods", "{}", {})}) {
    EXPECT_THAT(reply.Header("content-security-policy"), HasSubstr("script-src 'self';"));
    EXPECT_THAT(reply.Header("content-security-policy"), Not(HasSubstr("unsafe-eval")));
    EXPECT_EQ(reply.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(reply.Header("x-frame-options"), "DENY");
  }
  EXPECT_EQ(Send("GET", "/../CMakeLists.txt", "", {}).status, 404);
  EXPECT_EQ(Send("GET", "/%2e%2e/data/CURRENT", "", {}).status, 404);
  EXPECT_EQ(Send("GET", "/missing.html", "", {}).status, 404);
}

TEST_F(WebDoorTest, AClerkDownloadsTheTemplateOfTheirOwnSchoolOnly) {
  const auto clerk = Issue(v1::SCHOOL_CLERK, kSchool);
  Reply own =
      Send("GET", "/api/template.xlsx?school=2140043001&period=2024", "", {Bearer(clerk.token())});
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_THAT(own.Header("content-disposition"), HasSubstr("2140043001-2024.xlsx"));
  EXPECT_EQ(own.body.substr(0, 2), "PK") << "an xlsx is a zip";
  Reply other =
      Send("GET", "/api/template.xlsx?school=2140043002&period=2024", "", {Bearer(clerk.token())});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(Send("GET", "/api/template.xlsx?school=2140043001", "", {Bearer(clerk.token())}).status,
            400);
}

TEST_F(WebDoorTest, TheBureauDownloadsTheExportsAndAClerkNone) {
  const auto clerk = Issue(v1::SCHOOL_CLERK, kSchool);
  ASSERT_EQ(Post("/junheng.v1.ReportingService/SubmitReport", ReportJson(kSchool, "x-1"),
                 {Bearer(clerk.token())})
                .status,
            200);
  const auto viewer = Issue(v1::BUREAU_VIEWER, "");
  for (const char* name : {"status", "values", "evaluation", "forms"}) {
    Reply reply = Send("GET", absl::StrCat("/api/export/", name, ".xlsx?period=2024"), "",
                       {Bearer(viewer.token())});
    EXPECT_EQ(reply.status, 200) << name << ": " << reply.body;
    EXPECT_EQ(reply.body.substr(0, 2), "PK") << name;
    EXPECT_THAT(reply.Header("content-disposition"),
                HasSubstr(absl::StrCat("140430-2024-", name, ".xlsx")));
    EXPECT_EQ(Send("GET", absl::StrCat("/api/export/", name, ".xlsx?period=2024"), "",
                   {Bearer(clerk.token())})
                  .status,
              403)
        << "a clerk downloads no county-wide export: " << name;
  }
  for (const char* path :
       {"/api/export/schools.xlsx", "/api/export/trend.xlsx?from=2023&to=2024"}) {
    Reply reply = Send("GET", path, "", {Bearer(viewer.token())});
    EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
    EXPECT_EQ(reply.body.substr(0, 2), "PK") << path;
    EXPECT_EQ(Send("GET", path, "", {Bearer(clerk.token())}).status, 403) << path;
  }
  EXPECT_EQ(
      Send("GET", "/api/export/secrets.xlsx?period=2024", "", {Bearer(viewer.token())}).status,
      404);
}

TEST_F(WebDoorTest, TheCatalogueGivesTheFormItsFieldsAndGroups) {
  Reply reply = Send("GET", "/api/catalog.json", "", {});
  ASSERT_EQ(reply.status, 200);
  const auto json = reply.Json();
  const auto& fields = json.fields().at("report").list_value().values();
  bool found = false;
  for (const auto& value : fields) {
    const auto& f = value.struct_value().fields();
    if (f.at("name").string_value() != "teaching_aux_area_m2") continue;
    found = true;
    EXPECT_EQ(f.at("label").string_value(), "教学及辅助用房面积");
    EXPECT_EQ(f.at("unit").string_value(), "m²");
    EXPECT_EQ(f.at("kind").string_value(), "decimal");
    EXPECT_EQ(f.at("group").string_value(), "facilities");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(json.fields().at("groups").list_value().values_size(), 5);
}

}  // namespace
}  // namespace junheng
