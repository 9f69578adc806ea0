#include "common/eval/school_items.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/catalog/fields.h"
#include "common/catalog/school_sections.h"
#include "common/eval/compare.h"
#include "common/eval/items.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {
namespace {

namespace report_fields = catalog::report;
using ReportField = catalog::Field<junheng::v1::SchoolReport>;

// Whether the school's campus was built before `year` (a profile's relaxation; 0: none applies).
bool BuiltBefore(const junheng::v1::School& school, int year) {
  std::optional<double> built = catalog::school::built_year.Number(school);
  return year > 0 && built && *built < year;
}

using junheng::v1::CountyFacts;
using junheng::v1::Profile;
using junheng::v1::School;
using junheng::v1::SchoolFinding;
using junheng::v1::SchoolReport;

constexpr absl::string_view kIds[] = {"G3", "G4", "G5", "G6", "G9", "G12", "G13",
                                      "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"};
enum ItemIndex { kG3, kG4, kG5, kG6, kG9, kG12, kG13, kQ3, kQ4, kQ5, kQ6, kQ7, kQ8, kItemCount };
static_assert(std::size(kIds) == kItemCount);

// One school with what every check needs about it.
struct Subject {
  const SchoolRecord& record;
  catalog::Sections sections;
};

enum class Outcome { kPass, kFail, kNotJudged };

// What a finding shows as its value or threshold: null, a number, a flag, a word (a view into the
// report or the profile), or a struct of numbers (nullopt: null), such as G3's rooms and areas.
using NumberFields = absl::InlinedVector<std::pair<absl::string_view, std::optional<double>>, 4>;
using Shown = std::variant<std::monostate, double, bool, absl::string_view, NumberFields>;

// One school's judgement for one item, a pure result of its report, the county facts and the
// profile. A passing school is only counted, so its judgement is the outcome alone; for the others
// it holds what their finding lists, and only they have a reason built.
struct Judgement {
  Outcome outcome = Outcome::kPass;
  Shown value;
  Shown threshold;
  std::string reason;
};

Judgement Pass() { return {}; }

Judgement Fail(Shown value, Shown threshold, std::string reason) {
  return {Outcome::kFail, std::move(value), std::move(threshold), std::move(reason)};
}

Judgement NotJudged(std::string reason, Shown value = {}, Shown threshold = {}) {
  return {Outcome::kNotJudged, std::move(value), std::move(threshold), std::move(reason)};
}

template <typename Names>
Judgement NotReported(const Names& fields, Shown value = {}, Shown threshold = {}) {
  return NotJudged(i18n::Say(i18n::evaluation::kNotReported, absl::StrJoin(fields, ", ")),
                   std::move(value), std::move(threshold));
}

// Reads number fields; records the names of those not reported.
struct Fields {
  const SchoolReport& report;
  std::vector<absl::string_view> missing;
  double Get(const ReportField& field) {
    std::optional<double> v = field.Number(report);
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

Judgement CheckG3(const Subject& r, const Profile& p) {
  const catalog::Sections& s = r.sections;
  const SchoolReport& report = *r.record.report;
  Fields in{report, {}};
  double classes = 0;
  if (s.primary) classes += in.Get(report_fields::primary_classes);
  if (s.junior) classes += in.Get(report_fields::junior_classes);
  double music = in.Get(report_fields::music_rooms);
  double art = in.Get(report_fields::art_rooms);
  if (!in.missing.empty()) return NotReported(in.missing);
  double needed = std::ceil(classes / p.classes_per_arts_room());
  const School& school = *r.record.school;
  bool relaxed = BuiltBefore(school, p.arts_room_relaxed_built_before());
  double music_min = relaxed ? p.music_room_relaxed_min_area_m2() : p.music_room_min_area_m2();
  double art_min = relaxed ? p.art_room_relaxed_min_area_m2() : p.art_room_min_area_m2();
  std::optional<double> music_area = report_fields::music_room_min_area_m2.Number(report);
  std::optional<double> art_area = report_fields::art_room_min_area_m2.Number(report);
  bool few_music = music < needed;
  bool few_art = art < needed;
  bool small_music = music > 0 && music_area && Below(*music_area, music_min);
  bool small_art = art > 0 && art_area && Below(*art_area, art_min);
  bool fail = few_music || few_art || small_music || small_art;
  bool unknown = (music > 0 && !music_area) || (art > 0 && !art_area);
  if (!fail && !unknown) return Pass();
  const absl::string_view music_area_name = report_fields::music_room_min_area_m2.name;
  const absl::string_view art_area_name = report_fields::art_room_min_area_m2.name;
  NumberFields value = {{report_fields::music_rooms.name, music},
                        {report_fields::art_rooms.name, art},
                        {music_area_name, music_area},
                        {art_area_name, art_area}};
  NumberFields threshold = {
      {"rooms_each", needed}, {music_area_name, music_min}, {art_area_name, art_min}};
  if (unknown && !fail) {
    std::vector<absl::string_view> missing;
    if (music > 0 && !music_area) missing.push_back(music_area_name);
    if (art > 0 && !art_area) missing.push_back(art_area_name);
    return NotReported(missing, std::move(value), std::move(threshold));
  }
  std::vector<std::string> problems;
  if (few_music) {
    problems.push_back(absl::StrCat(report_fields::music_rooms.name, " ", music, " < ", needed));
  }
  if (few_art) {
    problems.push_back(absl::StrCat(report_fields::art_rooms.name, " ", art, " < ", needed));
  }
  if (small_music) {
    problems.push_back(absl::StrCat(music_area_name, " ", Num(*music_area), " < ", Num(music_min)));
  }
  if (small_art) {
    problems.push_back(absl::StrCat(art_area_name, " ", Num(*art_area), " < ", Num(art_min)));
  }
  return Fail(std::move(value), std::move(threshold), absl::StrJoin(problems, "; "));
}

Judgement CheckG4(const Subject& r, const Profile& p) {
  const catalog::Sections& s = r.sections;
  Fields in{*r.record.report, {}};
  double students = 0;
  if (s.primary) students += in.Get(report_fields::primary_students);
  if (s.junior) students += in.Get(report_fields::junior_students);
  if (!in.missing.empty()) return NotReported(in.missing);
  const School& school = *r.record.school;
  bool multi = IsMultiLevel(school);
  bool relaxed = BuiltBefore(school, p.size_relaxed_built_before());
  double cap =
      multi ? (relaxed ? p.multi_level_relaxed_max_students() : p.multi_level_max_students())
            : (relaxed ? p.single_level_relaxed_max_students() : p.single_level_max_students());
  if (students <= cap) return Pass();
  return Fail(students, cap, i18n::Say(i18n::evaluation::kTooManyStudents, students, cap));
}

Judgement CheckG5(const Subject& r, const Profile& p) {
  const catalog::Sections& s = r.sections;
  const SchoolReport& report = *r.record.report;
  Fields in{report, {}};
  std::vector<std::string> problems;  // one per level over its maximum
  auto check = [&](bool has, const ReportField& field, int cap) {
    if (!has) return;
    double size = in.Get(field);
    if (field.Number(report) && size > cap) {
      problems.push_back(absl::StrCat(field.name, " ", size, " > ", cap));
    }
  };
  check(s.primary, report_fields::primary_max_class_size, p.primary().max_class_size());
  check(s.junior, report_fields::junior_max_class_size, p.junior().max_class_size());
  if (problems.empty() && in.missing.empty()) return Pass();
  // A single-level school shows its level's largest class against its maximum.
  Shown value;
  Shown threshold;
  if (s.primary != s.junior) {
    const ReportField& field =
        s.primary ? report_fields::primary_max_class_size : report_fields::junior_max_class_size;
    threshold = static_cast<double>((s.primary ? p.primary() : p.junior()).max_class_size());
    if (std::optional<double> v = field.Number(report)) value = *v;
  }
  if (!problems.empty()) {
    return Fail(std::move(value), std::move(threshold), absl::StrJoin(problems, "; "));
  }
  return NotReported(in.missing, std::move(value), std::move(threshold));
}

Judgement CheckG6(const Subject& r, const CountyFacts* facts, const Profile& p) {
  const catalog::Sections& s = r.sections;
  Fields in{*r.record.report, {}};
  double primary = s.primary ? in.Get(report_fields::primary_students) : 0;
  double junior = s.junior ? in.Get(report_fields::junior_students) : 0;
  double funds = in.Get(report_fields::public_funds_yuan);
  if (!in.missing.empty()) return NotReported(in.missing);
  if (facts == nullptr) {
    return NotJudged(i18n::Say(i18n::evaluation::kNoQuotas));
  }
  const catalog::Field<CountyFacts>& primary_quota =
      catalog::county_facts::public_funds_quota_primary_yuan;
  const catalog::Field<CountyFacts>& junior_quota =
      catalog::county_facts::public_funds_quota_junior_yuan;
  std::vector<absl::string_view> missing_facts;
  if (s.primary && !primary_quota.Number(*facts)) missing_facts.push_back(primary_quota.name);
  if (s.junior && !junior_quota.Number(*facts)) missing_facts.push_back(junior_quota.name);
  if (!missing_facts.empty()) {
    return NotJudged(
        i18n::Say(i18n::evaluation::kFactsNotReported, absl::StrJoin(missing_facts, ", ")));
  }
  // Unset quotas are 0, as the generated accessors read them: a school without that level needs
  // none.
  const double primary_quota_yuan = primary_quota.Number(*facts).value_or(0);
  const double junior_quota_yuan = junior_quota.Number(*facts).value_or(0);
  double students = primary + junior;
  double required = primary * primary_quota_yuan + junior * junior_quota_yuan;
  double floor = p.small_school_funded_students();
  if (students > 0 && students < floor) required *= floor / students;
  if (students <= 0) {
    // No students at all: funded as the minimum at the quota of its first level.
    required = floor * (s.primary ? primary_quota_yuan : junior_quota_yuan);
  }
  if (AtLeast(funds, required)) return Pass();
  return Fail(funds, required,
              i18n::Say(i18n::evaluation::kFundsBelow, Num(funds), Num(required), floor));
}

// The share `part_field` / full-time teachers of the school's sections at least `min` (G9, G12).
Judgement CheckShare(const Subject& r, const ReportField& part_field, double min) {
  const catalog::Sections& s = r.sections;
  Fields in{*r.record.report, {}};
  double part = in.Get(part_field);
  double whole = 0;
  if (s.primary) whole += in.Get(report_fields::primary_teachers);
  if (s.junior) whole += in.Get(report_fields::junior_teachers);
  if (!in.missing.empty()) return NotReported(in.missing);
  if (whole <= 0) {
    return NotJudged(i18n::Say(i18n::evaluation::kNoTeachers));
  }
  double share = part / whole;
  if (AtLeast(share, min)) return Pass();
  return Fail(share, min,
              i18n::Say(i18n::evaluation::kTeacherShare, part_field.name, part, whole, Num(share),
                        Num(min)));
}

Judgement CheckG13(const Subject& r, const Profile& p) {
  if (!ZonedAdmissionApplies(*r.record.school)) return Pass();
  const catalog::Sections& s = r.sections;
  double min = 0;
  if (s.primary) min = std::max(min, p.primary().zoned_admission_min());
  if (s.junior) min = std::max(min, p.junior().zoned_admission_min());
  Fields in{*r.record.report, {}};
  double zoned = in.Get(report_fields::zoned_admissions);
  double total = in.Get(report_fields::total_admissions);
  if (!in.missing.empty()) return NotReported(in.missing);
  if (total <= 0) return Pass();  // no new entrants this period
  double share = zoned / total;
  if (AtLeast(share, min)) return Pass();
  return Fail(share, min,
              i18n::Say(i18n::evaluation::kZonedShare, zoned, total, Num(share), Num(min)));
}

Judgement CheckFlag(const Subject& r, const ReportField& field) {
  std::optional<bool> v = field.Flag(*r.record.report);
  if (!v) return NotReported(std::vector<absl::string_view>{field.name});
  if (*v) return Pass();
  return Fail(false, true, absl::StrCat(field.name, " = false"));
}

// The position of `word` in the profile's rating order (worst first), or -1.
int Rank(const Profile& p, absl::string_view word) {
  int rank = 0;
  for (const std::string& w : p.rating_order()) {
    if (w == word) return rank;
    ++rank;
  }
  return -1;
}

Judgement CheckRating(const Subject& r, const ReportField& rating, absl::string_view min,
                      const Profile& p) {
  const absl::string_view field = rating.name;
  const absl::string_view word = rating.Text(*r.record.report);
  if (word.empty()) return NotReported(std::vector<absl::string_view>{field});
  int have = Rank(p, word);
  if (have < 0) {
    return NotJudged(i18n::Say(i18n::evaluation::kNotARating, field, word,
                               absl::StrJoin(p.rating_order(), ", ")),
                     word, min);
  }
  if (have >= Rank(p, min)) return Pass();
  return Fail(word, min, i18n::Say(i18n::evaluation::kRatingBelow, field, word, min));
}

Judgement CheckQ4(const Subject& r, const Profile& p) {
  Fields in{*r.record.report, {}};
  double training = in.Get(report_fields::teacher_training_funds_yuan);
  double funds = in.Get(report_fields::public_funds_yuan);
  if (!in.missing.empty()) return NotReported(in.missing);
  const absl::string_view funds_name = report_fields::public_funds_yuan.name;
  if (funds <= 0) {
    return NotJudged(i18n::Say(i18n::evaluation::kNoBudget, funds_name));
  }
  double share = training / funds;
  if (AtLeast(share, p.training_funds_share_min())) return Pass();
  return Fail(share, p.training_funds_share_min(),
              absl::StrCat(report_fields::teacher_training_funds_yuan.name, " / ", funds_name,
                           " = ", Num(share), " < ", Num(p.training_funds_share_min())));
}

// Item `item` (an index into kIds) for a school with a report.
Judgement Check(int item, const Subject& r, const CountyFacts* facts, const Profile& profile) {
  switch (item) {
    case kG3:
      return CheckG3(r, profile);
    case kG4:
      return CheckG4(r, profile);
    case kG5:
      return CheckG5(r, profile);
    case kG6:
      return CheckG6(r, facts, profile);
    case kG9:
      return CheckShare(r, report_fields::training_completed_teachers,
                        profile.training_completion_min());
    case kG12:
      return CheckShare(r, report_fields::certified_teachers, profile.certified_share_min());
    case kG13:
      return CheckG13(r, profile);
    case kQ3:
      return CheckFlag(r, report_fields::has_charter);
    case kQ4:
      return CheckQ4(r, profile);
    case kQ5:
      return CheckRating(r, report_fields::ict_rating, profile.ict_rating_min(), profile);
    case kQ6:
      return CheckRating(r, report_fields::moral_culture_rating, profile.moral_culture_rating_min(),
                         profile);
    case kQ7:
      return CheckFlag(r, report_fields::courses_complete);
    default:
      return CheckFlag(r, report_fields::no_excess_burden);
  }
}

void Show(const Shown& shown, google::protobuf::Value& out) {
  if (const double* number = std::get_if<double>(&shown)) {
    out.set_number_value(*number);
  } else if (const bool* flag = std::get_if<bool>(&shown)) {
    out.set_bool_value(*flag);
  } else if (const absl::string_view* word = std::get_if<absl::string_view>(&shown)) {
    out.set_string_value(std::string(*word));
  } else if (const NumberFields* fields = std::get_if<NumberFields>(&shown)) {
    SetNumberStruct(out, *fields);
  } else {
    out.set_null_value(google::protobuf::NULL_VALUE);
  }
}

// The finding of a school judged `j` (fail or not_judged), filled into a fresh `f`.
void WriteFinding(const SchoolRecord& record, const Judgement& j, SchoolFinding& f) {
  Assign(f.mutable_school_code(), record.school->school_code());
  Assign(f.mutable_status(), j.outcome == Outcome::kFail ? kFail : kNotJudged);
  Show(j.value, *f.mutable_value());
  Show(j.threshold, *f.mutable_threshold());
  Assign(f.mutable_reason(), j.reason);
}

}  // namespace

std::span<const absl::string_view> SchoolItemIds() { return kIds; }

bool IsUnitType(absl::string_view school_type) {
  return catalog::SectionsOf(school_type).has_value();
}

bool ZonedAdmissionApplies(const School& school) {
  bool urban_or_town = school.locale() == "urban" || school.locale() == "town";
  bool is_public = school.ownership().empty() || school.ownership() == "public";
  bool boarding = catalog::school::boarding.Flag(school).value_or(false);
  return urban_or_town && is_public && !boarding;
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
    std::optional<catalog::Sections> sections = catalog::SectionsOf(record.school->school_type());
    if (!sections) continue;  // not a unit type: the S items do not apply
    Subject subject{record, *sections};
    for (int k = 0; k < kItemCount; ++k) {
      ItemFindings& list = *lists[k];
      ++list.schools;
      Judgement j = record.report == nullptr ? NotJudged(i18n::Say(i18n::evaluation::kNoReport))
                                             : Check(k, subject, facts, profile);
      if (j.outcome == Outcome::kPass) continue;
      SchoolFinding* finding = listed_in[k]->Add();
      WriteFinding(record, j, *finding);
      list.listed.push_back(finding);
      list.school_index.push_back(i);
    }
  }
  return findings;
}

void AggregateSchoolFindings(const SchoolFindings& all, junheng::v1::ItemResult& item) {
  auto it = all.find(item.id());
  if (it == all.end() || it->second.schools == 0) {
    SetNotJudged(item, i18n::Say(i18n::evaluation::kNoSchools));
    return;
  }
  const ItemFindings& findings = it->second;
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
  // "<n> of <schools> schools fail: <code> (<reason>); ..."
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
    absl::StrAppend(&reason, i18n::Say(i18n::evaluation::kSchoolsFail, failing, findings.schools));
    list(kFail);
  } else if (unknown > 0) {
    Assign(item.mutable_status(), kNotJudged);
    absl::StrAppend(&reason,
                    i18n::Say(i18n::evaluation::kSchoolsUnknown, unknown, findings.schools));
    list(kNotJudged);
  } else {
    Assign(item.mutable_status(), kPass);
    absl::StrAppend(&reason, i18n::Say(i18n::evaluation::kSchoolsMeet, findings.schools));
  }
}

}  // namespace junheng::eval
