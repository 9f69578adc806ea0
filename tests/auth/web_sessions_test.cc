#include "server/auth/web_sessions.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/auth/policy.h"
#include "server/auth/sealed_token.h"
#include "tests/testing/store_fixture.h"

namespace junheng::server::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class WebSessionsTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    tokens_ = std::make_unique<TokenStore>(store_.get(), &clock_);
    sessions_ = std::make_unique<WebSessions>(store_.get(), tokens_.get(), &clock_, limits_);
  }

  v1::IssueTokenResponse IssueClerk(bool enrolment = true) {
    v1::IssueTokenRequest request;
    request.set_county_code("140430");
    request.set_role(v1::SCHOOL_CLERK);
    request.set_school_code("2140043001");
    request.set_label("沁县第一小学");
    request.set_enrolment(enrolment);
    auto issued = tokens_->Issue(request, "test admin");
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? *issued : v1::IssueTokenResponse();
  }

  // A region_viewer of `region` (1404 a city, 14 a province, 00 the nation), with its sign-in
  // code; the region is put in the registry first (the nation needs no row).
  v1::IssueTokenResponse IssueRegionViewer(const std::string& region, const std::string& name) {
    if (region != kNationCode) {
      v1::Region row;
      row.set_code(region);
      row.set_name(name);
      row.set_parent(region.size() == 4 ? region.substr(0, 2) : "");
      EXPECT_TRUE(store_->Commit(storage::Change(storage::kRegionChain).PutRegion(row)).ok());
    }
    v1::IssueTokenRequest request;
    request.set_county_code(region);
    request.set_role(v1::REGION_VIEWER);
    request.set_label(name + "教育局");
    request.set_enrolment(true);
    auto issued = tokens_->Issue(request, "test operator");
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? *issued : v1::IssueTokenResponse();
  }

  SessionLimits limits_{.idle = absl::Hours(8), .absolute = absl::Hours(24 * 30)};
  std::unique_ptr<TokenStore> tokens_;
  std::unique_ptr<WebSessions> sessions_;
};

TEST_F(WebSessionsTest, IssueWithEnrolmentGivesAOneTimeCodeOnlyWhenAsked) {
  EXPECT_EQ(IssueClerk(false).enrolment_code(), "");
  const auto issued = IssueClerk();
  EXPECT_THAT(issued.enrolment_code(), StartsWith("jhe1.140430."));
  EXPECT_EQ(issued.enrolment_code().size(), std::string("jhe1.140430.").size() + 32);
  EXPECT_EQ(issued.enrolment_expires_unix_ms(),
            absl::ToUnixMillis(clock_.Now() + kEnrolmentLifetime));
}

TEST_F(WebSessionsTest, CodeSignsInAsItsTokenOnceAndOnlyOnce) {
  const auto issued = IssueClerk();
  auto session = sessions_->Enrol(issued.enrolment_code(), "ipv4:10.0.0.5:5000");
  ASSERT_TRUE(session.ok()) << session.status();
  EXPECT_EQ(session->principal.role, v1::SCHOOL_CLERK);
  EXPECT_EQ(session->principal.school, "2140043001");
  EXPECT_EQ(session->principal.token_id, issued.info().id());
  EXPECT_EQ(session->label, "沁县第一小学");
  EXPECT_THAT(session->cookie, StartsWith("jhs1.140430."));
  EXPECT_EQ(session->csrf, WebSessions::CsrfOf(session->cookie));

  auto resolved = sessions_->Resolve(session->cookie);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->token, issued.token());

  auto again = sessions_->Enrol(issued.enrolment_code(), "ipv4:10.0.0.6:5000");
  EXPECT_EQ(again.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(again.status().message(), HasSubstr("已经用过"));
}

TEST_F(WebSessionsTest, ExpiredMalformedAndUnknownCodesAreRefused) {
  const auto issued = IssueClerk();
  EXPECT_THAT(sessions_->Enrol("jhe1.140430.nothex", "").status().message(), HasSubstr("不完整"));
  EXPECT_THAT(
      sessions_->Enrol(absl::StrCat("jhe1.140430.", std::string(32, 'a')), "").status().message(),
      HasSubstr("不认识"));
  clock_.Advance(kEnrolmentLifetime + absl::Seconds(1));
  auto late = sessions_->Enrol(issued.enrolment_code(), "");
  EXPECT_EQ(late.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(late.status().message(), HasSubstr("过期"));
}

TEST_F(WebSessionsTest, RevokingTheTokenEndsItsSessionsAtOnce) {
  const auto issued = IssueClerk();
  auto session = sessions_->Enrol(issued.enrolment_code(), "");
  ASSERT_TRUE(session.ok()) << session.status();
  ASSERT_TRUE(tokens_->Revoke("140430", issued.info().id(), "test admin").ok());
  auto resolved = sessions_->Resolve(session->cookie);
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(resolved.status().message(), HasSubstr("吊销"));
}

TEST_F(WebSessionsTest, IdleAndAbsoluteLimitsAndLogoutEndASession) {
  auto first = sessions_->Enrol(IssueClerk().enrolment_code(), "");
  ASSERT_TRUE(first.ok());
  clock_.Advance(limits_.idle - absl::Minutes(1));
  EXPECT_TRUE(sessions_->Resolve(first->cookie).ok()) << "activity within the idle limit";
  clock_.Advance(limits_.idle - absl::Minutes(1));
  EXPECT_TRUE(sessions_->Resolve(first->cookie).ok()) << "each call restarts the idle clock";
  clock_.Advance(limits_.idle);
  EXPECT_THAT(sessions_->Resolve(first->cookie).status().message(), HasSubstr("长时间没有操作"));
  EXPECT_FALSE(sessions_->Resolve(first->cookie).ok()) << "a retry does not revive an idle session";
  WebSessions after_restart(store_.get(), tokens_.get(), &clock_, limits_);
  EXPECT_FALSE(after_restart.Resolve(first->cookie).ok()) << "nor does a restart";

  auto second = sessions_->Enrol(IssueClerk().enrolment_code(), "");
  ASSERT_TRUE(second.ok());
  // Busy every four hours, the session still ends at its absolute limit.
  absl::Duration lived;
  while (sessions_->Resolve(second->cookie).ok()) {
    ASSERT_LE(lived, limits_.absolute) << "a session outlived its absolute limit";
    clock_.Advance(absl::Hours(4));
    lived += absl::Hours(4);
  }
  EXPECT_GE(lived, limits_.absolute);

  auto third = sessions_->Enrol(IssueClerk().enrolment_code(), "");
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE(sessions_->End(third->cookie).ok());
  EXPECT_THAT(sessions_->Resolve(third->cookie).status().message(), HasSubstr("已结束"));
  EXPECT_TRUE(sessions_->End(third->cookie).ok()) << "logging out twice is fine";
}

TEST_F(WebSessionsTest, SessionsSurviveARestartAndTheStoreHoldsNoToken) {
  const auto issued = IssueClerk();
  auto session = sessions_->Enrol(issued.enrolment_code(), "");
  ASSERT_TRUE(session.ok());
  sessions_.reset();
  tokens_.reset();
  Reopen();
  tokens_ = std::make_unique<TokenStore>(store_.get(), &clock_);
  sessions_ = std::make_unique<WebSessions>(store_.get(), tokens_.get(), &clock_, limits_);
  auto resolved = sessions_->Resolve(session->cookie);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->token, issued.token());
  sessions_.reset();
  tokens_.reset();
  store_.reset();

  // Neither the token's secret, the enrolment code nor the cookie is anywhere in the files.
  const std::string secret = issued.token().substr(issued.token().rfind('.') + 1);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_.Sub("data"))) {
    if (!entry.is_regular_file()) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    EXPECT_EQ(bytes.str().find(secret), std::string::npos) << entry.path();
    EXPECT_EQ(bytes.str().find(issued.enrolment_code()), std::string::npos) << entry.path();
    EXPECT_EQ(bytes.str().find(session->cookie), std::string::npos) << entry.path();
  }
}

TEST_F(WebSessionsTest, ARegionViewerSignsInWithItsRegionAsTheCounty) {
  for (const auto& [region, name] : std::vector<std::pair<std::string, std::string>>{
           {"1404", "长治市"}, {"14", "山西省"}, {kNationCode, "全国"}}) {
    SCOPED_TRACE(region);
    const auto issued = IssueRegionViewer(region, name);
    EXPECT_THAT(issued.enrolment_code(), StartsWith(absl::StrCat("jhe1.", region, ".")));
    auto session = sessions_->Enrol(issued.enrolment_code(), "ipv4:10.0.0.7:5000");
    ASSERT_TRUE(session.ok()) << session.status();
    EXPECT_EQ(session->principal.role, v1::REGION_VIEWER);
    EXPECT_EQ(session->principal.county, region);
    EXPECT_EQ(session->principal.school, "");
    EXPECT_EQ(session->label, name + "教育局");
    EXPECT_THAT(session->cookie, StartsWith(absl::StrCat("jhs1.", region, ".")));

    auto resolved = sessions_->Resolve(session->cookie);
    ASSERT_TRUE(resolved.ok()) << resolved.status();
    EXPECT_EQ(resolved->token, issued.token());
    EXPECT_EQ(resolved->session.csrf, session->csrf);
    EXPECT_EQ(resolved->session.principal.county, region);

    ASSERT_TRUE(sessions_->End(session->cookie).ok());
    EXPECT_THAT(sessions_->Resolve(session->cookie).status().message(), HasSubstr("已结束"));
  }
}

TEST_F(WebSessionsTest, CodesAndCookiesOfOtherShapesAreStillRefused) {
  // Neither a 3- nor a 5-digit code names a county or a region.
  for (const std::string county : {"140", "14043", "1404a", "", "1404300"}) {
    SCOPED_TRACE(county);
    const auto code = absl::StrCat("jhe1.", county, ".", std::string(32, 'a'));
    EXPECT_THAT(sessions_->Enrol(code, "").status().message(), HasSubstr("不完整"));
    const auto cookie = absl::StrCat("jhs1.", county, ".", std::string(64, 'a'));
    EXPECT_EQ(sessions_->Resolve(cookie).status().code(), absl::StatusCode::kUnauthenticated);
  }
}

TEST_F(WebSessionsTest, ASealedTokenOpensOnlyUnderItsSecretAndPurpose) {
  auto sealed = SealToken("secret-a", "purpose", "jh1.token");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*OpenToken("secret-a", "purpose", *sealed), "jh1.token");
  EXPECT_FALSE(OpenToken("secret-b", "purpose", *sealed).ok());
  EXPECT_FALSE(OpenToken("secret-a", "other", *sealed).ok());
  std::string altered = *sealed;
  altered[14] ^= 1;
  EXPECT_FALSE(OpenToken("secret-a", "purpose", altered).ok());
}

}  // namespace
}  // namespace junheng::server::auth
