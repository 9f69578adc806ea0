#pragma once

#include <algorithm>
#include <cmath>

namespace junheng::eval {

// Threshold comparisons in double precision. Values are computed in double and never rounded
// before a comparison, so a value that is mathematically equal to its threshold (say 85% of 4.2)
// may land one ulp below it; these comparisons accept a relative difference of 1e-9, far below
// any displayed precision. They carry no threshold of their own: the profile gives `threshold`.
// Inline: the engine makes several of them per unit and per school.
namespace compare_internal {
inline constexpr double kRelativeTolerance = 1e-9;
inline double Tolerance(double a, double b) {
  return kRelativeTolerance * std::max({1.0, std::fabs(a), std::fabs(b)});
}
}  // namespace compare_internal

inline bool AtLeast(double value, double threshold) {
  return value >= threshold - compare_internal::Tolerance(value, threshold);
}
inline bool AtMost(double value, double threshold) {
  return value <= threshold + compare_internal::Tolerance(value, threshold);
}
// Strictly below `threshold` by more than the tolerance.
inline bool Below(double value, double threshold) { return !AtLeast(value, threshold); }

}  // namespace junheng::eval
