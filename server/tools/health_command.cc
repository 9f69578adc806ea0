#include "server/tools/health_command.h"

#include <ostream>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/i18n/operator_messages.h"
#include "common/rpc/connect_failure.h"
#include "common/rpc/grpc_status.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"

namespace junheng::server {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

int RunHealthCommand(const std::string& address, const std::string& service,
                     double deadline_seconds, const rpc::ChannelSecurity& security,
                     std::ostream& out, std::ostream& err) {
  namespace ops = i18n::ops;
  // The health service answers anyone: no token goes out with the question.
  rpc::ChannelSecurity transport_only = security;
  transport_only.token.clear();
  auto channel = rpc::MakeChannel(address, transport_only, grpc::ChannelArguments());
  if (!channel.ok()) {
    err << "error: " << i18n::Say(ops::kHealthFailed, address, channel.status().message()) << "\n";
    return 3;
  }
  auto stub = Health::NewStub(*channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(deadline_seconds)));
  HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  absl::Status status = FromGrpcStatus(stub->Check(&context, request, &response));
  if (absl::IsNotFound(status)) {
    err << "error: " << i18n::Say(ops::kHealthUnknownService, address, service) << "\n";
    return 1;
  }
  if (!status.ok()) {
    status = rpc::DescribeConnectFailure(address, transport_only, status).status;
    err << "error: " << i18n::Say(ops::kHealthFailed, address, status.message()) << "\n";
    return 3;
  }
  out << HealthCheckResponse::ServingStatus_Name(response.status()) << "\n";
  return response.status() == HealthCheckResponse::SERVING ? 0 : 1;
}

}  // namespace junheng::server
