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

TEST(PeopleNumberTest, NoExponentAndThousandsWhenAsked) {
  EXPECT_EQ(PeopleNumber(2595200), "2595200");
  EXPECT_EQ(PeopleNumber(2595200, -1, true), "2,595,200");
  EXPECT_EQ(PeopleNumber(2595200.5, 2, true), "2,595,200.50");
  EXPECT_EQ(PeopleNumber(84.8), "84.8");
  EXPECT_EQ(PeopleNumber(84.84, 1), "84.8");
  EXPECT_EQ(PeopleNumber(1e-7), "0.0000001");
  EXPECT_EQ(PeopleNumber(-1234567, 0, true), "-1,234,567");
  EXPECT_EQ(PeopleNumber(-0.001, 2), "0.00");
  EXPECT_EQ(PeopleNumber(999, 0, true), "999");
  EXPECT_EQ(PeopleNumber(1000, 0, true), "1,000");
  EXPECT_EQ(PeopleNumber(12, 0, true), "12");
  EXPECT_EQ(PeopleNumber(12345.5, 1, true), "12,345.5");
  EXPECT_EQ(PeopleNumber(-0.0), "0");
}

}  // namespace
}  // namespace junheng::table
