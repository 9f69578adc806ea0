#pragma once

#include "absl/strings/string_view.h"
#include <mutex>
#include <string_view>

#include "absl/status/statusor.h"
#include "common/clock.h"
#include "junheng/v1/services.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// Accepts school reports: validation, idempotency, the stale-version rule and the durable write.
//
// Contract of Submit:
// - Every violation of the report is returned at once as INVALID_ARGUMENT; nothing is stored.
// - A submission_id seen before with the same content returns the original receipt
//   (duplicate = true); with different content it is ALREADY_EXISTS.
// - A report identical to the latest stored version (new submission_id, same content) stores
//   nothing and returns the latest receipt (duplicate = true).
// - replaces_version must equal the latest stored version (0 when none), else ABORTED: a stale
//   replacement is never written over a newer version.
// - OK means the new version, the latest pointer, the idempotency record and the audit entry are
//   in the write-ahead log on disk.
class ReportIntake {
 public:
  ReportIntake(storage::Store* store, const Clock* clock) : store_(store), clock_(clock) {}

  [[nodiscard]] absl::StatusOr<junheng::v1::SubmitReportResponse> Submit(
      const junheng::v1::SubmitReportRequest& request, absl::string_view actor);

 private:
  storage::Store* store_;
  const Clock* clock_;
  // Serialises the read-check-write of version numbers and submission ids. One lock for the whole
  // server is enough at county scale (each write is one fsync); see docs/architecture.md.
  std::mutex write_mu_;
};

}  // namespace junheng::server
