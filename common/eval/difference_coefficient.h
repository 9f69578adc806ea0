#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/eval/units.h"

namespace junheng::eval {

// The inter-school difference coefficient (差异系数) of one indicator over the units of one level:
// the student-weighted population coefficient of variation (evaluation-method.md section 2),
//   mean = Σ P_i X_i / P,  sd = sqrt(Σ (P_i / P)(X_i - mean)²),  cv = sd / mean.
struct Coefficient {
  double mean = 0;
  double sd = 0;
  // Undefined (unset, with `reason`) for fewer than 2 units, no students, or a zero mean.
  std::optional<double> cv;
  std::string reason;
  int units = 0;
};

// `values[i]` is unit i's indicator value and `weights[i]` its students; the spans have equal size.
Coefficient DifferenceCoefficient(std::span<const double> values, std::span<const double> weights);

// One indicator over the units of a level: the units that take part (not excluded, with students
// and a value for the indicator), in unit order, with their values X_i and students P_i.
struct IndicatorSeries {
  std::vector<const Unit*> units;
  std::vector<double> x;
  std::vector<double> w;
};
// Fills `series` with indicator `i` of `units` (its buffers are reused).
void SeriesOf(const std::vector<Unit>& units, int i, IndicatorSeries& series);

// The seven coefficients of one level: DifferenceCoefficient of each indicator's series, so that a
// unit without a value for an indicator is left out of that indicator's coefficient.
std::array<Coefficient, kIndicatorCount> LevelCoefficients(const std::vector<Unit>& units);

}  // namespace junheng::eval
