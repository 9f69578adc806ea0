#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "junheng/v1/bureau.pb.h"
#include "junheng/v1/evaluation.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// Who has reported, computed from what is stored: receipt times against the period's deadline
// and the bureau's review decisions, never from anyone marking a round "complete".
//
// A school's state: not_submitted (no version); accepted / returned (the bureau's decision on its
// latest version); incomplete (the latest version leaves needed fields empty, Receipt.
// missing_fields); else on_time or late by its first complete receipt against the deadline (a
// period without a defined window has no deadline: on time). A school counts as submitted when
// its latest version is complete or accepted; completeness = submitted / registered schools;
// timeliness = submitted schools whose first complete (or accepted) version came by the deadline
// / registered schools. Returned schools still count as submitted (bureau.proto says how the
// counts overlap).
// The rows (schools) are paginated by school code (storage/page.h); the counts and rates cover
// the whole county on every page. INVALID_ARGUMENT for bad codes, a bad page size or page token.
// With `profile`, the first page also carries the consistency warnings (consistency.h) of the
// latest reports against the previous period (the year before for year labels, else the nearest
// earlier defined period) and the county's distribution.
[[nodiscard]] absl::StatusOr<junheng::v1::SubmissionStatusResponse> BuildSubmissionStatus(
    const storage::Store& store, const junheng::v1::SubmissionStatusRequest& request,
    absl::Time now, const junheng::v1::Profile* profile = nullptr);

// Schools that still owe a report (not submitted, incomplete or returned) once the deadline is at
// most `days` away or has passed, with the registry's contacts. FAILED_PRECONDITION when the period
// has no defined window (there is no deadline to remind of); INVALID_ARGUMENT for bad codes or
// days < 0.
[[nodiscard]] absl::StatusOr<junheng::v1::RemindersResponse> BuildReminders(
    const storage::Store& store, const junheng::v1::RemindersRequest& request, absl::Time now);

// What one school owes: each defined period of its county that has not closed (or for which the
// school holds an unexpired exception) and for which it has no report, an incomplete or a
// returned one; and,
// as `missed`, each period that closed so without an exception.
// INVALID_ARGUMENT for bad codes; NOT_FOUND for a school not in the registry.
[[nodiscard]] absl::StatusOr<junheng::v1::DueResponse> BuildDue(
    const storage::Store& store, const junheng::v1::DueRequest& request, absl::Time now);

}  // namespace junheng::server
