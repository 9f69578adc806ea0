#pragma once

#include <vector>

#include "common/eval/items.h"
#include "common/eval/school_items.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Q1-Q9 (evaluation-method.md section 4). Q1, Q2 and Q9 read the county facts (nullptr: none
// entered); Q3-Q8 aggregate the per-school findings (already listed in their items). Each is
// filled into its item in `slots`.
void QualityItems(const junheng::v1::CountyFacts* facts, const SchoolFindings& findings,
                  const junheng::v1::Profile& profile, ItemSlots& slots);

}  // namespace junheng::eval
