#pragma once

#include "absl/status/statusor.h"
#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/evaluation_service.pb.h"

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

// Evaluate, with the profile and the input it read packed beside the result: the county's
// registry, the period's reports of the county and the county facts, in input order. What the
// national forms (common/render/national_forms.h) are built from, offline and on the server.
// Fails as Evaluate does.
[[nodiscard]] absl::StatusOr<junheng::v1::EvaluationWithInput> EvaluateWithInput(
    const EvaluationInput& input, const junheng::v1::Profile& profile);

// The same evaluation, built in place in `out` (cleared first; left empty on error). When `out`
// lives on a google::protobuf::Arena, every part of the result is allocated on that arena, so
// building it costs little and destroying it is the arena's reset: the way to evaluate one county
// per request on a server. `out` may hold an earlier result: its memory (repeated parts, their
// strings, the verdict's lists) is reused, which BatchEvaluator builds on to evaluate many
// counties. The result is the same message Evaluate() returns.
//
//   google::protobuf::Arena arena;
//   auto* e = google::protobuf::Arena::CreateMessage<junheng::v1::Evaluation>(&arena);
//   absl::Status status = EvaluateInto(input, profile, e);
[[nodiscard]] absl::Status EvaluateInto(const EvaluationInput& input,
                                        const junheng::v1::Profile& profile,
                                        junheng::v1::Evaluation* out);

}  // namespace junheng::eval
