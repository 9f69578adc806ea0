#pragma once

#include "junheng/v1/security.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/rpc/handler.h"
#include "server/storage/store.h"

namespace junheng::server {

// AuditService (callback API): the auditor lists and verifies its county's audit log
// (audit/audit_log.h).
class AuditServiceImpl final : public junheng::v1::AuditService::CallbackService, private Handler {
 public:
  AuditServiceImpl(const storage::Store* store, const auth::Authorizer* auth)
      : Handler(auth), store_(store) {}

  grpc::ServerUnaryReactor* ListAudit(grpc::CallbackServerContext* context,
                                      const junheng::v1::ListAuditRequest* request,
                                      junheng::v1::ListAuditResponse* response) override;
  grpc::ServerUnaryReactor* VerifyAudit(grpc::CallbackServerContext* context,
                                        const junheng::v1::VerifyAuditRequest* request,
                                        junheng::v1::VerifyAuditResponse* response) override;

 private:
  const storage::Store* store_;
};

}  // namespace junheng::server
