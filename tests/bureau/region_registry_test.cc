// The region registry (issue 15): what a region file may hold, what an import refuses (and that a
// refused import stores nothing), renames, the audit entry, and the counties held being counted
// and placed.
#include "server/bureau/region_registry.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "server/storage/audit_chain.h"
#include "tests/testing/store_fixture.h"

namespace junheng {
namespace {

io::Table TableOf(std::vector<std::vector<std::string>> rows) {
  io::Table table;
  table.rows = std::move(rows);
  for (size_t i = 0; i < table.rows.size(); ++i) table.row_numbers.push_back(i + 1);
  return table;
}

TEST(ParseRegionsTest, ReadsEnglishOrChineseHeadersAndInfersParents) {
  auto regions = server::ParseRegions(TableOf({{"名称", "区划代码", "上级代码"},
                                               {"山西省", "14", ""},
                                               {"长治市", "1404", ""},
                                               {" 沁县 ", "140430", "1404"}}));
  ASSERT_TRUE(regions.ok()) << regions.status();
  ASSERT_EQ(regions->size(), 3u);
  EXPECT_EQ((*regions)[0].parent(), "");
  EXPECT_EQ((*regions)[1].parent(), "14");
  EXPECT_EQ((*regions)[2].name(), "沁县");
  EXPECT_EQ((*regions)[2].parent(), "1404");
}

TEST(ParseRegionsTest, EachMistakeIsNamedWithItsLineAndTheFix) {
  struct Case {
    std::vector<std::string> row;
    const char* says;
  };
  for (const Case& c : std::vector<Case>{{{"1404x", "长治市", ""}, "1404x"},
                                         {{"140", "长治市", ""}, "140"},
                                         {{"00", "全国", ""}, "00"},
                                         {{"1404", "", ""}, "1404"},
                                         {{"140430", "沁县", "14"}, "1404"},
                                         {{"14", "山西省", "1"}, "14"}}) {
    const io::Table table = TableOf({{"code", "name", "parent"}, c.row});
    auto regions = server::ParseRegions(table);
    ASSERT_FALSE(regions.ok()) << c.row[0];
    EXPECT_EQ(regions.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(regions.status().message(), c.says)) << regions.status();
    // The line the reader opens the file at: the table's own words for its first data row.
    EXPECT_TRUE(absl::StrContains(regions.status().message(), table.WhereRow(1)))
        << regions.status() << " does not name " << table.WhereRow(1);
  }
  auto twice = server::ParseRegions(
      TableOf({{"code", "name"}, {"14", "山西省"}, {"1404", "长治市"}, {"14", "山西"}}));
  EXPECT_TRUE(absl::StrContains(twice.status().message(), "14")) << twice.status();
  auto header = server::ParseRegions(TableOf({{"county", "title"}, {"14", "山西省"}}));
  EXPECT_EQ(header.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(header.status().message(), "code,name,parent")) << header.status();
}

class RegionRegistryTest : public testing::StoreFixture {
 protected:
  absl::StatusOr<int> Import(std::vector<std::vector<std::string>> rows) {
    rows.insert(rows.begin(), {"code", "name", "parent"});
    auto regions = server::ParseRegions(TableOf(std::move(rows)));
    if (!regions.ok()) return regions.status();
    return server::ImportRegions(*store_, *regions, clock_, "operator");
  }
};

TEST_F(RegionRegistryTest, AParentMustBeStoredOrInTheSameFileAndARefusalStoresNothing) {
  auto refused = Import({{"1404", "长治市", ""}, {"140430", "沁县", ""}});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "14")) << refused.status();
  auto none = store_->ListRegions();
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  ASSERT_EQ(*Import({{"14", "山西省", ""}}), 1);
  ASSERT_EQ(*Import({{"1404", "长治市", ""}, {"140430", "沁县", ""}}), 2);
  // A rename of a stored region.
  ASSERT_EQ(*Import({{"1404", "长治", ""}}), 1);
  Reopen();
  auto stored = store_->ListRegions();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 3u);
  EXPECT_EQ((*stored)[1].name(), "长治");
  // Each import is one audit entry in the nation's chain, and the chain holds.
  auto audit = store_->ListAudit(storage::kRegionChain);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ((*audit)[0].action(), "regions.import");
  EXPECT_FALSE(storage::VerifyAuditChain(*audit).has_value());
}

TEST_F(RegionRegistryTest, CountiesHeldAreCountedPagedAndPlaced) {
  ASSERT_TRUE(Import({{"14", "山西省", ""}, {"1404", "长治市", ""}, {"140430", "沁县", ""}}).ok());
  storage::Change change("140430");
  for (int i = 1; i <= 3; ++i) {
    v1::School school;
    school.set_county_code("140430");
    school.set_school_code("s" + std::to_string(i));
    change.PutSchool(school);
  }
  ASSERT_TRUE(store_->Commit(std::move(change)).ok());
  for (const char* county : {"140429", "140481", "150102"}) {
    v1::School school;
    school.set_county_code(county);
    school.set_school_code("s1");
    ASSERT_TRUE(store_->Commit(std::move(storage::Change(county).PutSchool(school))).ok());
  }
  auto all = store_->ListCounties("", "", 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[1].county_code, "140430");
  EXPECT_EQ((*all)[1].schools, 3);
  auto after = store_->ListCounties("1404", "140429", 1);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].county_code, "140430");
  auto last = store_->ListCounties("1404", "140481", 10);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->empty());

  auto listed = server::ListRegions(*store_, v1::ListRegionsRequest());
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->counties_size(), 3);
  EXPECT_EQ(listed->counties(1).name(), "沁县");
  ASSERT_EQ(listed->unplaced_size(), 1);
  EXPECT_EQ(listed->unplaced(0).county_code(), "150102");
  v1::ListRegionsRequest unknown;
  unknown.set_region_code("1405");
  EXPECT_EQ(server::ListRegions(*store_, unknown).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace junheng
