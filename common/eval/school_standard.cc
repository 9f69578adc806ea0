#include "common/eval/school_standard.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/eval/items.h"
#include "common/eval/school_items.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {

void SchoolStandards(const std::vector<SchoolRecord>& schools,
                     const google::protobuf::RepeatedPtrField<junheng::v1::LevelResult>& levels,
                     const SchoolFindings& findings,
                     google::protobuf::RepeatedPtrField<junheng::v1::SchoolStandard>* out) {
  // The units each school's resource test depends on: its own, and for a merged teaching point the
  // unit it joined; sorted by school code, each school's units in level order.
  std::vector<std::pair<absl::string_view, const junheng::v1::UnitResult*>> units_of;
  for (const junheng::v1::LevelResult& level : levels) {
    for (const junheng::v1::UnitResult& unit : level.units()) {
      if (unit.excluded()) continue;
      units_of.emplace_back(unit.school_code(), &unit);
      for (const std::string& merged : unit.merged_school_codes())
        units_of.emplace_back(merged, &unit);
    }
  }
  std::stable_sort(units_of.begin(), units_of.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // The listed (failing and not-judged) findings of each item, in school order: one cursor each.
  struct Cursor {
    absl::string_view id;
    const ItemFindings* list;
    size_t next = 0;
  };
  std::vector<Cursor> cursors;
  for (absl::string_view id : SchoolItemIds()) {
    auto it = findings.find(id);
    if (it != findings.end()) cursors.push_back({id, &it->second});
  }
  out->Reserve(out->size() + static_cast<int>(schools.size()));
  // `schools` is sorted by code as `units_of` is: one cursor walks both.
  auto unit = units_of.begin();
  for (size_t index = 0; index < schools.size(); ++index) {
    const SchoolRecord& record = schools[index];
    if (!IsUnitType(record.school->school_type())) continue;
    junheng::v1::SchoolStandard& s = *out->Add();
    s.set_school_code(record.school->school_code());
    s.set_school_name(record.school->school_name());
    if (record.school->has_target_year()) s.set_target_year(record.school->target_year());
    bool fail = false;
    bool unknown = false;
    absl::string_view code = record.school->school_code();
    while (unit != units_of.end() && unit->first < code) ++unit;
    auto first = unit;
    while (unit != units_of.end() && unit->first == code) ++unit;
    for (auto u = first; u != unit; ++u) {
      const junheng::v1::UnitResult* unit = u->second;
      if (unit->status() == kFail) {
        fail = true;
        absl::StrAppend(s.add_reasons(), i18n::Say(i18n::evaluation::kUnitFails, unit->section(),
                                                   unit->school_code(), unit->reason()));
      } else if (unit->status() == kNotJudged) {
        unknown = true;
        absl::StrAppend(s.add_reasons(),
                        i18n::Say(i18n::evaluation::kUnitUnknown, unit->section(), unit->reason()));
      }
    }
    // School codes are unique in the registry, so a school has at most one finding per item.
    for (Cursor& c : cursors) {
      const ItemFindings& list = *c.list;
      if (c.next >= list.listed.size() || list.school_index[c.next] != index) continue;
      const junheng::v1::SchoolFinding& f = *list.listed[c.next++];
      if (f.status() == kFail) {
        fail = true;
        absl::StrAppend(s.add_reasons(), c.id, ": ", f.reason());
      } else if (f.status() == kNotJudged) {
        unknown = true;
        absl::StrAppend(s.add_reasons(),
                        i18n::Say(i18n::evaluation::kItemUnknown, c.id, f.reason()));
      }
    }
    absl::string_view status = fail ? kFail : unknown ? kNotJudged : kPass;
    Assign(s.mutable_status(), status);
    s.set_meets(status == kPass);
  }
}

}  // namespace junheng::eval
