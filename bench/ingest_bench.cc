// ingest_bench (issue 13): junheng-server's intake against a no-op server implementing the same
// SubmitReport in the same run, the bulk path against RocksDB's synced-batch ceiling on the same
// disk, and an open loop at the deadline surge's rate. See docs/performance.md, "Ingest".
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/cleanup/cleanup.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/ingest/figures.h"
#include "bench/ingest/load_client.h"
#include "bench/ingest/noop_server.h"
#include "bench/ingest/rocksdb_ceiling.h"
#include "bench/ingest/stats.h"
#include "bench/ingest/synthetic_county.h"
#include "client/rpc/connection.h"
#include "common/rpc/channel_security.h"
#include "grpcpp/support/channel_arguments.h"
#include "tests/testing/server_process.h"

#ifndef JUNHENG_SERVER_BIN
#error "JUNHENG_SERVER_BIN must name the junheng-server binary"
#endif

namespace junheng::bench {
namespace {

using testing::ServerProcess;

struct Flags {
  std::string server = JUNHENG_SERVER_BIN;
  std::vector<std::string> server_args;
  std::string work_dir;
  bool keep = false;
  bool quick = false;
  int rounds = 3;
  std::vector<int> in_flight = {1, 16, 64, 256};
  std::string warmup = "1s", measure = "10s", deadline = "30s";
  int64_t schools = 200000;
  int64_t bulk_reports = 10000;
  int bulk_batch = 1000, bulk_in_flight = 4;
  int ceiling_batch = 100;
  std::string ceiling_time = "5s";
  double open_loop_rate = 0;
  std::string duration = "600s", interval = "60s";
};

// The parsed durations of Flags.
struct Durations {
  absl::Duration warmup, measure, deadline, ceiling, open_loop, interval;
};

absl::StatusOr<absl::Duration> ParseFlagDuration(const char* name, const std::string& text) {
  absl::Duration d;
  if (!absl::ParseDuration(text, &d) || d <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " ", text, " is not a positive duration (e.g. 10s, 500ms, 10m)"));
  }
  return d;
}

// The scratch directory: a new one under --work-dir, or else under $TMPDIR (or /tmp); the run
// removes it at the end unless --keep. fsync on tmpfs returns at once, so a tmpfs directory would
// make every figure meaningless.
absl::StatusOr<std::string> MakeWorkDir(const Flags& flags) {
  std::string base = flags.work_dir;
  if (base.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    base = tmp != nullptr ? tmp : "/tmp";
  }
  std::error_code ec;
  std::filesystem::create_directories(base, ec);
  struct statfs fs {};
  constexpr long kTmpfsMagic = 0x01021994;
  if (::statfs(base.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) == kTmpfsMagic) {
    return absl::FailedPreconditionError(absl::StrCat(
        base, " is on tmpfs, where fsync costs nothing; give --work-dir on the real disk"));
  }
  std::string dir = base + "/junheng-ingest-XXXXXX";
  if (::mkdtemp(dir.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create a directory under ", base));
  }
  return dir;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& address,
                                       const rpc::ChannelSecurity& security) {
  grpc::ChannelArguments args;
  // Its own connection, not one shared with the set-up calls' channel.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  auto channel = rpc::MakeChannel(address, security, args);
  return channel.ok() ? *channel : nullptr;
}

// Starts junheng-server on `data_dir` and registers the county.
absl::StatusOr<std::unique_ptr<ServerProcess>> StartJunheng(const Flags& flags,
                                                            const std::string& work_dir,
                                                            const std::string& name) {
  // An interval evaluation of the whole county would start within the scheduler's first 30 s
  // tick and compete with the load; the benchmark measures intake alone.
  std::vector<std::string> args = {"--schedule-interval", "0"};
  args.insert(args.end(), flags.server_args.begin(), flags.server_args.end());
  auto server = std::make_unique<ServerProcess>(flags.server, work_dir + "/" + name,
                                                work_dir + "/" + name + ".log", args);
  if (absl::Status started = server->Start(); !started.ok()) return started;
  client::Connection admin(server->address(), absl::Seconds(120), server->security());
  auto setup = SetUpCounty(admin, flags.schools);
  if (!setup.ok()) return setup.status();
  std::fprintf(stderr, "junheng-server pid %d on %s: %s schools registered in %.1f s (%d calls)\n",
               server->pid(), server->address().c_str(),
               Thousands(static_cast<double>(flags.schools)).c_str(),
               absl::ToDoubleSeconds(setup->register_time), setup->calls);
  return server;
}

// The machine's load average, printed at the start and the end: the cores are shared, and a
// compiler running beside the benchmark moves every figure.
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return absl::StrCat(one, " ", five, " ", fifteen);
}

void PrintHeader(const Flags& flags, const std::string& work_dir) {
  struct stat st {};
  std::string built = "missing";
  if (::stat(flags.server.c_str(), &st) == 0) {
    built =
        absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromTimeT(st.st_mtime), absl::LocalTimeZone());
  }
  std::printf("ingest_bench: %s (built %s)\n", flags.server.c_str(), built.c_str());
  std::printf(
      "work dir %s; %ld cores, load average %s; %s schools; a stored report version is %zu "
      "bytes\n",
      work_dir.c_str(), ::sysconf(_SC_NPROCESSORS_ONLN), LoadAverage().c_str(),
      Thousands(static_cast<double>(flags.schools)).c_str(), SampleStoredVersion().ByteSizeLong());
  std::fflush(stdout);
}

// Open loop against junheng-server: one line per interval, then the targets.
void RunOpenLoop(const Flags& flags, const Durations& d, ServerProcess& server,
                 ReportSource& source) {
  LoadClient client(Channel(server.address(), server.security()), server.security(), d.deadline);
  std::printf("\nopen loop: %.0f SubmitReport/s for %s, by %s (latency from the scheduled send)\n",
              flags.open_loop_rate, absl::FormatDuration(d.open_loop).c_str(),
              absl::FormatDuration(d.interval).c_str());
  PrintIntervalHeader();
  std::vector<double> p99;
  std::vector<int64_t> rss;
  int64_t offered = 0, acks = 0, errors = 0;
  double cpu_before = server.CpuSeconds().value_or(-1);
  client.OpenLoop(source, flags.open_loop_rate, d.open_loop, d.interval,
                  [&](const IntervalResult& interval) {
                    const int64_t rss_now = server.RssBytes().value_or(0);
                    const double cpu_now = server.CpuSeconds().value_or(-1);
                    const double cpu_us = cpu_before >= 0 && cpu_now >= 0 && interval.acks > 0
                                              ? (cpu_now - cpu_before) * 1e6 / interval.acks
                                              : -1;
                    cpu_before = cpu_now;
                    PrintInterval(interval, rss_now, cpu_us);
                    offered += interval.offered;
                    acks += interval.acks;
                    errors += interval.errors;
                    if (!interval.drain) {
                      p99.push_back(interval.p99_ms);
                      rss.push_back(rss_now);
                    }
                  });
  PrintOpenLoopTargets(p99, rss, offered, acks, errors);
}

// The table, the bulk path and the ceiling, on one junheng-server and the no-op server.
absl::Status RunTable(const Flags& flags, const Durations& d, ServerProcess& server,
                      ReportSource& source, const std::string& work_dir) {
  auto noop = NoopServer::Start();
  if (!noop.ok()) return noop.status();
  // The no-op server gets the same token and the same reports, so the client's work is the same.
  LoadClient junheng(Channel(server.address(), server.security()), server.security(), d.deadline);
  LoadClient baseline(Channel((*noop)->address(), server.security()), server.security(),
                      d.deadline);
  ReportSource noop_source(flags.schools, "noop");
  const CpuProbe cpu = [&server] { return server.CpuSeconds(); };

  // runs[level][round], junheng and no-op alternating so that a slow minute hits both.
  std::vector<std::vector<ClosedLoopResult>> ours(flags.in_flight.size()),
      theirs(flags.in_flight.size());
  for (int round = 1; round <= flags.rounds; ++round) {
    for (size_t level = 0; level < flags.in_flight.size(); ++level) {
      const int n = flags.in_flight[level];
      ours[level].push_back(junheng.ClosedLoop(source, n, d.warmup, d.measure, cpu));
      std::fprintf(stderr, "%s\n", DescribeRun("junheng", round, ours[level].back()).c_str());
      theirs[level].push_back(baseline.ClosedLoop(noop_source, n, d.warmup, d.measure, nullptr));
      std::fprintf(stderr, "%s\n", DescribeRun("no-op", round, theirs[level].back()).c_str());
    }
  }

  BulkFigures bulk;
  bulk.reports = flags.bulk_reports;
  std::vector<double> ours_bulk, theirs_bulk, ceiling;
  for (int round = 1; round <= flags.rounds; ++round) {
    if (bulk.junheng_unavailable.empty()) {
      auto run = junheng.Bulk(source, flags.bulk_reports, flags.bulk_batch, flags.bulk_in_flight);
      if (!run.ok()) {
        bulk.junheng_unavailable = run.status().ToString();
      } else {
        ours_bulk.push_back(run->ReportsPerSecond());
        bulk.refused += run->refused;
        bulk.duplicates += run->duplicates;
        if (bulk.first_refusal.empty()) bulk.first_refusal = run->first_refusal;
        std::fprintf(stderr,
                     "round %d  bulk  junheng %s reports/s (%.2f s; batch p50 %s, max %s)\n", round,
                     Thousands(run->ReportsPerSecond()).c_str(), run->seconds,
                     Millis(run->batch_p50_ms).c_str(), Millis(run->batch_max_ms).c_str());
      }
    }
    auto noop_run =
        baseline.Bulk(noop_source, flags.bulk_reports, flags.bulk_batch, flags.bulk_in_flight);
    if (noop_run.ok()) theirs_bulk.push_back(noop_run->ReportsPerSecond());
    // The ceiling after the bulk run, in the same round: the same minute of the same disk.
    auto synced =
        MeasureSyncedBatches(work_dir + "/ceiling", SampleStoredVersion().SerializeAsString(),
                             flags.ceiling_batch, d.ceiling);
    if (!synced.ok()) return synced.status();
    ceiling.push_back(synced->KeysPerSecond());
    bulk.ceiling_batch = synced->batch;
    bulk.value_bytes = synced->value_bytes;
    std::fprintf(stderr, "round %d  ceiling %s keys/s (%lld keys in %.1f s)\n", round,
                 Thousands(synced->KeysPerSecond()).c_str(), static_cast<long long>(synced->keys),
                 synced->seconds);
  }
  auto single = MeasureSyncedBatches(work_dir + "/ceiling",
                                     SampleStoredVersion().SerializeAsString(), 1, d.ceiling);
  if (!single.ok()) return single.status();
  bulk.ceiling_batch1_keys_per_s = single->KeysPerSecond();
  if (!ours_bulk.empty()) bulk.junheng_reports_per_s = Median(ours_bulk);
  if (!theirs_bulk.empty()) bulk.noop_reports_per_s = Median(theirs_bulk);
  bulk.ceiling_keys_per_s = Median(ceiling);

  std::vector<UnaryRow> rows;
  for (size_t level = 0; level < flags.in_flight.size(); ++level) {
    rows.push_back(Summarize(ours[level], theirs[level]));
  }
  std::printf(
      "\nunary SubmitReport, closed loop: medians of %d round(s) of %s (after %s warm-up)\n",
      flags.rounds, absl::FormatDuration(d.measure).c_str(),
      absl::FormatDuration(d.warmup).c_str());
  PrintUnaryTable(rows);
  PrintBulk(bulk, flags.bulk_batch, flags.bulk_in_flight);
  PrintUnaryTargets(rows, bulk);
  std::fflush(stdout);
  return absl::OkStatus();
}

absl::Status Run(Flags flags, const CLI::App& app) {
  // --quick: the whole program in under a minute, for a smoke run; flags given explicitly win.
  auto quick = [&](const char* name, auto& value, auto quick_value) {
    if (flags.quick && app.count(name) == 0) value = quick_value;
  };
  quick("--rounds", flags.rounds, 1);
  quick("--warmup", flags.warmup, std::string("500ms"));
  quick("--measure", flags.measure, std::string("2s"));
  quick("--schools", flags.schools, int64_t{20000});
  quick("--bulk-reports", flags.bulk_reports, int64_t{2000});
  quick("--ceiling-time", flags.ceiling_time, std::string("1s"));
  quick("--duration", flags.duration, std::string("15s"));
  quick("--interval", flags.interval, std::string("5s"));
  quick("--open-loop-rate", flags.open_loop_rate, 330.0);

  Durations d;
  const std::pair<const char*, std::pair<const std::string*, absl::Duration*>> parse[] = {
      {"--warmup", {&flags.warmup, &d.warmup}},
      {"--measure", {&flags.measure, &d.measure}},
      {"--deadline", {&flags.deadline, &d.deadline}},
      {"--ceiling-time", {&flags.ceiling_time, &d.ceiling}},
      {"--duration", {&flags.duration, &d.open_loop}},
      {"--interval", {&flags.interval, &d.interval}}};
  for (const auto& [name, target] : parse) {
    auto parsed = ParseFlagDuration(name, *target.first);
    if (!parsed.ok()) return parsed.status();
    *target.second = *parsed;
  }
  // Every report in flight at once must be of a different school (see ReportSource).
  const int64_t at_once =
      std::max<int64_t>(*std::max_element(flags.in_flight.begin(), flags.in_flight.end()),
                        static_cast<int64_t>(flags.bulk_batch) * flags.bulk_in_flight);
  if (flags.schools < 2 * at_once) {
    return absl::InvalidArgumentError(
        absl::StrCat("--schools must be at least ", 2 * at_once, " for this load"));
  }

  auto work_dir = MakeWorkDir(flags);
  if (!work_dir.ok()) return work_dir.status();
  absl::Cleanup remove_work_dir = [&] {
    std::printf("\nload average at the end: %s\n", LoadAverage().c_str());
    if (flags.keep) {
      std::printf("kept %s\n", work_dir->c_str());
    } else {
      std::error_code ec;
      std::filesystem::remove_all(*work_dir, ec);
    }
  };
  PrintHeader(flags, *work_dir);
  // Run a copy: a rebuild of the tree during a long run would otherwise swap the binary under a
  // restart, or leave none to start.
  {
    const std::string copy = *work_dir + "/junheng-server";
    std::error_code ec;
    std::filesystem::copy_file(flags.server, copy,
                               std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot copy ", flags.server, ": ", ec.message()));
    }
    flags.server = copy;
  }
  absl::Status status;
  {
    auto server = StartJunheng(flags, *work_dir, "junheng-data");
    if (!server.ok()) {
      flags.keep = true;  // for the server's log, which the error names
      return server.status();
    }
    ReportSource source(flags.schools, "junheng");
    // The open-loop mode runs alone on a fresh server, so its RSS starts from a clean start;
    // --quick runs it after the table on the same server, to finish within a minute.
    const bool open_loop_only = !flags.quick && flags.open_loop_rate > 0;
    if (!open_loop_only) status = RunTable(flags, d, **server, source, *work_dir);
    if (status.ok() && flags.open_loop_rate > 0) RunOpenLoop(flags, d, **server, source);
    (*server)->Stop();
  }
  return status;
}

}  // namespace
}  // namespace junheng::bench

int main(int argc, char** argv) {
  using junheng::bench::Flags;
  Flags flags;
  CLI::App app{
      "ingest_bench: junheng-server's SubmitReport against a no-op server in the same run, the "
      "SubmitReports bulk path against RocksDB's synced-batch ceiling, and an open loop "
      "(docs/performance.md)"};
  app.add_option("--server", flags.server, "junheng-server binary")->capture_default_str();
  app.add_option("--server-arg", flags.server_args,
                 "an extra argument for junheng-server (repeat for more)");
  app.add_option("--work-dir", flags.work_dir,
                 "where to make the scratch directory, on the disk to measure (default: $TMPDIR "
                 "or /tmp)");
  app.add_flag("--keep", flags.keep, "keep the scratch directory (data dirs and server logs)");
  app.add_flag("--quick", flags.quick,
               "a smoke run in under a minute: 1 round of 2 s, 20,000 schools, 2,000 bulk "
               "reports, a 15 s open loop at 330/s");
  app.add_option("--rounds", flags.rounds, "alternating junheng/no-op rounds (medians)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--in-flight", flags.in_flight, "calls outstanding, one table row each")
      ->delimiter(',')
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--warmup", flags.warmup, "load before each measurement")->capture_default_str();
  app.add_option("--measure", flags.measure, "each measurement")->capture_default_str();
  app.add_option("--deadline", flags.deadline, "deadline of every call")->capture_default_str();
  app.add_option("--schools", flags.schools, "synthetic schools in the registry")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--bulk-reports", flags.bulk_reports, "reports per bulk run")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--bulk-batch", flags.bulk_batch, "reports per SubmitReports call (at most 1000)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--bulk-in-flight", flags.bulk_in_flight, "SubmitReports calls outstanding")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--ceiling-batch", flags.ceiling_batch, "values per synced WriteBatch")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--ceiling-time", flags.ceiling_time, "each ceiling measurement")
      ->capture_default_str();
  app.add_option("--open-loop-rate", flags.open_loop_rate,
                 "open-loop mode: SubmitReport calls per second offered to junheng-server alone "
                 "(330: 200,000 schools in ten minutes)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--duration", flags.duration, "open loop: how long")->capture_default_str();
  app.add_option("--interval", flags.interval, "open loop: one line per interval")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const absl::Status status = junheng::bench::Run(flags, app);
  if (!status.ok()) {
    std::cerr << "ingest_bench: " << status << "\n";
    return 1;
  }
  return 0;
}
