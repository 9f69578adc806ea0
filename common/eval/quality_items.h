#pragma once

#include <vector>

#include "common/eval/government_items.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Q1-Q9 (evaluation-method.md section 4). Q1, Q2 and Q9 read the county facts (nullptr: none
// entered); Q3-Q8 aggregate the per-school findings
// (moving their listed findings into the items).
// Appended to `items`, in catalogue order.
void QualityItems(const junheng::v1::CountyFacts* facts, SchoolFindings& findings,
                  const junheng::v1::Profile& profile,
                  google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>* items);

}  // namespace junheng::eval
