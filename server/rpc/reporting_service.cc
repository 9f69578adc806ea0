#include "server/rpc/reporting_service.h"

#include "server/reporting/registry.h"
#include "server/reporting/report_reads.h"
#include "server/rpc/call_interceptor.h"

namespace junheng::server {

using auth::Principal;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
using junheng::v1::GetReportRequest;
using junheng::v1::ListLatestReportsRequest;
using junheng::v1::ListLatestReportsResponse;
using junheng::v1::ListReportVersionsRequest;
using junheng::v1::ListReportVersionsResponse;
using junheng::v1::ListSchoolsRequest;
using junheng::v1::ListSchoolsResponse;
using junheng::v1::StoredReport;
using junheng::v1::SubmitReportRequest;
using junheng::v1::SubmitReportResponse;
using junheng::v1::UpsertSchoolsRequest;
using junheng::v1::UpsertSchoolsResponse;

ServerUnaryReactor* ReportingServiceImpl::SubmitReport(CallbackServerContext* context,
                                                       const SubmitReportRequest* request,
                                                       SubmitReportResponse* response) {
  return HandleAsync(context, request, response, [&](const Principal& who, auto done) {
    intake_.SubmitAsync(*request, who.Actor(), std::move(done));
  });
}

ServerUnaryReactor* ReportingServiceImpl::SubmitReports(
    CallbackServerContext* context, const junheng::v1::SubmitReportsRequest* request,
    junheng::v1::SubmitReportsResponse* response) {
  return HandleAsync(context, request, response, [&](const Principal& who, auto done) {
    // A refused report's message carries the call's request id, as the call's own error would:
    // the outbox keeps it for the clerk to read out.
    auto with_request_id =
        [suffix = RequestIdSuffix(CallerLang(*context), RequestIdOf(*context)),
         done = std::move(done)](absl::StatusOr<junheng::v1::SubmitReportsResponse> answer) {
          if (answer.ok()) {
            for (auto& result : *answer->mutable_results()) {
              if (result.code() != 0) result.mutable_message()->append(suffix);
            }
          }
          done(std::move(answer));
        };
    // Each report must be one the caller could send alone: a clerk's only for their own school.
    intake_.SubmitBatchAsync(
        *request, who.Actor(),
        [&](const SubmitReportRequest& report) { return Permit(who, report); },
        std::move(with_request_id));
  });
}

ServerUnaryReactor* ReportingServiceImpl::ValidateReport(
    CallbackServerContext* context, const junheng::v1::ValidateReportRequest* request,
    junheng::v1::ValidateReportResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return intake_.Validate(*request); });
}

ServerUnaryReactor* ReportingServiceImpl::GetReport(CallbackServerContext* context,
                                                    const GetReportRequest* request,
                                                    StoredReport* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::GetReport(*store_, *request); });
}

ServerUnaryReactor* ReportingServiceImpl::ListReportVersions(
    CallbackServerContext* context, const ListReportVersionsRequest* request,
    ListReportVersionsResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListReportVersions(*store_, *request); });
}

ServerUnaryReactor* ReportingServiceImpl::ListLatestReports(CallbackServerContext* context,
                                                            const ListLatestReportsRequest* request,
                                                            ListLatestReportsResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListLatestReports(*store_, *request); });
}

ServerUnaryReactor* RegistryServiceImpl::UpsertSchools(CallbackServerContext* context,
                                                       const UpsertSchoolsRequest* request,
                                                       UpsertSchoolsResponse* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return server::UpsertSchools(*store_, *clock_, *request, who.Actor());
  });
}

ServerUnaryReactor* RegistryServiceImpl::ListSchools(CallbackServerContext* context,
                                                     const ListSchoolsRequest* request,
                                                     ListSchoolsResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListSchools(*store_, *request); });
}

ServerUnaryReactor* RegistryServiceImpl::GetSchool(CallbackServerContext* context,
                                                   const junheng::v1::GetSchoolRequest* request,
                                                   junheng::v1::School* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::GetSchool(*store_, *request); });
}

}  // namespace junheng::server
