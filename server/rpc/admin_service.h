#pragma once

#include "common/time/clock.h"
#include "junheng/v1/admin.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/rpc/handler.h"
#include "server/storage/store.h"

namespace junheng::server {

// AdminService (callback API): operator calls on a running server. Backup is
// tools/online_backup.h's TakeBackup: bureau_admin only (server/auth/policy.cc); the copy stays
// on the server's machine.
class AdminServiceImpl final : public junheng::v1::AdminService::CallbackService, private Handler {
 public:
  AdminServiceImpl(const storage::Store* store, const Clock* clock, const auth::Authorizer* auth)
      : Handler(auth), store_(store), clock_(clock) {}

  grpc::ServerUnaryReactor* Backup(grpc::CallbackServerContext* context,
                                   const junheng::v1::BackupRequest* request,
                                   junheng::v1::BackupResponse* response) override;

 private:
  const storage::Store* store_;
  const Clock* clock_;
};

}  // namespace junheng::server
