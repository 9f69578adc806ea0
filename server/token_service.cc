#include "server/token_service.h"

#include "server/handler_util.h"
#include "spdlog/spdlog.h"

namespace junheng::server {

using namespace junheng::v1;

grpc::ServerUnaryReactor* TokenServiceImpl::IssueToken(grpc::CallbackServerContext* context,
                                                       const IssueTokenRequest* request,
                                                       IssueTokenResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.TokenService/IssueToken", *request);
  if (!who.ok()) return Finish(context, who.status());
  auto issued = tokens_->Issue(*request, who->Actor());
  if (!issued.ok()) return Finish(context, issued.status());
  spdlog::info("token {} ({}) issued for county {} by {}", issued->info().id(),
               auth::RoleName(issued->info().role()), request->county_code(), who->Actor());
  *response = *std::move(issued);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* TokenServiceImpl::RevokeToken(grpc::CallbackServerContext* context,
                                                        const RevokeTokenRequest* request,
                                                        TokenInfo* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.TokenService/RevokeToken", *request);
  if (!who.ok()) return Finish(context, who.status());
  auto revoked = tokens_->Revoke(request->county_code(), request->id(), who->Actor());
  if (!revoked.ok()) return Finish(context, revoked.status());
  spdlog::info("token {} of county {} revoked by {}", request->id(), request->county_code(),
               who->Actor());
  *response = *std::move(revoked);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* TokenServiceImpl::ListTokens(grpc::CallbackServerContext* context,
                                                       const ListTokensRequest* request,
                                                       ListTokensResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.TokenService/ListTokens", *request);
  if (!who.ok()) return Finish(context, who.status());
  auto tokens = tokens_->List(request->county_code());
  if (!tokens.ok()) return Finish(context, tokens.status());
  for (auto& t : *tokens) *response->add_tokens() = std::move(t);
  return Finish(context, absl::OkStatus());
}

}  // namespace junheng::server
