// Credentials, roles, the audit actor, the rate limit and TLS through a real in-process server
// (issue 6).
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "client/rpc/connection.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/server_app.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/temp_dir.h"

namespace junheng {
namespace {

using ::testing::HasSubstr;

constexpr char kCounty[] = "140430";

class SecurityIntegrationTest : public ::testing::Test {
 protected:
  absl::Status Start(server::ServerOptions options) {
    options.run_scheduler = false;
    return server_.Start(std::move(options));
  }

  static server::ServerOptions Plaintext() {
    server::ServerOptions options;
    options.transport.insecure_plaintext = true;
    return options;
  }

  std::string Token(v1::Role role, const std::string& school = "") {
    return server_.IssueToken(kCounty, role, school).token();
  }

  client::Connection As(const std::string& token,
                        rpc::ChannelSecurity security = rpc::ChannelSecurity::PlaintextForTests()) {
    return server_.ConnectionWith(token, std::move(security));
  }

  static v1::SubmitReportRequest Report(const std::string& school) {
    v1::SubmitReportRequest request;
    request.set_county_code(kCounty);
    request.set_submission_id("sub-" + school);
    request.set_submitter("Clerk Wang");
    auto* r = request.mutable_report();
    r->set_school_code(school);
    r->set_period("2024");
    r->set_primary_students(600);
    r->set_primary_teachers(30);
    return request;
  }

  void RegisterSchools(client::Connection& admin) {
    v1::UpsertSchoolsRequest request;
    request.set_county_code(kCounty);
    for (const char* code : {"s1", "s2"}) {
      auto* s = request.add_schools();
      s->set_school_code(code);
      s->set_school_name(std::string("school ") + code);
      s->set_school_type("primary");
    }
    auto upserted = admin.Call(&v1::RegistryService::Stub::UpsertSchools, request);
    ASSERT_TRUE(upserted.ok()) << upserted.status();
  }

  testing::TempDir dir_;
  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2024, 9, 1, 0, 0, 0), absl::UTCTimeZone())};
  testing::InProcessServer server_{&clock_};
};

TEST_F(SecurityIntegrationTest, ClerkWorksOnItsOwnSchoolOnlyAndTheAuditShowsTheCredential) {
  ASSERT_TRUE(Start(Plaintext()).ok());
  client::Connection admin = As(Token(v1::BUREAU_ADMIN));
  RegisterSchools(admin);
  // The admin issues the clerk's token through the TokenService.
  v1::IssueTokenRequest issue;
  issue.set_county_code(kCounty);
  issue.set_role(v1::SCHOOL_CLERK);
  issue.set_school_code("s1");
  auto clerk_token = admin.Call(&v1::TokenService::Stub::IssueToken, issue);
  ASSERT_TRUE(clerk_token.ok()) << clerk_token.status();
  client::Connection clerk = As(clerk_token->token());

  auto own =
      clerk.CallWithRetry(&v1::ReportingService::Stub::SubmitReport, Report("s1"), /*attempts=*/3);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->receipt().submitter(), "Clerk Wang");  // the clerk's stated name stays

  auto other =
      clerk.CallWithRetry(&v1::ReportingService::Stub::SubmitReport, Report("s2"), /*attempts=*/3);
  EXPECT_TRUE(absl::IsPermissionDenied(other.status())) << other.status();
  EXPECT_THAT(other.status().message(), HasSubstr("school s1"));
  v1::GetReportRequest get;
  get.set_county_code(kCounty);
  get.set_period("2024");
  get.set_school_code("s2");
  EXPECT_TRUE(
      absl::IsPermissionDenied(clerk.Call(&v1::ReportingService::Stub::GetReport, get).status()));
  get.set_school_code("s1");
  EXPECT_TRUE(clerk.Call(&v1::ReportingService::Stub::GetReport, get).ok());
  v1::ListLatestReportsRequest latest;
  latest.set_county_code(kCounty);
  latest.set_period("2024");
  EXPECT_TRUE(absl::IsPermissionDenied(
      clerk.Call(&v1::ReportingService::Stub::ListLatestReports, latest).status()));

  // The auditor sees the credential in the audit log, filters by school and actor, and the chain
  // verifies; the admin may not read the audit log.
  client::Connection auditor = As(Token(v1::AUDITOR));
  v1::ListAuditRequest list;
  list.set_county_code(kCounty);
  list.set_school_code("s1");
  list.set_actor(clerk_token->info().id());
  auto entries = auditor.Call(&v1::AuditService::Stub::ListAudit, list);
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->entries_size(), 1);
  EXPECT_EQ(entries->entries(0).action(), "report.accept");
  EXPECT_EQ(entries->entries(0).actor(),
            absl::StrCat("token ", clerk_token->info().id(), " (school_clerk, school s1)"));
  list.clear_actor();
  list.set_school_code("");
  list.set_to_unix_ms(absl::ToUnixMillis(clock_.Now()) - 1);
  auto before = auditor.Call(&v1::AuditService::Stub::ListAudit, list);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->matched(), 0);
  v1::VerifyAuditRequest verify;
  verify.set_county_code(kCounty);
  auto verified = auditor.Call(&v1::AuditService::Stub::VerifyAudit, verify);
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_TRUE(verified->intact()) << verified->reason();
  EXPECT_GE(verified->entries(), 4);  // two schools, a token, a report
  EXPECT_TRUE(
      absl::IsPermissionDenied(admin.Call(&v1::AuditService::Stub::VerifyAudit, verify).status()));

  // Revoked: refused at once.
  v1::RevokeTokenRequest revoke;
  revoke.set_county_code(kCounty);
  revoke.set_id(clerk_token->info().id());
  ASSERT_TRUE(admin.Call(&v1::TokenService::Stub::RevokeToken, revoke).ok());
  EXPECT_TRUE(
      absl::IsUnauthenticated(clerk.Call(&v1::ReportingService::Stub::GetReport, get).status()));
}

TEST_F(SecurityIntegrationTest, RateLimitPerCredentialWithRetryHint) {
  server::ServerOptions options = Plaintext();
  options.rate_limit = {.per_second = 1, .burst = 2};
  ASSERT_TRUE(Start(options).ok());
  client::Connection viewer = As(Token(v1::BUREAU_VIEWER));
  client::Connection other = As(Token(v1::BUREAU_VIEWER));
  v1::ListSchoolsRequest request;
  request.set_county_code(kCounty);
  EXPECT_TRUE(viewer.Call(&v1::RegistryService::Stub::ListSchools, request).ok());
  EXPECT_TRUE(viewer.Call(&v1::RegistryService::Stub::ListSchools, request).ok());
  auto limited = viewer.Call(&v1::RegistryService::Stub::ListSchools, request);
  EXPECT_TRUE(absl::IsResourceExhausted(limited.status())) << limited.status();
  EXPECT_THAT(limited.status().message(), HasSubstr("retry in 1000 ms"));
  EXPECT_TRUE(other.Call(&v1::RegistryService::Stub::ListSchools, request).ok());  // its own bucket
  clock_.Advance(absl::Seconds(1));
  EXPECT_TRUE(viewer.Call(&v1::RegistryService::Stub::ListSchools, request).ok());
}

TEST_F(SecurityIntegrationTest, PlainTextOnlyWhenAskedAndOnlyOnLoopback) {
  server::ServerOptions none;
  none.data_dir = dir_.Sub("data");
  none.listen = "127.0.0.1:0";
  auto refused = server::ServerApp::Start(none, &clock_);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.status().message(), HasSubstr("no transport security"));
  server::ServerOptions remote = Plaintext();
  remote.data_dir = dir_.Sub("data");
  remote.listen = "0.0.0.0:0";
  auto open = server::ServerApp::Start(remote, &clock_);
  ASSERT_FALSE(open.ok());
  EXPECT_THAT(open.status().message(), HasSubstr("unencrypted"));
}

// TLS and mutual TLS with certificates from deploy/tls/make-certs.sh.
TEST_F(SecurityIntegrationTest, MutualTlsTiesAClerkTokenToItsSchoolsCertificate) {
  const char* source = std::getenv("JUNHENG_SOURCE_DIR");
  ASSERT_NE(source, nullptr);
  const std::string certs = dir_.Sub("certs");
  ASSERT_EQ(std::system(absl::StrCat("bash ", source, "/deploy/tls/make-certs.sh ", certs,
                                     " --school s1 --school s2 >/dev/null")
                            .c_str()),
            0);
  server::ServerOptions options;
  options.transport.tls_cert_file = certs + "/server.crt";
  options.transport.tls_key_file = certs + "/server.key";
  options.transport.tls_client_ca_file = certs + "/ca.crt";
  ASSERT_TRUE(Start(options).ok());
  const std::string clerk = Token(v1::SCHOOL_CLERK, "s1");
  v1::ListPeriodsRequest periods;
  periods.set_county_code(kCounty);
  v1::DueRequest due;
  due.set_county_code(kCounty);
  due.set_school_code("s1");

  rpc::ChannelSecurity tls;
  tls.ca_file = certs + "/ca.crt";
  tls.cert_file = certs + "/clients/s1.crt";
  tls.key_file = certs + "/clients/s1.key";
  auto own = As(clerk, tls).Call(&v1::BureauService::Stub::ListPeriods, periods);
  EXPECT_TRUE(own.ok()) << own.status();

  // Another school's certificate with this clerk's token: refused.
  tls.cert_file = certs + "/clients/s2.crt";
  tls.key_file = certs + "/clients/s2.key";
  auto swapped = As(clerk, tls).Call(&v1::BureauService::Stub::Due, due);
  EXPECT_TRUE(absl::IsPermissionDenied(swapped.status())) << swapped.status();

  // No client certificate, or no TLS at all: the connection is refused.
  tls.cert_file.clear();
  tls.key_file.clear();
  EXPECT_TRUE(absl::IsUnavailable(
      As(clerk, tls).Call(&v1::BureauService::Stub::ListPeriods, periods).status()));
  EXPECT_TRUE(
      absl::IsUnavailable(As(clerk).Call(&v1::BureauService::Stub::ListPeriods, periods).status()));
  // A server not signed by the CA the client trusts: refused.
  rpc::ChannelSecurity system_roots;
  system_roots.cert_file = certs + "/clients/s1.crt";
  system_roots.key_file = certs + "/clients/s1.key";
  EXPECT_TRUE(absl::IsUnavailable(
      As(clerk, system_roots).Call(&v1::BureauService::Stub::ListPeriods, periods).status()));
}

}  // namespace
}  // namespace junheng
