#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace junheng::client {

// Crash-safe file updates for the client's outbox and receipts.

// Replaces `path` with `content` so that after a crash or power cut the file holds either its old
// content or all of `content`: written to a temporary file in the same directory, fsync'd,
// renamed over `path`, and the directory fsync'd. UNAVAILABLE names the path on failure.
// With `sync_directory` false the caller fsyncs the directory itself (SyncDirectory) once after
// many files, before it relies on any of them.
[[nodiscard]] absl::Status WriteFileDurably(const std::string& path, absl::string_view content,
                                            bool sync_directory = true);

// WriteFileDurably for many files of one directory `dir` (paths as in WriteFileDurably): all are
// written, then all fsync'd, then all renamed, then the directory fsync'd once. A file system
// commits its journal once for the lot instead of once per file, so thousands of files take about
// as long as a few. Each file is whole or absent after a crash; on an error, files before the
// failing one may have been renamed into place.
struct FileContent {
  std::string path;
  std::string content;
};
[[nodiscard]] absl::Status WriteFilesDurably(const std::string& dir,
                                             const std::vector<FileContent>& files);

// Removes `path` and fsyncs its directory (unless `sync_directory` is false, as above). OK when
// it is already gone.
[[nodiscard]] absl::Status RemoveFileDurably(const std::string& path, bool sync_directory = true);

// fsyncs a directory, so its entries (new, renamed, removed files) survive a power cut.
[[nodiscard]] absl::Status SyncDirectory(const std::string& dir);

}  // namespace junheng::client
