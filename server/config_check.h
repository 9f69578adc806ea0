#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "server/serve_options.h"

namespace junheng::server {

// `junheng-server check --config FILE`: reads a server config exactly as serving does
// (serve_options.h) and checks it before a restart takes the running service down. It changes
// nothing and takes no lock, so it runs beside the server the config is for:
// - data-dir: set; exists and is writable by the user running the check (else its parent can
//   hold it); holds nothing or a junheng database of the schema this build reads (the refusals
//   of Store::Open, read with Store::Inspect); in use by which process;
// - transport: the server's rule (plain text only on loopback, rpc/transport_security.h); TLS:
//   tls-cert and tls-key readable PEM, the key the certificate's, the certificate's validity (an
//   error when expired or not yet valid, a warning within 30 days of expiry), tls-client-ca
//   readable PEM, and whether the server's certificate chains to it (a warning when not);
// - listen, http-listen: HOST:PORT, and the port free or held by the junheng-server running on
//   this data-dir (its LOCK's holder), which the restart frees;
// - web-root: a directory with index.html; profile: loads; log-format: a known one.

// One line of the check: the setting it is about and a sentence in the operator's language.
struct Finding {
  enum class Verdict { kOk, kWarning, kError };
  Verdict verdict;
  std::string setting;
  std::string text;
};

// Every check of `settings` at `now` (certificate validity), in the order they are printed.
std::vector<Finding> CheckServeSettings(const ServeSettings& settings, absl::Time now);

// Reads `config_file` and prints each finding on its own line on `out`, then a summary. Exit 0
// when the server can start with the config (warnings allowed), 1 when a finding is an error,
// 2 when the file cannot be read or parsed or a key is no setting (the same rule as serving),
// said on `err`.
int RunConfigCheck(const std::string& config_file, std::ostream& out, std::ostream& err);

}  // namespace junheng::server
