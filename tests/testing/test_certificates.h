#pragma once

// Certificates for tests of what reads them (junheng-server check): a CA and certificates it
// signs, each valid from and until any instant (an expired one, one about to expire), written as
// PEM files. OpenSSL, EC P-256 keys, as deploy/tls/make-certs.sh makes them.

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace junheng::testing {

struct PemFiles {
  std::string cert;  // path of the certificate (PEM)
  std::string key;   // path of its private key (PEM)
};

// A self-signed CA certificate and key, valid from `not_before` to `not_after`, written to
// `base`.crt and `base`.key. INTERNAL when OpenSSL or the file system fails.
absl::StatusOr<PemFiles> MakeCa(const std::string& base, absl::Time not_before,
                                absl::Time not_after);

// A server certificate for CN `name`, signed by `ca`, valid from `not_before` to `not_after`,
// written to `base`.crt and `base`.key. INTERNAL when OpenSSL or the file system fails.
absl::StatusOr<PemFiles> MakeSignedCertificate(const std::string& base, const PemFiles& ca,
                                               const std::string& name, absl::Time not_before,
                                               absl::Time not_after);

}  // namespace junheng::testing
