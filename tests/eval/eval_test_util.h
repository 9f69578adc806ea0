#pragma once

// Builders for hand-made evaluation inputs. Values are chosen so that indicator values can be
// worked out on paper: with 100 students, L1-L3 and L7 equal the counts reported, and L4-L6 are
// the whole-school quantities divided by 100.

#include <array>
#include <string>

#include "common/eval/evaluation_input.h"
#include "common/profile/profile_loader.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "junheng/v1/evaluation.pb.h"
#include "tests/testing/english.h"

namespace junheng::eval::testing {

inline junheng::v1::Profile National() {
  return profile::LoadBuiltinProfile("national-2017").value();
}
inline junheng::v1::Profile Qin() { return profile::LoadBuiltinProfile("qin-county").value(); }

inline junheng::v1::School MakeSchool(const std::string& code, const std::string& type,
                                      const std::string& county = "140430") {
  junheng::v1::School s;
  s.set_school_code(code);
  s.set_school_name("学校" + code);
  s.set_school_type(type);
  s.set_county_code(county);
  s.set_locale("rural");
  s.set_ownership("public");
  return s;
}

// The per-school fields every item needs, set to pass under national-2017 for a school with
// `classes` classes; section fields are left to the caller.
inline void FillSchoolItems(junheng::v1::SchoolReport& r, int teachers, int classes) {
  r.set_certified_teachers(teachers);
  r.set_training_completed_teachers(teachers);
  r.set_music_rooms((classes + 11) / 12);
  r.set_art_rooms((classes + 11) / 12);
  r.set_music_room_min_area_m2(100);
  r.set_art_room_min_area_m2(95);
  r.set_public_funds_yuan(1000000);
  r.set_teacher_training_funds_yuan(60000);
  r.set_zoned_admissions(20);
  r.set_total_admissions(20);
  r.set_has_charter(true);
  r.set_courses_complete(true);
  r.set_no_excess_burden(true);
  r.set_ict_rating("good");
  r.set_moral_culture_rating("excellent");
}

// A primary school report whose L1..L7 equal `v` exactly when students = 100 (L1-L3, L7 counts;
// L4-L6 are per student, so the quantities are 100 x v).
inline junheng::v1::SchoolReport PrimaryReport(const std::string& code, int students,
                                               std::array<double, 7> v,
                                               const std::string& period = "2024") {
  junheng::v1::SchoolReport r;
  r.set_school_code(code);
  r.set_period(period);
  r.set_primary_students(students);
  r.set_primary_classes(std::max(1, students / 40));
  r.set_primary_max_class_size(40);
  int teachers = static_cast<int>(v[0] * students / 100) + 2;
  r.set_primary_teachers(teachers);
  r.set_primary_teachers_above_degree(static_cast<int>(v[0] * students / 100));
  r.set_primary_backbone_teachers(static_cast<int>(v[1] * students / 100));
  r.set_primary_pe_art_teachers(static_cast<int>(v[2] * students / 100));
  r.set_teaching_aux_area_m2(v[3] * students);
  r.set_sports_area_m2(v[4] * students);
  r.set_equipment_value_yuan(v[5] * students);
  r.set_multimedia_classrooms(static_cast<int>(v[6] * students / 100));
  FillSchoolItems(r, teachers, r.primary_classes());
  return r;
}

// Values that meet every primary minimum of national-2017.
inline constexpr std::array<double, 7> kGoodPrimary = {5, 2, 1, 5, 8, 2500, 3};

// County facts that pass every C item of national-2017 and of qin-county.
inline junheng::v1::CountyFacts GoodFacts(const std::string& period = "2024") {
  junheng::v1::CountyFacts f;
  f.set_county_code("140430");
  f.set_period(period);
  f.set_layout_plan_ok(true);
  f.set_unified_standards_ok(true);
  f.set_staffing_allocation_ok(true);
  f.set_public_funds_quota_primary_yuan(650);
  f.set_public_funds_quota_junior_yuan(850);
  f.set_special_ed_funds_per_student_yuan(6500);
  f.set_teacher_pay_ratio(1.02);
  f.set_performance_pay_approved(true);
  f.set_rotation_eligible_teachers(100);
  f.set_rotated_teachers(12);
  f.set_rotated_backbone_teachers(3);
  f.set_quality_hs_quota_share(0.82);
  f.set_migrant_children_public_share(0.9);
  f.set_left_behind_care_ok(true);
  f.set_consolidation_rate(0.995);
  f.set_disabled_enrollment_rate(0.995);
  auto* m = f.add_monitoring();
  m->set_subject("数学");
  m->set_level(3);
  m->set_between_school_rate(0.12);
  f.set_survey_valid(1000);
  f.set_survey_satisfied(900);
  f.set_veto_exam_admission(false);
  f.set_veto_illegal_choice(false);
  f.set_veto_key_schools(false);
  f.set_veto_unfilled_posts(false);
  f.set_veto_major_incident(false);
  f.set_veto_falsification(false);
  return f;
}

// A county that passes everything: three primary schools with identical good values (every
// coefficient 0) and good county facts. No junior level, so the caller adds junior schools when
// a test needs the whole verdict.
inline EvaluationInput GoodPrimaryCounty() {
  EvaluationInput in;
  in.county_code = "140430";
  in.period = "2024";
  for (const char* code : {"A1", "A2", "A3"}) {
    in.registry.push_back(MakeSchool(code, "primary"));
    in.reports.push_back(PrimaryReport(code, 100, kGoodPrimary));
  }
  in.county_facts = GoodFacts();
  return in;
}

// A message's deterministic serialization: equal bytes for equal messages, whatever order their
// map entries were added in.
inline std::string Bytes(const google::protobuf::Message& m) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  m.SerializeToCodedStream(&coded);
  return out;
}

inline const junheng::v1::ItemResult* FindItem(const junheng::v1::Evaluation& e,
                                               const std::string& id) {
  for (const auto& item : e.items()) {
    if (item.id() == id) return &item;
  }
  return nullptr;
}

}  // namespace junheng::eval::testing
