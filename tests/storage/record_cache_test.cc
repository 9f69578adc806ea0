#include "server/storage/record_cache.h"

#include <string>

#include "gtest/gtest.h"

namespace junheng::storage {
namespace {

class RecordCacheTest : public ::testing::Test {
 protected:
  // A load that counts its calls and reads `stored_`.
  absl::StatusOr<std::string> Load() {
    ++loads_;
    return stored_;
  }
  std::string Read(absl::string_view key) {
    auto value = cache_.Get(key, [&] { return Load(); });
    EXPECT_TRUE(value.ok()) << value.status();
    return value.ok() ? **value : "";
  }

  RecordCache<std::string> cache_{3};
  std::string stored_ = "first";
  int loads_ = 0;
};

TEST_F(RecordCacheTest, KeepsWhatItLoadedUntilTheKeyIsInvalidated) {
  EXPECT_EQ(Read("a"), "first");
  stored_ = "second";  // written, but not yet invalidated: the cache still answers
  EXPECT_EQ(Read("a"), "first");
  EXPECT_EQ(loads_, 1);
  cache_.Invalidate("a");
  EXPECT_EQ(Read("a"), "second");
  EXPECT_EQ(loads_, 2);
}

TEST_F(RecordCacheTest, InvalidatingOneKeyKeepsTheOthers) {
  Read("a");
  Read("b");
  cache_.Invalidate("a");
  Read("b");
  EXPECT_EQ(loads_, 2) << "b was still kept";
  EXPECT_EQ(cache_.size(), 1u);
}

TEST_F(RecordCacheTest, ALoadThatRacedWithAWriteIsReturnedButNotKept) {
  // The write lands (and is invalidated) while the load is reading the old value.
  auto value = cache_.Get("a", [&]() -> absl::StatusOr<std::string> {
    std::string read = stored_;
    stored_ = "written meanwhile";
    cache_.Invalidate("a");
    return read;
  });
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(**value, "first");
  EXPECT_EQ(Read("a"), "written meanwhile") << "the stale read must not be served again";
}

TEST_F(RecordCacheTest, AFailedLoadIsReturnedAndNothingIsKept) {
  auto failed =
      cache_.Get("a", [] { return absl::StatusOr<std::string>(absl::DataLossError("x")); });
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(cache_.size(), 0u);
  EXPECT_EQ(Read("a"), "first");
}

TEST_F(RecordCacheTest, AFullCacheStartsOverAndNeverHoldsMoreThanItsCapacity) {
  for (const char* key : {"a", "b", "c", "d", "e"}) {
    Read(key);
    EXPECT_LE(cache_.size(), 3u);
  }
  EXPECT_EQ(loads_, 5);
  Read("e");
  EXPECT_EQ(loads_, 5) << "the latest key is kept after starting over";
}

}  // namespace
}  // namespace junheng::storage
