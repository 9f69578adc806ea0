#pragma once

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/i18n/lang.h"
#include "common/rpc/grpc_status.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "server/auth/authorizer.h"
#include "server/auth/principal.h"

namespace junheng::server {

// The gRPC adapter of auth::Authorizer: what a call's context presents. The bearer token comes
// from the "authorization: Bearer <token>" metadata; the certificate names (CN, then SANs) from
// the auth context when the peer's certificate was verified (mutual TLS).
auth::Credentials CredentialsOf(const grpc::ServerContextBase& context);
auth::PeerIdentity PeerOf(const grpc::ServerContextBase& context);

// The language the caller asked for in its "junheng-lang" metadata; Chinese when absent.
i18n::Lang CallerLang(const grpc::ServerContextBase& context);

// Finishes a unary callback call with `status` mapped to its canonical gRPC code.
grpc::ServerUnaryReactor* Finish(grpc::CallbackServerContext* context, const absl::Status& status);

// What every unary RPC does, once. A service derives from Handler and each handler is one line:
//
//   return Handle(context, request, response, [&](const auth::Principal& who) {
//     return EvaluateOnDemand(*store_, *request, default_profile_);
//   });
//
// Handle authorizes the call for the method that takes `Request` (auth/policy.h), runs `run`
// with the principal, copies its value into `response`, and finishes the call with the status
// mapped to its gRPC code. A rate-limited call also gets the trailing metadata
// "retry-after-ms".
class Handler {
 protected:
  explicit Handler(const auth::Authorizer* auth) : auth_(auth) {}

  template <typename Request, typename Response, typename Run>
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* context, const Request* request,
                                   Response* response, Run&& run) const {
    // Refusals and validation messages in the language the caller reads (junheng-lang).
    i18n::LangScope lang(CallerLang(*context));
    absl::StatusOr<auth::Principal> who = Authorize(context, *request);
    if (!who.ok()) return Finish(context, who.status());
    absl::StatusOr<Response> result = std::forward<Run>(run)(*who);
    if (result.ok()) *response = *std::move(result);
    return Finish(context, result.status());
  }

  // Handle for a call answered later, e.g. once the store's report writer has synced it:
  // `start(who, done)` must call `done` exactly once, from any thread; the call finishes then.
  // The gRPC thread returns as soon as `start` does.
  template <typename Request, typename Response, typename Start>
  grpc::ServerUnaryReactor* HandleAsync(grpc::CallbackServerContext* context,
                                        const Request* request, Response* response,
                                        Start&& start) const {
    i18n::LangScope lang(CallerLang(*context));
    absl::StatusOr<auth::Principal> who = Authorize(context, *request);
    if (!who.ok()) return Finish(context, who.status());
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    std::forward<Start>(start)(*who, [reactor, response](absl::StatusOr<Response> result) {
      if (result.ok()) *response = *std::move(result);
      reactor->Finish(ToGrpcStatus(result.status()));
    });
    return reactor;
  }

  // Authorizer::Permit: one request carried inside an authorized call.
  [[nodiscard]] absl::Status Permit(const auth::Principal& who,
                                    const google::protobuf::Message& request) const;

 private:
  [[nodiscard]] absl::StatusOr<auth::Principal> Authorize(
      grpc::CallbackServerContext* context, const google::protobuf::Message& request) const;

  const auth::Authorizer* auth_;
};

}  // namespace junheng::server
