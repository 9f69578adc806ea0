#include "common/eval/levels.h"

#include <array>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/eval/compare.h"
#include "common/eval/difference_coefficient.h"
#include "common/eval/items.h"
#include "common/eval/unit_rule.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {

using junheng::v1::IndicatorResult;
using junheng::v1::LevelResult;
using junheng::v1::Profile;
using junheng::v1::UnitResult;

void FillUnitMessage(const Unit& unit, UnitResult& out) {
  FillUnitMessage(unit, unit.Values(), out);
}

void FillUnitMessage(const Unit& unit, const IndicatorArray& values, UnitResult& out) {
  Assign(out.mutable_school_code(), unit.school_code);
  Assign(out.mutable_school_name(), unit.school_name);
  Assign(out.mutable_school_type(), unit.school_type);
  Assign(out.mutable_section(), LevelWord(unit.level));
  out.set_students(unit.students);
  ToMessage(values, out.mutable_values());
  out.set_excluded(unit.excluded);
  if (!unit.exclusion_reason.empty()) out.set_exclusion_reason(unit.exclusion_reason);
  out.set_facility_share(unit.facility_share);
  for (const std::string& f : unit.missing_fields) out.add_missing_fields(f);
  for (const std::string& c : unit.merged_school_codes) out.add_merged_school_codes(c);
  if (unit.excluded) Assign(out.mutable_status(), "excluded");
}

void EvaluateLevel(const std::vector<Unit>& units, Level level, const Profile& profile,
                   LevelResult& result) {
  Assign(result.mutable_level(), LevelWord(level));
  Assign(result.mutable_name_zh(), LevelNameZh(level));
  const junheng::v1::LevelProfile& thresholds = LevelThresholds(profile, level);

  bool units_fail = false;
  bool units_unknown = false;
  std::vector<IndicatorArray> values;  // of the units not excluded
  values.reserve(units.size());
  result.mutable_units()->Reserve(static_cast<int>(units.size()));
  for (const Unit& unit : units) {
    UnitResult* out = result.add_units();
    IndicatorArray v = unit.Values();
    FillUnitMessage(unit, v, *out);
    if (unit.excluded) continue;
    UnitRuleResult rule = ApplyUnitRule(v, level, profile);
    out->set_met_count(rule.met_count);
    out->set_meets(rule.meets);
    Assign(out->mutable_status(), rule.status);
    for (absl::string_view id : rule.below) Assign(out->add_below(), id);
    std::string reason = std::move(rule.reason);
    if (!unit.missing_fields.empty()) {
      reason = absl::StrCat(
          reason.empty() ? "" : reason + "; ",
          i18n::Say(i18n::evaluation::kNotReported, absl::StrJoin(unit.missing_fields, ", ")));
    }
    if (!reason.empty()) out->set_reason(std::move(reason));
    if (rule.status == kFail) units_fail = true;
    if (rule.status == kNotJudged) units_unknown = true;
    if (rule.meets) result.set_units_meeting(result.units_meeting() + 1);
    values.push_back(v);
  }

  bool coefficients_fail = false;
  bool coefficients_unknown = false;
  double cv_sum = 0;
  bool all_defined = true;
  std::array<Coefficient, kIndicatorCount> coefficients = LevelCoefficients(units);
  for (int i = 0; i < kIndicatorCount; ++i) {
    int missing = 0;
    int below = 0;
    double min = thresholds.indicator_min(i);
    for (size_t u = 0; u < values.size(); ++u) {
      if (!values[u][i]) {
        ++missing;
        continue;
      }
      if (Below(*values[u][i], min)) ++below;
    }
    const Coefficient& c = coefficients[i];
    IndicatorResult* ind = result.add_indicators();
    Assign(ind->mutable_id(), Indicator(i).id);
    Assign(ind->mutable_name_zh(), Indicator(i).name_zh);
    Assign(ind->mutable_unit_zh(), Indicator(i).unit_zh);
    ind->set_mean(c.mean);
    ind->set_sd(c.sd);
    ind->set_threshold(thresholds.cv_max());
    ind->set_unit_threshold(min);
    ind->set_units(c.units);
    ind->set_units_below(below);
    ind->set_units_missing(missing);
    if (c.cv) {
      ind->mutable_cv()->set_number_value(*c.cv);
      cv_sum += *c.cv;
    } else {
      ind->mutable_cv()->set_null_value(google::protobuf::NULL_VALUE);
      all_defined = false;
    }
    absl::string_view status;
    if (c.cv && !AtMost(*c.cv, thresholds.cv_max())) {
      status = kFail;
      absl::StrAppend(ind->mutable_cv_reason(),
                      i18n::Say(i18n::evaluation::kCvOver, Num(*c.cv), Num(thresholds.cv_max())));
    } else if (!c.cv) {
      status = kNotJudged;
      ind->set_cv_reason(c.reason);
    } else if (missing > 0) {
      status = kNotJudged;
      absl::StrAppend(ind->mutable_cv_reason(),
                      i18n::Say(i18n::evaluation::kCvPartial, missing, c.units, Num(*c.cv)));
    } else {
      status = kPass;
    }
    Assign(ind->mutable_status(), status);
    ind->set_pass(status == kPass);
    if (status == kFail) coefficients_fail = true;
    if (status == kNotJudged) coefficients_unknown = true;
  }
  if (all_defined) {
    result.mutable_mean_cv()->set_number_value(cv_sum / kIndicatorCount);
  } else {
    result.mutable_mean_cv()->set_null_value(google::protobuf::NULL_VALUE);
  }

  if (units_fail) {
    absl::StrAppend(result.add_reasons(), i18n::Say(i18n::evaluation::kUnitsFail,
                                                    values.size() - result.units_meeting()));
  }
  for (const IndicatorResult& ind : result.indicators()) {
    if (ind.status() != kPass)
      absl::StrAppend(result.add_reasons(), ind.id(), ": ", ind.cv_reason());
  }
  absl::string_view status = units_fail || coefficients_fail         ? kFail
                             : units_unknown || coefficients_unknown ? kNotJudged
                                                                     : kPass;
  Assign(result.mutable_status(), status);
  result.set_pass(status == kPass);
}

}  // namespace junheng::eval
