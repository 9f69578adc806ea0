#pragma once

#include "junheng/v1/security.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/auth/token_store.h"
#include "server/rpc/handler.h"

namespace junheng::server {

// TokenService (callback API): bureau_admin issues, lists and revokes its county's tokens
// (auth/token_admin.h).
class TokenServiceImpl final : public junheng::v1::TokenService::CallbackService, private Handler {
 public:
  TokenServiceImpl(auth::TokenStore* tokens, const auth::Authorizer* auth)
      : Handler(auth), tokens_(tokens) {}

  grpc::ServerUnaryReactor* IssueToken(grpc::CallbackServerContext* context,
                                       const junheng::v1::IssueTokenRequest* request,
                                       junheng::v1::IssueTokenResponse* response) override;
  grpc::ServerUnaryReactor* RevokeToken(grpc::CallbackServerContext* context,
                                        const junheng::v1::RevokeTokenRequest* request,
                                        junheng::v1::TokenInfo* response) override;
  grpc::ServerUnaryReactor* ListTokens(grpc::CallbackServerContext* context,
                                       const junheng::v1::ListTokensRequest* request,
                                       junheng::v1::ListTokensResponse* response) override;

 private:
  auth::TokenStore* tokens_;
};

}  // namespace junheng::server
