#include "server/storage/page.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/security.pb.h"
#include "junheng/v1/services.pb.h"
#include "tests/testing/english.h"

namespace junheng::storage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::ListSchoolsRequest Schools(int32_t page_size = 0, std::string token = "") {
  v1::ListSchoolsRequest request;
  request.set_county_code("140430");
  request.set_page_size(page_size);
  request.set_page_token(std::move(token));
  return request;
}

v1::School Named(const std::string& code) {
  v1::School school;
  school.set_school_code(code);
  return school;
}

// The token a page of `request` ends with when its last record has key `key`.
std::string TokenAfter(const google::protobuf::Message& request, const std::string& key) {
  auto page = Page::Of(request);
  EXPECT_TRUE(page.ok()) << page.status();
  v1::School one = Named("x");
  while (page->Take(one)) {
  }
  return page->NextToken(key);
}

TEST(PageTest, ZeroMeansTheDefaultSizeAndAFirstPageStartsAtTheBeginning) {
  auto page = Page::Of(Schools());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->size(), kDefaultPageSize);
  EXPECT_EQ(page->read_limit(), size_t{kDefaultPageSize} + 1);
  EXPECT_TRUE(page->first());
  EXPECT_EQ(page->after(), "");
  EXPECT_EQ(*page->AfterNumber(), 0);
}

TEST(PageTest, APageSizeOutsideZeroToTheMaximumIsRefusedNamingTheFieldAndTheMaximum) {
  for (int32_t size : {-1, kMaxPageSize + 1}) {
    auto page = Page::Of(Schools(size));
    EXPECT_TRUE(absl::IsInvalidArgument(page.status())) << size;
    EXPECT_THAT(page.status().message(), HasSubstr("page_size = " + std::to_string(size)));
    EXPECT_THAT(page.status().message(), HasSubstr("10000"));
  }
  EXPECT_TRUE(Page::Of(Schools(kMaxPageSize)).ok());
  // The audit log's page size is its `limit`, and the message names that.
  v1::ListAuditRequest audit;
  audit.set_county_code("140430");
  audit.set_limit(-5);
  auto page = Page::Of(audit);
  EXPECT_TRUE(absl::IsInvalidArgument(page.status()));
  EXPECT_THAT(page.status().message(), HasSubstr("limit = -5"));
}

TEST(PageTest, APageTakesItsSizeAndThenClosesWithATokenForItsLastKey) {
  auto page = Page::Of(Schools(2));
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->Take(Named("a")));
  EXPECT_TRUE(page->Take(Named("b")));
  EXPECT_EQ(page->NextToken("b"), "") << "nothing refused yet: this may be the last page";
  EXPECT_FALSE(page->Take(Named("c")));
  EXPECT_FALSE(page->Take(Named("d"))) << "a closed page stays closed";
  const std::string token = page->NextToken("b");
  ASSERT_FALSE(token.empty());
  EXPECT_THAT(token, Not(HasSubstr("140430"))) << "opaque, not the store key";

  auto next = Page::Of(Schools(2, token));
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->after(), "b");
  EXPECT_FALSE(next->first());
  auto bigger = Page::Of(Schools(7, token));
  ASSERT_TRUE(bigger.ok()) << "the page size may change from page to page";
  EXPECT_EQ(bigger->after(), "b");
}

TEST(PageTest, APageEndsAtTheByteLimitShortOfItsSizeButTakesAnyFirstRecord) {
  auto page = Page::Of(Schools(kMaxPageSize));
  ASSERT_TRUE(page.ok());
  v1::School big = Named("big");
  big.set_school_name(std::string(kMaxPageBytes / 3, 'x'));
  EXPECT_TRUE(page->Take(big));
  EXPECT_TRUE(page->Take(big));
  EXPECT_FALSE(page->Take(big)) << "a third would pass kMaxPageBytes";
  EXPECT_FALSE(page->NextToken("big").empty());

  auto huge_first = Page::Of(Schools(1));
  big.set_school_name(std::string(kMaxPageBytes + 1, 'x'));
  EXPECT_TRUE(huge_first->Take(big));
}

TEST(PageTest, ATokenOfAnotherRequestOrListingOrADamagedOneIsRefusedNamingPageToken) {
  const std::string token = TokenAfter(Schools(2), "b");
  v1::ListSchoolsRequest other_county = Schools(2, token);
  other_county.set_county_code("140431");
  v1::ListLatestReportsRequest other_listing;
  other_listing.set_county_code("140430");
  other_listing.set_page_token(token);
  std::string damaged = token;
  damaged[damaged.size() / 2] = damaged[damaged.size() / 2] == 'A' ? 'B' : 'A';
  const std::vector<const google::protobuf::Message*> others = {&other_county, &other_listing};
  for (const google::protobuf::Message* request : others) {
    auto page = Page::Of(*request);
    EXPECT_TRUE(absl::IsInvalidArgument(page.status())) << request->GetTypeName();
    EXPECT_THAT(page.status().message(), HasSubstr("page_token"));
  }
  for (const std::string& bad : {damaged, std::string("garbage!"), std::string("cDE")}) {
    auto page = Page::Of(Schools(2, bad));
    EXPECT_TRUE(absl::IsInvalidArgument(page.status())) << bad;
    EXPECT_THAT(page.status().message(), HasSubstr("page_token = '"));
  }
}

TEST(PageTest, ANumberedListingReadsItsTokenAsANumber) {
  v1::ListReportVersionsRequest versions;
  versions.set_county_code("140430");
  versions.set_school_code("2140043001");
  versions.set_period("2024");
  versions.set_page_token(TokenAfter(versions, "12"));
  auto page = Page::Of(versions);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(*page->AfterNumber(), 12);
  versions.set_page_token(TokenAfter(versions, "v12"));
  page = Page::Of(versions);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(page->AfterNumber().status()));
}

}  // namespace
}  // namespace junheng::storage
