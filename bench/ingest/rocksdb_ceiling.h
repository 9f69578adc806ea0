#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace junheng::bench {

struct CeilingResult {
  int batch = 0;  // values per synced WriteBatch
  int value_bytes = 0;
  int64_t keys = 0;
  double seconds = 0;

  double KeysPerSecond() const { return seconds > 0 ? static_cast<double>(keys) / seconds : 0; }
};

// What the disk under `dir` allows a store like junheng's: RocksDB opened with the store's options
// (defaults, paranoid checks) in a new database at `dir`, writing WriteBatches of `batch` values of
// `value` each under fresh keys with sync = true, one after another, for `duration`. The database
// is deleted afterwards. This is db_bench's `fillrandom --sync=1`, kept in the benchmark so that
// the ceiling and junheng's figures come from the same run on the same disk.
absl::StatusOr<CeilingResult> MeasureSyncedBatches(const std::string& dir, const std::string& value,
                                                   int batch, absl::Duration duration);

}  // namespace junheng::bench
