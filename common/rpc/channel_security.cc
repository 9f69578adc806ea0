#include "common/rpc/channel_security.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/i18n/client_messages.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace junheng::rpc {
namespace {

// `cannot_read` names the file's role and takes its path.
absl::StatusOr<std::string> ReadFile(const std::string& path, const i18n::Msg& cannot_read) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty()) {
    return absl::FailedPreconditionError(i18n::Say(cannot_read, path));
  }
  return text.str();
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const std::string& address,
                                                           const ChannelSecurity& security,
                                                           grpc::ChannelArguments args) {
  if (security.insecure_plaintext) {
    return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
  }
  grpc::SslCredentialsOptions ssl;
  if (!security.ca_file.empty()) {
    auto ca = ReadFile(security.ca_file, i18n::client::kCannotReadCa);
    if (!ca.ok()) return ca.status();
    // gRPC reports a CA it cannot load only as "empty address list" on every call.
    if (!absl::StrContains(*ca, "-----BEGIN CERTIFICATE-----")) {
      return absl::FailedPreconditionError(i18n::Say(i18n::client::kCaNotPem, security.ca_file));
    }
    ssl.pem_root_certs = *ca;
  }
  if (security.cert_file.empty() != security.key_file.empty()) {
    return absl::InvalidArgumentError(i18n::Say(i18n::client::kCertNeedsKey));
  }
  if (!security.cert_file.empty()) {
    auto cert = ReadFile(security.cert_file, i18n::client::kCannotReadCert);
    if (!cert.ok()) return cert.status();
    auto key = ReadFile(security.key_file, i18n::client::kCannotReadKey);
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *cert;
    ssl.pem_private_key = *key;
  }
  if (!security.server_name.empty()) {
    args.SetSslTargetNameOverride(security.server_name);
  }
  return grpc::CreateCustomChannel(address, grpc::SslCredentials(ssl), args);
}

void AddCallCredentials(const ChannelSecurity& security, grpc::ClientContext& context) {
  if (!security.token.empty()) context.AddMetadata("authorization", "Bearer " + security.token);
}

}  // namespace junheng::rpc
