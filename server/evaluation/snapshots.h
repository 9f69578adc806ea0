#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// Stored evaluations. A snapshot records the evaluation, its input hash, the profile's name and
// version, the time and the trigger (schedule | deadline | close | manual).

struct SnapshotOutcome {
  junheng::v1::Snapshot snapshot;
  // False when the newest snapshot already had the same input hash, profile version and
  // accepted_only setting: nothing new was stored and `snapshot` is that newest one.
  bool created = false;
};

// Evaluates the county and period from what is stored and keeps the result as a new snapshot,
// unless the input is unchanged since the newest one. Gathering the input, numbering the snapshot
// and writing it are one Store::CompareAndCommit, so no report arrives in between.
[[nodiscard]] absl::StatusOr<SnapshotOutcome> TakeSnapshot(
    storage::Store& store, const Clock& clock, absl::string_view county, absl::string_view period,
    const junheng::v1::Profile& profile, absl::string_view trigger, bool accepted_only = false);

// A period's snapshots, oldest first; without evaluations unless `with_evaluations`.
[[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Snapshot>> ListSnapshots(
    const storage::Store& store, absl::string_view county, absl::string_view period,
    bool with_evaluations = false);

// Snapshot `seq` (0: the newest) of a period, or NOT_FOUND.
[[nodiscard]] absl::StatusOr<junheng::v1::Snapshot> GetSnapshot(const storage::Store& store,
                                                                absl::string_view county,
                                                                absl::string_view period,
                                                                int64_t seq);

// EvaluationService.ListSnapshots and GetSnapshot: the above for a request; INVALID_ARGUMENT for
// bad codes.
[[nodiscard]] absl::StatusOr<junheng::v1::ListSnapshotsResponse> ListSnapshots(
    const storage::Store& store, const junheng::v1::ListSnapshotsRequest& request);
[[nodiscard]] absl::StatusOr<junheng::v1::Snapshot> GetSnapshot(
    const storage::Store& store, const junheng::v1::GetSnapshotRequest& request);

}  // namespace junheng::server
