#include "common/eval/compact_units.h"

#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "common/validate/school_sections.h"

namespace junheng::eval {
namespace {

using junheng::v1::Profile;
using junheng::v1::SchoolReport;
using junheng::v1::SplitWeights;

uint32_t QuantityBit(int level, int i) {
  return 1u << (CompactSchool::kFirstQuantity + level * kIndicatorCount + i);
}

// The report's numerator of indicator `i` for section `level` (0 primary, 1 junior), as
// FormUnits reads it (units.cc SectionQuantity).
std::optional<double> Quantity(const SchoolReport& r, int level, int i) {
  bool p = level == 0;
  auto opt = [](bool has, double v) { return has ? std::optional<double>(v) : std::nullopt; };
  switch (i) {
    case 0:
      return p ? opt(r.has_primary_teachers_above_degree(), r.primary_teachers_above_degree())
               : opt(r.has_junior_teachers_above_degree(), r.junior_teachers_above_degree());
    case 1:
      return p ? opt(r.has_primary_backbone_teachers(), r.primary_backbone_teachers())
               : opt(r.has_junior_backbone_teachers(), r.junior_backbone_teachers());
    case 2:
      return p ? opt(r.has_primary_pe_art_teachers(), r.primary_pe_art_teachers())
               : opt(r.has_junior_pe_art_teachers(), r.junior_pe_art_teachers());
    case 3:
      return opt(r.has_teaching_aux_area_m2(), r.teaching_aux_area_m2());
    case 4:
      return opt(r.has_sports_area_m2(), r.sports_area_m2());
    case 5:
      return opt(r.has_equipment_value_yuan(), r.equipment_value_yuan());
    default:
      return opt(r.has_multimedia_classrooms(), r.multimedia_classrooms());
  }
}

const SplitWeights* WeightsOf(CompactSchool::Split split, const Profile& profile) {
  switch (split) {
    case CompactSchool::kNineYear:
      return &profile.split_nine_year();
    case CompactSchool::kTwelveYear:
      return &profile.split_twelve_year();
    case CompactSchool::kCompleteMiddle:
      return &profile.split_complete_middle();
    default:
      return nullptr;
  }
}

// units.cc FacilityShare, same arithmetic in the same order.
std::optional<double> FacilityShare(const CompactSchool& s, Level level, int students,
                                    const Profile& profile) {
  const SplitWeights* weights = WeightsOf(s.split, profile);
  if (weights == nullptr) return 1.0;
  double total = 0;
  bool complete = true;
  auto add = [&](bool has, uint32_t bit, double count, double weight) {
    if (!has) return;
    if (!s.Has(bit)) {
      complete = false;
      return;
    }
    total += weight * count;
  };
  add(s.primary, CompactSchool::kPrimaryStudents, s.students[0], weights->primary());
  add(s.junior, CompactSchool::kJuniorStudents, s.students[1], weights->junior());
  add(s.senior, CompactSchool::kSeniorStudents, s.students[2], weights->senior());
  if (!complete || total <= 0) return std::nullopt;
  double own = level == Level::kPrimary ? weights->primary() : weights->junior();
  return own * students / total;
}

}  // namespace

std::vector<CompactSchool> MakeCompactSchools(const std::vector<SchoolRecord>& schools) {
  std::vector<CompactSchool> out(schools.size());
  absl::flat_hash_map<absl::string_view, int32_t> index;
  index.reserve(schools.size());
  for (size_t k = 0; k < schools.size(); ++k) index.emplace(schools[k].school->school_code(), k);
  for (size_t k = 0; k < schools.size(); ++k) {
    const junheng::v1::School& school = *schools[k].school;
    CompactSchool& c = out[k];
    absl::string_view type = school.school_type();
    std::optional<validate::Sections> sections = validate::SectionsOf(type);
    c.unit_type = sections.has_value();
    if (sections) {
      c.primary = sections->primary;
      c.junior = sections->junior;
      c.senior = sections->senior;
    }
    c.teaching_point = type == "teaching_point";
    c.split = type == "nine_year"         ? CompactSchool::kNineYear
              : type == "twelve_year"     ? CompactSchool::kTwelveYear
              : type == "complete_middle" ? CompactSchool::kCompleteMiddle
                                          : CompactSchool::kUnsplit;
    if (!school.parent_school_code().empty()) {
      auto parent = index.find(school.parent_school_code());
      if (parent != index.end()) c.parent = parent->second;
    }
    const SchoolReport* r = schools[k].report;
    c.reported = r != nullptr;
    if (r == nullptr) continue;
    if (r->has_primary_students()) {
      c.present |= CompactSchool::kPrimaryStudents;
      c.students[0] = r->primary_students();
    }
    if (r->has_junior_students()) {
      c.present |= CompactSchool::kJuniorStudents;
      c.students[1] = r->junior_students();
    }
    if (r->has_senior_students()) {
      c.present |= CompactSchool::kSeniorStudents;
      c.students[2] = r->senior_students();
    }
    for (int level = 0; level < 2; ++level) {
      for (int i = 0; i < kIndicatorCount; ++i) {
        if (std::optional<double> q = Quantity(*r, level, i)) {
          c.present |= QuantityBit(level, i);
          c.quantity[level][i] = *q;
        }
      }
    }
  }
  return out;
}

void FormCompactUnits(const std::vector<CompactSchool>& schools, const Profile& profile,
                      CompactUnitSet& out) {
  out.primary.clear();
  out.junior.clear();
  out.to_merge.clear();
  const bool merge_points = profile.small_teaching_point() == "merge";
  const int min_students = profile.teaching_point_min_students();
  if (merge_points) out.primary_unit_of.assign(schools.size(), -1);
  for (size_t k = 0; k < schools.size(); ++k) {
    const CompactSchool& s = schools[k];
    if (!s.unit_type) continue;
    for (Level level : kLevels) {
      int l = static_cast<int>(level);
      if (!(level == Level::kPrimary ? s.primary : s.junior)) continue;
      uint32_t students_bit = level == Level::kPrimary ? CompactSchool::kPrimaryStudents
                                                       : CompactSchool::kJuniorStudents;
      bool has_students = s.reported && s.Has(students_bit);
      int count = has_students ? static_cast<int>(s.students[l]) : 0;
      if (has_students && count <= 0) continue;  // 0 students: outside, in no level's list
      bool small_point = has_students && s.teaching_point && count < min_students;
      bool merge = small_point && merge_points;
      std::vector<CompactUnit>& list = merge                      ? out.to_merge
                                       : level == Level::kPrimary ? out.primary
                                                                  : out.junior;
      if (merge_points && level == Level::kPrimary && !merge) {
        out.primary_unit_of[k] = static_cast<int32_t>(list.size());
      }
      CompactUnit& unit = list.emplace_back();
      unit.school = static_cast<int32_t>(k);
      if (!has_students) continue;
      unit.students = count;
      std::optional<double> share;
      bool share_done = false;
      for (int i = 0; i < kIndicatorCount; ++i) {
        if (!s.HasQuantity(level, i)) continue;
        double q = s.quantity[l][i];
        if (!Indicator(i).facility) {
          unit.quantity[i] = q;
          unit.present |= 1u << i;
          continue;
        }
        if (!share_done) {
          share = FacilityShare(s, level, unit.students, profile);
          share_done = true;
        }
        if (share) {
          unit.quantity[i] = q * *share;
          unit.present |= 1u << i;
        }
      }
      if (small_point && !merge) unit.excluded = true;
    }
  }
  // Small teaching points into their parent's primary unit (units.cc FormUnits).
  for (const CompactUnit& point : out.to_merge) {
    int32_t parent = schools[point.school].parent;
    int32_t target = parent < 0 ? -1 : out.primary_unit_of[parent];
    if (target < 0 || out.primary[target].excluded) {
      CompactUnit& kept = out.primary.emplace_back(point);
      kept.excluded = true;
      continue;
    }
    CompactUnit& into = out.primary[target];
    into.students += point.students;
    for (int i = 0; i < kIndicatorCount; ++i) {
      uint8_t bit = static_cast<uint8_t>(1u << i);
      if ((into.present & bit) && (point.present & bit)) {
        into.quantity[i] += point.quantity[i];
      } else {
        into.present &= static_cast<uint8_t>(~bit);
      }
    }
  }
}

}  // namespace junheng::eval
