#include "common/i18n/numbers.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace junheng::i18n {
namespace {

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

TEST(PeopleNumberTest, NotANumberAndInfinityAreSigns) {
  EXPECT_EQ(PeopleNumber(std::nan("")), "—");
  EXPECT_EQ(PeopleNumber(std::numeric_limits<double>::infinity()), "∞");
  EXPECT_EQ(PeopleNumber(-std::numeric_limits<double>::infinity()), "-∞");
}

}  // namespace
}  // namespace junheng::i18n
