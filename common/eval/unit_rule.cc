#include "common/eval/unit_rule.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/eval/compare.h"
#include "common/eval/items.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {

UnitRuleResult ApplyUnitRule(const IndicatorArray& values, Level level,
                             const junheng::v1::Profile& profile) {
  UnitRuleResult r;
  int unknown = 0;
  absl::InlinedVector<int, kIndicatorCount> deep;  // misses below the floor
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (!values[i]) {
      ++unknown;
      continue;
    }
    double min = IndicatorMin(profile, level, i);
    if (AtLeast(*values[i], min)) {
      ++r.met_count;
      continue;
    }
    r.below.emplace_back(Indicator(i).id);
    if (Below(*values[i], profile.unit_miss_floor() * min)) deep.push_back(i);
  }
  int misses = static_cast<int>(r.below.size());
  int allowed_misses = kIndicatorCount - profile.unit_min_met();
  if (!deep.empty() || misses > allowed_misses) {
    r.status = kFail;
    if (misses > allowed_misses) {
      absl::StrAppend(&r.reason,
                      i18n::Say(i18n::evaluation::kTooFewMet, r.met_count, kIndicatorCount,
                                profile.unit_min_met(), absl::StrJoin(r.below, ", ")));
    }
    if (!deep.empty()) {
      if (!r.reason.empty()) r.reason.append("; ");
      absl::StrAppend(&r.reason,
                      i18n::Say(i18n::evaluation::kDeepMiss, profile.unit_miss_floor() * 100));
      for (size_t k = 0; k < deep.size(); ++k) {
        int i = deep[k];
        absl::StrAppend(&r.reason, k == 0 ? "" : "; ", Indicator(i).id, " ", *values[i], " < ",
                        profile.unit_miss_floor(), " x ", IndicatorMin(profile, level, i));
      }
    }
  } else if (unknown > 0) {
    r.status = kNotJudged;
    r.reason = i18n::Say(i18n::evaluation::kValuesUnknown, unknown);
  } else {
    r.status = kPass;
    r.meets = true;
    if (!r.below.empty()) {
      r.reason = i18n::Say(i18n::evaluation::kWithinFloor, profile.unit_miss_floor() * 100,
                           absl::StrJoin(r.below, ", "));
    }
  }
  return r;
}

}  // namespace junheng::eval
