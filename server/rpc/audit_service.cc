#include "server/rpc/audit_service.h"

#include "server/audit/audit_log.h"

namespace junheng::server {

using auth::Principal;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
using junheng::v1::ListAuditRequest;
using junheng::v1::ListAuditResponse;
using junheng::v1::VerifyAuditRequest;
using junheng::v1::VerifyAuditResponse;

ServerUnaryReactor* AuditServiceImpl::ListAudit(CallbackServerContext* context,
                                                const ListAuditRequest* request,
                                                ListAuditResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListAudit(*store_, *request); });
}

ServerUnaryReactor* AuditServiceImpl::VerifyAudit(CallbackServerContext* context,
                                                  const VerifyAuditRequest* request,
                                                  VerifyAuditResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::VerifyAudit(*store_, *request); });
}

}  // namespace junheng::server
