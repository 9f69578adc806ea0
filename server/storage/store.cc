#include "server/storage/store.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstdarg>
#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "common/i18n/server_messages.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"
#include "server/storage/audit_chain.h"
#include "server/storage/keys.h"
#include "spdlog/spdlog.h"

namespace junheng::storage {
namespace {

namespace fs = std::filesystem;
using junheng::v1::AuditEntry;
using junheng::v1::IdempotencyRecord;
using junheng::v1::Receipt;
using junheng::v1::ReportingPeriod;
using junheng::v1::ReviewRecord;
using junheng::v1::ScheduledRun;
using junheng::v1::School;
using junheng::v1::Snapshot;
using junheng::v1::StoredCountyFacts;
using junheng::v1::StoredReport;
using junheng::v1::StoredToken;
using junheng::v1::SubmissionException;

constexpr char kSchemaKey[] = "meta/schema_version";
constexpr char kAuditSeqKey[] = "meta/audit_seq";
// The families of schema 1 first (a database without them is not ours), then those added since,
// which Open creates when missing. Change::Family indexes this list.
const std::vector<std::string> kFamilies = {rocksdb::kDefaultColumnFamilyName,
                                            "registry",
                                            "versions",
                                            "latest",
                                            "idempotency",
                                            "audit",
                                            "periods",
                                            "exceptions",
                                            "reviews",
                                            "facts",
                                            "snapshots",
                                            "schedule",
                                            "tokens",
                                            "sessions",
                                            "regions"};
constexpr size_t kSchemaOneFamilies = 6;
// The memory RocksDB may use (see Open): all memtables together, and the shared block cache.
constexpr size_t kMemtableBudget = size_t{64} << 20;
constexpr size_t kBlockCache = size_t{64} << 20;

// Translates RocksDB's status for the rest of the program. `what` says which operation failed.
absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(what, ": ", s.ToString());
  if (s.IsCorruption()) return absl::DataLossError(message);
  if (s.IsNoSpace() || s.subcode() == rocksdb::Status::kSpaceLimit) {
    return absl::ResourceExhaustedError(message);
  }
  if (s.IsIOError()) return absl::UnavailableError(message);
  if (s.IsInvalidArgument()) return absl::FailedPreconditionError(message);
  if (s.IsBusy() || s.IsTryAgain()) return absl::UnavailableError(message);
  return absl::InternalError(message);
}

// The `what` of the bureau's records (periods, exceptions, reviews, facts, snapshots, schedule,
// tokens): their DATA_LOSS message names the key, or the prefix of a scan, instead of the kind.
constexpr absl::string_view kBureauRecord = "";

template <typename M>
absl::StatusOr<M> ParseStored(const std::string& bytes, absl::string_view what) {
  M message;
  if (!message.ParseFromString(bytes)) {
    return absl::DataLossError(absl::StrCat("stored ", what, " cannot be decoded"));
  }
  return message;
}

// Each stored value of a scan decoded as M. `prefix` (the scan's) names the records of the
// bureau (kBureauRecord) in a DATA_LOSS message, `what` the others.
template <typename M>
absl::StatusOr<std::vector<M>> DecodeAll(const std::vector<std::string>& values,
                                         const std::string& prefix, absl::string_view what) {
  std::vector<M> records;
  records.reserve(values.size());
  for (const auto& bytes : values) {
    auto record = ParseStored<M>(bytes, what);
    if (!record.ok() && what == kBureauRecord) {
      return absl::DataLossError("a stored record cannot be decoded: " + prefix);
    }
    if (!record.ok()) return record.status();
    records.push_back(*std::move(record));
  }
  return records;
}

std::string Serialize(const google::protobuf::Message& message) {
  std::string out;
  message.SerializeToString(&out);
  return out;
}

}  // namespace

struct Store::Handles {
  // One per kFamilies entry, in its order.
  std::vector<rocksdb::ColumnFamilyHandle*> all;
};

// What Open and Inspect both refuse, in the same words.
namespace {

// Whether `data_dir` holds a database (its CURRENT file); `*exists` says whether it exists.
// Refuses a file, and a non-empty directory without a database.
absl::StatusOr<bool> HoldsDatabase(const std::string& data_dir, bool* exists) {
  std::error_code ec;
  *exists = fs::exists(data_dir, ec);
  const bool is_database = *exists && fs::exists(fs::path(data_dir) / "CURRENT", ec);
  if (*exists && !fs::is_directory(data_dir, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", data_dir, " is a file, not a directory; choose a directory"));
  }
  if (*exists && !is_database && !fs::is_empty(data_dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "data dir ", data_dir,
        " is not empty and holds no junheng database; point --data-dir at the server's data "
        "directory or at an empty or new one"));
  }
  return is_database;
}

// Refuses a database without the column families of schema 1.
absl::Status CheckJunhengFamilies(const rocksdb::DBOptions& options, const std::string& data_dir) {
  std::vector<std::string> present;
  rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(options, data_dir, &present);
  if (!listed.ok()) return FromRocks(listed, absl::StrCat("cannot read data dir ", data_dir));
  for (size_t i = 0; i < kSchemaOneFamilies; ++i) {
    const std::string& family = kFamilies[i];
    if (std::find(present.begin(), present.end(), family) == present.end()) {
      return absl::FailedPreconditionError(
          absl::StrCat("data dir ", data_dir, " is a RocksDB database but not a junheng one (no '",
                       family, "' column family); it was not changed"));
    }
  }
  return absl::OkStatus();
}

// The stored schema version (`schema`, read with status `got`) against this build's.
absl::Status CheckSchema(const std::string& data_dir, const rocksdb::Status& got,
                         const std::string& schema) {
  if (got.IsNotFound()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "data dir ", data_dir, " has no junheng schema version; it is not a junheng database"));
  }
  if (!got.ok()) return FromRocks(got, "cannot read the schema version");
  if (schema != absl::StrCat(Store::kSchemaVersion)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "data dir ", data_dir, " has schema version ", schema, " but this server reads ",
        Store::kSchemaVersion, "; run the matching junheng-server release"));
  }
  return absl::OkStatus();
}

// The process holding the POSIX lock RocksDB takes on `lock_file`, from /proc/locks. Read there
// rather than asked with fcntl(F_GETLK): closing a descriptor of the file would drop a lock this
// very process holds on it.
std::optional<int> LockHolder(const std::string& lock_file) {
  struct stat file;
  if (stat(lock_file.c_str(), &file) != 0) return std::nullopt;
  // "1: POSIX  ADVISORY  WRITE 4242 fe:00:10953623 0 EOF": pid, then major:minor:inode (hex
  // device numbers). Lines with "->" are waiters.
  const std::string device =
      absl::StrFormat("%02x:%02x:%u", major(file.st_dev), minor(file.st_dev), file.st_ino);
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (words.size() < 6 || words[1] != "POSIX" || words[5] != device) continue;
    int pid = 0;
    if (absl::SimpleAtoi(words[4], &pid)) return pid;
  }
  return std::nullopt;
}

// Inspect's info log: none, so that its read-only open creates (or rotates) no LOG file under a
// running server.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
};

}  // namespace

absl::StatusOr<DataDirState> Store::Inspect(const std::string& data_dir) {
  DataDirState state;
  auto is_database = HoldsDatabase(data_dir, &state.exists);
  if (!is_database.ok()) return is_database.status();
  if (!*is_database) return state;
  rocksdb::Options options;
  options.info_log = std::make_shared<SilentLogger>();
  if (absl::Status families = CheckJunhengFamilies(options, data_dir); !families.ok()) {
    return families;
  }
  // The default family alone, which holds the schema version: a read-only open takes no lock and
  // writes nothing, whether or not a server has the database open.
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = rocksdb::DB::OpenForReadOnly(options, data_dir, &raw);
  if (!opened.ok()) return FromRocks(opened, absl::StrCat("cannot read data dir ", data_dir));
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string schema;
  rocksdb::Status got = db->Get(rocksdb::ReadOptions(), kSchemaKey, &schema);
  db->Close().PermitUncheckedError();
  if (absl::Status checked = CheckSchema(data_dir, got, schema); !checked.ok()) return checked;
  state.holds_database = true;
  state.lock_holder_pid = LockHolder((fs::path(data_dir) / "LOCK").string());
  return state;
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& data_dir,
                                                   const StoreOptions& store_options) {
  bool exists = false;
  auto holds_database = HoldsDatabase(data_dir, &exists);
  if (!holds_database.ok()) return holds_database.status();
  const bool is_database = *holds_database;

  rocksdb::DBOptions options;
  options.create_if_missing = !is_database;
  options.create_missing_column_families = true;
  options.paranoid_checks = true;
  if (store_options.env != nullptr) options.env = store_options.env;
  if (is_database) {
    if (absl::Status families = CheckJunhengFamilies(options, data_dir); !families.ok()) {
      return families;
    }
  }

  // Memory is bounded for the whole database, not per family: every family's memtables share
  // one budget (kMemtableBudget), and every family's blocks one cache (kBlockCache). Without
  // them each of the 14 families could hold 2 x 64 MiB of memtables and its own 32 MiB cache, and
  // the server's RSS grew with every report accepted.
  options.db_write_buffer_size = kMemtableBudget;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(kBlockCache);
  // Most lookups of a submission are for keys that are not there (a new submission_id, the first
  // version of a school, an exception or a review that was never made): a Bloom filter answers
  // those without reading any block.
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  // Index and filter in partitions of a data block's size, found through a small top level kept
  // pinned: once the reports outgrow the cache (a national registry's replacements), a point read
  // that misses loads one 4 KiB partition, not the whole index and filter of a 64 MiB file —
  // without partitions those reloads took most of the server's CPU (docs/performance.md, Ingest).
  table.index_type = rocksdb::BlockBasedTableOptions::IndexType::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.pin_top_level_index_and_filter = true;
  rocksdb::ColumnFamilyOptions family_options;
  family_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  if (store_options.write_buffer_size > 0) {
    family_options.write_buffer_size = store_options.write_buffer_size;
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& family : kFamilies) descriptors.emplace_back(family, family_options);
  auto handles = std::make_unique<Handles>();
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = rocksdb::DB::Open(options, data_dir, descriptors, &handles->all, &raw);
  if (!opened.ok()) {
    if (opened.IsIOError() && absl::StrContains(opened.ToString(), "lock")) {
      return absl::FailedPreconditionError(absl::StrCat(
          "data dir ", data_dir,
          " is in use by another junheng-server (its LOCK is held); stop that server first or "
          "use another --data-dir"));
    }
    return FromRocks(opened, absl::StrCat("cannot open data dir ", data_dir));
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  auto close = [&] {
    for (auto* handle : handles->all) db->DestroyColumnFamilyHandle(handle);
    handles->all.clear();
    db->Close();
  };

  std::string schema;
  rocksdb::Status got = db->Get(rocksdb::ReadOptions(), handles->all[0], kSchemaKey, &schema);
  if (got.IsNotFound() && !is_database) {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    got = db->Put(sync, handles->all[0], kSchemaKey, absl::StrCat(kSchemaVersion));
    schema = absl::StrCat(kSchemaVersion);
  }
  if (absl::Status checked = CheckSchema(data_dir, got, schema); !checked.ok()) {
    close();
    return checked;
  }

  int64_t audit_seq = 0;
  std::string seq_text;
  got = db->Get(rocksdb::ReadOptions(), handles->all[0], kAuditSeqKey, &seq_text);
  if (got.ok() && !absl::SimpleAtoi(seq_text, &audit_seq)) {
    close();
    return absl::DataLossError("the stored audit sequence number is unreadable");
  }
  if (!got.ok() && !got.IsNotFound()) {
    close();
    return FromRocks(got, "cannot read the audit sequence");
  }
  std::unique_ptr<Store> store(new Store(std::move(db), std::move(handles), audit_seq));
  store->data_dir_ = data_dir;
  store->StartReportWriter(store_options.hold_report_writer);
  return store;
}

Store::Store(std::unique_ptr<rocksdb::DB> db, std::unique_ptr<Handles> handles, int64_t audit_seq)
    : db_(std::move(db)), cf_(std::move(handles)), audit_seq_(audit_seq) {}

Store::~Store() {
  StopReportWriter();
  for (auto* handle : cf_->all) db_->DestroyColumnFamilyHandle(handle);
  db_->Close();
}

rocksdb::ColumnFamilyHandle* Store::Handle(Family family) const {
  return cf_->all[static_cast<size_t>(family)];
}

absl::StatusOr<std::optional<std::string>> Store::Get(Family family, const std::string& key) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), Handle(family), key, &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return FromRocks(s, absl::StrCat("reading ", key));
  return value;
}

absl::StatusOr<std::vector<std::string>> Store::Scan(Family family,
                                                     const std::string& prefix) const {
  std::vector<std::string> values;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), Handle(family)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    values.push_back(it->value().ToString());
  }
  if (!it->status().ok()) return FromRocks(it->status(), absl::StrCat("scanning ", prefix));
  return values;
}

namespace {

// A value read by key decoded as M; `what` names it as in ParseStored, or the bureau's records by
// their key.
template <typename M>
absl::StatusOr<std::optional<M>> DecodeRecord(
    const absl::StatusOr<std::optional<std::string>>& bytes, const std::string& key,
    absl::string_view what) {
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::nullopt;
  auto record = ParseStored<M>(**bytes, what);
  if (!record.ok() && what == kBureauRecord) {
    return absl::DataLossError(absl::StrCat("the stored record ", key, " cannot be decoded"));
  }
  if (!record.ok()) return record.status();
  return *std::move(record);
}

}  // namespace

template <typename M>
absl::StatusOr<std::optional<M>> Store::GetRecord(Family family, const std::string& key,
                                                  absl::string_view what) const {
  return DecodeRecord<M>(Get(family, key), key, what);
}

template <typename M>
std::vector<absl::StatusOr<std::optional<M>>> Store::GetRecords(
    Family family, const std::vector<std::string>& keys, absl::string_view what) const {
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db_->MultiGet(rocksdb::ReadOptions(), Handle(family), keys.size(), slices.data(), values.data(),
                statuses.data());
  std::vector<absl::StatusOr<std::optional<M>>> records;
  records.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    absl::StatusOr<std::optional<std::string>> bytes = std::nullopt;
    if (statuses[i].ok()) {
      bytes = values[i].ToString();
    } else if (!statuses[i].IsNotFound()) {
      bytes = FromRocks(statuses[i], absl::StrCat("reading ", keys[i]));
    }
    records.push_back(DecodeRecord<M>(bytes, keys[i], what));
  }
  return records;
}

// The report writer's (report_writer.cc).
template std::vector<absl::StatusOr<std::optional<Receipt>>> Store::GetRecords<Receipt>(
    Family, const std::vector<std::string>&, absl::string_view) const;
template std::vector<absl::StatusOr<std::optional<IdempotencyRecord>>>
Store::GetRecords<IdempotencyRecord>(Family, const std::vector<std::string>&,
                                     absl::string_view) const;

template <typename M>
absl::StatusOr<std::vector<M>> Store::ScanRecords(Family family, const std::string& prefix,
                                                  absl::string_view what) const {
  auto values = Scan(family, prefix);
  if (!values.ok()) return values.status();
  return DecodeAll<M>(*values, prefix, what);
}

absl::StatusOr<std::vector<std::string>> Store::ScanPage(Family family, const std::string& prefix,
                                                         const std::string& start, size_t limit,
                                                         bool newest_first) const {
  std::vector<std::string> values;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), Handle(family)));
  if (!newest_first) {
    it->Seek(start.empty() ? prefix : start);
    if (!start.empty() && it->Valid() && it->key() == start) it->Next();
  } else {
    // Every key under the prefix sorts below prefix + 0xff: codes and numbers are ASCII.
    it->SeekForPrev(start.empty() ? absl::StrCat(prefix, "\xff") : start);
    if (!start.empty() && it->Valid() && it->key() == start) it->Prev();
  }
  while (values.size() < limit && it->Valid() && it->key().starts_with(prefix)) {
    values.push_back(it->value().ToString());
    if (newest_first) {
      it->Prev();
    } else {
      it->Next();
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), absl::StrCat("scanning ", prefix));
  return values;
}

template <typename M>
absl::StatusOr<std::vector<M>> Store::ScanRecordPage(Family family, const std::string& prefix,
                                                     const std::string& start, size_t limit,
                                                     bool newest_first,
                                                     absl::string_view what) const {
  auto values = ScanPage(family, prefix, start, limit, newest_first);
  if (!values.ok()) return values.status();
  return DecodeAll<M>(*values, prefix, what);
}

absl::Status Store::ProbeWritable() {
  rocksdb::Env* env = db_->GetEnv();
  const std::string probe = data_dir_ + "/.junheng-write-probe";
  std::unique_ptr<rocksdb::WritableFile> file;
  rocksdb::Status s = env->NewWritableFile(probe, &file, rocksdb::EnvOptions());
  if (s.ok()) s = file->Append(rocksdb::Slice(std::string(64 << 10, '\0')));
  if (s.ok()) s = file->Sync();
  if (file != nullptr) file->Close().PermitUncheckedError();
  env->DeleteFile(probe).PermitUncheckedError();
  absl::Status status = FromRocks(s, "probing the data dir");
  if (absl::IsInternal(status)) status = absl::UnavailableError(status.message());
  return status;
}

absl::Status Store::ResumeWritesLocked(absl::string_view what, bool log_refusal) {
  // A failed write left RocksDB refusing writes until told to resume. Resume() flushes the
  // memtables to new files and starts a new write-ahead log, so nothing after the failed record
  // depends on it. But a Resume() that fails for lack of space turns the error into one RocksDB
  // never resumes from, so first probe that the data dir takes a synced write again.
  if (absl::Status probe = ProbeWritable(); !probe.ok()) {
    if (log_refusal) {
      spdlog::error("write refused, data dir {} is still not writable: {}; reads continue",
                    data_dir_, std::string(probe.message()));
    }
    return probe;
  }
  rocksdb::Status resumed = db_->Resume();
  if (!resumed.ok()) {
    absl::Status status =
        FromRocks(resumed, absl::StrCat(what, " (the data dir is still not writable)"));
    if (absl::IsInternal(status)) {
      status = absl::UnavailableError(status.message());
    }
    if (log_refusal) {
      spdlog::error("write refused, data dir {}: {}; reads continue. {}", data_dir_,
                    std::string(status.message()),
                    resumed.severity() >= rocksdb::Status::Severity::kFatalError
                        ? "RocksDB cannot resume from this error: fix the disk and restart "
                          "junheng-server"
                        : "free space or fix permissions; writes resume by themselves");
    }
    return status;
  }
  spdlog::info("data dir {} is writable again; writes resumed", data_dir_);
  write_failed_ = false;
  return absl::OkStatus();
}

absl::Status Store::RetryWrites() {
  absl::MutexLock lock(&mu_);
  if (!write_failed_) return absl::OkStatus();
  return ResumeWritesLocked("resuming writes", /*log_refusal=*/false);
}

absl::Status Store::WriteSynced(rocksdb::WriteBatch& batch, absl::string_view what) {
  if (write_failed_) {
    absl::Status resumed = ResumeWritesLocked(what, /*log_refusal=*/true);
    if (!resumed.ok()) return resumed;
  }
  rocksdb::WriteOptions sync;
  sync.sync = true;
  absl::Status status = FromRocks(db_->Write(sync, &batch), what);
  if (!status.ok() && (absl::IsResourceExhausted(status) || absl::IsUnavailable(status) ||
                       absl::IsInternal(status))) {
    write_failed_ = true;
    if (absl::IsInternal(status)) status = absl::UnavailableError(status.message());
    spdlog::error("write failed, data dir {}: {}; nothing of it is stored, reads continue. {}",
                  data_dir_, std::string(status.message()),
                  absl::IsResourceExhausted(status)
                      ? "The disk is full: free space and writes resume by themselves."
                      : "Check that the data dir is writable and the disk healthy.");
  }
  return status;
}

// --- Change ---

void Change::Put(Family family, absl::string_view record_county, std::string key,
                 const google::protobuf::Message& value) {
  if (record_county != county_ && foreign_county_.empty()) {
    foreign_county_ = std::string(record_county);
  }
  writes_.push_back(Write{family, std::move(key), Serialize(value)});
}

Change& Change::PutSchool(const School& school) {
  Put(Family::kRegistry, school.county_code(),
      RegistryKey(school.county_code(), school.school_code()), school);
  return *this;
}

Change& Change::PutPeriod(const ReportingPeriod& period) {
  Put(Family::kPeriods, period.county_code(), PeriodKey(period.county_code(), period.period()),
      period);
  return *this;
}

Change& Change::PutException(const SubmissionException& exception) {
  Put(Family::kExceptions, exception.county_code(),
      ExceptionKey(exception.county_code(), exception.period(), exception.school_code()),
      exception);
  return *this;
}

Change& Change::PutReview(const ReviewRecord& review) {
  Put(Family::kReviews, review.county_code(),
      ReviewKey(review.county_code(), review.period(), review.school_code()), review);
  return *this;
}

Change& Change::PutCountyFacts(const StoredCountyFacts& facts) {
  const auto& r = facts.receipt();
  Put(Family::kFacts, r.county_code(), FactsKey(r.county_code(), r.period(), r.version()), facts);
  return *this;
}

Change& Change::PutSnapshot(const Snapshot& snapshot) {
  Put(Family::kSnapshots, snapshot.county_code(),
      SnapshotKey(snapshot.county_code(), snapshot.period(), snapshot.seq()), snapshot);
  return *this;
}

Change& Change::PutScheduledRun(const ScheduledRun& run) {
  Put(Family::kSchedule, run.county_code(),
      ScheduleKey(run.county_code(), run.period(), run.trigger()), run);
  return *this;
}

Change& Change::PutEnrolment(const junheng::v1::StoredEnrolment& enrolment) {
  Put(Family::kSessions, enrolment.county_code(),
      EnrolmentKey(enrolment.county_code(), enrolment.code_sha256_hex()), enrolment);
  return *this;
}

Change& Change::PutSession(const junheng::v1::StoredSession& session) {
  Put(Family::kSessions, session.county_code(),
      SessionKey(session.county_code(), session.session_sha256_hex()), session);
  return *this;
}

Change& Change::PutToken(const StoredToken& token) {
  Put(Family::kTokens, token.info().county_code(),
      TokenKey(token.info().county_code(), token.info().id()), token);
  return *this;
}

Change& Change::PutRegion(const junheng::v1::Region& region) {
  Put(Family::kRegions, kRegionChain, RegionKey(region.code()), region);
  return *this;
}

Change& Change::Audit(AuditEntry entry) {
  audit_.push_back(std::move(entry));
  return *this;
}

// --- The write protocol ---

absl::Status Store::CommitLocked(Change change, absl::string_view what) {
  if (!change.foreign_county_.empty()) {
    return absl::InternalError(absl::StrCat("a change of county ", change.county_,
                                            " writes a record of county ", change.foreign_county_,
                                            "; nothing was stored"));
  }
  rocksdb::WriteBatch batch;
  for (const auto& write : change.writes_) batch.Put(Handle(write.family), write.key, write.value);
  int64_t seq = audit_seq_;
  std::map<std::string, std::string> heads = audit_heads_;
  for (auto& entry : change.audit_) {
    absl::Status added = AddAuditLocked(change.county_, std::move(entry), seq, heads, batch);
    if (!added.ok()) return added;
  }
  absl::Status written = WriteWithAuditLocked(batch, seq, std::move(heads), what);
  // Now that reads see the change (or nothing of it), no cached copy may predate it.
  for (const auto& write : change.writes_) {
    if (write.family == Family::kPeriods) periods_cache_.Invalidate(change.county_);
    if (write.family == Family::kTokens) tokens_cache_.Invalidate(write.key);
  }
  return written;
}

absl::Status Store::AddAuditLocked(absl::string_view county, AuditEntry entry, int64_t& seq,
                                   std::map<std::string, std::string>& heads,
                                   rocksdb::WriteBatch& batch) const {
  entry.set_seq(seq + 1);
  if (absl::Status chained = ChainAuditLocked(county, entry, heads); !chained.ok()) return chained;
  ++seq;
  batch.Put(Handle(Family::kAudit), AuditKey(county, seq), Serialize(entry));
  return absl::OkStatus();
}

absl::Status Store::WriteWithAuditLocked(rocksdb::WriteBatch& batch, int64_t seq,
                                         std::map<std::string, std::string> heads,
                                         absl::string_view what) {
  batch.Put(Handle(Family::kMeta), kAuditSeqKey, absl::StrCat(seq));
  absl::Status status = WriteSynced(batch, what);
  if (status.ok()) {
    audit_seq_ = seq;
    audit_heads_ = std::move(heads);
  }
  return status;
}

// What a change stores, for its error messages: "storing the registry", "storing 140430/2024".
std::string Store::Describe(const Change& change) {
  if (change.writes_.empty()) return "storing the audit log";
  if (change.writes_[0].family == Family::kRegistry) return "storing the registry";
  return absl::StrCat("storing ", change.writes_[0].key);
}

absl::Status Store::Commit(Change change) {
  const std::string what = Describe(change);
  absl::MutexLock lock(&mu_);
  return CommitLocked(std::move(change), what);
}

absl::Status Store::CompareAndCommit(Prepare prepare) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::optional<Change>> change = prepare(*this);
  if (!change.ok()) return change.status();
  if (!change->has_value()) return absl::OkStatus();
  const std::string what = Describe(**change);
  return CommitLocked(**std::move(change), what);
}

absl::StatusOr<ReportOutcome> Store::CommitReport(const ReportProposal& proposal, AdmitReport admit,
                                                  BuildReport build) {
  // The writer calls admit and build before `done`, and this waits for `done`: the references
  // outlive their use.
  absl::Notification decided;
  absl::StatusOr<ReportOutcome> outcome;
  CommitReportAsync(
      proposal, [&](const Store& store) { return admit(store); },
      [&](const Store& store, int64_t version) { return build(store, version); },
      [&](absl::StatusOr<ReportOutcome> result) {
        outcome = std::move(result);
        decided.Notify();
      });
  decided.WaitForNotification();
  return outcome;
}

absl::Status Store::ChainAuditLocked(absl::string_view county, AuditEntry& entry,
                                     std::map<std::string, std::string>& heads) const {
  auto head = heads.find(std::string(county));
  if (head == heads.end()) {
    // The county's last stored entry: the greatest key under "county/".
    std::string last_hash;
    const std::string prefix = AuditPrefix(county);
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), Handle(Family::kAudit)));
    it->SeekForPrev(absl::StrCat(prefix, "\xff"));
    if (it->Valid() && it->key().starts_with(prefix)) {
      auto last = ParseStored<AuditEntry>(it->value().ToString(), "audit entry");
      if (!last.ok()) return last.status();
      last_hash = last->entry_hash();
    }
    if (!it->status().ok()) return FromRocks(it->status(), "reading the audit log's head");
    head = heads.emplace(std::string(county), std::move(last_hash)).first;
  }
  entry.set_previous_hash(head->second);
  entry.set_entry_hash(AuditEntryHash(entry));
  head->second = entry.entry_hash();
  return absl::OkStatus();
}

// --- Reads ---

absl::StatusOr<std::optional<School>> Store::GetSchool(absl::string_view county,
                                                       absl::string_view school) const {
  return GetRecord<School>(Family::kRegistry, RegistryKey(county, school), "school");
}

absl::StatusOr<std::vector<CountyHeld>> Store::ListCounties(absl::string_view code_prefix,
                                                            absl::string_view after_county,
                                                            size_t limit) const {
  std::vector<CountyHeld> counties;
  if (limit == 0) return counties;
  const std::string prefix(code_prefix);
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), Handle(Family::kRegistry)));
  // Registry keys are county/school: the first key after "<after>/\xff" is the next county's.
  if (after_county.empty()) {
    it->Seek(prefix);
  } else {
    it->Seek(absl::StrCat(RegistryPrefix(after_county), "\xff"));
  }
  for (; it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const absl::string_view key(it->key().data(), it->key().size());
    const absl::string_view county = key.substr(0, key.find('/'));
    if (!counties.empty() && counties.back().county_code == county) {
      ++counties.back().schools;
      continue;
    }
    if (counties.size() == limit) break;
    counties.push_back(CountyHeld{std::string(county), 1});
  }
  if (!it->status().ok()) return FromRocks(it->status(), "listing the counties held");
  return counties;
}

absl::StatusOr<std::optional<junheng::v1::Region>> Store::GetRegion(absl::string_view code) const {
  return GetRecord<junheng::v1::Region>(Family::kRegions, RegionKey(code), kBureauRecord);
}

absl::StatusOr<std::vector<junheng::v1::Region>> Store::ListRegions() const {
  return ScanRecords<junheng::v1::Region>(Family::kRegions, "", kBureauRecord);
}

absl::StatusOr<std::vector<School>> Store::ListSchools(absl::string_view county) const {
  return ScanRecords<School>(Family::kRegistry, RegistryPrefix(county), "school");
}

absl::StatusOr<std::optional<Receipt>> Store::GetLatest(absl::string_view county,
                                                        absl::string_view period,
                                                        absl::string_view school) const {
  return GetRecord<Receipt>(Family::kLatest, LatestKey(county, period, school), "latest receipt");
}

absl::StatusOr<std::map<std::string, int>> Store::CountReportedPeriods(
    absl::string_view county) const {
  auto latest = ScanRecords<Receipt>(Family::kLatest, LatestPrefix(county), "latest receipt");
  if (!latest.ok()) return latest.status();
  std::map<std::string, int> counts;
  for (const Receipt& receipt : *latest) ++counts[receipt.period()];
  return counts;
}

absl::StatusOr<std::vector<Receipt>> Store::ListLatest(absl::string_view county,
                                                       absl::string_view period) const {
  return ScanRecords<Receipt>(Family::kLatest, LatestPrefix(county, period), "latest receipt");
}

absl::StatusOr<std::vector<junheng::v1::SchoolReport>> Store::ListLatestReports(
    absl::string_view county, absl::string_view period) const {
  // Versions sort by school, then by zero-padded version: a school's last key is its latest
  // version (versions only grow, and a version is written in one batch with its latest pointer).
  const std::string prefix = absl::StrCat(county, "/", period, "/");
  std::vector<junheng::v1::SchoolReport> reports;
  std::string school, value;
  auto flush = [&]() -> absl::Status {
    if (school.empty()) return absl::OkStatus();
    auto stored = ParseStored<StoredReport>(value, "report version");
    if (!stored.ok()) return stored.status();
    reports.push_back(std::move(*stored->mutable_report()));
    return absl::OkStatus();
  };
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), Handle(Family::kVersions)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    absl::string_view rest(it->key().data() + prefix.size(), it->key().size() - prefix.size());
    absl::string_view this_school = rest.substr(0, rest.find('/'));
    if (this_school != school) {
      if (absl::Status flushed = flush(); !flushed.ok()) return flushed;
      school = std::string(this_school);
    }
    value.assign(it->value().data(), it->value().size());
  }
  if (!it->status().ok()) return FromRocks(it->status(), absl::StrCat("scanning ", prefix));
  if (absl::Status flushed = flush(); !flushed.ok()) return flushed;
  return reports;
}

absl::StatusOr<std::optional<IdempotencyRecord>> Store::GetIdempotency(
    absl::string_view county, absl::string_view submission_id) const {
  return GetRecord<IdempotencyRecord>(Family::kIdempotency, IdempotencyKey(county, submission_id),
                                      "idempotency record");
}

absl::StatusOr<std::optional<StoredReport>> Store::GetReportVersion(absl::string_view county,
                                                                    absl::string_view period,
                                                                    absl::string_view school,
                                                                    int64_t version) const {
  return GetRecord<StoredReport>(Family::kVersions, VersionKey(county, period, school, version),
                                 "report version");
}

absl::StatusOr<std::vector<Receipt>> Store::ListVersions(absl::string_view county,
                                                         absl::string_view period,
                                                         absl::string_view school) const {
  auto versions = ScanRecords<StoredReport>(
      Family::kVersions, VersionPrefix(county, period, school), "report version");
  if (!versions.ok()) return versions.status();
  std::vector<Receipt> receipts;
  receipts.reserve(versions->size());
  for (auto& stored : *versions) receipts.push_back(std::move(*stored.mutable_receipt()));
  return receipts;
}

absl::StatusOr<std::optional<ReportingPeriod>> Store::GetPeriod(absl::string_view county,
                                                                absl::string_view period) const {
  auto periods = CountyPeriods(county);
  if (!periods.ok()) return periods.status();
  for (const ReportingPeriod& p : **periods) {
    if (p.period() == period) return p;
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<ReportingPeriod>> Store::ListPeriods(absl::string_view county) const {
  auto periods = CountyPeriods(county);
  if (!periods.ok()) return periods.status();
  return **periods;
}

absl::StatusOr<std::shared_ptr<const std::vector<ReportingPeriod>>> Store::CountyPeriods(
    absl::string_view county) const {
  return periods_cache_.Get(county, [&] {
    return ScanRecords<ReportingPeriod>(Family::kPeriods, PeriodPrefix(county), kBureauRecord);
  });
}

absl::StatusOr<std::vector<ReportingPeriod>> Store::ListAllPeriods() const {
  return ScanRecords<ReportingPeriod>(Family::kPeriods, "", kBureauRecord);
}

absl::StatusOr<std::optional<SubmissionException>> Store::GetException(
    absl::string_view county, absl::string_view period, absl::string_view school) const {
  return GetRecord<SubmissionException>(Family::kExceptions, ExceptionKey(county, period, school),
                                        kBureauRecord);
}

absl::StatusOr<std::optional<ReviewRecord>> Store::GetReview(absl::string_view county,
                                                             absl::string_view period,
                                                             absl::string_view school) const {
  return GetRecord<ReviewRecord>(Family::kReviews, ReviewKey(county, period, school),
                                 kBureauRecord);
}

absl::StatusOr<std::optional<StoredCountyFacts>> Store::GetCountyFacts(absl::string_view county,
                                                                       absl::string_view period,
                                                                       int64_t version) const {
  return GetRecord<StoredCountyFacts>(Family::kFacts, FactsKey(county, period, version),
                                      kBureauRecord);
}

absl::StatusOr<std::vector<StoredCountyFacts>> Store::ListCountyFacts(
    absl::string_view county, absl::string_view period) const {
  return ScanRecords<StoredCountyFacts>(Family::kFacts, FactsPrefix(county, period), kBureauRecord);
}

absl::StatusOr<std::optional<Snapshot>> Store::GetSnapshot(absl::string_view county,
                                                           absl::string_view period,
                                                           int64_t seq) const {
  return GetRecord<Snapshot>(Family::kSnapshots, SnapshotKey(county, period, seq), kBureauRecord);
}

absl::StatusOr<std::vector<Snapshot>> Store::ListSnapshots(absl::string_view county,
                                                           absl::string_view period) const {
  return ScanRecords<Snapshot>(Family::kSnapshots, SnapshotPrefix(county, period), kBureauRecord);
}

absl::StatusOr<std::optional<ScheduledRun>> Store::GetScheduledRun(
    absl::string_view county, absl::string_view period, absl::string_view trigger) const {
  return GetRecord<ScheduledRun>(Family::kSchedule, ScheduleKey(county, period, trigger),
                                 kBureauRecord);
}

absl::StatusOr<std::optional<StoredToken>> Store::GetToken(absl::string_view county,
                                                           absl::string_view id) const {
  const std::string key = TokenKey(county, id);
  auto token = tokens_cache_.Get(
      key, [&] { return GetRecord<StoredToken>(Family::kTokens, key, kBureauRecord); });
  if (!token.ok()) return token.status();
  return **token;
}

absl::StatusOr<std::vector<StoredToken>> Store::ListTokens(absl::string_view county) const {
  return ScanRecords<StoredToken>(Family::kTokens, TokenPrefix(county), kBureauRecord);
}

absl::StatusOr<std::optional<junheng::v1::StoredEnrolment>> Store::GetEnrolment(
    absl::string_view county, absl::string_view code_sha256_hex) const {
  return GetRecord<junheng::v1::StoredEnrolment>(
      Family::kSessions, EnrolmentKey(county, code_sha256_hex), kBureauRecord);
}

absl::StatusOr<std::optional<junheng::v1::StoredSession>> Store::GetSession(
    absl::string_view county, absl::string_view session_sha256_hex) const {
  return GetRecord<junheng::v1::StoredSession>(
      Family::kSessions, SessionKey(county, session_sha256_hex), kBureauRecord);
}

absl::StatusOr<std::vector<AuditEntry>> Store::ListAudit(absl::string_view county) const {
  return ScanRecords<AuditEntry>(Family::kAudit, AuditPrefix(county), "audit entry");
}

// --- Reads: pages ---

absl::StatusOr<std::vector<School>> Store::ListSchools(absl::string_view county,
                                                       absl::string_view after_school,
                                                       size_t limit) const {
  return ScanRecordPage<School>(Family::kRegistry, RegistryPrefix(county),
                                after_school.empty() ? "" : RegistryKey(county, after_school),
                                limit, false, "school");
}

absl::StatusOr<std::vector<Receipt>> Store::ListLatest(absl::string_view county,
                                                       absl::string_view period,
                                                       absl::string_view after_school,
                                                       size_t limit) const {
  return ScanRecordPage<Receipt>(
      Family::kLatest, LatestPrefix(county, period),
      after_school.empty() ? "" : LatestKey(county, period, after_school), limit, false,
      "latest receipt");
}

absl::StatusOr<std::vector<Receipt>> Store::ListVersions(absl::string_view county,
                                                         absl::string_view period,
                                                         absl::string_view school,
                                                         int64_t after_version,
                                                         size_t limit) const {
  auto versions = ScanRecordPage<StoredReport>(
      Family::kVersions, VersionPrefix(county, period, school),
      after_version <= 0 ? "" : VersionKey(county, period, school, after_version), limit, false,
      "report version");
  if (!versions.ok()) return versions.status();
  std::vector<Receipt> receipts;
  receipts.reserve(versions->size());
  for (auto& stored : *versions) receipts.push_back(std::move(*stored.mutable_receipt()));
  return receipts;
}

absl::StatusOr<std::vector<StoredToken>> Store::ListTokens(absl::string_view county,
                                                           absl::string_view after_id,
                                                           size_t limit) const {
  return ScanRecordPage<StoredToken>(Family::kTokens, TokenPrefix(county),
                                     after_id.empty() ? "" : TokenKey(county, after_id), limit,
                                     false, kBureauRecord);
}

absl::StatusOr<std::vector<AuditEntry>> Store::ListAuditNewestFirst(absl::string_view county,
                                                                    int64_t before_seq,
                                                                    size_t limit) const {
  return ScanRecordPage<AuditEntry>(Family::kAudit, AuditPrefix(county),
                                    before_seq <= 0 ? "" : AuditKey(county, before_seq), limit,
                                    true, "audit entry");
}

absl::StatusOr<std::vector<ReviewRecord>> Store::ListReviews(absl::string_view county,
                                                             absl::string_view period) const {
  return ScanRecords<ReviewRecord>(Family::kReviews, ReviewPrefix(county, period), kBureauRecord);
}

}  // namespace junheng::storage
