#pragma once

#include "absl/status/statusor.h"
#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Evaluates one county for one period against a profile: the whole 2017 method
// (evaluation-method.md) plus each school's standard status, plan progress and gap analysis.
// Pure: the same input and profile always give the same Evaluation, whatever the order of the
// registry and the reports.
//
// INVALID_ARGUMENT when the input is inconsistent: an empty county or period, a school code twice
// in the registry, two reports of one school for the period, a report of a school that is not in
// the county's registry, or a profile without seven thresholds per level. A county that fails the
// method is a result, not an error.
[[nodiscard]] absl::StatusOr<junheng::v1::Evaluation> Evaluate(const EvaluationInput& input,
                                                               const junheng::v1::Profile& profile);

}  // namespace junheng::eval
