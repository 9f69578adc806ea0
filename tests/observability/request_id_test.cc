// Request ids: short, hex, unique within a run.
#include "server/observability/request_id.h"

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace junheng::server {
namespace {

bool IsLowerHex(const std::string& text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

TEST(RequestIdTest, IdsAreTenHexDigitsAndNeverRepeatWithinARun) {
  RequestIds ids(/*start=*/0);
  std::set<std::string> seen;
  for (int i = 0; i < 200000; ++i) {
    const std::string id = ids.Next();
    ASSERT_EQ(id.size(), RequestIds::kLength) << id;
    ASSERT_TRUE(IsLowerHex(id)) << id;
    ASSERT_TRUE(seen.insert(id).second) << "repeated: " << id << " after " << i;
  }
}

TEST(RequestIdTest, ConsecutiveIdsShareNoLongPrefix) {
  RequestIds ids(/*start=*/12345);
  const std::string first = ids.Next(), second = ids.Next();
  EXPECT_NE(first.substr(0, 4), second.substr(0, 4)) << first << " " << second;
}

TEST(RequestIdTest, ThreadsGetDistinctIds) {
  RequestIds ids;
  std::vector<std::vector<std::string>> issued(4);
  std::vector<std::thread> threads;
  for (auto& mine : issued) {
    threads.emplace_back([&ids, &mine] {
      for (int i = 0; i < 5000; ++i) mine.push_back(ids.Next());
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> all;
  for (const auto& mine : issued) all.insert(mine.begin(), mine.end());
  EXPECT_EQ(all.size(), 20000u);
}

TEST(RequestIdTest, TwoRunsStartAtDifferentIds) {
  EXPECT_NE(RequestIds().Next(), RequestIds().Next());
}

}  // namespace
}  // namespace junheng::server
