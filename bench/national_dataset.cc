#include "bench/national_dataset.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string>
#include <utility>

#include "common/profile/profile_loader.h"

namespace junheng::bench {
namespace {

// The old generator (kStress): a school's report with values scattered around the minima.
void StressReport(const junheng::v1::School& school, std::mt19937& rng,
                  junheng::v1::SchoolReport& r) {
  std::uniform_real_distribution<double> u(0.6, 1.6);
  std::uniform_int_distribution<int> pick(0, 99);
  bool primary = school.school_type() != "junior";
  bool junior = school.school_type() == "junior" || school.school_type() == "nine_year" ||
                school.school_type() == "twelve_year";
  int ps = school.school_type() == "teaching_point" ? 20 + pick(rng) : 100 + 12 * pick(rng);
  int js = 150 + 10 * pick(rng);
  int total = 0;
  if (primary) {
    r.set_primary_students(ps);
    r.set_primary_classes(ps / 40 + 1);
    r.set_primary_max_class_size(30 + pick(rng) % 20);
    r.set_primary_teachers(static_cast<int>(ps * 0.07));
    r.set_primary_teachers_above_degree(static_cast<int>(ps * 0.05 * u(rng)));
    r.set_primary_backbone_teachers(static_cast<int>(ps * 0.012 * u(rng)));
    r.set_primary_pe_art_teachers(static_cast<int>(ps * 0.011 * u(rng)));
    total += ps;
  }
  if (junior) {
    r.set_junior_students(js);
    r.set_junior_classes(js / 45 + 1);
    r.set_junior_max_class_size(35 + pick(rng) % 20);
    r.set_junior_teachers(static_cast<int>(js * 0.08));
    r.set_junior_teachers_above_degree(static_cast<int>(js * 0.06 * u(rng)));
    r.set_junior_backbone_teachers(static_cast<int>(js * 0.012 * u(rng)));
    r.set_junior_pe_art_teachers(static_cast<int>(js * 0.011 * u(rng)));
    total += js;
  }
  if (school.school_type() == "twelve_year") r.set_senior_students(200);
  int teachers = r.primary_teachers() + r.junior_teachers();
  r.set_certified_teachers(teachers);
  r.set_training_completed_teachers(teachers);
  r.set_teaching_aux_area_m2(total * 5.5 * u(rng));
  r.set_sports_area_m2(total * 9.0 * u(rng));
  r.set_equipment_value_yuan(total * 2400 * u(rng));
  r.set_multimedia_classrooms(static_cast<int>(total * 0.028 * u(rng)) + 1);
  r.set_music_rooms(2);
  r.set_art_rooms(2);
  r.set_music_room_min_area_m2(98);
  r.set_art_room_min_area_m2(92);
  r.set_public_funds_yuan(total * 800.0);
  r.set_teacher_training_funds_yuan(total * 45.0);
  r.set_zoned_admissions(total / 6);
  r.set_total_admissions(total / 6);
}

// The calibrated generator (kCalibrated), see Mix.
void CalibratedReport(const junheng::v1::School& school, const junheng::v1::Profile& profile,
                      std::mt19937& rng, junheng::v1::SchoolReport& r) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> pick(0, 99);
  auto between = [&](double lo, double hi) { return lo + (hi - lo) * unit(rng); };
  const std::string& type = school.school_type();
  bool primary = type != "junior";
  bool junior = type == "junior" || type == "nine_year" || type == "twelve_year";
  int ps = type == "teaching_point" ? 20 + pick(rng) : 100 + 12 * pick(rng);
  int js = 150 + 10 * pick(rng);
  int ss = type == "twelve_year" ? 200 : 0;
  // Each section: the ratio of each of L1..L7 to its minimum. 0-3 indicators below (86-99% of
  // the minimum), the others 2-50% above.
  auto ratios = [&] {
    int roll = pick(rng);
    int below = roll < 38 ? 0 : roll < 63 ? 1 : roll < 88 ? 2 : 3;
    std::array<double, 7> ratio;
    for (double& x : ratio) x = between(1.02, 1.5);
    std::array<int, 7> order = {0, 1, 2, 3, 4, 5, 6};
    std::shuffle(order.begin(), order.end(), rng);
    for (int k = 0; k < below; ++k) ratio[order[k]] = between(0.86, 0.99);
    return ratio;
  };
  // Whole quantities: rounded down below the minimum, up above it.
  auto whole = [](double exact, double ratio) {
    return static_cast<int>(ratio < 1 ? std::floor(exact) : std::ceil(exact));
  };
  const auto& split = type == "nine_year" ? profile.split_nine_year() : profile.split_twelve_year();
  bool multi = primary && junior;
  double weighted = multi ? split.primary() * ps + split.junior() * js + split.senior() * ss : 0;
  int total = 0;
  std::array<double, 7> facility_ratio{};
  bool facilities_drawn = false;
  auto section = [&](bool is_primary, int students) {
    const junheng::v1::LevelProfile& lp = is_primary ? profile.primary() : profile.junior();
    std::array<double, 7> ratio = ratios();
    int t[3];
    for (int i = 0; i < 3; ++i)
      t[i] = whole(ratio[i] * lp.indicator_min(i) * students / 100, ratio[i]);
    int teachers = std::max({static_cast<int>(students * 0.075), t[0], t[1] + t[2]});
    int classes = students / (is_primary ? 40 : 45) + 1;
    int max_class = (is_primary ? 38 : 42) + pick(rng) % 7;
    if (pick(rng) < 8) max_class = (is_primary ? 46 : 51) + pick(rng) % 8;  // G5
    if (is_primary) {
      r.set_primary_students(students);
      r.set_primary_classes(classes);
      r.set_primary_max_class_size(max_class);
      r.set_primary_teachers(teachers);
      r.set_primary_teachers_above_degree(t[0]);
      r.set_primary_backbone_teachers(t[1]);
      r.set_primary_pe_art_teachers(t[2]);
    } else {
      r.set_junior_students(students);
      r.set_junior_classes(classes);
      r.set_junior_max_class_size(max_class);
      r.set_junior_teachers(teachers);
      r.set_junior_teachers_above_degree(t[0]);
      r.set_junior_backbone_teachers(t[1]);
      r.set_junior_pe_art_teachers(t[2]);
    }
    if (!facilities_drawn) {  // the school's facilities follow its first section's ratios
      facilities_drawn = true;
      for (int i = 3; i < 7; ++i) facility_ratio[i] = ratio[i];
    }
    total += students;
  };
  if (primary) section(true, ps);
  if (junior) section(false, js);
  if (ss > 0) r.set_senior_students(ss);
  // Facilities are whole-school quantities: for a nine- or twelve-year school, enough that the
  // section whose minimum binds gets the drawn ratio after the split (the other gets more).
  double quantities[7];
  for (int i = 3; i < 7; ++i) {
    double need = 0;
    if (multi) {
      need = std::max(profile.primary().indicator_min(i) / split.primary(),
                      profile.junior().indicator_min(i) / split.junior()) *
             weighted;
    } else {
      need = (primary ? profile.primary() : profile.junior()).indicator_min(i) * total;
    }
    quantities[i] = facility_ratio[i] * need;
  }
  r.set_teaching_aux_area_m2(quantities[3]);
  r.set_sports_area_m2(quantities[4]);
  r.set_equipment_value_yuan(quantities[5]);
  r.set_multimedia_classrooms(whole(quantities[6] / 100, facility_ratio[6]));
  int teachers = r.primary_teachers() + r.junior_teachers();
  int short_training = pick(rng) < 30 ? 1 + pick(rng) % 3 : 0;  // G9
  r.set_training_completed_teachers(std::max(0, teachers - short_training));
  r.set_certified_teachers(pick(rng) < 4 ? teachers - 1 : teachers);  // G12
  int classes = r.primary_classes() + r.junior_classes();
  int rooms = (classes + 11) / 12;
  r.set_music_rooms(rooms);
  r.set_art_rooms(rooms);
  bool small_rooms = pick(rng) < 25;  // G3
  r.set_music_room_min_area_m2(small_rooms ? between(80, 95) : between(96, 110));
  r.set_art_room_min_area_m2(small_rooms ? between(75, 89) : between(90, 105));
  // Public funds above the quotas (650 and 850 per student, small schools as 100 students).
  double funds = (primary ? ps * 700.0 : 0) + (junior ? js * 900.0 : 0);
  if (total < 100) funds *= 100.0 / total;
  if (pick(rng) < 5) funds *= 0.9;  // G6
  r.set_public_funds_yuan(funds);
  r.set_teacher_training_funds_yuan(funds * (pick(rng) < 8 ? 0.04 : 0.06));  // Q4
  r.set_zoned_admissions(total / 6);
  r.set_total_admissions(total / 6);
  if (pick(rng) < 4) r.set_courses_complete(false);  // Q7
}

}  // namespace

std::string BenchmarkCountyCode(int index) { return std::to_string(100000 + index); }

NationalDataset MakeNationalDataset(Mix mix, int counties, const CountyCodeOf& code_of) {
  NationalDataset d;
  d.profile = junheng::profile::LoadBuiltinProfile("national-2017").value();
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> pick(0, 99);
  for (int c = 0; c < counties; ++c) {
    eval::EvaluationInput in;
    in.county_code = code_of(c);
    in.period = kNationalPeriod;
    for (int s = 0; s < kSchoolsPerCounty; ++s) {
      junheng::v1::School school;
      school.set_school_code(in.county_code + std::to_string(1000 + s));
      school.set_school_name("school");
      school.set_county_code(in.county_code);
      school.set_locale(pick(rng) < 40 ? "town" : "rural");
      int kind = pick(rng);
      school.set_school_type(kind < 58   ? "primary"
                             : kind < 83 ? "junior"
                             : kind < 93 ? "nine_year"
                             : kind < 95 ? "twelve_year"
                                         : "teaching_point");
      school.set_target_year(2024 + pick(rng) % 6);
      junheng::v1::SchoolReport r;
      r.set_school_code(school.school_code());
      r.set_period(kNationalPeriod);
      if (mix == Mix::kStress) {
        StressReport(school, rng, r);
      } else {
        CalibratedReport(school, d.profile, rng, r);
      }
      r.set_has_charter(true);
      if (!r.has_courses_complete()) r.set_courses_complete(true);
      r.set_no_excess_burden(true);
      r.set_ict_rating("good");
      r.set_moral_culture_rating("good");
      in.registry.push_back(std::move(school));
      in.reports.push_back(std::move(r));
      ++d.schools;
    }
    junheng::v1::CountyFacts f;
    f.set_county_code(in.county_code);
    f.set_period(kNationalPeriod);
    f.set_layout_plan_ok(true);
    f.set_public_funds_quota_primary_yuan(650);
    f.set_public_funds_quota_junior_yuan(850);
    f.set_survey_valid(1000);
    f.set_survey_satisfied(900);
    in.county_facts = std::move(f);
    d.counties.push_back(std::move(in));
  }
  return d;
}

}  // namespace junheng::bench
