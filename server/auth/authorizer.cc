#include "server/auth/authorizer.h"

#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "server/auth/input_limits.h"
#include "server/auth/policy.h"
#include "spdlog/spdlog.h"

namespace junheng::server::auth {
namespace {

// With mutual TLS, a clerk's certificate must be the school's: its CN or a SAN is the school code.
absl::Status CheckClientCertificate(const PeerIdentity& peer, const Principal& principal) {
  if (!peer.certificate_names.has_value()) return absl::OkStatus();
  if (principal.role != junheng::v1::SCHOOL_CLERK) return absl::OkStatus();
  std::string names;
  for (const std::string& name : *peer.certificate_names) {
    if (name == principal.school) return absl::OkStatus();
    absl::StrAppend(&names, names.empty() ? "" : ", ", name);
  }
  return absl::PermissionDeniedError(
      i18n::Say(i18n::server::kOtherCertificate, names, principal.school));
}

}  // namespace

absl::StatusOr<Principal> Authorizer::Authorize(const Credentials& credentials,
                                                const PeerIdentity& peer,
                                                const google::protobuf::MethodDescriptor& method,
                                                const google::protobuf::Message& request,
                                                std::optional<absl::Duration>* retry_after) const {
  const MethodRule* rule = FindRule(method);
  if (rule == nullptr) {
    const std::string path = MethodPath(method);
    spdlog::error("no access rule for {}: refused (add it to server/auth/policy.cc)", path);
    return absl::PermissionDeniedError(i18n::Say(i18n::server::kNoAccessRule, path));
  }
  if (disabled_) {
    if (absl::Status limited = CheckInputLimits(request); !limited.ok()) return limited;
    Principal principal;
    principal.test_mode = true;
    principal.peer = peer.address;
    return principal;
  }
  auto principal = tokens_->Authenticate(credentials.bearer_token.value_or(""));
  if (!principal.ok()) return principal.status();
  if (absl::Status cert = CheckClientCertificate(peer, *principal); !cert.ok()) return cert;
  absl::Duration wait;
  if (absl::Status admitted = limiter_->Acquire(principal->token_id, &wait); !admitted.ok()) {
    if (retry_after != nullptr) *retry_after = wait;
    return admitted;
  }
  if (absl::Status allowed = CheckRule(*principal, *rule, request); !allowed.ok()) {
    spdlog::warn("denied {} to {}: {}", rule->path, principal->Actor(),
                 std::string(allowed.message()));
    return allowed;
  }
  if (absl::Status limited = CheckInputLimits(request); !limited.ok()) return limited;
  return principal;
}

absl::Status Authorizer::Permit(const Principal& principal,
                                const google::protobuf::MethodDescriptor& method,
                                const google::protobuf::Message& request) const {
  if (principal.test_mode) return absl::OkStatus();
  const MethodRule* rule = FindRule(method);
  if (rule == nullptr) {
    return absl::PermissionDeniedError(i18n::Say(i18n::server::kNoAccessRule, MethodPath(method)));
  }
  absl::Status allowed = CheckRule(principal, *rule, request);
  if (!allowed.ok()) {
    spdlog::warn("denied {} to {}: {}", rule->path, principal.Actor(),
                 std::string(allowed.message()));
  }
  return allowed;
}

}  // namespace junheng::server::auth
