#include "server/auth/authorizer.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/auth/policy.h"
#include "server/input_limits.h"
#include "spdlog/spdlog.h"

namespace junheng::server::auth {
namespace {

// The token after "Bearer " in the call's authorization metadata; "" when absent.
std::string BearerToken(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return "";
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::StartsWith(value, "Bearer ")) return "";
  return std::string(value.substr(7));
}

// With mutual TLS, a clerk's certificate must be the school's: its CN or a SAN is the school code.
absl::Status CheckClientCertificate(const grpc::CallbackServerContext& context,
                                    const Principal& principal) {
  auto auth_context = context.auth_context();
  if (auth_context == nullptr || !auth_context->IsPeerAuthenticated()) return absl::OkStatus();
  if (principal.role != junheng::v1::SCHOOL_CLERK) return absl::OkStatus();
  std::string names;
  for (const char* property : {"x509_common_name", "x509_subject_alternative_name"}) {
    for (const auto& value : auth_context->FindPropertyValues(property)) {
      absl::string_view name(value.data(), value.size());
      if (name == principal.school) return absl::OkStatus();
      absl::StrAppend(&names, names.empty() ? "" : ", ", name);
    }
  }
  return absl::PermissionDeniedError(
      absl::StrCat("the client certificate (", names, ") is not school ", principal.school,
                   "'s, but the token is; use the school's own certificate"));
}

}  // namespace

absl::StatusOr<Principal> Authorizer::Authorize(grpc::CallbackServerContext* context,
                                                absl::string_view method,
                                                const google::protobuf::Message& request) const {
  const MethodRule* rule = FindRule(method);
  if (rule == nullptr) {
    spdlog::error("no access rule for {}: refused (add it to server/auth/policy.cc)",
                  std::string(method));
    return absl::PermissionDeniedError(absl::StrCat("no access rule for ", method));
  }
  if (disabled_) {
    if (absl::Status limited = CheckInputLimits(request); !limited.ok()) return limited;
    Principal principal;
    principal.test_mode = true;
    principal.peer = context->peer();
    return principal;
  }
  auto principal = tokens_->Authenticate(BearerToken(*context));
  if (!principal.ok()) return principal.status();
  if (absl::Status cert = CheckClientCertificate(*context, *principal); !cert.ok()) return cert;
  absl::Duration retry_after;
  if (absl::Status admitted = limiter_->Acquire(principal->token_id, &retry_after);
      !admitted.ok()) {
    context->AddTrailingMetadata("retry-after-ms",
                                 absl::StrCat(absl::ToInt64Milliseconds(retry_after)));
    return admitted;
  }
  if (absl::Status allowed = CheckRule(*principal, *rule, request); !allowed.ok()) {
    spdlog::warn("denied {} to {}: {}", std::string(method), principal->Actor(),
                 std::string(allowed.message()));
    return allowed;
  }
  if (absl::Status limited = CheckInputLimits(request); !limited.ok()) return limited;
  return principal;
}

}  // namespace junheng::server::auth
