#pragma once

#include <array>
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
#include "server/observability/metrics.h"

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

// Why Authorize or Permit refused a call: the label of junheng_auth_refusals_total
// (docs/monitoring.md). A store that cannot be read is no refusal (the call's code says it).
enum class RefusalReason {
  kNoAccessRule,    // the method has no row in the policy table
  kMissingToken,    // the call carries no token
  kMalformedToken,  // not jh1.<county>.<id>.<secret>
  kUnknownToken,    // no such token, or the secret does not match
  kRevokedToken,
  kExpiredToken,
  kWrongCertificate,  // mutual TLS: the clerk's certificate is another school's
  kRateLimited,
  kWrongRole,    // the token's role may not make the call
  kOutOfScope,   // another county, school or region than the token's
  kInputLimits,  // a field over the input limits
};
inline constexpr int kRefusalReasonCount = 11;
// "no_access_rule", "missing_token", ...: the label value.
absl::string_view RefusalReasonName(RefusalReason reason);

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
  // Refusals are counted by reason in `metrics` (nullptr: a registry nobody scrapes).
  Authorizer(const TokenStore* tokens, RateLimiter* limiter, bool tokens_disabled_for_tests,
             metrics::Registry* metrics = nullptr);

  // Returns the principal the call acts as, or the first refusal above. `retry_after` (when
  // given) is set only when the rate limit refuses the call. `refused` (when given) is set to the
  // principal of a token that authenticated before a later check refused the call, so that the
  // refusal's log line can name it.
  [[nodiscard]] absl::StatusOr<Principal> Authorize(
      const Credentials& credentials, const PeerIdentity& peer,
      const google::protobuf::MethodDescriptor& method, const google::protobuf::Message& request,
      std::optional<absl::Duration>* retry_after = nullptr,
      std::optional<Principal>* refused = nullptr) const;

  // For a call that carries several requests of another method (SubmitReports carries
  // SubmitReport requests): may `principal`, already authorized for the call, make `request` as
  // `method`? The role and scope rule only; no token check or rate limit again.
  [[nodiscard]] absl::Status Permit(const Principal& principal,
                                    const google::protobuf::MethodDescriptor& method,
                                    const google::protobuf::Message& request) const;

 private:
  // Counts the refusal and returns it.
  absl::Status Refuse(RefusalReason reason, absl::Status refusal) const;

  const TokenStore* tokens_;
  RateLimiter* limiter_;
  bool disabled_;
  // By RefusalReason, each resolved once.
  std::array<metrics::Counter*, kRefusalReasonCount> refusals_;
};

}  // namespace junheng::server::auth
