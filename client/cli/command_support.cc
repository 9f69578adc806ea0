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
  // Every path that ends here carries a sentence; the code is the last resort of one that lost it.
  if (status.message().empty()) {
    err << "error: " << absl::StatusCodeToString(status.code()) << "\n";
  } else {
    err << "error: " << status.message() << "\n";
  }
  return ExitCodeFor(status);
}

bool NeedCounty(const Globals& g, std::ostream& err) {
  if (!g.county.empty()) return true;
  err << "error: the county is unknown; give --county 140430 or set county in the config file\n";
  return false;
}

}  // namespace junheng::client
