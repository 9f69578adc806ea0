#include "common/eval/compare.h"

#include <algorithm>
#include <cmath>

namespace junheng::eval {
namespace {

constexpr double kRelativeTolerance = 1e-9;

double Tolerance(double a, double b) {
  return kRelativeTolerance * std::max({1.0, std::fabs(a), std::fabs(b)});
}

}  // namespace

bool AtLeast(double value, double threshold) {
  return value >= threshold - Tolerance(value, threshold);
}

bool AtMost(double value, double threshold) {
  return value <= threshold + Tolerance(value, threshold);
}

bool Below(double value, double threshold) { return !AtLeast(value, threshold); }

}  // namespace junheng::eval
