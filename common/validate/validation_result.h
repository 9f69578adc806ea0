#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/report.pb.h"

namespace junheng::validate {

// The outcome of checking one record: violations block acceptance, warnings never do.
struct ValidationResult {
  std::vector<junheng::v1::FieldIssue> violations;
  std::vector<junheng::v1::FieldIssue> warnings;

  bool ok() const { return violations.empty(); }
  void Violation(absl::string_view field, absl::string_view value, absl::string_view rule);
  void Warning(absl::string_view field, absl::string_view value, absl::string_view rule);
  void Append(const ValidationResult& other);
};

// One line per issue: "field = value: rule".
std::string FormatIssue(const junheng::v1::FieldIssue& issue);

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
