#pragma once

#include <optional>

#include "junheng/v1/evaluation_service.pb.h"

namespace junheng::render {

// The figures of the national forms (national-forms.md) that the registry and the school reports
// already hold, so that a bureau is never asked for them twice: school counts by type (表Ⅰ
// L9-L16), classes, students and full-time teachers per level (表Ⅰ L17-L24, L22, L24), and the
// counts that 表Ⅳ's sentences quote (items 4, 5, 6, 9, 12). Sums run over the reports at hand;
// `schools_without_report` says how many registry schools they leave out.
struct CountyFigures {
  // Registry schools by school_type.
  int primary_schools = 0;
  int nine_year_schools = 0;
  int junior_schools = 0;
  int complete_middle_schools = 0;
  int twelve_year_schools = 0;
  int teaching_points = 0;
  // Teaching points with at least the profile's teaching_point_min_students (the form's 50).
  int teaching_points_at_min = 0;

  // One level's totals over the reports, by section as the method counts them: the primary part
  // of a nine- or twelve-year school and every teaching point are primary, the junior part of a
  // one-through or complete middle school is junior.
  struct Level {
    double classes = 0;
    double students = 0;
    // Full-time teachers (专任教师) of the section.
    double teachers = 0;
  };
  Level primary;
  Level junior;
  int schools_without_report = 0;

  // 表Ⅳ item 4 (G4): primary and junior schools (teaching points with the primary ones, complete
  // middle schools with the junior ones, by their junior students) over the profile's
  // single_level_max_students, nine- and twelve-year schools over multi_level_max_students.
  int oversize_primary_schools = 0;
  int oversize_junior_schools = 0;
  int oversize_multi_level_schools = 0;

  // 表Ⅳ item 5 (G5): 0 when every school of the level reported its largest class and none is over
  // the level's limit, so no class is; nullopt otherwise, when only the county facts can say.
  std::optional<int> oversize_primary_classes;
  std::optional<int> oversize_junior_classes;

  // 表Ⅳ item 6 (G6): schools with fewer compulsory students than the profile's
  // small_school_funded_students, their students, and their public funds (nullopt when one of
  // them did not report its funds).
  int small_schools = 0;
  double small_school_students = 0;
  std::optional<double> small_school_funds;

  // 表Ⅳ items 9 and 12 (G9, G12): Σ part and Σ full-time teachers over the schools that reported
  // both, as the engine sums them.
  struct TeacherShare {
    double part = 0;
    double teachers = 0;
  };
  TeacherShare trained;
  TeacherShare certified;
};

// The figures of `data`'s registry and reports, with the limits of `data.profile()`.
CountyFigures FiguresOf(const junheng::v1::EvaluationWithInput& data);

}  // namespace junheng::render
