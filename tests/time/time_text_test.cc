#include "common/time/time_text.h"

#include "gtest/gtest.h"

namespace junheng {
namespace {

TEST(TimeTextTest, FormatsInChinaTime) {
  EXPECT_EQ(FormatInstant(absl::FromUnixSeconds(0)), "1970-01-01T08:00:00.000+08:00");
}

TEST(TimeTextTest, BareDateIsStartOrEndOfTheDayInChinaTime) {
  auto start = ParseInstant("2024-10-15", DateMeans::kStartOfDay);
  auto end = ParseInstant("2024-10-15", DateMeans::kEndOfDay);
  ASSERT_TRUE(start.ok() && end.ok());
  EXPECT_EQ(FormatInstant(*start), "2024-10-15T00:00:00.000+08:00");
  EXPECT_EQ(FormatInstant(*end), "2024-10-15T23:59:59.999+08:00");
}

TEST(TimeTextTest, AcceptsLocalTimeAndRfc3339WithOffsets) {
  auto local = ParseInstant("2024-10-15 17:30", DateMeans::kStartOfDay);
  auto utc = ParseInstant("2024-10-15T09:30:00Z", DateMeans::kStartOfDay);
  ASSERT_TRUE(local.ok() && utc.ok());
  EXPECT_EQ(*local, *utc);
}

TEST(TimeTextTest, RejectsOtherTextNamingTheForms) {
  auto bad = ParseInstant("15/10/2024", DateMeans::kStartOfDay);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("2024-12-31 17:00"), absl::string_view::npos);
}

}  // namespace
}  // namespace junheng
