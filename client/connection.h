#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/rpc/channel_security.h"
#include "junheng/v1/bureau.grpc.pb.h"
#include "junheng/v1/evaluation_service.grpc.pb.h"
#include "junheng/v1/security.grpc.pb.h"
#include "junheng/v1/services.grpc.pb.h"

namespace junheng::client {

// The client's view of one junheng server. Every call carries a deadline; failures come back as
// absl::Status with the server's canonical code and message.
class Connection {
 public:
  // Plain text and no token: for in-process tests of a server with auth disabled.
  Connection(const std::string& address, absl::Duration deadline);
  // TLS (or plain text when `security` says so) and the bearer token on every call. A PEM file
  // that cannot be read fails every call with its error.
  Connection(const std::string& address, absl::Duration deadline,
             const rpc::ChannelSecurity& security);

  // Submits with retries: UNAVAILABLE and DEADLINE_EXCEEDED are retried with the same
  // submission_id (so a retry can never store the report twice) up to `attempts` times with
  // exponential backoff.
  [[nodiscard]] absl::StatusOr<junheng::v1::SubmitReportResponse> SubmitReport(
      const junheng::v1::SubmitReportRequest& request, int attempts = 3);
  [[nodiscard]] absl::StatusOr<junheng::v1::StoredReport> GetReport(
      const junheng::v1::GetReportRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListReportVersionsResponse> ListReportVersions(
      const junheng::v1::ListReportVersionsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListLatestReportsResponse> ListLatestReports(
      const junheng::v1::ListLatestReportsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::UpsertSchoolsResponse> UpsertSchools(
      const junheng::v1::UpsertSchoolsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListSchoolsResponse> ListSchools(
      const junheng::v1::ListSchoolsRequest& request);

  // BureauService.
  [[nodiscard]] absl::StatusOr<junheng::v1::ReportingPeriod> DefinePeriod(
      const junheng::v1::DefinePeriodRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListPeriodsResponse> ListPeriods(
      const junheng::v1::ListPeriodsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::SubmissionException> GrantException(
      const junheng::v1::GrantExceptionRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ReviewRecord> ReviewReport(
      const junheng::v1::ReviewReportRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::SubmissionStatusResponse> SubmissionStatus(
      const junheng::v1::SubmissionStatusRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::RemindersResponse> Reminders(
      const junheng::v1::RemindersRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::DueResponse> Due(const junheng::v1::DueRequest& request);

  // TokenService and AuditService (issue 6).
  [[nodiscard]] absl::StatusOr<junheng::v1::IssueTokenResponse> IssueToken(
      const junheng::v1::IssueTokenRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::TokenInfo> RevokeToken(
      const junheng::v1::RevokeTokenRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListTokensResponse> ListTokens(
      const junheng::v1::ListTokensRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListAuditResponse> ListAudit(
      const junheng::v1::ListAuditRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::VerifyAuditResponse> VerifyAudit(
      const junheng::v1::VerifyAuditRequest& request);

  // EvaluationService.
  [[nodiscard]] absl::StatusOr<junheng::v1::Evaluation> Evaluate(
      const junheng::v1::EvaluateRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::CountyFactsReceipt> SubmitCountyFacts(
      const junheng::v1::SubmitCountyFactsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::StoredCountyFacts> GetCountyFacts(
      const junheng::v1::GetCountyFactsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::ListSnapshotsResponse> ListSnapshots(
      const junheng::v1::ListSnapshotsRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::Snapshot> GetSnapshot(
      const junheng::v1::GetSnapshotRequest& request);
  [[nodiscard]] absl::StatusOr<junheng::v1::TrendResponse> Trend(
      const junheng::v1::TrendRequest& request);

  const std::string& address() const { return address_; }

 private:
  // Makes the channel and the stubs.
  void OpenChannel();
  // Before each call: setup_, after replacing a TLS channel stuck reconnecting.
  const absl::Status& Ready();

  std::string address_;
  absl::Duration deadline_;
  rpc::ChannelSecurity security_;
  grpc::ChannelArguments args_;
  absl::Status setup_;  // why the channel could not be made; every call returns it
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<junheng::v1::ReportingService::Stub> reporting_;
  std::unique_ptr<junheng::v1::RegistryService::Stub> registry_;
  std::unique_ptr<junheng::v1::BureauService::Stub> bureau_;
  std::unique_ptr<junheng::v1::EvaluationService::Stub> evaluation_;
  std::unique_ptr<junheng::v1::TokenService::Stub> tokens_;
  std::unique_ptr<junheng::v1::AuditService::Stub> audit_;
};

}  // namespace junheng::client
