#include "server/audit/audit_log.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/storage/audit_chain.h"
#include "server/storage/codes.h"
#include "server/storage/page.h"

namespace junheng::server {

using junheng::v1::AuditEntry;
using junheng::v1::ListAuditRequest;
using junheng::v1::ListAuditResponse;
using junheng::v1::VerifyAuditRequest;
using junheng::v1::VerifyAuditResponse;

bool MatchesAuditFilters(const AuditEntry& entry, const ListAuditRequest& request) {
  if (!request.school_code().empty()) {
    bool names_school = false;
    for (absl::string_view segment : absl::StrSplit(entry.target(), '/')) {
      names_school = names_school || segment == request.school_code();
    }
    if (!names_school) return false;
  }
  if (!request.actor().empty() && !absl::StrContains(entry.actor(), request.actor())) return false;
  if (request.from_unix_ms() != 0 && entry.time_unix_ms() < request.from_unix_ms()) return false;
  if (request.to_unix_ms() != 0 && entry.time_unix_ms() > request.to_unix_ms()) return false;
  return true;
}

absl::StatusOr<ListAuditResponse> ListAudit(const storage::Store& store,
                                            const ListAuditRequest& request) {
  if (absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()}});
      !codes.ok()) {
    return codes;
  }
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  auto older_than = page->AfterNumber();
  if (!older_than.ok()) return older_than.status();
  // `matched` counts the whole log, so every page reads all of it, newest first, a slice at a
  // time to bound the memory a long log takes.
  constexpr size_t kSlice = 10000;
  ListAuditResponse response;
  int64_t before = 0;
  while (true) {
    auto slice = store.ListAuditNewestFirst(request.county_code(), before, kSlice);
    if (!slice.ok()) return slice.status();
    for (auto& entry : *slice) {
      if (!MatchesAuditFilters(entry, request)) continue;
      response.set_matched(response.matched() + 1);
      if (*older_than != 0 && entry.seq() >= *older_than) continue;
      if (page->Take(entry)) *response.add_entries() = std::move(entry);
    }
    if (slice->size() < kSlice) break;
    before = slice->back().seq();
  }
  if (!response.entries().empty()) {
    response.set_next_page_token(page->NextToken(absl::StrCat(response.entries().rbegin()->seq())));
  }
  return response;
}

absl::StatusOr<VerifyAuditResponse> VerifyAudit(const storage::Store& store,
                                                const VerifyAuditRequest& request) {
  if (absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()}});
      !codes.ok()) {
    return codes;
  }
  auto entries = store.ListAudit(request.county_code());
  if (!entries.ok()) return entries.status();
  VerifyAuditResponse response;
  response.set_entries(static_cast<int32_t>(entries->size()));
  auto broken = storage::VerifyAuditChain(*entries);
  response.set_intact(!broken.has_value());
  if (broken.has_value()) {
    response.set_broken_seq(broken->seq);
    response.set_reason(broken->reason);
  }
  if (!entries->empty()) {
    response.set_head_seq(entries->back().seq());
    response.set_head_hash(entries->back().entry_hash());
  }
  return response;
}

}  // namespace junheng::server
