#include "server/storage/store.h"

#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/testing/temp_dir.h"

namespace junheng::storage {
namespace {

using junheng::v1::AuditEntry;
using junheng::v1::IdempotencyRecord;
using junheng::v1::School;
using junheng::v1::StoredReport;
using ::testing::HasSubstr;

StoredReport MakeVersion(const std::string& school, int64_t version) {
  StoredReport stored;
  stored.mutable_report()->set_school_code(school);
  stored.mutable_report()->set_period("2024");
  stored.mutable_report()->set_primary_students(100 + version);
  auto* r = stored.mutable_receipt();
  r->set_county_code("140430");
  r->set_school_code(school);
  r->set_period("2024");
  r->set_version(version);
  r->set_submission_id("sub-" + school + "-" + std::to_string(version));
  r->set_content_hash("hash" + std::to_string(version));
  return stored;
}

absl::Status Commit(Store& store, const StoredReport& stored) {
  IdempotencyRecord record;
  record.set_content_hash(stored.receipt().content_hash());
  *record.mutable_receipt() = stored.receipt();
  AuditEntry audit;
  audit.set_action("report.accept");
  return store.CommitReport(stored, record, audit);
}

TEST(StoreTest, CommittedVersionsSurviveReopen) {
  testing::TempDir dir;
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(Commit(**store, MakeVersion("s1", 1)).ok());
    ASSERT_TRUE(Commit(**store, MakeVersion("s1", 2)).ok());
    ASSERT_TRUE(Commit(**store, MakeVersion("s2", 1)).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status();
  auto versions = (*store)->ListVersions("140430", "2024", "s1");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version(), 1);
  EXPECT_EQ((*versions)[1].version(), 2);
  auto first = (*store)->GetReportVersion("140430", "2024", "s1", 1);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->report().primary_students(), 101) << "version 1 is kept, not overwritten";
  auto latest = (*store)->GetLatest("140430", "2024", "s1");
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version(), 2);
  auto all_latest = (*store)->ListLatest("140430", "2024");
  ASSERT_TRUE(all_latest.ok());
  EXPECT_EQ(all_latest->size(), 2u);
  auto idem = (*store)->GetIdempotency("140430", "sub-s1-2");
  ASSERT_TRUE(idem.ok() && idem->has_value());
  EXPECT_EQ((*idem)->receipt().version(), 2);
  auto audit = (*store)->ListAudit("140430");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ((*audit)[2].seq(), 3) << "audit sequence continues across reopen";
}

TEST(StoreTest, AuditSequenceContinuesAfterReopen) {
  testing::TempDir dir;
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(Commit(**store, MakeVersion("s1", 1)).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(Commit(**store, MakeVersion("s1", 2)).ok());
  auto audit = (*store)->ListAudit("140430");
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].seq(), 2);
}

TEST(StoreTest, CountiesAreSeparateRanges) {
  testing::TempDir dir;
  auto store = Store::Open(dir.path());
  School a, b;
  a.set_school_code("x");
  a.set_county_code("140430");
  b.set_school_code("x");
  b.set_county_code("140431");
  ASSERT_TRUE((*store)->PutSchools("140430", {a}, {}).ok());
  ASSERT_TRUE((*store)->PutSchools("140431", {b}, {}).ok());
  auto listed = (*store)->ListSchools("140430");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].county_code(), "140430");
}

TEST(StoreTest, SecondOpenOfTheSameDataDirIsRefused) {
  testing::TempDir dir;
  auto first = Store::Open(dir.path());
  ASSERT_TRUE(first.ok());
  auto second = Store::Open(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(second.status().message(), HasSubstr("in use by another junheng-server"));
}

TEST(StoreTest, NonEmptyForeignDirectoryIsRefusedAndLeftAlone) {
  testing::TempDir dir;
  std::ofstream(dir.Sub("notes.txt")) << "important";
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("holds no junheng database"));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("CURRENT")));
}

TEST(StoreTest, OtherSchemaVersionIsRefused) {
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
}

TEST(StoreTest, PlainRocksDbWithoutOurFamiliesIsRefused) {
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

TEST(StoreTest, CorruptCurrentFileIsRefusedWithDataLossOrPrecondition) {
  testing::TempDir dir;
  { ASSERT_TRUE(Store::Open(dir.path()).ok()); }
  std::ofstream(dir.Sub("CURRENT"), std::ios::trunc) << "MANIFEST-999999\n";
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr(dir.path()));
}

}  // namespace
}  // namespace junheng::storage
