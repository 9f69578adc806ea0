#include "common/eval/difference_coefficient.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "common/eval/compact_units.h"

namespace junheng::eval {

Coefficient DifferenceCoefficient(std::span<const double> values, std::span<const double> weights) {
  Coefficient c;
  c.units = static_cast<int>(values.size());
  double total = 0;
  double weighted = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    total += weights[i];
    weighted += weights[i] * values[i];
  }
  if (total <= 0) {
    c.reason = "no students in the level's units";
    return c;
  }
  c.mean = weighted / total;
  double variance = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    double d = values[i] - c.mean;
    variance += weights[i] / total * d * d;
  }
  c.sd = std::sqrt(variance);
  if (values.size() < 2) {
    c.reason = absl::StrCat("undefined: fewer than 2 units (", values.size(), ")");
    return c;
  }
  if (c.mean == 0) {
    c.reason = "undefined: the weighted mean is 0";
    return c;
  }
  c.cv = c.sd / c.mean;
  return c;
}

namespace {

// The sweep of LevelCoefficients over any unit list: `counted(u)` says whether the unit takes part
// (not excluded, students > 0), `has(u, i)` and `quantity(u, i)` give its numerator of indicator i.
template <typename Units, typename Counted, typename Has, typename Quantity>
std::array<Coefficient, kIndicatorCount> Sweep(const Units& units, Counted counted, Has has,
                                               Quantity quantity) {
  std::array<double, kIndicatorCount> per;
  for (int i = 0; i < kIndicatorCount; ++i) per[i] = Indicator(i).per_students;
  std::array<double, kIndicatorCount> total{};
  std::array<double, kIndicatorCount> weighted{};
  std::array<int, kIndicatorCount> count{};
  for (const auto& u : units) {
    if (!counted(u)) continue;
    for (int i = 0; i < kIndicatorCount; ++i) {
      if (!has(u, i)) continue;
      // P_i x X_i = per_students x quantity: no division needed for the weighted sum.
      total[i] += u.students;
      weighted[i] += per[i] * quantity(u, i);
      ++count[i];
    }
  }
  std::array<Coefficient, kIndicatorCount> out;
  std::array<double, kIndicatorCount> variance{};
  for (int i = 0; i < kIndicatorCount; ++i) {
    out[i].units = count[i];
    if (total[i] > 0) out[i].mean = weighted[i] / total[i];
  }
  for (const auto& u : units) {
    if (!counted(u)) continue;
    for (int i = 0; i < kIndicatorCount; ++i) {
      if (!has(u, i)) continue;
      double d = per[i] * quantity(u, i) / u.students - out[i].mean;
      variance[i] += u.students / total[i] * d * d;
    }
  }
  for (int i = 0; i < kIndicatorCount; ++i) {
    Coefficient& c = out[i];
    if (total[i] <= 0) {
      c.reason = "no students in the level's units";
      continue;
    }
    c.sd = std::sqrt(variance[i]);
    if (c.units < 2) {
      c.reason = absl::StrCat("undefined: fewer than 2 units (", c.units, ")");
    } else if (c.mean == 0) {
      c.reason = "undefined: the weighted mean is 0";
    } else {
      c.cv = c.sd / c.mean;
    }
  }
  return out;
}

}  // namespace

std::array<Coefficient, kIndicatorCount> LevelCoefficients(const std::vector<Unit>& units) {
  return Sweep(
      units, [](const Unit& u) { return !u.excluded && u.students > 0; },
      [](const Unit& u, int i) { return u.quantity[i].has_value(); },
      [](const Unit& u, int i) { return *u.quantity[i]; });
}

std::array<Coefficient, kIndicatorCount> LevelCoefficients(const std::vector<CompactUnit>& units) {
  return Sweep(
      units, [](const CompactUnit& u) { return !u.excluded && u.students > 0; },
      [](const CompactUnit& u, int i) { return ((u.present >> i) & 1) != 0; },
      [](const CompactUnit& u, int i) { return u.quantity[i]; });
}

}  // namespace junheng::eval
