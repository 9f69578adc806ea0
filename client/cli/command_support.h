#pragma once

#include <ostream>

#include "absl/status/status.h"
#include "client/cli/commands.h"
#include "client/outbox/outbox.h"
#include "client/rpc/connection.h"

namespace junheng::client {

// What every command does the same way.

// A connection to the configured server with the configured deadline, TLS and token.
Connection Connect(const Globals& g);

// The configured outbox (--outbox, else DefaultOutboxDir()), created when missing.
absl::StatusOr<Outbox> OpenOutbox(const Globals& g);

// Prints "error: <message>" and returns the exit code the status maps to.
int Fail(const absl::Status& status, std::ostream& err);

// True when a county is configured; otherwise says how to give one and returns false.
bool NeedCounty(const Globals& g, std::ostream& err);

}  // namespace junheng::client
