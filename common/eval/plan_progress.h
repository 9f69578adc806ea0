#pragma once

#include <vector>

#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Progress against the county plan (evaluation-method.md section 7), one row per year from the
// earliest to the latest target_year in the registry: the schools due by that year (target year at
// or before it), how many of them meet the standard in the evaluated period, and which are behind.
// A final row marked `beyond` (year = latest + 1) counts every school with a target year. Schools
// without a target year are in no row.
std::vector<junheng::v1::PlanYear> PlanProgress(
    const std::vector<junheng::v1::SchoolStandard>& schools);
// The same rows, appended to `out` (which may live on an arena).
void PlanProgress(const google::protobuf::RepeatedPtrField<junheng::v1::SchoolStandard>& schools,
                  google::protobuf::RepeatedPtrField<junheng::v1::PlanYear>* out);

}  // namespace junheng::eval
