#include "common/eval/school_items.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
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
enum ItemIndex { kG3, kG4, kG5, kG6, kG9, kG12, kG13, kQ3, kQ4, kQ5, kQ6, kQ7, kQ8, kItemCount };
static_assert(std::size(kIds) == kItemCount);

// Every check below computes a school's outcome, and fills `f` (value, threshold, status and
// reason) only when `f` is not nullptr: passing schools are only counted, so their findings are
// never built. Both modes take their decisions from the same expressions.
enum class Outcome { kPass, kFail, kNotJudged };

// A number field of the report: its catalogue name and a reader with the generated accessors (the
// same value as ReportNumber(report, name), without the by-name lookup).
struct NumField {
  absl::string_view name;
  std::optional<double> (*read)(const SchoolReport&);
};
struct BoolField {
  absl::string_view name;
  std::optional<bool> (*read)(const SchoolReport&);
};

#define JUNHENG_BOOL_FIELD(field)                                               \
  BoolField {                                                                   \
#field, [](const SchoolReport& r) -> std::optional < bool>                  \
    { return r.has_##field() ? std::optional<bool>(r.field()) : std::nullopt; } \
  }
#define JUNHENG_NUM_FIELD(field)                                                  \
  NumField {                                                                      \
#field, [](const SchoolReport& r) -> std::optional < double>                  \
    { return r.has_##field() ? std::optional<double>(r.field()) : std::nullopt; } \
  }

constexpr NumField kPrimaryClasses = JUNHENG_NUM_FIELD(primary_classes);
constexpr NumField kJuniorClasses = JUNHENG_NUM_FIELD(junior_classes);
constexpr NumField kMusicRooms = JUNHENG_NUM_FIELD(music_rooms);
constexpr NumField kArtRooms = JUNHENG_NUM_FIELD(art_rooms);
constexpr NumField kMusicRoomArea = JUNHENG_NUM_FIELD(music_room_min_area_m2);
constexpr NumField kArtRoomArea = JUNHENG_NUM_FIELD(art_room_min_area_m2);
constexpr NumField kPrimaryStudents = JUNHENG_NUM_FIELD(primary_students);
constexpr NumField kJuniorStudents = JUNHENG_NUM_FIELD(junior_students);
constexpr NumField kPrimaryMaxClassSize = JUNHENG_NUM_FIELD(primary_max_class_size);
constexpr NumField kJuniorMaxClassSize = JUNHENG_NUM_FIELD(junior_max_class_size);
constexpr NumField kPublicFunds = JUNHENG_NUM_FIELD(public_funds_yuan);
constexpr NumField kTrainingFunds = JUNHENG_NUM_FIELD(teacher_training_funds_yuan);
constexpr NumField kPrimaryTeachers = JUNHENG_NUM_FIELD(primary_teachers);
constexpr NumField kJuniorTeachers = JUNHENG_NUM_FIELD(junior_teachers);
constexpr NumField kTrainingCompleted = JUNHENG_NUM_FIELD(training_completed_teachers);
constexpr NumField kCertified = JUNHENG_NUM_FIELD(certified_teachers);
constexpr NumField kZonedAdmissions = JUNHENG_NUM_FIELD(zoned_admissions);
constexpr NumField kTotalAdmissions = JUNHENG_NUM_FIELD(total_admissions);
constexpr BoolField kHasCharter = JUNHENG_BOOL_FIELD(has_charter);
constexpr BoolField kCoursesComplete = JUNHENG_BOOL_FIELD(courses_complete);
constexpr BoolField kNoExcessBurden = JUNHENG_BOOL_FIELD(no_excess_burden);

#undef JUNHENG_NUM_FIELD
#undef JUNHENG_BOOL_FIELD

// One school with what every check needs about it.
struct Subject {
  const SchoolRecord& record;
  validate::Sections sections;
};

void Start(const SchoolRecord& r, SchoolFinding& f) {
  f.set_school_code(r.school->school_code());
  Assign(f.mutable_status(), kNotJudged);
  f.mutable_value()->set_null_value(google::protobuf::NULL_VALUE);
  f.mutable_threshold()->set_null_value(google::protobuf::NULL_VALUE);
}

Outcome NotJudged(SchoolFinding* f, absl::string_view reason) {
  if (f != nullptr) {
    Assign(f->mutable_status(), kNotJudged);
    Assign(f->mutable_reason(), reason);
  }
  return Outcome::kNotJudged;
}

template <typename Fields>
Outcome Missing(SchoolFinding* f, const Fields& fields) {
  if (f == nullptr) return Outcome::kNotJudged;
  return NotJudged(f, absl::StrCat("not reported: ", absl::StrJoin(fields, ", ")));
}

// `reason` is called only when the finding is built.
template <typename Reason>
Outcome Judge(SchoolFinding* f, bool pass, Reason&& reason) {
  if (f != nullptr) {
    Assign(f->mutable_status(), pass ? kPass : kFail);
    Assign(f->mutable_reason(), reason());
  }
  return pass ? Outcome::kPass : Outcome::kFail;
}

// Reads number fields; records the names of those not reported.
struct Fields {
  const SchoolReport& report;
  std::vector<absl::string_view> missing;
  double Get(const NumField& field) {
    std::optional<double> v = field.read(report);
    if (!v) {
      missing.push_back(field.name);
      return 0;
    }
    return *v;
  }
};

bool IsMultiLevel(const School& school) {
  return school.school_type() == "nine_year" || school.school_type() == "twelve_year";
}

Outcome CheckG3(const Subject& r, const Profile& p, SchoolFinding* f) {
  const validate::Sections& s = r.sections;
  const SchoolReport& report = *r.record.report;
  Fields in{report, {}};
  double classes = 0;
  if (s.primary) classes += in.Get(kPrimaryClasses);
  if (s.junior) classes += in.Get(kJuniorClasses);
  double music = in.Get(kMusicRooms);
  double art = in.Get(kArtRooms);
  if (!in.missing.empty()) return Missing(f, in.missing);
  double needed = std::ceil(classes / p.classes_per_arts_room());
  const School& school = *r.record.school;
  bool relaxed = p.arts_room_relaxed_built_before() > 0 && school.has_built_year() &&
                 school.built_year() < p.arts_room_relaxed_built_before();
  double music_min = relaxed ? p.music_room_relaxed_min_area_m2() : p.music_room_min_area_m2();
  double art_min = relaxed ? p.art_room_relaxed_min_area_m2() : p.art_room_min_area_m2();
  std::optional<double> music_area = kMusicRoomArea.read(report);
  std::optional<double> art_area = kArtRoomArea.read(report);
  bool few_music = music < needed;
  bool few_art = art < needed;
  bool small_music = music > 0 && music_area && Below(*music_area, music_min);
  bool small_art = art > 0 && art_area && Below(*art_area, art_min);
  bool fail = few_music || few_art || small_music || small_art;
  bool unknown = (music > 0 && !music_area) || (art > 0 && !art_area);
  if (f == nullptr) {
    return fail ? Outcome::kFail : unknown ? Outcome::kNotJudged : Outcome::kPass;
  }
  SetNumberStruct(*f->mutable_value(), {{"music_rooms", music},
                                        {"art_rooms", art},
                                        {"music_room_min_area_m2", music_area},
                                        {"art_room_min_area_m2", art_area}});
  SetNumberStruct(*f->mutable_threshold(), {{"rooms_each", needed},
                                            {"music_room_min_area_m2", music_min},
                                            {"art_room_min_area_m2", art_min}});
  if (fail) {
    // Appended in place: G3 is the item that fails most often.
    Assign(f->mutable_status(), kFail);
    std::string& problems = *f->mutable_reason();
    problems.clear();
    auto separate = [&] { return problems.empty() ? "" : "; "; };
    if (few_music) absl::StrAppend(&problems, separate(), "music_rooms ", music, " < ", needed);
    if (few_art) absl::StrAppend(&problems, separate(), "art_rooms ", art, " < ", needed);
    if (small_music) {
      absl::StrAppend(&problems, separate(), "music_room_min_area_m2 ", Num(*music_area), " < ",
                      Num(music_min));
    }
    if (small_art) {
      absl::StrAppend(&problems, separate(), "art_room_min_area_m2 ", Num(*art_area), " < ",
                      Num(art_min));
    }
    return Outcome::kFail;
  }
  if (unknown) {
    std::vector<absl::string_view> missing;
    if (music > 0 && !music_area) missing.push_back("music_room_min_area_m2");
    if (art > 0 && !art_area) missing.push_back("art_room_min_area_m2");
    return Missing(f, missing);
  }
  return Judge(f, true, [&] {
    return absl::StrCat(classes, " classes need ", needed, " music and art room(s) each");
  });
}

Outcome CheckG4(const Subject& r, const Profile& p, SchoolFinding* f) {
  const validate::Sections& s = r.sections;
  Fields in{*r.record.report, {}};
  double students = 0;
  if (s.primary) students += in.Get(kPrimaryStudents);
  if (s.junior) students += in.Get(kJuniorStudents);
  if (!in.missing.empty()) return Missing(f, in.missing);
  const School& school = *r.record.school;
  bool multi = IsMultiLevel(school);
  bool relaxed = p.size_relaxed_built_before() > 0 && school.has_built_year() &&
                 school.built_year() < p.size_relaxed_built_before();
  double cap =
      multi ? (relaxed ? p.multi_level_relaxed_max_students() : p.multi_level_max_students())
            : (relaxed ? p.single_level_relaxed_max_students() : p.single_level_max_students());
  if (f != nullptr) {
    f->mutable_value()->set_number_value(students);
    f->mutable_threshold()->set_number_value(cap);
  }
  return Judge(f, students <= cap, [&] {
    return absl::StrCat(students, " compulsory-education students", students <= cap ? " ≤ " : " > ",
                        cap);
  });
}

Outcome CheckG5(const Subject& r, const Profile& p, SchoolFinding* f) {
  const validate::Sections& s = r.sections;
  const SchoolReport& report = *r.record.report;
  Fields in{report, {}};
  bool fail = false;
  std::vector<std::string> problems;
  auto check = [&](bool has, const NumField& field, int cap) {
    if (!has) return;
    double size = in.Get(field);
    if (field.read(report) && size > cap) {
      fail = true;
      if (f != nullptr) problems.push_back(absl::StrCat(field.name, " ", size, " > ", cap));
    }
  };
  check(s.primary, kPrimaryMaxClassSize, p.primary().max_class_size());
  check(s.junior, kJuniorMaxClassSize, p.junior().max_class_size());
  if (f != nullptr) {
    if (s.primary && !s.junior) {
      f->mutable_threshold()->set_number_value(p.primary().max_class_size());
      if (std::optional<double> v = kPrimaryMaxClassSize.read(report))
        f->mutable_value()->set_number_value(*v);
    } else if (s.junior && !s.primary) {
      f->mutable_threshold()->set_number_value(p.junior().max_class_size());
      if (std::optional<double> v = kJuniorMaxClassSize.read(report))
        f->mutable_value()->set_number_value(*v);
    }
  }
  if (fail) return Judge(f, false, [&] { return absl::StrJoin(problems, "; "); });
  if (!in.missing.empty()) return Missing(f, in.missing);
  return Judge(f, true, [] { return "every class within its level's maximum"; });
}

Outcome CheckG6(const Subject& r, const CountyFacts* facts, const Profile& p, SchoolFinding* f) {
  const validate::Sections& s = r.sections;
  Fields in{*r.record.report, {}};
  double primary = s.primary ? in.Get(kPrimaryStudents) : 0;
  double junior = s.junior ? in.Get(kJuniorStudents) : 0;
  double funds = in.Get(kPublicFunds);
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
    if (f == nullptr) return Outcome::kNotJudged;
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
  if (f != nullptr) {
    f->mutable_value()->set_number_value(funds);
    f->mutable_threshold()->set_number_value(required);
  }
  bool pass = AtLeast(funds, required);
  return Judge(f, pass, [&] {
    return absl::StrCat("public_funds_yuan ", Num(funds), pass ? " ≥ " : " < ", Num(required),
                        " (quota x max(students, ", floor, "))");
  });
}

Outcome CheckShare(const Subject& r, const NumField& part_field, double min, SchoolFinding* f) {
  const validate::Sections& s = r.sections;
  Fields in{*r.record.report, {}};
  double part = in.Get(part_field);
  double whole = 0;
  if (s.primary) whole += in.Get(kPrimaryTeachers);
  if (s.junior) whole += in.Get(kJuniorTeachers);
  if (!in.missing.empty()) return Missing(f, in.missing);
  if (whole <= 0)
    return NotJudged(f, "no full-time teachers reported (primary_teachers/junior_teachers = 0)");
  double share = part / whole;
  if (f != nullptr) {
    f->mutable_value()->set_number_value(share);
    f->mutable_threshold()->set_number_value(min);
  }
  bool pass = AtLeast(share, min);
  return Judge(f, pass, [&] {
    return absl::StrCat(part_field.name, " ", part, " of ", whole, " teachers = ", Num(share),
                        pass ? " ≥ " : " < ", Num(min));
  });
}

Outcome CheckG13(const Subject& r, const Profile& p, SchoolFinding* f) {
  const School& school = *r.record.school;
  bool urban_or_town = school.locale() == "urban" || school.locale() == "town";
  bool is_public = school.ownership().empty() || school.ownership() == "public";
  bool boarding = school.has_boarding() && school.boarding();
  if (!urban_or_town || !is_public || boarding) {
    return Judge(f, true, [&] {
      return absl::StrCat(
          "not applicable (applies to urban and town public non-boarding "
          "schools; this one is ",
          school.locale().empty() ? "of unknown locale" : school.locale(),
          is_public ? "" : ", private", boarding ? ", boarding" : "", ")");
    });
  }
  const validate::Sections& s = r.sections;
  double min = 0;
  if (s.primary) min = std::max(min, p.primary().zoned_admission_min());
  if (s.junior) min = std::max(min, p.junior().zoned_admission_min());
  Fields in{*r.record.report, {}};
  double zoned = in.Get(kZonedAdmissions);
  double total = in.Get(kTotalAdmissions);
  if (!in.missing.empty()) return Missing(f, in.missing);
  if (total <= 0) return Judge(f, true, [] { return "no new entrants this period"; });
  double share = zoned / total;
  if (f != nullptr) {
    f->mutable_value()->set_number_value(share);
    f->mutable_threshold()->set_number_value(min);
  }
  bool pass = AtLeast(share, min);
  return Judge(f, pass, [&] {
    return absl::StrCat("zoned_admissions ", zoned, " of ", total, " = ", Num(share),
                        pass ? " ≥ " : " < ", Num(min));
  });
}

Outcome CheckFlag(const Subject& r, const BoolField& field, SchoolFinding* f) {
  std::optional<bool> v = field.read(*r.record.report);
  if (!v) return Missing(f, std::vector<absl::string_view>{field.name});
  if (f != nullptr) {
    f->mutable_value()->set_bool_value(*v);
    f->mutable_threshold()->set_bool_value(true);
  }
  return Judge(f, *v, [&] { return absl::StrCat(field.name, " = ", *v ? "true" : "false"); });
}

int Rank(const Profile& p, const std::string& w) {
  int rank = 0;
  for (const std::string& word : p.rating_order()) {
    // Rating words mostly differ in length or first letter: checked first, they spare a memcmp.
    if (word.size() == w.size() && (w.empty() || word[0] == w[0]) && word == w) return rank;
    ++rank;
  }
  return -1;
}

Outcome CheckRating(absl::string_view field, const std::string& word, const std::string& min,
                    const Profile& p, SchoolFinding* f) {
  if (word.empty()) return Missing(f, std::vector<absl::string_view>{field});
  if (f != nullptr) {
    f->mutable_value()->set_string_value(std::string(word));
    f->mutable_threshold()->set_string_value(std::string(min));
  }
  int have = Rank(p, word);
  if (have < 0) {
    if (f == nullptr) return Outcome::kNotJudged;
    return NotJudged(f, absl::StrCat(field, " = \"", word, "\" is not a rating word (",
                                     absl::StrJoin(p.rating_order(), ", "), ")"));
  }
  bool pass = have >= Rank(p, min);
  return Judge(f, pass, [&] {
    return absl::StrCat(field, " = ", word, pass ? " (at least " : " (below ", min, ")");
  });
}

Outcome CheckQ4(const Subject& r, const Profile& p, SchoolFinding* f) {
  Fields in{*r.record.report, {}};
  double training = in.Get(kTrainingFunds);
  double funds = in.Get(kPublicFunds);
  if (!in.missing.empty()) return Missing(f, in.missing);
  if (funds <= 0) return NotJudged(f, "public_funds_yuan is 0: no budget to take a share of");
  double share = training / funds;
  if (f != nullptr) {
    f->mutable_value()->set_number_value(share);
    f->mutable_threshold()->set_number_value(p.training_funds_share_min());
  }
  bool pass = AtLeast(share, p.training_funds_share_min());
  return Judge(f, pass, [&] {
    return absl::StrCat("teacher_training_funds_yuan / public_funds_yuan = ", Num(share),
                        pass ? " ≥ " : " < ", Num(p.training_funds_share_min()));
  });
}

// Item `item` (an index into kIds) for a school with a report.
Outcome Check(int item, const Subject& r, const CountyFacts* facts, const Profile& profile,
              SchoolFinding* f) {
  const SchoolReport& report = *r.record.report;
  switch (item) {
    case kG3:
      return CheckG3(r, profile, f);
    case kG4:
      return CheckG4(r, profile, f);
    case kG5:
      return CheckG5(r, profile, f);
    case kG6:
      return CheckG6(r, facts, profile, f);
    case kG9:
      return CheckShare(r, kTrainingCompleted, profile.training_completion_min(), f);
    case kG12:
      return CheckShare(r, kCertified, profile.certified_share_min(), f);
    case kG13:
      return CheckG13(r, profile, f);
    case kQ3:
      return CheckFlag(r, kHasCharter, f);
    case kQ4:
      return CheckQ4(r, profile, f);
    case kQ5:
      return CheckRating("ict_rating", report.ict_rating(), profile.ict_rating_min(), profile, f);
    case kQ6:
      return CheckRating("moral_culture_rating", report.moral_culture_rating(),
                         profile.moral_culture_rating_min(), profile, f);
    case kQ7:
      return CheckFlag(r, kCoursesComplete, f);
    default:
      return CheckFlag(r, kNoExcessBurden, f);
  }
}

// The finding of a school for item `item`, built in full into a fresh `f`.
void Finding(int item, const Subject& r, const CountyFacts* facts, const Profile& profile,
             SchoolFinding& f) {
  Start(r.record, f);
  if (r.record.report == nullptr) {
    NotJudged(&f, "no report for the period");
  } else {
    Check(item, r, facts, profile, &f);
  }
}

}  // namespace

std::span<const absl::string_view> SchoolItemIds() { return kIds; }

bool IsUnitType(absl::string_view school_type) {
  return validate::SectionsOf(school_type).has_value();
}

SchoolFinding CheckSchoolItem(absl::string_view id, const SchoolRecord& record,
                              const CountyFacts* facts, const Profile& profile) {
  SchoolFinding f;
  if (record.report == nullptr) {
    Start(record, f);
    NotJudged(&f, "no report for the period");
    return f;
  }
  auto it = std::find(std::begin(kIds), std::end(kIds), id);
  if (it == std::end(kIds)) {
    Start(record, f);
    NotJudged(&f, absl::StrCat("unknown school item ", id));
    return f;
  }
  Subject subject{
      record, validate::SectionsOf(record.school->school_type()).value_or(validate::Sections{})};
  Finding(static_cast<int>(it - std::begin(kIds)), subject, facts, profile, f);
  return f;
}

SchoolFindings CollectSchoolFindings(const std::vector<SchoolRecord>& schools,
                                     const CountyFacts* facts, const Profile& profile,
                                     ItemSlots& slots) {
  std::array<ItemFindings*, kItemCount> lists;
  std::array<google::protobuf::RepeatedPtrField<SchoolFinding>*, kItemCount> listed_in;
  SchoolFindings findings;
  for (int k = 0; k < kItemCount; ++k) {
    lists[k] = &findings[std::string(kIds[k])];
    listed_in[k] = slots.Of(kIds[k]).mutable_schools();
  }
  for (size_t i = 0; i < schools.size(); ++i) {
    const SchoolRecord& record = schools[i];
    std::optional<validate::Sections> sections = validate::SectionsOf(record.school->school_type());
    if (!sections) continue;  // not a unit type: the S items do not apply
    Subject subject{record, *sections};
    for (int k = 0; k < kItemCount; ++k) {
      ItemFindings& list = *lists[k];
      ++list.schools;
      if (record.report != nullptr &&
          Check(k, subject, facts, profile, nullptr) == Outcome::kPass) {
        continue;
      }
      SchoolFinding* finding = listed_in[k]->Add();
      Finding(k, subject, facts, profile, *finding);
      list.listed.push_back(finding);
      list.school_index.push_back(i);
    }
  }
  return findings;
}

void AggregateSchoolFindings(const ItemFindings& findings, junheng::v1::ItemResult& item) {
  int failing = 0;
  int unknown = 0;
  for (const SchoolFinding* f : findings.listed) {
    if (f->status() == kFail) ++failing;
    if (f->status() == kNotJudged) ++unknown;
  }
  item.mutable_value()->set_number_value(failing);
  item.mutable_threshold()->set_number_value(0);
  std::string& reason = *item.mutable_reason();
  reason.clear();
  // "<n> of <schools> schools fail: <code> (<reason>); ...", appended in place.
  auto list = [&](absl::string_view status) {
    bool first = true;
    for (const SchoolFinding* f : findings.listed) {
      if (f->status() != status) continue;
      absl::StrAppend(&reason, first ? "" : "; ", f->school_code(), " (", f->reason(), ")");
      first = false;
    }
  };
  if (failing > 0) {
    Assign(item.mutable_status(), kFail);
    item.mutable_gap()->set_number_value(failing);
    absl::StrAppend(&reason, failing, " of ", findings.schools, " schools fail: ");
    list(kFail);
  } else if (unknown > 0) {
    Assign(item.mutable_status(), kNotJudged);
    absl::StrAppend(&reason, unknown, " of ", findings.schools, " schools could not be judged: ");
    list(kNotJudged);
  } else {
    Assign(item.mutable_status(), kPass);
    absl::StrAppend(&reason, "all ", findings.schools, " schools meet it");
  }
}

}  // namespace junheng::eval
