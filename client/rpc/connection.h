#pragma once

#include <memory>
#include <string>
#include <type_traits>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/rpc/channel_security.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/channel_arguments.h"
#include "grpcpp/support/status.h"
// Every junheng service's stub, so that a caller can name any method.
#include "junheng/v1/bureau.grpc.pb.h"
#include "junheng/v1/evaluation_service.grpc.pb.h"
#include "junheng/v1/region.grpc.pb.h"
#include "junheng/v1/security.grpc.pb.h"
#include "junheng/v1/services.grpc.pb.h"

namespace junheng::client {

// A unary method of a generated stub, e.g. &v1::ReportingService::Stub::GetReport.
template <typename Stub, typename Request, typename Response>
using UnaryMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&, Response*);

// True for the answers that mean the call did not reach a working server in time: UNAVAILABLE,
// DEADLINE_EXCEEDED, and CANCELLED (a server stopping). Call words them with what to check
// (rpc::DescribeConnectFailure); CallWithRetry retries them, except a certificate or transport
// mismatch, which waiting does not mend.
bool IsUnreachable(const absl::Status& status);

// The client's view of one junheng server. Every call carries a deadline; failures come back as
// absl::Status with the server's canonical code and message.
//
//   Connection connection(address, absl::Seconds(10), security);
//   absl::StatusOr<v1::StoredReport> stored =
//       connection.Call(&v1::ReportingService::Stub::GetReport, request);
class Connection {
 public:
  // Plain text and no token: for in-process tests of a server with auth disabled.
  Connection(const std::string& address, absl::Duration deadline);
  // TLS (or plain text when `security` says so) and the bearer token on every call. A PEM file
  // that cannot be read fails every call with its error.
  Connection(const std::string& address, absl::Duration deadline,
             const rpc::ChannelSecurity& security);

  // Sends `request` once with a fresh context, the connection's deadline and its bearer token,
  // and returns the response, or the server's status as absl::Status with its code and message.
  // An unreachable server (IsUnreachable) gets a message that says what to check and how to fix
  // it: an untrusted certificate, a name mismatch, TLS against plain text, nothing listening.
  template <typename Stub, typename Request, typename Response>
  [[nodiscard]] absl::StatusOr<Response> Call(UnaryMethod<Stub, Request, Response> method,
                                              const std::type_identity_t<Request>& request) {
    return CallWithRetry(method, request, /*attempts=*/1);
  }

  // Call, with unreachable answers retried up to `attempts` times in all, waiting 200 ms before
  // the second attempt and twice as long before each next one. Only for requests that are safe
  // to send twice: a SubmitReportRequest keeps its submission_id, so a retry can never store the
  // report twice.
  template <typename Stub, typename Request, typename Response>
  [[nodiscard]] absl::StatusOr<Response> CallWithRetry(UnaryMethod<Stub, Request, Response> method,
                                                       const std::type_identity_t<Request>& request,
                                                       int attempts) {
    Response response;
    absl::Status status = Send(
        [&](const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext& context) {
          // A stub is a light handle on the channel: a fresh one per call keeps no state here.
          Stub stub(channel);
          return (stub.*method)(&context, request, &response);
        },
        attempts);
    if (!status.ok()) return status;
    return response;
  }

  const std::string& address() const { return address_; }

 private:
  using Attempt =
      absl::FunctionRef<grpc::Status(const std::shared_ptr<grpc::Channel>&, grpc::ClientContext&)>;

  // The one implementation behind Call and CallWithRetry: deadline, credentials, channel
  // readiness, retries and the mapping of gRPC's status to absl's.
  absl::Status Send(Attempt attempt, int attempts);
  // Makes the channel.
  void OpenChannel();
  // Before each call: setup_, after replacing a TLS channel stuck reconnecting.
  const absl::Status& Ready();

  std::string address_;
  absl::Duration deadline_;
  rpc::ChannelSecurity security_;
  grpc::ChannelArguments args_;
  absl::Status setup_;  // why the channel could not be made; every call returns it
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace junheng::client
