#include "common/eval/government_items.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/catalog/fields.h"
#include "common/catalog/school_sections.h"
#include "common/eval/compare.h"
#include "common/eval/items.h"
#include "common/eval/school_items.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {
namespace {

namespace report_fields = catalog::report;
using ReportField = catalog::Field<junheng::v1::SchoolReport>;

using junheng::v1::CountyFacts;
using junheng::v1::ItemResult;
using junheng::v1::Profile;
using junheng::v1::SchoolReport;

// A county-wide share Σ part / Σ teachers over every school's report (G9, G12).
//
// With reports missing, the item fails only when no values the missing cells could hold reach the
// minimum: a school whose teachers are known but whose part is not is counted at its best (part =
// teachers); a school whose teachers are unknown could bring any number of fully covered teachers,
// so the best share tends to 1 and only a minimum of 1 (every teacher) is already proven missed.
void TeacherShare(ItemResult& item, const ReportField& part_field, double min,
                  const std::vector<SchoolRecord>& schools) {
  double part = 0;
  double whole = 0;
  double best_part = 0;  // part + the teachers of schools that left only the part empty
  bool teachers_unknown = false;
  std::vector<std::string> missing;
  for (const SchoolRecord& r : schools) {
    if (!IsUnitType(r.school->school_type())) continue;
    if (r.report == nullptr) {
      missing.push_back(i18n::Say(i18n::evaluation::kNoReportOf, r.school->school_code()));
      teachers_unknown = true;
      continue;
    }
    catalog::Sections s = catalog::SectionsOf(r.school->school_type()).value();
    std::vector<absl::string_view> fields;
    std::optional<double> p = part_field.Number(*r.report);
    if (!p) fields.push_back(part_field.name);
    double teachers = 0;
    for (auto [has, field] :
         {std::pair<bool, const ReportField*>{s.primary, &report_fields::primary_teachers},
          {s.junior, &report_fields::junior_teachers}}) {
      if (!has) continue;
      std::optional<double> t = field->Number(*r.report);
      if (!t) fields.push_back(field->name);
      teachers += t.value_or(0);
    }
    if (!fields.empty()) {
      missing.push_back(
          absl::StrCat(r.school->school_code(), " (", absl::StrJoin(fields, ", "), ")"));
    }
    if (fields.size() > (p ? 0u : 1u)) {
      teachers_unknown = true;
      continue;
    }
    best_part += p.value_or(teachers);
    if (p) part += *p;
    whole += teachers;
  }
  item.mutable_threshold()->set_number_value(min);
  if (!missing.empty()) {
    const std::string not_reported =
        i18n::Say(i18n::evaluation::kNotReported, absl::StrJoin(missing, "; "));
    // With a school's teachers unknown, the best share approaches 1 without reaching it.
    const bool proven = whole > 0 && best_part < whole &&
                        (teachers_unknown ? AtLeast(min, 1.0) : !AtLeast(best_part / whole, min));
    if (!proven) {
      SetNotJudged(item, not_reported);
      return;
    }
    Assign(item.mutable_status(), kFail);
    if (!teachers_unknown) item.mutable_gap()->set_number_value(min - best_part / whole);
    item.set_reason(absl::StrCat(
        i18n::Say(i18n::evaluation::kShareProvenShort, part_field.name, whole - best_part, whole),
        "; ", not_reported));
    return;
  }
  if (whole <= 0) {
    SetNotJudged(item, i18n::Say(i18n::evaluation::kNoTeachersCounty));
    return;
  }
  SetAtLeast(item, part / whole, min,
             i18n::Say(i18n::evaluation::kCountyTeacherShare, part_field.name, part, whole));
}

void ZonedAdmission(ItemResult& item, const std::vector<SchoolRecord>& schools,
                    const Profile& profile) {
  double zoned[2] = {0, 0};
  double total[2] = {0, 0};
  int applicable[2] = {0, 0};
  std::vector<std::string> missing;
  for (const SchoolRecord& r : schools) {
    const junheng::v1::School& school = *r.school;
    if (!IsUnitType(school.school_type()) || !ZonedAdmissionApplies(school)) continue;
    catalog::Sections s = catalog::SectionsOf(school.school_type()).value();
    // Admissions are reported per school; a school with a primary section counts toward the
    // primary rate (the stricter threshold), others toward the junior rate.
    int level = s.primary ? 0 : 1;
    ++applicable[level];
    if (r.report == nullptr) {
      missing.push_back(i18n::Say(i18n::evaluation::kNoReportOf, school.school_code()));
      continue;
    }
    std::optional<double> z = report_fields::zoned_admissions.Number(*r.report);
    std::optional<double> t = report_fields::total_admissions.Number(*r.report);
    if (!z || !t) {
      std::vector<std::string> fields;
      if (!z) fields.emplace_back(report_fields::zoned_admissions.name);
      if (!t) fields.emplace_back(report_fields::total_admissions.name);
      missing.push_back(absl::StrCat(school.school_code(), " (", absl::StrJoin(fields, ", "), ")"));
      continue;
    }
    zoned[level] += *z;
    total[level] += *t;
  }
  double min[2] = {profile.primary().zoned_admission_min(), profile.junior().zoned_admission_min()};
  SetStruct(*item.mutable_threshold(),
            {{"primary", NumberValue(min[0])}, {"junior", NumberValue(min[1])}});
  if (!missing.empty()) {
    SetNotJudged(item, i18n::Say(i18n::evaluation::kNotReported, absl::StrJoin(missing, "; ")));
    return;
  }
  google::protobuf::Value value;
  google::protobuf::Value gap;
  bool pass = true;
  std::vector<std::string> parts;
  for (int level = 0; level < 2; ++level) {
    std::string name = level == 0 ? "primary" : "junior";
    auto* fields = value.mutable_struct_value()->mutable_fields();
    if (applicable[level] == 0 || total[level] <= 0) {
      (*fields)[name].set_null_value(google::protobuf::NULL_VALUE);
      parts.push_back(i18n::Say(i18n::evaluation::kNoZonedAdmissions, name));
      continue;
    }
    double share = zoned[level] / total[level];
    (*fields)[name].set_number_value(share);
    bool ok = AtLeast(share, min[level]);
    if (!ok) {
      pass = false;
      (*gap.mutable_struct_value()->mutable_fields())[name].set_number_value(min[level] - share);
    }
    parts.push_back(absl::StrCat(name, " ", Num(share), ok ? " ≥ " : " < ", Num(min[level])));
  }
  *item.mutable_value() = value;
  if (!pass) *item.mutable_gap() = gap;
  Assign(item.mutable_status(), pass ? kPass : kFail);
  item.set_reason(i18n::Say(i18n::evaluation::kZonedAdmissions, absl::StrJoin(parts, "; ")));
}

namespace facts = catalog::county_facts;

// "county facts not reported: a, b" (or that there are no county facts at all).
std::string FactsMissing(const CountyFacts* f, const std::vector<std::string>& missing) {
  return f == nullptr
             ? FactNotReported(absl::StrJoin(missing, ", "), false)
             : i18n::Say(i18n::evaluation::kFactsNotReported, absl::StrJoin(missing, ", "));
}

void TeacherPay(ItemResult& item, const CountyFacts* f, const Profile& p) {
  const absl::string_view ratio_name = facts::teacher_pay_ratio.name;
  const absl::string_view approved_name = facts::performance_pay_approved.name;
  SetStruct(*item.mutable_threshold(), {{ratio_name, NumberValue(p.teacher_pay_ratio_min())},
                                        {approved_name, BoolValue(true)}});
  const std::optional<double> ratio = FactNumber(f, facts::teacher_pay_ratio);
  const std::optional<bool> approved = FactFlag(f, facts::performance_pay_approved);
  std::vector<std::string> missing;
  if (!ratio) missing.emplace_back(ratio_name);
  if (!approved) missing.emplace_back(approved_name);
  bool ratio_ok = ratio && AtLeast(*ratio, p.teacher_pay_ratio_min());
  if (f != nullptr) {
    SetStruct(*item.mutable_value(),
              {{ratio_name, ratio ? NumberValue(*ratio) : NullValue()},
               {approved_name, approved ? BoolValue(*approved) : NullValue()}});
  }
  std::vector<std::string> problems;
  if (ratio && !ratio_ok) {
    problems.push_back(
        absl::StrCat(ratio_name, " ", Num(*ratio), " < ", Num(p.teacher_pay_ratio_min())));
    item.mutable_gap()->set_number_value(p.teacher_pay_ratio_min() - *ratio);
  }
  if (approved && !*approved) problems.push_back(absl::StrCat(approved_name, " = false"));
  if (!problems.empty()) {
    Assign(item.mutable_status(), kFail);
    item.set_reason(absl::StrJoin(problems, "; "));
  } else if (!missing.empty()) {
    SetNotJudged(item, FactsMissing(f, missing));
  } else {
    Assign(item.mutable_status(), kPass);
    item.set_reason(i18n::Say(
        i18n::evaluation::kPayApproved,
        absl::StrCat(ratio_name, " ", Num(*ratio), " ≥ ", Num(p.teacher_pay_ratio_min()))));
  }
}

void Rotation(ItemResult& item, const CountyFacts* f, const Profile& p) {
  SetStruct(*item.mutable_threshold(),
            {{"rotation_share", NumberValue(p.rotation_share_min())},
             {"rotated_backbone_share", NumberValue(p.rotated_backbone_share_min())}});
  const std::optional<double> eligible = FactNumber(f, facts::rotation_eligible_teachers);
  const std::optional<double> rotated = FactNumber(f, facts::rotated_teachers);
  const std::optional<double> backbone_rotated = FactNumber(f, facts::rotated_backbone_teachers);
  std::vector<std::string> missing;
  if (!eligible) missing.emplace_back(facts::rotation_eligible_teachers.name);
  if (!rotated) missing.emplace_back(facts::rotated_teachers.name);
  if (!backbone_rotated) missing.emplace_back(facts::rotated_backbone_teachers.name);
  if (!missing.empty()) {
    SetNotJudged(item, FactsMissing(f, missing));
    return;
  }
  if (*eligible <= 0) {
    SetNotJudged(item,
                 i18n::Say(i18n::evaluation::kZeroWhole, facts::rotation_eligible_teachers.name));
    return;
  }
  double rotation = *rotated / *eligible;
  double backbone = *rotated > 0 ? *backbone_rotated / *rotated : 0;
  SetStruct(*item.mutable_value(), {{"rotation_share", NumberValue(rotation)},
                                    {"rotated_backbone_share", NumberValue(backbone)}});
  bool rotation_ok = AtLeast(rotation, p.rotation_share_min());
  bool backbone_ok = AtLeast(backbone, p.rotated_backbone_share_min());
  std::string reason = i18n::Say(
      i18n::evaluation::kRotation, *rotated, *eligible,
      absl::StrCat(Num(rotation), rotation_ok ? " ≥ " : " < ", Num(p.rotation_share_min())),
      *backbone_rotated, *rotated,
      absl::StrCat(Num(backbone), backbone_ok ? " ≥ " : " < ",
                   Num(p.rotated_backbone_share_min())));
  if (!rotation_ok || !backbone_ok) {
    google::protobuf::Value gap;
    auto* g = gap.mutable_struct_value()->mutable_fields();
    if (!rotation_ok) (*g)["rotation_share"].set_number_value(p.rotation_share_min() - rotation);
    if (!backbone_ok)
      (*g)["rotated_backbone_share"].set_number_value(p.rotated_backbone_share_min() - backbone);
    *item.mutable_gap() = gap;
  }
  Assign(item.mutable_status(), rotation_ok && backbone_ok ? kPass : kFail);
  item.set_reason(reason);
}

void Migrants(ItemResult& item, const CountyFacts* f, const Profile& p) {
  const absl::string_view share_name = facts::migrant_children_public_share.name;
  const absl::string_view care_name = facts::left_behind_care_ok.name;
  SetStruct(*item.mutable_threshold(), {{share_name, NumberValue(p.migrant_public_share_min())},
                                        {care_name, BoolValue(true)}});
  const std::optional<double> share = FactNumber(f, facts::migrant_children_public_share);
  const std::optional<bool> care = FactFlag(f, facts::left_behind_care_ok);
  if (f != nullptr) {
    SetStruct(*item.mutable_value(), {{share_name, share ? NumberValue(*share) : NullValue()},
                                      {care_name, care ? BoolValue(*care) : NullValue()}});
  }
  std::vector<std::string> problems;
  if (share && !AtLeast(*share, p.migrant_public_share_min())) {
    problems.push_back(
        absl::StrCat(share_name, " ", Num(*share), " < ", Num(p.migrant_public_share_min())));
    *item.mutable_gap() = NumberValue(p.migrant_public_share_min() - *share);
  }
  if (care && !*care) problems.push_back(absl::StrCat(care_name, " = false"));
  std::vector<std::string> missing;
  if (!share) missing.emplace_back(share_name);
  if (!care) missing.emplace_back(care_name);
  if (!problems.empty()) {
    Assign(item.mutable_status(), kFail);
    item.set_reason(absl::StrJoin(problems, "; "));
  } else if (!missing.empty()) {
    SetNotJudged(item, FactsMissing(f, missing));
  } else {
    Assign(item.mutable_status(), kPass);
    item.set_reason(i18n::Say(
        i18n::evaluation::kCareInPlace,
        absl::StrCat(share_name, " ", Num(*share), " ≥ ", Num(p.migrant_public_share_min()))));
  }
}

}  // namespace

void GovernmentItems(const std::vector<SchoolRecord>& schools, const CountyFacts* f,
                     const SchoolFindings& findings, const Profile& p, ItemSlots& slots) {
  FactYesNo(slots.Of("G1"), f, facts::layout_plan_ok, true);
  FactYesNo(slots.Of("G2"), f, facts::unified_standards_ok, true);
  for (absl::string_view id : {"G3", "G4", "G5", "G6"}) {
    AggregateSchoolFindings(findings, slots.Of(id));
  }
  FactAtLeast(slots.Of("G7"), f, facts::special_ed_funds_per_student_yuan,
              p.special_ed_funds_min_yuan());
  TeacherPay(slots.Of("G8"), f, p);
  TeacherShare(slots.Of("G9"), report_fields::training_completed_teachers,
               p.training_completion_min(), schools);
  FactYesNo(slots.Of("G10"), f, facts::staffing_allocation_ok, true);
  Rotation(slots.Of("G11"), f, p);
  TeacherShare(slots.Of("G12"), report_fields::certified_teachers, p.certified_share_min(),
               schools);
  ZonedAdmission(slots.Of("G13"), schools, p);
  FactAtLeast(slots.Of("G14"), f, facts::quality_hs_quota_share, p.quality_hs_quota_share_min());
  Migrants(slots.Of("G15"), f, p);
}

}  // namespace junheng::eval
