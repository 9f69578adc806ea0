#include "server/rpc/admin_service.h"

#include "server/tools/online_backup.h"

namespace junheng::server {

grpc::ServerUnaryReactor* AdminServiceImpl::Backup(grpc::CallbackServerContext* context,
                                                   const junheng::v1::BackupRequest* request,
                                                   junheng::v1::BackupResponse* response) {
  return Handle(context, request, response, [&](const auth::Principal& who) {
    return TakeBackup(*store_, *clock_, *request, who.Actor());
  });
}

}  // namespace junheng::server
