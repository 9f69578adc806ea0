#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/services.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// Accepts school reports: validation, then the store's compare-and-commit (Store::CommitReport)
// with the bureau's preconditions.
//
// Contract of Submit:
// - Every violation of the report is returned at once as INVALID_ARGUMENT; nothing is stored.
// - A submission_id seen before with the same content returns the original receipt
//   (duplicate = true); with different content it is ALREADY_EXISTS.
// - A report identical to the latest stored version (new submission_id, same content) stores
//   nothing and returns the latest receipt (duplicate = true).
// - Outside the period's window (see bureau/periods.h) without an exception, or while the bureau
//   has accepted and locked the school's report: FAILED_PRECONDITION.
// - replaces_version must equal the latest stored version (0 when none), else ABORTED: a stale
//   replacement is never written over a newer version.
// - The receipt says whether the report arrived after the period's deadline (late).
// - OK means the new version, the latest pointer, the idempotency record and the audit entry are
//   in the write-ahead log on disk.
class ReportIntake {
 public:
  ReportIntake(storage::Store* store, const Clock* clock) : store_(store), clock_(clock) {}

  [[nodiscard]] absl::StatusOr<junheng::v1::SubmitReportResponse> Submit(
      const junheng::v1::SubmitReportRequest& request, absl::string_view actor);

  // Every violation and warning Submit's validation finds in the report, without storing it.
  // INVALID_ARGUMENT only for a bad county code; an error only when the registry cannot be read.
  [[nodiscard]] absl::StatusOr<junheng::v1::ValidateReportResponse> Validate(
      const junheng::v1::ValidateReportRequest& request) const;

 private:
  storage::Store* store_;
  const Clock* clock_;
};

}  // namespace junheng::server
