#include "common/validate/school_validator.h"

#include <cstdint>
#include <optional>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/catalog/school_sections.h"

namespace junheng::validate {

namespace school_fields = catalog::school;

ValidationResult ValidateSchool(const junheng::v1::School& school, absl::string_view county_code) {
  ValidationResult result;
  if (!IsValidCode(school.school_code())) {
    result.Violation(school_fields::school_code.name, school.school_code(),
                     "is required: 1-64 letters, digits, '.', '_' or '-'");
  }
  if (school.school_name().empty()) {
    result.Violation(school_fields::school_name.name, "", "is required: the official name");
  }
  if (!catalog::SectionsOf(school.school_type())) {
    result.Violation(
        school_fields::school_type.name, school.school_type(),
        absl::StrCat("must be one of ", catalog::WordList(school_fields::school_type, ", ")));
  }
  if (!IsValidCountyCode(county_code)) {
    result.Violation(school_fields::county_code.name, county_code,
                     "must be the 6-digit division code, e.g. 140430");
  } else if (school.county_code().empty()) {
    result.Violation(school_fields::county_code.name, "",
                     absl::StrCat("is required (", county_code, ")"));
  } else if (school.county_code() != county_code) {
    result.Violation(school_fields::county_code.name, school.county_code(),
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
    result.Warning(school_fields::parent_school_code.name, "",
                   "a teaching point should name its central school (needed to merge it)");
  }
  if (!school.parent_school_code().empty() && !IsValidCode(school.parent_school_code())) {
    result.Violation(school_fields::parent_school_code.name, school.parent_school_code(),
                     "use the parent's school_code");
  }
  // Years: the plan's target within this century's plans, a campus built since 1800.
  for (const auto& [field, earliest, example] :
       {std::tuple{&school_fields::target_year, 2000, "2026"},
        std::tuple{&school_fields::built_year, 1800, "1998"}}) {
    std::optional<double> year = field->Number(school);
    if (year && (*year < earliest || *year > 2100)) {
      result.Violation(field->name, absl::StrCat(static_cast<int64_t>(*year)),
                       absl::StrCat("must be a year such as ", example));
    }
  }
  return result;
}

}  // namespace junheng::validate
