#pragma once

#include "absl/strings/string_view.h"
#include "common/validate/validation_result.h"
#include "junheng/v1/county_facts.pb.h"

namespace junheng::validate {

// Checks the county facts the bureau enters for a period: the county and period codes, shares and
// rates within 0..1 (fractions, never percentages), counts not negative, parts not exceeding
// wholes (rotated <= eligible, rotated backbone <= rotated, satisfied <= valid questionnaires, the
// national forms' figures likewise), monitoring levels 1..4 with a subject named. A rate entered
// beside the figures it is made of (teacher_pay_ratio and the two average pays, the consolidation
// rate and its five parts, ...) that disagrees with them beyond rounding is a warning: the forms
// print both, and the items judge the rate. `county_code` is the county being written to.
ValidationResult ValidateCountyFacts(const junheng::v1::CountyFacts& facts,
                                     absl::string_view county_code);

}  // namespace junheng::validate
