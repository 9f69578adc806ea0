#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "common/eval/difference_coefficient.h"
#include "common/eval/evaluation_input.h"
#include "common/eval/indicators.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The compact form of a county's schools for the coefficient path: everything FormUnits and
// LevelCoefficients read, resolved once when the input is loaded (the school type as section and
// split flags, the parent as an index, the report's numbers as plain fields), so that forming the
// units and computing the coefficients touches no string and allocates nothing per unit. It gives
// exactly the coefficients of LevelCoefficients(FormUnits(...)) for the same schools in the same
// order: same units, same arithmetic, same summation order. School codes must be unique (as
// Evaluate requires).
struct CompactSchool {
  enum Split : uint8_t { kUnsplit, kNineYear, kTwelveYear, kCompleteMiddle };
  // Presence bits of the numbers below.
  enum : uint16_t {
    kPrimaryStudents = 1 << 0,
    kJuniorStudents = 1 << 1,
    kSeniorStudents = 1 << 2,
    kFirstQuantity = 3,  // bit 3 + level * 7 + indicator: the unit numerators L1..L7
  };
  bool unit_type = false;  // a school type that is a unit of evaluation
  bool reported = false;   // has a report for the period
  bool teaching_point = false;
  bool primary = false, junior = false, senior = false;  // the sections of its type
  Split split = kUnsplit;
  uint32_t present = 0;
  // Index of the parent school (parent_school_code) in the same list, or -1 (none, or not found).
  int32_t parent = -1;
  // Whether parent_school_code is set (a teaching point with an unknown parent still counts).
  bool has_parent_code = false;
  std::array<double, 3> students{};  // primary, junior, senior
  // Per level (primary, junior): the numerators of L1..L7 as reported (facilities unsplit).
  std::array<std::array<double, kIndicatorCount>, 2> quantity{};

  bool Has(uint32_t bit) const { return (present & bit) != 0; }
  bool HasQuantity(Level level, int i) const {
    return Has(1u << (kFirstQuantity + static_cast<int>(level) * kIndicatorCount + i));
  }
};

// One unit of the coefficient path: students and the numerators of L1..L7 (unset bits are not
// reported or could not be split).
struct CompactUnit {
  int students = 0;
  bool excluded = false;
  uint8_t present = 0;  // bit i: quantity[i] is set
  int32_t school = -1;  // index of its school in the compact list
  std::array<double, kIndicatorCount> quantity{};
};

// The compact form of `schools` (a county's registry entries with their reports, as FormUnits
// takes them). Built once per input load.
std::vector<CompactSchool> MakeCompactSchools(const std::vector<SchoolRecord>& schools);

// The units of both levels as FormUnits forms them (units kept in their level's list, excluded or
// not; merged teaching points added to their parent), into reused buffers. `scratch` is reused too.
struct CompactUnitSet {
  std::vector<CompactUnit> primary;
  std::vector<CompactUnit> junior;
  std::vector<int32_t> primary_unit_of;  // scratch: each school's primary unit, or -1
  std::vector<CompactUnit> to_merge;     // scratch
  const std::vector<CompactUnit>& of(Level level) const {
    return level == Level::kPrimary ? primary : junior;
  }
};
void FormCompactUnits(const std::vector<CompactSchool>& schools,
                      const junheng::v1::Profile& profile, CompactUnitSet& out);

// LevelCoefficients over compact units: the same seven coefficients, bit for bit.
std::array<Coefficient, kIndicatorCount> LevelCoefficients(const std::vector<CompactUnit>& units);

}  // namespace junheng::eval
