#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/catalog/field.h"
#include "common/i18n/message.h"
#include "junheng/v1/report.pb.h"

namespace junheng::validate {

// The outcome of checking one record: violations block acceptance, warnings never do.
struct ValidationResult {
  std::vector<junheng::v1::FieldIssue> violations;
  std::vector<junheng::v1::FieldIssue> warnings;

  bool ok() const { return violations.empty(); }
  // The rule is a sentence of the message catalogue with its values ($0, $1, ...).
  void Violation(absl::string_view field, absl::string_view value, const i18n::Msg& rule,
                 std::vector<std::string> args = {});
  void Warning(absl::string_view field, absl::string_view value, const i18n::Msg& rule,
               std::vector<std::string> args = {});
  void Append(const ValidationResult& other);
};

// One line per issue in the current language, the field by its label and its name:
// "小学在校生数 primary_students = -620：不能为负数；没有请填 0", or in English
// "primary_students (小学在校生数) = -620: must not be negative; enter 0 if there are none".
// The rule is rebuilt from its id when the catalogue knows it, else the stored text is shown.
std::string FormatIssue(const junheng::v1::FieldIssue& issue);

// The words a word field accepts, as the current language lists them: "优秀、良好、一般、较差" or
// "excellent, good, fair, poor" (the reader takes either).
std::string WordChoices(const catalog::FieldInfo& field);

// OK when there are no violations, else INVALID_ARGUMENT whose message lists every violation, one
// per line, prefixed by `subject` (e.g. "report 1403001 / 2024").
[[nodiscard]] absl::Status ToStatus(const ValidationResult& result, absl::string_view subject);

// True for the identifiers that become storage key parts (county, school and submission codes,
// period labels): 1-64 characters of ASCII letters, digits, '.', '_' and '-'.
bool IsValidCode(absl::string_view code);

// True for a county's administrative division code: exactly 6 ASCII digits (沁县 = 140430).
bool IsValidCountyCode(absl::string_view code);

// OK, or INVALID_ARGUMENT saying county_code must be the 6-digit division code.
[[nodiscard]] absl::Status CheckCountyCode(absl::string_view code);

}  // namespace junheng::validate
