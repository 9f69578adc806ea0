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

RefusalReason ReasonOf(TokenStore::Problem problem) {
  switch (problem) {
    case TokenStore::Problem::kMissing:
      return RefusalReason::kMissingToken;
    case TokenStore::Problem::kMalformed:
      return RefusalReason::kMalformedToken;
    case TokenStore::Problem::kRevoked:
      return RefusalReason::kRevokedToken;
    case TokenStore::Problem::kExpired:
      return RefusalReason::kExpiredToken;
    default:
      return RefusalReason::kUnknownToken;
  }
}

// A rule's refusal is the role's when the role is not in the row, else the scope's.
RefusalReason RuleReason(const MethodRule& rule, const Principal& principal) {
  return (rule.roles & RoleBit(principal.role)) == 0 ? RefusalReason::kWrongRole
                                                     : RefusalReason::kOutOfScope;
}

}  // namespace

absl::string_view RefusalReasonName(RefusalReason reason) {
  switch (reason) {
    case RefusalReason::kNoAccessRule:
      return "no_access_rule";
    case RefusalReason::kMissingToken:
      return "missing_token";
    case RefusalReason::kMalformedToken:
      return "malformed_token";
    case RefusalReason::kUnknownToken:
      return "unknown_token";
    case RefusalReason::kRevokedToken:
      return "revoked_token";
    case RefusalReason::kExpiredToken:
      return "expired_token";
    case RefusalReason::kWrongCertificate:
      return "wrong_certificate";
    case RefusalReason::kRateLimited:
      return "rate_limited";
    case RefusalReason::kWrongRole:
      return "wrong_role";
    case RefusalReason::kOutOfScope:
      return "out_of_scope";
    case RefusalReason::kInputLimits:
      return "input_limits";
  }
  return "unknown";
}

Authorizer::Authorizer(const TokenStore* tokens, RateLimiter* limiter,
                       bool tokens_disabled_for_tests, metrics::Registry* metrics)
    : tokens_(tokens), limiter_(limiter), disabled_(tokens_disabled_for_tests) {
  if (metrics == nullptr) metrics = &metrics::Registry::Unexported();
  metrics::CounterFamily& refusals = metrics->AddCounter(
      "junheng_auth_refusals_total",
      "Calls the authorization refused, by reason (policy table, token, certificate, rate "
      "limit, role, scope, input limits).",
      {"reason"});
  for (int i = 0; i < kRefusalReasonCount; ++i) {
    refusals_[i] = &refusals.With({RefusalReasonName(static_cast<RefusalReason>(i))});
  }
}

absl::Status Authorizer::Refuse(RefusalReason reason, absl::Status refusal) const {
  refusals_[static_cast<int>(reason)]->Increment();
  return refusal;
}

absl::StatusOr<Principal> Authorizer::Authorize(const Credentials& credentials,
                                                const PeerIdentity& peer,
                                                const google::protobuf::MethodDescriptor& method,
                                                const google::protobuf::Message& request,
                                                std::optional<absl::Duration>* retry_after,
                                                std::optional<Principal>* refused) const {
  const MethodRule* rule = FindRule(method);
  if (rule == nullptr) {
    const std::string path = MethodPath(method);
    spdlog::error("no access rule for {}: refused (add it to server/auth/policy.cc)", path);
    return Refuse(RefusalReason::kNoAccessRule,
                  absl::PermissionDeniedError(i18n::Say(i18n::server::kNoAccessRule, path)));
  }
  if (disabled_) {
    if (absl::Status limited = CheckInputLimits(request); !limited.ok()) {
      return Refuse(RefusalReason::kInputLimits, limited);
    }
    Principal principal;
    principal.test_mode = true;
    principal.peer = peer.address;
    return principal;
  }
  TokenStore::Problem problem = TokenStore::Problem::kNone;
  auto principal = tokens_->Authenticate(credentials.bearer_token.value_or(""), &problem);
  if (!principal.ok()) {
    if (problem == TokenStore::Problem::kNone) return principal.status();
    return Refuse(ReasonOf(problem), principal.status());
  }
  // A refusal from here on names the caller.
  auto refuse = [&](RefusalReason reason, absl::Status refusal) {
    if (refused != nullptr) *refused = *principal;
    return Refuse(reason, std::move(refusal));
  };
  if (absl::Status cert = CheckClientCertificate(peer, *principal); !cert.ok()) {
    return refuse(RefusalReason::kWrongCertificate, cert);
  }
  absl::Duration wait;
  if (absl::Status admitted = limiter_->Acquire(principal->token_id, &wait); !admitted.ok()) {
    if (retry_after != nullptr) *retry_after = wait;
    return refuse(RefusalReason::kRateLimited, admitted);
  }
  if (absl::Status allowed = CheckRule(*principal, *rule, request); !allowed.ok()) {
    spdlog::warn("denied {} to {}: {}", rule->path, principal->Actor(),
                 std::string(allowed.message()));
    return refuse(RuleReason(*rule, *principal), allowed);
  }
  if (absl::Status limited = CheckInputLimits(request); !limited.ok()) {
    return refuse(RefusalReason::kInputLimits, limited);
  }
  return principal;
}

absl::Status Authorizer::Permit(const Principal& principal,
                                const google::protobuf::MethodDescriptor& method,
                                const google::protobuf::Message& request) const {
  if (principal.test_mode) return absl::OkStatus();
  const MethodRule* rule = FindRule(method);
  if (rule == nullptr) {
    return Refuse(
        RefusalReason::kNoAccessRule,
        absl::PermissionDeniedError(i18n::Say(i18n::server::kNoAccessRule, MethodPath(method))));
  }
  absl::Status allowed = CheckRule(principal, *rule, request);
  if (!allowed.ok()) {
    spdlog::warn("denied {} to {}: {}", rule->path, principal.Actor(),
                 std::string(allowed.message()));
    return Refuse(RuleReason(*rule, principal), allowed);
  }
  return allowed;
}

}  // namespace junheng::server::auth
