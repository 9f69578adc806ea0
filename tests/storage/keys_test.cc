#include "server/storage/keys.h"

#include "gtest/gtest.h"

namespace junheng::storage {
namespace {

TEST(KeysTest, KeysLeadWithTheCounty) {
  EXPECT_EQ(RegistryKey("140430", "2140043001"), "140430/2140043001");
  EXPECT_EQ(LatestKey("140430", "2024", "2140043001"), "140430/2024/2140043001");
  EXPECT_EQ(IdempotencyKey("140430", "abc"), "140430/abc");
  EXPECT_EQ(VersionKey("140430", "2024", "s1", 7), "140430/2024/s1/000000000007");
  EXPECT_EQ(AuditKey("140430", 12), "140430/00000000000000000012");
}

TEST(KeysTest, VersionKeysSortInVersionOrder) {
  EXPECT_LT(VersionKey("c", "p", "s", 9), VersionKey("c", "p", "s", 10));
  EXPECT_LT(VersionKey("c", "p", "s", 99), VersionKey("c", "p", "s", 100));
  EXPECT_LT(AuditKey("c", 9), AuditKey("c", 10));
}

TEST(KeysTest, PrefixesCoverExactlyTheirRange) {
  const std::string prefix = VersionPrefix("140430", "2024", "s1");
  EXPECT_EQ(VersionKey("140430", "2024", "s1", 3).rfind(prefix, 0), 0u);
  // School "s10" must not fall under the prefix of school "s1".
  EXPECT_NE(VersionKey("140430", "2024", "s10", 3).rfind(prefix, 0), 0u);
  EXPECT_NE(RegistryKey("1404301", "x").rfind(RegistryPrefix("140430"), 0), 0u);
}

}  // namespace
}  // namespace junheng::storage
