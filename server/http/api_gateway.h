#pragma once

#include <memory>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/channel.h"
#include "server/http/connect_protocol.h"

namespace junheng::server::http {

// One unary call as the HTTP door received it.
struct ApiCall {
  // "/junheng.v1.<Service>/<Method>".
  std::string path;
  // "application/json" or "application/proto" (parameters such as charset are ignored).
  std::string content_type;
  std::string body;
  // The bearer token to call with: the request's own Authorization header, or the one a browser
  // session stands for. Empty: the call carries none (and the services answer UNAUTHENTICATED).
  std::string bearer_token;
  // "zh" or "en": the language of the services' sentences.
  std::string lang = "zh";
  // Connect-Timeout-Ms, when the request gave one.
  std::optional<absl::Duration> timeout;
  // The HTTP client's address, for the call's log line.
  std::string peer;
};

// The API half of the HTTP door: every unary RPC of package junheng.v1 at its gRPC path, by the
// Connect protocol's unary rules. A call is decoded (JSON with the proto field names, or binary
// protobuf), handed to the gRPC services through the server's in-process channel with the
// bearer token and language as metadata, and its answer or status encoded back in the request's
// encoding. So every call takes the one path of the gRPC door: the same Handler, authorization,
// input limits, rate limits, validation and audit (docs/web-console.md).
class ApiGateway {
 public:
  static constexpr absl::Duration kDefaultTimeout = absl::Seconds(60);
  static constexpr absl::Duration kMaxTimeout = absl::Minutes(10);

  explicit ApiGateway(std::shared_ptr<grpc::Channel> in_process)
      : channel_(std::move(in_process)) {}

  // Never fails as a function: a refusal is an HttpAnswer with the Connect error. 404 for a path
  // that names no unary junheng method, 415 for another content type, 400 invalid_argument for a
  // body that does not decode (naming the JSON problem). An answer of the services carries their
  // request id in the header Junheng-Request-Id (an error's message ends with it too).
  HttpAnswer Call(const ApiCall& call) const;

  // The unary junheng.v1 method at `path`, or nullptr.
  static const google::protobuf::MethodDescriptor* FindMethod(absl::string_view path);

 private:
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace junheng::server::http
