#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace junheng::rpc {

// Follows a paginated listing (docs/api.md, "Pages") to its end, over any transport: calls
// `call(request)`, then again with each answer's next_page_token as the request's page_token,
// and returns the answers merged in page order (protobuf MergeFrom: repeated fields concatenated,
// singular fields as the last page has them) with next_page_token cleared. The first error
// returns as it is; the pages before it are dropped.
//
// `more(next, merged)`, when given, is asked before each further page with the request about to
// be sent (it may change it, e.g. its page size) and the pages merged so far; false stops there
// and returns what is merged.
//
// A server that answers the token it was sent again would never finish: that is INTERNAL.
template <typename Request, typename Call, typename More>
auto FollowPages(Request request, Call&& call, More&& more)
    -> std::invoke_result_t<Call&, const Request&> {
  using Answer = std::invoke_result_t<Call&, const Request&>;
  Answer first = call(static_cast<const Request&>(request));
  if (!first.ok()) return first;
  auto merged = *std::move(first);
  while (!merged.next_page_token().empty()) {
    std::string token = merged.next_page_token();
    if (token == request.page_token()) {
      return absl::InternalError("the server answered a page with the token that asked for it");
    }
    request.set_page_token(std::move(token));
    if (!more(request, merged)) break;
    Answer page = call(static_cast<const Request&>(request));
    if (!page.ok()) return page.status();
    merged.MergeFrom(*page);
    // MergeFrom keeps the old token when the last page has none.
    merged.set_next_page_token(page->next_page_token());
  }
  merged.clear_next_page_token();
  return merged;
}

template <typename Request, typename Call>
auto FollowPages(Request request, Call&& call) -> std::invoke_result_t<Call&, const Request&> {
  return FollowPages(std::move(request), std::forward<Call>(call),
                     [](const Request&, const auto&) { return true; });
}

}  // namespace junheng::rpc
