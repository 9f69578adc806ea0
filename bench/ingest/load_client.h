#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/ingest/synthetic_county.h"
#include "common/rpc/channel_security.h"
#include "grpcpp/channel.h"
#include "junheng/v1/services.grpc.pb.h"

namespace junheng::bench {

// The server's CPU seconds so far; unset for a server in this process (the no-op one).
using CpuProbe = std::function<absl::StatusOr<double>()>;

// One closed-loop measurement: `in_flight` calls outstanding at every moment.
struct ClosedLoopResult {
  int in_flight = 0;
  double seconds = 0;  // the measured window
  int64_t acks = 0;    // OK answers completed in the window
  int64_t errors = 0;  // other answers completed in the window
  int64_t duplicates = 0;
  std::string first_error;
  double p50_ms = 0, p99_ms = 0;
  double server_cpu_seconds = -1;  // over the window; negative when not measured

  double AcksPerSecond() const { return seconds > 0 ? static_cast<double>(acks) / seconds : 0; }
  // Server CPU per acknowledged report in microseconds; negative when not measured.
  double CpuMicrosPerAck() const {
    return server_cpu_seconds < 0 || acks == 0 ? -1 : server_cpu_seconds * 1e6 / acks;
  }
};

// One SubmitReports run.
struct BulkResult {
  int64_t reports = 0;  // sent
  int64_t stored = 0;   // answered with code 0 and not a duplicate
  int64_t duplicates = 0;
  int64_t refused = 0;  // answered with another code
  std::string first_refusal;
  double seconds = 0;  // first send to last answer
  double batch_p50_ms = 0, batch_max_ms = 0;

  double ReportsPerSecond() const {
    return seconds > 0 ? static_cast<double>(stored) / seconds : 0;
  }
};

// One interval of an open-loop run, by completion time (offered: by scheduled send time).
struct IntervalResult {
  int index = 0;  // 0-based; the last one, after the offered load stopped, is `drain`
  bool drain = false;
  double start_s = 0, end_s = 0;  // from the start of the run
  int64_t offered = 0, acks = 0, errors = 0;
  int64_t in_flight = 0;  // outstanding at the end of the interval
  std::string first_error;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
};

// The load generator: gRPC's callback client API on one channel, so that neither a thread per
// call nor a completion-queue loop of ours limits how many calls are outstanding. Every call
// carries the bearer token and a deadline.
class LoadClient {
 public:
  LoadClient(std::shared_ptr<grpc::Channel> channel, rpc::ChannelSecurity security,
             absl::Duration deadline);

  // Keeps `in_flight` SubmitReport calls outstanding (each answer sends the next) for `warmup`,
  // then counts the answers completed during `window`, then stops sending and waits for the
  // calls outstanding. `cpu` is sampled at the edges of the window.
  ClosedLoopResult ClosedLoop(ReportSource& source, int in_flight, absl::Duration warmup,
                              absl::Duration window, const CpuProbe& cpu);

  // Sends `reports` submissions through SubmitReports in batches of `batch`, `in_flight` batches
  // outstanding. An error when a call fails as a whole (e.g. UNIMPLEMENTED by an older server).
  absl::StatusOr<BulkResult> Bulk(ReportSource& source, int64_t reports, int batch, int in_flight);

  // Open loop: sends SubmitReport at `rate` per second on a timer for `duration`, whether or not
  // earlier calls have been answered, and calls `report` at the end of every `interval` and once
  // more for the answers that came after the offered load stopped. Latency counts from each
  // call's scheduled send time, so a sender that falls behind is not hidden (coordinated
  // omission).
  void OpenLoop(ReportSource& source, double rate, absl::Duration duration, absl::Duration interval,
                absl::FunctionRef<void(const IntervalResult&)> report);

 private:
  std::unique_ptr<junheng::v1::ReportingService::Stub> stub_;
  rpc::ChannelSecurity security_;
  absl::Duration deadline_;
};

}  // namespace junheng::bench
