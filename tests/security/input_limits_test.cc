// Hostile input (issue 6): string lengths, repeated counts and the message size are bounded;
// the refusal names the field.
#include "server/auth/input_limits.h"

#include "client/rpc/connection.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using ::testing::HasSubstr;

TEST(InputLimitsTest, NamesTheFirstFieldOverALimit) {
  v1::SubmitReportRequest report;
  report.set_county_code("140430");
  report.mutable_report()->set_school_code(std::string(10 * 1024, '1'));
  absl::Status status = server::auth::CheckInputLimits(report);
  EXPECT_TRUE(absl::IsInvalidArgument(status));
  EXPECT_THAT(status.message(), HasSubstr("report.school_code: 10240 bytes, at most 4096"));

  v1::UpsertSchoolsRequest schools;
  for (int i = 0; i < 10001; ++i) schools.add_schools()->set_school_code("s");
  status = server::auth::CheckInputLimits(schools);
  EXPECT_THAT(status.message(), HasSubstr("schools: 10001 entries, at most 10000"));
  schools.mutable_schools()->RemoveLast();
  EXPECT_TRUE(server::auth::CheckInputLimits(schools).ok());
  schools.mutable_schools(7)->set_school_name(std::string(5000, 'x'));
  EXPECT_THAT(server::auth::CheckInputLimits(schools).message(),
              HasSubstr("schools[7].school_name"));

  // A profile's TOML may be larger than free text.
  v1::EvaluateRequest evaluate;
  evaluate.set_profile_toml(std::string(100 * 1024, '#'));
  EXPECT_TRUE(server::auth::CheckInputLimits(evaluate).ok());
}

TEST(InputLimitsTest, TheServerRefusesOversizedInput) {
  FakeClock clock(absl::FromUnixSeconds(1'725'000'000));
  testing::InProcessServer server(&clock, absl::Seconds(20));
  server::ServerOptions options = server::ServerOptions::InsecureForTests();
  options.run_scheduler = false;
  ASSERT_TRUE(server.Start(options).ok());
  client::Connection& connection = *server.connection();

  v1::SubmitReportRequest report;
  report.set_county_code("140430");
  report.set_submission_id("x");
  report.mutable_report()->set_school_code(std::string(10 * 1024, '1'));
  auto submitted = connection.Call(&v1::ReportingService::Stub::SubmitReport, report);
  EXPECT_TRUE(absl::IsInvalidArgument(submitted.status())) << submitted.status();
  EXPECT_THAT(submitted.status().message(), HasSubstr("report.school_code"));

  v1::UpsertSchoolsRequest schools;
  schools.set_county_code("140430");
  for (int i = 0; i < 10001; ++i) schools.add_schools()->set_school_code("s" + std::to_string(i));
  auto upserted = connection.Call(&v1::RegistryService::Stub::UpsertSchools, schools);
  EXPECT_TRUE(absl::IsInvalidArgument(upserted.status())) << upserted.status();
  EXPECT_THAT(upserted.status().message(), HasSubstr("schools: 10001 entries"));

  // Over gRPC's 4 MiB receive limit: refused before any handler runs.
  v1::UpsertSchoolsRequest huge;
  huge.set_county_code("140430");
  for (int i = 0; i < 5; ++i) huge.add_schools()->set_school_name(std::string(1 << 20, 'x'));
  EXPECT_TRUE(absl::IsResourceExhausted(
      connection.Call(&v1::RegistryService::Stub::UpsertSchools, huge).status()));
}

}  // namespace
}  // namespace junheng
