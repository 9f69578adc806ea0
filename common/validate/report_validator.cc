#include "common/validate/report_validator.h"

#include <cmath>
#include <optional>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/catalog/school_sections.h"
#include "common/i18n/validation_messages.h"
#include "common/io/message_codec.h"

namespace junheng::validate {
namespace {

using junheng::v1::SchoolReport;
using ReportField = catalog::Field<SchoolReport>;
namespace report = catalog::report;
namespace msg = i18n::validation;

std::string Cell(const SchoolReport& r, const catalog::FieldInfo& field) {
  return io::CellText(r, field);
}

// Sanity bounds of the input, not thresholds of the method: no school has more than 100,000 of
// anything it counts, and no amount reaches 10^12 (yuan or m²). They keep every later sum and
// product (county totals, per-100-student values) far from overflow, whatever a client sends.
constexpr double kMaxCount = 100000;
constexpr double kMaxAmount = 1e12;

// Every numeric field is a count or an amount: none may be negative or absurdly large.
void CheckNonNegative(const SchoolReport& r, ValidationResult* result) {
  for (const ReportField* field : report::kAll) {
    if (field->number_of == nullptr) continue;
    std::optional<double> value = field->Number(r);
    if (!value) continue;
    double limit = field->kind == catalog::Kind::kCount ? kMaxCount : kMaxAmount;
    if (!std::isfinite(*value)) {
      result->Violation(field->name, Cell(r, *field), msg::kNotFinite);
    } else if (*value < 0) {
      result->Violation(field->name, Cell(r, *field), msg::kNegative);
    } else if (*value > limit) {
      result->Violation(field->name, Cell(r, *field), msg::kTooLarge, {absl::StrCat(limit)});
    }
  }
}

// part ≤ whole, checked only when both are reported.
void CheckPart(const SchoolReport& r, const ReportField& part, const std::optional<double>& whole,
               absl::string_view whole_name, ValidationResult* result) {
  std::optional<double> value = part.Number(r);
  // A negative whole is reported on its own; comparing parts with it would only add noise.
  if (!value || !whole || *whole < 0 || *value <= *whole) return;
  result->Violation(part.name, Cell(r, part), msg::kPartExceedsWhole,
                    {std::string(whole_name), absl::StrCat(*whole)});
}
void CheckPart(const SchoolReport& r, const ReportField& part, const ReportField& whole,
               ValidationResult* result) {
  CheckPart(r, part, whole.Number(r), whole.name, result);
}

// The per-section fields of one section, in the order a section is described.
struct SectionFields {
  absl::string_view word;  // "primary"
  const ReportField& students;
  const ReportField& classes;
  const ReportField& max_class_size;
  const ReportField& teachers;
  const ReportField& teachers_above_degree;
  const ReportField& backbone_teachers;
  const ReportField& pe_art_teachers;
};
constexpr SectionFields kPrimarySection = {"primary",
                                           report::primary_students,
                                           report::primary_classes,
                                           report::primary_max_class_size,
                                           report::primary_teachers,
                                           report::primary_teachers_above_degree,
                                           report::primary_backbone_teachers,
                                           report::primary_pe_art_teachers};
constexpr SectionFields kJuniorSection = {"junior",
                                          report::junior_students,
                                          report::junior_classes,
                                          report::junior_max_class_size,
                                          report::junior_teachers,
                                          report::junior_teachers_above_degree,
                                          report::junior_backbone_teachers,
                                          report::junior_pe_art_teachers};

void CheckSectionParts(const SchoolReport& r, const SectionFields& s, ValidationResult* result) {
  CheckPart(r, s.teachers_above_degree, s.teachers, result);
  CheckPart(r, s.backbone_teachers, s.teachers, result);
  CheckPart(r, s.pe_art_teachers, s.teachers, result);
  CheckPart(r, s.max_class_size, s.students, result);
  CheckPart(r, s.classes, s.students, result);
  std::optional<double> students = s.students.Number(r), classes = s.classes.Number(r);
  if (students && *students > 0 && classes && *classes == 0) {
    result->Violation(s.classes.name, "0", msg::kNoClasses,
                      {std::string(s.students.name), Cell(r, s.students)});
  }
}

// The first field of a section that reports something (a positive count), or nullptr when none
// does.
const ReportField* FirstReportedSectionField(const SchoolReport& r, const SectionFields& s) {
  for (const ReportField* field :
       {&s.students, &s.classes, &s.max_class_size, &s.teachers, &s.teachers_above_degree,
        &s.backbone_teachers, &s.pe_art_teachers}) {
    std::optional<double> value = field->Number(r);
    if (value && *value > 0) return field;
  }
  return nullptr;
}

void CheckRating(const SchoolReport& r, const ReportField& field, ValidationResult* result) {
  absl::string_view value = field.Text(r);
  if (value.empty() || field.FindWord(value) != nullptr) return;
  result->Violation(field.name, Cell(r, field), msg::kNotAWord, {WordChoices(field)});
}

void CheckPlausibility(const SchoolReport& r, ValidationResult* result) {
  // In double: the counts are not yet known to be bounded when this runs.
  const double students = report::primary_students.Number(r).value_or(0) +
                          report::junior_students.Number(r).value_or(0) +
                          report::senior_students.Number(r).value_or(0);
  if (students <= 0) return;
  auto per_student = [&](const ReportField& field, double limit, absl::string_view unit) {
    std::optional<double> value = field.Number(r);
    if (value && *value / students > limit) {
      result->Warning(field.name, Cell(r, field), msg::kPerStudent,
                      {absl::StrCat(limit), std::string(unit)});
    }
  };
  per_student(report::teaching_aux_area_m2, 50, "m²");
  per_student(report::sports_area_m2, 200, "m²");
  per_student(report::equipment_value_yuan, 100000, "元");
  per_student(report::public_funds_yuan, 20000, "元");
  for (const SectionFields* s : {&kPrimarySection, &kJuniorSection}) {
    std::optional<double> max_class = s->max_class_size.Number(r);
    if (max_class && *max_class > 80) {
      result->Warning(s->max_class_size.name, Cell(r, s->max_class_size), msg::kBigClass);
    }
    std::optional<double> section_students = s->students.Number(r);
    std::optional<double> teachers = s->teachers.Number(r);
    if (section_students && teachers && *section_students > 0 &&
        3.0 * *teachers > *section_students) {
      result->Warning(s->teachers.name, Cell(r, s->teachers), msg::kManyTeachers);
    }
  }
}

// "2024" for "2024.0" or "2024.00", the way a spreadsheet shows a year it stores as a number (the
// file reader already reads such cells as years; JSON and the web API come here as written).
std::string SpreadsheetYear(absl::string_view period) {
  const size_t dot = period.find('.');
  if (dot != 4 || period.size() == 5) return "";
  for (size_t i = 0; i < period.size(); ++i) {
    const char c = period[i];
    if (i < 4 ? !absl::ascii_isdigit(c) : i > 4 && c != '0') return "";
  }
  return std::string(period.substr(0, 4));
}

void CheckIdentity(const SchoolReport& report, ValidationResult* result) {
  if (report.school_code().empty()) {
    result->Violation(report::school_code.name, "", msg::kSchoolCodeRequired);
  } else if (!IsValidCode(report.school_code())) {
    result->Violation(report::school_code.name, report.school_code(), msg::kBadCode);
  }
  if (report.period().empty()) {
    result->Violation(report::period.name, "", msg::kPeriodRequired);
  } else if (!IsValidCode(report.period())) {
    result->Violation(report::period.name, report.period(), msg::kBadPeriod);
  } else if (std::string year = SpreadsheetYear(report.period()); !year.empty()) {
    result->Violation(report::period.name, report.period(), msg::kPeriodAsNumber, {year});
  }
}

// The sections of the school: its registered type's, else those the report fills.
catalog::SectionSet SectionsOfSchool(const SchoolReport& r, const junheng::v1::School* registered) {
  if (registered != nullptr) {
    if (const catalog::Word* type =
            catalog::school::school_type.FindWord(registered->school_type())) {
      return type->sections;
    }
  }
  catalog::SectionSet sections = 0;
  for (const ReportField* field : report::kAll) {
    if (field->sections == catalog::kEverySection || field->number_of == nullptr) continue;
    std::optional<double> value = field->Number(r);
    if (value && *value > 0) sections |= field->sections;
  }
  return sections;
}

bool IsIdentity(const ReportField& field) {
  return &field == &report::school_code || &field == &report::period ||
         &field == &report::county_code;
}

// One warning per needed field left empty, except those a violation already names.
void CheckComplete(const SchoolReport& r, const junheng::v1::School* registered,
                   absl::string_view school_kind, ValidationResult* result) {
  for (const std::string& name : MissingFields(r, registered)) {
    bool named = false;
    for (const auto& v : result->violations) named |= v.field() == name;
    if (!named) result->Warning(name, "", msg::kNeededField, {std::string(school_kind)});
  }
}

// "九年一贯制学校" / "nine_year": the school's type in the language of the sentences.
std::string TypeName(const junheng::v1::School& school) {
  const catalog::Word* word = catalog::school::school_type.FindWord(school.school_type());
  const bool english = i18n::CurrentLang() == i18n::Lang::kEn;
  return english || word == nullptr ? school.school_type() : std::string(word->label_zh);
}

ValidationResult CheckContent(const SchoolReport& report) {
  ValidationResult result;
  CheckIdentity(report, &result);
  if (!report.county_code().empty() && !IsValidCountyCode(report.county_code())) {
    result.Violation(report::county_code.name, report.county_code(), msg::kBadCountyCode);
  }
  CheckNonNegative(report, &result);
  CheckSectionParts(report, kPrimarySection, &result);
  CheckSectionParts(report, kJuniorSection, &result);

  const std::optional<double> primary_teachers = report::primary_teachers.Number(report);
  const std::optional<double> junior_teachers = report::junior_teachers.Number(report);
  const bool teachers_known = primary_teachers || junior_teachers;
  const double all_teachers = primary_teachers.value_or(0) + junior_teachers.value_or(0);
  if (report::senior_students.Number(report).value_or(0) == 0) {
    // With a senior section, certified and trained teachers may include its teachers, which the
    // report does not count; the check only holds for compulsory-only schools.
    const std::optional<double> whole =
        teachers_known ? std::optional<double>(all_teachers) : std::nullopt;
    const std::string whole_name =
        absl::StrCat(report::primary_teachers.name, " + ", report::junior_teachers.name);
    CheckPart(report, report::certified_teachers, whole, whole_name, &result);
    CheckPart(report, report::training_completed_teachers, whole, whole_name, &result);
  }
  CheckPart(report, report::zoned_admissions, report::total_admissions, &result);
  CheckPart(report, report::teacher_training_funds_yuan, report::public_funds_yuan, &result);
  CheckRating(report, report::ict_rating, &result);
  CheckRating(report, report::moral_culture_rating, &result);
  CheckPlausibility(report, &result);
  return result;
}

}  // namespace

std::vector<std::string> MissingFields(const SchoolReport& report,
                                       const junheng::v1::School* registered) {
  const catalog::SectionSet sections = SectionsOfSchool(report, registered);
  std::vector<std::string> missing;
  for (const ReportField* field : report::kAll) {
    const bool whole_school = field->sections == catalog::kEverySection;
    if (IsIdentity(*field) || !(whole_school || field->AppliesTo(sections))) continue;
    if (!field->HasValue(report)) missing.emplace_back(field->name);
  }
  return missing;
}

ValidationResult ValidateReportContent(const SchoolReport& report) {
  ValidationResult result = CheckContent(report);
  CheckComplete(report, nullptr, i18n::CurrentLang() == i18n::Lang::kEn ? "school" : "学校",
                &result);
  return result;
}

ValidationResult ValidateReport(const SchoolReport& report, absl::string_view county_code,
                                const junheng::v1::School* registered) {
  ValidationResult result = CheckContent(report);
  if (!report.county_code().empty() && report.county_code() != county_code) {
    result.Violation(report::county_code.name, report.county_code(), msg::kOtherCounty,
                     {std::string(county_code)});
  }
  if (registered == nullptr) {
    if (!report.school_code().empty()) {
      result.Violation(report::school_code.name, report.school_code(), msg::kNotRegistered,
                       {std::string(county_code)});
    }
    return result;
  }
  std::optional<catalog::Sections> sections = catalog::SectionsOf(registered->school_type());
  if (!sections) return result;  // the registry validator rejects unknown types on import
  // The values of the sentence in the language it is written in: 九年一贯制学校 / nine_year.
  const bool english = i18n::CurrentLang() == i18n::Lang::kEn;
  const std::string type_name = TypeName(*registered);
  auto section_name = [&](absl::string_view word, absl::string_view zh) {
    return std::string(english ? word : zh);
  };
  auto require_students = [&](const ReportField& field, const std::string& section) {
    if (!field.Number(report)) {
      result.Violation(field.name, "", msg::kStudentsRequired, {type_name, section});
    }
  };
  auto forbid_section = [&](const ReportField* field, const std::string& section) {
    if (field == nullptr) return;
    result.Violation(field->name, Cell(report, *field), msg::kNoSuchSection, {type_name, section});
  };
  for (const auto& [has, section, zh] : {std::tuple{sections->primary, &kPrimarySection, "小学"},
                                         std::tuple{sections->junior, &kJuniorSection, "初中"}}) {
    if (has) {
      require_students(section->students, section_name(section->word, zh));
    } else {
      forbid_section(FirstReportedSectionField(report, *section), section_name(section->word, zh));
    }
  }
  if (!sections->senior) {
    std::optional<double> senior = report::senior_students.Number(report);
    forbid_section(senior && *senior > 0 ? &report::senior_students : nullptr,
                   section_name("senior", "高中"));
  }
  CheckComplete(report, registered, type_name, &result);
  return result;
}

}  // namespace junheng::validate
