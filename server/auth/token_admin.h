#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/security.pb.h"
#include "server/auth/token_store.h"

namespace junheng::server::auth {

// TokenService: a bureau_admin issues, revokes and lists its county's tokens. Issue and revoke
// are logged with the acting credential; the contracts are TokenStore's. The list is paginated
// by token id (storage/page.h).
[[nodiscard]] absl::StatusOr<junheng::v1::IssueTokenResponse> IssueToken(
    TokenStore& tokens, const junheng::v1::IssueTokenRequest& request, absl::string_view actor);
[[nodiscard]] absl::StatusOr<junheng::v1::TokenInfo> RevokeToken(
    TokenStore& tokens, const junheng::v1::RevokeTokenRequest& request, absl::string_view actor);
[[nodiscard]] absl::StatusOr<junheng::v1::ListTokensResponse> ListTokens(
    const TokenStore& tokens, const junheng::v1::ListTokensRequest& request);

}  // namespace junheng::server::auth
