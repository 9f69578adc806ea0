#pragma once

#include <iosfwd>
#include <string>

#include "common/rpc/channel_security.h"

namespace junheng::server {

// The operator subcommands of junheng-server. Each returns the process exit code: 0 ok,
// 1 refused or failed, 3 server unreachable.

// `junheng-server backup --server ADDR --to DIR`: asks the running server at `address` for a
// checkpoint into `to` (made absolute; it is a path on the server's machine).
// `security` carries the bureau_admin token and the TLS settings; the overload without it
// speaks plain text without a token (in-process tests).
int RunBackupCommand(const std::string& address, const std::string& to, double deadline_seconds,
                     const rpc::ChannelSecurity& security, std::ostream& out, std::ostream& err);
int RunBackupCommand(const std::string& address, const std::string& to, double deadline_seconds,
                     std::ostream& out, std::ostream& err);

// `junheng-server restore --from DIR --data-dir D`: offline; refuses a non-empty `data_dir`.
int RunRestoreCommand(const std::string& from, const std::string& data_dir, std::ostream& out,
                      std::ostream& err);

}  // namespace junheng::server
