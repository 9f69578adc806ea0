#include "common/validate/county_facts_validator.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/catalog/catalog.h"
#include "common/i18n/validation_messages.h"

namespace junheng::validate {
namespace {

using junheng::v1::CountyFacts;
using FactsField = catalog::Field<CountyFacts>;
namespace facts = catalog::county_facts;
namespace msg = i18n::validation;

void CheckShare(bool has, double value, absl::string_view field, ValidationResult* result) {
  if (!has) return;
  if (!std::isfinite(value) || value < 0 || value > 1) {
    result->Violation(field, absl::StrCat(value), msg::kShare);
  }
}

void CheckNonNegative(bool has, double value, absl::string_view field, ValidationResult* result) {
  if (has && (!std::isfinite(value) || value < 0)) {
    result->Violation(field, absl::StrCat(value), msg::kNegativeAmount);
  }
}

// Counts as the whole numbers they are, other numbers as they are.
std::string NumberText(const FactsField& field, double value) {
  return field.kind == catalog::Kind::kCount ? absl::StrCat(static_cast<int64_t>(value))
                                             : absl::StrCat(value);
}

// part ≤ whole, checked only when both are reported.
void CheckPart(const CountyFacts& f, const FactsField& part, const FactsField& whole,
               ValidationResult* result) {
  std::optional<double> p = part.Number(f), w = whole.Number(f);
  if (p && w && *w >= 0 && *p > *w) {
    result->Violation(part.name, NumberText(part, *p), msg::kPartExceedsWhole,
                      {std::string(whole.name), NumberText(whole, *w)});
  }
}

// first + second ≤ whole, checked only when all three are reported.
void CheckTwoParts(const CountyFacts& f, const FactsField& first, const FactsField& second,
                   const FactsField& whole, ValidationResult* result) {
  std::optional<double> a = first.Number(f), b = second.Number(f), w = whole.Number(f);
  if (a && b && w && *w >= 0 && *a + *b > *w) {
    result->Violation(first.name, NumberText(first, *a), msg::kPartsExceedWhole,
                      {std::string(second.name), NumberText(second, *b), std::string(whole.name),
                       NumberText(whole, *w)});
  }
}

// A rate or ratio the items judge, entered beside the figures it is made of (the forms print
// both): a warning, never a refusal, when the two disagree by more than rounding explains.
// `tolerance` is absolute for shares and ratios, relative for amounts per student.
void CheckStated(const CountyFacts& f, const FactsField& stated, std::optional<double> computed,
                 absl::string_view formula, double tolerance, bool relative,
                 ValidationResult* result) {
  std::optional<double> value = stated.Number(f);
  if (!value || !computed || !std::isfinite(*computed)) return;
  double allowed = relative ? tolerance * std::fabs(*computed) : tolerance;
  if (std::fabs(*value - *computed) <= allowed) return;
  result->Warning(stated.name, absl::StrCat(*value), msg::kStatedDiffers,
                  {std::string(formula), absl::StrFormat("%.4f", *computed)});
}

// a / b when both are reported and b > 0.
std::optional<double> Ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *b <= 0) return std::nullopt;
  return *a / *b;
}

// Half a percentage point: what entering a rate rounded to a tenth of a percent, or a ratio to
// two decimals, can account for.
constexpr double kRateTolerance = 0.005;
// An amount per student rounded to whole yuan stays far inside one percent.
constexpr double kAmountTolerance = 0.01;

void CheckStatedRates(const CountyFacts& f, ValidationResult* result) {
  auto n = [&](const FactsField& field) { return field.Number(f); };
  CheckStated(f, facts::teacher_pay_ratio,
              Ratio(n(facts::teacher_average_pay_yuan), n(facts::civil_servant_average_pay_yuan)),
              "teacher_average_pay_yuan / civil_servant_average_pay_yuan", kRateTolerance, false,
              result);
  CheckStated(f, facts::special_ed_funds_per_student_yuan,
              Ratio(n(facts::special_ed_public_funds_yuan), n(facts::special_ed_students)),
              "special_ed_public_funds_yuan / special_ed_students", kAmountTolerance, true, result);
  CheckStated(f, facts::quality_hs_quota_share,
              Ratio(n(facts::quality_hs_places_allocated), n(facts::quality_hs_places)),
              "quality_hs_places_allocated / quality_hs_places", kRateTolerance, false, result);
  std::optional<double> in_public = n(facts::migrant_children_in_public);
  std::optional<double> in_private = n(facts::migrant_children_in_purchased_private);
  CheckStated(f, facts::migrant_children_public_share,
              in_public && in_private
                  ? Ratio(*in_public + *in_private, n(facts::migrant_children_eligible))
                  : std::nullopt,
              "(migrant_children_in_public + migrant_children_in_purchased_private) / "
              "migrant_children_eligible",
              kRateTolerance, false, result);
  // The method's consolidation rate: (graduates - transfers in + transfers out) / (grade-7
  // entrants three years earlier - deaths).
  std::optional<double> graduates = n(facts::junior_graduates);
  std::optional<double> entrants = n(facts::junior_entrants_three_years_ago);
  std::optional<double> transfers_in = n(facts::junior_transfers_in);
  std::optional<double> deaths = n(facts::junior_deaths);
  std::optional<double> transfers_out = n(facts::junior_transfers_out);
  CheckStated(f, facts::consolidation_rate,
              graduates && entrants && transfers_in && deaths && transfers_out
                  ? Ratio(*graduates - *transfers_in + *transfers_out, *entrants - *deaths)
                  : std::nullopt,
              "(junior_graduates - junior_transfers_in + junior_transfers_out) / "
              "(junior_entrants_three_years_ago - junior_deaths)",
              kRateTolerance, false, result);
  CheckStated(f, facts::disabled_enrollment_rate,
              Ratio(n(facts::disabled_children_enrolled), n(facts::disabled_children)),
              "disabled_children_enrolled / disabled_children", kRateTolerance, false, result);
}

}  // namespace

ValidationResult ValidateCountyFacts(const CountyFacts& f, absl::string_view county_code) {
  ValidationResult result;
  if (!f.county_code().empty() && f.county_code() != county_code) {
    result.Violation(facts::county_code.name, f.county_code(), msg::kCountyFactsDiffers,
                     {std::string(county_code)});
  }
  if (!IsValidCountyCode(county_code)) {
    result.Violation(facts::county_code.name, std::string(county_code), msg::kBadCountyCode);
  }
  if (!IsValidCode(f.period())) {
    result.Violation(facts::period.name, f.period(), msg::kPeriodRequired);
  }
  // Shares are fractions; every other number is a count, an amount or a ratio, never negative.
  // The shares are listed first.
  for (bool shares : {true, false}) {
    for (const FactsField* field : facts::kAll) {
      if (field->number_of == nullptr || (field->kind == catalog::Kind::kShare) != shares) continue;
      std::optional<double> value = field->Number(f);
      if (shares) {
        CheckShare(value.has_value(), value.value_or(0), field->name, &result);
      } else {
        CheckNonNegative(value.has_value(), value.value_or(0), field->name, &result);
      }
    }
  }
  CheckPart(f, facts::rotated_teachers, facts::rotation_eligible_teachers, &result);
  CheckPart(f, facts::rotated_backbone_teachers, facts::rotated_teachers, &result);
  CheckPart(f, facts::survey_satisfied, facts::survey_valid, &result);
  CheckPart(f, facts::agricultural_population_10k, facts::population_10k, &result);
  CheckPart(f, facts::quality_hs_places_allocated, facts::quality_hs_places, &result);
  CheckPart(f, facts::quality_hs_places_rural, facts::quality_hs_places_allocated, &result);
  CheckTwoParts(f, facts::migrant_children_in_public, facts::migrant_children_in_purchased_private,
                facts::migrant_children_eligible, &result);
  CheckPart(f, facts::junior_deaths, facts::junior_entrants_three_years_ago, &result);
  CheckPart(f, facts::disabled_children_enrolled, facts::disabled_children, &result);
  CheckPart(f, facts::disabled_children_in_special_schools, facts::disabled_children_enrolled,
            &result);
  // 表Ⅵ: valid within handed out, satisfied within valid, parents within everyone.
  CheckPart(f, facts::survey_valid, facts::survey_total, &result);
  CheckPart(f, facts::visits_satisfied, facts::visits, &result);
  CheckPart(f, facts::parent_survey_total, facts::survey_total, &result);
  CheckPart(f, facts::parent_survey_valid, facts::parent_survey_total, &result);
  CheckPart(f, facts::parent_survey_valid, facts::survey_valid, &result);
  CheckPart(f, facts::parent_survey_satisfied, facts::parent_survey_valid, &result);
  CheckPart(f, facts::parent_survey_satisfied, facts::survey_satisfied, &result);
  CheckPart(f, facts::parent_visits, facts::visits, &result);
  CheckPart(f, facts::parent_visits_satisfied, facts::parent_visits, &result);
  CheckPart(f, facts::parent_visits_satisfied, facts::visits_satisfied, &result);
  CheckStatedRates(f, &result);
  for (int i = 0; i < f.monitoring_size(); ++i) {
    const auto& m = f.monitoring(i);
    const std::string field = absl::StrCat("monitoring[", i, "]");
    if (m.subject().empty()) result.Violation(field + ".subject", "", msg::kSubjectRequired);
    if (m.has_level() && (m.level() < 1 || m.level() > 4)) {
      result.Violation(field + ".level", absl::StrCat(m.level()), msg::kMonitoringLevel);
    }
    CheckNonNegative(m.has_between_school_rate(), m.between_school_rate(),
                     field + ".between_school_rate", &result);
  }
  return result;
}

}  // namespace junheng::validate
