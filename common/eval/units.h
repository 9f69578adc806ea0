#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/catalog/school_sections.h"
#include "common/eval/evaluation_input.h"
#include "common/eval/indicators.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// One unit of evaluation (evaluation-method.md section 1): a school, or one section of a
// multi-section school, in one level; possibly with small teaching points merged into it.
struct Unit {
  // Views into the registry entry, which outlives the units.
  absl::string_view school_code;
  absl::string_view school_name;
  absl::string_view school_type;
  Level level = Level::kPrimary;
  int students = 0;
  // The numerators of L1..L7: teachers of the section (L1-L3) and the section's share of the
  // school's facility quantities (L4-L7). Unset when an input was not reported.
  IndicatorArray quantity;
  // The share of the school's facilities (L4-L7) this section received; 1 when unsplit.
  double facility_share = 1;
  // Catalogue fields needed and not reported ("report" when the school has no report at all).
  std::vector<std::string> missing_fields;
  std::vector<std::string> merged_school_codes;
  bool excluded = false;
  std::string exclusion_reason;
  // The sections of the school's type.
  catalog::Sections sections;

  // L1..L7: per_students x quantity / students, unset where the quantity is.
  IndicatorArray Values() const;
};

// The units of both levels. Excluded units (small teaching points) stay in their level's list with
// `excluded` set; schools that are a unit of no level (0 students in every section, a school type
// that is not a unit, teaching points merged away) are in `outside` with the reason.
struct UnitSet {
  std::vector<Unit> primary;
  std::vector<Unit> junior;
  std::vector<Unit> outside;

  std::vector<Unit>& of(Level level) { return level == Level::kPrimary ? primary : junior; }
  const std::vector<Unit>& of(Level level) const {
    return level == Level::kPrimary ? primary : junior;
  }
};

// Forms the units of the county's schools. `schools` are the county's registry entries with their
// reports; the profile gives split weights and the teaching-point rule.
UnitSet FormUnits(const std::vector<SchoolRecord>& schools, const junheng::v1::Profile& profile);

}  // namespace junheng::eval
