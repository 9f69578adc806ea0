#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/server.h"
#include "junheng/v1/services.grpc.pb.h"

namespace junheng::bench {

// The baseline: a ReportingService that stores nothing. SubmitReport and SubmitReports answer a
// plausible receipt at once (callback API, the handler finishes before it returns), so that
// junheng's figures can be read against what gRPC, protobuf and the load generator cost on this
// machine in the same run. Every other method is UNIMPLEMENTED.
class NoopReportingService final : public junheng::v1::ReportingService::CallbackService {
 public:
  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
                                         const junheng::v1::SubmitReportRequest* request,
                                         junheng::v1::SubmitReportResponse* response) override;
  grpc::ServerUnaryReactor* SubmitReports(grpc::CallbackServerContext* context,
                                          const junheng::v1::SubmitReportsRequest* request,
                                          junheng::v1::SubmitReportsResponse* response) override;
};

// The no-op service listening on a free loopback port, plain text, in this process.
class NoopServer {
 public:
  // Starts it; an error when gRPC cannot bind.
  static absl::StatusOr<std::unique_ptr<NoopServer>> Start();
  ~NoopServer();

  std::string address() const;

 private:
  NoopServer() = default;

  NoopReportingService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace junheng::bench
