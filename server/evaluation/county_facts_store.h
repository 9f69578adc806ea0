#pragma once

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// County facts (what the bureau enters for a county and period), versioned like reports: every
// version is kept, a submission names the version it replaces (ABORTED when stale), and invalid
// facts are refused with every violation listed (INVALID_ARGUMENT). Facts identical to the latest
// version store nothing and return its receipt. The stale check and the write are one
// Store::CompareAndCommit.
[[nodiscard]] absl::StatusOr<junheng::v1::CountyFactsReceipt> SubmitCountyFacts(
    storage::Store& store, const Clock& clock, const junheng::v1::SubmitCountyFactsRequest& request,
    absl::string_view actor);

// The given version (0: the latest) of a period's facts, or nullopt when there is none.
[[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredCountyFacts>> FindCountyFacts(
    const storage::Store& store, absl::string_view county, absl::string_view period,
    int64_t version);

// EvaluationService.GetCountyFacts: the request's version (0: the latest). INVALID_ARGUMENT for
// bad codes; NOT_FOUND when there is no such version.
[[nodiscard]] absl::StatusOr<junheng::v1::StoredCountyFacts> GetCountyFacts(
    const storage::Store& store, const junheng::v1::GetCountyFactsRequest& request);

}  // namespace junheng::server
