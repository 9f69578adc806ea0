#pragma once

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
// INVALID_ARGUMENT for bad codes, an unknown action or a return without a comment; NOT_FOUND when
// the school has not reported. The check and the write are one Store::CompareAndCommit, under
// the same lock as a report's commit, so no version can arrive between them.
[[nodiscard]] absl::StatusOr<junheng::v1::ReviewRecord> ReviewReport(
    storage::Store& store, const Clock& clock, const junheng::v1::ReviewReportRequest& request,
    absl::string_view actor);

// FAILED_PRECONDITION while the school's report for the period is accepted and locked; OK
// otherwise.
[[nodiscard]] absl::Status CheckNotLocked(const storage::Store& store, absl::string_view county,
                                          absl::string_view period, absl::string_view school);

}  // namespace junheng::server
