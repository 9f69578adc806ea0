#include "server/tools/online_backup.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "spdlog/spdlog.h"

namespace junheng::server {

absl::StatusOr<junheng::v1::BackupResponse> TakeBackup(const storage::Store& store,
                                                       const Clock& clock,
                                                       const junheng::v1::BackupRequest& request,
                                                       absl::string_view actor) {
  const std::string& destination = request.destination();
  if (destination.empty() || destination.front() != '/') {
    return absl::InvalidArgumentError(absl::StrCat(
        "destination = '", destination, "': give an absolute path on the server's machine"));
  }
  const absl::Time started = clock.Now();
  spdlog::info("backup to {} requested by {}", destination, std::string(actor));
  absl::Status status = store.Checkpoint(destination);
  if (!status.ok()) {
    spdlog::error("backup to {} failed: {}", destination, std::string(status.message()));
    return status;
  }
  const absl::Time finished = clock.Now();
  junheng::v1::BackupResponse response;
  response.set_destination(destination);
  response.set_started_unix_ms(absl::ToUnixMillis(started));
  response.set_finished_unix_ms(absl::ToUnixMillis(finished));
  spdlog::info("backup to {} done in {} ms", destination,
               absl::ToInt64Milliseconds(finished - started));
  return response;
}

}  // namespace junheng::server
