#pragma once

#include <vector>

#include "common/eval/evaluation_input.h"
#include "common/eval/items.h"
#include "common/eval/school_items.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// G1-G15 (evaluation-method.md section 3). C items read the county facts (nullptr: none entered);
// S items aggregate `findings`, already listed in their items; G9, G12 and G13 are
// county-wide rates summed over the school reports. An unreported input makes the item not_judged
// with a reason naming the field. Each is filled into its item in `slots`.
void GovernmentItems(const std::vector<SchoolRecord>& schools,
                     const junheng::v1::CountyFacts* facts, const SchoolFindings& findings,
                     const junheng::v1::Profile& profile, ItemSlots& slots);

}  // namespace junheng::eval
