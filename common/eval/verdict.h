#pragma once

#include <vector>

#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// The county verdict (evaluation-method.md section 7): pass when both levels' resource allocation
// holds and every item (G1-G15, Q1-Q9, SR, V1-V6) passes. Every failure is listed with its value,
// threshold and gap: each failing coefficient, each unit failing the per-unit rule, each failing
// item. Items and indicators that could not be judged are listed apart; while any remain the county
// cannot pass.
// Filled into a fresh `verdict`.
void MakeVerdict(const google::protobuf::RepeatedPtrField<junheng::v1::LevelResult>& levels,
                 const google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>& items,
                 const junheng::v1::Profile& profile, junheng::v1::Verdict& verdict);

}  // namespace junheng::eval
