#include "common/validate/county_facts_validator.h"

#include <cmath>
#include <cstdint>
#include <optional>

#include "absl/strings/str_cat.h"
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

// part ≤ whole, checked only when both are reported.
void CheckPart(const CountyFacts& f, const FactsField& part, const FactsField& whole,
               ValidationResult* result) {
  // Counts: printed as the whole numbers they are.
  std::optional<double> p = part.Number(f), w = whole.Number(f);
  if (p && w && *w >= 0 && *p > *w) {
    result->Violation(part.name, absl::StrCat(static_cast<int64_t>(*p)), msg::kPartExceedsWhole,
                      {std::string(whole.name), absl::StrCat(static_cast<int64_t>(*w))});
  }
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
