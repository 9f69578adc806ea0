#pragma once

#include <vector>

#include "junheng/v1/security.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/storage/store.h"

namespace junheng::server {

// The entries of `entries` that pass `request`'s filters (school: a '/'-separated segment of the
// target; actor: a substring; from/to: inclusive server times), and how many matched; at most
// `limit` (0: 1000) of the newest are returned, oldest first.
junheng::v1::ListAuditResponse FilterAudit(const std::vector<junheng::v1::AuditEntry>& entries,
                                           const junheng::v1::ListAuditRequest& request);

// AuditService (callback API): the auditor lists and verifies its county's audit log.
class AuditServiceImpl final : public junheng::v1::AuditService::CallbackService {
 public:
  AuditServiceImpl(const storage::Store* store, const auth::Authorizer* auth)
      : store_(store), auth_(auth) {}

  grpc::ServerUnaryReactor* ListAudit(grpc::CallbackServerContext* context,
                                      const junheng::v1::ListAuditRequest* request,
                                      junheng::v1::ListAuditResponse* response) override;
  // intact = false names the first broken link (seq and why); see storage/audit_chain.h.
  grpc::ServerUnaryReactor* VerifyAudit(grpc::CallbackServerContext* context,
                                        const junheng::v1::VerifyAuditRequest* request,
                                        junheng::v1::VerifyAuditResponse* response) override;

 private:
  const storage::Store* store_;
  const auth::Authorizer* auth_;
};

}  // namespace junheng::server
