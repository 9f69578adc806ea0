#pragma once

#include <atomic>
#include <string>

#include "absl/time/time.h"
#include "client/outbox/outbox.h"
#include "client/rpc/connection.h"

namespace junheng::client {

struct AgentOptions {
  // A drop folder to watch for report files (CSV or JSON), or empty.
  std::string watch_dir;
  // How often the drop folder and the outbox are looked at while all is well.
  absl::Duration poll = absl::Seconds(2);
  // Backoff while the server cannot be reached: doubles from min to max, each wait jittered by
  // +-50 % so that a county's schools do not all retry in the same second.
  absl::Duration backoff_min = absl::Seconds(1);
  absl::Duration backoff_max = absl::Minutes(5);
  // Exit 0 as soon as nothing is pending (for scripts and tests); otherwise run until stopped.
  bool until_empty = false;
  // Reports from the drop folder without a county_code get `county`; `submitter` goes on their
  // receipts.
  std::string county;
  std::string submitter;
};

// The agent behind `junheng agent`: delivers `outbox` through `connection` until every item has
// a receipt (or is rejected), logging to stderr (journald under systemd). With a drop folder,
// each report file that has not changed for a second is validated and queued with submission ids
// derived from the file (so a file seen twice after a crash is not queued twice), then moved to
// <watch>/processed/ (or <watch>/rejected/ with a .error.txt beside it when invalid).
// Returns when `stop` becomes true or, with until_empty, when nothing is pending.
void RunAgent(Outbox outbox, Connection connection, const AgentOptions& options,
              const std::atomic<bool>& stop);

}  // namespace junheng::client
