#include "client/cli/command_support.h"

#include "client/cli/exit_codes.h"

namespace junheng::client {

Connection Connect(const Globals& g) {
  return Connection(g.server, absl::Seconds(g.deadline_seconds), g.security);
}

absl::StatusOr<Outbox> OpenOutbox(const Globals& g) {
  return Outbox::Open(g.outbox.empty() ? DefaultOutboxDir() : g.outbox);
}

int Fail(const absl::Status& status, std::ostream& err) {
  err << "error: " << status.message() << "\n";
  return ExitCodeFor(status);
}

OutputOptions OutputOf(const Globals& g) { return OutputOptions{g.format, g.output}; }

std::optional<Format> FormatFor(const Globals& g, std::initializer_list<Format> offered,
                                absl::string_view command, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Format> format = ChooseFormat(OutputOf(g), offered, command, out);
  if (format.ok()) return *format;
  err << "error: " << format.status().message() << "\n";
  return std::nullopt;
}

int Emit(const Globals& g, Format format, const std::vector<const table::Table*>& tables,
         std::ostream& out, std::ostream& err) {
  absl::Status written = WriteTables(OutputOf(g), format, tables, out);
  return written.ok() ? kExitOk : Fail(written, err);
}

bool NeedCounty(const Globals& g, std::ostream& err) {
  if (!g.county.empty()) return true;
  err << "error: the county is unknown; give --county 140430 or set county in the config file\n";
  return false;
}

}  // namespace junheng::client
