#include "server/bureau/consistency.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "absl/strings/str_format.h"

namespace junheng::server {
namespace {

using junheng::v1::ConsistencyWarning;
using junheng::v1::SchoolReport;

// The quantities whose period-to-period change is checked, with their accessors.
struct Quantity {
  const char* field;
  bool (SchoolReport::*has)() const;
  double (*value)(const SchoolReport&);
};

const Quantity kQuantities[] = {
    {"primary_students", &SchoolReport::has_primary_students,
     [](const SchoolReport& r) { return double(r.primary_students()); }},
    {"junior_students", &SchoolReport::has_junior_students,
     [](const SchoolReport& r) { return double(r.junior_students()); }},
    {"primary_teachers", &SchoolReport::has_primary_teachers,
     [](const SchoolReport& r) { return double(r.primary_teachers()); }},
    {"junior_teachers", &SchoolReport::has_junior_teachers,
     [](const SchoolReport& r) { return double(r.junior_teachers()); }},
    {"teaching_aux_area_m2", &SchoolReport::has_teaching_aux_area_m2,
     [](const SchoolReport& r) { return r.teaching_aux_area_m2(); }},
    {"sports_area_m2", &SchoolReport::has_sports_area_m2,
     [](const SchoolReport& r) { return r.sports_area_m2(); }},
    {"equipment_value_yuan", &SchoolReport::has_equipment_value_yuan,
     [](const SchoolReport& r) { return r.equipment_value_yuan(); }},
    {"multimedia_classrooms", &SchoolReport::has_multimedia_classrooms,
     [](const SchoolReport& r) { return double(r.multimedia_classrooms()); }},
};

double Median(std::vector<double> values) {
  const size_t n = values.size();
  std::nth_element(values.begin(), values.begin() + n / 2, values.end());
  double upper = values[n / 2];
  if (n % 2 == 1) return upper;
  double lower = *std::max_element(values.begin(), values.begin() + n / 2);
  return (lower + upper) / 2;
}

std::optional<double> IndicatorValue(const junheng::v1::IndicatorValues& v, int i) {
  switch (i) {
    case 0:
      return v.has_l1() ? std::optional(v.l1()) : std::nullopt;
    case 1:
      return v.has_l2() ? std::optional(v.l2()) : std::nullopt;
    case 2:
      return v.has_l3() ? std::optional(v.l3()) : std::nullopt;
    case 3:
      return v.has_l4() ? std::optional(v.l4()) : std::nullopt;
    case 4:
      return v.has_l5() ? std::optional(v.l5()) : std::nullopt;
    case 5:
      return v.has_l6() ? std::optional(v.l6()) : std::nullopt;
    default:
      return v.has_l7() ? std::optional(v.l7()) : std::nullopt;
  }
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
    for (const Quantity& q : kQuantities) {
      if (!(report.*q.has)() || !(before->second.*q.has)()) continue;
      const double now = q.value(report), then = q.value(before->second);
      if (then <= 0 || std::abs(now - then) / then <= max_change) continue;
      ConsistencyWarning w;
      w.set_school_code(report.school_code());
      w.set_field(q.field);
      w.set_value(now);
      w.set_reference(then);
      w.set_kind("change");
      w.set_message(absl::StrFormat("%g in %s, was %g in %s (%+.0f%%); check it or explain it", now,
                                    report.period(), then, before->second.period(),
                                    100 * (now - then) / then));
      warnings.push_back(std::move(w));
    }
  }

  const double k = profile.consistency_outlier_mad_k();
  for (const auto& level : evaluation.levels()) {
    for (int i = 0; i < 7; ++i) {
      std::vector<std::pair<const junheng::v1::UnitResult*, double>> values;
      for (const auto& unit : level.units()) {
        if (unit.excluded()) continue;
        if (auto v = IndicatorValue(unit.values(), i)) values.emplace_back(&unit, *v);
      }
      if (values.size() < 3) continue;  // no meaningful centre below three units
      std::vector<double> xs;
      for (const auto& [unit, x] : values) xs.push_back(x);
      const double median = Median(xs);
      std::vector<double> deviations;
      for (double x : xs) deviations.push_back(std::abs(x - median));
      const double scale = 1.4826 * Median(deviations);
      if (scale <= 0) continue;
      const std::string id = absl::StrFormat("L%d", i + 1);
      for (const auto& [unit, x] : values) {
        const double z = (x - median) / scale;
        if (std::abs(z) <= k) continue;
        ConsistencyWarning w;
        w.set_school_code(unit->school_code());
        w.set_field(id);
        w.set_value(x);
        w.set_reference(median);
        w.set_kind("outlier");
        w.set_message(absl::StrFormat(
            "%s %s = %.2f is far from the county's %s median %.2f (%.1f robust deviations); "
            "check the figures behind it",
            level.level(), id, x, level.level(), median, z));
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
