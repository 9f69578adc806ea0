#include "server/audit/audit_log.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/storage/audit_chain.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::AuditEntry;
using junheng::v1::ListAuditRequest;
using junheng::v1::ListAuditResponse;
using junheng::v1::VerifyAuditRequest;
using junheng::v1::VerifyAuditResponse;

ListAuditResponse FilterAudit(const std::vector<AuditEntry>& entries,
                              const ListAuditRequest& request) {
  std::vector<const AuditEntry*> matched;
  for (const auto& entry : entries) {
    if (!request.school_code().empty()) {
      bool names_school = false;
      for (absl::string_view segment : absl::StrSplit(entry.target(), '/')) {
        names_school = names_school || segment == request.school_code();
      }
      if (!names_school) continue;
    }
    if (!request.actor().empty() && !absl::StrContains(entry.actor(), request.actor())) continue;
    if (request.from_unix_ms() != 0 && entry.time_unix_ms() < request.from_unix_ms()) continue;
    if (request.to_unix_ms() != 0 && entry.time_unix_ms() > request.to_unix_ms()) continue;
    matched.push_back(&entry);
  }
  const size_t limit = request.limit() > 0 ? static_cast<size_t>(request.limit()) : 1000;
  ListAuditResponse response;
  response.set_matched(static_cast<int32_t>(matched.size()));
  const size_t first = matched.size() > limit ? matched.size() - limit : 0;
  for (size_t i = first; i < matched.size(); ++i) *response.add_entries() = *matched[i];
  return response;
}

absl::StatusOr<ListAuditResponse> ListAudit(const storage::Store& store,
                                            const ListAuditRequest& request) {
  if (absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()}});
      !codes.ok()) {
    return codes;
  }
  auto entries = store.ListAudit(request.county_code());
  if (!entries.ok()) return entries.status();
  return FilterAudit(*entries, request);
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
