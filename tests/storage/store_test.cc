#include "server/storage/store.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/testing/english.h"
#include "tests/testing/store_fixture.h"
#include "tests/testing/temp_dir.h"

namespace junheng::storage {
namespace {

using junheng::testing::CommitVersion;
using junheng::testing::MakeSchool;
using junheng::testing::MakeVersion;
using junheng::v1::AuditEntry;
using junheng::v1::ReportingPeriod;
using junheng::v1::School;
using ::testing::HasSubstr;

class StoreTest : public testing::StoreFixture {
 protected:
  // A proposal for `school`'s report with content `hash`, replacing `replaces`.
  static ReportProposal Proposal(const std::string& id, const std::string& hash,
                                 int64_t replaces = 0) {
    return ReportProposal{"140430", "2024", "s1", id, hash, replaces};
  }

  // CommitReport with no preconditions, building MakeVersion("s1", version).
  absl::StatusOr<ReportOutcome> Commit(const ReportProposal& proposal) {
    return store_->CommitReport(
        proposal, [](const Store&) { return absl::OkStatus(); },
        [&](const Store&, int64_t version) -> absl::StatusOr<ReportVersion> {
          ReportVersion next{MakeVersion("s1", version), {}};
          next.stored.mutable_receipt()->set_submission_id(proposal.submission_id);
          next.stored.mutable_receipt()->set_content_hash(proposal.content_hash);
          return next;
        });
  }
};

TEST_F(StoreTest, CommittedVersionsSurviveReopen) {
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s1", 1)).ok());
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s1", 2)).ok());
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s2", 1)).ok());
  Reopen();
  auto versions = store_->ListVersions("140430", "2024", "s1");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version(), 1);
  EXPECT_EQ((*versions)[1].version(), 2);
  auto first = store_->GetReportVersion("140430", "2024", "s1", 1);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->report().primary_students(), 101) << "version 1 is kept, not overwritten";
  auto latest = store_->GetLatest("140430", "2024", "s1");
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version(), 2);
  auto all_latest = store_->ListLatest("140430", "2024");
  ASSERT_TRUE(all_latest.ok());
  EXPECT_EQ(all_latest->size(), 2u);
  auto idem = store_->GetIdempotency("140430", "s1-v2");
  ASSERT_TRUE(idem.ok() && idem->has_value());
  EXPECT_EQ((*idem)->receipt().version(), 2);
  auto audit = store_->ListAudit("140430");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ((*audit)[2].seq(), 3) << "audit sequence continues across reopen";
}

TEST_F(StoreTest, AuditSequenceContinuesAfterReopen) {
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s1", 1)).ok());
  Reopen();
  ASSERT_TRUE(CommitVersion(*store_, MakeVersion("s1", 2)).ok());
  auto audit = store_->ListAudit("140430");
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].seq(), 2);
}

TEST_F(StoreTest, CountiesAreSeparateRanges) {
  School other = MakeSchool("x");
  other.set_county_code("140431");
  ASSERT_TRUE(store_->Commit(Change("140430").PutSchool(MakeSchool("x"))).ok());
  ASSERT_TRUE(store_->Commit(Change("140431").PutSchool(other)).ok());
  auto listed = store_->ListSchools("140430");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].county_code(), "140430");
}

TEST_F(StoreTest, AChangeThatWritesAnotherCountysRecordIsRefused) {
  School other = MakeSchool("x");
  other.set_county_code("140431");
  absl::Status refused = store_->Commit(Change("140430").PutSchool(other).Audit(AuditEntry()));
  EXPECT_EQ(refused.code(), absl::StatusCode::kInternal) << refused;
  EXPECT_THAT(refused.message(), HasSubstr("county 140431"));
  EXPECT_TRUE(store_->ListSchools("140431")->empty());
  EXPECT_TRUE(store_->ListAudit("140430")->empty());
}

TEST_F(StoreTest, ASubmissionSeenBeforeReturnsItsReceiptAndStoresNothing) {
  auto first = Commit(Proposal("id-1", "h1"));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->duplicate);
  auto again = Commit(Proposal("id-1", "h1"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->receipt.version(), 1);
  auto same_content = Commit(Proposal("id-2", "h1", 1));
  ASSERT_TRUE(same_content.ok());
  EXPECT_TRUE(same_content->duplicate) << "identical to the latest version";
  EXPECT_EQ(store_->ListVersions("140430", "2024", "s1")->size(), 1u);
  EXPECT_EQ(store_->ListAudit("140430")->size(), 1u);
}

TEST_F(StoreTest, AReusedSubmissionIdWithOtherContentIsAlreadyExists) {
  ASSERT_TRUE(Commit(Proposal("id-1", "h1")).ok());
  auto reused = Commit(Proposal("id-1", "h2", 1));
  EXPECT_EQ(reused.status().code(), absl::StatusCode::kAlreadyExists) << reused.status();
  EXPECT_THAT(reused.status().message(), HasSubstr("submission_id id-1"));
}

TEST_F(StoreTest, StaleReplacementIsAborted) {
  ASSERT_TRUE(Commit(Proposal("id-1", "h1")).ok());
  ASSERT_TRUE(Commit(Proposal("id-2", "h2", 1)).ok());
  auto stale = Commit(Proposal("id-3", "h3", 1));
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted) << stale.status();
  EXPECT_THAT(stale.status().message(), HasSubstr("latest stored version of s1 / 2024 is 2"));
  EXPECT_EQ(store_->ListVersions("140430", "2024", "s1")->size(), 2u);
}

TEST_F(StoreTest, ARefusedPreconditionStoresNothingAndComesBeforeTheStaleCheck) {
  bool built = false;
  auto refused = store_->CommitReport(
      Proposal("id-1", "h1", /*replaces=*/7),
      [](const Store&) { return absl::FailedPreconditionError("closed"); },
      [&](const Store&, int64_t) -> absl::StatusOr<ReportVersion> {
        built = true;
        return absl::InternalError("not reached");
      });
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(built);
  EXPECT_FALSE(store_->GetLatest("140430", "2024", "s1")->has_value());
  EXPECT_FALSE(store_->GetIdempotency("140430", "id-1")->has_value());
}

TEST_F(StoreTest, CompareAndCommitWritesWhatPrepareReturnsAndNothingForNullopt) {
  ReportingPeriod period;
  period.set_county_code("140430");
  period.set_period("2024");
  auto prepare = [&](const Store& current) -> absl::StatusOr<std::optional<Change>> {
    auto existing = current.GetPeriod("140430", "2024");
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return std::nullopt;
    Change change("140430");
    change.PutPeriod(period).Audit(AuditEntry());
    return change;
  };
  ASSERT_TRUE(store_->CompareAndCommit(prepare).ok());
  ASSERT_TRUE(store_->CompareAndCommit(prepare).ok());
  EXPECT_TRUE(store_->GetPeriod("140430", "2024")->has_value());
  EXPECT_EQ(store_->ListAudit("140430")->size(), 1u) << "the second call wrote nothing";
  absl::Status failed =
      store_->CompareAndCommit([](const Store&) -> absl::StatusOr<std::optional<Change>> {
        return absl::AbortedError("changed meanwhile");
      });
  EXPECT_EQ(failed.code(), absl::StatusCode::kAborted);
}

// Periods and tokens are served from memory (record_cache.h): every write must show at once.
TEST_F(StoreTest, CachedPeriodsAndTokensShowEveryWriteAtOnce) {
  ReportingPeriod period;
  period.set_county_code("140430");
  period.set_period("2024");
  period.set_closes_unix_ms(1000);
  ASSERT_TRUE(store_->Commit(std::move(Change("140430").PutPeriod(period))).ok());
  ASSERT_EQ((*store_->GetPeriod("140430", "2024"))->closes_unix_ms(), 1000);
  EXPECT_FALSE(store_->GetPeriod("140430", "2025")->has_value());

  period.set_closes_unix_ms(2000);  // the bureau extends the window
  ReportingPeriod next = period;
  next.set_period("2025");
  ASSERT_TRUE(store_->Commit(std::move(Change("140430").PutPeriod(period).PutPeriod(next))).ok());
  EXPECT_EQ((*store_->GetPeriod("140430", "2024"))->closes_unix_ms(), 2000);
  EXPECT_TRUE(store_->GetPeriod("140430", "2025")->has_value());
  EXPECT_EQ(store_->ListPeriods("140430")->size(), 2u);
  EXPECT_TRUE(store_->ListPeriods("140431")->empty()) << "another county has none";

  junheng::v1::StoredToken token;
  token.mutable_info()->set_county_code("140430");
  token.mutable_info()->set_id("t1");
  EXPECT_FALSE(store_->GetToken("140430", "t1")->has_value());
  ASSERT_TRUE(store_->Commit(std::move(Change("140430").PutToken(token))).ok());
  ASSERT_TRUE(store_->GetToken("140430", "t1")->has_value()) << "a token issued after a miss";
  token.mutable_info()->set_revoked(true);
  ASSERT_TRUE(store_->Commit(std::move(Change("140430").PutToken(token))).ok());
  EXPECT_TRUE((*store_->GetToken("140430", "t1"))->info().revoked()) << "revocation is at once";
  Reopen();
  EXPECT_TRUE((*store_->GetToken("140430", "t1"))->info().revoked());
  EXPECT_EQ((*store_->GetPeriod("140430", "2024"))->closes_unix_ms(), 2000);
}

TEST_F(StoreTest, ManyRecordsReadBackAcrossMemtableFlushes) {
  // 300 KiB of rows: the fixture's 64 KiB memtable fills several times, and with RocksDB's two
  // memtables a writer waits for a flush before it can fill a third.
  for (int i = 0; i < 200; ++i) {
    School school = MakeSchool("s" + std::to_string(i));
    school.set_school_name(std::string(1500, 'n'));
    ASSERT_TRUE(store_->Commit(Change("140430").PutSchool(school)).ok());
  }
  int sst_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.Sub("data"))) {
    sst_files += entry.path().extension() == ".sst" ? 1 : 0;
  }
  EXPECT_GT(sst_files, 0) << "the writes never left the memtable";
  Reopen();
  auto schools = store_->ListSchools("140430");
  ASSERT_TRUE(schools.ok());
  EXPECT_EQ(schools->size(), 200u);
  EXPECT_TRUE(store_->GetSchool("140430", "s199")->has_value());
}

TEST(StoreOpenTest, SecondOpenOfTheSameDataDirIsRefused) {
  testing::TempDir dir;
  auto first = Store::Open(dir.path());
  ASSERT_TRUE(first.ok());
  auto second = Store::Open(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(second.status().message(), HasSubstr("in use by another junheng-server"));
}

TEST(StoreOpenTest, NonEmptyForeignDirectoryIsRefusedAndLeftAlone) {
  testing::TempDir dir;
  std::ofstream(dir.Sub("notes.txt")) << "important";
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("holds no junheng database"));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("CURRENT")));
}

TEST(StoreOpenTest, OtherSchemaVersionIsRefused) {
  testing::TempDir dir;
  { ASSERT_TRUE(Store::Open(dir.path()).ok()); }
  {
    // A database written by a future release: same families, schema marker 99.
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const auto& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir.path(), families, &handles, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[0], "meta/schema_version", "99").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("schema version 99"));
  // `junheng-server check` reads the same refusal, in the same words.
  EXPECT_EQ(Store::Inspect(dir.path()).status(), store.status());
}

// What the data dir holds, as `junheng-server check` reads it beside a running server.
std::set<std::string> FilesIn(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(StoreInspectTest, AbsentAndEmptyDirectoriesHoldNoDatabaseAndStayAsTheyAre) {
  testing::TempDir dir;
  auto absent = Store::Inspect(dir.Sub("new"));
  ASSERT_TRUE(absent.ok()) << absent.status();
  EXPECT_FALSE(absent->exists);
  EXPECT_FALSE(absent->holds_database);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("new")));

  auto empty = Store::Inspect(dir.path());
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->exists);
  EXPECT_FALSE(empty->holds_database);
  EXPECT_TRUE(FilesIn(dir.path()).empty());
}

TEST(StoreInspectTest, ReadsAnOpenDatabaseWithoutItsLockAndWritesNothing) {
  testing::TempDir dir;
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(CommitVersion(**store, MakeVersion("s1", 1)).ok());
  const std::set<std::string> before = FilesIn(dir.path());

  auto state = Store::Inspect(dir.path());
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_TRUE(state->exists);
  EXPECT_TRUE(state->holds_database);
  EXPECT_EQ(state->lock_holder_pid, getpid());  // this process holds the LOCK
  EXPECT_EQ(FilesIn(dir.path()), before);
  // The store keeps its lock and goes on writing.
  EXPECT_TRUE(CommitVersion(**store, MakeVersion("s1", 2)).ok());
  EXPECT_EQ(Store::Open(dir.path()).status().code(), absl::StatusCode::kFailedPrecondition);

  store->reset();
  auto closed = Store::Inspect(dir.path());
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_TRUE(closed->holds_database);
  EXPECT_EQ(closed->lock_holder_pid, std::nullopt);
}

TEST(StoreOpenTest, PlainRocksDbWithoutOurFamiliesIsRefused) {
  testing::TempDir dir;
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, dir.path(), &db).ok());
    delete db;
  }
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr("not a junheng one"));
}

TEST(StoreOpenTest, CorruptCurrentFileIsRefusedWithDataLossOrPrecondition) {
  testing::TempDir dir;
  { ASSERT_TRUE(Store::Open(dir.path()).ok()); }
  std::ofstream(dir.Sub("CURRENT"), std::ios::trunc) << "MANIFEST-999999\n";
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr(dir.path()));
}

}  // namespace
}  // namespace junheng::storage
