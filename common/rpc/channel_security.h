#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/channel_arguments.h"

namespace junheng::rpc {

// How a client reaches junheng-server and proves who it is.
struct ChannelSecurity {
  // Bearer token sent as "authorization: Bearer <token>" on every call; empty: none.
  std::string token;
  // TLS: the county CA (PEM) the server's certificate must chain to; empty: the system's roots.
  std::string ca_file;
  // Mutual TLS: this client's certificate and key (PEM), e.g. a school's from make-certs.sh.
  std::string cert_file;
  std::string key_file;
  // Plain text instead of TLS (a local demo server started with --insecure-plaintext, tests).
  bool insecure_plaintext = false;
  // TLS: the name the server's certificate must carry when it differs from the address's host.
  std::string server_name;

  // Plain text and no token: in-process tests against ServerOptions::auth_disabled_for_tests.
  static ChannelSecurity PlaintextForTests() {
    ChannelSecurity s;
    s.insecure_plaintext = true;
    return s;
  }
};

// A channel to `address` secured as `security` says. FAILED_PRECONDITION when a PEM file cannot
// be read, INVALID_ARGUMENT for a certificate without its key.
[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const std::string& address, const ChannelSecurity& security, grpc::ChannelArguments args);

// Adds the bearer token of `security` to a call.
void AddCallCredentials(const ChannelSecurity& security, grpc::ClientContext& context);

}  // namespace junheng::rpc
