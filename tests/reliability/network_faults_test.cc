// Reports delivered from the outbox through a proxy that delays, drops and resets connections:
// each is stored exactly once, and the clerk holds one receipt per report.
#include <cstdio>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/outbox/outbox.h"
#include "client/outbox/outbox_delivery.h"
#include "client/rpc/connection.h"
#include "gtest/gtest.h"
#include "tests/reliability/fault_proxy.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {
namespace {

constexpr char kCounty[] = "140430";
constexpr int kReports = 40;

TEST(NetworkFaultsTest, EveryReportIsDeliveredExactlyOnceThroughAFaultyLink) {
  TempDir dir;
  SystemClock clock;
  InProcessServer server(&clock);
  ASSERT_TRUE(server.Start().ok());
  client::Connection& direct = *server.connection();
  v1::UpsertSchoolsRequest schools;
  schools.set_county_code(kCounty);
  for (int i = 0; i < kReports; ++i) {
    auto* s = schools.add_schools();
    s->set_school_code(absl::StrCat("n", i));
    s->set_school_name(absl::StrCat("net school ", i));
    s->set_school_type("primary");
  }
  ASSERT_TRUE(direct.Call(&v1::RegistryService::Stub::UpsertSchools, schools).ok());

  auto outbox = client::Outbox::Open(dir.Sub("client/outbox"));
  ASSERT_TRUE(outbox.ok()) << outbox.status();
  for (int i = 0; i < kReports; ++i) {
    v1::SchoolReport report;
    report.set_county_code(kCounty);
    report.set_school_code(absl::StrCat("n", i));
    report.set_period("2024");
    report.set_primary_students(300 + i);
    report.set_primary_teachers(25);
    bool reachable = true;
    auto item = client::NewOutboxItem(*outbox, nullptr, report, absl::StrCat("net-", i), 0, "clerk",
                                      "test", i, &reachable);
    ASSERT_TRUE(item.ok()) << item.status();
    ASSERT_TRUE(outbox->Add(*item).ok());
  }

  FaultProxy::Faults faults;
  faults.reset_probability = 0.06;
  faults.drop_probability = 0.03;
  faults.max_delay_ms = 25;
  faults.blackhole_ms = 1200;
  faults.seed = 42;
  FaultProxy proxy(server.app()->port(), faults);
  client::Connection through(absl::StrCat("127.0.0.1:", proxy.port()), absl::Milliseconds(800));

  const absl::Time started = absl::Now();
  int passes = 0;
  int delivered = 0;
  while (absl::Now() - started < absl::Seconds(120)) {
    ++passes;
    auto summary = client::DeliverPending(*outbox, through, /*attempts_per_call=*/1);
    ASSERT_TRUE(summary.ok()) << summary.status();
    ASSERT_EQ(summary->rejected, 0);
    delivered += summary->delivered;
    if (summary->pending == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - started);

  auto left = outbox->List();
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty()) << left->size() << " items were not delivered";
  EXPECT_EQ(delivered, kReports);
  auto receipts = outbox->ListReceipts();
  ASSERT_TRUE(receipts.ok());
  ASSERT_EQ(receipts->size(), static_cast<size_t>(kReports));
  std::map<std::string, v1::Receipt> by_school;
  for (const auto& local : *receipts) {
    const auto& r = local.response().receipt();
    EXPECT_TRUE(by_school.emplace(r.school_code(), r).second)
        << "two receipts for " << r.school_code();
  }
  int duplicates_answered = 0;
  for (const auto& local : *receipts) duplicates_answered += local.response().duplicate() ? 1 : 0;
  for (int i = 0; i < kReports; ++i) {
    const std::string school = absl::StrCat("n", i);
    v1::ListReportVersionsRequest list;
    list.set_county_code(kCounty);
    list.set_school_code(school);
    list.set_period("2024");
    auto versions = direct.Call(&v1::ReportingService::Stub::ListReportVersions, list);
    ASSERT_TRUE(versions.ok());
    ASSERT_EQ(versions->versions_size(), 1) << school << " stored " << versions->versions_size();
    EXPECT_EQ(versions->versions(0).receipt_id(), by_school[school].receipt_id());
    EXPECT_EQ(versions->versions(0).submission_id(), absl::StrCat("net-", i));
  }
  const FaultProxy::Stats stats = proxy.stats();
  EXPECT_GT(stats.resets + stats.drops, 0) << "the proxy injected no fault: the test proves little";
  std::printf(
      "network faults: %d reports in %.1f s over %d passes; proxy: %lld connections, "
      "%lld chunks, %lld resets, %lld black holes; %d receipts were re-sent answers "
      "(stored before the fault hid the first answer)\n",
      kReports, seconds, passes, static_cast<long long>(stats.connections),
      static_cast<long long>(stats.chunks), static_cast<long long>(stats.resets),
      static_cast<long long>(stats.drops), duplicates_answered);
}

}  // namespace
}  // namespace junheng::testing
