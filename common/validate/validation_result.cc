#include "common/validate/validation_result.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace junheng::validate {
namespace {

junheng::v1::FieldIssue MakeIssue(absl::string_view field, absl::string_view value,
                                  absl::string_view rule) {
  junheng::v1::FieldIssue issue;
  issue.set_field(std::string(field));
  issue.set_value(std::string(value));
  issue.set_rule(std::string(rule));
  return issue;
}

}  // namespace

void ValidationResult::Violation(absl::string_view field, absl::string_view value,
                                 absl::string_view rule) {
  violations.push_back(MakeIssue(field, value, rule));
}

void ValidationResult::Warning(absl::string_view field, absl::string_view value,
                               absl::string_view rule) {
  warnings.push_back(MakeIssue(field, value, rule));
}

void ValidationResult::Append(const ValidationResult& other) {
  violations.insert(violations.end(), other.violations.begin(), other.violations.end());
  warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
}

std::string FormatIssue(const junheng::v1::FieldIssue& issue) {
  std::string value = issue.value().empty() ? "(empty)" : issue.value();
  return absl::StrCat(issue.field(), " = ", value, ": ", issue.rule());
}

absl::Status ToStatus(const ValidationResult& result, absl::string_view subject) {
  if (result.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(subject, ": ", result.violations.size(),
                                     result.violations.size() == 1 ? " violation" : " violations");
  for (const auto& issue : result.violations) absl::StrAppend(&message, "\n  ", FormatIssue(issue));
  return absl::InvalidArgumentError(message);
}

bool IsValidCode(absl::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

bool IsValidCountyCode(absl::string_view code) {
  if (code.size() != 6) return false;
  for (char c : code) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

absl::Status CheckCountyCode(absl::string_view code) {
  if (IsValidCountyCode(code)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "county_code = '", code, "': give the county's 6-digit division code, e.g. 140430"));
}

}  // namespace junheng::validate
