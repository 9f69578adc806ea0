#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "server/auth/principal.h"
#include "server/auth/rate_limiter.h"
#include "server/auth/token_store.h"

namespace junheng::server::auth {

// What a call presents to prove who sends it, whatever transport carries it.
struct Credentials {
  // The text after "Bearer " of the call's authorization header; nullopt when it carries none.
  std::optional<std::string> bearer_token;
};

// What the transport knows about the other end.
struct PeerIdentity {
  // The transport's name for the peer ("ipv4:127.0.0.1:51234"): the actor in test mode.
  std::string address;
  // With mutual TLS, the names of the client certificate the transport verified: its CN, then its
  // SANs. nullopt when the peer presented no verified certificate.
  std::optional<std::vector<std::string>> certificate_names;
};

// Who calls, and may they make this call? Transport-neutral: the gRPC services (server/rpc)
// build Credentials and PeerIdentity from their context, an HTTP listener from its request, and
// both ask the same Authorize.
//
// In order: the method must have a row in the policy table (policy.h; else PERMISSION_DENIED);
// the credentials must name a valid token (else UNAUTHENTICATED); with mutual TLS, a
// school_clerk's client certificate must name the token's school in its CN or a SAN (else
// PERMISSION_DENIED); the credential's rate limit must admit the call (else RESOURCE_EXHAUSTED
// with a retry hint, and `*retry_after` set to the wait); the role and scope must allow it (else
// PERMISSION_DENIED); the request must keep the input limits (input_limits.h; else
// INVALID_ARGUMENT naming the field).
class Authorizer {
 public:
  // `tokens_disabled_for_tests`: only ServerOptions::auth_disabled_for_tests sets it; calls then
  // need no token and act as an unauthenticated test principal (the table is still consulted).
  Authorizer(const TokenStore* tokens, RateLimiter* limiter, bool tokens_disabled_for_tests)
      : tokens_(tokens), limiter_(limiter), disabled_(tokens_disabled_for_tests) {}

  // Returns the principal the call acts as, or the first refusal above. `retry_after` (when
  // given) is set only when the rate limit refuses the call.
  [[nodiscard]] absl::StatusOr<Principal> Authorize(
      const Credentials& credentials, const PeerIdentity& peer,
      const google::protobuf::MethodDescriptor& method, const google::protobuf::Message& request,
      std::optional<absl::Duration>* retry_after = nullptr) const;

  // For a call that carries several requests of another method (SubmitReports carries
  // SubmitReport requests): may `principal`, already authorized for the call, make `request` as
  // `method`? The role and scope rule only; no token check or rate limit again.
  [[nodiscard]] absl::Status Permit(const Principal& principal,
                                    const google::protobuf::MethodDescriptor& method,
                                    const google::protobuf::Message& request) const;

 private:
  const TokenStore* tokens_;
  RateLimiter* limiter_;
  bool disabled_;
};

}  // namespace junheng::server::auth
