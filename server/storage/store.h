#pragma once

#include "absl/strings/string_view.h"
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"
#include "junheng/v1/storage.pb.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
}  // namespace rocksdb

namespace junheng::storage {

// The one owner of RocksDB. Everything above sees absl::Status; rocksdb::Status stays in here.
//
// Column families: "registry" (schools), "versions" (every accepted report version, never
// overwritten), "latest" (each school's latest receipt per period), "idempotency" (what each
// submission_id produced), "audit" (append-only log); "default" holds the schema version.
//
// Every mutation is one WriteBatch written with sync=true: when a method returns OK the change is
// in the write-ahead log on disk. Methods are thread-safe.
class Store {
 public:
  // The schema this build reads and writes. A data dir with another schema is refused.
  static constexpr int kSchemaVersion = 1;

  // Opens the database under `data_dir`, creating it when the directory is absent or empty.
  // Refuses with FAILED_PRECONDITION: a non-empty directory that is not a junheng database, a
  // database of another schema version, a data dir another process has open. DATA_LOSS: a
  // corrupt database.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& data_dir);

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

  // Audit entries of a county in sequence order.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::AuditEntry>> ListAudit(
      absl::string_view county) const;

 private:
  struct Handles;
  Store(std::unique_ptr<rocksdb::DB> db, std::unique_ptr<Handles> handles, int64_t audit_seq);

  [[nodiscard]] absl::StatusOr<std::optional<std::string>> Get(rocksdb::ColumnFamilyHandle* cf,
                                                               const std::string& key) const;
  // Values of every key starting with `prefix`, in key order.
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> Scan(rocksdb::ColumnFamilyHandle* cf,
                                                              const std::string& prefix) const;

  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<Handles> cf_;
  std::mutex audit_mu_;  // orders audit sequence numbers with their batches
  int64_t audit_seq_;
};

}  // namespace junheng::storage
