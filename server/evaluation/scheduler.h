#pragma once

#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/storage.pb.h"
#include "server/observability/metrics.h"
#include "server/storage/store.h"

namespace junheng::server {

struct SchedulerOptions {
  // Evaluate every county with an open period this often; zero disables interval runs (deadline
  // and close runs still happen).
  absl::Duration interval = absl::Hours(1);
  // How often the background thread looks at the clock (real time).
  absl::Duration tick = absl::Seconds(30);
};

// The periodic aggregation. Each run evaluates a county and period from what is stored and keeps
// a snapshot (snapshots.h), which is skipped when the input has not changed.
//
// Runs are due: for every period whose window is open, when `interval` has passed since the last
// interval run; for every period whose deadline has passed, one "deadline" run; for every period
// that has closed, one "close" run. A run counts for the window it was made in: redefining a
// period so that its deadline or close lies after that run's time makes the run due again.
// Completed runs are recorded in the store, so a server that was down at a deadline makes that run
// when it next looks (catch-up), and never makes it twice.
//
// Each run writes one log line (event=scheduled_run) and is counted in `metrics` by trigger and
// result, with its duration (docs/monitoring.md).
class Scheduler {
 public:
  // `metrics`: nullptr counts into a registry nobody scrapes.
  Scheduler(storage::Store* store, const Clock* clock, junheng::v1::Profile profile,
            SchedulerOptions options, metrics::Registry* metrics = nullptr);
  ~Scheduler();

  // Makes every run due at clock->Now() and returns what it did, in order. Failures of one county
  // do not stop the others; the first failure is returned after all were tried.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::ScheduledRun>> RunDue();

  // Starts / stops the background thread that calls RunDue every `tick`. Called from one thread
  // (ServerApp's); Stop waits for a run in progress to finish.
  void Start();
  void Stop();

 private:
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::ScheduledRun>> Run(
      const std::string& county, const std::string& period, const std::string& trigger);
  // Counts and logs one run that took `took` (real time, whatever the clock says).
  void Record(const std::string& county, const std::string& period, const std::string& trigger,
              const absl::StatusOr<std::optional<junheng::v1::ScheduledRun>>& run,
              absl::Duration took);

  storage::Store* store_;
  const Clock* clock_;
  junheng::v1::Profile profile_;
  SchedulerOptions options_;
  metrics::CounterFamily* runs_;           // by trigger, result
  metrics::HistogramFamily* run_seconds_;  // by trigger

  absl::Mutex thread_mu_;
  // Set by Stop; the thread waits on it between ticks.
  bool stopping_ ABSL_GUARDED_BY(thread_mu_) = false;
  std::thread thread_;
};

}  // namespace junheng::server
