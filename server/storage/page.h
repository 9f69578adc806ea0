#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace junheng::storage {

// Pages of a listing (docs/api.md, "Pages"): the one reading of a request's page size and page
// token, and the one maker of an answer's next_page_token, for every paginated RPC.
//
// A listing hands its records out in a stable key order (school code, token id, version; the
// audit log newest first by seq). The page token names the key of the previous page's last record
// and is opaque to clients: it is bound to the request it answered (its type and every field but
// the page fields), so a token from another listing, another county or another filter is refused.

// The page size of a request that leaves it 0, and the largest one a request may give.
inline constexpr int kDefaultPageSize = 1000;
inline constexpr int kMaxPageSize = 10000;
// A page also stops once its records take this many serialized bytes, short of its page size if
// need be: any page of any listing then fits gRPC's default 4 MiB message limit with room for the
// rest of the answer, whatever page size the client asked for.
inline constexpr size_t kMaxPageBytes = size_t{2} << 20;

// One page of a listing, read from its request. Typical use:
//
//   auto page = storage::Page::Of(request);
//   if (!page.ok()) return page.status();
//   auto schools = store.ListSchools(county, page->after(), page->read_limit());
//   for (auto& school : *schools) {
//     if (!page->Take(school)) break;
//     *response.add_schools() = std::move(school);
//   }
//   if (response.schools_size() > 0) {
//     response.set_next_page_token(page->NextToken(response.schools().rbegin()->school_code()));
//   }
class Page {
 public:
  // Reads the page fields of `request`: page_size (ListAuditRequest calls it limit) and
  // page_token. INVALID_ARGUMENT naming the field: a page size below 0 or above kMaxPageSize; a
  // page token that is damaged or was not given by this listing for this same request.
  // INTERNAL when the message has no such fields (a programming error).
  [[nodiscard]] static absl::StatusOr<Page> Of(const google::protobuf::Message& request);

  // The key of the previous page's last record, a code (validate::IsValidCode); empty on the
  // first page.
  const std::string& after() const { return after_; }
  bool first() const { return after_.empty(); }
  // after() as the positive number it is for listings keyed by version or sequence; 0 on the
  // first page. INVALID_ARGUMENT naming page_token when it is not one.
  [[nodiscard]] absl::StatusOr<int64_t> AfterNumber() const;

  // The most records the page holds: the request's page size, or kDefaultPageSize for 0.
  int size() const { return size_; }
  // How many records to read for the page: one more than it holds, so that a full page knows
  // whether another record follows it.
  size_t read_limit() const { return static_cast<size_t>(size_) + 1; }

  // Whether `record` goes into the page: false once the page holds size() records or
  // kMaxPageBytes bytes (its first record always goes in, whatever its size). After the first
  // false the page is closed: every later Take is false too and NextToken makes a token.
  bool Take(const google::protobuf::Message& record);
  // The answer's next_page_token: empty when the page took every record offered, else the token
  // of the page after the one whose last record has key `last_key`.
  std::string NextToken(absl::string_view last_key) const;

 private:
  // The token that names `key` for this request.
  std::string Token(absl::string_view key) const;

  // The request's type and fields other than the page fields, digested: what a token is bound
  // to.
  std::string fingerprint_;
  std::string after_;
  int size_ = kDefaultPageSize;
  int taken_ = 0;
  size_t bytes_ = 0;
  bool closed_ = false;
};

}  // namespace junheng::storage
