#include "server/auth/token_admin.h"

#include "server/storage/page.h"
#include "spdlog/spdlog.h"

namespace junheng::server::auth {

absl::StatusOr<junheng::v1::IssueTokenResponse> IssueToken(
    TokenStore& tokens, const junheng::v1::IssueTokenRequest& request, absl::string_view actor) {
  auto issued = tokens.Issue(request, actor);
  if (!issued.ok()) return issued.status();
  spdlog::info("token {} ({}) issued for county {} by {}", issued->info().id(),
               RoleName(issued->info().role()), request.county_code(), std::string(actor));
  return issued;
}

absl::StatusOr<junheng::v1::TokenInfo> RevokeToken(TokenStore& tokens,
                                                   const junheng::v1::RevokeTokenRequest& request,
                                                   absl::string_view actor) {
  auto revoked = tokens.Revoke(request.county_code(), request.id(), actor);
  if (!revoked.ok()) return revoked.status();
  spdlog::info("token {} of county {} revoked by {}", request.id(), request.county_code(),
               std::string(actor));
  return revoked;
}

absl::StatusOr<junheng::v1::ListTokensResponse> ListTokens(
    const TokenStore& tokens, const junheng::v1::ListTokensRequest& request) {
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  auto listed = tokens.List(request.county_code(), page->after(), page->read_limit());
  if (!listed.ok()) return listed.status();
  junheng::v1::ListTokensResponse response;
  for (auto& t : *listed) {
    if (!page->Take(t)) break;
    *response.add_tokens() = std::move(t);
  }
  if (!response.tokens().empty()) {
    response.set_next_page_token(page->NextToken(response.tokens().rbegin()->id()));
  }
  return response;
}

}  // namespace junheng::server::auth
