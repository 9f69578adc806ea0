// HealthReporter (server/rpc/health_reporter.h) over a real Store whose disk fails on demand:
// SERVING while the store accepts writes, NOT_SERVING while it refuses them and SERVING again
// once the disk recovers (without a client's write), NOT_SERVING for good once shutdown begins.
#include "server/rpc/health_reporter.h"

#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/reliability/fault_injection_fs.h"
#include "tests/testing/store_fixture.h"
#include "tests/testing/temp_dir.h"

namespace junheng::server {
namespace {

using testing::FaultInjectionFs;
using ::testing::HasSubstr;

// What gRPC's default health service keeps: a status per registered name ("" from the start),
// set for all at once, frozen at NOT_SERVING by Shutdown.
class FakeHealthService : public grpc::HealthCheckServiceInterface {
 public:
  void SetServingStatus(const std::string& service_name, bool serving) override {
    if (!shut_down_) serving_[service_name] = serving;
  }
  void SetServingStatus(bool serving) override {
    if (shut_down_) return;
    for (auto& [name, status] : serving_) status = serving;
  }
  void Shutdown() override {
    SetServingStatus(false);
    shut_down_ = true;
  }
  // The names and their statuses.
  const std::map<std::string, bool>& serving() const { return serving_; }

 private:
  std::map<std::string, bool> serving_ = {{"", true}};
  bool shut_down_ = false;
};

const std::vector<std::string> kServices = {"junheng.v1.ReportingService",
                                            "junheng.v1.BureauService"};

std::map<std::string, bool> AllAre(bool serving) {
  return {{"", serving},
          {"junheng.v1.ReportingService", serving},
          {"junheng.v1.BureauService", serving}};
}

class HealthReporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.env = fs_->env();
    auto store = storage::Store::Open(dir_.Sub("data"), options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  testing::TempDir dir_;
  std::shared_ptr<FaultInjectionFs> fs_ = std::make_shared<FaultInjectionFs>();
  std::unique_ptr<storage::Store> store_;
  FakeHealthService health_;
};

TEST_F(HealthReporterTest, ServesTheServerAndEachServiceWhileTheStoreAcceptsWrites) {
  HealthReporter reporter(store_.get(), &health_, kServices);
  EXPECT_EQ(health_.serving(), AllAre(true));
  EXPECT_TRUE(reporter.Ready().ok());
  reporter.Refresh();
  EXPECT_EQ(health_.serving(), AllAre(true));
}

TEST_F(HealthReporterTest, NotServingWhileTheDiskRefusesWritesAndServingAgainWhenItRecovers) {
  HealthReporter reporter(store_.get(), &health_, kServices);
  ASSERT_TRUE(testing::CommitVersion(*store_, testing::MakeVersion("s1", 1)).ok());

  fs_->SetFault(FaultInjectionFs::Fault::kNoSpace);
  absl::Status full = testing::CommitVersion(*store_, testing::MakeVersion("s1", 2));
  ASSERT_EQ(full.code(), absl::StatusCode::kResourceExhausted) << full;
  EXPECT_FALSE(store_->AcceptsWrites());
  reporter.Refresh();
  EXPECT_EQ(health_.serving(), AllAre(false));
  absl::Status ready = reporter.Ready();
  EXPECT_EQ(ready.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(ready.message(), HasSubstr("the data dir refuses writes"));
  EXPECT_THAT(ready.message(), HasSubstr("free space or fix the disk"));
  reporter.Refresh();  // still full: still not serving
  EXPECT_EQ(health_.serving(), AllAre(false));

  // Space returns. No client writes: the reporter's own retries bring the store back (RocksDB
  // may still be recovering by itself for a moment, which a retry waits out).
  fs_->SetFault(FaultInjectionFs::Fault::kNone);
  for (int i = 0; i < 300 && !reporter.Ready().ok(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    reporter.Refresh();
  }
  EXPECT_TRUE(reporter.Ready().ok()) << reporter.Ready();
  EXPECT_EQ(health_.serving(), AllAre(true));
  EXPECT_TRUE(store_->AcceptsWrites());
  EXPECT_TRUE(testing::CommitVersion(*store_, testing::MakeVersion("s1", 2)).ok());
}

TEST_F(HealthReporterTest, ShutdownIsNotServingForGood) {
  HealthReporter reporter(store_.get(), &health_, kServices);
  reporter.Start(absl::Milliseconds(1));
  reporter.BeginShutdown();
  EXPECT_EQ(health_.serving(), AllAre(false));
  EXPECT_EQ(reporter.Ready().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(reporter.Ready().message(), HasSubstr("shutting down"));
  reporter.Refresh();
  EXPECT_EQ(health_.serving(), AllAre(false));
  EXPECT_FALSE(reporter.Ready().ok());
}

}  // namespace
}  // namespace junheng::server
