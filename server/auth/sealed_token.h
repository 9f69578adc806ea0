#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace junheng::server::auth {

// A bearer token kept at rest under a browser's secret (an enrolment code or a session cookie):
// AES-256-GCM with a key derived from the secret by HKDF-SHA256 and `purpose`, a random 12-byte
// nonce in front of the ciphertext and the 16-byte tag after it. The secret is never stored
// (only its SHA-256, to find the record), so a copy of the database opens no token.

// INTERNAL only when OpenSSL fails.
[[nodiscard]] absl::StatusOr<std::string> SealToken(absl::string_view secret,
                                                    absl::string_view purpose,
                                                    absl::string_view token);

// The token; UNAUTHENTICATED when `sealed` was not sealed under this secret and purpose (or was
// altered).
[[nodiscard]] absl::StatusOr<std::string> OpenToken(absl::string_view secret,
                                                    absl::string_view purpose,
                                                    absl::string_view sealed);

// `bytes` random bytes from OpenSSL as lowercase hex; INTERNAL when OpenSSL cannot give them.
[[nodiscard]] absl::StatusOr<std::string> RandomHex(size_t bytes);

}  // namespace junheng::server::auth
