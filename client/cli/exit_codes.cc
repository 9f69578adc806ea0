#include "client/cli/exit_codes.h"

#include "client/rpc/connection.h"

namespace junheng::client {

ExitCode ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return kExitOk;
  if (IsUnreachable(status)) return kExitUnreachable;
  return kExitRejected;
}

}  // namespace junheng::client
