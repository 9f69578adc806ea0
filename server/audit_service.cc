#include "server/audit_service.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/handler_util.h"
#include "server/storage/audit_chain.h"

namespace junheng::server {

using namespace junheng::v1;

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

grpc::ServerUnaryReactor* AuditServiceImpl::ListAudit(grpc::CallbackServerContext* context,
                                                      const ListAuditRequest* request,
                                                      ListAuditResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.AuditService/ListAudit", *request);
  if (!who.ok()) return Finish(context, who.status());
  if (absl::Status codes = CheckCodes({{"county_code", request->county_code()}}); !codes.ok()) {
    return Finish(context, codes);
  }
  auto entries = store_->ListAudit(request->county_code());
  if (!entries.ok()) return Finish(context, entries.status());
  *response = FilterAudit(*entries, *request);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* AuditServiceImpl::VerifyAudit(grpc::CallbackServerContext* context,
                                                        const VerifyAuditRequest* request,
                                                        VerifyAuditResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.AuditService/VerifyAudit", *request);
  if (!who.ok()) return Finish(context, who.status());
  if (absl::Status codes = CheckCodes({{"county_code", request->county_code()}}); !codes.ok()) {
    return Finish(context, codes);
  }
  auto entries = store_->ListAudit(request->county_code());
  if (!entries.ok()) return Finish(context, entries.status());
  response->set_entries(static_cast<int32_t>(entries->size()));
  auto broken = storage::VerifyAuditChain(*entries);
  response->set_intact(!broken.has_value());
  if (broken.has_value()) {
    response->set_broken_seq(broken->seq);
    response->set_reason(broken->reason);
  }
  if (!entries->empty()) {
    response->set_head_seq(entries->back().seq());
    response->set_head_hash(entries->back().entry_hash());
  }
  return Finish(context, absl::OkStatus());
}

}  // namespace junheng::server
