#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "server/auth/principal.h"
#include "server/auth/rate_limiter.h"
#include "server/auth/token_store.h"

namespace junheng::server::auth {

// The check at the top of every handler: who calls, and may they make this call?
//
//   auto who = auth_->Authorize(context, "/junheng.v1.ReportingService/SubmitReport", *request);
//   if (!who.ok()) return Finish(context, who.status());
//
// In order: the method must have a row in the policy table (else PERMISSION_DENIED); the call
// must carry "authorization: Bearer <token>" naming a valid token (else UNAUTHENTICATED); with
// mutual TLS, a school_clerk's client certificate must name the token's school in its CN or a
// SAN (else PERMISSION_DENIED); the credential's rate limit must admit the call (else
// RESOURCE_EXHAUSTED with a retry hint, also as trailing metadata "retry-after-ms"); the role and
// scope must allow it (else PERMISSION_DENIED); the request must keep the input limits
// (input_limits.h; else INVALID_ARGUMENT naming the field).
class Authorizer {
 public:
  // `tokens_disabled_for_tests`: only ServerOptions::auth_disabled_for_tests sets it; calls then
  // need no token and act as an unauthenticated test principal (the table is still consulted).
  Authorizer(const TokenStore* tokens, RateLimiter* limiter, bool tokens_disabled_for_tests)
      : tokens_(tokens), limiter_(limiter), disabled_(tokens_disabled_for_tests) {}

  [[nodiscard]] absl::StatusOr<Principal> Authorize(grpc::CallbackServerContext* context,
                                                    absl::string_view method,
                                                    const google::protobuf::Message& request) const;

 private:
  const TokenStore* tokens_;
  RateLimiter* limiter_;
  bool disabled_;
};

}  // namespace junheng::server::auth
