#include "common/eval/units.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/catalog/school_sections.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {
namespace {

// The level as the reason's language names it.
absl::string_view LevelName(Level level) {
  return i18n::CurrentLang() == i18n::Lang::kEn ? LevelWord(level) : LevelNameZh(level);
}

using junheng::v1::Profile;
using junheng::v1::School;
using junheng::v1::SchoolReport;
using junheng::v1::SplitWeights;

constexpr absl::string_view kTeachingPoint = "teaching_point";

// The split weights of a school type, or nullptr for a single-section school.
const SplitWeights* WeightsOf(absl::string_view type, const Profile& profile) {
  if (type == "nine_year") return &profile.split_nine_year();
  if (type == "twelve_year") return &profile.split_twelve_year();
  if (type == "complete_middle") return &profile.split_complete_middle();
  return nullptr;
}

using StudentsField = catalog::Field<SchoolReport>;
namespace report_fields = catalog::report;

const StudentsField& StudentsOf(Level level) {
  return level == Level::kPrimary ? report_fields::primary_students
                                  : report_fields::junior_students;
}

void AddMissing(Unit& unit, absl::string_view field) {
  std::string name(field);
  if (std::find(unit.missing_fields.begin(), unit.missing_fields.end(), name) ==
      unit.missing_fields.end()) {
    unit.missing_fields.push_back(std::move(name));
  }
}

// The facility share of section `level` in a school of `type`, or nullopt (with the missing student
// fields recorded on `unit`) when a section's students are not reported.
std::optional<double> FacilityShare(const School& school, const SchoolReport& report, Level level,
                                    const Profile& profile, Unit& unit) {
  const SplitWeights* weights = WeightsOf(school.school_type(), profile);
  if (weights == nullptr) return 1.0;
  const catalog::Sections* sections = &unit.sections;
  double total = 0;
  bool complete = true;
  auto add = [&](bool has, const StudentsField& field, double weight) {
    if (!has) return;
    std::optional<double> students = field.Number(report);
    if (!students) {
      AddMissing(unit, field.name);
      complete = false;
      return;
    }
    total += weight * *students;
  };
  add(sections->primary, report_fields::primary_students, weights->primary());
  add(sections->junior, report_fields::junior_students, weights->junior());
  add(sections->senior, report_fields::senior_students, weights->senior());
  if (!complete || total <= 0) return std::nullopt;
  double own = level == Level::kPrimary ? weights->primary() : weights->junior();
  return own * unit.students / total;
}

void SetIdentity(const SchoolRecord& record, Level level, Unit& unit) {
  unit.school_code = record.school->school_code();
  unit.school_name = record.school->school_name();
  unit.school_type = record.school->school_type();
  unit.level = level;
}

Unit MakeUnit(const SchoolRecord& record, Level level) {
  Unit unit;
  SetIdentity(record, level, unit);
  return unit;
}

// Fills the quantities of a unit whose students are known and positive.
void FillQuantities(const SchoolRecord& record, const Profile& profile, Unit& unit) {
  const SchoolReport& report = *record.report;
  std::optional<double> share;
  bool share_done = false;
  for (int i = 0; i < kIndicatorCount; ++i) {
    const IndicatorInfo& info = Indicator(i);
    std::optional<double> quantity = info.QuantityOf(unit.level).Number(report);
    if (!quantity) {
      AddMissing(unit, QuantityField(i, unit.level));
      continue;
    }
    if (!info.facility) {
      unit.quantity[i] = *quantity;
      continue;
    }
    if (!share_done) {
      share = FacilityShare(*record.school, report, unit.level, profile, unit);
      share_done = true;
      if (share) unit.facility_share = *share;
    }
    if (share) unit.quantity[i] = *quantity * *share;
  }
}

}  // namespace

IndicatorArray Unit::Values() const {
  IndicatorArray values;
  if (students <= 0) return values;
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (quantity[i]) values[i] = Indicator(i).per_students * *quantity[i] / students;
  }
  return values;
}

UnitSet FormUnits(const std::vector<SchoolRecord>& schools, const Profile& profile) {
  UnitSet set;
  set.primary.reserve(schools.size());
  set.junior.reserve(schools.size());
  // Small teaching points to merge, with their parent's code.
  std::vector<Unit> to_merge;
  for (const SchoolRecord& record : schools) {
    const School& school = *record.school;
    std::optional<catalog::Sections> sections = catalog::SectionsOf(school.school_type());
    if (!sections) {
      Unit unit = MakeUnit(record, Level::kPrimary);
      unit.excluded = true;
      unit.exclusion_reason =
          absl::StrCat(catalog::school::school_type.name, " \"", school.school_type(),
                       "\" is not a unit of evaluation (special-education and "
                       "vocational schools are not units)");
      set.outside.push_back(std::move(unit));
      continue;
    }
    for (Level level : kLevels) {
      bool has = level == Level::kPrimary ? sections->primary : sections->junior;
      if (!has) continue;
      // Each unit is built in place in the list it belongs to, decided from its students.
      std::optional<double> students;
      if (record.report != nullptr) students = StudentsOf(level).Number(*record.report);
      int count = students ? static_cast<int>(*students) : 0;
      bool small_point = record.report != nullptr && students && count > 0 &&
                         school.school_type() == kTeachingPoint &&
                         count < profile.teaching_point_min_students();
      bool merge = small_point && profile.small_teaching_point() == "merge";
      std::vector<Unit>& list = record.report != nullptr && students && count <= 0 ? set.outside
                                : merge                                            ? to_merge
                                                                                   : set.of(level);
      Unit& unit = list.emplace_back();
      SetIdentity(record, level, unit);
      unit.sections = *sections;
      if (record.report == nullptr) {
        AddMissing(unit, "report");
        continue;
      }
      if (!students) {
        AddMissing(unit, StudentsOf(level).name);
        continue;
      }
      unit.students = count;
      if (unit.students <= 0) {
        unit.excluded = true;
        unit.exclusion_reason = i18n::Say(i18n::evaluation::kNoLevelUnit, LevelName(level));
        continue;
      }
      FillQuantities(record, profile, unit);
      if (small_point && !merge) {
        unit.excluded = true;
        unit.exclusion_reason = i18n::Say(i18n::evaluation::kPointExcluded, unit.students,
                                          profile.teaching_point_min_students());
      }
    }
  }

  // Merge small teaching points into their parent's primary unit.
  std::map<absl::string_view, absl::string_view> parent_of;
  if (!to_merge.empty()) {
    for (const SchoolRecord& record : schools) {
      parent_of[record.school->school_code()] = record.school->parent_school_code();
    }
  }
  for (Unit& point : to_merge) {
    const std::string parent(parent_of[point.school_code]);
    auto target = std::find_if(set.primary.begin(), set.primary.end(), [&](const Unit& u) {
      return u.school_code == parent && !u.excluded;
    });
    if (parent.empty() || target == set.primary.end()) {
      point.excluded = true;
      point.exclusion_reason = i18n::Say(
          i18n::evaluation::kPointUnmerged, point.students, profile.teaching_point_min_students(),
          parent.empty() ? i18n::Say(i18n::evaluation::kNoParentCode)
                         : i18n::Say(i18n::evaluation::kParentHasNoUnit, parent));
      set.primary.push_back(std::move(point));
      continue;
    }
    Unit& into = *target;
    into.students += point.students;
    for (int i = 0; i < kIndicatorCount; ++i) {
      if (into.quantity[i] && point.quantity[i]) {
        *into.quantity[i] += *point.quantity[i];
      } else {
        into.quantity[i].reset();
      }
    }
    for (const std::string& field : point.missing_fields) {
      AddMissing(into, absl::StrCat(point.school_code, ".", field));
    }
    into.merged_school_codes.emplace_back(point.school_code);
    Unit note = point;
    note.excluded = true;
    note.exclusion_reason = i18n::Say(i18n::evaluation::kPointMerged, point.students,
                                      profile.teaching_point_min_students(), parent);
    set.outside.push_back(std::move(note));
  }
  return set;
}

}  // namespace junheng::eval
