#include "bench/ingest/load_client.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "bench/ingest/stats.h"
#include "grpcpp/client_context.h"

namespace junheng::bench {

using junheng::v1::ReportingService;
using junheng::v1::SubmitReportRequest;
using junheng::v1::SubmitReportResponse;
using junheng::v1::SubmitReportsRequest;
using junheng::v1::SubmitReportsResponse;
using SteadyClock = std::chrono::steady_clock;

namespace {

double MillisBetween(SteadyClock::time_point from, SteadyClock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

std::string Describe(const grpc::Status& status) {
  return absl::StrCat("code ", static_cast<int>(status.error_code()), ": ", status.error_message());
}

double CpuNow(const CpuProbe& cpu) {
  if (!cpu) return -1;
  absl::StatusOr<double> seconds = cpu();
  return seconds.ok() ? *seconds : -1;
}

// One unary call and everything gRPC needs to outlive it.
struct UnaryCall {
  grpc::ClientContext context;
  SubmitReportRequest request;
  SubmitReportResponse response;
  SteadyClock::time_point sent;  // when it was sent (open loop: when it was due)
};

// Outstanding calls, and waiting for them to be answered.
class Outstanding {
 public:
  void Add(int64_t n = 1) {
    absl::MutexLock lock(&mu_);
    count_ += n;
  }
  void Done() {
    absl::MutexLock lock(&mu_);
    --count_;
  }
  int64_t count() {
    absl::MutexLock lock(&mu_);
    return count_;
  }
  void AwaitZero() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](int64_t* count) { return *count == 0; }, &count_));
  }

 private:
  absl::Mutex mu_;
  int64_t count_ ABSL_GUARDED_BY(mu_) = 0;
};

// A closed loop in progress: each answer sends the next call until Stop.
class ClosedLoopRun {
 public:
  ClosedLoopRun(ReportingService::Stub* stub, ReportSource* source,
                const rpc::ChannelSecurity* security, absl::Duration deadline)
      : stub_(stub), source_(source), security_(security), deadline_(deadline) {}

  void Launch(int calls) {
    for (int i = 0; i < calls; ++i) Send();
  }
  void Count(bool on) {
    absl::MutexLock lock(&mu_);
    counting_ = on;
  }
  void StopAndDrain() {
    {
      absl::MutexLock lock(&mu_);
      stopping_ = true;
    }
    outstanding_.AwaitZero();
  }
  void Fill(ClosedLoopResult& result) {
    absl::MutexLock lock(&mu_);
    result.acks = acks_;
    result.errors = errors_;
    result.duplicates = duplicates_;
    result.first_error = first_error_;
    result.p50_ms = Percentile(latencies_ms_, 50);
    result.p99_ms = Percentile(latencies_ms_, 99);
  }

 private:
  void Send() {
    outstanding_.Add();
    auto* call = new UnaryCall;
    source_->Next(call->request);
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
    rpc::AddCallCredentials(*security_, call->context);
    call->sent = SteadyClock::now();
    stub_->async()->SubmitReport(&call->context, &call->request, &call->response,
                                 [this, call](grpc::Status status) { Done(call, status); });
  }

  void Done(UnaryCall* call, const grpc::Status& status) {
    const double ms = MillisBetween(call->sent, SteadyClock::now());
    bool again;
    {
      absl::MutexLock lock(&mu_);
      if (counting_) {
        if (status.ok()) {
          ++acks_;
          if (call->response.duplicate()) ++duplicates_;
          latencies_ms_.push_back(ms);
        } else if (errors_++ == 0) {
          first_error_ = Describe(status);
        }
      }
      again = !stopping_;
    }
    delete call;
    // Send before Done, so the count never touches zero while the loop is still running.
    if (again) Send();
    outstanding_.Done();
  }

  ReportingService::Stub* stub_;
  ReportSource* source_;
  const rpc::ChannelSecurity* security_;
  absl::Duration deadline_;
  Outstanding outstanding_;

  absl::Mutex mu_;
  bool counting_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  int64_t acks_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t errors_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t duplicates_ ABSL_GUARDED_BY(mu_) = 0;
  std::string first_error_ ABSL_GUARDED_BY(mu_);
  std::vector<double> latencies_ms_ ABSL_GUARDED_BY(mu_);
};

// Answers of an open loop, bucketed by the interval they completed in.
class OpenLoopRun {
 public:
  OpenLoopRun(ReportingService::Stub* stub, ReportSource* source,
              const rpc::ChannelSecurity* security, absl::Duration deadline,
              SteadyClock::time_point start, absl::Duration duration, absl::Duration interval)
      : stub_(stub),
        source_(source),
        security_(security),
        deadline_(deadline),
        start_(start),
        end_(start + absl::ToChronoNanoseconds(duration)),
        interval_(absl::ToChronoNanoseconds(interval)),
        intervals_(static_cast<int>(absl::Ceil(duration, interval) / interval)),
        buckets_(intervals_ + 1) {}

  int intervals() const { return intervals_; }
  SteadyClock::time_point IntervalEnd(int k) const {
    return k >= intervals_ ? end_ : std::min(end_, start_ + interval_ * (k + 1));
  }

  // The sender: one call at each scheduled time, however many are still outstanding.
  void SendAll(double rate) {
    const auto period = std::chrono::duration<double>(1.0 / rate);
    for (int64_t k = 0;; ++k) {
      const auto due = start_ + std::chrono::duration_cast<SteadyClock::duration>(period * k);
      if (due >= end_) break;
      std::this_thread::sleep_until(due);
      {
        absl::MutexLock lock(&mu_);
        ++buckets_[Index(due)].offered;
      }
      Send(due);
    }
  }

  // Takes interval `k`'s answers; call after it ended.
  IntervalResult Take(int k) {
    IntervalResult result;
    result.index = k;
    result.drain = k == intervals_;
    result.start_s =
        std::chrono::duration<double>(k == intervals_ ? end_ - start_ : interval_ * k).count();
    result.in_flight = outstanding_.count();
    absl::MutexLock lock(&mu_);
    Bucket& b = buckets_[k];
    result.offered = b.offered;
    result.acks = b.acks;
    result.errors = b.errors;
    result.first_error = b.first_error;
    result.p50_ms = Percentile(b.latencies_ms, 50);
    result.p99_ms = Percentile(b.latencies_ms, 99);
    result.max_ms = b.latencies_ms.empty() ? 0 : b.latencies_ms.back();
    b.latencies_ms.clear();
    b.latencies_ms.shrink_to_fit();
    result.end_s =
        std::chrono::duration<double>((result.drain ? SteadyClock::now() : IntervalEnd(k)) - start_)
            .count();
    return result;
  }

  void Drain() { outstanding_.AwaitZero(); }

 private:
  struct Bucket {
    int64_t offered = 0, acks = 0, errors = 0;
    std::string first_error;
    std::vector<double> latencies_ms;
  };

  int Index(SteadyClock::time_point t) const {
    if (t >= end_) return intervals_;
    return std::min<int>(static_cast<int>((t - start_) / interval_), intervals_ - 1);
  }

  void Send(SteadyClock::time_point due) {
    outstanding_.Add();
    auto* call = new UnaryCall;
    source_->Next(call->request);
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
    rpc::AddCallCredentials(*security_, call->context);
    call->sent = due;
    stub_->async()->SubmitReport(&call->context, &call->request, &call->response,
                                 [this, call](grpc::Status status) { Done(call, status); });
  }

  void Done(UnaryCall* call, const grpc::Status& status) {
    {
      // The index is taken under the lock, so an answer never lands in an interval Take has
      // already read: Take runs after the interval's end, and this clock reading is later.
      absl::MutexLock lock(&mu_);
      const auto now = SteadyClock::now();
      Bucket& b = buckets_[Index(now)];
      if (status.ok()) {
        ++b.acks;
        b.latencies_ms.push_back(MillisBetween(call->sent, now));
      } else if (b.errors++ == 0) {
        b.first_error = Describe(status);
      }
    }
    delete call;
    outstanding_.Done();
  }

  ReportingService::Stub* stub_;
  ReportSource* source_;
  const rpc::ChannelSecurity* security_;
  absl::Duration deadline_;
  const SteadyClock::time_point start_, end_;
  const SteadyClock::duration interval_;
  const int intervals_;
  Outstanding outstanding_;

  absl::Mutex mu_;
  std::vector<Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

LoadClient::LoadClient(std::shared_ptr<grpc::Channel> channel, rpc::ChannelSecurity security,
                       absl::Duration deadline)
    : stub_(ReportingService::NewStub(channel)),
      security_(std::move(security)),
      deadline_(deadline) {}

ClosedLoopResult LoadClient::ClosedLoop(ReportSource& source, int in_flight, absl::Duration warmup,
                                        absl::Duration window, const CpuProbe& cpu) {
  ClosedLoopRun run(stub_.get(), &source, &security_, deadline_);
  run.Launch(in_flight);
  absl::SleepFor(warmup);
  const double cpu_before = CpuNow(cpu);
  const auto started = SteadyClock::now();
  run.Count(true);
  absl::SleepFor(window);
  run.Count(false);
  const auto ended = SteadyClock::now();
  const double cpu_after = CpuNow(cpu);
  run.StopAndDrain();

  ClosedLoopResult result;
  result.in_flight = in_flight;
  result.seconds = std::chrono::duration<double>(ended - started).count();
  run.Fill(result);
  if (cpu_before >= 0 && cpu_after >= 0) result.server_cpu_seconds = cpu_after - cpu_before;
  return result;
}

absl::StatusOr<BulkResult> LoadClient::Bulk(ReportSource& source, int64_t reports, int batch,
                                            int in_flight) {
  struct BatchCall {
    grpc::ClientContext context;
    SubmitReportsRequest request;
    SubmitReportsResponse response;
    SteadyClock::time_point sent;
  };
  absl::Mutex mu;
  int64_t unsent = reports;  // guarded by mu
  BulkResult result;         // guarded by mu
  grpc::Status failed;       // guarded by mu
  std::vector<double> batch_ms;
  Outstanding outstanding;

  // Sends the next batch; nothing once every report is sent or a call has failed.
  std::function<void()> send_next = [&] {
    auto* call = new BatchCall;
    {
      absl::MutexLock lock(&mu);
      const int64_t n = std::min<int64_t>(batch, unsent);
      if (n <= 0 || !failed.ok()) {
        delete call;
        return;
      }
      unsent -= n;
      result.reports += n;
      call->request.set_county_code(kCounty);
      for (int64_t i = 0; i < n; ++i) source.Next(*call->request.add_reports());
    }
    outstanding.Add();
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
    rpc::AddCallCredentials(security_, call->context);
    call->sent = SteadyClock::now();
    stub_->async()->SubmitReports(
        &call->context, &call->request, &call->response, [&, call](grpc::Status status) {
          {
            absl::MutexLock lock(&mu);
            batch_ms.push_back(MillisBetween(call->sent, SteadyClock::now()));
            if (!status.ok()) {
              if (failed.ok()) failed = status;
            } else {
              for (const auto& one : call->response.results()) {
                if (one.code() != 0) {
                  if (result.refused++ == 0) {
                    result.first_refusal = absl::StrCat("code ", one.code(), ": ", one.message());
                  }
                } else if (one.response().duplicate()) {
                  ++result.duplicates;
                } else {
                  ++result.stored;
                }
              }
              const int64_t missing = call->request.reports_size() - call->response.results_size();
              if (missing != 0 && result.first_refusal.empty()) {
                result.first_refusal = absl::StrCat(missing, " results missing from a response");
              }
            }
          }
          delete call;
          send_next();
          outstanding.Done();
        });
  };

  const auto started = SteadyClock::now();
  for (int i = 0; i < in_flight; ++i) send_next();
  outstanding.AwaitZero();
  const auto ended = SteadyClock::now();

  absl::MutexLock lock(&mu);
  if (!failed.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(failed.error_code()),
                        absl::StrCat("SubmitReports: ", failed.error_message()));
  }
  result.seconds = std::chrono::duration<double>(ended - started).count();
  result.batch_p50_ms = Percentile(batch_ms, 50);
  result.batch_max_ms = batch_ms.empty() ? 0 : batch_ms.back();
  return result;
}

void LoadClient::OpenLoop(ReportSource& source, double rate, absl::Duration duration,
                          absl::Duration interval,
                          absl::FunctionRef<void(const IntervalResult&)> report) {
  // Start a little ahead, so the first calls are not already late when the sender wakes.
  const auto start = SteadyClock::now() + std::chrono::milliseconds(50);
  OpenLoopRun run(stub_.get(), &source, &security_, deadline_, start, duration, interval);
  std::thread sender([&] { run.SendAll(rate); });
  for (int k = 0; k < run.intervals(); ++k) {
    std::this_thread::sleep_until(run.IntervalEnd(k));
    report(run.Take(k));
  }
  sender.join();
  run.Drain();
  report(run.Take(run.intervals()));
}

}  // namespace junheng::bench
