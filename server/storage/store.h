#pragma once

#include "absl/strings/string_view.h"
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"
#include "junheng/v1/storage.pb.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Env;
class WriteBatch;
}  // namespace rocksdb

namespace junheng::storage {

// Test-facing knobs of Store::Open. Production code passes nothing.
struct StoreOptions {
  // The RocksDB environment (file system, clock) to open the database over; nullptr means the
  // default POSIX one. Fault-injection tests pass an Env over their own FileSystemWrapper.
  rocksdb::Env* env = nullptr;
};

// The one owner of RocksDB. Everything above sees absl::Status; rocksdb::Status stays in here.
//
// Column families: "registry" (schools), "versions" (every accepted report version, never
// overwritten), "latest" (each school's latest receipt per period), "idempotency" (what each
// submission_id produced), "audit" (append-only log); "default" holds the schema version. The
// bureau's records have a family each: "periods", "exceptions", "reviews", "facts" (county facts
// versions), "snapshots" (stored evaluations), "schedule" (the scheduler's completed runs);
// "tokens" holds credentials (salted hashes only, server/auth/token_store.h).
// Families added after schema 1 are created when an older data dir is opened.
//
// Every mutation is one WriteBatch written with sync=true: when a method returns OK the change is
// in the write-ahead log on disk. Methods are thread-safe.
//
// When the disk is full or the data dir cannot be written, a mutation fails with
// RESOURCE_EXHAUSTED (no space) or UNAVAILABLE (other I/O errors), logs why, and changes nothing;
// reads keep working. RocksDB then refuses writes (its "background error" state); the next
// mutation first calls DB::Resume(), so writes work again once space returns. Errors RocksDB
// deems unrecoverable (e.g. a read-only file system) need a server restart after the disk is
// fixed; the log line says so. See docs/reliability.md.
class Store {
 public:
  // The schema this build reads and writes. A data dir with another schema is refused.
  static constexpr int kSchemaVersion = 1;

  // Opens the database under `data_dir`, creating it when the directory is absent or empty.
  // Refuses with FAILED_PRECONDITION: a non-empty directory that is not a junheng database, a
  // database of another schema version, a data dir another process has open. DATA_LOSS: a
  // corrupt database.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Store>> Open(
      const std::string& data_dir, const StoreOptions& options = {});

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Registry.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::School>> GetSchool(
      absl::string_view county, absl::string_view school_code) const;
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::School>> ListSchools(
      absl::string_view county) const;
  // Writes the schools of `county` and their audit entries in one batch. The audit entries' seq
  // is assigned here.
  [[nodiscard]] absl::Status PutSchools(absl::string_view county,
                                        const std::vector<junheng::v1::School>& schools,
                                        std::vector<junheng::v1::AuditEntry> audit);

  // Reports.
  // The latest receipt of a school's report for a period, or nullopt when it has none.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::Receipt>> GetLatest(
      absl::string_view county, absl::string_view period, absl::string_view school) const;
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::IdempotencyRecord>> GetIdempotency(
      absl::string_view county, absl::string_view submission_id) const;
  // Stores a new version, moves the latest pointer to it, records the submission_id and appends
  // the audit entry, all in one synced batch. The caller has checked that the version is the
  // next one (the store does not re-check: it serialises nothing itself).
  [[nodiscard]] absl::Status CommitReport(const junheng::v1::StoredReport& stored,
                                          const junheng::v1::IdempotencyRecord& idempotency,
                                          junheng::v1::AuditEntry audit);
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredReport>> GetReportVersion(
      absl::string_view county, absl::string_view period, absl::string_view school,
      int64_t version) const;
  // Receipts of every stored version, oldest first.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Receipt>> ListVersions(
      absl::string_view county, absl::string_view period, absl::string_view school) const;
  // The latest receipt of every school that reported for the period, by school code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Receipt>> ListLatest(
      absl::string_view county, absl::string_view period) const;

  // Bureau records: small keyed messages, each kind in its own column family. Keys come from
  // keys.h and lead with the county like every other key.
  enum class Family { kPeriods, kExceptions, kReviews, kFacts, kSnapshots, kSchedule, kTokens };

  // Writes `value` under `key` and appends `audit` to `county`'s audit log, in one synced batch.
  [[nodiscard]] absl::Status PutRecord(Family family, const std::string& key,
                                       const google::protobuf::Message& value,
                                       absl::string_view county, junheng::v1::AuditEntry audit);
  // Reads the record under `key` into `out`: false when there is none.
  [[nodiscard]] absl::StatusOr<bool> GetRecord(Family family, const std::string& key,
                                               google::protobuf::Message* out) const;
  // Every record whose key starts with `prefix`, in key order.
  template <typename M>
  [[nodiscard]] absl::StatusOr<std::vector<M>> ScanRecords(Family family,
                                                           const std::string& prefix) const {
    auto values = Scan(FamilyHandle(family), prefix);
    if (!values.ok()) return values.status();
    std::vector<M> out(values->size());
    for (size_t i = 0; i < values->size(); ++i) {
      if (!out[i].ParseFromString((*values)[i])) {
        return absl::DataLossError("a stored record cannot be decoded: " + prefix);
      }
    }
    return out;
  }

  // Audit entries of a county in sequence order. Every mutation's entries are chained per county
  // where their seq is assigned: previous_hash and entry_hash are set by the store
  // (audit_chain.h); VerifyAuditChain checks what this returns.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::AuditEntry>> ListAudit(
      absl::string_view county) const;

  // Backup (defined in backup.cc). Writes a consistent, openable copy of the whole database to
  // `destination` while the store keeps serving (RocksDB Checkpoint: SST files are hard-linked
  // when on the same file system, copied otherwise). `destination` must not exist or be an empty
  // directory. Everything acknowledged before the call is in the copy.
  [[nodiscard]] absl::Status Checkpoint(const std::string& destination) const;

 private:
  struct Handles;
  Store(std::unique_ptr<rocksdb::DB> db, std::unique_ptr<Handles> handles, int64_t audit_seq);

  [[nodiscard]] absl::StatusOr<std::optional<std::string>> Get(rocksdb::ColumnFamilyHandle* cf,
                                                               const std::string& key) const;
  rocksdb::ColumnFamilyHandle* FamilyHandle(Family family) const;
  // Values of every key starting with `prefix`, in key order.
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> Scan(rocksdb::ColumnFamilyHandle* cf,
                                                              const std::string& prefix) const;
  // Writes `batch` with sync=true. After an earlier failed write it first asks RocksDB to resume
  // from its background error. Failures are logged and mapped (see the class comment).
  [[nodiscard]] absl::Status WriteSynced(rocksdb::WriteBatch& batch, absl::string_view what);
  // Writes, syncs and removes a 64 KiB file in the data dir: OK when writes can work again.
  [[nodiscard]] absl::Status ProbeWritable();

  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<Handles> cf_;
  // Sets `entry`'s seq-independent chain fields: previous_hash from `heads` (or, for a county
  // not yet in it, the stored last entry) and entry_hash. Call under audit_mu_ after seq is set;
  // `heads` is a copy the caller installs in audit_heads_ once the batch is written.
  [[nodiscard]] absl::Status ChainAuditLocked(absl::string_view county,
                                              junheng::v1::AuditEntry& entry,
                                              std::map<std::string, std::string>& heads) const;

  std::mutex audit_mu_;  // orders audit sequence numbers with their batches
  int64_t audit_seq_;
  // The entry_hash of each county's last audit entry, loaded on first use; guarded by audit_mu_.
  std::map<std::string, std::string> audit_heads_;
  bool write_failed_ = false;  // guarded by audit_mu_: the last write failed, Resume() first
  std::string data_dir_;
};

}  // namespace junheng::storage
