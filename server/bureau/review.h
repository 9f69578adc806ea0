#pragma once

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/bureau.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The bureau's review of submitted reports.
//
// accept: the latest version is accepted and locked; new versions are refused until reopened.
// return: the latest version goes back to the school with a comment the clerk sees in
//         `junheng show`; the clerk corrects it and submits a new version.
// reopen: lifts an acceptance so the school can submit again.
// Each decision names the version it is about, which must be the latest (ABORTED otherwise: a
// newer version arrived after the reviewer looked). Every decision is in the audit log.
// The caller holds the server's write lock, so no version can arrive during the check.
[[nodiscard]] absl::StatusOr<junheng::v1::ReviewRecord> ReviewReport(
    storage::Store& store, const Clock& clock, const junheng::v1::ReviewReportRequest& request,
    absl::string_view actor);

// The latest decision on a school's report for a period, if any.
[[nodiscard]] absl::StatusOr<std::optional<junheng::v1::ReviewRecord>> FindReview(
    const storage::Store& store, absl::string_view county, absl::string_view period,
    absl::string_view school);

// FAILED_PRECONDITION while the school's report for the period is accepted and locked.
[[nodiscard]] absl::Status CheckNotLocked(const storage::Store& store, absl::string_view county,
                                          absl::string_view period, absl::string_view school);

}  // namespace junheng::server
