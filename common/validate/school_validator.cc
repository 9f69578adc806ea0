#include "common/validate/school_validator.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/catalog/school_sections.h"
#include "common/i18n/server_messages.h"
#include "common/i18n/validation_messages.h"

namespace junheng::validate {

namespace school_fields = catalog::school;
namespace msg = i18n::validation;

ValidationResult ValidateSchool(const junheng::v1::School& school, absl::string_view county_code) {
  ValidationResult result;
  if (!IsValidCode(school.school_code())) {
    result.Violation(school_fields::school_code.name, school.school_code(), msg::kCodeRequired);
  }
  if (school.school_name().empty()) {
    result.Violation(school_fields::school_name.name, "", msg::kNameRequired);
  }
  if (!catalog::SectionsOf(school.school_type())) {
    result.Violation(school_fields::school_type.name, school.school_type(), msg::kNotAWord,
                     {WordChoices(school_fields::school_type)});
  }
  if (!IsValidCountyCode(county_code)) {
    result.Violation(school_fields::county_code.name, county_code, msg::kBadCountyCode);
  } else if (school.county_code().empty()) {
    result.Violation(school_fields::county_code.name, "", msg::kCountyRequired,
                     {std::string(county_code)});
  } else if (school.county_code() != county_code) {
    result.Violation(school_fields::county_code.name, school.county_code(), msg::kCountyDiffers,
                     {std::string(county_code)});
  }
  for (const catalog::Field<junheng::v1::School>* field :
       {&school_fields::locale, &school_fields::ownership}) {
    absl::string_view word = field->Text(school);
    if (!word.empty() && field->FindWord(word) == nullptr) {
      result.Violation(field->name, std::string(word), msg::kNotAWord, {WordChoices(*field)});
    }
  }
  if (school.school_type() == "teaching_point" && school.parent_school_code().empty()) {
    result.Warning(school_fields::parent_school_code.name, "", msg::kTeachingPointParent);
  }
  if (!school.parent_school_code().empty() && !IsValidCode(school.parent_school_code())) {
    result.Violation(school_fields::parent_school_code.name, school.parent_school_code(),
                     msg::kParentCode);
  }
  // Years: the plan's target within this century's plans, a campus built since 1800.
  for (const auto& [field, earliest, example] :
       {std::tuple{&school_fields::target_year, 2000, "2026"},
        std::tuple{&school_fields::built_year, 1800, "1998"}}) {
    std::optional<double> year = field->Number(school);
    if (year && (*year < earliest || *year > 2100)) {
      result.Violation(field->name, absl::StrCat(static_cast<int64_t>(*year)), msg::kYear,
                       {example});
    }
  }
  return result;
}

RegistryImportCheck CheckRegistryImport(
    const google::protobuf::RepeatedPtrField<junheng::v1::School>& schools,
    absl::string_view county_code) {
  RegistryImportCheck check;
  std::set<std::string> codes;
  for (int i = 0; i < schools.size(); ++i) {
    junheng::v1::School school = schools[i];
    if (school.county_code().empty()) school.set_county_code(std::string(county_code));
    ValidationResult checked = ValidateSchool(school, county_code);
    for (const auto& issue : checked.violations) {
      check.problems.push_back(
          i18n::Say(i18n::server::kImportProblem, i + 1, school.school_code(), FormatIssue(issue)));
    }
    for (const auto& issue : checked.warnings) {
      check.warnings.push_back(
          i18n::Say(i18n::server::kImportSchool, school.school_code(), FormatIssue(issue)));
    }
    if (!school.school_code().empty() && !codes.insert(school.school_code()).second) {
      check.problems.push_back(
          i18n::Say(i18n::server::kImportDuplicate, i + 1, school.school_code()));
    }
  }
  return check;
}

}  // namespace junheng::validate
