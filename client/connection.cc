#include "client/connection.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "common/rpc/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/support/channel_arguments.h"
#include "grpcpp/security/credentials.h"

namespace junheng::client {
namespace {

// Runs one unary call with a fresh context and the connection's deadline. An unreachable server
// gets a message that says what to check.
template <typename Request, typename Response, typename Method>
absl::StatusOr<Response> Call(const std::string& address, absl::Duration deadline, Method method,
                              const Request& request) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  Response response;
  grpc::Status status = method(&context, request, &response);
  if (status.ok()) return response;
  absl::Status converted = FromGrpcStatus(status);
  if (absl::IsUnavailable(converted) || absl::IsDeadlineExceeded(converted)) {
    return absl::Status(converted.code(),
                        absl::StrCat("the server at ", address, " is unreachable or unavailable (",
                                     converted.message(),
                                     "); check --server and the network, or ask the operator, "
                                     "then try again"));
  }
  return converted;
}

}  // namespace

Connection::Connection(const std::string& address, absl::Duration deadline)
    : address_(address), deadline_(deadline) {
  // gRPC's reconnect backoff grows to 120 s by default; while it waits, every call fails at once.
  // An agent retrying an outbox over a rural link needs to notice within seconds that the
  // server is back, so reconnects are capped at 2 s (issue 5).
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  auto channel =
      grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
  reporting_ = junheng::v1::ReportingService::NewStub(channel);
  registry_ = junheng::v1::RegistryService::NewStub(channel);
  bureau_ = junheng::v1::BureauService::NewStub(channel);
}

absl::StatusOr<junheng::v1::SubmitReportResponse> Connection::SubmitReport(
    const junheng::v1::SubmitReportRequest& request, int attempts) {
  absl::Duration backoff = absl::Milliseconds(200);
  absl::StatusOr<junheng::v1::SubmitReportResponse> result;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    result = Call<junheng::v1::SubmitReportRequest, junheng::v1::SubmitReportResponse>(
        address_, deadline_,
        [&](auto* c, const auto& q, auto* r) { return reporting_->SubmitReport(c, q, r); },
        request);
    const absl::Status& status = result.status();
    if (!absl::IsUnavailable(status) && !absl::IsDeadlineExceeded(status)) break;
    if (attempt < attempts) {
      std::this_thread::sleep_for(absl::ToChronoNanoseconds(backoff));
      backoff *= 2;
    }
  }
  return result;
}

absl::StatusOr<junheng::v1::StoredReport> Connection::GetReport(
    const junheng::v1::GetReportRequest& request) {
  return Call<junheng::v1::GetReportRequest, junheng::v1::StoredReport>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return reporting_->GetReport(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListReportVersionsResponse> Connection::ListReportVersions(
    const junheng::v1::ListReportVersionsRequest& request) {
  return Call<junheng::v1::ListReportVersionsRequest, junheng::v1::ListReportVersionsResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return reporting_->ListReportVersions(c, q, r); },
      request);
}

absl::StatusOr<junheng::v1::ListLatestReportsResponse> Connection::ListLatestReports(
    const junheng::v1::ListLatestReportsRequest& request) {
  return Call<junheng::v1::ListLatestReportsRequest, junheng::v1::ListLatestReportsResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return reporting_->ListLatestReports(c, q, r); },
      request);
}

absl::StatusOr<junheng::v1::UpsertSchoolsResponse> Connection::UpsertSchools(
    const junheng::v1::UpsertSchoolsRequest& request) {
  return Call<junheng::v1::UpsertSchoolsRequest, junheng::v1::UpsertSchoolsResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return registry_->UpsertSchools(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListSchoolsResponse> Connection::ListSchools(
    const junheng::v1::ListSchoolsRequest& request) {
  return Call<junheng::v1::ListSchoolsRequest, junheng::v1::ListSchoolsResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return registry_->ListSchools(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ReportingPeriod> Connection::DefinePeriod(const junheng::v1::DefinePeriodRequest& request) {
  return Call<junheng::v1::DefinePeriodRequest, junheng::v1::ReportingPeriod>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->DefinePeriod(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListPeriodsResponse> Connection::ListPeriods(const junheng::v1::ListPeriodsRequest& request) {
  return Call<junheng::v1::ListPeriodsRequest, junheng::v1::ListPeriodsResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->ListPeriods(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::SubmissionException> Connection::GrantException(const junheng::v1::GrantExceptionRequest& request) {
  return Call<junheng::v1::GrantExceptionRequest, junheng::v1::SubmissionException>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->GrantException(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ReviewRecord> Connection::ReviewReport(const junheng::v1::ReviewReportRequest& request) {
  return Call<junheng::v1::ReviewReportRequest, junheng::v1::ReviewRecord>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->ReviewReport(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::SubmissionStatusResponse> Connection::SubmissionStatus(const junheng::v1::SubmissionStatusRequest& request) {
  return Call<junheng::v1::SubmissionStatusRequest, junheng::v1::SubmissionStatusResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->SubmissionStatus(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::RemindersResponse> Connection::Reminders(const junheng::v1::RemindersRequest& request) {
  return Call<junheng::v1::RemindersRequest, junheng::v1::RemindersResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->Reminders(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::DueResponse> Connection::Due(const junheng::v1::DueRequest& request) {
  return Call<junheng::v1::DueRequest, junheng::v1::DueResponse>(
      address_, deadline_,
      [&](auto* c, const auto& q, auto* r) { return bureau_->Due(c, q, r); }, request);
}

}  // namespace junheng::client
