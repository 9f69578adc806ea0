#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/admin.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// AdminService.Backup: a RocksDB checkpoint of the live database into a directory on the server's
// machine while reports keep arriving (Store::Checkpoint). The data dir's LOCK stops any other
// process from opening the database, so this is the way to back up a running server; `junheng-
// server backup` (admin_commands.h) asks for it. Logged with the acting credential.
// INVALID_ARGUMENT: a relative destination. FAILED_PRECONDITION: the destination exists and is
// not empty. RESOURCE_EXHAUSTED / UNAVAILABLE: the copy could not be written.
[[nodiscard]] absl::StatusOr<junheng::v1::BackupResponse> TakeBackup(
    const storage::Store& store, const Clock& clock, const junheng::v1::BackupRequest& request,
    absl::string_view actor);

}  // namespace junheng::server
