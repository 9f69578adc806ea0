#include "absl/strings/string_view.h"
#include "server/services.h"

#include "absl/strings/str_cat.h"
#include "server/bureau/review.h"
#include "server/handler_util.h"
#include "server/registry.h"

namespace junheng::server {
using namespace junheng::v1;

grpc::ServerUnaryReactor* ReportingServiceImpl::SubmitReport(grpc::CallbackServerContext* context,
                                                             const SubmitReportRequest* request,
                                                             SubmitReportResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.ReportingService/SubmitReport", *request);
  if (!who.ok()) return Finish(context, who.status());
  auto result = intake_.Submit(*request, who->Actor());
  if (result.ok()) *response = *std::move(result);
  return Finish(context, result.status());
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetReport(grpc::CallbackServerContext* context,
                                                          const GetReportRequest* request,
                                                          StoredReport* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.ReportingService/GetReport", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status status = CheckCodes({{"county_code", request->county_code()},
                                    {"school_code", request->school_code()},
                                    {"period", request->period()}});
  if (!status.ok()) return Finish(context, status);
  int64_t version = request->version();
  if (version <= 0) {
    auto latest = store_->GetLatest(request->county_code(), request->period(),
                                    request->school_code());
    if (!latest.ok()) return Finish(context, latest.status());
    if (!latest->has_value()) {
      return Finish(context, absl::NotFoundError(absl::StrCat(
                                 "no report from school ", request->school_code(), " for period ",
                                 request->period(), " in county ", request->county_code())));
    }
    version = (*latest)->version();
  }
  auto stored = store_->GetReportVersion(request->county_code(), request->period(),
                                         request->school_code(), version);
  if (!stored.ok()) return Finish(context, stored.status());
  if (!stored->has_value()) {
    return Finish(context, absl::NotFoundError(absl::StrCat(
                               "school ", request->school_code(), " has no version ", version,
                               " for period ", request->period(), "; see `junheng history`")));
  }
  *response = **std::move(stored);
  auto review = FindReview(*store_, request->county_code(), request->period(),
                           request->school_code());
  if (!review.ok()) return Finish(context, review.status());
  if (review->has_value() && (*review)->version() == version) *response->mutable_review() = **review;
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListReportVersions(
    grpc::CallbackServerContext* context, const ListReportVersionsRequest* request,
    ListReportVersionsResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.ReportingService/ListReportVersions", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status status = CheckCodes({{"county_code", request->county_code()},
                                    {"school_code", request->school_code()},
                                    {"period", request->period()}});
  if (!status.ok()) return Finish(context, status);
  auto versions =
      store_->ListVersions(request->county_code(), request->period(), request->school_code());
  if (!versions.ok()) return Finish(context, versions.status());
  for (auto& receipt : *versions) *response->add_versions() = std::move(receipt);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListLatestReports(
    grpc::CallbackServerContext* context, const ListLatestReportsRequest* request,
    ListLatestReportsResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.ReportingService/ListLatestReports", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status status =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!status.ok()) return Finish(context, status);
  auto latest = store_->ListLatest(request->county_code(), request->period());
  if (!latest.ok()) return Finish(context, latest.status());
  for (auto& receipt : *latest) *response->add_latest() = std::move(receipt);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* RegistryServiceImpl::UpsertSchools(grpc::CallbackServerContext* context,
                                                             const UpsertSchoolsRequest* request,
                                                             UpsertSchoolsResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.RegistryService/UpsertSchools", *request);
  if (!who.ok()) return Finish(context, who.status());
  auto result = server::UpsertSchools(*store_, *clock_, *request, who->Actor());
  if (result.ok()) *response = *std::move(result);
  return Finish(context, result.status());
}

grpc::ServerUnaryReactor* RegistryServiceImpl::ListSchools(grpc::CallbackServerContext* context,
                                                           const ListSchoolsRequest* request,
                                                           ListSchoolsResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.RegistryService/ListSchools", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status status = CheckCodes({{"county_code", request->county_code()}});
  if (!status.ok()) return Finish(context, status);
  auto schools = store_->ListSchools(request->county_code());
  if (!schools.ok()) return Finish(context, schools.status());
  for (auto& school : *schools) *response->add_schools() = std::move(school);
  return Finish(context, absl::OkStatus());
}

}  // namespace junheng::server
