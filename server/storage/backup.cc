#include "server/storage/backup.h"

#include <unistd.h>

#include <filesystem>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/checkpoint.h"
#include "server/storage/store.h"

namespace junheng::storage {
namespace {

namespace fs = std::filesystem;

// OK when `path` is absent or an empty directory; `what` names the role in the message.
absl::Status RequireAbsentOrEmpty(const std::string& path, absl::string_view what) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return absl::OkStatus();
  if (!fs::is_directory(path, ec) || !fs::is_empty(path, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat(what, " ", path,
                     " already exists and is not empty; nothing was written. Choose a new or "
                     "empty directory"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Store::Checkpoint(const std::string& destination) const {
  if (absl::Status free = RequireAbsentOrEmpty(destination, "backup destination"); !free.ok()) {
    return free;
  }
  std::error_code ec;
  fs::remove(destination, ec);  // RocksDB creates the directory itself
  const fs::path parent = fs::absolute(destination, ec).parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", parent.string(), ": ", ec.message()));
  }
  rocksdb::Checkpoint* raw = nullptr;
  rocksdb::Status s = rocksdb::Checkpoint::Create(db_.get(), &raw);
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // log_size_for_flush = 0: flush the memtables first, so the copy needs no WAL replay; live WAL
  // files are copied as well, so every write acknowledged before this call is in the backup.
  if (s.ok()) s = checkpoint->CreateCheckpoint(destination, /*log_size_for_flush=*/0);
  if (!s.ok()) {
    absl::Status status =
        absl::StrContains(s.ToString(), "No space") || s.IsNoSpace()
            ? absl::ResourceExhaustedError(
                  absl::StrCat("backup to ", destination, ": ", s.ToString()))
            : absl::UnavailableError(absl::StrCat("backup to ", destination, ": ", s.ToString()));
    return status;
  }
  return absl::OkStatus();
}

absl::Status RestoreBackup(const std::string& from, const std::string& data_dir) {
  std::error_code ec;
  if (!fs::exists(fs::path(from) / "CURRENT", ec)) {
    return absl::NotFoundError(
        absl::StrCat("--from ", from,
                     " is not a junheng backup (no RocksDB CURRENT file); give the directory "
                     "`junheng-server backup --to` wrote"));
  }
  if (absl::Status free = RequireAbsentOrEmpty(data_dir, "restore target"); !free.ok()) {
    return free;
  }
  const fs::path target = fs::absolute(data_dir, ec);
  const fs::path staging = target.string() + ".restoring";
  fs::remove_all(staging, ec);
  fs::create_directories(target.parent_path(), ec);
  fs::copy(from, staging, fs::copy_options::recursive, ec);
  if (ec) {
    fs::remove_all(staging, ec);
    return absl::UnavailableError(
        absl::StrCat("cannot copy ", from, " to ", staging.string(), ": ", ec.message()));
  }
  fs::remove(staging / "LOCK", ec);
  {
    auto opened = Store::Open(staging.string());
    if (!opened.ok()) {
      fs::remove_all(staging, ec);
      return absl::Status(
          opened.status().code(),
          absl::StrCat("the backup in ", from, " cannot be opened: ", opened.status().message()));
    }
  }
  ::sync();  // every copied file and directory entry on disk before the rename publishes it
  fs::remove(target, ec);  // an empty directory, checked above
  fs::rename(staging, target, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat("cannot move the restored copy ", staging.string(),
                                               " to ", target.string(), ": ", ec.message()));
  }
  ::sync();
  return absl::OkStatus();
}

}  // namespace junheng::storage
