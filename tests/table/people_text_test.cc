#include "common/table/people_text.h"

#include "gtest/gtest.h"

namespace junheng::table {
namespace {

TEST(DisplayWidthTest, ChineseCharactersTakeTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("沁县"), 4);
  EXPECT_EQ(DisplayWidth("沁县第一中学 A"), 14);
  EXPECT_EQ(DisplayWidth("（㎡）"), 6);
  EXPECT_EQ(DisplayWidth("m²"), 2);
  EXPECT_EQ(DisplayWidth(""), 0);
}

TEST(DisplayWidthTest, PaddingCountsColumnsNotBytes) {
  EXPECT_EQ(PadRight("沁县", 6), "沁县  ");
  EXPECT_EQ(PadLeft("12", 5), "   12");
  EXPECT_EQ(PadRight("too long", 3), "too long");
}

}  // namespace
}  // namespace junheng::table
