#include "common/eval/difference_coefficient.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "common/i18n/evaluation_messages.h"

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
    c.reason = i18n::Say(i18n::evaluation::kNoStudents);
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
    c.reason = i18n::Say(i18n::evaluation::kTooFewUnits, values.size());
    return c;
  }
  if (c.mean == 0) {
    c.reason = i18n::Say(i18n::evaluation::kZeroMean);
    return c;
  }
  c.cv = c.sd / c.mean;
  return c;
}

void SeriesOf(const std::vector<Unit>& units, int i, IndicatorSeries& s) {
  s.units.clear();
  s.x.clear();
  s.w.clear();
  for (const Unit& u : units) {
    if (u.excluded || u.students <= 0 || !u.quantity[i]) continue;
    s.units.push_back(&u);
    s.x.push_back(Indicator(i).per_students * *u.quantity[i] / u.students);
    s.w.push_back(u.students);
  }
}

std::array<Coefficient, kIndicatorCount> LevelCoefficients(const std::vector<Unit>& units) {
  std::array<Coefficient, kIndicatorCount> out;
  IndicatorSeries s;
  for (int i = 0; i < kIndicatorCount; ++i) {
    SeriesOf(units, i, s);
    out[i] = DifferenceCoefficient(s.x, s.w);
  }
  return out;
}

}  // namespace junheng::eval
