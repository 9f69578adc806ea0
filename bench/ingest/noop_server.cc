#include "bench/ingest/noop_server.h"

#include <atomic>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace junheng::bench {

using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
using junheng::v1::SubmitReportRequest;
using junheng::v1::SubmitReportResponse;

namespace {

// What junheng would answer, field for field, without the work behind it: the hash and receipt
// id are counters printed as hex, not digests.
void Acknowledge(const SubmitReportRequest& request, SubmitReportResponse& response) {
  static std::atomic<uint64_t> counter{0};
  const uint64_t n = counter.fetch_add(1);
  const absl::Time now = absl::Now();
  auto& receipt = *response.mutable_receipt();
  receipt.set_receipt_id(absl::StrFormat("%020x", n));
  receipt.set_county_code(request.county_code());
  receipt.set_school_code(request.report().school_code());
  receipt.set_period(request.report().period());
  receipt.set_version(request.replaces_version() + 1);
  receipt.set_server_time_unix_ms(absl::ToUnixMillis(now));
  receipt.set_server_time(absl::FormatTime(absl::RFC3339_sec, now, absl::UTCTimeZone()));
  receipt.set_content_hash(absl::StrFormat("%064x", n));
  receipt.set_submission_id(request.submission_id());
  receipt.set_submitter(request.submitter());
  response.set_school_name("基准小学");
}

}  // namespace

ServerUnaryReactor* NoopReportingService::SubmitReport(CallbackServerContext* context,
                                                       const SubmitReportRequest* request,
                                                       SubmitReportResponse* response) {
  Acknowledge(*request, *response);
  ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

ServerUnaryReactor* NoopReportingService::SubmitReports(
    CallbackServerContext* context, const junheng::v1::SubmitReportsRequest* request,
    junheng::v1::SubmitReportsResponse* response) {
  for (const auto& one : request->reports()) {
    Acknowledge(one, *response->add_results()->mutable_response());
  }
  ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

absl::StatusOr<std::unique_ptr<NoopServer>> NoopServer::Start() {
  std::unique_ptr<NoopServer> noop(new NoopServer());
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &noop->port_);
  builder.RegisterService(&noop->service_);
  noop->server_ = builder.BuildAndStart();
  if (noop->server_ == nullptr || noop->port_ == 0) {
    return absl::UnavailableError("the no-op server could not listen on 127.0.0.1");
  }
  return noop;
}

NoopServer::~NoopServer() {
  if (server_ != nullptr) server_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
}

std::string NoopServer::address() const { return absl::StrCat("127.0.0.1:", port_); }

}  // namespace junheng::bench
