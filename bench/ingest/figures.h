#pragma once

#include <string>
#include <vector>

#include "bench/ingest/load_client.h"
#include "bench/ingest/rocksdb_ceiling.h"

namespace junheng::bench {

// Numbers as the tables print them: 12,345 and 3.9 ms.
std::string Thousands(double value);
std::string Millis(double ms);

// One line of the table: the medians over the rounds at one number of calls in flight.
struct UnaryRow {
  int in_flight = 0;
  double junheng_acks_per_s = 0, noop_acks_per_s = 0;
  double ratio = 0;  // median of each round's junheng / no-op, so that rounds pair up
  double p50_ms = 0, p99_ms = 0;
  double cpu_us_per_ack = -1;
  int64_t junheng_errors = 0, noop_errors = 0;
  std::string first_error;
};

// The row for `in_flight` from each round's junheng and no-op runs (same order).
UnaryRow Summarize(const std::vector<ClosedLoopResult>& junheng,
                   const std::vector<ClosedLoopResult>& noop);

// A progress line for one run, printed as it finishes.
std::string DescribeRun(const char* server, int round, const ClosedLoopResult& run);

// The table of issue 13 (markdown, so that it pastes into docs/performance.md).
void PrintUnaryTable(const std::vector<UnaryRow>& rows);

// The medians of the bulk and ceiling runs.
struct BulkFigures {
  double junheng_reports_per_s = -1;  // negative: not measured
  std::string junheng_unavailable;    // why not
  double noop_reports_per_s = -1;
  double ceiling_keys_per_s = 0;
  double ceiling_batch1_keys_per_s = 0;
  int ceiling_batch = 0, value_bytes = 0;
  int64_t reports = 0, refused = 0, duplicates = 0;
  std::string first_refusal;
};
void PrintBulk(const BulkFigures& bulk, int batch, int in_flight);

// "PASS" or "MISS" beside each target of issue 13 item 5 that the run measured.
void PrintUnaryTargets(const std::vector<UnaryRow>& rows, const BulkFigures& bulk);

// Open loop: a header, one line per interval, and the targets at the end.
void PrintIntervalHeader();
void PrintInterval(const IntervalResult& interval, int64_t rss_bytes, double cpu_us_per_ack);
// `p99_ms` and `rss_bytes` hold one entry per interval (the drain excluded).
void PrintOpenLoopTargets(const std::vector<double>& p99_ms, const std::vector<int64_t>& rss_bytes,
                          int64_t offered, int64_t acks, int64_t errors);

}  // namespace junheng::bench
