#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/eval/evaluation_input.h"
#include "common/eval/items.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The items judged school by school (evaluation-method.md section 7: a school's 达标 needs these):
// G3-G6, G9, G12, G13 and Q3-Q8.
std::span<const absl::string_view> SchoolItemIds();

// The per-school findings of one S item: how many schools were judged, and the findings of those
// that fail or could not be judged (passing schools are counted, not listed), in registry order.
// The findings themselves are elements of their item's `schools` list, where
// CollectSchoolFindings writes them.
struct ItemFindings {
  int schools = 0;
  std::vector<const junheng::v1::SchoolFinding*> listed;
  // For each listed finding, the index of its school in the county's school records.
  std::vector<size_t> school_index;
};

// Per-school findings of the S items, by item id.
using SchoolFindings = std::map<std::string, ItemFindings, std::less<>>;

// The per-school findings of every school item for the county's schools. Every unit-type school is
// judged on each item; a school without a report, or without a field the item needs, cannot be
// judged (the reason names the field), and `facts` may be nullptr (G6 needs the county's
// per-student quotas). A finding (value, threshold, reason) is written only for the schools that
// fail or cannot be judged, the only ones an Evaluation lists, into the `schools` list of its item
// in `slots` (so a reused message reuses them).
SchoolFindings CollectSchoolFindings(const std::vector<SchoolRecord>& schools,
                                     const junheng::v1::CountyFacts* facts,
                                     const junheng::v1::Profile& profile, ItemSlots& slots);

// Fills the county item `item` (one of SchoolItemIds(), its findings already listed in it) from
// `findings`: fail when any school fails, else not_judged when any school could not be judged (or
// none was judged), else pass. The value is the number of schools failing (threshold 0).
void AggregateSchoolFindings(const SchoolFindings& findings, junheng::v1::ItemResult& item);

// True for the school types that are units of evaluation (schools the S items apply to).
bool IsUnitType(absl::string_view school_type);

// True for the schools G13 (就近划片入学) applies to: urban and town public schools that do not
// board.
bool ZonedAdmissionApplies(const junheng::v1::School& school);

}  // namespace junheng::eval
