#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The engine's input for a county and period from what the server stores: the registry, each
// school's latest report (or, with `accepted_only`, the version the bureau accepted; schools
// without an accepted version count as not reported) and the latest county facts.
[[nodiscard]] absl::StatusOr<eval::EvaluationInput> GatherEvaluationInput(
    const storage::Store& store, absl::string_view county, absl::string_view period,
    bool accepted_only);

// GatherEvaluationInput followed by the engine: the same function `junheng eval` runs offline, so
// the server and the offline evaluator cannot disagree.
[[nodiscard]] absl::StatusOr<junheng::v1::Evaluation> EvaluateStored(
    const storage::Store& store, absl::string_view county, absl::string_view period,
    const junheng::v1::Profile& profile, bool accepted_only);

// The profile a request asks for: its TOML text (`toml`), a built-in name, or `default_profile`
// when it names none. Only built-in names: a client must not make the server read files by path.
[[nodiscard]] absl::StatusOr<junheng::v1::Profile> ProfileFor(
    const junheng::v1::Profile& default_profile, absl::string_view name, absl::string_view toml);

// EvaluationService.Evaluate: EvaluateStored for the request's county, period and profile
// (ProfileFor). INVALID_ARGUMENT for bad codes or a profile that does not parse.
[[nodiscard]] absl::StatusOr<junheng::v1::Evaluation> EvaluateOnDemand(
    const storage::Store& store, const junheng::v1::EvaluateRequest& request,
    const junheng::v1::Profile& default_profile);

// EvaluationService.EvaluateWithInput: the same evaluation as EvaluateOnDemand, with the profile,
// registry, reports and county facts it read, gathered once so that they agree (what `junheng
// forms` builds the national forms from). Errors as EvaluateOnDemand.
[[nodiscard]] absl::StatusOr<junheng::v1::EvaluationWithInput> EvaluateWithInputOnDemand(
    const storage::Store& store, const junheng::v1::EvaluateWithInputRequest& request,
    const junheng::v1::Profile& default_profile);

}  // namespace junheng::server
