#include "server/evaluation/scheduler.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "server/audit/audit_entry.h"
#include "server/evaluation/snapshots.h"
#include "server/observability/structured_log.h"
#include "spdlog/spdlog.h"

namespace junheng::server {

using junheng::v1::ReportingPeriod;
using junheng::v1::ScheduledRun;

namespace {

// Upper bounds, in seconds, of a run's duration: a small county's evaluation takes milliseconds,
// a large one's seconds.
constexpr double kRunSeconds[] = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

}  // namespace

Scheduler::Scheduler(storage::Store* store, const Clock* clock, junheng::v1::Profile profile,
                     SchedulerOptions options, metrics::Registry* metrics)
    : store_(store), clock_(clock), profile_(std::move(profile)), options_(options) {
  if (metrics == nullptr) metrics = &metrics::Registry::Unexported();
  runs_ = &metrics->AddCounter(
      "junheng_scheduler_runs_total",
      "Scheduled evaluations, by trigger (schedule, deadline, close) and result (snapshot: a new "
      "snapshot was kept; unchanged: the input had not changed; failed).",
      {"trigger", "result"});
  run_seconds_ = &metrics->AddHistogram("junheng_scheduler_run_duration_seconds",
                                        "How long scheduled evaluations took, by trigger.",
                                        {"trigger"}, kRunSeconds);
}

void Scheduler::Record(const std::string& county, const std::string& period,
                       const std::string& trigger,
                       const absl::StatusOr<std::optional<ScheduledRun>>& run,
                       absl::Duration took) {
  const bool failed = !run.ok();
  const int64_t snapshot = !failed && run->has_value() ? (*run)->snapshot_seq() : 0;
  const absl::string_view result = failed ? "failed" : snapshot > 0 ? "snapshot" : "unchanged";
  runs_->With({trigger, result}).Increment();
  run_seconds_->With({trigger}).Observe(absl::ToDoubleSeconds(took));
  const auto level = failed ? spdlog::level::err : spdlog::level::info;
  if (!spdlog::should_log(level)) return;
  LogEvent line("scheduled_run");
  line.Add("county", county)
      .Add("period", period)
      .Add("trigger", trigger)
      .Add("result", result)
      .Add("snapshot", snapshot)
      .Add("duration_ms", absl::ToDoubleMilliseconds(took));
  if (failed) line.Add("error", run.status().ToString());
  line.Log(level);
}

Scheduler::~Scheduler() { Stop(); }

absl::StatusOr<std::optional<ScheduledRun>> Scheduler::Run(const std::string& county,
                                                           const std::string& period,
                                                           const std::string& trigger) {
  auto outcome = TakeSnapshot(*store_, *clock_, county, period, profile_, trigger);
  if (!outcome.ok()) return outcome.status();
  ScheduledRun run;
  run.set_county_code(county);
  run.set_period(period);
  run.set_trigger(trigger);
  run.set_time_unix_ms(absl::ToUnixMillis(clock_->Now()));
  run.set_snapshot_seq(outcome->created ? outcome->snapshot.seq() : 0);
  absl::Status recorded = store_->Commit(storage::Change(county).PutScheduledRun(run).Audit(
      MakeAudit(*clock_, "scheduler", absl::StrCat("schedule.", trigger),
                absl::StrCat(county, "/", period), run)));
  if (!recorded.ok()) return recorded;
  return run;
}

absl::StatusOr<std::vector<ScheduledRun>> Scheduler::RunDue() {
  auto periods = store_->ListAllPeriods();
  if (!periods.ok()) return periods.status();
  std::vector<ScheduledRun> done;
  absl::Status first_error;
  const absl::Time now = clock_->Now();
  for (const ReportingPeriod& p : *periods) {
    auto last = [&](const char* trigger) {
      return store_->GetScheduledRun(p.county_code(), p.period(), trigger);
    };
    std::vector<std::string> due;
    const bool open = now >= absl::FromUnixMillis(p.opens_unix_ms()) &&
                      now <= absl::FromUnixMillis(p.closes_unix_ms());
    if (open && options_.interval > absl::ZeroDuration()) {
      auto previous = last("schedule");
      if (!previous.ok()) return previous.status();
      if (!previous->has_value() ||
          now - absl::FromUnixMillis((*previous)->time_unix_ms()) >= options_.interval) {
        due.push_back("schedule");
      }
    }
    for (auto [trigger, at] :
         {std::pair{"deadline", p.deadline_unix_ms()}, std::pair{"close", p.closes_unix_ms()}}) {
      if (now < absl::FromUnixMillis(at)) continue;
      auto previous = last(trigger);
      if (!previous.ok()) return previous.status();
      // A run made before the current deadline (or close) was for an earlier definition of the
      // period: redefining the window re-arms it.
      if (!previous->has_value() || (*previous)->time_unix_ms() < at) due.push_back(trigger);
    }
    for (const std::string& trigger : due) {
      const absl::Time started = absl::Now();
      auto run = Run(p.county_code(), p.period(), trigger);
      Record(p.county_code(), p.period(), trigger, run, absl::Now() - started);
      if (!run.ok()) {
        if (first_error.ok()) first_error = run.status();
        continue;
      }
      done.push_back(**run);
    }
  }
  if (!first_error.ok()) return first_error;
  return done;
}

void Scheduler::Start() {
  if (thread_.joinable()) return;
  {
    absl::MutexLock lock(&thread_mu_);
    stopping_ = false;
  }
  thread_ = std::thread([this] {
    thread_mu_.Lock();
    while (!stopping_) {
      thread_mu_.Unlock();
      (void)RunDue();  // failures are logged per run; the next tick tries again
      thread_mu_.Lock();
      thread_mu_.AwaitWithTimeout(absl::Condition(&stopping_), options_.tick);
    }
    thread_mu_.Unlock();
  });
}

void Scheduler::Stop() {
  {
    absl::MutexLock lock(&thread_mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace junheng::server
