#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/national_dataset.h"

namespace junheng::bench {

// A junheng data dir holding the national dataset (bench/national_dataset.h), for region_bench.

// The national dataset as region_bench loads it: the first `counties` of MakeNationalDataset's
// calibrated mix with SyntheticCountyCode's codes, and the one change the server's intake needs.
// The generator draws a teaching point's largest class (38-44 pupils, 46-53 for 8%) whatever the
// school's size, and 2,166 of the 200,100 reports (1.1%, all teaching points) give a largest class
// above the school's pupils, which validation refuses (part_exceeds_whole): their largest class is
// set to their pupils, and `adjusted` counts them. No coefficient reads it (the SQLite baseline is
// given this same dataset); only item G5's findings can differ from eval_bench's. The stress mix
// is not offered: it breaks rules whose repair would change its coefficients (teachers with a
// degree above the teachers, for 684 twelve-year schools alone).
NationalDataset MakeStorableNationalDataset(int counties, int* adjusted);

// The administrative division code of county `index`. SYNTHETIC: 31 provinces numbered from 11
// (11..41; real province codes skip numbers), each with up to 94 counties in cities of 9 (so
// about 11 cities per province, 339 for 2,900 counties, close to the real 333), counties and
// cities numbered from 01. Codes grow with the index, so the dataset's order is the code order
// EvaluateRegion lists the counties in. A valid code by the registry's rules: 6 digits whose
// first 4 are a city of the registry and first 2 a province of it.
std::string SyntheticCountyCode(int index);

// Writes the region file (`code,name,parent`, as `junheng-server regions import` reads it) of the
// provinces, cities and counties of the first `counties` synthetic codes, every name marked
// 合成 (synthetic). An error when the file cannot be written.
[[nodiscard]] absl::Status WriteSyntheticRegions(const std::string& path, int counties);

// What loading took.
struct StoreLoad {
  absl::Duration registry;  // UpsertSchools, one call per county
  absl::Duration facts;     // SubmitCountyFacts, one per county
  absl::Duration reports;   // every report through ReportIntake, until the last is synced
  absl::Duration total;
  int64_t reports_stored = 0;
};

// Fills the new or empty data dir `data_dir` with `d` through the functions the server's RPCs
// run, in this process (junheng-server has no switch that disables authorization, and a
// bureau_admin token is per county): each county's registry with server::UpsertSchools, its
// facts with server::SubmitCountyFacts, and its reports as one SubmitReports batch through
// server::ReportIntake::SubmitBatchAsync (validation, then the store's report writer, which
// groups and syncs them), up to `batches_in_flight` counties' batches at a time. Returns when the
// last report is on disk and the store is closed. The first refusal is the error (naming the
// county and school); nothing is retried.
[[nodiscard]] absl::StatusOr<StoreLoad> LoadNationalStore(const NationalDataset& d,
                                                          const std::string& data_dir,
                                                          int batches_in_flight = 8);

// Flushes every column family of the closed data dir `data_dir` and compacts it to its last
// level (RocksDB's CompactRange, opened with the options the store last wrote, OPTIONS-*), so
// that the server opening it has no memtable to recover and starts no compaction while the
// benchmark measures its reads.
[[nodiscard]] absl::Status CompactDataDir(const std::string& data_dir);

}  // namespace junheng::bench
