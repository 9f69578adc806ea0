#pragma once

#include <vector>

#include "common/eval/units.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// What it would take to pass (docs/evaluation.md, "Gap analysis").
//
// Unit gaps: for every included unit and every indicator below its minimum, the smallest whole
// addition to the indicator's quantity (teachers, m², yuan, classrooms) that reaches the minimum:
// ceil(min x P / per_students - current). For a split facility the school adds
// ceil(needed / facility_share) so that the section's share covers the need.
//
// Coefficient gaps: for every indicator whose coefficient exceeds cv_max, the units contributing
// most to the weighted variance ((P_i/P)(X_i - mean)² / S²), and a set of additions at the lowest
// units: the smallest floor F such that raising every unit below F to F brings the coefficient
// within cv_max (found by bisection; the coefficient falls as F rises), turned into whole additions
// and recomputed. `verified` records that the recomputed coefficient passes.
std::vector<junheng::v1::Gap> AnalyzeGaps(const UnitSet& units,
                                          const junheng::v1::Profile& profile);
// The same gaps, appended to `out` (which may live on an arena).
void AnalyzeGaps(const UnitSet& units, const junheng::v1::Profile& profile,
                 google::protobuf::RepeatedPtrField<junheng::v1::Gap>* out);

// How many contributors a coefficient gap lists, at most.
inline constexpr int kMaxContributors = 5;

}  // namespace junheng::eval
