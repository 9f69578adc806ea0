// The audit log's hash chain (issue 6): the store chains every county's entries as it writes
// them; rewriting, removing or inserting a stored entry (here: straight through RocksDB, as an
// attacker with the data dir would) makes VerifyAuditChain name the first broken link.
#include "server/storage/audit_chain.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/bureau.pb.h"
#include "rocksdb/db.h"
#include "server/storage/store.h"
#include "tests/testing/store_fixture.h"

namespace junheng::storage {
namespace {

using junheng::v1::AuditEntry;
using ::testing::HasSubstr;

AuditEntry Entry(const std::string& actor, const std::string& target) {
  AuditEntry entry;
  entry.set_time_unix_ms(1'700'000'000'000);
  entry.set_actor(actor);
  entry.set_action("period.define");
  entry.set_target(target);
  entry.set_content_hash(std::string(64, 'c'));
  return entry;
}

// Opens the data dir with plain RocksDB (every column family) and runs `edit` on the audit one.
template <typename Edit>
void EditAuditFamily(const std::string& data_dir, Edit edit) {
  rocksdb::DBOptions options;
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(options, data_dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, data_dir, families, &handles, &db).ok());
  rocksdb::ColumnFamilyHandle* audit = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "audit") audit = handles[i];
  }
  ASSERT_NE(audit, nullptr);
  edit(db, audit);
  ASSERT_TRUE(db->FlushWAL(/*sync=*/true).ok());
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  db->Close();
  delete db;
}

// The raw key of the audit entry `seq`, found by scanning the family as an attacker would.
std::string RawAuditKey(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* audit, int64_t seq) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), audit));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    AuditEntry entry;
    if (entry.ParseFromString(it->value().ToString()) && entry.seq() == seq) {
      return it->key().ToString();
    }
  }
  ADD_FAILURE() << "no audit entry " << seq;
  return "";
}

class AuditChainTest : public testing::StoreFixture {
 protected:
  absl::Status Define(const std::string& county, const std::string& label,
                      const std::string& actor) {
    v1::ReportingPeriod period;
    period.set_county_code(county);
    period.set_period(label);
    return store_->Commit(
        Change(county).PutPeriod(period).Audit(Entry(actor, absl::StrCat(county, "/", label))));
  }

  void SetUp() override {
    StoreFixture::SetUp();
    // Seven entries for county A, interleaved with county B (sequence numbers are global, chains
    // are per county).
    for (int i = 1; i <= 7; ++i) {
      ASSERT_TRUE(Define("140430", absl::StrCat(2020 + i), "token a").ok());
      ASSERT_TRUE(Define("140402", absl::StrCat(2020 + i), "token b").ok());
    }
  }

  std::vector<AuditEntry> Audit(const std::string& county) {
    auto entries = store_->ListAudit(county);
    EXPECT_TRUE(entries.ok()) << entries.status();
    return entries.ok() ? *entries : std::vector<AuditEntry>{};
  }
};

TEST_F(AuditChainTest, AnUntamperedLogVerifiesAcrossRestarts) {
  auto a = Audit("140430");
  ASSERT_EQ(a.size(), 7u);
  EXPECT_EQ(a[0].previous_hash(), "");
  for (size_t i = 1; i < a.size(); ++i) EXPECT_EQ(a[i].previous_hash(), a[i - 1].entry_hash());
  EXPECT_FALSE(VerifyAuditChain(a).has_value());
  EXPECT_FALSE(VerifyAuditChain(Audit("140402")).has_value());
  // After a restart the chain continues from the stored head.
  store_.reset();
  Open();
  ASSERT_TRUE(Define("140430", "2030", "token a").ok());
  auto after = Audit("140430");
  ASSERT_EQ(after.size(), 8u);
  EXPECT_EQ(after[7].previous_hash(), a[6].entry_hash());
  EXPECT_FALSE(VerifyAuditChain(after).has_value());
}

TEST_F(AuditChainTest, ARewrittenEntryIsNamedBySeq) {
  const AuditEntry target = Audit("140430")[3];
  store_.reset();
  EditAuditFamily(dir_.Sub("data"), [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* audit) {
    AuditEntry forged = target;
    forged.set_actor("token of someone else");
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), audit, RawAuditKey(db, audit, target.seq()),
                        forged.SerializeAsString())
                    .ok());
  });
  Open();
  auto broken = VerifyAuditChain(Audit("140430"));
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, target.seq());
  EXPECT_THAT(broken->reason, HasSubstr("altered"));
  // The other county's chain is untouched.
  EXPECT_FALSE(VerifyAuditChain(Audit("140402")).has_value());
}

TEST_F(AuditChainTest, ARewrittenEntryWithARecomputedHashBreaksTheNextLink) {
  const auto a = Audit("140430");
  store_.reset();
  EditAuditFamily(dir_.Sub("data"), [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* audit) {
    AuditEntry forged = a[2];
    forged.set_target("140430/1999");
    forged.set_entry_hash(AuditEntryHash(forged));
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), audit, RawAuditKey(db, audit, forged.seq()),
                        forged.SerializeAsString())
                    .ok());
  });
  Open();
  auto broken = VerifyAuditChain(Audit("140430"));
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, a[3].seq());
  EXPECT_THAT(broken->reason, HasSubstr("previous_hash does not match"));
}

TEST_F(AuditChainTest, ARemovedEntryBreaksTheNextLink) {
  const auto a = Audit("140430");
  store_.reset();
  EditAuditFamily(dir_.Sub("data"), [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* audit) {
    ASSERT_TRUE(
        db->Delete(rocksdb::WriteOptions(), audit, RawAuditKey(db, audit, a[4].seq())).ok());
  });
  Open();
  auto broken = VerifyAuditChain(Audit("140430"));
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, a[5].seq());
}

}  // namespace
}  // namespace junheng::storage
