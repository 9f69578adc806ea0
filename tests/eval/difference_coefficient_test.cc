#include "common/eval/difference_coefficient.h"

#include <cmath>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::eval {
namespace {

// The worked example of evaluation-method.md: three primary units with 200, 600, 200 students and
// teaching areas 1000, 2400, 1400 m² have X = 5.0, 4.0, 7.0; mean 4.8; S = 1.166190; CV 0.242956.
TEST(DifferenceCoefficientTest, WorkedExampleOfTheMethod) {
  std::vector<double> x = {1000.0 / 200, 2400.0 / 600, 1400.0 / 200};
  std::vector<double> p = {200, 600, 200};
  Coefficient c = DifferenceCoefficient(x, p);
  EXPECT_NEAR(c.mean, 4.8, 1e-12);
  EXPECT_NEAR(c.sd, 1.166190, 1e-6);
  ASSERT_TRUE(c.cv.has_value());
  EXPECT_NEAR(*c.cv, 0.242956, 1e-6);
  EXPECT_EQ(c.units, 3);
}

// By hand, the unweighted population CV of 5, 4, 7: mean 16/3, variance
// ((1/3)² + (4/3)² + (5/3)²) / 3 = 42/27, CV = sqrt(42/27) / (16/3) = 0.233854.
TEST(DifferenceCoefficientTest, WeightsMatter) {
  std::vector<double> x = {5, 4, 7};
  Coefficient equal = DifferenceCoefficient(x, std::vector<double>{1, 1, 1});
  ASSERT_TRUE(equal.cv.has_value());
  EXPECT_NEAR(*equal.cv, std::sqrt(42.0 / 27.0) / (16.0 / 3.0), 1e-12);
  EXPECT_NEAR(*equal.cv, 0.233854, 1e-6);
  Coefficient weighted = DifferenceCoefficient(x, std::vector<double>{200, 600, 200});
  EXPECT_GT(std::fabs(*weighted.cv - *equal.cv), 0.005);
}

// Population form: divide by P, not by P - 1 and not by the unit count. Two units of 100 and 300
// students with values 2 and 6: mean 5, variance (0.25 x 9 + 0.75 x 1) = 3, CV = sqrt(3) / 5.
TEST(DifferenceCoefficientTest, PopulationFormDividesByStudents) {
  Coefficient c = DifferenceCoefficient(std::vector<double>{2, 6}, std::vector<double>{100, 300});
  EXPECT_NEAR(c.mean, 5, 1e-12);
  EXPECT_NEAR(c.sd, std::sqrt(3.0), 1e-12);
  EXPECT_NEAR(*c.cv, std::sqrt(3.0) / 5, 1e-12);
}

TEST(DifferenceCoefficientTest, EqualValuesHaveZeroCoefficient) {
  Coefficient c =
      DifferenceCoefficient(std::vector<double>{3, 3, 3}, std::vector<double>{10, 20, 30});
  ASSERT_TRUE(c.cv.has_value());
  EXPECT_EQ(*c.cv, 0);
}

TEST(DifferenceCoefficientTest, FewerThanTwoUnitsIsUndefined) {
  Coefficient one = DifferenceCoefficient(std::vector<double>{4}, std::vector<double>{100});
  EXPECT_FALSE(one.cv.has_value());
  EXPECT_NE(one.reason.find("fewer than 2 units"), std::string::npos);
  EXPECT_NEAR(one.mean, 4, 1e-12);
  Coefficient none = DifferenceCoefficient(std::vector<double>{}, std::vector<double>{});
  EXPECT_FALSE(none.cv.has_value());
  EXPECT_FALSE(none.reason.empty());
}

TEST(DifferenceCoefficientTest, ZeroMeanIsUndefinedNotADivisionByZero) {
  Coefficient c = DifferenceCoefficient(std::vector<double>{0, 0, 0}, std::vector<double>{1, 2, 3});
  EXPECT_FALSE(c.cv.has_value());
  EXPECT_NE(c.reason.find("mean is 0"), std::string::npos);
  EXPECT_FALSE(std::isnan(c.sd));
}

// Property: the coefficient is unchanged when every value is multiplied by the same constant.
TEST(DifferenceCoefficientTest, ScaleInvariantOverRandomDatasets) {
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> size(2, 60);
  std::uniform_real_distribution<double> value(0.1, 50);
  std::uniform_int_distribution<int> students(1, 3000);
  for (int trial = 0; trial < 200; ++trial) {
    int n = size(rng);
    std::vector<double> x(n);
    std::vector<double> w(n);
    for (int i = 0; i < n; ++i) {
      x[i] = value(rng);
      w[i] = students(rng);
    }
    Coefficient base = DifferenceCoefficient(x, w);
    ASSERT_TRUE(base.cv.has_value());
    for (double k : {0.01, 0.5, 3.0, 100.0, 12345.0}) {
      std::vector<double> scaled(x);
      for (double& v : scaled) v *= k;
      Coefficient c = DifferenceCoefficient(scaled, w);
      ASSERT_TRUE(c.cv.has_value());
      EXPECT_NEAR(*c.cv, *base.cv, 1e-9 * std::max(1.0, *base.cv))
          << "trial " << trial << " k " << k;
    }
  }
}

}  // namespace
}  // namespace junheng::eval

namespace junheng::eval {
namespace {

// LevelCoefficients (one sweep over a level's units) agrees with DifferenceCoefficient on the
// worked example: 200, 600, 200 students with 1000, 2400, 1400 m².
TEST(LevelCoefficientsTest, MatchesTheWorkedExample) {
  std::vector<Unit> units(3);
  double students[] = {200, 600, 200};
  double area[] = {1000, 2400, 1400};
  for (int k = 0; k < 3; ++k) {
    units[k].students = static_cast<int>(students[k]);
    for (int i = 0; i < kIndicatorCount; ++i) units[k].quantity[i] = area[k];
  }
  units.push_back(Unit{});
  units.back().excluded = true;  // excluded units do not count
  units.back().students = 10;
  units.back().quantity[3] = 1e6;
  auto all = LevelCoefficients(units);
  EXPECT_NEAR(*all[3].cv, 0.242956, 1e-6);
  EXPECT_NEAR(all[3].mean, 4.8, 1e-12);
  // L1 is per hundred students: the same shape scaled by 100, the same coefficient.
  EXPECT_NEAR(*all[0].cv, 0.242956, 1e-6);
  units[0].quantity[5].reset();
  auto partial = LevelCoefficients(units);
  EXPECT_EQ(partial[5].units, 2);
  std::vector<double> x = {2400.0 / 600, 1400.0 / 200};
  EXPECT_NEAR(*partial[5].cv, *DifferenceCoefficient(x, std::vector<double>{600, 200}).cv, 1e-12);
}

}  // namespace
}  // namespace junheng::eval
