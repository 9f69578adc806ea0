#pragma once

#include <string>

#include "absl/status/status.h"
#include "common/rpc/channel_security.h"

namespace junheng::rpc {

// What a call that never reached a junheng server (UNAVAILABLE or DEADLINE_EXCEEDED) means for
// the person who made it, from the reason gRPC gives: the server's certificate is not signed by
// the CA the client trusts (set `ca` to the county's ca.crt), is issued for another name, the
// server speaks plain text to a TLS client or TLS to a plain-text one, nothing listens at the
// address, the host name is unknown, or (otherwise) the server or network is down. The code is
// kept, so that callers still treat the report as not delivered; the message is a sentence with
// the fix, in the current language. Other statuses are returned unchanged.
struct ConnectFailure {
  absl::Status status;
  // True when trying again cannot help until a setting changes (a certificate or transport
  // mismatch), so that a caller stops retrying at once.
  bool needs_a_setting = false;
};
ConnectFailure DescribeConnectFailure(const std::string& address, const ChannelSecurity& security,
                                      const absl::Status& status);

}  // namespace junheng::rpc
