#pragma once

namespace junheng::eval {

// Threshold comparisons in double precision. Values are computed in double and never rounded
// before a comparison, so a value that is mathematically equal to its threshold (say 85% of 4.2)
// may land one ulp below it; these comparisons accept a relative difference of 1e-9, far below
// any displayed precision. They carry no threshold of their own: the profile gives `threshold`.
bool AtLeast(double value, double threshold);
bool AtMost(double value, double threshold);
// Strictly below `threshold` by more than the tolerance.
bool Below(double value, double threshold);

}  // namespace junheng::eval
