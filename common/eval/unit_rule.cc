#include "common/eval/unit_rule.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/eval/compare.h"
#include "common/eval/items.h"

namespace junheng::eval {

UnitRuleResult ApplyUnitRule(const IndicatorArray& values, Level level,
                             const junheng::v1::Profile& profile) {
  UnitRuleResult r;
  int unknown = 0;
  std::vector<std::string> deep;  // misses below the floor
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
    if (Below(*values[i], profile.unit_miss_floor() * min)) {
      deep.push_back(absl::StrCat(Indicator(i).id, " ", *values[i], " < ",
                                  profile.unit_miss_floor(), " x ", min));
    }
  }
  int misses = static_cast<int>(r.below.size());
  int allowed_misses = kIndicatorCount - profile.unit_min_met();
  if (!deep.empty() || misses > allowed_misses) {
    r.status = kFail;
    std::vector<std::string> why;
    if (misses > allowed_misses) {
      why.push_back(absl::StrCat(r.met_count, " of ", kIndicatorCount,
                                 " indicators reach their minimum (", profile.unit_min_met(),
                                 " needed); below: ", absl::StrJoin(r.below, ", ")));
    }
    if (!deep.empty()) {
      why.push_back(absl::StrCat("below ", profile.unit_miss_floor() * 100,
                                 "% of the minimum: ", absl::StrJoin(deep, "; ")));
    }
    r.reason = absl::StrJoin(why, "; ");
  } else if (unknown > 0) {
    r.status = kNotJudged;
    r.reason = absl::StrCat(unknown, " indicator value(s) could not be computed");
  } else {
    r.status = kPass;
    r.meets = true;
    if (!r.below.empty()) {
      r.reason = absl::StrCat("below the minimum but within ", profile.unit_miss_floor() * 100,
                              "%: ", absl::StrJoin(r.below, ", "));
    }
  }
  return r;
}

}  // namespace junheng::eval
