#pragma once

#include "absl/status/statusor.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/services.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The reads of ReportingService. Each refuses bad codes with INVALID_ARGUMENT naming the field;
// the listings are paginated (storage/page.h) and refuse a bad page size or token the same way.

// The request's version of a school's report (0: the latest) with the bureau's review decision
// on that version, if any. NOT_FOUND when the school has no report, or no such version, for the
// period.
[[nodiscard]] absl::StatusOr<junheng::v1::StoredReport> GetReport(
    const storage::Store& store, const junheng::v1::GetReportRequest& request);

// A page of the receipts of a school's report's versions, oldest first.
[[nodiscard]] absl::StatusOr<junheng::v1::ListReportVersionsResponse> ListReportVersions(
    const storage::Store& store, const junheng::v1::ListReportVersionsRequest& request);

// A page of the latest receipts of the schools that reported for the period, by school code.
[[nodiscard]] absl::StatusOr<junheng::v1::ListLatestReportsResponse> ListLatestReports(
    const storage::Store& store, const junheng::v1::ListLatestReportsRequest& request);

}  // namespace junheng::server
