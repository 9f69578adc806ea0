#include "common/eval/school_items.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/eval/compare.h"
#include "common/eval/items.h"
#include "common/eval/units.h"
#include "common/validate/school_sections.h"

namespace junheng::eval {
namespace {

using junheng::v1::CountyFacts;
using junheng::v1::Profile;
using junheng::v1::School;
using junheng::v1::SchoolFinding;
using junheng::v1::SchoolReport;

constexpr absl::string_view kIds[] = {"G3", "G4", "G5", "G6", "G9", "G12", "G13",
                                      "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"};

SchoolFinding Start(const SchoolRecord& r) {
  SchoolFinding f;
  f.set_school_code(r.school->school_code());
  f.set_status(std::string(kNotJudged));
  *f.mutable_value() = NullValue();
  *f.mutable_threshold() = NullValue();
  return f;
}

SchoolFinding NotJudged(SchoolFinding f, absl::string_view reason) {
  f.set_status(std::string(kNotJudged));
  f.set_reason(std::string(reason));
  return f;
}

SchoolFinding Missing(SchoolFinding f, const std::vector<std::string>& fields) {
  return NotJudged(std::move(f), absl::StrCat("not reported: ", absl::StrJoin(fields, ", ")));
}

SchoolFinding Judge(SchoolFinding f, bool pass, absl::string_view reason) {
  f.set_status(std::string(pass ? kPass : kFail));
  f.set_reason(std::string(reason));
  return f;
}

// Reads number fields; records the names of those not reported.
struct Fields {
  const SchoolReport& report;
  std::vector<std::string> missing;
  double Get(absl::string_view field) {
    std::optional<double> v = ReportNumber(report, field);
    if (!v) {
      missing.emplace_back(field);
      return 0;
    }
    return *v;
  }
};

validate::Sections SectionsOfSchool(const School& school) {
  return validate::SectionsOf(school.school_type()).value_or(validate::Sections{});
}

bool IsMultiLevel(const School& school) {
  return school.school_type() == "nine_year" || school.school_type() == "twelve_year";
}

SchoolFinding CheckG3(const SchoolRecord& r, const Profile& p) {
  SchoolFinding f = Start(r);
  validate::Sections s = SectionsOfSchool(*r.school);
  Fields in{*r.report, {}};
  double classes = 0;
  if (s.primary) classes += in.Get("primary_classes");
  if (s.junior) classes += in.Get("junior_classes");
  double music = in.Get("music_rooms");
  double art = in.Get("art_rooms");
  if (!in.missing.empty()) return Missing(f, in.missing);
  double needed = std::ceil(classes / p.classes_per_arts_room());
  bool relaxed = p.arts_room_relaxed_built_before() > 0 && r.school->has_built_year() &&
                 r.school->built_year() < p.arts_room_relaxed_built_before();
  double music_min = relaxed ? p.music_room_relaxed_min_area_m2() : p.music_room_min_area_m2();
  double art_min = relaxed ? p.art_room_relaxed_min_area_m2() : p.art_room_min_area_m2();
  std::vector<std::string> problems;
  if (music < needed) problems.push_back(absl::StrCat("music_rooms ", music, " < ", needed));
  if (art < needed) problems.push_back(absl::StrCat("art_rooms ", art, " < ", needed));
  std::optional<double> music_area = ReportNumber(*r.report, "music_room_min_area_m2");
  std::optional<double> art_area = ReportNumber(*r.report, "art_room_min_area_m2");
  std::vector<std::string> missing;
  if (music > 0 && !music_area) missing.push_back("music_room_min_area_m2");
  if (art > 0 && !art_area) missing.push_back("art_room_min_area_m2");
  if (music > 0 && music_area && Below(*music_area, music_min)) {
    problems.push_back(
        absl::StrCat("music_room_min_area_m2 ", Num(*music_area), " < ", Num(music_min)));
  }
  if (art > 0 && art_area && Below(*art_area, art_min)) {
    problems.push_back(absl::StrCat("art_room_min_area_m2 ", Num(*art_area), " < ", Num(art_min)));
  }
  *f.mutable_value() =
      StructValue({{"music_rooms", NumberValue(music)},
                   {"art_rooms", NumberValue(art)},
                   {"music_room_min_area_m2", music_area ? NumberValue(*music_area) : NullValue()},
                   {"art_room_min_area_m2", art_area ? NumberValue(*art_area) : NullValue()}});
  *f.mutable_threshold() = StructValue({{"rooms_each", NumberValue(needed)},
                                        {"music_room_min_area_m2", NumberValue(music_min)},
                                        {"art_room_min_area_m2", NumberValue(art_min)}});
  if (!problems.empty()) return Judge(f, false, absl::StrJoin(problems, "; "));
  if (!missing.empty()) return Missing(f, missing);
  return Judge(f, true,
               absl::StrCat(classes, " classes need ", needed, " music and art room(s) each"));
}

SchoolFinding CheckG4(const SchoolRecord& r, const Profile& p) {
  SchoolFinding f = Start(r);
  validate::Sections s = SectionsOfSchool(*r.school);
  Fields in{*r.report, {}};
  double students = 0;
  if (s.primary) students += in.Get("primary_students");
  if (s.junior) students += in.Get("junior_students");
  if (!in.missing.empty()) return Missing(f, in.missing);
  bool multi = IsMultiLevel(*r.school);
  bool relaxed = p.size_relaxed_built_before() > 0 && r.school->has_built_year() &&
                 r.school->built_year() < p.size_relaxed_built_before();
  double cap =
      multi ? (relaxed ? p.multi_level_relaxed_max_students() : p.multi_level_max_students())
            : (relaxed ? p.single_level_relaxed_max_students() : p.single_level_max_students());
  *f.mutable_value() = NumberValue(students);
  *f.mutable_threshold() = NumberValue(cap);
  return Judge(f, students <= cap,
               absl::StrCat(students, " compulsory-education students",
                            students <= cap ? " ≤ " : " > ", cap));
}

SchoolFinding CheckG5(const SchoolRecord& r, const Profile& p) {
  SchoolFinding f = Start(r);
  validate::Sections s = SectionsOfSchool(*r.school);
  Fields in{*r.report, {}};
  std::vector<std::string> problems;
  auto check = [&](bool has, absl::string_view field, int cap) {
    if (!has) return;
    double size = in.Get(field);
    if (ReportNumber(*r.report, field) && size > cap) {
      problems.push_back(absl::StrCat(field, " ", size, " > ", cap));
    }
  };
  check(s.primary, "primary_max_class_size", p.primary().max_class_size());
  check(s.junior, "junior_max_class_size", p.junior().max_class_size());
  if (s.primary && !s.junior) {
    *f.mutable_threshold() = NumberValue(p.primary().max_class_size());
    if (std::optional<double> v = ReportNumber(*r.report, "primary_max_class_size"))
      *f.mutable_value() = NumberValue(*v);
  } else if (s.junior && !s.primary) {
    *f.mutable_threshold() = NumberValue(p.junior().max_class_size());
    if (std::optional<double> v = ReportNumber(*r.report, "junior_max_class_size"))
      *f.mutable_value() = NumberValue(*v);
  }
  if (!problems.empty()) return Judge(f, false, absl::StrJoin(problems, "; "));
  if (!in.missing.empty()) return Missing(f, in.missing);
  return Judge(f, true, "every class within its level's maximum");
}

SchoolFinding CheckG6(const SchoolRecord& r, const CountyFacts* facts, const Profile& p) {
  SchoolFinding f = Start(r);
  validate::Sections s = SectionsOfSchool(*r.school);
  Fields in{*r.report, {}};
  double primary = s.primary ? in.Get("primary_students") : 0;
  double junior = s.junior ? in.Get("junior_students") : 0;
  double funds = in.Get("public_funds_yuan");
  if (!in.missing.empty()) return Missing(f, in.missing);
  std::vector<std::string> missing_facts;
  if (facts == nullptr)
    return NotJudged(f,
                     "no county facts for the period (needs the per-student public-funds quotas)");
  if (s.primary && !facts->has_public_funds_quota_primary_yuan())
    missing_facts.push_back("public_funds_quota_primary_yuan");
  if (s.junior && !facts->has_public_funds_quota_junior_yuan())
    missing_facts.push_back("public_funds_quota_junior_yuan");
  if (!missing_facts.empty()) {
    return NotJudged(
        f, absl::StrCat("county facts not reported: ", absl::StrJoin(missing_facts, ", ")));
  }
  double students = primary + junior;
  double required = primary * facts->public_funds_quota_primary_yuan() +
                    junior * facts->public_funds_quota_junior_yuan();
  double floor = p.small_school_funded_students();
  if (students > 0 && students < floor) required *= floor / students;
  if (students <= 0) {
    // No students at all: funded as the minimum at the quota of its first level.
    required = floor * (s.primary ? facts->public_funds_quota_primary_yuan()
                                  : facts->public_funds_quota_junior_yuan());
  }
  *f.mutable_value() = NumberValue(funds);
  *f.mutable_threshold() = NumberValue(required);
  bool pass = AtLeast(funds, required);
  return Judge(f, pass,
               absl::StrCat("public_funds_yuan ", Num(funds), pass ? " ≥ " : " < ", Num(required),
                            " (quota x max(students, ", floor, "))"));
}

SchoolFinding CheckShare(const SchoolRecord& r, absl::string_view part_field, double min) {
  SchoolFinding f = Start(r);
  validate::Sections s = SectionsOfSchool(*r.school);
  Fields in{*r.report, {}};
  double part = in.Get(part_field);
  double whole = 0;
  if (s.primary) whole += in.Get("primary_teachers");
  if (s.junior) whole += in.Get("junior_teachers");
  if (!in.missing.empty()) return Missing(f, in.missing);
  if (whole <= 0)
    return NotJudged(f, "no full-time teachers reported (primary_teachers/junior_teachers = 0)");
  double share = part / whole;
  *f.mutable_value() = NumberValue(share);
  *f.mutable_threshold() = NumberValue(min);
  bool pass = AtLeast(share, min);
  return Judge(f, pass,
               absl::StrCat(part_field, " ", part, " of ", whole, " teachers = ", Num(share),
                            pass ? " ≥ " : " < ", Num(min)));
}

SchoolFinding CheckG13(const SchoolRecord& r, const Profile& p) {
  SchoolFinding f = Start(r);
  const School& school = *r.school;
  bool urban_or_town = school.locale() == "urban" || school.locale() == "town";
  bool is_public = school.ownership().empty() || school.ownership() == "public";
  bool boarding = school.has_boarding() && school.boarding();
  if (!urban_or_town || !is_public || boarding) {
    return Judge(f, true,
                 absl::StrCat("not applicable (applies to urban and town public non-boarding "
                              "schools; this one is ",
                              school.locale().empty() ? "of unknown locale" : school.locale(),
                              is_public ? "" : ", private", boarding ? ", boarding" : "", ")"));
  }
  validate::Sections s = SectionsOfSchool(school);
  double min = 0;
  if (s.primary) min = std::max(min, p.primary().zoned_admission_min());
  if (s.junior) min = std::max(min, p.junior().zoned_admission_min());
  Fields in{*r.report, {}};
  double zoned = in.Get("zoned_admissions");
  double total = in.Get("total_admissions");
  if (!in.missing.empty()) return Missing(f, in.missing);
  if (total <= 0) return Judge(f, true, "no new entrants this period");
  double share = zoned / total;
  *f.mutable_value() = NumberValue(share);
  *f.mutable_threshold() = NumberValue(min);
  bool pass = AtLeast(share, min);
  return Judge(f, pass,
               absl::StrCat("zoned_admissions ", zoned, " of ", total, " = ", Num(share),
                            pass ? " ≥ " : " < ", Num(min)));
}

SchoolFinding CheckFlag(const SchoolRecord& r, absl::string_view field) {
  SchoolFinding f = Start(r);
  const google::protobuf::FieldDescriptor* d =
      SchoolReport::descriptor()->FindFieldByName(std::string(field));
  const google::protobuf::Reflection* refl = r.report->GetReflection();
  if (!refl->HasField(*r.report, d)) return Missing(f, {std::string(field)});
  bool v = refl->GetBool(*r.report, d);
  *f.mutable_value() = BoolValue(v);
  *f.mutable_threshold() = BoolValue(true);
  return Judge(f, v, absl::StrCat(field, " = ", v ? "true" : "false"));
}

SchoolFinding CheckRating(const SchoolRecord& r, absl::string_view field, const std::string& word,
                          const std::string& min, const Profile& p) {
  SchoolFinding f = Start(r);
  if (word.empty()) return Missing(f, {std::string(field)});
  auto rank = [&p](const std::string& w) -> int {
    for (int i = 0; i < p.rating_order_size(); ++i) {
      if (p.rating_order(i) == w) return i;
    }
    return -1;
  };
  *f.mutable_value() = StringValue(word);
  *f.mutable_threshold() = StringValue(min);
  int have = rank(word);
  if (have < 0) {
    return NotJudged(f, absl::StrCat(field, " = \"", word, "\" is not a rating word (",
                                     absl::StrJoin(p.rating_order(), ", "), ")"));
  }
  bool pass = have >= rank(min);
  return Judge(f, pass,
               absl::StrCat(field, " = ", word, pass ? " (at least " : " (below ", min, ")"));
}

SchoolFinding CheckQ4(const SchoolRecord& r, const Profile& p) {
  SchoolFinding f = Start(r);
  Fields in{*r.report, {}};
  double training = in.Get("teacher_training_funds_yuan");
  double funds = in.Get("public_funds_yuan");
  if (!in.missing.empty()) return Missing(f, in.missing);
  if (funds <= 0) return NotJudged(f, "public_funds_yuan is 0: no budget to take a share of");
  double share = training / funds;
  *f.mutable_value() = NumberValue(share);
  *f.mutable_threshold() = NumberValue(p.training_funds_share_min());
  bool pass = AtLeast(share, p.training_funds_share_min());
  return Judge(f, pass,
               absl::StrCat("teacher_training_funds_yuan / public_funds_yuan = ", Num(share),
                            pass ? " ≥ " : " < ", Num(p.training_funds_share_min())));
}

}  // namespace

std::span<const absl::string_view> SchoolItemIds() { return kIds; }

bool IsUnitType(absl::string_view school_type) {
  return validate::SectionsOf(school_type).has_value();
}

SchoolFinding CheckSchoolItem(absl::string_view id, const SchoolRecord& record,
                              const CountyFacts* facts, const Profile& profile) {
  if (record.report == nullptr) return NotJudged(Start(record), "no report for the period");
  const SchoolReport& report = *record.report;
  if (id == "G3") return CheckG3(record, profile);
  if (id == "G4") return CheckG4(record, profile);
  if (id == "G5") return CheckG5(record, profile);
  if (id == "G6") return CheckG6(record, facts, profile);
  if (id == "G9")
    return CheckShare(record, "training_completed_teachers", profile.training_completion_min());
  if (id == "G12") return CheckShare(record, "certified_teachers", profile.certified_share_min());
  if (id == "G13") return CheckG13(record, profile);
  if (id == "Q3") return CheckFlag(record, "has_charter");
  if (id == "Q4") return CheckQ4(record, profile);
  if (id == "Q5")
    return CheckRating(record, "ict_rating", report.ict_rating(), profile.ict_rating_min(),
                       profile);
  if (id == "Q6") {
    return CheckRating(record, "moral_culture_rating", report.moral_culture_rating(),
                       profile.moral_culture_rating_min(), profile);
  }
  if (id == "Q7") return CheckFlag(record, "courses_complete");
  if (id == "Q8") return CheckFlag(record, "no_excess_burden");
  return NotJudged(Start(record), absl::StrCat("unknown school item ", id));
}

void AggregateSchoolFindings(const std::vector<SchoolFinding>& findings,
                             junheng::v1::ItemResult& item) {
  int failing = 0;
  int unknown = 0;
  for (const SchoolFinding& f : findings) {
    if (f.status() == kFail) ++failing;
    if (f.status() == kNotJudged) ++unknown;
    if (f.status() != kPass) *item.add_schools() = f;
  }
  *item.mutable_value() = NumberValue(failing);
  *item.mutable_threshold() = NumberValue(0);
  if (failing > 0) {
    item.set_status(std::string(kFail));
    *item.mutable_gap() = NumberValue(failing);
    std::vector<std::string> codes;
    for (const SchoolFinding& f : findings) {
      if (f.status() == kFail)
        codes.push_back(absl::StrCat(f.school_code(), " (", f.reason(), ")"));
    }
    item.set_reason(absl::StrCat(failing, " of ", findings.size(),
                                 " schools fail: ", absl::StrJoin(codes, "; ")));
  } else if (unknown > 0) {
    item.set_status(std::string(kNotJudged));
    std::vector<std::string> codes;
    for (const SchoolFinding& f : findings) {
      if (f.status() == kNotJudged)
        codes.push_back(absl::StrCat(f.school_code(), " (", f.reason(), ")"));
    }
    item.set_reason(absl::StrCat(unknown, " of ", findings.size(),
                                 " schools could not be judged: ", absl::StrJoin(codes, "; ")));
  } else {
    item.set_status(std::string(kPass));
    item.set_reason(absl::StrCat("all ", findings.size(), " schools meet it"));
  }
}

}  // namespace junheng::eval
