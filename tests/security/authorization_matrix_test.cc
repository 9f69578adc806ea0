// The authorization matrix (issue 6): every RPC method of every junheng service, found in the
// protobuf descriptor pool, called by every role with requests for its own and for another
// school and county, plus calls without a valid token. One table below states what must be
// allowed; a method without a row fails the test, so a new RPC cannot skip it.
#include <future>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor_database.h"
#include "google/protobuf/dynamic_message.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "junheng/v1/services.grpc.pb.h"
#include "server/bureau/region_registry.h"
#include "tests/testing/in_process_server.h"

namespace junheng {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

constexpr char kCounty[] = "140430";
constexpr char kOtherCounty[] = "140402";
constexpr char kSchool[] = "s1";
constexpr char kOtherSchool[] = "s2";

enum RoleBits : uint32_t {
  kClerk = 1,
  kViewer = 2,
  kAdmin = 4,
  kAuditor = 8,
  kRegionViewer = 16,
};
constexpr uint32_t kBureau = kViewer | kAdmin;
// What a city or province may read of each county under it (issue 15).
constexpr uint32_t kReaders = kBureau | kRegionViewer;
// The region viewer's own city, a county under it and a county of another province.
constexpr char kRegion[] = "1404";
constexpr char kOtherProvinceCounty[] = "130102";

// What each method must allow. `county` and `school` are the request's field paths naming the
// county and the school; a server-wide method has no county field.
struct Row {
  const char* method;
  uint32_t roles;
  const char* county;  // "" for a server-wide method
  const char* school;  // "" when the request names no school
};

// THE expectation table: written from the issue's role definitions, independently of
// server/auth/policy.cc.
const std::vector<Row>& Expectations() {
  static const std::vector<Row> rows = {
      {"/junheng.v1.ReportingService/SubmitReport", kClerk | kAdmin, "county_code",
       "report.school_code"},
      // Each report of the batch is held to the SubmitReport row again (a clerk's own school):
      // ReportingIntegrationTest.ABatchAnswersEachReportOnItsOwn.
      {"/junheng.v1.ReportingService/SubmitReports", kClerk | kAdmin, "county_code", ""},
      {"/junheng.v1.ReportingService/ValidateReport", kClerk | kAdmin, "county_code",
       "report.school_code"},
      {"/junheng.v1.ReportingService/GetReport", kClerk | kReaders, "county_code", "school_code"},
      {"/junheng.v1.ReportingService/ListReportVersions", kClerk | kReaders, "county_code",
       "school_code"},
      {"/junheng.v1.ReportingService/ListLatestReports", kReaders, "county_code", ""},
      {"/junheng.v1.RegistryService/UpsertSchools", kAdmin, "county_code", ""},
      {"/junheng.v1.RegistryService/ListSchools", kReaders, "county_code", ""},
      {"/junheng.v1.RegistryService/GetSchool", kClerk | kReaders, "county_code", "school_code"},
      {"/junheng.v1.BureauService/DefinePeriod", kAdmin, "period.county_code", ""},
      {"/junheng.v1.BureauService/ListPeriods", kClerk | kReaders, "county_code", ""},
      {"/junheng.v1.BureauService/GrantException", kAdmin, "exception.county_code",
       "exception.school_code"},
      {"/junheng.v1.BureauService/ReviewReport", kAdmin, "county_code", "school_code"},
      {"/junheng.v1.BureauService/SubmissionStatus", kReaders, "county_code", ""},
      {"/junheng.v1.BureauService/Reminders", kBureau, "county_code", ""},
      {"/junheng.v1.BureauService/Due", kClerk | kBureau, "county_code", "school_code"},
      {"/junheng.v1.AdminService/Backup", kAdmin, "", ""},
      {"/junheng.v1.EvaluationService/Evaluate", kReaders, "county_code", ""},
      {"/junheng.v1.EvaluationService/EvaluateWithInput", kReaders, "county_code", ""},
      {"/junheng.v1.EvaluationService/SubmitCountyFacts", kAdmin, "facts.county_code", ""},
      {"/junheng.v1.EvaluationService/GetCountyFacts", kReaders, "county_code", ""},
      {"/junheng.v1.EvaluationService/ListSnapshots", kReaders, "county_code", ""},
      {"/junheng.v1.EvaluationService/GetSnapshot", kReaders, "county_code", ""},
      {"/junheng.v1.EvaluationService/Trend", kReaders, "county_code", ""},
      // A clerk sees the own school's standing only (issue 14 item 16).
      {"/junheng.v1.EvaluationService/SchoolStanding", kClerk | kReaders, "county_code",
       "school_code"},
      // A region viewer reads its own region or one under it (a city of its province).
      {"/junheng.v1.RegionService/ListRegions", kRegionViewer, "region_code", ""},
      {"/junheng.v1.RegionService/RegionStatus", kRegionViewer, "region_code", ""},
      {"/junheng.v1.RegionService/EvaluateRegion", kRegionViewer, "region_code", ""},
      {"/junheng.v1.RegionService/RegionTrend", kRegionViewer, "region_code", ""},
      {"/junheng.v1.TokenService/IssueToken", kAdmin, "county_code", ""},
      {"/junheng.v1.TokenService/RevokeToken", kAdmin, "county_code", ""},
      {"/junheng.v1.TokenService/ListTokens", kAdmin, "county_code", ""},
      {"/junheng.v1.AuditService/ListAudit", kAuditor, "county_code", ""},
      {"/junheng.v1.AuditService/VerifyAudit", kAuditor, "county_code", ""},
  };
  return rows;
}

const Row* FindRow(const std::string& method) {
  for (const auto& row : Expectations()) {
    if (method == row.method) return &row;
  }
  return nullptr;
}

// Every RPC method of every service in package junheng.v1, from the generated descriptor pool.
// The test links the whole proto library, so every compiled .proto is registered.
std::vector<const MethodDescriptor*> AllJunhengMethods() {
  std::vector<std::string> files;
  google::protobuf::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::vector<const MethodDescriptor*> methods;
  for (const auto& name : files) {
    const auto* file = google::protobuf::DescriptorPool::generated_pool()->FindFileByName(name);
    if (file == nullptr || file->package() != "junheng.v1") continue;
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        methods.push_back(file->service(s)->method(m));
      }
    }
  }
  return methods;
}

std::string FullName(const MethodDescriptor* method) {
  return absl::StrCat("/", method->service()->full_name(), "/", method->name());
}

// Sets the string field at a dotted path; false when the path is not a string field.
bool SetPath(Message* message, absl::string_view path, const std::string& value) {
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field = message->GetDescriptor()->FindFieldByName(parts[i]);
    if (field == nullptr || field->is_repeated()) return false;
    if (i + 1 == parts.size()) {
      if (field->type() != FieldDescriptor::TYPE_STRING) return false;
      message->GetReflection()->SetString(message, field, value);
      return true;
    }
    if (field->type() != FieldDescriptor::TYPE_MESSAGE) return false;
    message = message->GetReflection()->MutableMessage(message, field);
  }
  return false;
}

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions options;
    options.transport.insecure_plaintext = true;  // transport is not what this test is about
    options.rate_limit.per_second = 0;            // nor the rate limit
    options.run_scheduler = false;
    ASSERT_TRUE(server_.Start(options).ok());
    app_ = server_.app();
    channel_ = grpc::CreateChannel(app_->address(), grpc::InsecureChannelCredentials());

    tokens_[kClerk] = Issue(v1::SCHOOL_CLERK, kSchool);
    tokens_[kViewer] = Issue(v1::BUREAU_VIEWER, "");
    tokens_[kAdmin] = Issue(v1::BUREAU_ADMIN, "");
    tokens_[kAuditor] = Issue(v1::AUDITOR, "");
    io::Table regions;
    regions.rows = {{"code", "name", "parent"},
                    {"14", "山西省", ""},
                    {"1404", "长治市", ""},
                    {"13", "河北省", ""},
                    {"1301", "石家庄市", ""}};
    regions.row_numbers = {1, 2, 3, 4, 5};
    auto parsed = server::ParseRegions(regions);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    ASSERT_TRUE(server::ImportRegions(*app_->store(), *parsed, clock_, "test").ok());
    tokens_[kRegionViewer] = Issue(v1::REGION_VIEWER, "", 0, kRegion);
    revoked_ = Issue(v1::BUREAU_ADMIN, "");
    ASSERT_TRUE(app_->tokens()->Revoke(kCounty, revoked_.substr(11, 16), "test").ok());
    expired_ = Issue(v1::BUREAU_ADMIN, "", absl::ToUnixMillis(clock_.Now() + absl::Hours(1)));
    clock_.Advance(absl::Hours(2));
  }

  std::string Issue(v1::Role role, const std::string& school, int64_t expires = 0,
                    const std::string& county = kCounty) {
    v1::IssueTokenRequest request;
    request.set_county_code(county);
    request.set_role(role);
    request.set_school_code(school);
    request.set_expires_unix_ms(expires);
    auto issued = app_->tokens()->Issue(request, "test");
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? issued->token() : "";
  }

  // Calls `method` with a request naming `county` and `school` (where the row has such fields)
  // and `token` (none when empty); returns the status code.
  grpc::StatusCode CallAs(const MethodDescriptor* method, const Row& row, const std::string& token,
                          const std::string& county, const std::string& school) {
    std::unique_ptr<Message> request(google::protobuf::MessageFactory::generated_factory()
                                         ->GetPrototype(method->input_type())
                                         ->New());
    if (*row.county != '\0') {
      EXPECT_TRUE(SetPath(request.get(), row.county, county)) << row.method << " " << row.county;
    }
    if (*row.school != '\0') {
      EXPECT_TRUE(SetPath(request.get(), row.school, school)) << row.method << " " << row.school;
    }
    const std::string bytes = request->SerializeAsString();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer send(&slice, 1), receive;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    grpc::GenericStub stub(channel_);
    std::promise<grpc::Status> done;
    stub.UnaryCall(&context, FullName(method), grpc::StubOptions(), &send, &receive,
                   [&](grpc::Status status) { done.set_value(status); });
    return done.get_future().get().error_code();
  }

  static bool Allowed(grpc::StatusCode code) {
    return code != grpc::StatusCode::UNAUTHENTICATED && code != grpc::StatusCode::PERMISSION_DENIED;
  }

  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2024, 9, 1, 0, 0, 0), absl::UTCTimeZone())};
  testing::InProcessServer server_{&clock_};
  server::ServerApp* app_ = nullptr;
  std::shared_ptr<grpc::Channel> channel_;
  std::map<uint32_t, std::string> tokens_;
  std::string revoked_, expired_;
};

TEST_F(AuthorizationMatrixTest, EveryMethodOfEveryServiceHasARow) {
  const auto methods = AllJunhengMethods();
  std::set<std::string> services;
  for (const auto* m : methods) services.insert(m->service()->full_name());
  // The pool really holds the services (not an empty list that would pass vacuously).
  for (const char* service :
       {"junheng.v1.ReportingService", "junheng.v1.RegistryService", "junheng.v1.BureauService",
        "junheng.v1.AdminService", "junheng.v1.EvaluationService", "junheng.v1.TokenService",
        "junheng.v1.AuditService", "junheng.v1.RegionService"}) {
    EXPECT_TRUE(services.contains(service)) << service << " is not in the descriptor pool";
  }
  std::set<std::string> names;
  for (const auto* method : methods) {
    names.insert(FullName(method));
    EXPECT_NE(FindRow(FullName(method)), nullptr)
        << FullName(method) << " has no row in the authorization matrix: add one stating which "
        << "roles may call it (and to server/auth/policy.cc)";
  }
  for (const auto& row : Expectations()) {
    EXPECT_TRUE(names.contains(row.method)) << row.method << " is in the matrix but not served";
  }
}

TEST_F(AuthorizationMatrixTest, EveryMethodRoleAndScope) {
  const std::map<uint32_t, const char*> role_names = {{kClerk, "school_clerk"},
                                                      {kViewer, "bureau_viewer"},
                                                      {kAdmin, "bureau_admin"},
                                                      {kAuditor, "auditor"}};
  int calls = 0;
  for (const auto* method : AllJunhengMethods()) {
    const std::string name = FullName(method);
    const Row* row = FindRow(name);
    if (row == nullptr) {
      ADD_FAILURE() << name << " has no row";
      continue;
    }
    // Without a valid credential: UNAUTHENTICATED, whatever the request.
    for (const auto& [what, token] : std::vector<std::pair<std::string, std::string>>{
             {"no token", ""},
             {"a malformed token", "not-a-token"},
             {"an unknown token",
              absl::StrCat("jh1.", kCounty, ".0123456789abcdef.", std::string(64, 'a'))},
             {"a revoked token", revoked_},
             {"an expired token", expired_},
             {"a tampered token", tokens_[kAdmin].substr(0, tokens_[kAdmin].size() - 1) +
                                      (tokens_[kAdmin].back() == 'a' ? "b" : "a")}}) {
      EXPECT_EQ(CallAs(method, *row, token, kCounty, kSchool), grpc::StatusCode::UNAUTHENTICATED)
          << name << " with " << what;
      ++calls;
    }
    for (const auto& [bit, role] : role_names) {
      const bool role_allowed = (row->roles & bit) != 0;
      const std::string& token = tokens_[bit];
      // Own county, own school.
      const grpc::StatusCode own = CallAs(method, *row, token, kCounty, kSchool);
      if (role_allowed) {
        EXPECT_TRUE(Allowed(own)) << name << " must be allowed to " << role << ", got " << own;
      } else {
        EXPECT_EQ(own, grpc::StatusCode::PERMISSION_DENIED)
            << name << " must be denied to " << role;
      }
      // Another county: denied to everyone, unless the method is server-wide.
      const grpc::StatusCode other_county = CallAs(method, *row, token, kOtherCounty, kSchool);
      if (role_allowed && *row->county == '\0') {
        EXPECT_TRUE(Allowed(other_county)) << name << " (server-wide) for " << role;
      } else {
        EXPECT_EQ(other_county, grpc::StatusCode::PERMISSION_DENIED)
            << name << " for another county must be denied to " << role;
      }
      // Own county, another school: a clerk is denied; the bureau roles are not limited to one
      // school.
      if (*row->school != '\0') {
        const grpc::StatusCode other_school = CallAs(method, *row, token, kCounty, kOtherSchool);
        if (role_allowed && bit != kClerk) {
          EXPECT_TRUE(Allowed(other_school)) << name << " for another school, " << role;
        } else {
          EXPECT_EQ(other_school, grpc::StatusCode::PERMISSION_DENIED)
              << name << " for another school must be denied to " << role;
        }
      }
      calls += 3;
    }
  }
  EXPECT_GT(calls, 200);
}

// A token of another county is refused in this county, though both live on one server.
// SubmitReports passes the county row; each report in it must then pass the SubmitReport row on
// its own, so a clerk's batch cannot carry another school's report.
TEST_F(AuthorizationMatrixTest, ABatchHoldsEachReportToTheClerksOwnSchool) {
  v1::SubmitReportsRequest request;
  request.set_county_code(kCounty);
  for (const char* school : {kSchool, "s2"}) {
    v1::SubmitReportRequest* one = request.add_reports();
    one->set_submission_id(absl::StrCat("batch-", school));
    one->mutable_report()->set_school_code(school);
    one->mutable_report()->set_period("2024");
  }
  auto stub = v1::ReportingService::NewStub(channel_);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  context.AddMetadata("authorization", "Bearer " + tokens_[kClerk]);
  v1::SubmitReportsResponse response;
  grpc::Status status = stub->SubmitReports(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.results_size(), 2);
  EXPECT_NE(response.results(0).code(), static_cast<int>(absl::StatusCode::kPermissionDenied))
      << response.results(0).message();
  EXPECT_EQ(response.results(1).code(), static_cast<int>(absl::StatusCode::kPermissionDenied));
  EXPECT_TRUE(absl::StrContains(response.results(1).message(), "s2"))
      << response.results(1).message();
}

TEST_F(AuthorizationMatrixTest, ACountysAdminCannotReachAnotherCounty) {
  v1::IssueTokenRequest request;
  request.set_county_code(kOtherCounty);
  request.set_role(v1::BUREAU_ADMIN);
  auto other = app_->tokens()->Issue(request, "test");
  ASSERT_TRUE(other.ok()) << other.status();
  for (const auto* method : AllJunhengMethods()) {
    const Row* row = FindRow(FullName(method));
    if (row == nullptr || *row->county == '\0' || (row->roles & kAdmin) == 0) continue;
    EXPECT_EQ(CallAs(method, *row, other->token(), kCounty, kSchool),
              grpc::StatusCode::PERMISSION_DENIED)
        << FullName(method);
    EXPECT_TRUE(Allowed(CallAs(method, *row, other->token(), kOtherCounty, kSchool)))
        << FullName(method);
  }
}

// A region viewer of 长治市 (1404) reads every county under it and nothing else: not a county of
// another province, not its province (above it), not another province, and it writes nothing.
TEST_F(AuthorizationMatrixTest, ARegionViewerReadsOnlyTheCountiesUnderItsRegion) {
  const std::string& token = tokens_[kRegionViewer];
  ASSERT_FALSE(token.empty());
  int allowed = 0;
  for (const auto* method : AllJunhengMethods()) {
    const std::string name = FullName(method);
    const Row* row = FindRow(name);
    if (row == nullptr) continue;
    const bool region_call = absl::StartsWith(name, "/junheng.v1.RegionService/");
    const bool may = (row->roles & kRegionViewer) != 0;
    const std::string own = region_call ? kRegion : kCounty;
    const grpc::StatusCode inside = CallAs(method, *row, token, own, kSchool);
    if (may) {
      EXPECT_TRUE(Allowed(inside)) << name << " must be allowed to a region viewer of " << kRegion
                                   << " for " << own << ", got " << inside;
      allowed += Allowed(inside);
    } else {
      EXPECT_EQ(inside, grpc::StatusCode::PERMISSION_DENIED) << name << " must be denied";
    }
    const std::vector<std::string> outside =
        region_call ? std::vector<std::string>{"14", "13", "1301", kCounty}
                    : std::vector<std::string>{kOtherProvinceCounty, "130100", "14", "1404"};
    for (const std::string& elsewhere : outside) {
      if (*row->county == '\0') continue;  // server-wide: denied by role above
      EXPECT_EQ(CallAs(method, *row, token, elsewhere, kSchool),
                grpc::StatusCode::PERMISSION_DENIED)
          << name << " for " << elsewhere << " must be denied to a region viewer of " << kRegion;
    }
  }
  // The reads the issue names: status, evaluations, snapshots, trend, school values, regions.
  EXPECT_GE(allowed, 17);
}

// A region viewer's token names a region that is in the registry; a county admin cannot make one.
TEST_F(AuthorizationMatrixTest, ARegionViewerTokenNeedsARegisteredRegion) {
  v1::IssueTokenRequest request;
  request.set_role(v1::REGION_VIEWER);
  request.set_county_code("1405");  // 晋城市: not imported
  auto unknown = app_->tokens()->Issue(request, "test");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(unknown.status().message(), "1405")) << unknown.status();
  request.set_county_code(kCounty);  // a county is not a region
  EXPECT_EQ(app_->tokens()->Issue(request, "test").status().code(),
            absl::StatusCode::kInvalidArgument);
  // Through the server, a county's admin may not issue one for its city.
  v1::IssueTokenRequest online;
  online.set_county_code(kRegion);
  online.set_role(v1::REGION_VIEWER);
  auto stub = v1::TokenService::NewStub(channel_);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  context.AddMetadata("authorization", "Bearer " + tokens_[kAdmin]);
  v1::IssueTokenResponse response;
  EXPECT_EQ(stub->IssueToken(&context, online, &response).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace junheng
