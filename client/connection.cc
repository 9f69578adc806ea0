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
absl::StatusOr<Response> Call(const std::string& address, absl::Duration deadline,
                              const rpc::ChannelSecurity& security, const absl::Status& setup,
                              Method method, const Request& request) {
  if (!setup.ok()) return setup;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  rpc::AddCallCredentials(security, context);
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
    : Connection(address, deadline, rpc::ChannelSecurity::PlaintextForTests()) {}

Connection::Connection(const std::string& address, absl::Duration deadline,
                       const rpc::ChannelSecurity& security)
    : address_(address), deadline_(deadline), security_(security) {
  // gRPC's reconnect backoff grows to 120 s by default; while it waits, every call fails at once.
  // An agent retrying an outbox over a rural link needs to notice within seconds that the
  // server is back, so reconnects are capped at 2 s (issue 5).
  args_.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  // gRPC 1.51 also takes this as the time a connection attempt may take. A TLS handshake under
  // load (26 clerks at once on a small server) needs more than 200 ms.
  args_.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, security.insecure_plaintext ? 200 : 5000);
  args_.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  OpenChannel();
}

void Connection::OpenChannel() {
  auto made = rpc::MakeChannel(address_, security_, args_);
  if (!made.ok()) {
    setup_ = made.status();
    // A placeholder channel: every call returns setup_ before using it.
    made = grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args_);
  }
  std::shared_ptr<grpc::Channel> channel = *made;
  channel_ = channel;
  reporting_ = junheng::v1::ReportingService::NewStub(channel);
  registry_ = junheng::v1::RegistryService::NewStub(channel);
  bureau_ = junheng::v1::BureauService::NewStub(channel);
  evaluation_ = junheng::v1::EvaluationService::NewStub(channel);
  tokens_ = junheng::v1::TokenService::NewStub(channel);
  audit_ = junheng::v1::AuditService::NewStub(channel);
}

const absl::Status& Connection::Ready() {
  // A long-lived TLS channel (the agent's) whose server was unreachable can stay stuck in its
  // reconnect handshake after the server is back (seen with gRPC 1.51); a fresh channel connects
  // at once. Plain-text channels reconnect by themselves and are kept.
  if (setup_.ok() && !security_.insecure_plaintext) {
    const grpc_connectivity_state state = channel_->GetState(/*try_to_connect=*/false);
    if (state == GRPC_CHANNEL_TRANSIENT_FAILURE || state == GRPC_CHANNEL_CONNECTING) OpenChannel();
  }
  return setup_;
}

absl::StatusOr<junheng::v1::SubmitReportResponse> Connection::SubmitReport(
    const junheng::v1::SubmitReportRequest& request, int attempts) {
  absl::Duration backoff = absl::Milliseconds(200);
  absl::StatusOr<junheng::v1::SubmitReportResponse> result;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    result = Call<junheng::v1::SubmitReportRequest, junheng::v1::SubmitReportResponse>(
        address_, deadline_, security_, Ready(),
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
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return reporting_->GetReport(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListReportVersionsResponse> Connection::ListReportVersions(
    const junheng::v1::ListReportVersionsRequest& request) {
  return Call<junheng::v1::ListReportVersionsRequest, junheng::v1::ListReportVersionsResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return reporting_->ListReportVersions(c, q, r); },
      request);
}

absl::StatusOr<junheng::v1::ListLatestReportsResponse> Connection::ListLatestReports(
    const junheng::v1::ListLatestReportsRequest& request) {
  return Call<junheng::v1::ListLatestReportsRequest, junheng::v1::ListLatestReportsResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return reporting_->ListLatestReports(c, q, r); },
      request);
}

absl::StatusOr<junheng::v1::UpsertSchoolsResponse> Connection::UpsertSchools(
    const junheng::v1::UpsertSchoolsRequest& request) {
  return Call<junheng::v1::UpsertSchoolsRequest, junheng::v1::UpsertSchoolsResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return registry_->UpsertSchools(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListSchoolsResponse> Connection::ListSchools(
    const junheng::v1::ListSchoolsRequest& request) {
  return Call<junheng::v1::ListSchoolsRequest, junheng::v1::ListSchoolsResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return registry_->ListSchools(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ReportingPeriod> Connection::DefinePeriod(const junheng::v1::DefinePeriodRequest& request) {
  return Call<junheng::v1::DefinePeriodRequest, junheng::v1::ReportingPeriod>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->DefinePeriod(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListPeriodsResponse> Connection::ListPeriods(const junheng::v1::ListPeriodsRequest& request) {
  return Call<junheng::v1::ListPeriodsRequest, junheng::v1::ListPeriodsResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->ListPeriods(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::SubmissionException> Connection::GrantException(const junheng::v1::GrantExceptionRequest& request) {
  return Call<junheng::v1::GrantExceptionRequest, junheng::v1::SubmissionException>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->GrantException(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ReviewRecord> Connection::ReviewReport(const junheng::v1::ReviewReportRequest& request) {
  return Call<junheng::v1::ReviewReportRequest, junheng::v1::ReviewRecord>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->ReviewReport(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::SubmissionStatusResponse> Connection::SubmissionStatus(const junheng::v1::SubmissionStatusRequest& request) {
  return Call<junheng::v1::SubmissionStatusRequest, junheng::v1::SubmissionStatusResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->SubmissionStatus(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::RemindersResponse> Connection::Reminders(const junheng::v1::RemindersRequest& request) {
  return Call<junheng::v1::RemindersRequest, junheng::v1::RemindersResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->Reminders(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::DueResponse> Connection::Due(const junheng::v1::DueRequest& request) {
  return Call<junheng::v1::DueRequest, junheng::v1::DueResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return bureau_->Due(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::IssueTokenResponse> Connection::IssueToken(
    const junheng::v1::IssueTokenRequest& request) {
  return Call<junheng::v1::IssueTokenRequest, junheng::v1::IssueTokenResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return tokens_->IssueToken(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::TokenInfo> Connection::RevokeToken(
    const junheng::v1::RevokeTokenRequest& request) {
  return Call<junheng::v1::RevokeTokenRequest, junheng::v1::TokenInfo>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return tokens_->RevokeToken(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListTokensResponse> Connection::ListTokens(
    const junheng::v1::ListTokensRequest& request) {
  return Call<junheng::v1::ListTokensRequest, junheng::v1::ListTokensResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return tokens_->ListTokens(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListAuditResponse> Connection::ListAudit(
    const junheng::v1::ListAuditRequest& request) {
  return Call<junheng::v1::ListAuditRequest, junheng::v1::ListAuditResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return audit_->ListAudit(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::VerifyAuditResponse> Connection::VerifyAudit(
    const junheng::v1::VerifyAuditRequest& request) {
  return Call<junheng::v1::VerifyAuditRequest, junheng::v1::VerifyAuditResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return audit_->VerifyAudit(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::Evaluation> Connection::Evaluate(const junheng::v1::EvaluateRequest& request) {
  return Call<junheng::v1::EvaluateRequest, junheng::v1::Evaluation>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return evaluation_->Evaluate(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::CountyFactsReceipt> Connection::SubmitCountyFacts(const junheng::v1::SubmitCountyFactsRequest& request) {
  return Call<junheng::v1::SubmitCountyFactsRequest, junheng::v1::CountyFactsReceipt>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return evaluation_->SubmitCountyFacts(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::StoredCountyFacts> Connection::GetCountyFacts(const junheng::v1::GetCountyFactsRequest& request) {
  return Call<junheng::v1::GetCountyFactsRequest, junheng::v1::StoredCountyFacts>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return evaluation_->GetCountyFacts(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::ListSnapshotsResponse> Connection::ListSnapshots(const junheng::v1::ListSnapshotsRequest& request) {
  return Call<junheng::v1::ListSnapshotsRequest, junheng::v1::ListSnapshotsResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return evaluation_->ListSnapshots(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::Snapshot> Connection::GetSnapshot(const junheng::v1::GetSnapshotRequest& request) {
  return Call<junheng::v1::GetSnapshotRequest, junheng::v1::Snapshot>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return evaluation_->GetSnapshot(c, q, r); }, request);
}

absl::StatusOr<junheng::v1::TrendResponse> Connection::Trend(const junheng::v1::TrendRequest& request) {
  return Call<junheng::v1::TrendRequest, junheng::v1::TrendResponse>(
      address_, deadline_, security_, Ready(),
      [&](auto* c, const auto& q, auto* r) { return evaluation_->Trend(c, q, r); }, request);
}

}  // namespace junheng::client
