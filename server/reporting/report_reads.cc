#include "server/reporting/report_reads.h"

#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "server/storage/codes.h"
#include "server/storage/page.h"

namespace junheng::server {

using junheng::v1::StoredReport;

absl::StatusOr<StoredReport> GetReport(const storage::Store& store,
                                       const junheng::v1::GetReportRequest& request) {
  absl::Status status = storage::CheckCodes({{"county_code", request.county_code()},
                                             {"school_code", request.school_code()},
                                             {"period", request.period()}});
  if (!status.ok()) return status;
  int64_t version = request.version();
  if (version <= 0) {
    auto latest = store.GetLatest(request.county_code(), request.period(), request.school_code());
    if (!latest.ok()) return latest.status();
    if (!latest->has_value()) {
      return absl::NotFoundError(i18n::Say(i18n::server::kNoReportFromSchool, request.school_code(),
                                           request.period(), request.county_code()));
    }
    version = (*latest)->version();
  }
  auto stored = store.GetReportVersion(request.county_code(), request.period(),
                                       request.school_code(), version);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    return absl::NotFoundError(
        i18n::Say(i18n::server::kNoSuchVersion, request.school_code(), version, request.period()));
  }
  StoredReport response = **std::move(stored);
  auto review = store.GetReview(request.county_code(), request.period(), request.school_code());
  if (!review.ok()) return review.status();
  if (review->has_value() && (*review)->version() == version) *response.mutable_review() = **review;
  return response;
}

absl::StatusOr<junheng::v1::ListReportVersionsResponse> ListReportVersions(
    const storage::Store& store, const junheng::v1::ListReportVersionsRequest& request) {
  absl::Status status = storage::CheckCodes({{"county_code", request.county_code()},
                                             {"school_code", request.school_code()},
                                             {"period", request.period()}});
  if (!status.ok()) return status;
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  auto after = page->AfterNumber();
  if (!after.ok()) return after.status();
  auto versions = store.ListVersions(request.county_code(), request.period(), request.school_code(),
                                     *after, page->read_limit());
  if (!versions.ok()) return versions.status();
  junheng::v1::ListReportVersionsResponse response;
  for (auto& receipt : *versions) {
    if (!page->Take(receipt)) break;
    *response.add_versions() = std::move(receipt);
  }
  if (!response.versions().empty()) {
    response.set_next_page_token(
        page->NextToken(absl::StrCat(response.versions().rbegin()->version())));
  }
  return response;
}

absl::StatusOr<junheng::v1::ListLatestReportsResponse> ListLatestReports(
    const storage::Store& store, const junheng::v1::ListLatestReportsRequest& request) {
  absl::Status status =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!status.ok()) return status;
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  auto latest =
      store.ListLatest(request.county_code(), request.period(), page->after(), page->read_limit());
  if (!latest.ok()) return latest.status();
  junheng::v1::ListLatestReportsResponse response;
  for (auto& receipt : *latest) {
    if (!page->Take(receipt)) break;
    *response.add_latest() = std::move(receipt);
  }
  if (!response.latest().empty()) {
    response.set_next_page_token(page->NextToken(response.latest().rbegin()->school_code()));
  }
  return response;
}

}  // namespace junheng::server
