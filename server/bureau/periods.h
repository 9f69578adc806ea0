#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "junheng/v1/bureau.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// Reporting periods and their windows.
//
// A period the bureau has defined accepts reports from `opens` to `closes`; a report received
// after `deadline` is late. Outside the window a school may submit only while an exception the
// bureau granted it has not expired. A period label the bureau has not defined has no window:
// reports are accepted at any time and are never late (historical data, ad hoc collections).

// Stores (or redefines) a period. INVALID_ARGUMENT unless opens < deadline <= closes.
[[nodiscard]] absl::StatusOr<junheng::v1::ReportingPeriod> DefinePeriod(
    storage::Store& store, const Clock& clock, const junheng::v1::ReportingPeriod& requested,
    absl::string_view actor);

// The county's periods in label order. INVALID_ARGUMENT for a bad county code.
[[nodiscard]] absl::StatusOr<junheng::v1::ListPeriodsResponse> ListPeriods(
    const storage::Store& store, const junheng::v1::ListPeriodsRequest& request);

// Stores an exception for one school of a defined period. INVALID_ARGUMENT when the expiry is
// not in the future; NOT_FOUND when the period or the school is unknown.
[[nodiscard]] absl::StatusOr<junheng::v1::SubmissionException> GrantException(
    storage::Store& store, const Clock& clock, const junheng::v1::SubmissionException& requested,
    absl::string_view actor);

// OK when `school` may submit for `period` at `now`; FAILED_PRECONDITION saying when the window
// opens or closed and what to do otherwise.
[[nodiscard]] absl::Status CheckSubmissionWindow(const storage::Store& store,
                                                 absl::string_view county, absl::string_view period,
                                                 absl::string_view school, absl::Time now);

}  // namespace junheng::server
