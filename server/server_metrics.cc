#include "server/server_metrics.h"

#include <sys/statvfs.h>

#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "server/observability/process_metrics.h"

#ifndef JUNHENG_VERSION
#define JUNHENG_VERSION "unknown"
#endif

namespace junheng::server {
namespace {

using metrics::Label;
using metrics::MetricsText;
using metrics::MetricType;

void WriteGroupCommits(const storage::GroupCommitStats& stats, MetricsText& out) {
  out.Begin("junheng_group_commit_reports",
            "Reports stored per synced group of the report writer (group commit).",
            MetricType::kHistogram);
  out.Histogram("junheng_group_commit_reports", {}, stats.sizes);
  out.Begin("junheng_group_commit_sync_seconds",
            "Time the report writer's synced write of a group took (WAL write and fsync): what "
            "every report of the group waited for once decided.",
            MetricType::kHistogram);
  out.Histogram("junheng_group_commit_sync_seconds", {}, stats.sync_seconds);
}

void WriteEngine(const storage::EngineStats& stats, MetricsText& out) {
  auto gauge = [&](const char* name, const char* help, uint64_t value) {
    out.Begin(name, help, MetricType::kGauge);
    out.Sample(name, {}, value);
  };
  auto counter = [&](const char* name, const char* help, double value) {
    out.Begin(name, help, MetricType::kCounter);
    out.Sample(name, {}, value);
  };
  gauge("junheng_rocksdb_live_data_bytes",
        "RocksDB's estimate of the live data (estimate-live-data-size, all column families).",
        stats.live_data_bytes);
  gauge("junheng_rocksdb_live_sst_files_bytes",
        "Size of the table files RocksDB uses (live-sst-files-size, all column families).",
        stats.live_sst_bytes);
  gauge("junheng_rocksdb_memtable_bytes", "Size of RocksDB's memtables (cur-size-all-mem-tables).",
        stats.memtable_bytes);
  out.Begin("junheng_rocksdb_write_stalls_total",
            "Times RocksDB slowed down or stopped writes for its compaction to catch up, since "
            "the server started (cfstats io_stalls), by kind.",
            MetricType::kCounter);
  out.Sample("junheng_rocksdb_write_stalls_total", {Label{"kind", "slowdown"}},
             stats.stall_slowdowns);
  out.Sample("junheng_rocksdb_write_stalls_total", {Label{"kind", "stop"}}, stats.stall_stops);
  counter("junheng_rocksdb_write_stall_seconds_total",
          "Time writes waited in RocksDB's write stalls since the server started.",
          static_cast<double>(stats.stall_micros) / 1e6);
  counter("junheng_rocksdb_wal_syncs_total",
          "Fsyncs of RocksDB's write-ahead log since the server started.",
          static_cast<double>(stats.wal_syncs));
  counter("junheng_rocksdb_wal_written_bytes_total",
          "Bytes written to RocksDB's write-ahead log since the server started.",
          static_cast<double>(stats.wal_bytes));
}

void WriteDataDir(const std::string& data_dir, MetricsText& out) {
  struct statvfs fs {};
  if (statvfs(data_dir.c_str(), &fs) != 0) return;
  out.Begin("junheng_data_dir_free_bytes",
            "Space left for the server on the file system of its data dir (statvfs f_bavail).",
            MetricType::kGauge);
  out.Sample("junheng_data_dir_free_bytes", {},
             static_cast<uint64_t>(fs.f_bavail) * static_cast<uint64_t>(fs.f_frsize));
  out.Begin("junheng_data_dir_size_bytes", "Size of the file system of the data dir.",
            MetricType::kGauge);
  out.Sample("junheng_data_dir_size_bytes", {},
             static_cast<uint64_t>(fs.f_blocks) * static_cast<uint64_t>(fs.f_frsize));
}

// junheng_period_open: one series per period a county has defined, 1 while its window is open
// (the scheduler's rule: opens <= now <= closes), else 0. For the open ones, how many schools of
// the county's registry hold a report: an alert on "no reports accepted while a window is open"
// asks both, so that a county whose schools have all reported stays quiet.
void WritePeriods(const storage::Store& store, absl::Time now, MetricsText& out) {
  auto periods = store.ListAllPeriods();
  if (!periods.ok()) return;
  std::vector<const junheng::v1::ReportingPeriod*> open;
  out.Begin("junheng_period_open",
            "1 while a county's reporting period is open for submissions (between its opening "
            "and its close), else 0.",
            MetricType::kGauge);
  for (const junheng::v1::ReportingPeriod& p : *periods) {
    const bool is_open = now >= absl::FromUnixMillis(p.opens_unix_ms()) &&
                         now <= absl::FromUnixMillis(p.closes_unix_ms());
    if (is_open) open.push_back(&p);
    out.Sample("junheng_period_open",
               {Label{"county", p.county_code()}, Label{"period", p.period()}},
               uint64_t{is_open ? 1u : 0u});
  }
  // Periods are listed by county, so each county's figures are read once.
  std::map<std::string, int> schools;
  std::map<std::pair<std::string, std::string>, int> reported;
  for (const junheng::v1::ReportingPeriod* p : open) {
    const std::string& county = p->county_code();
    if (schools.contains(county)) continue;
    auto held = store.ListCounties(absl::StrCat(county, "/"), "", 1);
    schools[county] = held.ok() && !held->empty() ? held->front().schools : 0;
    auto counts = store.CountReportedPeriods(county);
    if (!counts.ok()) continue;
    for (const auto& [period, count] : *counts) reported[{county, period}] = count;
  }
  out.Begin("junheng_county_schools",
            "Schools in the registry of each county with an open reporting period.",
            MetricType::kGauge);
  for (const auto& [county, count] : schools) {
    out.Sample("junheng_county_schools", {Label{"county", county}}, static_cast<uint64_t>(count));
  }
  out.Begin("junheng_period_reported_schools",
            "Schools holding a report for each open reporting period.", MetricType::kGauge);
  for (const junheng::v1::ReportingPeriod* p : open) {
    auto it = reported.find({p->county_code(), p->period()});
    out.Sample("junheng_period_reported_schools",
               {Label{"county", p->county_code()}, Label{"period", p->period()}},
               static_cast<uint64_t>(it == reported.end() ? 0 : it->second));
  }
}

}  // namespace

void AddStoreMetrics(metrics::Registry& registry, const storage::Store* store, const Clock* clock,
                     std::string data_dir) {
  registry.AddCollector([store, clock, data_dir = std::move(data_dir)](MetricsText& out) {
    out.Begin("junheng_build_info", "The running junheng-server's version (always 1).",
              MetricType::kGauge);
    out.Sample("junheng_build_info", {Label{"version", JUNHENG_VERSION}}, uint64_t{1});
    WriteGroupCommits(store->group_commit_stats(), out);
    WriteEngine(store->engine_stats(), out);
    out.Begin("junheng_store_accepts_writes",
              "1 while the store accepts writes; 0 after a write failed for the disk (full, "
              "read-only, I/O errors) until writes work again.",
              MetricType::kGauge);
    out.Sample("junheng_store_accepts_writes", {}, uint64_t{store->AcceptsWrites() ? 1u : 0u});
    WriteDataDir(data_dir, out);
    WritePeriods(*store, clock->Now(), out);
    metrics::WriteProcessMetrics(out);
  });
}

void AddSessionMetrics(metrics::Registry& registry, const auth::WebSessions* sessions) {
  registry.AddCollector([sessions](MetricsText& out) {
    out.Begin("junheng_web_sessions",
              "Web console sessions signed in or used within the idle limit (as this run of "
              "the server saw them).",
              MetricType::kGauge);
    out.Sample("junheng_web_sessions", {}, static_cast<uint64_t>(sessions->ActiveSessions()));
  });
}

}  // namespace junheng::server
