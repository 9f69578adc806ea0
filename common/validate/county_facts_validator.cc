#include "common/validate/county_facts_validator.h"

#include <cmath>

#include "absl/strings/str_cat.h"

namespace junheng::validate {
namespace {

using junheng::v1::CountyFacts;

void CheckShare(bool has, double value, absl::string_view field, ValidationResult* result) {
  if (!has) return;
  if (!std::isfinite(value) || value < 0 || value > 1) {
    result->Violation(field, absl::StrCat(value),
                      "is a fraction between 0 and 1 (write 0.95 for 95%)");
  }
}

void CheckNonNegative(bool has, double value, absl::string_view field, ValidationResult* result) {
  if (has && (!std::isfinite(value) || value < 0)) {
    result->Violation(field, absl::StrCat(value), "must not be negative");
  }
}

void CheckPart(bool has_part, int part, absl::string_view part_name, bool has_whole, int whole,
               absl::string_view whole_name, ValidationResult* result) {
  if (has_part && has_whole && whole >= 0 && part > whole) {
    result->Violation(part_name, absl::StrCat(part),
                      absl::StrCat("must not exceed ", whole_name, " (", whole, ")"));
  }
}

}  // namespace

ValidationResult ValidateCountyFacts(const CountyFacts& f, absl::string_view county_code) {
  ValidationResult result;
  if (!f.county_code().empty() && f.county_code() != county_code) {
    result.Violation("county_code", f.county_code(),
                     absl::StrCat("differs from the county written to (", county_code, ")"));
  }
  if (!IsValidCountyCode(county_code)) {
    result.Violation("county_code", std::string(county_code), "must be the 6-digit division code");
  }
  if (!IsValidCode(f.period())) {
    result.Violation("period", f.period(), "is required, e.g. 2024");
  }
  CheckShare(f.has_quality_hs_quota_share(), f.quality_hs_quota_share(), "quality_hs_quota_share",
             &result);
  CheckShare(f.has_migrant_children_public_share(), f.migrant_children_public_share(),
             "migrant_children_public_share", &result);
  CheckShare(f.has_consolidation_rate(), f.consolidation_rate(), "consolidation_rate", &result);
  CheckShare(f.has_disabled_enrollment_rate(), f.disabled_enrollment_rate(),
             "disabled_enrollment_rate", &result);
  CheckNonNegative(f.has_public_funds_quota_primary_yuan(), f.public_funds_quota_primary_yuan(),
                   "public_funds_quota_primary_yuan", &result);
  CheckNonNegative(f.has_public_funds_quota_junior_yuan(), f.public_funds_quota_junior_yuan(),
                   "public_funds_quota_junior_yuan", &result);
  CheckNonNegative(f.has_special_ed_funds_per_student_yuan(), f.special_ed_funds_per_student_yuan(),
                   "special_ed_funds_per_student_yuan", &result);
  CheckNonNegative(f.has_teacher_pay_ratio(), f.teacher_pay_ratio(), "teacher_pay_ratio", &result);
  CheckNonNegative(f.has_rotation_eligible_teachers(), f.rotation_eligible_teachers(),
                   "rotation_eligible_teachers", &result);
  CheckNonNegative(f.has_rotated_teachers(), f.rotated_teachers(), "rotated_teachers", &result);
  CheckNonNegative(f.has_rotated_backbone_teachers(), f.rotated_backbone_teachers(),
                   "rotated_backbone_teachers", &result);
  CheckNonNegative(f.has_survey_valid(), f.survey_valid(), "survey_valid", &result);
  CheckNonNegative(f.has_survey_satisfied(), f.survey_satisfied(), "survey_satisfied", &result);
  CheckPart(f.has_rotated_teachers(), f.rotated_teachers(), "rotated_teachers",
            f.has_rotation_eligible_teachers(), f.rotation_eligible_teachers(),
            "rotation_eligible_teachers", &result);
  CheckPart(f.has_rotated_backbone_teachers(), f.rotated_backbone_teachers(),
            "rotated_backbone_teachers", f.has_rotated_teachers(), f.rotated_teachers(),
            "rotated_teachers", &result);
  CheckPart(f.has_survey_satisfied(), f.survey_satisfied(), "survey_satisfied",
            f.has_survey_valid(), f.survey_valid(), "survey_valid", &result);
  for (int i = 0; i < f.monitoring_size(); ++i) {
    const auto& m = f.monitoring(i);
    const std::string field = absl::StrCat("monitoring[", i, "]");
    if (m.subject().empty())
      result.Violation(field + ".subject", "", "name the subject, e.g. 数学");
    if (m.has_level() && (m.level() < 1 || m.level() > 4)) {
      result.Violation(field + ".level", absl::StrCat(m.level()), "is a level from 1 to 4 (I-IV)");
    }
    CheckNonNegative(m.has_between_school_rate(), m.between_school_rate(),
                     field + ".between_school_rate", &result);
  }
  return result;
}

}  // namespace junheng::validate
