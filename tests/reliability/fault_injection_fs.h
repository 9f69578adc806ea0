#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace junheng::testing {

// A RocksDB file system for fault-injection tests (Debian's librocksdb-dev ships none of
// RocksDB's own test utilities). It forwards to the real file system and keeps track of what is
// durable:
// - a file's synced length: the bytes it had at its last Sync/Fsync (RangeSync does not count);
// - directory entries made since the directory's last fsync (files created or renamed into it).
// DropUnsyncedData() then does what a power cut does to the disk: every file written through this
// file system is cut back to its synced length, and every entry not yet fsync'd in its directory
// is removed.
//
// Write faults model a full disk or a read-only file system: while set, creating, appending to,
// syncing and renaming files fail. Reading is never affected. Thread-safe.
class FaultInjectionFs : public rocksdb::FileSystemWrapper {
 public:
  enum class Fault {
    kNone,
    kNoSpace,   // IOStatus::NoSpace, like ENOSPC
    kReadOnly,  // IOStatus::IOError "Read-only file system", like EROFS
    kPowerCut,  // writes reach only the page cache: every sync fails (the power is going)
  };

  explicit FaultInjectionFs(std::shared_ptr<rocksdb::FileSystem> base = nullptr);
  const char* Name() const override { return "JunhengFaultInjectionFs"; }

  // An Env over this file system, for rocksdb::DBOptions::env / storage::StoreOptions::env.
  rocksdb::Env* env() { return env_.get(); }

  // Sets the write fault. With `partial_append`, an Append that fails first writes half of its
  // bytes, as a write that hits ENOSPC midway does.
  void SetFault(Fault fault, bool partial_append = false);
  Fault fault() const;

  struct DropStats {
    int files_truncated = 0;
    int64_t bytes_dropped = 0;
    int entries_removed = 0;
  };
  // Applies the power cut to the files on disk. Call it after the database is closed (or its
  // writes all fail, as after SetFault(kPowerCut)). Forgets the tracked state afterwards.
  DropStats DropUnsyncedData();

  // Bytes written through this file system that no sync has made durable yet.
  int64_t UnsyncedBytes() const;
  // Failed write operations since construction.
  int64_t InjectedFailures() const;

  // FileSystem overrides that write.
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& fname,
                                       const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& fname, const std::string& old_fname,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* result,
                                 rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus RenameFile(const std::string& src, const std::string& target,
                               const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& fname, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;
  // A full disk reports no free space, so RocksDB's own recovery (its SstFileManager polls the
  // free space) waits for the space to return, as it would on a real disk.
  rocksdb::IOStatus GetFreeSpace(const std::string& path, const rocksdb::IOOptions& options,
                                 uint64_t* free_space, rocksdb::IODebugContext* dbg) override;

 private:
  class File;
  class Directory;
  struct FileState {
    uint64_t size = 0;
    uint64_t synced = 0;
  };

  // The error the current fault injects, or OK.
  // `durable`: the operation makes data durable (sync, directory fsync, rename).
  rocksdb::IOStatus Injected(const std::string& what, bool durable);
  void OnWrite(const std::string& fname, uint64_t new_size);
  void OnSync(const std::string& fname);
  void OnDirSync(const std::string& dir);
  void Track(const std::string& fname, uint64_t existing_size, bool new_entry);

  std::unique_ptr<rocksdb::Env> env_;
  mutable std::mutex mu_;
  Fault fault_ = Fault::kNone;
  bool partial_append_ = false;
  int64_t failures_ = 0;
  std::map<std::string, FileState> files_;
  std::map<std::string, std::set<std::string>> unsynced_entries_;  // dir -> full paths
};

}  // namespace junheng::testing
