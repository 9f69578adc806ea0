#pragma once

#include <string>

#include "absl/status/status.h"

namespace junheng::storage {

// Backup and restore of a junheng data dir.
//
// A backup is taken from a running server by Store::Checkpoint (store.h): a consistent RocksDB
// checkpoint, itself an openable data dir. RestoreBackup is offline: it runs while no server uses
// `data_dir`.

// Copies the backup in `from` to `data_dir`, which must not exist or be an empty directory
// (FAILED_PRECONDITION otherwise: a restore never overwrites data). The copy is made beside the
// target, opened once to check that it is a junheng database of this schema (the backup itself is
// never opened, so it stays unchanged), synced to disk, and then renamed into place, so a failed
// restore leaves no half-written data dir behind.
[[nodiscard]] absl::Status RestoreBackup(const std::string& from, const std::string& data_dir);

}  // namespace junheng::storage
