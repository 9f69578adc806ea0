#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The part of `evaluation` that is one school's own: its standard, its units against the per-unit
// minimums, its unit gaps and its outcome in each per-school item (SchoolStandingResponse). A
// unit into which the school was merged (a teaching point's central school) is another school's
// and is not included.
junheng::v1::SchoolStandingResponse StandingOf(const junheng::v1::Evaluation& evaluation,
                                               absl::string_view school_code);

// EvaluationService.SchoolStanding: the county evaluated from what is stored (EvaluateStored,
// with the profile the request names or the server's), then StandingOf the school.
// INVALID_ARGUMENT for bad codes; NOT_FOUND for a school not in the registry.
[[nodiscard]] absl::StatusOr<junheng::v1::SchoolStandingResponse> BuildSchoolStanding(
    const storage::Store& store, const junheng::v1::SchoolStandingRequest& request,
    const junheng::v1::Profile& default_profile);

}  // namespace junheng::server
