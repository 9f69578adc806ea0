#include "absl/strings/string_view.h"
#include "server/storage/store.h"

#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/options.h"
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
using junheng::v1::School;
using junheng::v1::StoredReport;

constexpr char kSchemaKey[] = "meta/schema_version";
constexpr char kAuditSeqKey[] = "meta/audit_seq";
// The families of schema 1 first (a database without them is not ours), then those added since,
// which Open creates when missing. Store::Family indexes the latter from kFirstRecordFamily.
const std::vector<std::string> kFamilies = {
    rocksdb::kDefaultColumnFamilyName, "registry", "versions", "latest", "idempotency", "audit",
    "periods", "exceptions", "reviews", "facts", "snapshots", "schedule", "tokens"};
constexpr size_t kSchemaOneFamilies = 6;
constexpr size_t kFirstRecordFamily = 6;

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

template <typename M>
absl::StatusOr<M> ParseStored(const std::string& bytes, absl::string_view what) {
  M message;
  if (!message.ParseFromString(bytes)) {
    return absl::DataLossError(absl::StrCat("stored ", what, " cannot be decoded"));
  }
  return message;
}

std::string Serialize(const google::protobuf::Message& message) {
  std::string out;
  message.SerializeToString(&out);
  return out;
}

}  // namespace

struct Store::Handles {
  std::vector<rocksdb::ColumnFamilyHandle*> all;
  rocksdb::ColumnFamilyHandle* meta() const { return all[0]; }
  rocksdb::ColumnFamilyHandle* registry() const { return all[1]; }
  rocksdb::ColumnFamilyHandle* versions() const { return all[2]; }
  rocksdb::ColumnFamilyHandle* latest() const { return all[3]; }
  rocksdb::ColumnFamilyHandle* idempotency() const { return all[4]; }
  rocksdb::ColumnFamilyHandle* audit() const { return all[5]; }
};

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& data_dir,
                                                   const StoreOptions& store_options) {
  std::error_code ec;
  const bool exists = fs::exists(data_dir, ec);
  const bool is_database = exists && fs::exists(fs::path(data_dir) / "CURRENT", ec);
  if (exists && !fs::is_directory(data_dir, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", data_dir, " is a file, not a directory; choose a directory"));
  }
  if (exists && !is_database && !fs::is_empty(data_dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "data dir ", data_dir,
        " is not empty and holds no junheng database; point --data-dir at the server's data "
        "directory or at an empty or new one"));
  }

  rocksdb::DBOptions options;
  options.create_if_missing = !is_database;
  options.create_missing_column_families = true;
  options.paranoid_checks = true;
  if (store_options.env != nullptr) options.env = store_options.env;
  if (is_database) {
    std::vector<std::string> present;
    rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(options, data_dir, &present);
    if (!listed.ok()) return FromRocks(listed, absl::StrCat("cannot read data dir ", data_dir));
    for (size_t i = 0; i < kSchemaOneFamilies; ++i) {
      const std::string& family = kFamilies[i];
      if (std::find(present.begin(), present.end(), family) == present.end()) {
        return absl::FailedPreconditionError(absl::StrCat(
            "data dir ", data_dir, " is a RocksDB database but not a junheng one (no '", family,
            "' column family); it was not changed"));
      }
    }
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& family : kFamilies) descriptors.emplace_back(family, rocksdb::ColumnFamilyOptions());
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
  rocksdb::Status got = db->Get(rocksdb::ReadOptions(), handles->meta(), kSchemaKey, &schema);
  if (got.IsNotFound() && !is_database) {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    got = db->Put(sync, handles->meta(), kSchemaKey, absl::StrCat(kSchemaVersion));
    schema = absl::StrCat(kSchemaVersion);
  }
  if (!got.ok()) {
    close();
    if (got.IsNotFound()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "data dir ", data_dir, " has no junheng schema version; it is not a junheng database"));
    }
    return FromRocks(got, "cannot read the schema version");
  }
  if (schema != absl::StrCat(kSchemaVersion)) {
    close();
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", data_dir, " has schema version ", schema, " but this server reads ",
                     kSchemaVersion, "; run the matching junheng-server release"));
  }

  int64_t audit_seq = 0;
  std::string seq_text;
  got = db->Get(rocksdb::ReadOptions(), handles->meta(), kAuditSeqKey, &seq_text);
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
  return store;
}

Store::Store(std::unique_ptr<rocksdb::DB> db, std::unique_ptr<Handles> handles, int64_t audit_seq)
    : db_(std::move(db)), cf_(std::move(handles)), audit_seq_(audit_seq) {}

Store::~Store() {
  for (auto* handle : cf_->all) db_->DestroyColumnFamilyHandle(handle);
  db_->Close();
}

absl::StatusOr<std::optional<std::string>> Store::Get(rocksdb::ColumnFamilyHandle* cf,
                                                      const std::string& key) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf, key, &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return FromRocks(s, absl::StrCat("reading ", key));
  return value;
}

absl::StatusOr<std::vector<std::string>> Store::Scan(rocksdb::ColumnFamilyHandle* cf,
                                                     const std::string& prefix) const {
  std::vector<std::string> values;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    values.push_back(it->value().ToString());
  }
  if (!it->status().ok()) return FromRocks(it->status(), absl::StrCat("scanning ", prefix));
  return values;
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

absl::Status Store::WriteSynced(rocksdb::WriteBatch& batch, absl::string_view what) {
  if (write_failed_) {
    // A failed write left RocksDB refusing writes until told to resume. Resume() flushes the
    // memtables to new files and starts a new write-ahead log, so nothing after the failed record
    // depends on it. But a Resume() that fails for lack of space turns the error into one RocksDB
    // never resumes from, so first probe that the data dir takes a synced write again.
    if (absl::Status probe = ProbeWritable(); !probe.ok()) {
      spdlog::error("write refused, data dir {} is still not writable: {}; reads continue",
                    data_dir_, std::string(probe.message()));
      return probe;
    }
    rocksdb::Status resumed = db_->Resume();
    if (!resumed.ok()) {
      absl::Status status =
          FromRocks(resumed, absl::StrCat(what, " (the data dir is still not writable)"));
      if (absl::IsInternal(status)) {
        status = absl::UnavailableError(status.message());
      }
      spdlog::error("write refused, data dir {}: {}; reads continue. {}", data_dir_,
                    std::string(status.message()),
                    resumed.severity() >= rocksdb::Status::Severity::kFatalError
                        ? "RocksDB cannot resume from this error: fix the disk and restart "
                          "junheng-server"
                        : "free space or fix permissions; writes resume by themselves");
      return status;
    }
    spdlog::info("data dir {} is writable again; writes resumed", data_dir_);
    write_failed_ = false;
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

absl::StatusOr<std::optional<School>> Store::GetSchool(absl::string_view county,
                                                       absl::string_view school_code) const {
  auto bytes = Get(cf_->registry(), RegistryKey(county, school_code));
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::nullopt;
  auto school = ParseStored<School>(**bytes, "school");
  if (!school.ok()) return school.status();
  return *std::move(school);
}

absl::StatusOr<std::vector<School>> Store::ListSchools(absl::string_view county) const {
  auto values = Scan(cf_->registry(), RegistryPrefix(county));
  if (!values.ok()) return values.status();
  std::vector<School> schools;
  for (const auto& bytes : *values) {
    auto school = ParseStored<School>(bytes, "school");
    if (!school.ok()) return school.status();
    schools.push_back(*std::move(school));
  }
  return schools;
}

absl::Status Store::PutSchools(absl::string_view county, const std::vector<School>& schools,
                              std::vector<AuditEntry> audit) {
  std::lock_guard lock(audit_mu_);
  rocksdb::WriteBatch batch;
  for (const auto& school : schools) {
    batch.Put(cf_->registry(), RegistryKey(county, school.school_code()),
              Serialize(school));
  }
  int64_t seq = audit_seq_;
  std::map<std::string, std::string> heads = audit_heads_;
  for (auto& entry : audit) {
    entry.set_seq(++seq);
    if (absl::Status chained = ChainAuditLocked(county, entry, heads); !chained.ok()) {
      return chained;
    }
    batch.Put(cf_->audit(), AuditKey(county, seq), Serialize(entry));
  }
  batch.Put(cf_->meta(), kAuditSeqKey, absl::StrCat(seq));
  absl::Status status = WriteSynced(batch, "storing the registry");
  if (status.ok()) {
    audit_seq_ = seq;
    audit_heads_ = std::move(heads);
  }
  return status;
}

absl::StatusOr<std::optional<Receipt>> Store::GetLatest(absl::string_view county,
                                                        absl::string_view period,
                                                        absl::string_view school) const {
  auto bytes = Get(cf_->latest(), LatestKey(county, period, school));
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::nullopt;
  auto receipt = ParseStored<Receipt>(**bytes, "latest receipt");
  if (!receipt.ok()) return receipt.status();
  return *std::move(receipt);
}

absl::StatusOr<std::optional<IdempotencyRecord>> Store::GetIdempotency(
    absl::string_view county, absl::string_view submission_id) const {
  auto bytes = Get(cf_->idempotency(), IdempotencyKey(county, submission_id));
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::nullopt;
  auto record = ParseStored<IdempotencyRecord>(**bytes, "idempotency record");
  if (!record.ok()) return record.status();
  return *std::move(record);
}

absl::Status Store::CommitReport(const StoredReport& stored, const IdempotencyRecord& idempotency,
                                 AuditEntry audit) {
  const Receipt& r = stored.receipt();
  std::lock_guard lock(audit_mu_);
  const int64_t seq = audit_seq_ + 1;
  audit.set_seq(seq);
  std::map<std::string, std::string> heads = audit_heads_;
  if (absl::Status chained = ChainAuditLocked(r.county_code(), audit, heads); !chained.ok()) {
    return chained;
  }
  rocksdb::WriteBatch batch;
  batch.Put(cf_->versions(), VersionKey(r.county_code(), r.period(), r.school_code(), r.version()),
            Serialize(stored));
  batch.Put(cf_->latest(), LatestKey(r.county_code(), r.period(), r.school_code()), Serialize(r));
  if (!r.submission_id().empty()) {
    batch.Put(cf_->idempotency(), IdempotencyKey(r.county_code(), r.submission_id()),
              Serialize(idempotency));
  }
  batch.Put(cf_->audit(), AuditKey(r.county_code(), seq), Serialize(audit));
  batch.Put(cf_->meta(), kAuditSeqKey, absl::StrCat(seq));
  absl::Status status = WriteSynced(batch, "storing the report");
  if (status.ok()) {
    audit_seq_ = seq;
    audit_heads_ = std::move(heads);
  }
  return status;
}

absl::StatusOr<std::optional<StoredReport>> Store::GetReportVersion(absl::string_view county,
                                                                    absl::string_view period,
                                                                    absl::string_view school,
                                                                    int64_t version) const {
  auto bytes = Get(cf_->versions(), VersionKey(county, period, school, version));
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::nullopt;
  auto stored = ParseStored<StoredReport>(**bytes, "report version");
  if (!stored.ok()) return stored.status();
  return *std::move(stored);
}

absl::StatusOr<std::vector<Receipt>> Store::ListVersions(absl::string_view county,
                                                         absl::string_view period,
                                                         absl::string_view school) const {
  auto values = Scan(cf_->versions(), VersionPrefix(county, period, school));
  if (!values.ok()) return values.status();
  std::vector<Receipt> receipts;
  for (const auto& bytes : *values) {
    auto stored = ParseStored<StoredReport>(bytes, "report version");
    if (!stored.ok()) return stored.status();
    receipts.push_back(stored->receipt());
  }
  return receipts;
}

absl::StatusOr<std::vector<Receipt>> Store::ListLatest(absl::string_view county,
                                                       absl::string_view period) const {
  auto values = Scan(cf_->latest(), LatestPrefix(county, period));
  if (!values.ok()) return values.status();
  std::vector<Receipt> receipts;
  for (const auto& bytes : *values) {
    auto receipt = ParseStored<Receipt>(bytes, "latest receipt");
    if (!receipt.ok()) return receipt.status();
    receipts.push_back(*std::move(receipt));
  }
  return receipts;
}

rocksdb::ColumnFamilyHandle* Store::FamilyHandle(Family family) const {
  return cf_->all[kFirstRecordFamily + static_cast<size_t>(family)];
}

absl::Status Store::PutRecord(Family family, const std::string& key,
                              const google::protobuf::Message& value, absl::string_view county,
                              AuditEntry audit) {
  std::lock_guard lock(audit_mu_);
  const int64_t seq = audit_seq_ + 1;
  audit.set_seq(seq);
  std::map<std::string, std::string> heads = audit_heads_;
  if (absl::Status chained = ChainAuditLocked(county, audit, heads); !chained.ok()) {
    return chained;
  }
  rocksdb::WriteBatch batch;
  batch.Put(FamilyHandle(family), key, Serialize(value));
  batch.Put(cf_->audit(), AuditKey(county, seq), Serialize(audit));
  batch.Put(cf_->meta(), kAuditSeqKey, absl::StrCat(seq));
  absl::Status status = WriteSynced(batch, absl::StrCat("storing ", key));
  if (status.ok()) {
    audit_seq_ = seq;
    audit_heads_ = std::move(heads);
  }
  return status;
}

absl::StatusOr<bool> Store::GetRecord(Family family, const std::string& key,
                                      google::protobuf::Message* out) const {
  auto bytes = Get(FamilyHandle(family), key);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return false;
  if (!out->ParseFromString(**bytes)) {
    return absl::DataLossError(absl::StrCat("the stored record ", key, " cannot be decoded"));
  }
  return true;
}

absl::Status Store::ChainAuditLocked(absl::string_view county, AuditEntry& entry,
                                     std::map<std::string, std::string>& heads) const {
  auto head = heads.find(std::string(county));
  if (head == heads.end()) {
    // The county's last stored entry: the greatest key under "county/".
    std::string last_hash;
    const std::string prefix = absl::StrCat(county, "/");
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf_->audit()));
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

absl::StatusOr<std::vector<AuditEntry>> Store::ListAudit(absl::string_view county) const {
  auto values = Scan(cf_->audit(), absl::StrCat(county, "/"));
  if (!values.ok()) return values.status();
  std::vector<AuditEntry> entries;
  for (const auto& bytes : *values) {
    auto entry = ParseStored<AuditEntry>(bytes, "audit entry");
    if (!entry.ok()) return entry.status();
    entries.push_back(*std::move(entry));
  }
  return entries;
}

}  // namespace junheng::storage
