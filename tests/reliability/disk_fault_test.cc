// A full disk or a read-only data dir: writes fail with RESOURCE_EXHAUSTED or UNAVAILABLE, reads
// keep working, nothing stored is harmed, and writes work again when the fault is gone.
#include <chrono>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "server/storage/store.h"
#include "tests/reliability/fault_injection_fs.h"
#include "tests/testing/store_fixture.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {
namespace {

using storage::Store;
using storage::StoreOptions;
using Fault = FaultInjectionFs::Fault;

void ExpectVersions(Store& store, const std::string& school, int64_t n) {
  auto versions = store.ListVersions("140430", "2024", school);
  ASSERT_TRUE(versions.ok()) << versions.status();
  ASSERT_EQ(static_cast<int64_t>(versions->size()), n) << school;
  for (int64_t v = 1; v <= n; ++v) {
    auto stored = store.GetReportVersion("140430", "2024", school, v);
    ASSERT_TRUE(stored.ok() && stored->has_value()) << school << " v" << v;
    EXPECT_EQ((*stored)->SerializeAsString(), MakeVersion(school, v).SerializeAsString());
  }
}

TEST(DiskFaultTest, FullDiskRefusesWritesKeepsReadsAndResumesWhenSpaceReturns) {
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  {
    StoreOptions options;
    options.env = fs->env();
    auto opened = Store::Open(dir.path(), options);
    ASSERT_TRUE(opened.ok()) << opened.status();
    Store& store = **opened;
    for (int64_t v = 1; v <= 20; ++v) ASSERT_TRUE(CommitVersion(store, MakeVersion("s1", v)).ok());

    // ENOSPC midway through the WAL record: half of it reaches the log file.
    fs->SetFault(Fault::kNoSpace, /*partial_append=*/true);
    absl::Status full = CommitVersion(store, MakeVersion("s1", 21));
    EXPECT_EQ(full.code(), absl::StatusCode::kResourceExhausted) << full;
    absl::Status still_full = CommitVersion(store, MakeVersion("s1", 21));
    EXPECT_TRUE(absl::IsResourceExhausted(still_full) || absl::IsUnavailable(still_full))
        << still_full;
    EXPECT_GT(fs->InjectedFailures(), 0);

    ExpectVersions(store, "s1", 20);  // reads keep working
    auto latest = store.GetLatest("140430", "2024", "s1");
    ASSERT_TRUE(latest.ok() && latest->has_value());
    EXPECT_EQ((*latest)->version(), 20);

    // Space returns: writes resume (the store's Resume() or RocksDB's own recovery, which polls
    // the free space; until it is done a write answers UNAVAILABLE and stores nothing).
    fs->SetFault(Fault::kNone);
    absl::Status resumed = CommitVersion(store, MakeVersion("s1", 21));
    for (int i = 0; i < 300 && !resumed.ok(); ++i) {
      ASSERT_TRUE(absl::IsUnavailable(resumed) || absl::IsResourceExhausted(resumed)) << resumed;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      resumed = CommitVersion(store, MakeVersion("s1", 21));
    }
    ASSERT_TRUE(resumed.ok()) << "writes did not resume within 30 s: " << resumed;
    for (int64_t v = 22; v <= 40; ++v) {
      absl::Status written = CommitVersion(store, MakeVersion("s1", v));
      ASSERT_TRUE(written.ok()) << "v" << v << ": " << written;
    }
    ExpectVersions(store, "s1", 40);
  }
  // The writes acknowledged after the resume are in a log that recovery reads to its end: the
  // torn record of the failed write does not hide them.
  fs->DropUnsyncedData();
  auto reopened = Store::Open(dir.path());
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  ExpectVersions(**reopened, "s1", 40);
}

TEST(DiskFaultTest, ReadOnlyDataDirAnswersUnavailableAndLosesNothing) {
  TempDir dir;
  auto fs = std::make_shared<FaultInjectionFs>();
  {
    StoreOptions options;
    options.env = fs->env();
    auto opened = Store::Open(dir.path(), options);
    ASSERT_TRUE(opened.ok()) << opened.status();
    Store& store = **opened;
    for (int64_t v = 1; v <= 10; ++v) ASSERT_TRUE(CommitVersion(store, MakeVersion("s2", v)).ok());

    fs->SetFault(Fault::kReadOnly);
    absl::Status refused = CommitVersion(store, MakeVersion("s2", 11));
    EXPECT_EQ(refused.code(), absl::StatusCode::kUnavailable) << refused;
    refused = CommitVersion(store, MakeVersion("s2", 11));
    EXPECT_EQ(refused.code(), absl::StatusCode::kUnavailable) << refused;
    ExpectVersions(store, "s2", 10);
    auto all = store.ListLatest("140430", "2024");
    ASSERT_TRUE(all.ok()) << all.status();
    EXPECT_EQ(all->size(), 1u);

    // RocksDB treats a plain I/O error in the WAL as not resumable: writes stay refused (never
    // half-done) until the server is restarted on a writable disk.
    fs->SetFault(Fault::kNone);
    absl::Status after = CommitVersion(store, MakeVersion("s2", 11));
    EXPECT_TRUE(after.ok() || absl::IsUnavailable(after)) << after;
  }
  auto reopened = Store::Open(dir.path());
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  auto versions = (*reopened)->ListVersions("140430", "2024", "s2");
  ASSERT_TRUE(versions.ok());
  const int64_t n = static_cast<int64_t>(versions->size());
  ASSERT_GE(n, 10);
  ExpectVersions(**reopened, "s2", n);
  EXPECT_TRUE(CommitVersion(**reopened, MakeVersion("s2", n + 1)).ok())
      << "writes work after restart";
}

}  // namespace
}  // namespace junheng::testing
