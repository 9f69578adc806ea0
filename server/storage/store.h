#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "common/i18n/lang.h"
#include "google/protobuf/message.h"
#include "junheng/v1/bureau.pb.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "junheng/v1/region.pb.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"
#include "junheng/v1/security.pb.h"
#include "junheng/v1/storage.pb.h"
#include "server/observability/metrics.h"
#include "server/storage/record_cache.h"

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
  // The memtable size of every column family, in bytes; 0 keeps RocksDB's default (64 MiB), and
  // RocksDB raises anything below 64 KiB to that. Test fixtures set the smallest so that their
  // writes flush to SST files.
  size_t write_buffer_size = 0;
  // The report writer starts held: queued reports wait until ReleaseReportWriter(), so that a
  // test can put several into one group.
  bool hold_report_writer = false;
};

// How the report writer has grouped its commits since the store was opened.
struct GroupCommitStats {
  int64_t groups = 0;   // synced batches written by the report writer
  int64_t reports = 0;  // reports stored in them (duplicates and refusals not counted)
  int64_t largest = 0;  // the most reports in one group
  // Reports per synced group, and the seconds each group's synced write took (what the reports
  // of the group waited for after being decided; failed writes included).
  server::metrics::HistogramSnapshot sizes;
  server::metrics::HistogramSnapshot sync_seconds;
};

// The upper bounds of GroupCommitStats::sizes.
inline constexpr double kGroupSizeBounds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

// RocksDB's own figures that an operator watches, read when asked (Store::engine_stats), summed
// over the column families. Write stalls are RocksDB slowing or stopping writes while its
// compaction catches up; WAL syncs are fsyncs of the write-ahead log.
struct EngineStats {
  uint64_t live_data_bytes = 0;  // estimate-live-data-size: what the data would take compacted
  uint64_t live_sst_bytes = 0;   // live-sst-files-size: the table files in use
  uint64_t memtable_bytes = 0;   // cur-size-all-mem-tables
  uint64_t stall_slowdowns = 0;  // cfstats io_stalls.total_slowdown, since open
  uint64_t stall_stops = 0;      // cfstats io_stalls.total_stop, since open
  uint64_t stall_micros = 0;     // dbstats db.user_write_stall_micros, since open
  uint64_t wal_syncs = 0;        // dbstats db.wal_syncs, since open
  uint64_t wal_bytes = 0;        // dbstats db.wal_bytes_written, since open
};

// What a data dir holds, as Store::Inspect reads it without opening the database for writing.
struct DataDirState {
  bool exists = false;
  // A junheng database of this build's schema; false for an absent or empty directory, in which
  // Store::Open would create one.
  bool holds_database = false;
  // The process holding the database's LOCK, i.e. a junheng-server (or an offline command)
  // running on it; nullopt when none does or it cannot be told.
  std::optional<int> lock_holder_pid;
};

// The audit chain of the region registry (Change::PutRegion), the nation's (auth::kNationCode,
// which also keeps the tokens of a national region_viewer): not a county code, so no county's
// chain is ever this one.
inline constexpr char kRegionChain[] = "00";

// A county held on the server, as Store::ListCounties lists it.
struct CountyHeld {
  std::string county_code;
  int schools = 0;
};

// Records to write together, and the audit entries that say why. Build one with the typed Put
// methods and hand it to Store::Commit (or return it from a CompareAndCommit callback). Each
// record's key comes from the record itself (its county, period, school, version...), so no
// caller builds a key or picks a column family.
class Change {
 public:
  // `county`: the county whose audit chain the entries join. Every record must be of it.
  explicit Change(std::string county) : county_(std::move(county)) {}

  // registry: by county_code / school_code.
  Change& PutSchool(const junheng::v1::School& school);
  // periods: by county_code / period.
  Change& PutPeriod(const junheng::v1::ReportingPeriod& period);
  // exceptions: by county_code / period / school_code.
  Change& PutException(const junheng::v1::SubmissionException& exception);
  // reviews (the latest decision only): by county_code / period / school_code.
  Change& PutReview(const junheng::v1::ReviewRecord& review);
  // facts: every version, by its receipt's county_code / period / version.
  Change& PutCountyFacts(const junheng::v1::StoredCountyFacts& facts);
  // snapshots: by county_code / period / seq.
  Change& PutSnapshot(const junheng::v1::Snapshot& snapshot);
  // schedule: the last run of each trigger, by county_code / period / trigger.
  Change& PutScheduledRun(const junheng::v1::ScheduledRun& run);
  // tokens: by info.county_code / info.id.
  Change& PutToken(const junheng::v1::StoredToken& token);
  // sessions: web console enrolment codes and sessions, by county / e|s / SHA-256 of the secret.
  Change& PutEnrolment(const junheng::v1::StoredEnrolment& enrolment);
  Change& PutSession(const junheng::v1::StoredSession& session);
  // regions: by code. The region registry is the server's, not a county's: its changes join the
  // audit chain of kRegionChain, and a Change that puts a region must be made for that chain.
  Change& PutRegion(const junheng::v1::Region& region);
  // Appends an audit entry; Commit sets its seq, previous_hash and entry_hash.
  Change& Audit(junheng::v1::AuditEntry entry);

  const std::string& county() const { return county_; }

 private:
  friend class Store;
  // The column families, in Store's order (store.cc: kFamilies).
  enum class Family {
    kMeta,
    kRegistry,
    kVersions,
    kLatest,
    kIdempotency,
    kAudit,
    kPeriods,
    kExceptions,
    kReviews,
    kFacts,
    kSnapshots,
    kSchedule,
    kTokens,
    kSessions,
    kRegions
  };
  struct Write {
    Family family;
    std::string key;
    std::string value;
  };
  void Put(Family family, absl::string_view record_county, std::string key,
           const google::protobuf::Message& value);

  std::string county_;
  std::vector<Write> writes_;
  std::vector<junheng::v1::AuditEntry> audit_;
  // The county of the first record that is not of `county_`, which Commit refuses.
  std::string foreign_county_;
};

// One submission of a school's report, as CommitReport compares it with what is stored.
struct ReportProposal {
  std::string county;
  std::string period;
  std::string school;
  std::string submission_id;
  // hash::MessageHash of the report.
  std::string content_hash;
  // The version the submission replaces: 0 for the first report.
  int64_t replaces_version = 0;
};

// A new version for CommitReport to store: the report, its receipt (whose version is the number
// CommitReport asked for) and warnings, and the audit entry of its acceptance.
struct ReportVersion {
  junheng::v1::StoredReport stored;
  junheng::v1::AuditEntry audit;
};

struct ReportOutcome {
  junheng::v1::Receipt receipt;
  // True when nothing was stored and `receipt` is the earlier one (see CommitReport).
  bool duplicate = false;
};

// The one owner of RocksDB. Everything above sees absl::Status; rocksdb::Status stays in here.
//
// Column families (docs/architecture.md has the keys): "registry" (schools), "versions" (every
// accepted report version, never overwritten), "latest" (each school's latest receipt per
// period), "idempotency" (what each submission_id produced), "audit" (append-only log, chained);
// "default" holds the schema version and the audit sequence. The bureau's records have a family
// each: "periods", "exceptions", "reviews", "facts" (county facts versions), "snapshots" (stored
// evaluations), "schedule" (the scheduler's completed runs); "tokens" holds credentials (salted
// hashes only, server/auth/token_store.h), "sessions" the web console's enrolment codes and
// sessions (hashes and sealed tokens, server/auth/web_sessions.h). Families added after schema 1
// are created when an older data dir is opened. Keys lead with the county (keys.h, internal to
// storage).
//
// The write protocol is here and only here: every mutation goes through one commit that, under
// the store's lock, assigns the audit sequence numbers, chains each entry to its county's last
// one (audit_chain.h), writes the records, the entries and the sequence in one WriteBatch with
// sync=true. When a mutation returns OK it is in the write-ahead log on disk. Reads take no lock.
// Methods are thread-safe.
//
// When the disk is full or the data dir cannot be written, a mutation fails with
// RESOURCE_EXHAUSTED (no space) or UNAVAILABLE (other I/O errors), logs why, and changes nothing;
// reads keep working. RocksDB then refuses writes (its "background error" state); the next
// mutation first calls DB::Resume(), so writes work again once space returns. Errors RocksDB
// deems unrecoverable (e.g. a read-only file system) need a server restart after the disk is
// fixed; the log line says so. See docs/reliability.md.
//
// Reads return nullopt (lookups) or an empty list when nothing is stored; an error only when the
// database cannot be read or a stored record cannot be decoded (DATA_LOSS).
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

  // What Open would find in `data_dir`, read without taking the database's lock or writing
  // anything, so a server running on it is not disturbed (junheng-server check). Refuses as Open
  // does (FAILED_PRECONDITION, the same sentences) a file, a non-empty directory without a
  // junheng database, a database of another schema version; other errors when the database
  // cannot be read.
  [[nodiscard]] static absl::StatusOr<DataDirState> Inspect(const std::string& data_dir);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // --- Writes ---

  // Writes `change` in one synced batch (see the class comment). INTERNAL when a record is not
  // of the change's county; nothing is written then.
  [[nodiscard]] absl::Status Commit(Change change) ABSL_LOCKS_EXCLUDED(mu_);

  // Read-check-write. Calls `prepare` under the store's write lock with the store to read from,
  // and commits the Change it returns before any other write can happen, so what `prepare` read
  // is still what is stored. Returns prepare's error (nothing written) when it fails; OK without
  // writing when it returns nullopt; Commit's status otherwise. `prepare` may use the store's
  // reads only: a write from inside it would deadlock.
  using Prepare = absl::FunctionRef<absl::StatusOr<std::optional<Change>>(const Store&)>;
  [[nodiscard]] absl::Status CompareAndCommit(Prepare prepare) ABSL_LOCKS_EXCLUDED(mu_);

  // Compare-and-commit of one report submission, under the store's write lock:
  // 1. A submission_id stored before with the same content_hash returns its receipt (duplicate);
  //    with another content_hash, ALREADY_EXISTS.
  // 2. A content_hash equal to the latest version's returns the latest receipt (duplicate).
  // 3. `admit` (the caller's preconditions, e.g. the period's window and the bureau's lock, read
  //    from the store it is given): its error is returned.
  // 4. replaces_version must be the latest version (0 when none), else ABORTED.
  // 5. `build(store, latest + 1)` makes the version; it is stored with the latest pointer, the
  //    idempotency record (when submission_id is set) and its audit entry in one synced batch.
  // Returns the outcome, or the first error; nothing is stored unless step 5 returns OK. Like
  // CompareAndCommit's `prepare`, `admit` and `build` may use the store's reads only.
  using AdmitReport = absl::FunctionRef<absl::Status(const Store&)>;
  using BuildReport = absl::FunctionRef<absl::StatusOr<ReportVersion>(const Store&, int64_t)>;
  [[nodiscard]] absl::StatusOr<ReportOutcome> CommitReport(const ReportProposal& proposal,
                                                           AdmitReport admit, BuildReport build)
      ABSL_LOCKS_EXCLUDED(mu_);

  // CommitReport without waiting: the report joins the queue of the store's one report writer,
  // which takes every report waiting when it is free, decides each in queue order exactly as
  // CommitReport (a report sees the ones before it in its group: a second identical submission
  // is a duplicate, a replacement of a version the group just wrote is checked against it), and
  // writes all stored versions, their latest pointers, idempotency records and audit entries in
  // one synced batch. `done` gets each outcome after that sync (OK means on disk), or the write's
  // error, which then applies to every report the group would have stored. `done` runs on the
  // writer thread, outside the store's lock, and must not block; `admit` and `build` run on it
  // under the lock, in the language current when this was called.
  using AdmitReportFn = std::function<absl::Status(const Store&)>;
  using BuildReportFn = std::function<absl::StatusOr<ReportVersion>(const Store&, int64_t)>;
  using ReportDone = std::function<void(absl::StatusOr<ReportOutcome>)>;
  void CommitReportAsync(ReportProposal proposal, AdmitReportFn admit, BuildReportFn build,
                         ReportDone done) ABSL_LOCKS_EXCLUDED(queue_mu_);

  // Lets a writer held by StoreOptions::hold_report_writer go.
  void ReleaseReportWriter() ABSL_LOCKS_EXCLUDED(queue_mu_);
  GroupCommitStats group_commit_stats() const;
  // Reads RocksDB's properties (engine_stats.cc): a few microseconds, for a scrape, not a call.
  EngineStats engine_stats() const;

  // --- Write state (health) ---

  // False from a write that failed for the disk (full, read-only, I/O errors; see the class
  // comment) until a write or RetryWrites succeeds again. Reads work throughout. Never blocks.
  bool AcceptsWrites() const { return !write_failed_.load(); }
  // While writes are refused: probes the data dir and asks RocksDB to resume, as the next write
  // would, so that a health check sees the recovery without waiting for a client's write. OK
  // when writes are accepted (again); the refusal otherwise (not logged: the caller says it).
  [[nodiscard]] absl::Status RetryWrites() ABSL_LOCKS_EXCLUDED(mu_);

  // --- Reads: registry ---
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::School>> GetSchool(
      absl::string_view county, absl::string_view school) const;
  // The county's schools by school code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::School>> ListSchools(
      absl::string_view county) const;

  // The counties held (those with schools in the registry) whose code starts with `code_prefix`
  // ("" for all), by code, with their school counts: at most `limit` of them after `after_county`
  // ("" = from the first).
  [[nodiscard]] absl::StatusOr<std::vector<CountyHeld>> ListCounties(absl::string_view code_prefix,
                                                                     absl::string_view after_county,
                                                                     size_t limit) const;

  // --- Reads: regions ---
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::Region>> GetRegion(
      absl::string_view code) const;
  // The whole region registry by code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Region>> ListRegions() const;

  // --- Reads: reports ---
  // The latest receipt of a school's report for a period; nullopt when it has none.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::Receipt>> GetLatest(
      absl::string_view county, absl::string_view period, absl::string_view school) const;
  // The latest receipt of every school that reported for the period, by school code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Receipt>> ListLatest(
      absl::string_view county, absl::string_view period) const;
  // The latest version of every school's report for the period, by school code: what ListLatest
  // and GetReportVersion for each receipt give, read in one scan.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::SchoolReport>> ListLatestReports(
      absl::string_view county, absl::string_view period) const;
  // How many schools hold a report for each period label of the county, by label.
  [[nodiscard]] absl::StatusOr<std::map<std::string, int>> CountReportedPeriods(
      absl::string_view county) const;
  // What a submission_id produced; nullopt when the id was never stored.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::IdempotencyRecord>> GetIdempotency(
      absl::string_view county, absl::string_view submission_id) const;
  // One stored version; nullopt when the school has no such version for the period.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredReport>> GetReportVersion(
      absl::string_view county, absl::string_view period, absl::string_view school,
      int64_t version) const;
  // Receipts of every stored version, oldest first.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Receipt>> ListVersions(
      absl::string_view county, absl::string_view period, absl::string_view school) const;

  // --- Reads: the bureau's records ---
  // nullopt when the county has not defined the period.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::ReportingPeriod>> GetPeriod(
      absl::string_view county, absl::string_view period) const;
  // The county's periods in label order.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::ReportingPeriod>> ListPeriods(
      absl::string_view county) const;
  // Every county's periods, by county then label (the scheduler's walk).
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::ReportingPeriod>> ListAllPeriods() const;
  // nullopt when the school holds no exception for the period.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::SubmissionException>> GetException(
      absl::string_view county, absl::string_view period, absl::string_view school) const;
  // The latest review decision on the school's report; nullopt when there is none.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::ReviewRecord>> GetReview(
      absl::string_view county, absl::string_view period, absl::string_view school) const;
  // One version of a period's county facts; nullopt when it is not stored.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredCountyFacts>> GetCountyFacts(
      absl::string_view county, absl::string_view period, int64_t version) const;
  // Every version of a period's county facts, oldest first.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::StoredCountyFacts>> ListCountyFacts(
      absl::string_view county, absl::string_view period) const;
  // nullopt when the period has no snapshot `seq`.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::Snapshot>> GetSnapshot(
      absl::string_view county, absl::string_view period, int64_t seq) const;
  // A period's snapshots (with their evaluations), oldest first.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Snapshot>> ListSnapshots(
      absl::string_view county, absl::string_view period) const;
  // The last run of `trigger` for the period; nullopt when there was none.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::ScheduledRun>> GetScheduledRun(
      absl::string_view county, absl::string_view period, absl::string_view trigger) const;
  // nullopt when the county has no token `id`.
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredToken>> GetToken(
      absl::string_view county, absl::string_view id) const;
  // The county's tokens by id.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::StoredToken>> ListTokens(
      absl::string_view county) const;
  // nullopt when the county has no enrolment code / session with this SHA-256 (lowercase hex).
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredEnrolment>> GetEnrolment(
      absl::string_view county, absl::string_view code_sha256_hex) const;
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::StoredSession>> GetSession(
      absl::string_view county, absl::string_view session_sha256_hex) const;

  // --- Reads: audit ---
  // Audit entries of a county in sequence order, as Commit chained them; VerifyAuditChain
  // (audit_chain.h) checks what this returns.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::AuditEntry>> ListAudit(
      absl::string_view county) const;

  // --- Reads: pages (page.h) ---
  // At most `limit` records that come after `after` in the listing's key order; an empty (or 0)
  // `after` starts at the first. `after` need not be stored: a page starts at the next key all
  // the same. Reads take no lock, so a record written while a client walks the pages is in a
  // later page when its key sorts after the page token, and in none when it sorts before.
  //
  // The county's schools by school code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::School>> ListSchools(
      absl::string_view county, absl::string_view after_school, size_t limit) const;
  // The latest receipts of the period by school code.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Receipt>> ListLatest(
      absl::string_view county, absl::string_view period, absl::string_view after_school,
      size_t limit) const;
  // Receipts of a school's versions, oldest first.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Receipt>> ListVersions(
      absl::string_view county, absl::string_view period, absl::string_view school,
      int64_t after_version, size_t limit) const;
  // The county's tokens by id.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::StoredToken>> ListTokens(
      absl::string_view county, absl::string_view after_id, size_t limit) const;
  // Audit entries newest first: those with a seq below `before_seq` (0: from the newest).
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::AuditEntry>> ListAuditNewestFirst(
      absl::string_view county, int64_t before_seq, size_t limit) const;
  // The bureau's decision on each school's report for the period that has one, by school code
  // (GetReview for every school at once).
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::ReviewRecord>> ListReviews(
      absl::string_view county, absl::string_view period) const;

  // Backup (defined in backup.cc). Writes a consistent, openable copy of the whole database to
  // `destination` while the store keeps serving (RocksDB Checkpoint: SST files are hard-linked
  // when on the same file system, copied otherwise). `destination` must not exist or be an empty
  // directory. Everything acknowledged before the call is in the copy.
  [[nodiscard]] absl::Status Checkpoint(const std::string& destination) const;

 private:
  using Family = Change::Family;
  struct Handles;
  Store(std::unique_ptr<rocksdb::DB> db, std::unique_ptr<Handles> handles, int64_t audit_seq);

  rocksdb::ColumnFamilyHandle* Handle(Family family) const;
  [[nodiscard]] absl::StatusOr<std::optional<std::string>> Get(Family family,
                                                               const std::string& key) const;
  // Values of every key starting with `prefix`, in key order.
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> Scan(Family family,
                                                              const std::string& prefix) const;
  // Get / Scan decoded as M; `what` names the record in a DATA_LOSS message.
  template <typename M>
  absl::StatusOr<std::optional<M>> GetRecord(Family family, const std::string& key,
                                             absl::string_view what) const;
  // GetRecord of many keys in one RocksDB MultiGet, in the order of `keys`.
  template <typename M>
  std::vector<absl::StatusOr<std::optional<M>>> GetRecords(Family family,
                                                           const std::vector<std::string>& keys,
                                                           absl::string_view what) const;
  template <typename M>
  absl::StatusOr<std::vector<M>> ScanRecords(Family family, const std::string& prefix,
                                             absl::string_view what) const;
  // Scan of one page: values of at most `limit` keys starting with `prefix`, in key order from
  // the first key after `start` (exclusive; "" = from the prefix's first key), or when
  // `newest_first` in reverse order from the last key before `start` ("" = from its last key).
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> ScanPage(Family family,
                                                                  const std::string& prefix,
                                                                  const std::string& start,
                                                                  size_t limit,
                                                                  bool newest_first) const;
  template <typename M>
  absl::StatusOr<std::vector<M>> ScanRecordPage(Family family, const std::string& prefix,
                                                const std::string& start, size_t limit,
                                                bool newest_first, absl::string_view what) const;

  // The county's periods, from periods_cache_ (read through on a miss).
  [[nodiscard]] absl::StatusOr<std::shared_ptr<const std::vector<junheng::v1::ReportingPeriod>>>
  CountyPeriods(absl::string_view county) const;

  static std::string Describe(const Change& change);
  // THE commit: seq, chain, batch, sync. `what` names the change in error messages.
  [[nodiscard]] absl::Status CommitLocked(Change change, absl::string_view what)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Gives `entry` the sequence number after `seq`, chains it (ChainAuditLocked) and adds it to
  // `batch`; then `seq` is its number. Nothing changes when chaining fails.
  [[nodiscard]] absl::Status AddAuditLocked(absl::string_view county, junheng::v1::AuditEntry entry,
                                            int64_t& seq, std::map<std::string, std::string>& heads,
                                            rocksdb::WriteBatch& batch) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Adds the audit sequence `seq` to `batch`, writes it synced, and on success makes `seq` and
  // `heads` the store's.
  [[nodiscard]] absl::Status WriteWithAuditLocked(rocksdb::WriteBatch& batch, int64_t seq,
                                                  std::map<std::string, std::string> heads,
                                                  absl::string_view what)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Sets `entry`'s previous_hash from `heads` (or, for a county not yet in it, the stored last
  // entry) and its entry_hash, after its seq is set. `heads` is a copy that CommitLocked
  // installs in audit_heads_ once the batch is written.
  [[nodiscard]] absl::Status ChainAuditLocked(absl::string_view county,
                                              junheng::v1::AuditEntry& entry,
                                              std::map<std::string, std::string>& heads) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Writes `batch` with sync=true. After an earlier failed write it first asks RocksDB to resume
  // from its background error. Failures are logged and mapped (see the class comment).
  [[nodiscard]] absl::Status WriteSynced(rocksdb::WriteBatch& batch, absl::string_view what)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The report writer (report_writer.cc).
  struct QueuedReport {
    ReportProposal proposal;
    AdmitReportFn admit;
    BuildReportFn build;
    ReportDone done;
    i18n::Lang lang;
  };
  // What the reports before one in its group have written, keyed like the store.
  struct GroupOverlay;
  void RunReportWriter() ABSL_LOCKS_EXCLUDED(queue_mu_, mu_);
  // Reads the stored idempotency record and latest receipt of every report in `group` into
  // `overlay`, in one MultiGet per family.
  void ReadStoredLocked(const std::vector<QueuedReport>& group, GroupOverlay& overlay) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void CommitGroup(std::vector<QueuedReport>& group) ABSL_LOCKS_EXCLUDED(mu_);
  // Decides one report of a group; on success adds its records to `batch`. `*written` says the
  // outcome holds only once the batch is on disk.
  absl::StatusOr<ReportOutcome> DecideInGroupLocked(QueuedReport& report, GroupOverlay& overlay,
                                                    rocksdb::WriteBatch& batch, bool* written)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void StartReportWriter(bool held);
  bool ReportWriterHasWork() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_);
  void StopReportWriter() ABSL_LOCKS_EXCLUDED(queue_mu_);

  // Writes, syncs and removes a 64 KiB file in the data dir: OK when writes can work again.
  [[nodiscard]] absl::Status ProbeWritable();
  // After a failed write: ProbeWritable, then RocksDB's Resume(); on success writes are accepted
  // again. `log_refusal`: log why when they are still refused.
  [[nodiscard]] absl::Status ResumeWritesLocked(absl::string_view what, bool log_refusal)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<Handles> cf_;
  std::string data_dir_;

  // Orders every write: the audit sequence with its batch, and each compare-and-commit's reads
  // with its write.
  absl::Mutex mu_;
  int64_t audit_seq_ ABSL_GUARDED_BY(mu_);
  // The entry_hash of each county's last audit entry, loaded on first use.
  std::map<std::string, std::string> audit_heads_ ABSL_GUARDED_BY(mu_);
  // The last write failed: Resume() first. Set and cleared under mu_; AcceptsWrites reads it
  // without the lock.
  std::atomic<bool> write_failed_{false};

  // The report writer's queue, in arrival order.
  mutable absl::Mutex queue_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  std::vector<QueuedReport> queue_ ABSL_GUARDED_BY(queue_mu_);
  bool writer_held_ ABSL_GUARDED_BY(queue_mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(queue_mu_) = false;
  std::thread writer_;
  // Records every report's checks read (record_cache.h): each county's periods, by county, and
  // tokens by TokenKey. CommitLocked invalidates what a change writes, once it is written.
  mutable RecordCache<std::vector<junheng::v1::ReportingPeriod>> periods_cache_{10'000};
  mutable RecordCache<std::optional<junheng::v1::StoredToken>> tokens_cache_{20'000};

  std::atomic<int64_t> groups_{0};
  std::atomic<int64_t> grouped_reports_{0};
  std::atomic<int64_t> largest_group_{0};
  server::metrics::Histogram group_sizes_{kGroupSizeBounds};
  server::metrics::Histogram group_sync_seconds_{server::metrics::kLatencySeconds};
};

}  // namespace junheng::storage
