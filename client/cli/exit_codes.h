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

// The exit code a status maps to: kExitOk, kExitUnreachable when the server could not be reached
// in time (IsUnreachable, rpc/connection.h), else kExitRejected.
ExitCode ExitCodeFor(const absl::Status& status);

}  // namespace junheng::client
