#include "tests/reliability/fault_injection_fs.h"

#include <unistd.h>

#include <filesystem>

namespace junheng::testing {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

std::string Normal(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}

std::string DirOf(const std::string& path) {
  return std::filesystem::path(Normal(path)).parent_path().string();
}

}  // namespace

// A writable file that reports its appends and syncs to the file system.
class FaultInjectionFs::File : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  File(FaultInjectionFs* fs, std::string name, uint64_t size,
       std::unique_ptr<rocksdb::FSWritableFile> target)
      : FSWritableFileOwnerWrapper(std::move(target)),
        fs_(fs),
        name_(std::move(name)),
        size_(size) {}

  IOStatus Append(const Slice& data, const IOOptions& options, IODebugContext* dbg) override {
    return DoAppend(data, [&](const Slice& d) { return target()->Append(d, options, dbg); });
  }
  IOStatus Append(const Slice& data, const IOOptions& options,
                  const rocksdb::DataVerificationInfo& info, IODebugContext* dbg) override {
    return DoAppend(data, [&](const Slice& d) { return target()->Append(d, options, info, dbg); });
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& options,
                            IODebugContext* dbg) override {
    if (IOStatus s = fs_->Injected("append " + name_, /*durable=*/false); !s.ok()) return s;
    IOStatus s = target()->PositionedAppend(data, offset, options, dbg);
    if (s.ok()) Grow(offset + data.size());
    return s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& options,
                            const rocksdb::DataVerificationInfo& info,
                            IODebugContext* dbg) override {
    if (IOStatus s = fs_->Injected("append " + name_, /*durable=*/false); !s.ok()) return s;
    IOStatus s = target()->PositionedAppend(data, offset, options, info, dbg);
    if (s.ok()) Grow(offset + data.size());
    return s;
  }
  IOStatus Truncate(uint64_t size, const IOOptions& options, IODebugContext* dbg) override {
    if (IOStatus s = fs_->Injected("truncate " + name_, /*durable=*/false); !s.ok()) return s;
    IOStatus s = target()->Truncate(size, options, dbg);
    if (s.ok()) {
      size_ = size;
      fs_->OnWrite(name_, size_);
    }
    return s;
  }
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override {
    if (IOStatus s = fs_->Injected("sync " + name_, /*durable=*/true); !s.ok()) return s;
    IOStatus s = target()->Sync(options, dbg);
    if (s.ok()) fs_->OnSync(name_);
    return s;
  }
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override {
    if (IOStatus s = fs_->Injected("fsync " + name_, /*durable=*/true); !s.ok()) return s;
    IOStatus s = target()->Fsync(options, dbg);
    if (s.ok()) fs_->OnSync(name_);
    return s;
  }
  // RangeSync (sync_file_range) writes data out but promises nothing about durability.

 private:
  template <typename F>
  IOStatus DoAppend(const Slice& data, F append) {
    bool partial = false;
    {
      std::lock_guard lock(fs_->mu_);
      partial = fs_->partial_append_;
    }
    IOStatus injected = fs_->Injected("append " + name_, /*durable=*/false);
    if (!injected.ok()) {
      if (partial && data.size() > 1) {
        Slice half(data.data(), data.size() / 2);
        if (append(half).ok()) Grow(size_ + half.size());
      }
      return injected;
    }
    IOStatus s = append(data);
    if (s.ok()) Grow(size_ + data.size());
    return s;
  }
  void Grow(uint64_t new_size) {
    if (new_size > size_) size_ = new_size;
    fs_->OnWrite(name_, size_);
  }

  FaultInjectionFs* fs_;
  std::string name_;
  uint64_t size_;
};

// A directory whose fsync makes its new entries durable.
class FaultInjectionFs::Directory : public rocksdb::FSDirectoryWrapper {
 public:
  Directory(FaultInjectionFs* fs, std::string name, std::unique_ptr<rocksdb::FSDirectory> target)
      : FSDirectoryWrapper(std::move(target)), fs_(fs), name_(Normal(name)) {}

  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override {
    if (IOStatus s = fs_->Injected("fsync dir " + name_, /*durable=*/true); !s.ok()) return s;
    IOStatus s = FSDirectoryWrapper::Fsync(options, dbg);
    if (s.ok()) fs_->OnDirSync(name_);
    return s;
  }
  IOStatus FsyncWithDirOptions(const IOOptions& options, IODebugContext* dbg,
                               const rocksdb::DirFsyncOptions& dir_options) override {
    if (IOStatus s = fs_->Injected("fsync dir " + name_, /*durable=*/true); !s.ok()) return s;
    IOStatus s = FSDirectoryWrapper::FsyncWithDirOptions(options, dbg, dir_options);
    if (s.ok()) fs_->OnDirSync(name_);
    return s;
  }

 private:
  FaultInjectionFs* fs_;
  std::string name_;
};

FaultInjectionFs::FaultInjectionFs(std::shared_ptr<rocksdb::FileSystem> base)
    : FileSystemWrapper(base ? base : rocksdb::FileSystem::Default()) {
  // The Env shares ownership of this file system with whoever made it with make_shared; a
  // non-owning alias avoids a cycle.
  env_ = rocksdb::NewCompositeEnv(
      std::shared_ptr<rocksdb::FileSystem>(std::shared_ptr<rocksdb::FileSystem>(), this));
}

void FaultInjectionFs::SetFault(Fault fault, bool partial_append) {
  std::lock_guard lock(mu_);
  fault_ = fault;
  partial_append_ = partial_append;
}

FaultInjectionFs::Fault FaultInjectionFs::fault() const {
  std::lock_guard lock(mu_);
  return fault_;
}

IOStatus FaultInjectionFs::Injected(const std::string& what, bool durable) {
  std::lock_guard lock(mu_);
  // After a power cut, writes still land in the page cache that is about to vanish; only making
  // them durable fails.
  if (fault_ == Fault::kPowerCut && !durable) return IOStatus::OK();
  switch (fault_) {
    case Fault::kNone:
      return IOStatus::OK();
    case Fault::kNoSpace:
      ++failures_;
      return IOStatus::NoSpace("injected: no space left on device", what);
    case Fault::kReadOnly:
      ++failures_;
      return IOStatus::IOError("injected: read-only file system", what);
    case Fault::kPowerCut:
      ++failures_;
      return IOStatus::IOError("injected: power cut", what);
  }
  return IOStatus::OK();
}

void FaultInjectionFs::Track(const std::string& fname, uint64_t existing_size, bool new_entry) {
  std::lock_guard lock(mu_);
  const std::string name = Normal(fname);
  // Data already on disk when the file is opened counts as durable.
  files_[name] = FileState{existing_size, existing_size};
  if (new_entry) unsynced_entries_[DirOf(name)].insert(name);
}

void FaultInjectionFs::OnWrite(const std::string& fname, uint64_t new_size) {
  std::lock_guard lock(mu_);
  FileState& state = files_[Normal(fname)];
  state.size = new_size;
  if (state.synced > new_size) state.synced = new_size;
}

void FaultInjectionFs::OnSync(const std::string& fname) {
  std::lock_guard lock(mu_);
  FileState& state = files_[Normal(fname)];
  state.synced = state.size;
}

void FaultInjectionFs::OnDirSync(const std::string& dir) {
  std::lock_guard lock(mu_);
  unsynced_entries_.erase(Normal(dir));
}

IOStatus FaultInjectionFs::NewWritableFile(const std::string& fname,
                                           const rocksdb::FileOptions& options,
                                           std::unique_ptr<rocksdb::FSWritableFile>* result,
                                           IODebugContext* dbg) {
  if (IOStatus s = Injected("create " + fname, /*durable=*/false); !s.ok()) return s;
  std::error_code ec;
  const bool existed = std::filesystem::exists(fname, ec);
  std::unique_ptr<rocksdb::FSWritableFile> file;
  IOStatus s = target()->NewWritableFile(fname, options, &file, dbg);
  if (!s.ok()) return s;
  Track(fname, 0, !existed);
  *result = std::make_unique<File>(this, Normal(fname), 0, std::move(file));
  return s;
}

IOStatus FaultInjectionFs::ReopenWritableFile(const std::string& fname,
                                              const rocksdb::FileOptions& options,
                                              std::unique_ptr<rocksdb::FSWritableFile>* result,
                                              IODebugContext* dbg) {
  if (IOStatus s = Injected("reopen " + fname, /*durable=*/false); !s.ok()) return s;
  std::error_code ec;
  const bool existed = std::filesystem::exists(fname, ec);
  const uint64_t size = existed ? std::filesystem::file_size(fname, ec) : 0;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  IOStatus s = target()->ReopenWritableFile(fname, options, &file, dbg);
  if (!s.ok()) return s;
  Track(fname, size, !existed);
  *result = std::make_unique<File>(this, Normal(fname), size, std::move(file));
  return s;
}

IOStatus FaultInjectionFs::ReuseWritableFile(const std::string& fname, const std::string& old_fname,
                                             const rocksdb::FileOptions& options,
                                             std::unique_ptr<rocksdb::FSWritableFile>* result,
                                             IODebugContext* dbg) {
  if (IOStatus s = RenameFile(old_fname, fname, IOOptions(), dbg); !s.ok()) return s;
  return ReopenWritableFile(fname, options, result, dbg);
}

IOStatus FaultInjectionFs::NewDirectory(const std::string& name, const IOOptions& options,
                                        std::unique_ptr<rocksdb::FSDirectory>* result,
                                        IODebugContext* dbg) {
  std::unique_ptr<rocksdb::FSDirectory> dir;
  IOStatus s = target()->NewDirectory(name, options, &dir, dbg);
  if (!s.ok()) return s;
  *result = std::make_unique<Directory>(this, name, std::move(dir));
  return s;
}

IOStatus FaultInjectionFs::RenameFile(const std::string& src, const std::string& target_name,
                                      const IOOptions& options, IODebugContext* dbg) {
  if (IOStatus s = Injected("rename " + src, /*durable=*/true); !s.ok()) return s;
  IOStatus s = target()->RenameFile(src, target_name, options, dbg);
  if (!s.ok()) return s;
  std::lock_guard lock(mu_);
  const std::string from = Normal(src), to = Normal(target_name);
  auto it = files_.find(from);
  if (it != files_.end()) {
    files_[to] = it->second;
    files_.erase(it);
  }
  unsynced_entries_[DirOf(from)].erase(from);
  // The new name is durable only once its directory is fsync'd.
  unsynced_entries_[DirOf(to)].insert(to);
  return s;
}

IOStatus FaultInjectionFs::DeleteFile(const std::string& fname, const IOOptions& options,
                                      IODebugContext* dbg) {
  // Deleting frees space, so it works on a full disk; a read-only or powerless one refuses.
  {
    std::lock_guard lock(mu_);
    if (fault_ == Fault::kReadOnly || fault_ == Fault::kPowerCut) {
      ++failures_;
      return IOStatus::IOError("injected: cannot delete", fname);
    }
  }
  IOStatus s = target()->DeleteFile(fname, options, dbg);
  if (s.ok()) {
    std::lock_guard lock(mu_);
    const std::string name = Normal(fname);
    files_.erase(name);
    unsynced_entries_[DirOf(name)].erase(name);
  }
  return s;
}

IOStatus FaultInjectionFs::GetFreeSpace(const std::string& path, const IOOptions& options,
                                        uint64_t* free_space, IODebugContext* dbg) {
  {
    std::lock_guard lock(mu_);
    if (fault_ == Fault::kNoSpace) {
      *free_space = 0;
      return IOStatus::OK();
    }
  }
  return target()->GetFreeSpace(path, options, free_space, dbg);
}

FaultInjectionFs::DropStats FaultInjectionFs::DropUnsyncedData() {
  std::lock_guard lock(mu_);
  DropStats stats;
  for (const auto& [dir, names] : unsynced_entries_) {
    for (const auto& name : names) {
      if (::unlink(name.c_str()) == 0) {
        ++stats.entries_removed;
        files_.erase(name);
      }
    }
  }
  unsynced_entries_.clear();
  for (const auto& [name, state] : files_) {
    std::error_code ec;
    const uint64_t on_disk = std::filesystem::file_size(name, ec);
    if (ec || on_disk <= state.synced) continue;
    if (::truncate(name.c_str(), static_cast<off_t>(state.synced)) == 0) {
      ++stats.files_truncated;
      stats.bytes_dropped += static_cast<int64_t>(on_disk - state.synced);
    }
  }
  files_.clear();
  return stats;
}

int64_t FaultInjectionFs::UnsyncedBytes() const {
  std::lock_guard lock(mu_);
  int64_t total = 0;
  for (const auto& [name, state] : files_) total += static_cast<int64_t>(state.size - state.synced);
  return total;
}

int64_t FaultInjectionFs::InjectedFailures() const {
  std::lock_guard lock(mu_);
  return failures_;
}

}  // namespace junheng::testing
