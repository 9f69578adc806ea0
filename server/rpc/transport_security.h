#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/security/server_credentials.h"

namespace junheng::server {

// How the server's port is secured. TLS is the default way; plain text must be asked for.
struct TransportOptions {
  // PEM files: the server's certificate chain and private key (deploy/tls/make-certs.sh).
  std::string tls_cert_file;
  std::string tls_key_file;
  // Mutual TLS: the county CA that signed the clients' certificates. Every client must then
  // present one; a school_clerk's certificate must name its school (CN or SAN).
  std::string tls_client_ca_file;
  // Plain text, only when set explicitly (a local demo or a test), and only on a loopback
  // address unless `allow_remote_plaintext` is set too.
  bool insecure_plaintext = false;
  bool allow_remote_plaintext = false;
};

// True for 127.0.0.0/8, ::1 and localhost.
bool IsLoopbackHost(absl::string_view host);

// The credentials to listen with on `host`. INVALID_ARGUMENT: neither TLS nor plain text
// configured, both, a certificate without its key, plain text on a non-loopback host without
// allow_remote_plaintext. FAILED_PRECONDITION: a PEM file that cannot be read.
[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TransportOptions& options, absl::string_view host);

// The HTTP door on `http_listen` (HOST:PORT) under these options: with insecure_plaintext it is
// plain HTTP, allowed on a loopback host only unless allow_remote_plaintext; INVALID_ARGUMENT
// otherwise. OK with TLS (the door uses the gRPC port's certificate).
[[nodiscard]] absl::Status CheckHttpTransport(const TransportOptions& options,
                                              absl::string_view http_listen);

// Reads a whole file (PEM); FAILED_PRECONDITION naming `what` and the path when it cannot.
[[nodiscard]] absl::StatusOr<std::string> ReadPemFile(const std::string& path,
                                                      absl::string_view what);

}  // namespace junheng::server
