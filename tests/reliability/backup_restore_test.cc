// Backup while serving, restore offline, serve the restored copy: every report acknowledged
// before the backup started is there with the same content.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/rpc/connection.h"
#include "gtest/gtest.h"
#include "server/storage/backup.h"
#include "server/tools/admin_commands.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {
namespace {

constexpr char kCounty[] = "140430";
constexpr int kWriters = 8;

v1::SubmitReportRequest Request(int w, int64_t version) {
  v1::SubmitReportRequest request;
  request.set_county_code(kCounty);
  request.set_submission_id(absl::StrCat("b", w, "-v", version));
  request.set_replaces_version(version - 1);
  auto* r = request.mutable_report();
  r->set_school_code(absl::StrCat("b", w));
  r->set_period("2024");
  r->set_primary_students(static_cast<int32_t>(200 + version));
  r->set_primary_teachers(10);
  return request;
}

struct Acked {
  absl::Time at;
  v1::Receipt receipt;
};

TEST(BackupRestoreTest, BackupUnderLoadRestoresEveryReportAcknowledgedBeforeIt) {
  TempDir dir;
  SystemClock clock;
  InProcessServer app(&clock);
  ASSERT_TRUE(app.Start().ok());
  client::Connection& connection = *app.connection();
  v1::UpsertSchoolsRequest schools;
  schools.set_county_code(kCounty);
  for (int w = 0; w < kWriters; ++w) {
    auto* s = schools.add_schools();
    s->set_school_code(absl::StrCat("b", w));
    s->set_school_name(absl::StrCat("backup school ", w));
    s->set_school_type("primary");
  }
  ASSERT_TRUE(connection.Call(&v1::RegistryService::Stub::UpsertSchools, schools).ok());

  std::mutex mu;
  std::vector<std::vector<Acked>> acked(kWriters);
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      client::Connection own(app.address(), absl::Seconds(10));
      for (int64_t v = 1; !stop.load(); ++v) {
        auto response = own.CallWithRetry(&v1::ReportingService::Stub::SubmitReport, Request(w, v),
                                          /*attempts=*/3);
        if (!response.ok()) return;
        std::lock_guard lock(mu);
        acked[w].push_back({absl::Now(), response->receipt()});
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const std::string backup_dir = dir.Sub("backups/first");
  const absl::Time backup_started = absl::Now();
  std::ostringstream out, err;
  const int backup_exit = server::RunBackupCommand(app.address(), backup_dir, 60, out, err);
  const absl::Time backup_finished = absl::Now();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // load continues after it
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_EQ(backup_exit, 0) << err.str();

  // A second backup into the same (now non-empty) directory is refused.
  std::ostringstream out2, err2;
  EXPECT_EQ(server::RunBackupCommand(app.address(), backup_dir, 60, out2, err2), 1);
  EXPECT_NE(err2.str().find("not empty"), std::string::npos) << err2.str();

  // Restore refuses a non-empty target and leaves it alone.
  const std::string occupied = dir.Sub("occupied");
  std::filesystem::create_directories(occupied);
  std::ofstream(occupied + "/keep.txt") << "precious";
  absl::Status refused = storage::RestoreBackup(backup_dir, occupied);
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition) << refused;
  EXPECT_TRUE(std::filesystem::exists(occupied + "/keep.txt"));

  const std::string restored_dir = dir.Sub("restored");
  std::ostringstream rout, rerr;
  ASSERT_EQ(server::RunRestoreCommand(backup_dir, restored_dir, rout, rerr), 0) << rerr.str();

  server::ServerOptions restored_options = server::ServerOptions::InsecureForTests();
  restored_options.data_dir = restored_dir;
  InProcessServer restored(&clock);
  ASSERT_TRUE(restored.Start(restored_options).ok());
  client::Connection& check = *restored.connection();
  client::Connection original(app.address(), absl::Seconds(10));

  int64_t before = 0, during = 0, after = 0, present_after = 0;
  for (int w = 0; w < kWriters; ++w) {
    for (const Acked& a : acked[w]) {
      v1::GetReportRequest get;
      get.set_county_code(kCounty);
      get.set_school_code(a.receipt.school_code());
      get.set_period("2024");
      get.set_version(a.receipt.version());
      auto copy = check.Call(&v1::ReportingService::Stub::GetReport, get);
      if (a.at < backup_started) {
        ++before;
        ASSERT_TRUE(copy.ok()) << a.receipt.school_code() << " v" << a.receipt.version()
                               << " acknowledged before the backup is missing: " << copy.status();
        auto source = original.Call(&v1::ReportingService::Stub::GetReport, get);
        ASSERT_TRUE(source.ok());
        EXPECT_EQ(copy->receipt().content_hash(), a.receipt.content_hash());
        EXPECT_EQ(copy->SerializeAsString(), source->SerializeAsString())
            << "the restored report differs from the original";
      } else if (a.at < backup_finished) {
        ++during;
      } else {
        ++after;
        if (copy.ok()) ++present_after;
      }
    }
  }
  EXPECT_GT(before, 0);
  EXPECT_GT(after, 0) << "the load did not continue past the backup";
  EXPECT_LT(present_after, after) << "reports acknowledged after the backup cannot be in it";
  std::printf(
      "backup under load: %lld reports acknowledged before the backup, all restored "
      "identical; %lld during, %lld after; backup took %lld ms\n",
      static_cast<long long>(before), static_cast<long long>(during), static_cast<long long>(after),
      static_cast<long long>(absl::ToInt64Milliseconds(backup_finished - backup_started)));
}

TEST(BackupRestoreTest, RestoreRefusesSomethingThatIsNotABackup) {
  TempDir dir;
  std::filesystem::create_directories(dir.Sub("nothing"));
  absl::Status status = storage::RestoreBackup(dir.Sub("nothing"), dir.Sub("target"));
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("target")));
}

}  // namespace
}  // namespace junheng::testing
