#pragma once

#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "common/eval/indicators.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The per-unit rule (evaluation-method.md section 2): a unit meets resource allocation when at
// least profile.unit_min_met of L1..L7 reach their minimum and every miss reaches
// profile.unit_miss_floor x its minimum.
struct UnitRuleResult {
  int met_count = 0;
  bool meets = false;
  // pass | fail | not_judged (some value unknown and the known ones do not already fail)
  absl::string_view status;
  // Ids of the indicators below their minimum.
  absl::InlinedVector<absl::string_view, kIndicatorCount> below;
  std::string reason;
};

UnitRuleResult ApplyUnitRule(const IndicatorArray& values, Level level,
                             const junheng::v1::Profile& profile);

}  // namespace junheng::eval
