#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace junheng::server {

// What `junheng-server check` reads in the server's PEM files (OpenSSL), before the server is
// restarted with them: gRPC and the HTTP listener would only refuse them once it starts.

struct CertificateInfo {
  // The subject, one line ("O = junheng, OU = county 140430, CN = junheng-server").
  std::string subject;
  absl::Time not_before;
  absl::Time not_after;
};

// The first certificate of a PEM file (a chain's own certificate); nullopt when it holds none.
std::optional<CertificateInfo> FirstCertificate(absl::string_view pem);

enum class KeyMatch {
  kMatches,
  // `key_pem` holds no private key that can be read without a passphrase.
  kNoKey,
  // A key, but not the one of the certificate.
  kOtherKey,
};
// Whether `key_pem` is the private key of the first certificate of `cert_pem` (which must hold
// one).
KeyMatch MatchKey(absl::string_view cert_pem, absl::string_view key_pem);

// OK when the first certificate of `cert_pem` chains to a certificate of `ca_pem`, through the
// others in `cert_pem`; validity dates are not looked at (FirstCertificate gives them).
// INVALID_ARGUMENT when `ca_pem` holds no certificate; FAILED_PRECONDITION with OpenSSL's reason
// when it does not verify.
[[nodiscard]] absl::Status VerifyChain(absl::string_view cert_pem, absl::string_view ca_pem);

}  // namespace junheng::server
