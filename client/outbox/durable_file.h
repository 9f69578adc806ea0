#pragma once

#include <string>

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

// Removes `path` and fsyncs its directory (unless `sync_directory` is false, as above). OK when
// it is already gone.
[[nodiscard]] absl::Status RemoveFileDurably(const std::string& path, bool sync_directory = true);

// fsyncs a directory, so its entries (new, renamed, removed files) survive a power cut.
[[nodiscard]] absl::Status SyncDirectory(const std::string& dir);

}  // namespace junheng::client
