// SIGKILL the real junheng-server while its report writer has groups in flight: 16 clients send
// single reports and 2 send SubmitReports batches of 100 (each batch is queued at once, so groups
// of many reports are being built and synced when the kill comes). After each kill the data dir
// is opened directly, with the server down, and every stored report is checked whole: versions
// 1..n without gaps, the latest pointer at n, each version's idempotency record carrying its
// receipt, one report.accept audit entry per version, and an unbroken audit chain. Every
// acknowledged version is there; a version stored but not acknowledged (the kill fell between
// the sync and the answer) is allowed, since the client's resend with the same submission id gets
// it back, but only whole.
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/rpc/connection.h"
#include "gtest/gtest.h"
#include "server/storage/audit_chain.h"
#include "server/storage/store.h"
#include "tests/reliability/resend.h"
#include "tests/testing/server_process.h"
#include "tests/testing/temp_dir.h"

#ifndef JUNHENG_SERVER_BIN
#error "JUNHENG_SERVER_BIN must name the junheng-server binary"
#endif

namespace junheng::testing {
namespace {

constexpr char kCounty[] = "140430";
constexpr int kSingles = 16;
constexpr int kBulkClients = 2;
constexpr int kBatch = 100;
// Single clients own schools s0..s15; bulk client b owns schools b<b>-0 .. b<b>-99.
std::string Single(int t) { return absl::StrCat("s", t); }
std::string BulkSchool(int b, int i) { return absl::StrCat("b", b, "-", i); }

v1::SubmitReportRequest Request(const std::string& school, int64_t version) {
  v1::SubmitReportRequest request;
  request.set_county_code(kCounty);
  request.set_submission_id(absl::StrCat(school, "-v", version));
  request.set_replaces_version(version - 1);
  request.set_submitter("group-kill-test");
  auto* r = request.mutable_report();
  r->set_school_code(school);
  r->set_period("2024");
  r->set_primary_students(static_cast<int32_t>(100 + version));
  r->set_primary_teachers(20);
  return request;
}

// The acknowledged versions, by school.
struct Acks {
  std::mutex mu;
  std::map<std::string, int64_t> highest;
  void Record(const std::string& school, int64_t version) {
    std::lock_guard lock(mu);
    int64_t& h = highest[school];
    h = std::max(h, version);
  }
  std::map<std::string, int64_t> Snapshot() {
    std::lock_guard lock(mu);
    return highest;
  }
};

// Checks the data dir with the server down; returns how many versions it checked.
int64_t CheckWhole(const std::string& data_dir, const std::map<std::string, int64_t>& acked,
                   const std::vector<std::string>& schools, int cycle) {
  auto store = storage::Store::Open(data_dir);
  EXPECT_TRUE(store.ok()) << store.status();
  if (!store.ok()) return 0;
  int64_t checked = 0;
  std::map<std::string, int> accepts;
  auto audit = (*store)->ListAudit(kCounty);
  EXPECT_TRUE(audit.ok());
  if (!audit.ok()) return 0;
  EXPECT_FALSE(storage::VerifyAuditChain(*audit).has_value()) << "cycle " << cycle;
  for (const auto& entry : *audit) {
    if (entry.action() == "report.accept") ++accepts[entry.target()];
  }
  for (const std::string& school : schools) {
    auto versions = (*store)->ListVersions(kCounty, "2024", school);
    EXPECT_TRUE(versions.ok());
    if (!versions.ok()) continue;
    const int64_t n = static_cast<int64_t>(versions->size());
    auto it = acked.find(school);
    EXPECT_GE(n, it == acked.end() ? 0 : it->second)
        << "cycle " << cycle << ": an acknowledged version of " << school << " is gone";
    auto latest = (*store)->GetLatest(kCounty, "2024", school);
    EXPECT_TRUE(latest.ok());
    if (n == 0) {
      EXPECT_FALSE(latest.ok() && latest->has_value()) << school << ": a pointer to nothing";
      continue;
    }
    EXPECT_TRUE(latest.ok() && latest->has_value() && (*latest)->version() == n)
        << "cycle " << cycle << ": " << school << "'s latest pointer is not at v" << n;
    for (int64_t v = 1; v <= n; ++v) {
      const v1::Receipt& receipt = (*versions)[static_cast<size_t>(v - 1)];
      EXPECT_EQ(receipt.version(), v) << school << ": a gap or a double";
      auto idem = (*store)->GetIdempotency(kCounty, absl::StrCat(school, "-v", v));
      EXPECT_TRUE(idem.ok() && idem->has_value() &&
                  (*idem)->receipt().receipt_id() == receipt.receipt_id())
          << "cycle " << cycle << ": " << school << " v" << v << " has no idempotency record";
      EXPECT_EQ(accepts[absl::StrCat(kCounty, "/2024/", school, "/v", v)], 1)
          << "cycle " << cycle << ": " << school << " v" << v << " needs one audit entry";
      ++checked;
    }
  }
  return checked;
}

TEST(GroupKillTest, SigkillWithGroupsInFlightLeavesEveryReportWholeOrAbsent) {
  constexpr int kCycles = 8;
  TempDir dir;
  ServerProcess server(JUNHENG_SERVER_BIN, dir.Sub("data"), dir.Sub("server.log"));
  absl::Status started = server.Start();
  ASSERT_TRUE(started.ok()) << started;
  std::vector<std::string> schools;
  for (int t = 0; t < kSingles; ++t) schools.push_back(Single(t));
  for (int b = 0; b < kBulkClients; ++b) {
    for (int i = 0; i < kBatch; ++i) schools.push_back(BulkSchool(b, i));
  }
  {
    client::Connection admin(server.address(), absl::Seconds(10), server.security());
    v1::UpsertSchoolsRequest request;
    request.set_county_code(kCounty);
    for (const std::string& code : schools) {
      auto* s = request.add_schools();
      s->set_school_code(code);
      s->set_school_name(absl::StrCat("group kill school ", code));
      s->set_school_type("primary");
    }
    auto upserted = admin.Call(&v1::RegistryService::Stub::UpsertSchools, request);
    ASSERT_TRUE(upserted.ok()) << upserted.status();
  }

  Acks acks;
  std::atomic<bool> done{false};
  std::atomic<int> unexpected{0};
  std::atomic<int64_t> batches_acked{0};
  std::string first_unexpected;
  std::mutex unexpected_mu;
  auto fail = [&](const absl::Status& status) {
    std::lock_guard lock(unexpected_mu);
    if (unexpected++ == 0) first_unexpected = status.ToString();
  };
  std::vector<std::thread> clients;
  for (int t = 0; t < kSingles; ++t) {
    clients.emplace_back([&, t] {
      client::Connection connection(server.address(), absl::Seconds(2), server.security());
      for (int64_t version = 1; !done.load(); ++version) {
        const v1::SubmitReportRequest request = Request(Single(t), version);
        auto response =
            CallUntilAnswered(connection, &v1::ReportingService::Stub::SubmitReport, request);
        if (!response.ok()) return fail(response.status());
        acks.Record(Single(t), version);
      }
    });
  }
  for (int b = 0; b < kBulkClients; ++b) {
    clients.emplace_back([&, b] {
      client::Connection connection(server.address(), absl::Seconds(5), server.security());
      for (int64_t version = 1; !done.load(); ++version) {
        v1::SubmitReportsRequest batch;
        batch.set_county_code(kCounty);
        for (int i = 0; i < kBatch; ++i) *batch.add_reports() = Request(BulkSchool(b, i), version);
        while (true) {  // the whole batch again until every report in it is acknowledged
          auto response =
              CallUntilAnswered(connection, &v1::ReportingService::Stub::SubmitReports, batch);
          if (!response.ok()) return fail(response.status());
          bool all = true;
          for (int i = 0; i < response->results_size(); ++i) {
            const auto& one = response->results(i);
            if (one.code() == 0) {
              acks.Record(BulkSchool(b, i), version);
              continue;
            }
            all = false;
            absl::Status status(static_cast<absl::StatusCode>(one.code()), one.message());
            if (!client::IsUnreachable(status)) return fail(status);
          }
          if (all) {
            ++batches_acked;
            break;
          }
        }
      }
    });
  }

  std::mt19937 rng(13);
  int64_t checked = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(200, 900)(rng)));
    const int status = server.Kill(SIGKILL);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "cycle " << cycle;
    // Every answer the clients hold was given before the kill.
    checked += CheckWhole(dir.Sub("data"), acks.Snapshot(), schools, cycle);
    if (::testing::Test::HasFailure()) break;
    absl::Status restarted = server.Start();
    ASSERT_TRUE(restarted.ok()) << "restart " << cycle << ": " << restarted;
  }
  done = true;
  for (auto& c : clients) c.join();
  server.Kill(SIGKILL);
  EXPECT_EQ(unexpected.load(), 0) << first_unexpected;
  checked += CheckWhole(dir.Sub("data"), acks.Snapshot(), schools, kCycles);
  EXPECT_GT(batches_acked.load(), kCycles)
      << "the bulk clients hardly sent: the test proves little";
  std::printf(
      "group kills: %d SIGKILLs with %d single and %d bulk clients; batches acknowledged: %lld; "
      "stored versions checked whole: %lld\n",
      kCycles + 1, kSingles, kBulkClients, static_cast<long long>(batches_acked.load()),
      static_cast<long long>(checked));
}

}  // namespace
}  // namespace junheng::testing
