#include "client/outbox/agent.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/outbox/outbox_delivery.h"
#include "client/outbox/record_files.h"
#include "common/hash/sha256.h"
#include "common/i18n/outbox_messages.h"
#include "common/i18n/validation_messages.h"
#include "common/validate/report_validator.h"
#include "spdlog/spdlog.h"

namespace junheng::client {
namespace {

namespace fs = std::filesystem;
using i18n::Say;
namespace msg = i18n::outbox;

// Sleeps for `d` or until `stop`, whichever comes first.
void SleepUnlessStopped(absl::Duration d, const std::atomic<bool>& stop) {
  const absl::Time until = absl::Now() + d;
  while (!stop.load() && absl::Now() < until) {
    std::this_thread::sleep_for(
        absl::ToChronoNanoseconds(std::min(absl::Milliseconds(100), until - absl::Now())));
  }
}

// Moves `file` into `dir` (created when missing), keeping the name or adding a suffix.
fs::path MoveAside(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path target = dir / file.filename();
  for (int n = 1; fs::exists(target, ec); ++n) {
    target = dir / absl::StrCat(file.filename().string(), ".", n);
  }
  fs::rename(file, target, ec);
  return target;
}

class Agent {
 public:
  Agent(Outbox outbox, Connection connection, const AgentOptions& options)
      : options_(options),
        outbox_(std::move(outbox)),
        connection_(std::move(connection)),
        rng_(std::random_device{}()) {}

  void Run(const std::atomic<bool>& stop) {
    spdlog::info(
        Say(msg::kAgentStart, outbox_.dir(), connection_.address(),
            options_.watch_dir.empty() ? "" : Say(msg::kAgentWatching, options_.watch_dir)));
    absl::Duration backoff = options_.backoff_min;
    bool was_unreachable = false;
    while (!stop.load()) {
      if (!options_.watch_dir.empty()) ScanDropFolder();
      auto summary = DeliverPending(
          outbox_, connection_, /*attempts_per_call=*/1,
          [](const v1::OutboxItem& item, const DeliveryResult& result) {
            const auto& r = item.request();
            if (result.delivery == Delivery::kDelivered) {
              spdlog::info(Say(msg::kAgentDelivered, r.report().school_code(), r.report().period(),
                               r.submission_id(), result.response.receipt().version(),
                               result.response.receipt().receipt_id(),
                               result.response.duplicate() ? Say(msg::kAgentAlreadyStored) : ""));
            } else if (result.delivery == Delivery::kRejected) {
              spdlog::error(Say(msg::kAgentRejected, r.report().school_code(), r.report().period(),
                                r.submission_id(), result.status.message()));
            }
          });
      if (!summary.ok()) {
        spdlog::error(Say(msg::kAgentCannotRead, outbox_.dir(), summary.status().message()));
        SleepUnlessStopped(Jittered(backoff), stop);
        backoff = std::min(backoff * 2, options_.backoff_max);
        continue;
      }
      if (!summary->last_retry.ok()) {
        const absl::Duration wait = Jittered(backoff);
        if (!was_unreachable) {
          spdlog::warn(Say(msg::kAgentWaiting, summary->pending, summary->last_retry.message()));
        }
        spdlog::debug(Say(msg::kAgentNextAttempt, absl::ToInt64Milliseconds(wait)));
        was_unreachable = true;
        SleepUnlessStopped(wait, stop);
        backoff = std::min(backoff * 2, options_.backoff_max);
        continue;
      }
      if (was_unreachable) spdlog::info(Say(msg::kAgentServerBack));
      was_unreachable = false;
      backoff = options_.backoff_min;
      if (options_.until_empty && summary->pending == 0 && !PendingDropFiles()) {
        spdlog::info(Say(msg::kAgentNothingLeft));
        return;
      }
      SleepUnlessStopped(options_.poll, stop);
    }
    spdlog::info(Say(msg::kAgentStopped, outbox_.dir()));
  }

 private:
  absl::Duration Jittered(absl::Duration d) {
    return d * std::uniform_real_distribution<double>(0.5, 1.5)(rng_);
  }

  std::vector<fs::path> DropFiles() {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options_.watch_dir, ec)) {
      const std::string name = entry.path().filename().string();
      // "~$r.xlsx" is the lock file Excel and WPS keep beside a workbook while it is open.
      if (!entry.is_regular_file(ec) || name.empty() || name[0] == '.' ||
          absl::StartsWith(name, "~$")) {
        continue;
      }
      if (!absl::EndsWithIgnoreCase(name, ".csv") && !absl::EndsWithIgnoreCase(name, ".json") &&
          !absl::EndsWithIgnoreCase(name, ".xlsx")) {
        continue;
      }
      files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  bool PendingDropFiles() { return !options_.watch_dir.empty() && !DropFiles().empty(); }

  void ScanDropFolder() {
    for (const fs::path& file : DropFiles()) {
      std::error_code ec;
      const auto mtime = fs::last_write_time(file, ec);
      if (ec) continue;
      // A file still being written changes; take it once it has been quiet for a second.
      if (fs::file_time_type::clock::now() - mtime < std::chrono::seconds(1)) continue;
      QueueFile(file, mtime.time_since_epoch().count(), fs::file_size(file, ec));
    }
  }

  void QueueFile(const fs::path& file, int64_t mtime_ticks, uintmax_t size) {
    const fs::path watch(options_.watch_dir);
    auto reports = LoadReports(file.string(), options_.county);
    std::string problem;
    if (!reports.ok()) {
      problem = std::string(reports.status().message());
    } else {
      for (const auto& report : *reports) {
        if (report.county_code().empty()) {
          problem = Say(msg::kDropNoCounty);
          break;
        }
        validate::ValidationResult checked = validate::ValidateReportContent(report);
        if (!checked.ok()) {
          problem +=
              std::string(validate::ToStatus(checked, Say(i18n::validation::kReportSubject,
                                                          report.school_code(), report.period()))
                              .message()) +
              "\n";
        }
      }
    }
    if (!problem.empty()) {
      fs::path moved = MoveAside(file, watch / "rejected");
      std::ofstream(moved.string() + ".error.txt") << problem << "\n";
      spdlog::error(Say(msg::kNotQueued, file.string(), moved.string(), problem));
      return;
    }
    bool reachable = true;
    const int64_t order = absl::ToUnixMicros(absl::Now());
    for (size_t i = 0; i < reports->size(); ++i) {
      // The same file (name, size, mtime) gives the same ids: a crash between queueing and
      // moving the file aside cannot queue its reports twice.
      const std::string id = hash::Sha256Hex(absl::StrCat("drop|", file.filename().string(), "|",
                                                          size, "|", mtime_ticks, "|", i))
                                 .substr(0, 32);
      auto existing = outbox_.Get(id);
      if (existing.ok() && existing->has_value()) continue;
      auto item = NewOutboxItem(outbox_, reachable ? &connection_ : nullptr, (*reports)[i], id, -1,
                                options_.submitter, file.string(), order + static_cast<int64_t>(i),
                                &reachable);
      absl::Status added = item.ok() ? outbox_.Add(*item) : item.status();
      if (!added.ok() && !absl::IsAlreadyExists(added)) {
        spdlog::error(
            Say(msg::kCannotQueue, (*reports)[i].school_code(), file.string(), added.message()));
        return;
      }
    }
    fs::path moved = MoveAside(file, watch / "processed");
    spdlog::info(Say(msg::kQueued, reports->size(), file.string(), moved.string()));
  }

  AgentOptions options_;
  Outbox outbox_;
  Connection connection_;
  std::mt19937 rng_;
};

}  // namespace

void RunAgent(Outbox outbox, Connection connection, const AgentOptions& options,
              const std::atomic<bool>& stop) {
  Agent(std::move(outbox), std::move(connection), options).Run(stop);
}

}  // namespace junheng::client
