#include "common/validate/validation_result.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/i18n/validation_messages.h"

namespace junheng::validate {
namespace {

junheng::v1::FieldIssue MakeIssue(absl::string_view field, absl::string_view value,
                                  const i18n::Msg& rule, std::vector<std::string> args) {
  junheng::v1::FieldIssue issue;
  issue.set_field(std::string(field));
  issue.set_value(std::string(value));
  issue.set_rule(i18n::Fill(rule.In(i18n::CurrentLang()), args));
  issue.set_rule_id(std::string(rule.id));
  for (std::string& arg : args) issue.add_rule_args(std::move(arg));
  return issue;
}

// The Chinese label of a field of any record type; a nested name ("monitoring[0].level") by its
// leading field.
absl::string_view LabelOf(absl::string_view field) {
  absl::string_view head = field.substr(0, field.find_first_of("[."));
  for (const google::protobuf::Descriptor* type :
       {v1::SchoolReport::descriptor(), v1::School::descriptor(), v1::CountyFacts::descriptor()}) {
    if (const catalog::FieldInfo* info = catalog::FindField(*type, head)) return info->label_zh;
  }
  return "";
}

}  // namespace

void ValidationResult::Violation(absl::string_view field, absl::string_view value,
                                 const i18n::Msg& rule, std::vector<std::string> args) {
  violations.push_back(MakeIssue(field, value, rule, std::move(args)));
}

void ValidationResult::Warning(absl::string_view field, absl::string_view value,
                               const i18n::Msg& rule, std::vector<std::string> args) {
  warnings.push_back(MakeIssue(field, value, rule, std::move(args)));
}

void ValidationResult::Append(const ValidationResult& other) {
  violations.insert(violations.end(), other.violations.begin(), other.violations.end());
  warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
}

std::string FormatIssue(const junheng::v1::FieldIssue& issue) {
  const bool english = i18n::CurrentLang() == i18n::Lang::kEn;
  std::string rule = issue.rule();
  if (const i18n::Msg* known = i18n::FindMsg(issue.rule_id())) {
    std::vector<std::string> args(issue.rule_args().begin(), issue.rule_args().end());
    rule = i18n::Fill(known->In(i18n::CurrentLang()), args);
  }
  std::string value = !issue.value().empty() ? issue.value() : english ? "(empty)" : "（空）";
  absl::string_view label = LabelOf(issue.field());
  if (english) {
    std::string named =
        label.empty() ? issue.field() : absl::StrCat(issue.field(), " (", label, ")");
    return absl::StrCat(named, " = ", value, ": ", rule);
  }
  std::string named = label.empty() ? issue.field() : absl::StrCat(label, " ", issue.field());
  return absl::StrCat(named, " = ", value, "：", rule);
}

std::string WordChoices(const catalog::FieldInfo& field) {
  if (i18n::CurrentLang() == i18n::Lang::kEn) return catalog::WordList(field, ", ");
  std::string out;
  for (const catalog::Word& word : field.words) {
    absl::StrAppend(&out, out.empty() ? "" : "、", word.label_zh);
  }
  return out;
}

absl::Status ToStatus(const ValidationResult& result, absl::string_view subject) {
  if (result.ok()) return absl::OkStatus();
  std::string message =
      result.violations.size() == 1
          ? i18n::Say(i18n::validation::kViolation, subject)
          : i18n::Say(i18n::validation::kViolations, subject, result.violations.size());
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
  v1::FieldIssue issue;
  issue.set_field("county_code");
  issue.set_value(std::string(code));
  issue.set_rule_id(std::string(i18n::validation::kBadCountyCode.id));
  return absl::InvalidArgumentError(FormatIssue(issue));
}

}  // namespace junheng::validate
