#pragma once

#include <ostream>

#include "absl/status/status.h"
#include "client/cli/commands.h"
#include "client/cli/output.h"
#include "client/outbox/outbox.h"
#include "client/rpc/connection.h"

namespace junheng::client {

// What every command does the same way.

// A connection to the configured server with the configured deadline, TLS and token.
Connection Connect(const Globals& g);

// The configured outbox (--outbox, else DefaultOutboxDir()), created when missing.
absl::StatusOr<Outbox> OpenOutbox(const Globals& g);

// "错误：<message>" (or "error: <message>") and a newline: how every command says it failed.
std::string ErrorLine(absl::string_view message);

// Prints ErrorLine(status.message()) and returns the exit code the status maps to.
int Fail(const absl::Status& status, std::ostream& err);

// What a listing offers, and what a command that reports one outcome offers.
inline constexpr std::initializer_list<Format> kListingFormats = {Format::kText, Format::kJson,
                                                                  Format::kCsv, Format::kXlsx};
inline constexpr std::initializer_list<Format> kMessageFormats = {Format::kText, Format::kJson};

// The --format of `g` when `command` offers it; otherwise prints why and returns nullopt, and the
// command exits with kExitUsage.
std::optional<Format> FormatFor(const Globals& g, std::initializer_list<Format> offered,
                                absl::string_view command, std::ostream& out, std::ostream& err);
OutputOptions OutputOf(const Globals& g);

// Writes the tables in `format` (WriteTables); prints the problem and returns its exit code when
// the file cannot be written.
int Emit(const Globals& g, Format format, const std::vector<const table::Table*>& tables,
         std::ostream& out, std::ostream& err);

// True when a county is configured; otherwise says how to give one and returns false.
bool NeedCounty(const Globals& g, std::ostream& err);

}  // namespace junheng::client
