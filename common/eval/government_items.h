#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/eval/evaluation_input.h"
#include "common/eval/items.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The per-school findings of one S item (see school_items.h): how many schools were judged, and the
// findings of those that fail or could not be judged (passing schools are counted, not listed), in
// registry order. The findings themselves are elements of their item's `schools` list, where
// CollectSchoolFindings writes them.
struct ItemFindings {
  int schools = 0;
  std::vector<const junheng::v1::SchoolFinding*> listed;
  // For each listed finding, the index of its school in the county's school records.
  std::vector<size_t> school_index;
};

// Per-school findings of the S items, by item id.
using SchoolFindings = std::map<std::string, ItemFindings>;

// G1-G15 (evaluation-method.md section 3). C items read the county facts (nullptr: none entered);
// S items aggregate `findings`, already listed in their items; G9, G12 and G13 are
// county-wide rates summed over the school reports. An unreported input makes the item not_judged
// with a reason naming the field.
// Filled into the next fifteen of `slots`.
void GovernmentItems(const std::vector<SchoolRecord>& schools,
                     const junheng::v1::CountyFacts* facts, const SchoolFindings& findings,
                     const junheng::v1::Profile& profile, ItemSlots& slots);

}  // namespace junheng::eval
