#include "common/eval/gap_analysis.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/eval/compare.h"
#include "common/eval/difference_coefficient.h"
#include "common/eval/items.h"

namespace junheng::eval {
namespace {

using junheng::v1::Addition;
using junheng::v1::Gap;
using junheng::v1::Profile;

// Whole additions are rounded up; a need within this fraction of a whole unit below an integer is
// that integer (so 3.0000000001 needed teachers are 3, not 4).
constexpr double kWholeSlack = 1e-9;
// Bisection steps for the floor: the interval shrinks by 2^-60, far below a displayed digit.
constexpr int kBisectionSteps = 60;
// Attempts to lift the floor if rounding ever leaves the recomputed coefficient just above cv_max.
constexpr int kVerifyAttempts = 50;

double WholeUp(double need) { return need <= kWholeSlack ? 0 : std::ceil(need - kWholeSlack); }

// The addition that lifts a unit's indicator `i` from its current quantity to at least
// `target_value`, in whole units of the quantity; filled into a fresh `a`.
void MakeAddition(const Unit& unit, int i, double target_value, Addition& a) {
  const IndicatorInfo& info = Indicator(i);
  double current = *unit.quantity[i];
  double before = info.per_students * current / unit.students;
  double need = target_value * unit.students / info.per_students - current;
  Assign(a.mutable_school_code(), unit.school_code);
  Assign(a.mutable_section(), LevelWord(unit.level));
  Assign(a.mutable_indicator(), info.id);
  Assign(a.mutable_quantity(), QuantityField(i, unit.level));
  Assign(a.mutable_unit_zh(), info.unit_zh);
  a.set_value_before(before);
  double gained;
  if (info.facility && unit.facility_share < 1) {
    double school = WholeUp(need / unit.facility_share);
    a.set_school_amount(school);
    a.set_amount(WholeUp(need));
    gained = school * unit.facility_share;
  } else {
    a.set_amount(WholeUp(need));
    a.set_school_amount(a.amount());
    gained = a.amount();
  }
  a.set_value_after(info.per_students * (current + gained) / unit.students);
}

// `raised` is scratch space, reused across the bisection's steps.
std::optional<double> FloorCv(const IndicatorSeries& s, double floor, std::vector<double>& raised) {
  raised.resize(s.x.size());
  for (size_t k = 0; k < s.x.size(); ++k) raised[k] = std::max(s.x[k], floor);
  return DifferenceCoefficient(raised, s.w).cv;
}

// Filled into a fresh `gap`.
void CoefficientGap(const IndicatorSeries& s, Level level, int i, double cv, double cv_max,
                    Gap& gap) {
  Assign(gap.mutable_kind(), "coefficient");
  Assign(gap.mutable_level(), LevelWord(level));
  Assign(gap.mutable_indicator(), Indicator(i).id);
  Assign(gap.mutable_name_zh(), Indicator(i).name_zh);
  gap.set_value(cv);
  gap.set_threshold(cv_max);

  Coefficient c = DifferenceCoefficient(s.x, s.w);
  double total = std::accumulate(s.w.begin(), s.w.end(), 0.0);
  double variance = c.sd * c.sd;
  std::vector<size_t> order(s.x.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<double> share(s.x.size());
  for (size_t k = 0; k < s.x.size(); ++k) {
    double d = s.x[k] - c.mean;
    share[k] = variance > 0 ? s.w[k] / total * d * d / variance : 0;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return share[a] > share[b]; });
  for (size_t n = 0; n < order.size() && n < static_cast<size_t>(kMaxContributors); ++n) {
    size_t k = order[n];
    junheng::v1::Contributor* con = gap.add_contributors();
    Assign(con->mutable_school_code(), s.units[k]->school_code);
    Assign(con->mutable_section(), LevelWord(level));
    con->set_value(s.x[k]);
    con->set_students(s.units[k]->students);
    con->set_variance_share(share[k]);
  }

  // Smallest floor that passes: the coefficient falls as the floor rises and is 0 at the maximum.
  double lo = *std::min_element(s.x.begin(), s.x.end());
  double hi = *std::max_element(s.x.begin(), s.x.end());
  std::vector<double> raised;
  for (int step = 0; step < kBisectionSteps; ++step) {
    double mid = lo + (hi - lo) / 2;
    std::optional<double> v = FloorCv(s, mid, raised);
    if (v && AtMost(*v, cv_max)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  double floor = hi;
  double top = *std::max_element(s.x.begin(), s.x.end());
  double lift = (top - floor) / kVerifyAttempts;
  for (int attempt = 0; attempt <= kVerifyAttempts; ++attempt) {
    gap.clear_additions();
    std::vector<double> after = s.x;
    for (size_t k = 0; k < s.x.size(); ++k) {
      if (!Below(s.x[k], floor)) continue;
      Addition& a = *gap.add_additions();
      MakeAddition(*s.units[k], i, floor, a);
      after[k] = a.value_after();
    }
    std::optional<double> recomputed = DifferenceCoefficient(after, s.w).cv;
    gap.set_value_after(recomputed.value_or(0));
    gap.set_verified(recomputed && AtMost(*recomputed, cv_max));
    if (gap.verified()) break;
    floor = std::min(top, floor + lift);
  }
  gap.set_method(absl::StrCat(
      "raise every unit below a floor of ", absl::StrFormat("%.4g", floor),
      " to it (smallest such floor, by bisection), in whole units; coefficient recomputed"));
}

}  // namespace

std::vector<Gap> AnalyzeGaps(const UnitSet& units, const Profile& profile) {
  google::protobuf::RepeatedPtrField<Gap> found;
  AnalyzeGaps(units, profile, &found);
  std::vector<Gap> gaps;
  gaps.reserve(found.size());
  for (Gap& gap : found) gaps.push_back(std::move(gap));
  return gaps;
}

void AnalyzeGaps(const UnitSet& units, const Profile& profile,
                 google::protobuf::RepeatedPtrField<Gap>* out) {
  IndicatorSeries s;
  for (Level level : kLevels) {
    const std::vector<Unit>& list = units.of(level);
    const junheng::v1::LevelProfile& thresholds = LevelThresholds(profile, level);
    // Unit gaps.
    for (const Unit& unit : list) {
      if (unit.excluded || unit.students <= 0) continue;
      IndicatorArray values = unit.Values();
      for (int i = 0; i < kIndicatorCount; ++i) {
        double min = thresholds.indicator_min(i);
        if (!values[i] || !Below(*values[i], min)) continue;
        Gap& gap = *out->Add();
        Assign(gap.mutable_kind(), "unit");
        Assign(gap.mutable_level(), LevelWord(level));
        Assign(gap.mutable_indicator(), Indicator(i).id);
        Assign(gap.mutable_name_zh(), Indicator(i).name_zh);
        Assign(gap.mutable_school_code(), unit.school_code);
        Assign(gap.mutable_section(), LevelWord(level));
        gap.set_value(*values[i]);
        gap.set_threshold(min);
        Addition& a = *gap.add_additions();
        MakeAddition(unit, i, min, a);
        gap.set_value_after(a.value_after());
        gap.set_verified(AtLeast(a.value_after(), min));
        Assign(gap.mutable_method(),
               "smallest whole addition reaching the minimum: ceil(min x P / per - current)");
      }
    }
    // Coefficient gaps.
    for (int i = 0; i < kIndicatorCount; ++i) {
      SeriesOf(list, i, s);
      std::optional<double> cv = DifferenceCoefficient(s.x, s.w).cv;
      if (!cv || AtMost(*cv, thresholds.cv_max())) continue;
      CoefficientGap(s, level, i, *cv, thresholds.cv_max(), *out->Add());
    }
  }
}

}  // namespace junheng::eval
