// Store::engine_stats: RocksDB's figures for the server's metrics, read from its properties.
//
// Without rocksdb::Statistics: the figures an operator needs are properties RocksDB keeps anyway
// (the DB-stats map counts WAL syncs and stall time, each family's cfstats its stalls), and the
// time of a synced write is the report writer's own measurement (GroupCommitStats). Statistics
// would add tickers and a timer to every read of every report's decision.

#include <map>
#include <string>

#include "absl/strings/numbers.h"
#include "rocksdb/db.h"
#include "server/storage/store.h"

namespace junheng::storage {
namespace {

// The map entry `key` as a whole number (RocksDB writes some as "12" and some as "12.000000");
// 0 when absent.
uint64_t MapNumber(const std::map<std::string, std::string>& map, const std::string& key) {
  auto it = map.find(key);
  if (it == map.end()) return 0;
  double value = 0;
  if (!absl::SimpleAtod(it->second, &value) || value < 0) return 0;
  return static_cast<uint64_t>(value);
}

}  // namespace

EngineStats Store::engine_stats() const {
  EngineStats stats;
  uint64_t value = 0;
  if (db_->GetAggregatedIntProperty(rocksdb::DB::Properties::kEstimateLiveDataSize, &value)) {
    stats.live_data_bytes = value;
  }
  if (db_->GetAggregatedIntProperty(rocksdb::DB::Properties::kLiveSstFilesSize, &value)) {
    stats.live_sst_bytes = value;
  }
  if (db_->GetAggregatedIntProperty(rocksdb::DB::Properties::kCurSizeAllMemTables, &value)) {
    stats.memtable_bytes = value;
  }
  // Every family, kRegions being the last of Change::Family.
  for (int family = 0; family <= static_cast<int>(Family::kRegions); ++family) {
    std::map<std::string, std::string> cfstats;
    if (!db_->GetMapProperty(Handle(static_cast<Family>(family)), rocksdb::DB::Properties::kCFStats,
                             &cfstats)) {
      continue;
    }
    stats.stall_slowdowns += MapNumber(cfstats, "io_stalls.total_slowdown");
    stats.stall_stops += MapNumber(cfstats, "io_stalls.total_stop");
  }
  std::map<std::string, std::string> dbstats;
  if (db_->GetMapProperty(rocksdb::DB::Properties::kDBStats, &dbstats)) {
    stats.stall_micros = MapNumber(dbstats, "db.user_write_stall_micros");
    stats.wal_syncs = MapNumber(dbstats, "db.wal_syncs");
    stats.wal_bytes = MapNumber(dbstats, "db.wal_bytes_written");
  }
  return stats;
}

}  // namespace junheng::storage
