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

namespace junheng::eval {
namespace {

namespace report_fields = catalog::report;
using ReportField = catalog::Field<junheng::v1::SchoolReport>;

using junheng::v1::CountyFacts;
using junheng::v1::ItemResult;
using junheng::v1::Profile;
using junheng::v1::SchoolReport;

void YesNo(ItemResult& item, const CountyFacts* facts, bool has, bool value,
           absl::string_view field) {
  if (facts == nullptr || !has) {
    SetNotJudged(item, FactNotReported(field, facts != nullptr));
  } else {
    SetBool(item, value, true, field);
  }
}

// A county-wide share Σ part / Σ teachers over every school's report (G9, G12).
void TeacherShare(ItemResult& item, const ReportField& part_field, double min,
                  const std::vector<SchoolRecord>& schools) {
  double part = 0;
  double whole = 0;
  std::vector<std::string> missing;
  for (const SchoolRecord& r : schools) {
    if (!IsUnitType(r.school->school_type())) continue;
    if (r.report == nullptr) {
      missing.push_back(absl::StrCat(r.school->school_code(), " (no report)"));
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
      continue;
    }
    part += *p;
    whole += teachers;
  }
  item.mutable_threshold()->set_number_value(min);
  if (!missing.empty()) {
    SetNotJudged(item, absl::StrCat("not reported: ", absl::StrJoin(missing, "; ")));
    return;
  }
  if (whole <= 0) {
    SetNotJudged(item, "no full-time teachers reported in the county");
    return;
  }
  SetAtLeast(item, part / whole, min,
             absl::StrCat("county ", part_field.name, " ", part, " of ", whole, " teachers ="));
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
      missing.push_back(absl::StrCat(school.school_code(), " (no report)"));
      continue;
    }
    std::optional<double> z = report_fields::zoned_admissions.Number(*r.report);
    std::optional<double> t = report_fields::total_admissions.Number(*r.report);
    if (!z || !t) {
      std::vector<std::string> fields;
      if (!z) fields.push_back("zoned_admissions");
      if (!t) fields.push_back("total_admissions");
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
    SetNotJudged(item, absl::StrCat("not reported: ", absl::StrJoin(missing, "; ")));
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
      parts.push_back(absl::StrCat(name, ": no urban/town public non-boarding admissions"));
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
  item.set_reason(absl::StrCat("zoned admissions: ", absl::StrJoin(parts, "; ")));
}

void FactAtLeast(ItemResult& item, const CountyFacts* facts, bool has, double value, double min,
                 absl::string_view field) {
  item.mutable_threshold()->set_number_value(min);
  if (facts == nullptr || !has) {
    SetNotJudged(item, FactNotReported(field, facts != nullptr));
    return;
  }
  SetAtLeast(item, value, min, field);
}

void TeacherPay(ItemResult& item, const CountyFacts* f, const Profile& p) {
  SetStruct(*item.mutable_threshold(),
            {{"teacher_pay_ratio", NumberValue(p.teacher_pay_ratio_min())},
             {"performance_pay_approved", BoolValue(true)}});
  std::vector<std::string> missing;
  if (f == nullptr || !f->has_teacher_pay_ratio()) missing.push_back("teacher_pay_ratio");
  if (f == nullptr || !f->has_performance_pay_approved())
    missing.push_back("performance_pay_approved");
  bool ratio_ok = f != nullptr && f->has_teacher_pay_ratio() &&
                  AtLeast(f->teacher_pay_ratio(), p.teacher_pay_ratio_min());
  bool approved_known = f != nullptr && f->has_performance_pay_approved();
  if (f != nullptr) {
    SetStruct(*item.mutable_value(),
              {{"teacher_pay_ratio",
                f->has_teacher_pay_ratio() ? NumberValue(f->teacher_pay_ratio()) : NullValue()},
               {"performance_pay_approved",
                approved_known ? BoolValue(f->performance_pay_approved()) : NullValue()}});
  }
  std::vector<std::string> problems;
  if (f != nullptr && f->has_teacher_pay_ratio() && !ratio_ok) {
    problems.push_back(absl::StrCat("teacher_pay_ratio ", Num(f->teacher_pay_ratio()), " < ",
                                    Num(p.teacher_pay_ratio_min())));
    item.mutable_gap()->set_number_value(p.teacher_pay_ratio_min() - f->teacher_pay_ratio());
  }
  if (approved_known && !f->performance_pay_approved()) {
    problems.push_back("performance_pay_approved = false");
  }
  if (!problems.empty()) {
    Assign(item.mutable_status(), kFail);
    item.set_reason(absl::StrJoin(problems, "; "));
  } else if (!missing.empty()) {
    SetNotJudged(item, f == nullptr ? FactNotReported(absl::StrJoin(missing, ", "), false)
                                    : absl::StrCat("county facts not reported: ",
                                                   absl::StrJoin(missing, ", ")));
  } else {
    Assign(item.mutable_status(), kPass);
    item.set_reason(absl::StrCat("teacher_pay_ratio ", Num(f->teacher_pay_ratio()), " ≥ ",
                                 Num(p.teacher_pay_ratio_min()), "; performance pay approved"));
  }
}

void Rotation(ItemResult& item, const CountyFacts* f, const Profile& p) {
  SetStruct(*item.mutable_threshold(),
            {{"rotation_share", NumberValue(p.rotation_share_min())},
             {"rotated_backbone_share", NumberValue(p.rotated_backbone_share_min())}});
  std::vector<std::string> missing;
  if (f == nullptr || !f->has_rotation_eligible_teachers())
    missing.push_back("rotation_eligible_teachers");
  if (f == nullptr || !f->has_rotated_teachers()) missing.push_back("rotated_teachers");
  if (f == nullptr || !f->has_rotated_backbone_teachers())
    missing.push_back("rotated_backbone_teachers");
  if (!missing.empty()) {
    SetNotJudged(item, f == nullptr ? FactNotReported(absl::StrJoin(missing, ", "), false)
                                    : absl::StrCat("county facts not reported: ",
                                                   absl::StrJoin(missing, ", ")));
    return;
  }
  if (f->rotation_eligible_teachers() <= 0) {
    SetNotJudged(item, "rotation_eligible_teachers is 0: no share can be computed");
    return;
  }
  double rotation = static_cast<double>(f->rotated_teachers()) / f->rotation_eligible_teachers();
  double backbone =
      f->rotated_teachers() > 0
          ? static_cast<double>(f->rotated_backbone_teachers()) / f->rotated_teachers()
          : 0;
  SetStruct(*item.mutable_value(), {{"rotation_share", NumberValue(rotation)},
                                    {"rotated_backbone_share", NumberValue(backbone)}});
  bool rotation_ok = AtLeast(rotation, p.rotation_share_min());
  bool backbone_ok = AtLeast(backbone, p.rotated_backbone_share_min());
  std::string reason = absl::StrCat(
      "rotated ", f->rotated_teachers(), " of ", f->rotation_eligible_teachers(), " = ",
      Num(rotation), rotation_ok ? " ≥ " : " < ", Num(p.rotation_share_min()), "; backbone ",
      f->rotated_backbone_teachers(), " of ", f->rotated_teachers(), " = ", Num(backbone),
      backbone_ok ? " ≥ " : " < ", Num(p.rotated_backbone_share_min()));
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
  SetStruct(*item.mutable_threshold(),
            {{"migrant_children_public_share", NumberValue(p.migrant_public_share_min())},
             {"left_behind_care_ok", BoolValue(true)}});
  bool has_share = f != nullptr && f->has_migrant_children_public_share();
  bool has_care = f != nullptr && f->has_left_behind_care_ok();
  if (f != nullptr) {
    SetStruct(
        *item.mutable_value(),
        {{"migrant_children_public_share",
          has_share ? NumberValue(f->migrant_children_public_share()) : NullValue()},
         {"left_behind_care_ok", has_care ? BoolValue(f->left_behind_care_ok()) : NullValue()}});
  }
  std::vector<std::string> problems;
  if (has_share && !AtLeast(f->migrant_children_public_share(), p.migrant_public_share_min())) {
    problems.push_back(absl::StrCat("migrant_children_public_share ",
                                    Num(f->migrant_children_public_share()), " < ",
                                    Num(p.migrant_public_share_min())));
    *item.mutable_gap() =
        NumberValue(p.migrant_public_share_min() - f->migrant_children_public_share());
  }
  if (has_care && !f->left_behind_care_ok()) problems.push_back("left_behind_care_ok = false");
  std::vector<std::string> missing;
  if (!has_share) missing.push_back("migrant_children_public_share");
  if (!has_care) missing.push_back("left_behind_care_ok");
  if (!problems.empty()) {
    Assign(item.mutable_status(), kFail);
    item.set_reason(absl::StrJoin(problems, "; "));
  } else if (!missing.empty()) {
    SetNotJudged(item, f == nullptr ? FactNotReported(absl::StrJoin(missing, ", "), false)
                                    : absl::StrCat("county facts not reported: ",
                                                   absl::StrJoin(missing, ", ")));
  } else {
    Assign(item.mutable_status(), kPass);
    item.set_reason(absl::StrCat("migrant_children_public_share ",
                                 Num(f->migrant_children_public_share()), " ≥ ",
                                 Num(p.migrant_public_share_min()), "; left-behind care in place"));
  }
}

}  // namespace

void GovernmentItems(const std::vector<SchoolRecord>& schools, const CountyFacts* f,
                     const SchoolFindings& findings, const Profile& p, ItemSlots& slots) {
  bool have = f != nullptr;
  YesNo(slots.Of("G1"), f, have && f->has_layout_plan_ok(), have && f->layout_plan_ok(),
        "layout_plan_ok");
  YesNo(slots.Of("G2"), f, have && f->has_unified_standards_ok(), have && f->unified_standards_ok(),
        "unified_standards_ok");
  for (absl::string_view id : {"G3", "G4", "G5", "G6"}) {
    AggregateSchoolFindings(findings, slots.Of(id));
  }
  FactAtLeast(slots.Of("G7"), f, have && f->has_special_ed_funds_per_student_yuan(),
              have ? f->special_ed_funds_per_student_yuan() : 0, p.special_ed_funds_min_yuan(),
              "special_ed_funds_per_student_yuan");
  TeacherPay(slots.Of("G8"), f, p);
  TeacherShare(slots.Of("G9"), report_fields::training_completed_teachers,
               p.training_completion_min(), schools);
  YesNo(slots.Of("G10"), f, have && f->has_staffing_allocation_ok(),
        have && f->staffing_allocation_ok(), "staffing_allocation_ok");
  Rotation(slots.Of("G11"), f, p);
  TeacherShare(slots.Of("G12"), report_fields::certified_teachers, p.certified_share_min(),
               schools);
  ZonedAdmission(slots.Of("G13"), schools, p);
  FactAtLeast(slots.Of("G14"), f, have && f->has_quality_hs_quota_share(),
              have ? f->quality_hs_quota_share() : 0, p.quality_hs_quota_share_min(),
              "quality_hs_quota_share");
  Migrants(slots.Of("G15"), f, p);
}

}  // namespace junheng::eval
