#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Per-school findings of the S items, by item id (see school_items.h).
using SchoolFindings = std::map<std::string, std::vector<junheng::v1::SchoolFinding>>;

// G1-G15 (evaluation-method.md section 3). C items read the county facts (nullptr: none entered);
// S items aggregate `findings`; G9, G12 and G13 are county-wide rates summed over the school
// reports. An unreported input makes the item not_judged with a reason naming the field.
std::vector<junheng::v1::ItemResult> GovernmentItems(const std::vector<SchoolRecord>& schools,
                                                     const junheng::v1::CountyFacts* facts,
                                                     const SchoolFindings& findings,
                                                     const junheng::v1::Profile& profile);

}  // namespace junheng::eval
