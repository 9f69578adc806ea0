#pragma once

#include "common/time/clock.h"
#include "junheng/v1/admin.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/storage/store.h"

namespace junheng::server {

// Operator calls on a running server (callback API). Backup takes a RocksDB checkpoint of the
// live database into a directory on the server's machine while reports keep arriving; the data
// dir's LOCK stops any other process from opening the database, so this is the way to back up a
// running server: bureau_admin only (server/auth/policy.cc); the copy stays on the server.
class AdminServiceImpl final : public junheng::v1::AdminService::CallbackService {
 public:
  AdminServiceImpl(storage::Store* store, const Clock* clock, const auth::Authorizer* auth)
      : store_(store), clock_(clock), auth_(auth) {}

  // INVALID_ARGUMENT: a relative destination. FAILED_PRECONDITION: the destination exists and is
  // not empty. RESOURCE_EXHAUSTED / UNAVAILABLE: the copy could not be written.
  grpc::ServerUnaryReactor* Backup(grpc::CallbackServerContext* context,
                                   const junheng::v1::BackupRequest* request,
                                   junheng::v1::BackupResponse* response) override;

 private:
  storage::Store* store_;
  const Clock* clock_;
  const auth::Authorizer* auth_;
};

}  // namespace junheng::server
