#include "server/auth/token_store.h"

#include <algorithm>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/auth/token_admin.h"
#include "tests/testing/english.h"
#include "tests/testing/store_fixture.h"

namespace junheng::server::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TokenStoreTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    tokens_ = std::make_unique<TokenStore>(store_.get(), &clock_);
  }

  absl::StatusOr<v1::IssueTokenResponse> Issue(v1::Role role, const std::string& school = "",
                                               int64_t expires = 0) {
    v1::IssueTokenRequest request;
    request.set_county_code("140430");
    request.set_role(role);
    request.set_school_code(school);
    request.set_expires_unix_ms(expires);
    return tokens_->Issue(request, "test admin");
  }

  std::unique_ptr<TokenStore> tokens_;
};

TEST_F(TokenStoreTest, AClerkOfASchoolNotInTheRegistryIsIssuedWithAWarning) {
  auto unregistered = Issue(v1::SCHOOL_CLERK, "2140043099");
  ASSERT_TRUE(unregistered.ok()) << unregistered.status();
  ASSERT_EQ(unregistered->warnings_size(), 1);
  EXPECT_THAT(unregistered->warnings(0), HasSubstr("2140043099"));
  EXPECT_THAT(unregistered->warnings(0), HasSubstr("registry"));
  ASSERT_TRUE(
      store_->Commit(storage::Change("140430").PutSchool(testing::MakeSchool("2140043001"))).ok());
  auto registered = Issue(v1::SCHOOL_CLERK, "2140043001");
  ASSERT_TRUE(registered.ok());
  EXPECT_EQ(registered->warnings_size(), 0);
  EXPECT_EQ(Issue(v1::BUREAU_VIEWER)->warnings_size(), 0) << "no school, nothing to warn about";
}

TEST_F(TokenStoreTest, IssuedTokenAuthenticatesAsItsRoleCountyAndSchool) {
  auto issued = Issue(v1::SCHOOL_CLERK, "2140043001");
  ASSERT_TRUE(issued.ok()) << issued.status();
  auto who = tokens_->Authenticate(issued->token());
  ASSERT_TRUE(who.ok()) << who.status();
  EXPECT_EQ(who->role, v1::SCHOOL_CLERK);
  EXPECT_EQ(who->county, "140430");
  EXPECT_EQ(who->school, "2140043001");
  EXPECT_EQ(who->token_id, issued->info().id());
  EXPECT_EQ(who->Actor(), "token " + issued->info().id() + " (school_clerk, school 2140043001)");
  // The default lifetime is one year.
  EXPECT_EQ(issued->info().expires_unix_ms(),
            absl::ToUnixMillis(clock_.Now() + TokenStore::kDefaultLifetime));
}

TEST_F(TokenStoreTest, OnlyASaltedHashOfTheSecretIsStored) {
  auto a = Issue(v1::BUREAU_ADMIN);
  auto b = Issue(v1::BUREAU_ADMIN);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->token(), b->token());
  const std::string secret = a->token().substr(a->token().rfind('.') + 1);
  ASSERT_EQ(secret.size(), 64u);
  auto found = store_->GetToken("140430", a->info().id());
  ASSERT_TRUE(found.ok() && found->has_value());
  const v1::StoredToken& stored = **found;
  EXPECT_THAT(stored.DebugString(), Not(HasSubstr(secret)));
  EXPECT_EQ(stored.salt_hex().size(), 32u);
  EXPECT_EQ(stored.secret_sha256_hex().size(), 64u);
  // Listing never shows a secret either.
  auto listed = tokens_->List("140430", "", 100);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  for (const auto& info : *listed) EXPECT_THAT(info.DebugString(), Not(HasSubstr(secret)));
}

TEST_F(TokenStoreTest, ExpiredRevokedWrongAndMalformedTokensAreUnauthenticated) {
  auto shortlived =
      Issue(v1::BUREAU_VIEWER, "", absl::ToUnixMillis(clock_.Now() + absl::Minutes(10)));
  auto revoked = Issue(v1::BUREAU_VIEWER);
  ASSERT_TRUE(shortlived.ok() && revoked.ok());
  EXPECT_TRUE(tokens_->Authenticate(shortlived->token()).ok());
  clock_.Advance(absl::Minutes(10));
  auto expired = tokens_->Authenticate(shortlived->token());
  EXPECT_TRUE(absl::IsUnauthenticated(expired.status())) << expired.status();
  EXPECT_THAT(expired.status().message(), HasSubstr("expired"));

  ASSERT_TRUE(tokens_->Revoke("140430", revoked->info().id(), "test admin").ok());
  auto after = tokens_->Authenticate(revoked->token());
  EXPECT_TRUE(absl::IsUnauthenticated(after.status()));
  EXPECT_THAT(after.status().message(), HasSubstr("revoked"));

  std::string wrong = revoked->token();
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  for (const std::string& bad :
       {std::string(""), std::string("Bearer"), std::string("jh1.140430.zz.zz"), wrong,
        std::string("jh1.140430.0123456789abcdef.") + std::string(64, '0')}) {
    EXPECT_TRUE(absl::IsUnauthenticated(tokens_->Authenticate(bad).status())) << bad;
  }
}

TEST_F(TokenStoreTest, IssueChecksItsArgumentsAndIsAudited) {
  EXPECT_TRUE(absl::IsInvalidArgument(Issue(v1::SCHOOL_CLERK, "").status()));
  EXPECT_TRUE(absl::IsInvalidArgument(Issue(v1::BUREAU_ADMIN, "s1").status()));
  EXPECT_TRUE(absl::IsInvalidArgument(Issue(v1::ROLE_UNSPECIFIED).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(
      Issue(v1::AUDITOR, "", absl::ToUnixMillis(clock_.Now() - absl::Seconds(1))).status()));
  auto issued = Issue(v1::AUDITOR);
  ASSERT_TRUE(issued.ok());
  EXPECT_TRUE(absl::IsNotFound(tokens_->Revoke("140430", "0123456789abcdef", "x").status()));
  auto audit = store_->ListAudit("140430");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action(), "token.issue");
  EXPECT_EQ((*audit)[0].actor(), "test admin");
  EXPECT_THAT((*audit)[0].target(), HasSubstr(issued->info().id()));
}

TEST_F(TokenStoreTest, TokenListPagesWalkEveryTokenOnceInIdOrder) {
  std::vector<std::string> issued;
  for (int i = 0; i < 7; ++i) {
    auto token = Issue(v1::BUREAU_VIEWER);
    ASSERT_TRUE(token.ok()) << token.status();
    issued.push_back(token->info().id());
  }
  std::sort(issued.begin(), issued.end());
  v1::ListTokensRequest request;
  request.set_county_code("140430");
  request.set_page_size(3);
  std::vector<std::string> walked;
  int pages = 0;
  do {
    auto page = ListTokens(*tokens_, request);
    ASSERT_TRUE(page.ok()) << page.status();
    ++pages;
    EXPECT_LE(page->tokens_size(), 3);
    for (const auto& info : page->tokens()) walked.push_back(info.id());
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  EXPECT_EQ(walked, issued);
  EXPECT_EQ(pages, 3);

  request.set_page_size(10001);
  auto too_big = ListTokens(*tokens_, request);
  EXPECT_TRUE(absl::IsInvalidArgument(too_big.status()));
  EXPECT_THAT(too_big.status().message(), HasSubstr("page_size = 10001"));
  EXPECT_THAT(too_big.status().message(), HasSubstr("10000"));
}

}  // namespace
}  // namespace junheng::server::auth
