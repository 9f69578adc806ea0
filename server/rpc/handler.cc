#include "server/rpc/handler.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/rpc/grpc_status.h"
#include "server/auth/policy.h"
#include "server/rpc/call_interceptor.h"

namespace junheng::server {

auth::Credentials CredentialsOf(const grpc::ServerContextBase& context) {
  auth::Credentials credentials;
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return credentials;
  absl::string_view value(it->second.data(), it->second.size());
  if (absl::StartsWith(value, "Bearer ")) credentials.bearer_token = std::string(value.substr(7));
  return credentials;
}

i18n::Lang CallerLang(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(i18n::kLangMetadataKey);
  if (it == metadata.end()) return i18n::Lang::kZh;
  absl::StatusOr<i18n::Lang> lang =
      i18n::ParseLang(absl::string_view(it->second.data(), it->second.size()));
  return lang.ok() ? *lang : i18n::Lang::kZh;
}

auth::PeerIdentity PeerOf(const grpc::ServerContextBase& context) {
  auth::PeerIdentity peer;
  peer.address = context.peer();
  auto auth_context = context.auth_context();
  if (auth_context == nullptr || !auth_context->IsPeerAuthenticated()) return peer;
  std::vector<std::string>& names = peer.certificate_names.emplace();
  for (const char* property : {"x509_common_name", "x509_subject_alternative_name"}) {
    for (const auto& value : auth_context->FindPropertyValues(property)) {
      names.emplace_back(value.data(), value.size());
    }
  }
  return peer;
}

grpc::ServerUnaryReactor* Finish(grpc::CallbackServerContext* context, const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

absl::Status Handler::Permit(const auth::Principal& who,
                             const google::protobuf::Message& request) const {
  const google::protobuf::MethodDescriptor* method = auth::MethodTaking(*request.GetDescriptor());
  if (method == nullptr) {
    return absl::PermissionDeniedError(
        absl::StrCat("no access rule for ", request.GetDescriptor()->full_name()));
  }
  return auth_->Permit(who, *method, request);
}

absl::StatusOr<auth::Principal> Handler::Authorize(grpc::CallbackServerContext* context,
                                                   const google::protobuf::Message& request) const {
  const google::protobuf::MethodDescriptor* method = auth::MethodTaking(*request.GetDescriptor());
  if (method == nullptr) {
    return absl::PermissionDeniedError(
        absl::StrCat("no access rule for ", request.GetDescriptor()->full_name()));
  }
  std::optional<absl::Duration> retry_after;
  std::optional<auth::Principal> refused;
  auto who = auth_->Authorize(CredentialsOf(*context), PeerOf(*context), *method, request,
                              &retry_after, &refused);
  if (who.ok()) {
    NoteCaller(*context, *who);
  } else if (refused.has_value()) {
    NoteCaller(*context, *refused);
  }
  if (retry_after.has_value()) {
    context->AddTrailingMetadata("retry-after-ms",
                                 absl::StrCat(absl::ToInt64Milliseconds(*retry_after)));
  }
  return who;
}

}  // namespace junheng::server
