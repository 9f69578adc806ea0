#pragma once

#include <vector>

#include "common/eval/items.h"
#include "junheng/v1/county_facts.pb.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Social recognition (社会认可度, item "SR"): satisfied / valid questionnaires at least the
// profile's survey_satisfaction_min (evaluation-method.md section 5).
// Filled into its item in `slots`.
void SocialRecognition(const junheng::v1::CountyFacts* facts, const junheng::v1::Profile& profile,
                       ItemSlots& slots);

// The six veto items V1-V6 (一票否决, section 6): each fails when reported true, passes when
// reported false, and is not_judged when not reported.
// Each is filled into its item in `slots`.
void VetoItems(const junheng::v1::CountyFacts* facts, ItemSlots& slots);

}  // namespace junheng::eval
