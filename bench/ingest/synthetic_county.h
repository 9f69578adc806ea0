#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "client/rpc/connection.h"
#include "junheng/v1/services.pb.h"
#include "junheng/v1/storage.pb.h"

namespace junheng::bench {

// The county the benchmark fills: Qin County's code, so that a token for it is the same one the
// tests issue, with a reporting period whose window covers the whole run.
inline constexpr char kCounty[] = "140430";
inline constexpr char kPeriod[] = "surge";

// The registry code of synthetic school `index` (10 digits, like the county's real codes).
std::string SchoolCode(int64_t index);

// Hands out submissions that junheng accepts, each exactly once: submission `i` is school
// `i % schools`, and its version `i / schools + 1` replaces the one before, so the first pass over
// the registry is the deadline surge (first reports) and later passes are corrections. Content
// differs from version to version, so no submission is answered as a duplicate. Thread-safe: the
// load generator's callbacks call Next from gRPC's threads.
class ReportSource {
 public:
  // `tag` keeps submission ids unique when more than one source feeds a server.
  ReportSource(int64_t schools, std::string tag);

  // Fills `request` with the next submission.
  void Next(junheng::v1::SubmitReportRequest& request);

  // Submissions handed out so far.
  int64_t issued() const { return next_.load(); }

 private:
  int64_t schools_;
  std::string tag_;
  std::atomic<int64_t> next_{0};
};

// A report version as the server stores it (report, receipt, warnings): its serialized size is
// the value size of the RocksDB ceiling.
junheng::v1::StoredReport SampleStoredVersion();

// What setting up the county took.
struct CountySetup {
  absl::Duration register_time;  // UpsertSchools of every school, in chunks
  int calls = 0;
};

// Registers `schools` synthetic primary schools (UpsertSchools in chunks of at most 5000) and
// defines kPeriod with a window that opened an hour ago and closes in 60 days. Returns the first
// error a call answered.
absl::StatusOr<CountySetup> SetUpCounty(client::Connection& admin, int64_t schools);

}  // namespace junheng::bench
