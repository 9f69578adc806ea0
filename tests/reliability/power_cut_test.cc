// Power cut: RocksDB over a file system that loses every byte not synced when the power goes.
// Acknowledged (CommitReport returned OK) must mean durable.
#include <atomic>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "absl/synchronization/blocking_counter.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "server/storage/store.h"
#include "tests/reliability/fault_injection_fs.h"
#include "tests/testing/store_fixture.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {
namespace {

using storage::Store;
using storage::StoreOptions;

// The harness can fail: data written without sync is really gone after the cut, while synced
// data stays. Without this, the test below could pass over a wrapper that never drops anything.
TEST(FaultInjectionFsTest, DropsWritesThatWereNotSyncedAtTheCut) {
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.env = fs->env();
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, dir.path(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    rocksdb::WriteOptions synced;
    synced.sync = true;
    ASSERT_TRUE(db->Put(synced, "kept", "1").ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "lost", "2").ok());  // in the OS cache only
    EXPECT_GT(fs->UnsyncedBytes(), 0);
    fs->SetFault(FaultInjectionFs::Fault::kPowerCut);
    db->Close().PermitUncheckedError();
  }
  FaultInjectionFs::DropStats dropped = fs->DropUnsyncedData();
  EXPECT_GT(dropped.bytes_dropped, 0);

  rocksdb::Options options;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, dir.path(), &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string value;
  EXPECT_TRUE(db->Get(rocksdb::ReadOptions(), "kept", &value).ok());
  EXPECT_TRUE(db->Get(rocksdb::ReadOptions(), "lost", &value).IsNotFound())
      << "a write that was never synced survived the cut: the harness drops nothing";
}

// 8 writers commit reports as fast as they can; the power goes at a random moment; after the
// restart every report whose commit returned OK is there with its content, versions run 1..n
// without gaps or doubles. 12 cuts on the same data dir.
TEST(PowerCutTest, EveryAcknowledgedReportSurvivesACutUnderLoad) {
  constexpr int kCuts = 12;
  constexpr int kWriters = 8;
  TempDir dir;
  std::mt19937 rng(20240611);
  std::vector<int64_t> acked(kWriters, 0);  // per writer: the highest acknowledged version
  int64_t total_acked = 0, total_dropped_bytes = 0, total_removed = 0;

  for (int cut = 0; cut < kCuts; ++cut) {
    auto fs = std::make_shared<FaultInjectionFs>();
    {
      StoreOptions options;
      options.env = fs->env();
      auto store = Store::Open(dir.path(), options);
      ASSERT_TRUE(store.ok()) << store.status();
      std::atomic<bool> stop{false};
      std::vector<std::thread> writers;
      for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
          const std::string school = "s" + std::to_string(w);
          while (!stop.load()) {
            const int64_t next = acked[w] + 1;
            if (!CommitVersion(**store, MakeVersion(school, next)).ok()) break;  // the power is off
            acked[w] = next;  // only this thread writes acked[w]
          }
        });
      }
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 60)(rng)));
      fs->SetFault(FaultInjectionFs::Fault::kPowerCut);
      stop = true;
      for (auto& t : writers) t.join();
    }  // the store closes with every write failing, as on a dead machine
    FaultInjectionFs::DropStats dropped = fs->DropUnsyncedData();
    total_dropped_bytes += dropped.bytes_dropped;
    total_removed += dropped.entries_removed;

    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << "after cut " << cut << ": " << store.status();
    for (int w = 0; w < kWriters; ++w) {
      const std::string school = "s" + std::to_string(w);
      auto versions = (*store)->ListVersions("140430", "2024", school);
      ASSERT_TRUE(versions.ok()) << versions.status();
      ASSERT_GE(static_cast<int64_t>(versions->size()), acked[w])
          << "cut " << cut << ": acknowledged versions of " << school << " were lost";
      for (size_t i = 0; i < versions->size(); ++i) {
        ASSERT_EQ((*versions)[i].version(), static_cast<int64_t>(i + 1)) << "gap or double";
      }
      for (int64_t v = 1; v <= acked[w]; ++v) {
        auto stored = (*store)->GetReportVersion("140430", "2024", school, v);
        ASSERT_TRUE(stored.ok() && stored->has_value()) << school << " v" << v;
        EXPECT_EQ((*stored)->SerializeAsString(), MakeVersion(school, v).SerializeAsString());
        auto idem = (*store)->GetIdempotency("140430", school + "-v" + std::to_string(v));
        ASSERT_TRUE(idem.ok() && idem->has_value()) << "idempotency record of " << school;
      }
      // A version synced but not acknowledged (the cut came between fsync and return) is kept;
      // the next cycle continues after it, as a client retrying with the same id would.
      acked[w] = static_cast<int64_t>(versions->size());
    }
  }
  for (int64_t n : acked) total_acked += n;
  EXPECT_GT(total_acked, kCuts) << "the writers hardly wrote: the test proves little";
  EXPECT_GT(total_dropped_bytes, 0) << "no cut tore a write: the test proves little";
  std::printf(
      "power cuts: %d, acknowledged reports checked: %lld, unsynced bytes dropped: %lld, "
      "unsynced directory entries removed: %lld\n",
      kCuts, static_cast<long long>(total_acked), static_cast<long long>(total_dropped_bytes),
      static_cast<long long>(total_removed));
  RecordProperty("acknowledged_reports", static_cast<int>(total_acked));
}

// Group commit: a group synced before the cut is there whole after it; a group whose sync the cut
// stopped is answered with an error for every report and leaves nothing at all, not a version
// without its latest pointer, idempotency record or audit entry.
TEST(PowerCutTest, AGroupIsWholeOrAbsentAfterACut) {
  constexpr int kGroup = 40;
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  int64_t first_group_ok = 0, second_group_failed = 0;
  {
    StoreOptions options;
    options.env = fs->env();
    options.hold_report_writer = true;
    auto store = Store::Open(dir.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    auto queue = [&](int group, std::atomic<int64_t>& ok, absl::BlockingCounter& answered) {
      for (int i = 0; i < kGroup; ++i) {
        const std::string school = "g" + std::to_string(group) + "s" + std::to_string(i);
        const auto version = MakeVersion(school, 1);
        const auto& r = version.receipt();
        (*store)->CommitReportAsync(
            storage::ReportProposal{r.county_code(), r.period(), r.school_code(), r.submission_id(),
                                    r.content_hash(), 0},
            [](const Store&) { return absl::OkStatus(); },
            [version](const Store&, int64_t) -> absl::StatusOr<storage::ReportVersion> {
              storage::ReportVersion next{version, {}};
              next.audit.set_action("report.accept");
              return next;
            },
            [&](absl::StatusOr<storage::ReportOutcome> outcome) {
              if (outcome.ok()) ++ok;
              answered.DecrementCount();
            });
      }
    };
    std::atomic<int64_t> ok1{0}, ok2{0};
    absl::BlockingCounter first(kGroup);
    queue(1, ok1, first);
    (*store)->ReleaseReportWriter();
    first.Wait();
    EXPECT_EQ((*store)->group_commit_stats().largest, kGroup) << "not written as one group";
    fs->SetFault(FaultInjectionFs::Fault::kPowerCut);
    absl::BlockingCounter second(kGroup);
    queue(2, ok2, second);
    second.Wait();
    first_group_ok = ok1.load();
    second_group_failed = kGroup - ok2.load();
  }
  EXPECT_EQ(first_group_ok, kGroup);
  EXPECT_EQ(second_group_failed, kGroup) << "a report was acknowledged without its sync";
  fs->DropUnsyncedData();

  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status();
  auto latest = (*store)->ListLatest("140430", "2024");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->size(), static_cast<size_t>(kGroup));
  for (int i = 0; i < kGroup; ++i) {
    const std::string kept = "g1s" + std::to_string(i), lost = "g2s" + std::to_string(i);
    auto version = (*store)->GetReportVersion("140430", "2024", kept, 1);
    ASSERT_TRUE(version.ok() && version->has_value()) << kept;
    auto idem = (*store)->GetIdempotency("140430", kept + "-v1");
    EXPECT_TRUE(idem.ok() && idem->has_value()) << kept;
    auto gone = (*store)->GetReportVersion("140430", "2024", lost, 1);
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone->has_value()) << lost << " was stored though its group never synced";
    auto no_idem = (*store)->GetIdempotency("140430", lost + "-v1");
    EXPECT_TRUE(no_idem.ok() && !no_idem->has_value()) << lost;
  }
  auto audit = (*store)->ListAudit("140430");
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->size(), static_cast<size_t>(kGroup)) << "one audit entry per kept report";
}

}  // namespace
}  // namespace junheng::testing
