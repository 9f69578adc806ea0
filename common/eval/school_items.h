#pragma once

#include <span>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/eval/evaluation_input.h"
#include "common/eval/government_items.h"
#include "common/validate/school_sections.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The items judged school by school (evaluation-method.md section 7: a school's 达标 needs these):
// G3-G6, G9, G12, G13 and Q3-Q8.
std::span<const absl::string_view> SchoolItemIds();

// One school's outcome for item `id` (one of SchoolItemIds()). A school without a report, or
// without a field the item needs, is not_judged with a reason naming the field. `facts` may be
// nullptr (G6 needs the county's per-student quotas).
junheng::v1::SchoolFinding CheckSchoolItem(absl::string_view id, const SchoolRecord& record,
                                           const junheng::v1::CountyFacts* facts,
                                           const junheng::v1::Profile& profile);

// The per-school findings of every school item for the county's schools: every unit-type school is
// judged, and a finding (value, threshold, reason) is built only for the schools that fail or
// cannot be judged, the only ones an Evaluation lists. Each finding is the one CheckSchoolItem
// gives, written into the `schools` list of its item in `slots` (so a reused message reuses them).
SchoolFindings CollectSchoolFindings(const std::vector<SchoolRecord>& schools,
                                     const junheng::v1::CountyFacts* facts,
                                     const junheng::v1::Profile& profile, ItemSlots& slots);

// Fills a county item from the per-school findings listed in it: fail when any school fails, else
// not_judged when any school could not be judged, else pass. The value is the number of schools
// failing (threshold 0).
void AggregateSchoolFindings(const ItemFindings& findings, junheng::v1::ItemResult& item);

// True for the school types that are units of evaluation (schools the S items apply to).
bool IsUnitType(absl::string_view school_type);

}  // namespace junheng::eval
