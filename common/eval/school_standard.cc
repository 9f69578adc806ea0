#include "common/eval/school_standard.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/eval/items.h"
#include "common/eval/school_items.h"

namespace junheng::eval {

std::vector<junheng::v1::SchoolStandard> SchoolStandards(
    const std::vector<SchoolRecord>& schools, const std::vector<junheng::v1::LevelResult>& levels,
    const SchoolFindings& findings) {
  // The units each school's resource test depends on: its own, and for a merged teaching point the
  // unit it joined.
  std::map<std::string, std::vector<const junheng::v1::UnitResult*>> units_of;
  for (const junheng::v1::LevelResult& level : levels) {
    for (const junheng::v1::UnitResult& unit : level.units()) {
      if (unit.excluded()) continue;
      units_of[unit.school_code()].push_back(&unit);
      for (const std::string& merged : unit.merged_school_codes())
        units_of[merged].push_back(&unit);
    }
  }
  std::vector<junheng::v1::SchoolStandard> out;
  for (const SchoolRecord& record : schools) {
    if (!IsUnitType(record.school->school_type())) continue;
    junheng::v1::SchoolStandard s;
    s.set_school_code(record.school->school_code());
    s.set_school_name(record.school->school_name());
    if (record.school->has_target_year()) s.set_target_year(record.school->target_year());
    bool fail = false;
    bool unknown = false;
    for (const junheng::v1::UnitResult* unit : units_of[s.school_code()]) {
      if (unit->status() == kFail) {
        fail = true;
        s.add_reasons(absl::StrCat("resource allocation (", unit->section(), " unit ",
                                   unit->school_code(), "): ", unit->reason()));
      } else if (unit->status() == kNotJudged) {
        unknown = true;
        s.add_reasons(absl::StrCat("resource allocation (", unit->section(),
                                   ") not judged: ", unit->reason()));
      }
    }
    for (absl::string_view id : SchoolItemIds()) {
      auto it = findings.find(std::string(id));
      if (it == findings.end()) continue;
      for (const junheng::v1::SchoolFinding& f : it->second) {
        if (f.school_code() != s.school_code()) continue;
        if (f.status() == kFail) {
          fail = true;
          s.add_reasons(absl::StrCat(id, ": ", f.reason()));
        } else if (f.status() == kNotJudged) {
          unknown = true;
          s.add_reasons(absl::StrCat(id, " not judged: ", f.reason()));
        }
      }
    }
    absl::string_view status = fail ? kFail : unknown ? kNotJudged : kPass;
    s.set_status(std::string(status));
    s.set_meets(status == kPass);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace junheng::eval
