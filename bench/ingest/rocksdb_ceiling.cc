#include "bench/ingest/rocksdb_ceiling.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/ingest/synthetic_county.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"

namespace junheng::bench {

namespace {

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(what, ": ", s.ToString()));
}

}  // namespace

absl::StatusOr<CeilingResult> MeasureSyncedBatches(const std::string& dir, const std::string& value,
                                                   int batch, absl::Duration duration) {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  rocksdb::Options options;
  options.create_if_missing = true;
  options.paranoid_checks = true;
  rocksdb::DB* raw = nullptr;
  if (absl::Status opened = FromRocks(rocksdb::DB::Open(options, dir, &raw), "open " + dir);
      !opened.ok()) {
    return opened;
  }
  std::unique_ptr<rocksdb::DB> db(raw);

  rocksdb::WriteOptions sync;
  sync.sync = true;
  std::mt19937_64 rng(13);
  CeilingResult result;
  result.batch = batch;
  result.value_bytes = static_cast<int>(value.size());
  const auto started = std::chrono::steady_clock::now();
  const auto until = started + absl::ToChronoNanoseconds(duration);
  for (int64_t n = 0; std::chrono::steady_clock::now() < until; ++n) {
    rocksdb::WriteBatch writes;
    for (int i = 0; i < batch; ++i) {
      // Keys shaped like junheng's report versions (county/period/school/version), in random
      // order as db_bench's fillrandom writes them.
      const std::string key =
          absl::StrFormat("%s/%s/%s/%08d%04d", kCounty, kPeriod,
                          SchoolCode(static_cast<int64_t>(rng() % 200000)), n, i);
      writes.Put(key, value);
    }
    if (absl::Status written = FromRocks(db->Write(sync, &writes), "synced write"); !written.ok()) {
      return written;
    }
    result.keys += batch;
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  db.reset();
  std::filesystem::remove_all(dir, ec);
  return result;
}

}  // namespace junheng::bench
