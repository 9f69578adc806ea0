#include "server/rpc/token_service.h"

#include "server/auth/token_admin.h"

namespace junheng::server {

using auth::Principal;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
using junheng::v1::IssueTokenRequest;
using junheng::v1::IssueTokenResponse;
using junheng::v1::ListTokensRequest;
using junheng::v1::ListTokensResponse;
using junheng::v1::RevokeTokenRequest;
using junheng::v1::TokenInfo;

ServerUnaryReactor* TokenServiceImpl::IssueToken(CallbackServerContext* context,
                                                 const IssueTokenRequest* request,
                                                 IssueTokenResponse* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return auth::IssueToken(*tokens_, *request, who.Actor());
  });
}

ServerUnaryReactor* TokenServiceImpl::RevokeToken(CallbackServerContext* context,
                                                  const RevokeTokenRequest* request,
                                                  TokenInfo* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return auth::RevokeToken(*tokens_, *request, who.Actor());
  });
}

ServerUnaryReactor* TokenServiceImpl::ListTokens(CallbackServerContext* context,
                                                 const ListTokensRequest* request,
                                                 ListTokensResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return auth::ListTokens(*tokens_, *request); });
}

}  // namespace junheng::server
