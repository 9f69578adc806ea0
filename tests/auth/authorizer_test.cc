// Authorize without any transport: the credentials, the peer identity, the method's descriptor
// and the request, as the gRPC Handler and an HTTP listener both hand them in. Links
// junheng_server_auth only, so it also proves that the authorization path needs no gRPC.
#include "server/auth/authorizer.h"

#include "common/i18n/lang.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "junheng/v1/security.pb.h"
#include "junheng/v1/services.pb.h"
#include "server/auth/policy.h"
#include "tests/testing/english.h"
#include "tests/testing/store_fixture.h"

namespace junheng::server::auth {
namespace {

using ::testing::HasSubstr;

class AuthorizerTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    tokens_ = std::make_unique<TokenStore>(store_.get(), &clock_);
    limiter_ = std::make_unique<RateLimiter>(RateLimit{1, 2}, &clock_);
    authorizer_ = std::make_unique<Authorizer>(tokens_.get(), limiter_.get(), false);
  }

  std::string Token(v1::Role role, const std::string& school = "") {
    v1::IssueTokenRequest request;
    request.set_county_code(testing::kTestCounty);
    request.set_role(role);
    request.set_school_code(school);
    auto issued = tokens_->Issue(request, "test");
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? issued->token() : "";
  }

  static const google::protobuf::MethodDescriptor& SubmitReport() {
    return *MethodTaking(*v1::SubmitReportRequest::descriptor());
  }

  std::unique_ptr<TokenStore> tokens_;
  std::unique_ptr<RateLimiter> limiter_;
  std::unique_ptr<Authorizer> authorizer_;
};

TEST_F(AuthorizerTest, MethodsComeFromTheServiceDescriptors) {
  EXPECT_EQ(MethodPath(SubmitReport()), "/junheng.v1.ReportingService/SubmitReport");
  EXPECT_EQ(MethodTaking(*v1::SchoolReport::descriptor()), nullptr) << "not a request";
  EXPECT_THAT(PolicyProblems(), ::testing::IsEmpty());
  for (const MethodRule& rule : Policy()) EXPECT_NE(rule.method, nullptr) << rule.path;
}

TEST_F(AuthorizerTest, AClerkActsOnItsOwnSchoolWithItsOwnCertificate) {
  const std::string clerk = Token(v1::SCHOOL_CLERK, "2140043001");
  v1::SubmitReportRequest own = testing::MakeReport("2140043001").Students(620).Submission("id");
  auto who = authorizer_->Authorize({clerk}, {"test peer", std::nullopt}, SubmitReport(), own);
  ASSERT_TRUE(who.ok()) << who.status();
  EXPECT_EQ(who->school, "2140043001");

  v1::SubmitReportRequest other = testing::MakeReport("2140043002").Submission("id");
  auto denied = authorizer_->Authorize({clerk}, {}, SubmitReport(), other);
  EXPECT_EQ(denied.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(denied.status().message(), HasSubstr("report.school_code"));

  PeerIdentity wrong_certificate{"tls peer", std::vector<std::string>{"2140043002"}};
  auto refused = authorizer_->Authorize({clerk}, wrong_certificate, SubmitReport(), own);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(refused.status().message(), HasSubstr("client certificate (2140043002)"));
}

TEST_F(AuthorizerTest, ARoleRefusalSaysWhatWasTriedAndWhoMayDoIt) {
  const std::string clerk = Token(v1::SCHOOL_CLERK, "2140043001");
  const std::string admin = Token(v1::BUREAU_ADMIN);
  v1::EvaluateRequest evaluate;
  evaluate.set_county_code(testing::kTestCounty);
  evaluate.set_period("2024");
  const auto& method = *MethodTaking(*v1::EvaluateRequest::descriptor());
  {
    i18n::LangScope zh(i18n::Lang::kZh);
    auto denied = authorizer_->Authorize({clerk}, {}, method, evaluate);
    EXPECT_EQ(denied.status().code(), absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(denied.status().message(),
              "你的身份是学校填报员（school_clerk），不能查看县域评估；可以这样做的是："
              "教育局查看员（bureau_viewer）、教育局管理员（bureau_admin）、"
              "市/省级查看员（region_viewer）");
  }
  {
    i18n::LangScope en(i18n::Lang::kEn);
    v1::ListAuditRequest audit;
    audit.set_county_code(testing::kTestCounty);
    auto denied = authorizer_->Authorize({admin}, {},
                                         *MethodTaking(*v1::ListAuditRequest::descriptor()), audit);
    EXPECT_EQ(denied.status().message(),
              "your role, bureau administrator (bureau_admin), may not read the audit log; this is "
              "for: auditor (auditor)");
    EXPECT_THAT(denied.status().message(), ::testing::Not(HasSubstr("/junheng.v1.")))
        << "no RPC path in what a person reads";
  }
}

TEST_F(AuthorizerTest, NoTokenIsUnauthenticatedAndAnExhaustedBucketSaysWhenToRetry) {
  v1::SubmitReportRequest request = testing::MakeReport("2140043001").Submission("id");
  auto anonymous = authorizer_->Authorize({}, {}, SubmitReport(), request);
  EXPECT_EQ(anonymous.status().code(), absl::StatusCode::kUnauthenticated);

  const std::string admin = Token(v1::BUREAU_ADMIN);
  std::optional<absl::Duration> retry_after;
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(authorizer_->Authorize({admin}, {}, SubmitReport(), request, &retry_after).ok());
  }
  EXPECT_FALSE(retry_after.has_value());
  auto limited = authorizer_->Authorize({admin}, {}, SubmitReport(), request, &retry_after);
  EXPECT_EQ(limited.status().code(), absl::StatusCode::kResourceExhausted);
  ASSERT_TRUE(retry_after.has_value());
  EXPECT_EQ(*retry_after, absl::Seconds(1));
}

}  // namespace
}  // namespace junheng::server::auth
