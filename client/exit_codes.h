#pragma once

#include "absl/status/status.h"

namespace junheng::client {

// The client's exit codes, the same for every command.
enum ExitCode : int {
  kExitOk = 0,
  kExitRejected = 1,     // invalid input, or the server rejected the request
  kExitUsage = 2,        // bad command line
  kExitUnreachable = 3,  // the server could not be reached in time
};

// The exit code a failed call maps to.
inline ExitCode ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return kExitOk;
  if (absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status)) return kExitUnreachable;
  return kExitRejected;
}

}  // namespace junheng::client
