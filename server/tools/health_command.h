#pragma once

#include <iosfwd>
#include <string>

#include "common/rpc/channel_security.h"

namespace junheng::server {

// `junheng-server health --server HOST:PORT [--service NAME]`: asks a running server's standard
// health service (grpc.health.v1.Health/Check, which needs no token) whether it serves, within
// `deadline_seconds`, and prints SERVING or NOT_SERVING on `out` for systemd, a package test or a
// monitoring script. `service` "" asks about the whole server; a junheng service's full name
// ("junheng.v1.ReportingService") about that one. `security` carries the TLS settings (a token
// is not sent). Exit 0 SERVING, 1 NOT_SERVING or a service the server does not know, 3 no answer
// (unreachable, TLS refused, deadline), with the reason on `err`.
int RunHealthCommand(const std::string& address, const std::string& service,
                     double deadline_seconds, const rpc::ChannelSecurity& security,
                     std::ostream& out, std::ostream& err);

}  // namespace junheng::server
