#pragma once

#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/services.pb.h"
#include "server/observability/metrics.h"
#include "server/storage/store.h"

namespace junheng::server {

// Accepts school reports: validation, then the store's report writer (Store::CommitReportAsync)
// with the bureau's preconditions.
//
// Contract of SubmitAsync (what `done` is given):
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
//
// Every answer is counted in `metrics` (docs/monitoring.md): a new version as accepted for its
// county and period, a duplicate for its county (what an outbox's retry gets), a refusal by its
// code.
class ReportIntake {
 public:
  // `metrics`: nullptr counts into a registry nobody scrapes.
  ReportIntake(storage::Store* store, const Clock* clock, metrics::Registry* metrics = nullptr);

  // Validates on the calling thread, then hands the report to the store's report writer, which
  // calls `done` once its group is synced: no thread waits on the disk. `done` runs on the calling
  // thread for a report refused before queueing, else on the report writer's thread; it must
  // not block.
  using SubmitDone = std::function<void(absl::StatusOr<junheng::v1::SubmitReportResponse>)>;
  void SubmitAsync(const junheng::v1::SubmitReportRequest& request, absl::string_view actor,
                   SubmitDone done);

  // Every report of a SubmitReports call through SubmitAsync, in order, each answered on its own
  // (a report refused does not stop the others); `done` gets all results once the last is known.
  // A report that replaces the version an earlier report of the batch for the same school and
  // period would become is checked against that report (its "field emptied" warnings), since it
  // is not stored yet.
  // INVALID_ARGUMENT for the whole call only when it has no report or more than
  // kMaxBatchReports. `permit` is the caller's authorization of one report as a SubmitReport
  // call; its refusal becomes that report's result.
  static constexpr int kMaxBatchReports = 1000;
  using BatchDone = std::function<void(absl::StatusOr<junheng::v1::SubmitReportsResponse>)>;
  using Permit = std::function<absl::Status(const junheng::v1::SubmitReportRequest&)>;
  void SubmitBatchAsync(const junheng::v1::SubmitReportsRequest& request, absl::string_view actor,
                        const Permit& permit, BatchDone done);

  // Every violation and warning SubmitAsync's validation finds in the report, without storing it.
  // INVALID_ARGUMENT only for a bad county code; an error only when the registry cannot be read.
  [[nodiscard]] absl::StatusOr<junheng::v1::ValidateReportResponse> Validate(
      const junheng::v1::ValidateReportRequest& request) const;

  // The version a report replaces when it is not stored yet: an earlier report of its batch.
  struct ReplacedInBatch {
    const junheng::v1::SchoolReport* report;
    int64_t version;
  };

 private:
  // SubmitAsync, with the replaced version given when it is an earlier report of the batch.
  void SubmitOne(const junheng::v1::SubmitReportRequest& request, absl::string_view actor,
                 const ReplacedInBatch* replaced, SubmitDone done);
  void CountRefusal(const absl::Status& refusal) const;
  // Counts the answer to a report of `county` / `period`.
  void Count(const absl::StatusOr<storage::ReportOutcome>& outcome, absl::string_view county,
             absl::string_view period) const;

  storage::Store* store_;
  const Clock* clock_;
  metrics::CounterFamily* accepted_;    // by county, period
  metrics::CounterFamily* duplicates_;  // by county
  metrics::CounterFamily* refusals_;    // by code
  // refusals_ by canonical code.
  mutable metrics::SeriesSlots<metrics::Counter, metrics::kStatusCodeCount> refusal_slots_;
};

}  // namespace junheng::server
