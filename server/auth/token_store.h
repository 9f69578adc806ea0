#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "junheng/v1/security.pb.h"
#include "server/auth/principal.h"
#include "server/storage/store.h"

namespace junheng::server::auth {

// Bearer tokens: issued for one county and role (and school, for a clerk), with an expiry,
// revocable. The token text is "jh1.<county>.<id>.<secret>": <id> is 16 random hex digits that
// name the record, <secret> 64 random hex digits (32 bytes from OpenSSL's RAND_bytes). Only
// SHA-256(salt || secret) with a random 16-byte salt per token is stored, so a copy of the
// database yields no working token. A fast hash is enough because the secret is 256 random bits,
// not a password: there is nothing to guess (PBKDF2 would only slow every call).
//
// Issuing and revoking are mutations: each writes its audit entry in the same batch.
//
// With IssueTokenRequest.enrolment, the same batch stores a one-time enrolment code for the web
// console ("jhe1.<county>.<32 hex digits>", valid kEnrolmentLifetime): see web_sessions.h.
inline constexpr absl::string_view kEnrolmentPrefix = "jhe1.";
inline constexpr absl::string_view kEnrolmentPurpose = "junheng enrolment";
inline constexpr size_t kEnrolmentSecretBytes = 16;
inline constexpr absl::Duration kEnrolmentLifetime = absl::Hours(24 * 14);

class TokenStore {
 public:
  static constexpr absl::Duration kDefaultLifetime = absl::Hours(24 * 365);

  TokenStore(storage::Store* store, const Clock* clock) : store_(store), clock_(clock) {}

  // INVALID_ARGUMENT: a bad county code, an unspecified role, a clerk without a valid school
  // code or another role with one, an expiry not in the future, a label over 200 bytes.
  // A clerk's school that is not in the registry is issued with a warning in the response.
  [[nodiscard]] absl::StatusOr<junheng::v1::IssueTokenResponse> Issue(
      const junheng::v1::IssueTokenRequest& request, absl::string_view actor);
  // NOT_FOUND: no such token in the county. Revoking a revoked token changes nothing.
  [[nodiscard]] absl::StatusOr<junheng::v1::TokenInfo> Revoke(absl::string_view county,
                                                              absl::string_view id,
                                                              absl::string_view actor);
  // At most `limit` of the county's tokens with ids after `after_id` ("" = from the first), by
  // id. INVALID_ARGUMENT for a bad county code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::TokenInfo>> List(absl::string_view county,
                                                                         absl::string_view after_id,
                                                                         size_t limit) const;

  // The principal `token` (the text after "Bearer ") stands for. UNAUTHENTICATED when it is
  // malformed, unknown, does not match the stored hash, has expired or was revoked; then
  // `*problem` (when given) says which, for the refusal counts of the metrics.
  enum class Problem { kNone, kMissing, kMalformed, kUnknown, kRevoked, kExpired };
  [[nodiscard]] absl::StatusOr<Principal> Authenticate(absl::string_view token,
                                                       Problem* problem = nullptr) const;

 private:
  storage::Store* store_;
  const Clock* clock_;
};

}  // namespace junheng::server::auth
