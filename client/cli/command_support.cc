#include "client/cli/command_support.h"

#include "client/cli/exit_codes.h"
#include "common/i18n/client_messages.h"

namespace junheng::client {

Connection Connect(const Globals& g) {
  return Connection(g.server, absl::Seconds(g.deadline_seconds), g.security);
}

absl::StatusOr<Outbox> OpenOutbox(const Globals& g) {
  return Outbox::Open(g.outbox.empty() ? DefaultOutboxDir() : g.outbox);
}

std::string ErrorLine(absl::string_view message) {
  return i18n::Say(i18n::client::kError, message) + "\n";
}

int Fail(const absl::Status& status, std::ostream& err) {
  // Every path that ends here carries a sentence; the code is the last resort of one that lost it.
  err << ErrorLine(status.message().empty() ? absl::StatusCodeToString(status.code())
                                            : std::string(status.message()));
  return ExitCodeFor(status);
}

OutputOptions OutputOf(const Globals& g) { return OutputOptions{g.format, g.output}; }

std::optional<Format> FormatFor(const Globals& g, std::initializer_list<Format> offered,
                                absl::string_view command, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Format> format = ChooseFormat(OutputOf(g), offered, command, out);
  if (format.ok()) return *format;
  err << ErrorLine(format.status().message());
  return std::nullopt;
}

int Emit(const Globals& g, Format format, const std::vector<const table::Table*>& tables,
         std::ostream& out, std::ostream& err) {
  absl::Status written = WriteTables(OutputOf(g), format, tables, out);
  return written.ok() ? kExitOk : Fail(written, err);
}

bool NeedCounty(const Globals& g, std::ostream& err) {
  if (!g.county.empty()) return true;
  err << ErrorLine(i18n::Say(i18n::client::kNoCounty));
  return false;
}

}  // namespace junheng::client
