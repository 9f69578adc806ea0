#include "common/render/county_figures.h"

#include <map>
#include <string>

#include "common/catalog/fields.h"
#include "common/catalog/school_sections.h"
#include "common/eval/school_items.h"

namespace junheng::render {
namespace {

namespace report = catalog::report;
using junheng::v1::School;
using junheng::v1::SchoolReport;

double Get(const catalog::Field<SchoolReport>& field, const SchoolReport& r) {
  return field.Number(r).value_or(0);
}

// One level's side of a school: adds its classes, students and teachers, and says whether its
// largest class is known to be within `max_class_size`.
bool AddLevel(const SchoolReport& r, const catalog::Field<SchoolReport>& classes,
              const catalog::Field<SchoolReport>& students,
              const catalog::Field<SchoolReport>& teachers,
              const catalog::Field<SchoolReport>& largest_class, int max_class_size,
              CountyFigures::Level& level) {
  level.classes += Get(classes, r);
  level.students += Get(students, r);
  level.teachers += Get(teachers, r);
  if (Get(students, r) <= 0) return true;  // no class of the level at all
  std::optional<double> largest = largest_class.Number(r);
  return largest.has_value() && *largest <= max_class_size;
}

void AddTeacherShare(const SchoolReport& r, const catalog::Sections& s,
                     const catalog::Field<SchoolReport>& part_field,
                     CountyFigures::TeacherShare& share) {
  std::optional<double> part = part_field.Number(r);
  std::optional<double> primary = report::primary_teachers.Number(r);
  std::optional<double> junior = report::junior_teachers.Number(r);
  if (!part || (s.primary && !primary) || (s.junior && !junior)) return;
  share.part += *part;
  share.teachers += (s.primary ? *primary : 0) + (s.junior ? *junior : 0);
}

}  // namespace

CountyFigures FiguresOf(const junheng::v1::EvaluationWithInput& data) {
  const junheng::v1::Profile& p = data.profile();
  std::map<std::string, const SchoolReport*> reports;
  for (const SchoolReport& r : data.reports()) reports[r.school_code()] = &r;

  CountyFigures f;
  bool primary_classes_known = true;
  bool junior_classes_known = true;
  bool small_school_funds_known = true;
  double small_school_funds = 0;
  for (const School& school : data.schools()) {
    const std::string& type = school.school_type();
    if (type == "primary") ++f.primary_schools;
    if (type == "nine_year") ++f.nine_year_schools;
    if (type == "junior") ++f.junior_schools;
    if (type == "complete_middle") ++f.complete_middle_schools;
    if (type == "twelve_year") ++f.twelve_year_schools;
    if (type == "teaching_point") ++f.teaching_points;

    std::optional<catalog::Sections> sections = catalog::SectionsOf(type);
    if (!sections || !eval::IsUnitType(type)) continue;
    auto found = reports.find(school.school_code());
    if (found == reports.end()) {
      ++f.schools_without_report;
      primary_classes_known = primary_classes_known && !sections->primary;
      junior_classes_known = junior_classes_known && !sections->junior;
      continue;
    }
    const SchoolReport& r = *found->second;
    const double primary_students = sections->primary ? Get(report::primary_students, r) : 0;
    const double junior_students = sections->junior ? Get(report::junior_students, r) : 0;
    if (type == "teaching_point" && primary_students >= p.teaching_point_min_students()) {
      ++f.teaching_points_at_min;
    }
    if (sections->primary) {
      primary_classes_known &=
          AddLevel(r, report::primary_classes, report::primary_students, report::primary_teachers,
                   report::primary_max_class_size, p.primary().max_class_size(), f.primary);
    }
    if (sections->junior) {
      junior_classes_known &=
          AddLevel(r, report::junior_classes, report::junior_students, report::junior_teachers,
                   report::junior_max_class_size, p.junior().max_class_size(), f.junior);
    }

    const double compulsory = primary_students + junior_students;
    if (sections->primary && sections->junior) {
      f.oversize_multi_level_schools += compulsory > p.multi_level_max_students();
    } else if (sections->primary) {
      f.oversize_primary_schools += primary_students > p.single_level_max_students();
    } else {
      f.oversize_junior_schools += junior_students > p.single_level_max_students();
    }

    if (compulsory < p.small_school_funded_students()) {
      ++f.small_schools;
      f.small_school_students += compulsory;
      std::optional<double> funds = report::public_funds_yuan.Number(r);
      small_school_funds_known = small_school_funds_known && funds.has_value();
      small_school_funds += funds.value_or(0);
    }
    AddTeacherShare(r, *sections, report::training_completed_teachers, f.trained);
    AddTeacherShare(r, *sections, report::certified_teachers, f.certified);
  }
  if (primary_classes_known) f.oversize_primary_classes = 0;
  if (junior_classes_known) f.oversize_junior_classes = 0;
  if (small_school_funds_known) f.small_school_funds = small_school_funds;
  return f;
}

}  // namespace junheng::render
