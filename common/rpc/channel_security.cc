#include "common/rpc/channel_security.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace junheng::rpc {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty()) {
    return absl::FailedPreconditionError(absl::StrCat("cannot read ", what, " ", path));
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
    auto ca = ReadFile(security.ca_file, "the county CA (--ca)");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
  }
  if (security.cert_file.empty() != security.key_file.empty()) {
    return absl::InvalidArgumentError("give both --cert and --key for a client certificate");
  }
  if (!security.cert_file.empty()) {
    auto cert = ReadFile(security.cert_file, "the client certificate (--cert)");
    if (!cert.ok()) return cert.status();
    auto key = ReadFile(security.key_file, "the client key (--key)");
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
