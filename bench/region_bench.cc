// region_bench (issue 15 item 5): the national evaluation through the product. junheng-server, the
// binary of this build tree, holds the 200,100 schools of eval_bench's national dataset in 2,900
// counties (bench/national_dataset.h) and answers one RegionService.EvaluateRegion for the nation
// (region 00), every page of it, over loopback; the same process times SQLite computing the same
// coefficients from the same reports (bench/sqlite_baseline.h) in the same rounds. Figures and how
// to rerun them: docs/performance.md, "The national evaluation through the product".
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
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
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/ingest/figures.h"
#include "bench/ingest/stats.h"
#include "bench/national_dataset.h"
#include "bench/region/national_store.h"
#include "bench/sqlite_baseline.h"
#include "client/rpc/connection.h"
#include "common/eval/batch_evaluator.h"
#include "common/rpc/channel_security.h"
#include "junheng/v1/evaluation_service.grpc.pb.h"
#include "junheng/v1/region.grpc.pb.h"
#include "server/storage/store.h"
#include "tests/testing/server_process.h"

extern char** environ;

#ifndef JUNHENG_SERVER_BIN
#error "JUNHENG_SERVER_BIN must name the junheng-server binary"
#endif
#ifndef JUNHENG_REGION_BENCH_CACHE
#error "JUNHENG_REGION_BENCH_CACHE must name the directory that keeps loaded data dirs"
#endif

namespace junheng::bench {
namespace {

using junheng::v1::CountyEvaluationRow;
using junheng::v1::EvaluateRegionRequest;
using junheng::v1::EvaluateRegionResponse;

// Part of the cached data dir's name: bump it when the dataset, the synthetic codes or the way
// the data dir is loaded change, so that a rerun loads afresh instead of reusing an old one.
constexpr int kDatasetVersion = 2;
// The nation (auth::kNationCode), and the profile the dataset is generated against.
constexpr char kNation[] = "00";
constexpr char kProfile[] = "national-2017";

struct Flags {
  std::string server = JUNHENG_SERVER_BIN;
  std::vector<std::string> server_args;
  std::string cache_dir = JUNHENG_REGION_BENCH_CACHE;
  bool quick = false;
  bool fresh = false;
  bool keep = false;
  int counties = kNationalCounties;
  int runs = 5;
  int page_size = 10000;
  int verify = 5;
  std::string perf;
};

// Seconds of CPU of this thread, and of this whole process (the client's gRPC threads included).
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}
double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}
double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// "123 ms" below a second, else "1.23 s".
std::string Secs(double s) {
  return s < 1 ? absl::StrFormat("%.0f ms", 1000 * s) : absl::StrFormat("%.2f s", s);
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return absl::StrCat(one, " ", five, " ", fifteen);
}

// The compilers running on the machine now (their /proc/<pid>/comm is cc1plus or cc1): a build
// beside the benchmark moves every figure, so each round says so.
int CompilersRunning() {
  int n = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    std::ifstream comm(entry.path() / "comm");
    std::string name;
    if (comm >> name && (name == "cc1plus" || name == "cc1")) ++n;
  }
  return n;
}

// Runs `command` (a shell line; stderr goes to `log`) and returns its first line of output, or an
// error naming the log when it fails.
absl::StatusOr<std::string> RunTool(const std::string& command, const std::string& log) {
  const std::string line = absl::StrCat(command, " 2>>'", log, "'");
  FILE* pipe = ::popen(line.c_str(), "r");
  if (pipe == nullptr) return absl::InternalError(absl::StrCat("cannot run ", command));
  std::string output;
  char buffer[1024];
  while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr) output += buffer;
  std::string first = output.substr(0, output.find('\n'));
  const int status = ::pclose(pipe);
  while (!first.empty() && first.back() == '\r') first.pop_back();
  if (status != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("`", command, "` failed (status ", status, "); see ", log));
  }
  return first;
}

// One national EvaluateRegion, every page.
struct NationalCall {
  double wall_s = 0;         // client-side, first request to last answer
  double eval_cpu_s = 0;     // Σ evaluation_cpu_micros
  double read_s = 0;         // Σ read_micros
  double server_cpu_s = -1;  // junheng-server's utime + stime over the call (/proc)
  double client_cpu_s = 0;   // this process's CPU over the call
  int64_t bytes = 0;         // Σ serialized size of the pages
  int pages = 0;
  std::vector<EvaluateRegionResponse> responses;
};

absl::StatusOr<NationalCall> CallNational(client::Connection& connection,
                                          testing::ServerProcess& server, const Flags& flags) {
  NationalCall call;
  EvaluateRegionRequest request;
  request.set_region_code(kNation);
  request.set_period(kNationalPeriod);
  request.set_profile(kProfile);
  request.set_page_size(flags.page_size);
  const double server_cpu = server.CpuSeconds().value_or(-1);
  const double client_cpu = ProcessCpuSeconds();
  const double start = WallSeconds();
  do {
    auto page = connection.Call(&v1::RegionService::Stub::EvaluateRegion, request);
    if (!page.ok()) return page.status();
    call.eval_cpu_s += 1e-6 * static_cast<double>(page->evaluation_cpu_micros());
    call.read_s += 1e-6 * static_cast<double>(page->read_micros());
    request.set_page_token(page->next_page_token());
    call.responses.push_back(*std::move(page));
    ++call.pages;
  } while (!request.page_token().empty());
  call.wall_s = WallSeconds() - start;
  call.client_cpu_s = ProcessCpuSeconds() - client_cpu;
  const double server_cpu_after = server.CpuSeconds().value_or(-1);
  if (server_cpu >= 0 && server_cpu_after >= 0) call.server_cpu_s = server_cpu_after - server_cpu;
  for (const auto& page : call.responses) call.bytes += static_cast<int64_t>(page.ByteSizeLong());
  return call;
}

// SQLite from the reports, one pass: CPU seconds of this thread, as eval_bench's
// sqlite_reports_ms.
double TimeSqlite(SqliteReports& sqlite) {
  const double cpu = ThreadCpuSeconds();
  volatile double checksum = sqlite.Coefficients();
  (void)checksum;
  return ThreadCpuSeconds() - cpu;
}

// The engine alone, in this process, over the same inputs (the dataset in memory, not read from a
// store): a BatchEvaluator county after county, as eval_bench's BM_EvaluateAllCountiesBatch. CPU
// seconds of this thread.
double TimeEngineAlone(const NationalDataset& d) {
  eval::BatchEvaluator evaluator;
  const double cpu = ThreadCpuSeconds();
  size_t failing = 0;
  for (const eval::EvaluationInput& in : d.counties) {
    auto evaluation = evaluator.Evaluate(in, d.profile);
    if (evaluation.ok()) failing += !(*evaluation)->verdict().pass();
  }
  const double spent = ThreadCpuSeconds() - cpu;
  volatile size_t keep = failing;
  (void)keep;
  return spent;
}

// One round: the national call, then in this process the engine alone over the same inputs and
// SQLite's pass over the same reports, so that the three meet the same load.
struct Round {
  NationalCall call;
  double engine_cpu_s = 0;
  double sqlite_cpu_s = 0;
  int compilers = 0;  // compilers running when the round started
};

double EvalCpu(const Round& r) { return r.call.eval_cpu_s; }
double Wall(const Round& r) { return r.call.wall_s; }

std::vector<double> Values(const std::vector<Round>& rounds, double (*of)(const Round&)) {
  std::vector<double> values;
  for (const Round& r : rounds) values.push_back(of(r));
  return values;
}
double Min(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

// The rounds as a markdown table, with the median and the minimum of each column.
void PrintRounds(const std::vector<Round>& rounds) {
  struct Column {
    const char* name;
    double (*of)(const Round&);
    enum { kSeconds, kCount, kRatio } kind;
  };
  const Column columns[] = {
      {"eval CPU (Σ evaluation_cpu_micros)", EvalCpu, Column::kSeconds},
      {"read (Σ read_micros)", [](const Round& r) { return r.call.read_s; }, Column::kSeconds},
      {"server CPU, all threads", [](const Round& r) { return r.call.server_cpu_s; },
       Column::kSeconds},
      {"wall, all pages", Wall, Column::kSeconds},
      {"client CPU", [](const Round& r) { return r.call.client_cpu_s; }, Column::kSeconds},
      {"pages", [](const Round& r) { return static_cast<double>(r.call.pages); }, Column::kCount},
      {"response bytes", [](const Round& r) { return static_cast<double>(r.call.bytes); },
       Column::kCount},
      {"engine alone, same inputs (CPU)", [](const Round& r) { return r.engine_cpu_s; },
       Column::kSeconds},
      {"SQLite from reports (CPU)", [](const Round& r) { return r.sqlite_cpu_s; },
       Column::kSeconds},
      {"SQLite / eval CPU", [](const Round& r) { return r.sqlite_cpu_s / r.call.eval_cpu_s; },
       Column::kRatio},
      {"eval CPU / engine alone", [](const Round& r) { return r.call.eval_cpu_s / r.engine_cpu_s; },
       Column::kRatio},
  };
  auto cell = [](const Column& c, double v) {
    switch (c.kind) {
      case Column::kSeconds:
        return Secs(v);
      case Column::kCount:
        return Thousands(v);
      case Column::kRatio:
        return absl::StrFormat("%.2fx", v);
    }
    return std::string();
  };
  std::string header = "| run |", rule = "|---|";
  for (const Column& c : columns) {
    absl::StrAppend(&header, " ", c.name, " |");
    absl::StrAppend(&rule, "---|");
  }
  std::printf("%s\n%s\n", header.c_str(), rule.c_str());
  for (size_t i = 0; i < rounds.size(); ++i) {
    std::string line = absl::StrCat("| ", i + 1, i == 0 ? " (first after start)" : "", " |");
    for (const Column& c : columns) absl::StrAppend(&line, " ", cell(c, c.of(rounds[i])), " |");
    if (rounds[i].compilers > 0) {
      absl::StrAppend(&line, " (", rounds[i].compilers, " compilers running)");
    }
    std::printf("%s\n", line.c_str());
  }
  for (const char* row : {"median", "min"}) {
    std::string line = absl::StrCat("| ", row, " |");
    for (const Column& c : columns) {
      const std::vector<double> values = Values(rounds, c.of);
      absl::StrAppend(&line, " ", cell(c, row[1] == 'e' ? Median(values) : Min(values)), " |");
    }
    std::printf("%s\n", line.c_str());
  }
  std::printf("\n");
  std::fflush(stdout);
}

// `perf record` of junheng-server during the rounds (--perf): call graphs (DWARF) at 499 Hz.
// The rounds it records are slowed by it; take figures from a run without it.
class PerfRecord {
 public:
  ~PerfRecord() { Stop(); }
  absl::Status Start(pid_t server, const std::string& out, const std::string& log) {
    auto spawned = testing::SpawnLogged({"perf", "record", "-F", "499", "--call-graph",
                                         "dwarf,32768", "-p", absl::StrCat(server), "-o", out},
                                        log);
    if (!spawned.ok()) return spawned.status();
    pid_ = *spawned;
    std::this_thread::sleep_for(std::chrono::seconds(1));  // perf attaches
    return absl::OkStatus();
  }
  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGINT);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

// Every coefficient of a row as SqliteReports lists them: each level (primary, junior), L1..L7, an
// undefined one as 0.
void AppendCoefficients(const CountyEvaluationRow& row, std::vector<double>& out) {
  for (const auto& level : row.figures().levels()) {
    for (const auto& indicator : level.indicators()) out.push_back(indicator.cv());
  }
}

// Checks (outside any timing) that the last call gave every county, each evaluated, that its
// coefficients are SQLite's, and that the rows of `flags.verify` counties spread over the range
// are exactly what the county's own EvaluationService.Evaluate gives: same input hash, verdict and
// every coefficient. Any mismatch is an error naming the county and the field.
absl::Status Verify(const NationalCall& call, const NationalDataset& d, SqliteReports& sqlite,
                    client::Connection& connection, const Flags& flags) {
  std::vector<const CountyEvaluationRow*> rows;
  for (const auto& page : call.responses) {
    for (const auto& row : page.counties()) rows.push_back(&row);
  }
  if (rows.size() != d.counties.size()) {
    return absl::DataLossError(absl::StrCat("EvaluateRegion listed ", rows.size(),
                                            " counties; the store holds ", d.counties.size()));
  }
  std::vector<double> ours;
  for (size_t i = 0; i < rows.size(); ++i) {
    const CountyEvaluationRow& row = *rows[i];
    if (row.county_code() != d.counties[i].county_code || !row.evaluated() ||
        !row.error().empty() || row.figures().schools_reported() != kSchoolsPerCounty) {
      return absl::DataLossError(absl::StrCat(
          "row ", i, " is county ", row.county_code(), " (expected ", d.counties[i].county_code,
          "), evaluated ", row.evaluated(), ", ", row.figures().schools_reported(),
          " schools reported, error '", row.error(), "'"));
    }
    AppendCoefficients(row, ours);
  }
  std::vector<double> theirs;
  sqlite.Coefficients(&theirs);
  if (ours.size() != theirs.size()) {
    return absl::DataLossError(
        absl::StrCat("EvaluateRegion gave ", ours.size(), " coefficients, SQLite ", theirs.size()));
  }
  double worst = 0;
  for (size_t i = 0; i < ours.size(); ++i) worst = std::max(worst, std::fabs(ours[i] - theirs[i]));
  if (worst > 1e-9) {
    return absl::DataLossError(
        absl::StrCat("EvaluateRegion and SQLite differ by up to ", worst, " in a coefficient"));
  }
  std::printf(
      "verified: %s rows, every county evaluated; %s coefficients equal SQLite's (largest "
      "difference %.1e)\n",
      Thousands(static_cast<double>(rows.size())).c_str(),
      Thousands(static_cast<double>(ours.size())).c_str(), worst);

  const int checks = std::min<int>(flags.verify, static_cast<int>(rows.size()));
  std::vector<std::string> checked;
  for (int k = 0; k < checks; ++k) {
    const size_t i = checks == 1 ? 0 : (rows.size() - 1) * k / (checks - 1);
    const CountyEvaluationRow& row = *rows[i];
    v1::EvaluateRequest request;
    request.set_county_code(row.county_code());
    request.set_period(kNationalPeriod);
    request.set_profile(kProfile);
    auto own = connection.Call(&v1::EvaluationService::Stub::Evaluate, request);
    if (!own.ok()) {
      return absl::Status(own.status().code(), absl::StrCat("Evaluate of ", row.county_code(), ": ",
                                                            own.status().message()));
    }
    auto mismatch = [&](absl::string_view what, const std::string& region,
                        const std::string& county) {
      return absl::DataLossError(absl::StrCat("county ", row.county_code(), ": EvaluateRegion's ",
                                              what, " is ", region, ", its own Evaluate's ",
                                              county));
    };
    if (row.input_hash() != own->input_hash()) {
      return mismatch("input_hash", row.input_hash(), own->input_hash());
    }
    if (row.verdict() != own->verdict().status()) {
      return mismatch("verdict", row.verdict(), own->verdict().status());
    }
    std::vector<double> from_region, from_own;
    AppendCoefficients(row, from_region);
    for (const auto& level : own->levels()) {
      for (const auto& indicator : level.indicators()) {
        from_own.push_back(indicator.cv().has_number_value() ? indicator.cv().number_value() : 0);
      }
    }
    if (from_region != from_own) {  // bit for bit: the same function on the same input
      return mismatch("coefficients", absl::StrJoin(from_region, " "),
                      absl::StrJoin(from_own, " "));
    }
    checked.push_back(row.county_code());
  }
  std::printf(
      "verified: the rows of %s equal each county's own Evaluate (input_hash, verdict, "
      "%d coefficients each)\n",
      absl::StrJoin(checked, ", ").c_str(),
      checked.empty() ? 0 : static_cast<int>(ours.size() / rows.size()));
  return absl::OkStatus();
}

// The data dir holding the dataset, loaded and compacted: reused from the cache when a complete
// one of this dataset version is there (its marker file holds the load's figures), else loaded.
absl::StatusOr<std::string> PrepareDataDir(const Flags& flags, const NationalDataset& d,
                                           const std::string& log) {
  const std::string name = absl::StrCat("v", kDatasetVersion, "-schema",
                                        storage::Store::kSchemaVersion, "-", flags.counties);
  const std::string dir = flags.cache_dir + "/" + name;
  const std::string marker = dir + ".loaded";
  std::error_code ec;
  if (!flags.fresh && std::filesystem::exists(marker, ec)) {
    std::ifstream in(marker);
    std::string figures((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::printf("set-up: reusing %s (loaded earlier: %s)\n", dir.c_str(), figures.c_str());
    return dir;
  }
  std::filesystem::remove(marker, ec);
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(flags.cache_dir, ec);
  std::printf("set-up: loading %s (not timed) ...\n", dir.c_str());
  std::fflush(stdout);
  auto load = LoadNationalStore(d, dir);
  if (!load.ok()) return load.status();

  const double regions_start = WallSeconds();
  const std::string regions = dir + ".regions.csv";
  if (absl::Status written = WriteSyntheticRegions(regions, flags.counties); !written.ok()) {
    return written;
  }
  auto imported = RunTool(
      absl::StrCat("'", flags.server, "' regions import '", regions, "' --data-dir '", dir, "'"),
      log);
  if (!imported.ok()) return imported.status();
  const double regions_s = WallSeconds() - regions_start;

  const double compact_start = WallSeconds();
  if (absl::Status compacted = CompactDataDir(dir); !compacted.ok()) return compacted;
  const double compact_s = WallSeconds() - compact_start;

  const std::string figures = absl::StrFormat(
      "%s reports stored in %.1f s: registry %.1f s, facts %.1f s, reports %.1f s; %s "
      "(%.1f s); compaction %.1f s",
      Thousands(static_cast<double>(load->reports_stored)), absl::ToDoubleSeconds(load->total),
      absl::ToDoubleSeconds(load->registry), absl::ToDoubleSeconds(load->facts),
      absl::ToDoubleSeconds(load->reports), *imported, regions_s, compact_s);
  std::printf("set-up: %s\n", figures.c_str());
  std::ofstream(marker) << figures;
  return dir;
}

void PrintHeader(const Flags& flags) {
  struct stat st {};
  std::string built = "missing";
  if (::stat(flags.server.c_str(), &st) == 0) {
    built =
        absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromTimeT(st.st_mtime), absl::LocalTimeZone());
  }
  std::printf("region_bench: %s (built %s)\n", flags.server.c_str(), built.c_str());
  std::printf(
      "%ld cores, load average %s; %s counties x %d schools (calibrated mix), %d runs, "
      "page_size %d\n",
      ::sysconf(_SC_NPROCESSORS_ONLN), LoadAverage().c_str(), Thousands(flags.counties).c_str(),
      kSchoolsPerCounty, flags.runs, flags.page_size);
  std::fflush(stdout);
}

absl::Status Run(Flags flags) {
  if (flags.quick) {
    flags.counties = std::min(flags.counties, 200);
    flags.runs = std::min(flags.runs, 3);
  }
  PrintHeader(flags);
  double t = WallSeconds();
  int adjusted = 0;
  const NationalDataset d = MakeStorableNationalDataset(flags.counties, &adjusted);
  std::printf(
      "dataset: %s schools generated in %.1f s; %s teaching points' largest class set to their "
      "pupils (see MakeStorableNationalDataset)\n",
      Thousands(static_cast<double>(d.schools)).c_str(), WallSeconds() - t,
      Thousands(adjusted).c_str());

  // The run's scratch directory (the server's log and a copy of its binary) beside the cache.
  std::error_code ec;
  std::filesystem::create_directories(flags.cache_dir, ec);
  std::string scratch = flags.cache_dir + "/run-XXXXXX";
  if (::mkdtemp(scratch.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create a directory under ", flags.cache_dir));
  }
  const std::string log = scratch + "/junheng-server.log";
  absl::Cleanup remove_scratch = [&] {
    std::printf("load average at the end: %s\n", LoadAverage().c_str());
    if (flags.keep) {
      std::printf("kept %s\n", scratch.c_str());
    } else {
      std::filesystem::remove_all(scratch, ec);
    }
  };
  // Run a copy: a rebuild of the tree during the run would otherwise swap the binary.
  const std::string binary = scratch + "/junheng-server";
  std::filesystem::copy_file(flags.server, binary, ec);
  if (ec) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot copy ", flags.server, ": ", ec.message()));
  }
  flags.server = binary;

  t = WallSeconds();
  auto data_dir = PrepareDataDir(flags, d, log);
  if (!data_dir.ok()) {
    flags.keep = true;
    return data_dir.status();
  }
  std::printf("set-up took %.1f s\n", WallSeconds() - t);

  // A national region_viewer, issued offline like an operator would; ServerProcess also issues
  // its own bureau_admin token (for its readiness probe).
  auto token =
      RunTool(absl::StrCat("'", binary, "' token issue --data-dir '", *data_dir,
                           "' --role region_viewer --county ", kNation, " --label region_bench"),
              log);
  if (!token.ok()) return token.status();
  // No interval evaluation of every county competes with the call measured.
  std::vector<std::string> server_args = {"--schedule-interval", "0"};
  server_args.insert(server_args.end(), flags.server_args.begin(), flags.server_args.end());
  testing::ServerProcess server(binary, *data_dir, log, server_args);
  if (absl::Status started = server.Start(); !started.ok()) {
    flags.keep = true;
    return started;
  }
  // Plain text over loopback (--insecure-plaintext): the figure is the server's, not TLS's.
  rpc::ChannelSecurity security = rpc::ChannelSecurity::PlaintextForTests();
  security.token = *token;
  client::Connection connection(server.address(), absl::Seconds(120), security);
  {  // the channel's connection and the token's first check, untimed
    v1::ListRegionsRequest warm;
    warm.set_region_code("11");
    auto listed = connection.Call(&v1::RegionService::Stub::ListRegions, warm);
    if (!listed.ok()) return listed.status();
  }
  std::printf("junheng-server pid %d on %s (plain text on loopback), log %s\n", server.pid(),
              server.address().c_str(), log.c_str());

  t = WallSeconds();
  SqliteReports sqlite(d);
  std::printf("SQLite loaded with the same reports in %.1f s (not timed)\n\n", WallSeconds() - t);

  PerfRecord perf;
  if (!flags.perf.empty()) {
    if (absl::Status recording = perf.Start(server.pid(), flags.perf, log); !recording.ok()) {
      return recording;
    }
  }
  std::vector<Round> rounds;
  for (int run = 1; run <= flags.runs; ++run) {
    Round round;
    round.compilers = CompilersRunning();
    auto call = CallNational(connection, server, flags);
    if (!call.ok()) return call.status();
    round.call = *std::move(call);
    round.engine_cpu_s = TimeEngineAlone(d);
    round.sqlite_cpu_s = TimeSqlite(sqlite);
    rounds.push_back(std::move(round));
    // The responses of the last round are kept for Verify.
    if (run < flags.runs) rounds.back().call.responses.clear();
  }
  perf.Stop();
  PrintRounds(rounds);
  const NationalCall& last = rounds.back().call;

  if (absl::Status verified = Verify(last, d, sqlite, connection, flags); !verified.ok()) {
    flags.keep = true;
    std::fprintf(stderr, "\nregion_bench: VERIFICATION FAILED: %s\n",
                 std::string(verified.message()).c_str());
    return verified;
  }

  const bool national = flags.counties == kNationalCounties;
  std::printf("\ntargets (issue 15 item 5, %s):\n",
              national ? "judged on this run" : "not judged: not the national dataset");
  const std::vector<double> eval_cpu = Values(rounds, EvalCpu), wall = Values(rounds, Wall);
  std::printf("  evaluation CPU of all counties < 1 s on one core: median %s, min %s  %s\n",
              Secs(Median(eval_cpu)).c_str(), Secs(Min(eval_cpu)).c_str(),
              !national              ? "-"
              : Median(eval_cpu) < 1 ? "PASS"
                                     : "MISS");
  std::printf("  the whole call, all pages, < 3 s end to end:    median %s, min %s  %s\n",
              Secs(Median(wall)).c_str(), Secs(Min(wall)).c_str(),
              !national          ? "-"
              : Median(wall) < 3 ? "PASS"
                                 : "MISS");
  server.Stop();
  return absl::OkStatus();
}

}  // namespace
}  // namespace junheng::bench

int main(int argc, char** argv) {
  junheng::bench::Flags flags;
  CLI::App app{
      "region_bench: the national evaluation through junheng-server's EvaluateRegion, with SQLite "
      "computing the same coefficients in the same run (docs/performance.md)"};
  app.add_option("--server", flags.server, "junheng-server binary")->capture_default_str();
  app.add_option("--server-arg", flags.server_args,
                 "an extra argument for junheng-server (repeat for more)");
  app.add_option("--cache-dir", flags.cache_dir,
                 "where loaded data dirs are kept (one per dataset version, mix and size) and "
                 "each run's scratch directory is made")
      ->capture_default_str();
  app.add_flag("--fresh", flags.fresh, "load the data dir again even when one is cached");
  app.add_flag("--quick", flags.quick, "a smoke run: 200 counties, 3 runs");
  app.add_option("--perf", flags.perf,
                 "record junheng-server with perf (call graphs) during the rounds into this file; "
                 "the figures of such a run are disturbed by it");
  app.add_flag("--keep", flags.keep, "keep the run's scratch directory (the server's log)");
  app.add_option("--counties", flags.counties, "counties of the dataset (its first N)")
      ->check(CLI::Range(1, junheng::bench::kNationalCounties))
      ->capture_default_str();
  app.add_option("--runs", flags.runs, "national calls, each followed by a SQLite pass")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--page-size", flags.page_size, "EvaluateRegion's page_size (at most 10000)")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_option("--verify", flags.verify,
                 "counties whose row is checked against their own Evaluate")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const absl::Status status = junheng::bench::Run(flags);
  if (!status.ok()) {
    std::cerr << "region_bench: " << status << "\n";
    return 1;
  }
  return 0;
}
