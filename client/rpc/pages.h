#pragma once

#include <type_traits>
#include <utility>

#include "absl/status/statusor.h"
#include "client/rpc/connection.h"
#include "common/rpc/pages.h"

namespace junheng::client {

// The largest page a server gives (docs/api.md, "Pages": page_size at most 10000). A command that
// walks every page asks for it: fewer calls, and fewer county-wide counts for the status (every
// page carries them); the server still ends a page at 2 MiB, within the default message limit.
inline constexpr int kLargestPage = 10000;

// Every page of a listing in one answer: Connection::Call of `method` with `request`, then with
// each next_page_token, merged as rpc::FollowPages says (repeated fields concatenated in page
// order, next_page_token cleared). The request's page size, if set, applies to every page. Each
// page is one call with the connection's deadline; the first failure is returned.
//
//   v1::ListSchoolsRequest request;
//   request.set_county_code(county);
//   auto registry = CallAllPages(connection, &v1::RegistryService::Stub::ListSchools, request);
template <typename Stub, typename Request, typename Response>
[[nodiscard]] absl::StatusOr<Response> CallAllPages(Connection& connection,
                                                    UnaryMethod<Stub, Request, Response> method,
                                                    const std::type_identity_t<Request>& request) {
  return rpc::FollowPages(request,
                          [&](const Request& page) { return connection.Call(method, page); });
}

// The same, asking `more(next_request, merged_so_far)` before each further page (see
// rpc::FollowPages): e.g. to stop at a number of records, or to change the next page's size.
template <typename Stub, typename Request, typename Response, typename More>
[[nodiscard]] absl::StatusOr<Response> CallAllPages(Connection& connection,
                                                    UnaryMethod<Stub, Request, Response> method,
                                                    const std::type_identity_t<Request>& request,
                                                    More&& more) {
  return rpc::FollowPages(
      request, [&](const Request& page) { return connection.Call(method, page); },
      std::forward<More>(more));
}

}  // namespace junheng::client
