#include "server/admin_service.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "server/handler_util.h"
#include "spdlog/spdlog.h"

namespace junheng::server {

grpc::ServerUnaryReactor* AdminServiceImpl::Backup(grpc::CallbackServerContext* context,
                                                   const junheng::v1::BackupRequest* request,
                                                   junheng::v1::BackupResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.AdminService/Backup", *request);
  if (!who.ok()) return Finish(context, who.status());
  const std::string& destination = request->destination();
  if (destination.empty() || destination.front() != '/') {
    return Finish(context, absl::InvalidArgumentError(
                               absl::StrCat("destination = '", destination,
                                            "': give an absolute path on the server's machine")));
  }
  const absl::Time started = clock_->Now();
  spdlog::info("backup to {} requested by {}", destination, who->Actor());
  absl::Status status = store_->Checkpoint(destination);
  if (!status.ok()) {
    spdlog::error("backup to {} failed: {}", destination, std::string(status.message()));
    return Finish(context, status);
  }
  const absl::Time finished = clock_->Now();
  response->set_destination(destination);
  response->set_started_unix_ms(absl::ToUnixMillis(started));
  response->set_finished_unix_ms(absl::ToUnixMillis(finished));
  spdlog::info("backup to {} done in {} ms", destination,
               absl::ToInt64Milliseconds(finished - started));
  return Finish(context, absl::OkStatus());
}

}  // namespace junheng::server
