#pragma once

// Randomized counties for the golden evaluation set (tests/render/golden_test.cc) and for the
// checks that every way of evaluating gives the same message: fixed seeds, nothing
// implementation-defined, so the same county on every run.

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "common/eval/evaluation_input.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval::testing {

// Draws from a fixed-seed generator with nothing implementation-defined (no std distributions).
class Draw {
 public:
  explicit Draw(uint32_t seed) : rng_(seed) {}
  // 0 .. n-1
  int Below(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }
  // A factor in [lo, hi) in steps of 1/1000.
  double Factor(double lo, double hi) { return lo + (hi - lo) * Below(1000) / 1000.0; }

 private:
  std::mt19937 rng_;
};

// Clears some fields of `m` and scales, flips or replaces others, by reflection, so that every
// item and indicator meets pass, fail and not_judged somewhere in the set.
inline void Perturb(google::protobuf::Message& m, Draw& d, int clear_percent, int change_percent) {
  const google::protobuf::Descriptor* desc = m.GetDescriptor();
  const google::protobuf::Reflection* refl = m.GetReflection();
  // The county facts from population_10k on are the national forms' figures: no item reads them,
  // so drawing for them would only shift every later draw and change the set.
  const google::protobuf::FieldDescriptor* forms_figures =
      desc == junheng::v1::CountyFacts::descriptor() ? desc->FindFieldByName("population_10k")
                                                     : nullptr;
  for (int i = 0; i < desc->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* f = desc->field(i);
    if (f->is_repeated() || f->name() == "school_code" || f->name() == "period" ||
        f->name() == "county_code") {
      continue;
    }
    if (forms_figures != nullptr && f->number() >= forms_figures->number()) continue;
    if (d.Chance(clear_percent)) {
      refl->ClearField(&m, f);
      continue;
    }
    if (!d.Chance(change_percent)) continue;
    switch (f->cpp_type()) {
      case google::protobuf::FieldDescriptor::CPPTYPE_INT32:
        refl->SetInt32(&m, f, static_cast<int32_t>(refl->GetInt32(m, f) * d.Factor(0.4, 1.4)));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_DOUBLE:
        refl->SetDouble(&m, f, refl->GetDouble(m, f) * d.Factor(0.4, 1.4));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_BOOL:
        refl->SetBool(&m, f, !refl->GetBool(m, f));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_STRING: {
        static const char* const kWords[] = {"poor", "fair", "good", "excellent", "great", ""};
        refl->SetString(&m, f, kWords[d.Below(6)]);
        break;
      }
      default:
        break;
    }
  }
}

// County `n` of the set: 1-12 schools of every type (and one type that is not a unit), some
// without a report, fields cleared or changed at random, county facts changed or absent, and one
// county in ten inconsistent (an error).
inline EvaluationInput RandomCounty(int n) {
  Draw d(20260101u + static_cast<uint32_t>(n));
  EvaluationInput in;
  in.county_code = "1404" + std::to_string(10 + n % 90);
  in.period = "2024";
  static const char* const kTypes[] = {"primary",        "primary",        "junior",
                                       "nine_year",      "twelve_year",    "complete_middle",
                                       "teaching_point", "teaching_point", "special_education"};
  static const char* const kLocales[] = {"urban", "town", "rural", ""};
  int schools = 1 + d.Below(12);
  std::vector<std::string> codes;
  for (int s = 0; s < schools; ++s) {
    std::string code = in.county_code + std::to_string(100 + s);
    std::string type = kTypes[d.Below(9)];
    junheng::v1::School school = testing::MakeSchool(code, type, in.county_code);
    school.set_locale(kLocales[d.Below(4)]);
    if (d.Chance(10)) school.set_ownership("private");
    if (d.Chance(15)) school.set_boarding(d.Chance(50));
    if (d.Chance(30)) school.set_built_year(1990 + d.Below(30));
    if (d.Chance(70)) school.set_target_year(2024 + d.Below(6));
    if (type == "teaching_point" && !codes.empty() && d.Chance(80)) {
      school.set_parent_school_code(codes[d.Below(static_cast<int>(codes.size()))]);
    }
    codes.push_back(code);
    in.registry.push_back(school);
    if (d.Chance(8)) continue;  // no report
    bool tp = type == "teaching_point";
    int students = tp            ? 10 + d.Below(80)
                   : d.Chance(5) ? 1900 + 20 * d.Below(40)
                                 : 100 + 40 * d.Below(30);
    junheng::v1::SchoolReport r = testing::PrimaryReport(code, students, testing::kGoodPrimary);
    if (type != "primary" && !tp) {
      int js = d.Chance(5) ? 0 : 150 + 30 * d.Below(30);
      r.set_junior_students(js);
      r.set_junior_classes(std::max(1, js / 45));
      r.set_junior_max_class_size(45);
      r.set_junior_teachers(js / 10 + 2);
      r.set_junior_teachers_above_degree(js * 6 / 100);
      r.set_junior_backbone_teachers(js * 2 / 100);
      r.set_junior_pe_art_teachers(js / 100 + 1);
      if (type == "complete_middle" || type == "junior") {
        r.clear_primary_students();
        r.clear_primary_classes();
        r.clear_primary_max_class_size();
        r.clear_primary_teachers();
        r.clear_primary_teachers_above_degree();
        r.clear_primary_backbone_teachers();
        r.clear_primary_pe_art_teachers();
      }
      if (type == "twelve_year" || type == "complete_middle") r.set_senior_students(300);
      r.set_certified_teachers(r.primary_teachers() + r.junior_teachers());
      r.set_training_completed_teachers(r.certified_teachers());
    }
    if (d.Chance(10)) r.set_primary_students(0);
    Perturb(r, d, 3, 12);
    in.reports.push_back(r);
  }
  if (!d.Chance(10)) {
    junheng::v1::CountyFacts f = testing::GoodFacts();
    f.set_county_code(in.county_code);
    Perturb(f, d, 6, 10);
    if (d.Chance(20)) {
      f.clear_monitoring();
    } else if (d.Chance(20)) {
      f.mutable_monitoring(0)->set_level(2);
    } else if (d.Chance(10)) {
      f.mutable_monitoring(0)->clear_between_school_rate();
    }
    in.county_facts = f;
  }
  // Inconsistent inputs, so that error messages are in the set too.
  switch (d.Below(40)) {
    case 0:
      in.registry.push_back(in.registry.front());
      break;
    case 1:
      if (!in.reports.empty()) in.reports.push_back(in.reports.back());
      break;
    case 2:
      in.reports.push_back(testing::PrimaryReport("ZZ9", 100, testing::kGoodPrimary));
      break;
    case 3:
      in.period.clear();
      break;
    default:
      break;
  }
  return in;
}

// The profiles of the set: both built-in ones and a variant that merges small teaching points and
// relaxes the arts-room and size rules for older schools.
inline std::vector<junheng::v1::Profile> SetProfiles() {
  junheng::v1::Profile variant = testing::National();
  variant.set_name("national-variant");
  variant.set_small_teaching_point("merge");
  variant.set_arts_room_relaxed_built_before(2005);
  variant.set_size_relaxed_built_before(2005);
  return {testing::National(), testing::Qin(), variant};
}

}  // namespace junheng::eval::testing
