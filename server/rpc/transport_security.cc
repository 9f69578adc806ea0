#include "server/rpc/transport_security.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace junheng::server {

bool IsLoopbackHost(absl::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || absl::StartsWith(host, "127.");
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path, absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read the ", what, " ", path, " (a PEM file)"));
  }
  return text.str();
}

absl::Status CheckHttpTransport(const TransportOptions& options, absl::string_view http_listen) {
  if (!options.insecure_plaintext) return absl::OkStatus();
  const absl::string_view host = http_listen.substr(0, http_listen.rfind(':'));
  if (!IsLoopbackHost(host) && !options.allow_remote_plaintext) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--http-listen ", http_listen,
        ": plain HTTP only on a loopback address; give --tls-cert/--tls-key for HTTPS"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TransportOptions& options, absl::string_view host) {
  const bool tls = !options.tls_cert_file.empty() || !options.tls_key_file.empty();
  if (tls && options.insecure_plaintext) {
    return absl::InvalidArgumentError(
        "both TLS (--tls-cert/--tls-key) and --insecure-plaintext are set; choose one");
  }
  if (!tls && !options.insecure_plaintext) {
    return absl::InvalidArgumentError(
        "no transport security configured: give --tls-cert and --tls-key (see "
        "deploy/tls/make-certs.sh), or --insecure-plaintext for a local demo on 127.0.0.1");
  }
  if (options.insecure_plaintext) {
    if (!IsLoopbackHost(host) && !options.allow_remote_plaintext) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--insecure-plaintext on ", host,
          " would send tokens and reports unencrypted over the network; listen on 127.0.0.1, "
          "use TLS, or add --allow-remote-plaintext if a TLS proxy in front of it encrypts"));
    }
    return grpc::InsecureServerCredentials();
  }
  if (options.tls_cert_file.empty() || options.tls_key_file.empty()) {
    return absl::InvalidArgumentError("TLS needs both --tls-cert and --tls-key");
  }
  auto cert = ReadPemFile(options.tls_cert_file, "server certificate (--tls-cert)");
  if (!cert.ok()) return cert.status();
  auto key = ReadPemFile(options.tls_key_file, "server key (--tls-key)");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  if (!options.tls_client_ca_file.empty()) {
    auto ca = ReadPemFile(options.tls_client_ca_file, "client CA (--tls-client-ca)");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace junheng::server
