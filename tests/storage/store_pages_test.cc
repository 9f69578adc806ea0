// The store's paged reads (store.h, "Reads: pages"): every record once, in key order, from any
// start key, never past the county or the school the prefix names.
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/storage/store.h"
#include "tests/testing/store_fixture.h"

namespace junheng::storage {
namespace {

using junheng::testing::CommitVersion;
using junheng::testing::MakeSchool;
using junheng::testing::MakeVersion;
using ::testing::ElementsAre;

class StorePagesTest : public testing::StoreFixture {
 protected:
  // Commits `count` schools of 140430 named s0000 … in batches, so that the tiny memtable
  // flushes and a walk crosses SST files; and one school of each neighbouring county.
  void RegisterSchools(int count) {
    for (int first = 0; first < count; first += 100) {
      Change change("140430");
      for (int i = first; i < std::min(count, first + 100); ++i) {
        change.PutSchool(MakeSchool(absl::StrFormat("s%04d", i)));
      }
      ASSERT_TRUE(store_->Commit(std::move(change)).ok());
    }
    for (const char* county : {"140429", "140431"}) {
      v1::School other = MakeSchool("a-neighbour");
      other.set_county_code(county);
      ASSERT_TRUE(store_->Commit(Change(county).PutSchool(other)).ok());
    }
  }

  // Walks ListSchools in pages of `limit`, as a listing does.
  std::vector<std::string> WalkSchools(size_t limit) {
    std::vector<std::string> codes;
    std::string after;
    while (true) {
      auto page = store_->ListSchools("140430", after, limit);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) return codes;
      for (const auto& school : *page) codes.push_back(school.school_code());
      if (page->size() < limit) return codes;
      after = page->back().school_code();
    }
  }
};

TEST_F(StorePagesTest, PagesOfSchoolsWalkTheCountyOnceInCodeOrder) {
  RegisterSchools(350);
  auto all = store_->ListSchools("140430");
  ASSERT_TRUE(all.ok());
  std::vector<std::string> expected;
  for (const auto& school : *all) expected.push_back(school.school_code());
  ASSERT_EQ(expected.size(), 350u);
  for (size_t limit : {1, 7, 100, 350, 1000}) {
    EXPECT_EQ(WalkSchools(limit), expected) << "pages of " << limit;
  }
}

TEST_F(StorePagesTest, APageStartsAfterItsKeyWhetherOrNotThatKeyIsStored) {
  RegisterSchools(10);
  auto after_stored = store_->ListSchools("140430", "s0003", 2);
  ASSERT_TRUE(after_stored.ok());
  ASSERT_EQ(after_stored->size(), 2u);
  EXPECT_EQ((*after_stored)[0].school_code(), "s0004");
  auto after_gap = store_->ListSchools("140430", "s0003x", 2);
  ASSERT_TRUE(after_gap.ok());
  EXPECT_EQ((*after_gap)[0].school_code(), "s0004");
  auto past_the_end = store_->ListSchools("140430", "zzz", 5);
  ASSERT_TRUE(past_the_end.ok());
  EXPECT_TRUE(past_the_end->empty()) << "the next county's schools are not this one's";
}

TEST_F(StorePagesTest, VersionAndLatestPagesFollowTheirKeys) {
  for (int v = 1; v <= 5; ++v) ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s1", v)).ok());
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s10", 1)).ok());
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s2", 1)).ok());
  auto versions = store_->ListVersions("140430", "2024", "s1", 2, 2);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version(), 3);
  EXPECT_EQ((*versions)[1].version(), 4);
  auto last = store_->ListVersions("140430", "2024", "s1", 4, 10);
  ASSERT_TRUE(last.ok());
  ASSERT_EQ(last->size(), 1u) << "s10's versions are not s1's";
  EXPECT_EQ((*last)[0].version(), 5);

  auto latest = store_->ListLatest("140430", "2024", "s1", 10);
  ASSERT_TRUE(latest.ok());
  std::vector<std::string> schools;
  for (const auto& r : *latest) schools.push_back(r.school_code());
  EXPECT_THAT(schools, ElementsAre("s10", "s2"));
}

TEST_F(StorePagesTest, AuditPagesGoNewestFirstBelowTheirSeq) {
  for (int i = 0; i < 6; ++i) {
    v1::AuditEntry entry;
    entry.set_action("test");
    ASSERT_TRUE(store_->Commit(Change("140430").Audit(entry)).ok());
    ASSERT_TRUE(store_->Commit(Change("140431").Audit(entry)).ok());
  }
  auto all = store_->ListAudit("140430");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 6u);
  auto newest = store_->ListAuditNewestFirst("140430", 0, 4);
  ASSERT_TRUE(newest.ok());
  ASSERT_EQ(newest->size(), 4u);
  EXPECT_EQ((*newest)[0].seq(), (*all)[5].seq());
  EXPECT_EQ((*newest)[3].seq(), (*all)[2].seq());
  auto older = store_->ListAuditNewestFirst("140430", (*newest)[3].seq(), 4);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 2u) << "the previous county's entries are not this one's";
  EXPECT_EQ((*older)[0].seq(), (*all)[1].seq());
  EXPECT_EQ((*older)[1].seq(), (*all)[0].seq());
}

TEST_F(StorePagesTest, ReviewsOfAPeriodAreListedBySchool) {
  for (const char* school : {"s2", "s1"}) {
    v1::ReviewRecord review;
    review.set_county_code("140430");
    review.set_period("2024");
    review.set_school_code(school);
    review.set_version(1);
    review.set_state("accepted");
    ASSERT_TRUE(store_->Commit(Change("140430").PutReview(review)).ok());
  }
  v1::ReviewRecord other_period;
  other_period.set_county_code("140430");
  other_period.set_period("2025");
  other_period.set_school_code("s3");
  ASSERT_TRUE(store_->Commit(Change("140430").PutReview(other_period)).ok());
  auto reviews = store_->ListReviews("140430", "2024");
  ASSERT_TRUE(reviews.ok());
  std::vector<std::string> schools;
  for (const auto& r : *reviews) schools.push_back(r.school_code());
  EXPECT_THAT(schools, ElementsAre("s1", "s2"));
}

}  // namespace
}  // namespace junheng::storage
