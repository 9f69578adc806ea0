#include "server/bureau/consistency.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "common/catalog/fields.h"
#include "common/eval/indicators.h"
#include "common/i18n/numbers.h"
#include "common/i18n/server_messages.h"

namespace junheng::server {
namespace {

using junheng::v1::ConsistencyWarning;
using junheng::v1::SchoolReport;

namespace report_fields = catalog::report;

// The quantities whose period-to-period change is checked.
constexpr const catalog::Field<SchoolReport>* kQuantities[] = {
    &report_fields::primary_students,     &report_fields::junior_students,
    &report_fields::primary_teachers,     &report_fields::junior_teachers,
    &report_fields::teaching_aux_area_m2, &report_fields::sports_area_m2,
    &report_fields::equipment_value_yuan, &report_fields::multimedia_classrooms,
};

// A value as the bureau reads it in a warning: no exponent (2595200, not 2.5952e+06), two
// decimals at most, thousands grouped from ten thousand on (money, areas).
std::string Figure(double value) {
  const double rounded = std::round(value * 100) / 100;
  const bool whole = rounded == std::round(rounded);
  return i18n::PeopleNumber(rounded, whole ? 0 : 2, std::abs(rounded) >= 10000);
}

// A change in whole percent with its sign: +25, -31.
std::string SignedPercent(double share) {
  const std::string digits = i18n::PeopleNumber(100 * share, 0);
  return share > 0 && digits != "0" ? "+" + digits : digits;
}

// A level as the reader calls it: 小学 / 初中, or the stored word (primary, junior) in English.
std::string LevelText(const std::string& word) {
  if (i18n::CurrentLang() == i18n::Lang::kEn) return word;
  return std::string(eval::LevelNameZh(word == eval::LevelWord(eval::Level::kJunior)
                                           ? eval::Level::kJunior
                                           : eval::Level::kPrimary));
}

double Median(std::vector<double> values) {
  const size_t n = values.size();
  std::nth_element(values.begin(), values.begin() + n / 2, values.end());
  double upper = values[n / 2];
  if (n % 2 == 1) return upper;
  double lower = *std::max_element(values.begin(), values.begin() + n / 2);
  return (lower + upper) / 2;
}

}  // namespace

std::vector<ConsistencyWarning> ConsistencyWarnings(
    const std::vector<SchoolReport>& current, const std::map<std::string, SchoolReport>& previous,
    const junheng::v1::Evaluation& evaluation, const junheng::v1::Profile& profile) {
  std::vector<ConsistencyWarning> warnings;
  const double max_change = profile.consistency_max_change_share();
  for (const SchoolReport& report : current) {
    auto before = previous.find(report.school_code());
    if (before == previous.end()) continue;
    for (const catalog::Field<SchoolReport>* q : kQuantities) {
      const std::optional<double> now_value = q->Number(report);
      const std::optional<double> then_value = q->Number(before->second);
      if (!now_value || !then_value) continue;
      const double now = *now_value, then = *then_value;
      if (then <= 0 || std::abs(now - then) / then <= max_change) continue;
      ConsistencyWarning w;
      w.set_school_code(report.school_code());
      w.set_field(std::string(q->name));
      w.set_value(now);
      w.set_reference(then);
      w.set_kind("change");
      w.set_message(i18n::Say(i18n::server::kChange, Figure(now), report.period(), Figure(then),
                              before->second.period(), SignedPercent((now - then) / then)));
      warnings.push_back(std::move(w));
    }
  }

  const double k = profile.consistency_outlier_mad_k();
  for (const auto& level : evaluation.levels()) {
    std::vector<std::pair<const junheng::v1::UnitResult*, eval::IndicatorArray>> units;
    for (const auto& unit : level.units()) {
      if (!unit.excluded()) units.emplace_back(&unit, eval::FromMessage(unit.values()));
    }
    for (int i = 0; i < eval::kIndicatorCount; ++i) {
      std::vector<std::pair<const junheng::v1::UnitResult*, double>> values;
      for (const auto& [unit, unit_values] : units) {
        if (unit_values[i]) values.emplace_back(unit, *unit_values[i]);
      }
      // Too few units to say what is usual: no outlier warning (the profile's minimum).
      if (values.size() < static_cast<size_t>(std::max(3, profile.consistency_outlier_min_units())))
        continue;
      std::vector<double> xs;
      for (const auto& [unit, x] : values) xs.push_back(x);
      const double median = Median(xs);
      std::vector<double> deviations;
      for (double x : xs) deviations.push_back(std::abs(x - median));
      const double scale = 1.4826 * Median(deviations);
      if (scale <= 0) continue;
      const std::string id(eval::Indicator(i).id);
      for (const auto& [unit, x] : values) {
        const double z = (x - median) / scale;
        if (std::abs(z) <= k) continue;
        ConsistencyWarning w;
        w.set_school_code(unit->school_code());
        w.set_field(id);
        w.set_value(x);
        w.set_reference(median);
        w.set_kind("outlier");
        w.set_message(i18n::Say(i18n::server::kOutlier, LevelText(level.level()), id,
                                i18n::PeopleNumber(x, 2), i18n::PeopleNumber(median, 2),
                                i18n::PeopleNumber(z, 1)));
        warnings.push_back(std::move(w));
      }
    }
  }
  std::stable_sort(warnings.begin(), warnings.end(), [](const auto& a, const auto& b) {
    return std::tie(a.school_code(), a.field()) < std::tie(b.school_code(), b.field());
  });
  return warnings;
}

}  // namespace junheng::server
