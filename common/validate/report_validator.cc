#include "common/validate/report_validator.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/io/message_codec.h"
#include "common/validate/school_sections.h"

namespace junheng::validate {
namespace {

using google::protobuf::FieldDescriptor;
using junheng::v1::SchoolReport;

std::string Cell(const SchoolReport& report, absl::string_view field_name) {
  const FieldDescriptor* field =
      SchoolReport::descriptor()->FindFieldByName(std::string(field_name));
  return io::CellText(report, *field);
}

// Sanity bounds of the input, not thresholds of the method: no school has more than 100,000 of
// anything it counts, and no amount reaches 10^12 (yuan or m²). They keep every later sum and
// product (county totals, per-100-student values) far from overflow, whatever a client sends.
constexpr double kMaxCount = 100000;
constexpr double kMaxAmount = 1e12;

// Every numeric field is a count or an amount: none may be negative or absurdly large.
void CheckNonNegative(const SchoolReport& report, ValidationResult* result) {
  const auto* type = SchoolReport::descriptor();
  const auto* reflection = report.GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (!field->has_presence() || !reflection->HasField(report, field)) continue;
    double value = 0, limit = 0;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        value = reflection->GetInt32(report, field);
        limit = kMaxCount;
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        value = reflection->GetDouble(report, field);
        limit = kMaxAmount;
        break;
      default:
        continue;
    }
    if (!std::isfinite(value)) {
      result->Violation(field->name(), Cell(report, field->name()), "must be a finite number");
    } else if (value < 0) {
      result->Violation(field->name(), Cell(report, field->name()),
                        "must not be negative; enter 0 if there are none");
    } else if (value > limit) {
      result->Violation(
          field->name(), Cell(report, field->name()),
          absl::StrCat("is implausibly large (over ", limit, "); check the figure and its unit"));
    }
  }
}

// part ≤ whole, checked only when both are reported.
void CheckPart(const SchoolReport& report, bool has_part, double part, absl::string_view part_name,
               bool has_whole, double whole, absl::string_view whole_name,
               ValidationResult* result) {
  // A negative whole is reported on its own; comparing parts with it would only add noise.
  if (!has_part || !has_whole || whole < 0 || part <= whole) return;
  result->Violation(
      part_name, Cell(report, part_name),
      absl::StrCat("must not exceed ", whole_name, " (", whole, "); it counts a part of it"));
}

struct SectionView {
  absl::string_view prefix;
  bool has_students, has_classes, has_max, has_teachers, has_degree, has_backbone, has_pe_art;
  int students, classes, max_class, teachers, degree, backbone, pe_art;
};

SectionView Primary(const SchoolReport& r) {
  return {"primary_",
          r.has_primary_students(),
          r.has_primary_classes(),
          r.has_primary_max_class_size(),
          r.has_primary_teachers(),
          r.has_primary_teachers_above_degree(),
          r.has_primary_backbone_teachers(),
          r.has_primary_pe_art_teachers(),
          r.primary_students(),
          r.primary_classes(),
          r.primary_max_class_size(),
          r.primary_teachers(),
          r.primary_teachers_above_degree(),
          r.primary_backbone_teachers(),
          r.primary_pe_art_teachers()};
}

SectionView Junior(const SchoolReport& r) {
  return {"junior_",
          r.has_junior_students(),
          r.has_junior_classes(),
          r.has_junior_max_class_size(),
          r.has_junior_teachers(),
          r.has_junior_teachers_above_degree(),
          r.has_junior_backbone_teachers(),
          r.has_junior_pe_art_teachers(),
          r.junior_students(),
          r.junior_classes(),
          r.junior_max_class_size(),
          r.junior_teachers(),
          r.junior_teachers_above_degree(),
          r.junior_backbone_teachers(),
          r.junior_pe_art_teachers()};
}

void CheckSectionParts(const SchoolReport& report, const SectionView& s, ValidationResult* result) {
  auto name = [&](absl::string_view suffix) { return absl::StrCat(s.prefix, suffix); };
  CheckPart(report, s.has_degree, s.degree, name("teachers_above_degree"), s.has_teachers,
            s.teachers, name("teachers"), result);
  CheckPart(report, s.has_backbone, s.backbone, name("backbone_teachers"), s.has_teachers,
            s.teachers, name("teachers"), result);
  CheckPart(report, s.has_pe_art, s.pe_art, name("pe_art_teachers"), s.has_teachers, s.teachers,
            name("teachers"), result);
  CheckPart(report, s.has_max, s.max_class, name("max_class_size"), s.has_students, s.students,
            name("students"), result);
  CheckPart(report, s.has_classes, s.classes, name("classes"), s.has_students, s.students,
            name("students"), result);
  if (s.has_students && s.students > 0 && s.has_classes && s.classes == 0) {
    result->Violation(name("classes"), "0",
                      absl::StrCat("a section with students has at least one class (",
                                   name("students"), " = ", s.students, ")"));
  }
}

// The first field of a section that reports something (a positive count), or "" when none does.
std::string FirstReportedSectionField(const SectionView& s) {
  const std::pair<bool, absl::string_view> fields[] = {
      {s.has_students && s.students > 0, "students"},
      {s.has_classes && s.classes > 0, "classes"},
      {s.has_max && s.max_class > 0, "max_class_size"},
      {s.has_teachers && s.teachers > 0, "teachers"},
      {s.has_degree && s.degree > 0, "teachers_above_degree"},
      {s.has_backbone && s.backbone > 0, "backbone_teachers"},
      {s.has_pe_art && s.pe_art > 0, "pe_art_teachers"}};
  for (const auto& [reported, suffix] : fields) {
    if (reported) return absl::StrCat(s.prefix, suffix);
  }
  return "";
}

void CheckRating(const SchoolReport& report, absl::string_view field, absl::string_view value,
                 ValidationResult* result) {
  if (value.empty() || value == "excellent" || value == "good" || value == "fair" ||
      value == "poor") {
    return;
  }
  result->Violation(field, Cell(report, field), "must be one of excellent, good, fair, poor");
}

void CheckPlausibility(const SchoolReport& r, ValidationResult* result) {
  // In double: the counts are not yet known to be bounded when this runs.
  const double students = double(r.primary_students()) + r.junior_students() + r.senior_students();
  if (students <= 0) return;
  auto per_student = [&](bool has, double value, absl::string_view field, double limit,
                         absl::string_view unit) {
    if (has && value / students > limit) {
      result->Warning(field, Cell(r, field),
                      absl::StrCat("more than ", limit, " ", unit,
                                   " per student; check the unit and the decimal point"));
    }
  };
  per_student(r.has_teaching_aux_area_m2(), r.teaching_aux_area_m2(), "teaching_aux_area_m2", 50,
              "m²");
  per_student(r.has_sports_area_m2(), r.sports_area_m2(), "sports_area_m2", 200, "m²");
  per_student(r.has_equipment_value_yuan(), r.equipment_value_yuan(), "equipment_value_yuan",
              100000, "yuan");
  per_student(r.has_public_funds_yuan(), r.public_funds_yuan(), "public_funds_yuan", 20000, "yuan");
  for (const SectionView& s : {Primary(r), Junior(r)}) {
    if (s.has_max && s.max_class > 80) {
      result->Warning(absl::StrCat(s.prefix, "max_class_size"), absl::StrCat(s.max_class),
                      "more than 80 students in one class; check the figure");
    }
    if (s.has_students && s.has_teachers && s.students > 0 && 3.0 * s.teachers > s.students) {
      result->Warning(absl::StrCat(s.prefix, "teachers"), absl::StrCat(s.teachers),
                      "more than one teacher per 3 students; check the counts");
    }
  }
}

void CheckIdentity(const SchoolReport& report, ValidationResult* result) {
  if (report.school_code().empty()) {
    result->Violation("school_code", "", "is required: the school's 学校标识码");
  } else if (!IsValidCode(report.school_code())) {
    result->Violation("school_code", report.school_code(),
                      "use 1-64 letters, digits, '.', '_' or '-'");
  }
  if (report.period().empty()) {
    result->Violation("period", "", "is required, e.g. 2024");
  } else if (!IsValidCode(report.period())) {
    result->Violation("period", report.period(), "use a label such as 2024 or 2024-autumn");
  }
}

}  // namespace

ValidationResult ValidateReportContent(const SchoolReport& report) {
  ValidationResult result;
  CheckIdentity(report, &result);
  if (!report.county_code().empty() && !IsValidCountyCode(report.county_code())) {
    result.Violation("county_code", report.county_code(), "use the 6-digit division code");
  }
  CheckNonNegative(report, &result);
  const SectionView primary = Primary(report), junior = Junior(report);
  CheckSectionParts(report, primary, &result);
  CheckSectionParts(report, junior, &result);

  const bool teachers_known = report.has_primary_teachers() || report.has_junior_teachers();
  const double all_teachers = double(report.primary_teachers()) + report.junior_teachers();
  if (!report.has_senior_students() || report.senior_students() == 0) {
    // With a senior section, certified and trained teachers may include its teachers, which the
    // report does not count; the check only holds for compulsory-only schools.
    CheckPart(report, report.has_certified_teachers(), report.certified_teachers(),
              "certified_teachers", teachers_known, all_teachers,
              "primary_teachers + junior_teachers", &result);
    CheckPart(report, report.has_training_completed_teachers(),
              report.training_completed_teachers(), "training_completed_teachers", teachers_known,
              all_teachers, "primary_teachers + junior_teachers", &result);
  }
  CheckPart(report, report.has_zoned_admissions(), report.zoned_admissions(), "zoned_admissions",
            report.has_total_admissions(), report.total_admissions(), "total_admissions", &result);
  CheckPart(report, report.has_teacher_training_funds_yuan(), report.teacher_training_funds_yuan(),
            "teacher_training_funds_yuan", report.has_public_funds_yuan(),
            report.public_funds_yuan(), "public_funds_yuan", &result);
  CheckRating(report, "ict_rating", report.ict_rating(), &result);
  CheckRating(report, "moral_culture_rating", report.moral_culture_rating(), &result);
  CheckPlausibility(report, &result);
  return result;
}

ValidationResult ValidateReport(const SchoolReport& report, absl::string_view county_code,
                                const junheng::v1::School* registered) {
  ValidationResult result = ValidateReportContent(report);
  if (!report.county_code().empty() && report.county_code() != county_code) {
    result.Violation("county_code", report.county_code(),
                     absl::StrCat("the report is submitted to county ", county_code,
                                  "; a school reports to its own county"));
  }
  if (registered == nullptr) {
    if (!report.school_code().empty()) {
      result.Violation("school_code", report.school_code(),
                       absl::StrCat("is not registered in county ", county_code,
                                    "; check the code or ask the bureau to import the school"));
    }
    return result;
  }
  std::optional<Sections> sections = SectionsOf(registered->school_type());
  if (!sections) return result;  // the registry validator rejects unknown types on import
  auto require_students = [&](bool has, absl::string_view field, absl::string_view section_zh) {
    if (!has) {
      result.Violation(field, "",
                       absl::StrCat("is required: a ", registered->school_type(),
                                    " school reports its ", section_zh, " students"));
    }
  };
  auto forbid_section = [&](absl::string_view field, absl::string_view what) {
    if (!field.empty()) {
      result.Violation(field, Cell(report, field),
                       absl::StrCat("a ", registered->school_type(), " school has no ", what,
                                    " section; leave the ", what, "_ fields empty"));
    }
  };
  const SectionView primary = Primary(report), junior = Junior(report);
  if (sections->primary) {
    require_students(report.has_primary_students(), "primary_students", "primary (小学)");
  } else {
    forbid_section(FirstReportedSectionField(primary), "primary");
  }
  if (sections->junior) {
    require_students(report.has_junior_students(), "junior_students", "junior (初中)");
  } else {
    forbid_section(FirstReportedSectionField(junior), "junior");
  }
  if (!sections->senior) {
    forbid_section(
        report.has_senior_students() && report.senior_students() > 0 ? "senior_students" : "",
        "senior");
  }
  return result;
}

}  // namespace junheng::validate
