#include "common/validate/school_validator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/catalog/school_sections.h"

namespace junheng::validate {

namespace school_fields = catalog::school;

ValidationResult ValidateSchool(const junheng::v1::School& school, absl::string_view county_code) {
  ValidationResult result;
  if (!IsValidCode(school.school_code())) {
    result.Violation("school_code", school.school_code(),
                     "is required: 1-64 letters, digits, '.', '_' or '-'");
  }
  if (school.school_name().empty()) {
    result.Violation("school_name", "", "is required: the official name");
  }
  if (!catalog::SectionsOf(school.school_type())) {
    result.Violation(
        "school_type", school.school_type(),
        absl::StrCat("must be one of ", catalog::WordList(school_fields::school_type, ", ")));
  }
  if (!IsValidCountyCode(county_code)) {
    result.Violation("county_code", county_code, "must be the 6-digit division code, e.g. 140430");
  } else if (school.county_code().empty()) {
    result.Violation("county_code", "", absl::StrCat("is required (", county_code, ")"));
  } else if (school.county_code() != county_code) {
    result.Violation("county_code", school.county_code(),
                     absl::StrCat("differs from the county being imported (", county_code, ")"));
  }
  for (const catalog::Field<junheng::v1::School>* field :
       {&school_fields::locale, &school_fields::ownership}) {
    absl::string_view word = field->Text(school);
    if (!word.empty() && field->FindWord(word) == nullptr) {
      result.Violation(field->name, std::string(word),
                       absl::StrCat("must be ", catalog::WordList(*field, ", ", " or ")));
    }
  }
  if (school.school_type() == "teaching_point" && school.parent_school_code().empty()) {
    result.Warning("parent_school_code", "",
                   "a teaching point should name its central school (needed to merge it)");
  }
  if (!school.parent_school_code().empty() && !IsValidCode(school.parent_school_code())) {
    result.Violation("parent_school_code", school.parent_school_code(),
                     "use the parent's school_code");
  }
  if (school.has_target_year() && (school.target_year() < 2000 || school.target_year() > 2100)) {
    result.Violation("target_year", absl::StrCat(school.target_year()),
                     "must be a year such as 2026");
  }
  if (school.has_built_year() && (school.built_year() < 1800 || school.built_year() > 2100)) {
    result.Violation("built_year", absl::StrCat(school.built_year()),
                     "must be a year such as 1998");
  }
  return result;
}

}  // namespace junheng::validate
