#include "bench/ingest/figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/ingest/stats.h"

namespace junheng::bench {

namespace {

// The targets of issue 13 item 5; the benchmark reports against them and never asserts.
constexpr int kTargetInFlight = 64;
constexpr double kMinUnaryRatio = 0.5;
constexpr double kMaxUnaryP99Ms = 20;
constexpr double kMaxCpuUsPerAck = 150;
constexpr double kMinBulkOverCeiling = 0.3;
constexpr double kMaxOpenLoopP99Ms = 50;
// "RSS stops growing": the second half of the run peaks at most this much above the first half's
// peak. A peak, not the last sample, because RocksDB's memtables fill and flush in a saw-tooth.
constexpr double kMaxRssGrowth = 0.10;

const char* Verdict(bool pass) { return pass ? "PASS" : "MISS"; }

template <typename T>
std::vector<double> Each(const std::vector<ClosedLoopResult>& runs, T get) {
  std::vector<double> values;
  for (const auto& run : runs) values.push_back(get(run));
  return values;
}

}  // namespace

std::string Thousands(double value) {
  const std::string digits = absl::StrFormat("%.0f", std::fabs(value));
  std::string grouped = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string Millis(double ms) {
  if (ms >= 100) return absl::StrFormat("%.0f ms", ms);
  if (ms >= 10) return absl::StrFormat("%.1f ms", ms);
  return absl::StrFormat("%.2f ms", ms);
}

UnaryRow Summarize(const std::vector<ClosedLoopResult>& junheng,
                   const std::vector<ClosedLoopResult>& noop) {
  UnaryRow row;
  if (!junheng.empty()) row.in_flight = junheng.front().in_flight;
  row.junheng_acks_per_s = Median(Each(junheng, [](auto& r) { return r.AcksPerSecond(); }));
  row.noop_acks_per_s = Median(Each(noop, [](auto& r) { return r.AcksPerSecond(); }));
  std::vector<double> ratios;
  for (size_t i = 0; i < std::min(junheng.size(), noop.size()); ++i) {
    const double base = noop[i].AcksPerSecond();
    ratios.push_back(base > 0 ? junheng[i].AcksPerSecond() / base : 0);
  }
  row.ratio = Median(ratios);
  row.p50_ms = Median(Each(junheng, [](auto& r) { return r.p50_ms; }));
  row.p99_ms = Median(Each(junheng, [](auto& r) { return r.p99_ms; }));
  std::vector<double> cpu = Each(junheng, [](auto& r) { return r.CpuMicrosPerAck(); });
  cpu.erase(std::remove_if(cpu.begin(), cpu.end(), [](double v) { return v < 0; }), cpu.end());
  if (!cpu.empty()) row.cpu_us_per_ack = Median(cpu);
  for (const auto& r : junheng) {
    row.junheng_errors += r.errors;
    if (row.first_error.empty()) row.first_error = r.first_error;
  }
  for (const auto& r : noop) row.noop_errors += r.errors;
  return row;
}

std::string DescribeRun(const char* server, int round, const ClosedLoopResult& run) {
  std::string line = absl::StrFormat("round %d  in flight %3d  %-7s %7s acks/s  p50 %s  p99 %s",
                                     round, run.in_flight, server, Thousands(run.AcksPerSecond()),
                                     Millis(run.p50_ms), Millis(run.p99_ms));
  if (run.server_cpu_seconds >= 0) {
    absl::StrAppendFormat(&line, "  server CPU %.0f µs/ack (%.2f cores)", run.CpuMicrosPerAck(),
                          run.server_cpu_seconds / run.seconds);
  }
  if (run.duplicates > 0) absl::StrAppend(&line, "  duplicates ", run.duplicates);
  if (run.errors > 0) absl::StrAppend(&line, "  errors ", run.errors, " (", run.first_error, ")");
  return line;
}

void PrintUnaryTable(const std::vector<UnaryRow>& rows) {
  std::printf(
      "| in flight | junheng acks/s | no-op acks/s | ratio | junheng p50 | p99 | server CPU per "
      "ack |\n|---|---|---|---|---|---|---|\n");
  for (const auto& row : rows) {
    const std::string cpu =
        row.cpu_us_per_ack < 0 ? "n/a" : absl::StrFormat("%.0f µs", row.cpu_us_per_ack);
    std::printf("| %d | %s | %s | %.2f | %s | %s | %s |\n", row.in_flight,
                Thousands(row.junheng_acks_per_s).c_str(), Thousands(row.noop_acks_per_s).c_str(),
                row.ratio, Millis(row.p50_ms).c_str(), Millis(row.p99_ms).c_str(), cpu.c_str());
  }
  for (const auto& row : rows) {
    if (row.junheng_errors > 0 || row.noop_errors > 0) {
      std::printf("errors at %d in flight: junheng %lld, no-op %lld (first: %s)\n", row.in_flight,
                  static_cast<long long>(row.junheng_errors),
                  static_cast<long long>(row.noop_errors), row.first_error.c_str());
    }
  }
}

void PrintBulk(const BulkFigures& bulk, int batch, int in_flight) {
  std::printf("\nbulk: %s reports through SubmitReports, batches of %d, %d in flight\n",
              Thousands(static_cast<double>(bulk.reports)).c_str(), batch, in_flight);
  if (bulk.junheng_reports_per_s < 0) {
    std::printf("  junheng   not measured: %s\n", bulk.junheng_unavailable.c_str());
  } else {
    std::printf("  junheng   %s reports/s\n", Thousands(bulk.junheng_reports_per_s).c_str());
  }
  if (bulk.refused > 0 || bulk.duplicates > 0) {
    std::printf("            refused %lld, duplicates %lld (first: %s)\n",
                static_cast<long long>(bulk.refused), static_cast<long long>(bulk.duplicates),
                bulk.first_refusal.c_str());
  }
  if (bulk.noop_reports_per_s >= 0) {
    std::printf("  no-op     %s reports/s\n", Thousands(bulk.noop_reports_per_s).c_str());
  }
  std::printf(
      "  ceiling   %s keys/s: RocksDB, synced WriteBatch of %d values of %d bytes (a stored "
      "report version), same disk\n",
      Thousands(bulk.ceiling_keys_per_s).c_str(), bulk.ceiling_batch, bulk.value_bytes);
  std::printf("            %s keys/s with one value per synced write\n",
              Thousands(bulk.ceiling_batch1_keys_per_s).c_str());
  if (bulk.junheng_reports_per_s >= 0 && bulk.ceiling_keys_per_s > 0) {
    std::printf("  bulk / ceiling = %.2f\n", bulk.junheng_reports_per_s / bulk.ceiling_keys_per_s);
  }
}

void PrintUnaryTargets(const std::vector<UnaryRow>& rows, const BulkFigures& bulk) {
  std::printf("\ntargets (issue 13 item 5):\n");
  const auto at = std::find_if(rows.begin(), rows.end(),
                               [](const UnaryRow& r) { return r.in_flight == kTargetInFlight; });
  if (at == rows.end()) {
    std::printf("  unary at %d in flight: not measured (add it to --in-flight)\n", kTargetInFlight);
  } else {
    std::printf("  unary at %d in flight >= %.1fx no-op:   %.2fx  %s\n", kTargetInFlight,
                kMinUnaryRatio, at->ratio, Verdict(at->ratio >= kMinUnaryRatio));
    std::printf("  unary at %d in flight p99 < %.0f ms:    %s  %s\n", kTargetInFlight,
                kMaxUnaryP99Ms, Millis(at->p99_ms).c_str(), Verdict(at->p99_ms < kMaxUnaryP99Ms));
    if (at->cpu_us_per_ack >= 0) {
      std::printf("  server CPU per ack <= %.0f µs (at %d):  %.0f µs  %s\n", kMaxCpuUsPerAck,
                  kTargetInFlight, at->cpu_us_per_ack,
                  Verdict(at->cpu_us_per_ack <= kMaxCpuUsPerAck));
    }
  }
  if (bulk.junheng_reports_per_s < 0) {
    std::printf("  bulk >= %.1fx ceiling:                not measured  MISS\n",
                kMinBulkOverCeiling);
  } else if (bulk.ceiling_keys_per_s > 0) {
    const double ratio = bulk.junheng_reports_per_s / bulk.ceiling_keys_per_s;
    std::printf("  bulk >= %.1fx ceiling:                %.2fx  %s\n", kMinBulkOverCeiling, ratio,
                Verdict(ratio >= kMinBulkOverCeiling));
  }
}

void PrintIntervalHeader() {
  std::printf(
      "| until | offered | acks | errors | p50 | p99 | max | in flight | server CPU per ack | "
      "RSS |\n|---|---|---|---|---|---|---|---|---|---|\n");
}

void PrintInterval(const IntervalResult& interval, int64_t rss_bytes, double cpu_us_per_ack) {
  const std::string until = interval.drain ? "drain" : absl::StrFormat("%.0f s", interval.end_s);
  const std::string cpu = cpu_us_per_ack < 0 ? "n/a" : absl::StrFormat("%.0f µs", cpu_us_per_ack);
  // An interval without answers (the drain, usually) has no latencies to show.
  auto latency = [&](double ms) { return interval.acks > 0 ? Millis(ms) : std::string("-"); };
  std::printf("| %s | %s | %s | %lld | %s | %s | %s | %lld | %s | %.0f MB |\n", until.c_str(),
              Thousands(static_cast<double>(interval.offered)).c_str(),
              Thousands(static_cast<double>(interval.acks)).c_str(),
              static_cast<long long>(interval.errors), latency(interval.p50_ms).c_str(),
              latency(interval.p99_ms).c_str(), latency(interval.max_ms).c_str(),
              static_cast<long long>(interval.in_flight), cpu.c_str(),
              static_cast<double>(rss_bytes) / 1e6);
  if (interval.errors > 0) std::printf("    first error: %s\n", interval.first_error.c_str());
  std::fflush(stdout);
}

void PrintOpenLoopTargets(const std::vector<double>& p99_ms, const std::vector<int64_t>& rss_bytes,
                          int64_t offered, int64_t acks, int64_t errors) {
  std::printf("\ntargets (issue 13 item 5):\n");
  const auto worst = std::max_element(p99_ms.begin(), p99_ms.end());
  if (worst != p99_ms.end()) {
    const bool held = *worst < kMaxOpenLoopP99Ms && errors == 0 && acks == offered;
    std::printf(
        "  p99 < %.0f ms in every interval, every offered call acknowledged:  worst p99 %s "
        "(interval %d), %s of %s acknowledged, %lld errors  %s\n",
        kMaxOpenLoopP99Ms, Millis(*worst).c_str(), static_cast<int>(worst - p99_ms.begin()) + 1,
        Thousands(static_cast<double>(acks)).c_str(),
        Thousands(static_cast<double>(offered)).c_str(), static_cast<long long>(errors),
        Verdict(held));
  }
  if (rss_bytes.size() >= 2) {
    const size_t half = rss_bytes.size() / 2;
    const int64_t first = *std::max_element(rss_bytes.begin(), rss_bytes.begin() + half);
    const int64_t second = *std::max_element(rss_bytes.begin() + half, rss_bytes.end());
    const double growth = first > 0 ? static_cast<double>(second - first) / first : 0;
    std::printf(
        "  RSS stops growing (second half's peak <= first half's + %.0f%%):  %.0f MB -> %.0f MB "
        "(%+.1f%%)  %s\n",
        kMaxRssGrowth * 100, static_cast<double>(first) / 1e6, static_cast<double>(second) / 1e6,
        growth * 100, Verdict(growth <= kMaxRssGrowth));
  }
}

}  // namespace junheng::bench
