#include "client/outbox/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "common/i18n/outbox_messages.h"

namespace junheng::client {
namespace {

// `what` says what failed on `path`; the system's reason (errno) is its second value.
absl::Status Errno(const i18n::Msg& what, const std::string& path) {
  const int error = errno;
  std::string message = i18n::Say(what, path, std::strerror(error));
  if (error == ENOSPC || error == EDQUOT) return absl::ResourceExhaustedError(message);
  if (error == EACCES || error == EPERM || error == EROFS) {
    return absl::PermissionDeniedError(message);
  }
  return absl::UnavailableError(message);
}

std::string DirOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

}  // namespace

absl::Status SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno(i18n::outbox::kCannotOpenDir, dir);
  const int synced = ::fsync(fd);
  absl::Status status = synced == 0 ? absl::OkStatus() : Errno(i18n::outbox::kCannotSyncDir, dir);
  ::close(fd);
  return status;
}

namespace {

// A temporary file beside `path`, with `content` written but not synced; its name in `*temp`.
absl::Status WriteTemp(const std::string& path, absl::string_view content, std::string* temp,
                       int* fd_out) {
  static std::atomic<int> counter{0};
  *temp = absl::StrCat(DirOf(path), "/.tmp-", std::filesystem::path(path).filename().string(), "-",
                       ::getpid(), "-", counter++);
  const int fd = ::open(temp->c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno(i18n::outbox::kCannotCreate, *temp);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      absl::Status status = Errno(i18n::outbox::kCannotWrite, *temp);
      ::close(fd);
      ::unlink(temp->c_str());
      return status;
    }
    written += static_cast<size_t>(n);
  }
  *fd_out = fd;
  return absl::OkStatus();
}

// fsyncs and closes `fd` (of `temp`), then renames `temp` over `path`; removes `temp` on failure.
absl::Status SyncAndRename(int fd, const std::string& temp, const std::string& path) {
  if (::fsync(fd) != 0) {
    absl::Status status = Errno(i18n::outbox::kCannotSync, temp);
    ::close(fd);
    ::unlink(temp.c_str());
    return status;
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    absl::Status status = Errno(i18n::outbox::kCannotRename, path);
    ::unlink(temp.c_str());
    return status;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteFileDurably(const std::string& path, absl::string_view content,
                              bool sync_directory) {
  std::string temp;
  int fd = -1;
  if (absl::Status written = WriteTemp(path, content, &temp, &fd); !written.ok()) return written;
  if (absl::Status renamed = SyncAndRename(fd, temp, path); !renamed.ok()) return renamed;
  return sync_directory ? SyncDirectory(DirOf(path)) : absl::OkStatus();
}

absl::Status WriteFilesDurably(const std::string& dir, const std::vector<FileContent>& files) {
  // Files open at once: well under the usual limit of 1024 descriptors.
  constexpr size_t kOpenAtOnce = 256;
  struct Temp {
    std::string name;
    int fd;
  };
  for (size_t first = 0; first < files.size(); first += kOpenAtOnce) {
    const size_t end = std::min(files.size(), first + kOpenAtOnce);
    std::vector<Temp> temps;
    temps.reserve(end - first);
    absl::Status status;
    for (size_t i = first; i < end && status.ok(); ++i) {
      Temp temp{"", -1};
      status = WriteTemp(files[i].path, files[i].content, &temp.name, &temp.fd);
      if (status.ok()) temps.push_back(std::move(temp));
    }
    // Synced and renamed in order; SyncAndRename cleans up the one that fails.
    size_t renamed = 0;
    for (; status.ok() && renamed < temps.size(); ++renamed) {
      status = SyncAndRename(temps[renamed].fd, temps[renamed].name, files[first + renamed].path);
    }
    if (!status.ok()) {
      for (size_t i = renamed; i < temps.size(); ++i) {
        ::close(temps[i].fd);
        ::unlink(temps[i].name.c_str());
      }
      return status;
    }
  }
  return SyncDirectory(dir);
}

absl::Status RemoveFileDurably(const std::string& path, bool sync_directory) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT)
    return Errno(i18n::outbox::kCannotRemove, path);
  return sync_directory ? SyncDirectory(DirOf(path)) : absl::OkStatus();
}

}  // namespace junheng::client
