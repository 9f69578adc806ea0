// The outbox on its own, and the stale-version rule across retries against a real server.
#include "client/outbox/outbox.h"

#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "client/outbox/outbox_delivery.h"
#include "client/rpc/connection.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {
namespace {

using client::Outbox;

v1::OutboxItem Item(const std::string& id, const std::string& school, int64_t replaces,
                    int students, int64_t order) {
  v1::SchoolReport report;
  report.set_county_code("140430");
  report.set_school_code(school);
  report.set_period("2024");
  report.set_primary_students(students);
  report.set_primary_teachers(12);
  v1::OutboxItem item;
  item.mutable_request()->set_county_code("140430");
  item.mutable_request()->set_submission_id(id);
  *item.mutable_request()->mutable_report() = report;
  item.mutable_request()->set_replaces_version(replaces);
  item.set_order(order);
  return item;
}

TEST(OutboxTest, ItemsPersistInOrderAndLeaveOnlyWithTheirReceipt) {
  TempDir dir;
  {
    auto outbox = Outbox::Open(dir.Sub("outbox"));
    ASSERT_TRUE(outbox.ok()) << outbox.status();
    ASSERT_TRUE(outbox->Add(Item("b-id", "s1", 0, 10, 2)).ok());
    ASSERT_TRUE(outbox->Add(Item("a-id", "s2", 0, 20, 1)).ok());
    EXPECT_TRUE(absl::IsAlreadyExists(outbox->Add(Item("a-id", "s2", 0, 99, 3))));
    EXPECT_EQ(outbox->receipts_dir(), dir.Sub("receipts"));
  }
  auto outbox = Outbox::Open(dir.Sub("outbox"));  // as after a restart
  ASSERT_TRUE(outbox.ok());
  auto items = outbox->List();
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].request().submission_id(), "a-id");
  EXPECT_EQ((*items)[0].request().report().primary_students(), 20) << "Add never overwrites";
  EXPECT_EQ((*items)[1].request().submission_id(), "b-id");

  v1::SubmitReportResponse response;
  response.mutable_receipt()->set_county_code("140430");
  response.mutable_receipt()->set_school_code("s2");
  response.mutable_receipt()->set_period("2024");
  response.mutable_receipt()->set_version(4);
  response.mutable_receipt()->set_receipt_id("r4");
  ASSERT_TRUE(outbox->Complete((*items)[0], response).ok());
  auto receipts = outbox->ListReceipts();
  ASSERT_TRUE(receipts.ok());
  ASSERT_EQ(receipts->size(), 1u);
  EXPECT_EQ((*receipts)[0].response().receipt().receipt_id(), "r4");
  auto newest = outbox->NewestReceiptVersions();
  ASSERT_TRUE(newest.ok());
  EXPECT_EQ(*newest, (std::map<std::string, int64_t>{{"140430/s2/2024", 4}}));

  // An update after the item left (another process delivered it) does not bring it back.
  v1::OutboxItem stale = (*items)[0];
  stale.set_attempts(7);
  auto updated = outbox->Update(stale);
  ASSERT_TRUE(updated.ok());
  EXPECT_FALSE(*updated);
  ASSERT_EQ(outbox->List()->size(), 1u);

  auto dropped = outbox->Drop("b-id");
  ASSERT_TRUE(dropped.ok());
  EXPECT_TRUE(*dropped);
  EXPECT_TRUE(outbox->List()->empty());
  // No temporary files are left behind.
  for (const auto& entry : std::filesystem::directory_iterator(dir.Sub("outbox"))) {
    EXPECT_EQ(entry.path().filename().string().rfind(".tmp", 0), std::string::npos) << entry.path();
  }
}

class OutboxDeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start().ok());
    connection_ = server_.connection();
    v1::UpsertSchoolsRequest schools;
    schools.set_county_code("140430");
    auto* s = schools.add_schools();
    s->set_school_code("s1");
    s->set_school_name("one");
    s->set_school_type("primary");
    ASSERT_TRUE(connection_->Call(&v1::RegistryService::Stub::UpsertSchools, schools).ok());
    auto outbox = Outbox::Open(dir_.Sub("outbox"));
    ASSERT_TRUE(outbox.ok());
    outbox_ = std::make_unique<Outbox>(*std::move(outbox));
  }

  int Versions() {
    v1::ListReportVersionsRequest list;
    list.set_county_code("140430");
    list.set_school_code("s1");
    list.set_period("2024");
    auto versions = connection_->Call(&v1::ReportingService::Stub::ListReportVersions, list);
    return versions.ok() ? versions->versions_size() : -1;
  }

  TempDir dir_;
  SystemClock clock_;
  testing::InProcessServer server_{&clock_};
  client::Connection* connection_ = nullptr;
  std::unique_ptr<Outbox> outbox_;
};

TEST_F(OutboxDeliveryTest, ARetryAfterSomeoneElsesNewerVersionIsAbortedAndLeavesTheOutbox) {
  // The clerk's report was queued to replace version 0 while the link was down...
  ASSERT_TRUE(outbox_->Add(Item("clerk-1", "s1", 0, 500, 1)).ok());
  // ...meanwhile a colleague submitted version 1 from another PC.
  v1::SubmitReportRequest other = Item("colleague-1", "s1", 0, 480, 0).request();
  ASSERT_TRUE(
      connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport, other, /*attempts=*/3)
          .ok());

  absl::Status refusal;
  auto summary = client::DeliverPending(
      *outbox_, *connection_, 1, [&](const v1::OutboxItem&, const client::DeliveryResult& result) {
        refusal = result.status;
      });
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->rejected, 1);
  EXPECT_EQ(Versions(), 1)
      << "the stale retry must not overwrite the newer version (never rebased)";
  EXPECT_TRUE(absl::IsAborted(refusal)) << refusal;
  EXPECT_NE(refusal.message().find("stale"), std::string::npos) << "the caller tells the clerk why";
  // Issue 14 item 14: a refusal is an answer, not a delivery problem: the item leaves the outbox
  // and is not sent again.
  auto kept = outbox_->Get("clerk-1");
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept->has_value());
  auto again = client::DeliverPending(*outbox_, *connection_, 1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rejected + again->delivered, 0);
  EXPECT_EQ(Versions(), 1);
}

// Issue 14 item 14: items an earlier junheng kept as failed leave once the school and period are
// delivered, or with `outbox drop --failed`; an "already stored" answer rewrites the version's one
// receipt file instead of adding another.
TEST_F(OutboxDeliveryTest, FailedLeftoversGoWhenTheirPeriodIsDeliveredAndReceiptsAreOnePerVersion) {
  v1::OutboxItem leftover = Item("old-failed", "s1", 0, 400, 1);
  leftover.set_failed(true);
  leftover.set_failed_code("INVALID_ARGUMENT");
  ASSERT_TRUE(outbox_->Add(leftover).ok());
  ASSERT_TRUE(outbox_->Add(Item("good", "s1", 0, 500, 2)).ok());
  auto summary = client::DeliverPending(*outbox_, *connection_, 1);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->delivered, 1);
  EXPECT_TRUE(outbox_->List()->empty()) << "the failed leftover for s1 / 2024 is superseded";

  // The same content under new submission ids (the clerk ran submit again): "already stored",
  // with the original receipt, kept in the one file of version 1.
  for (const char* id : {"again-1", "again-2"}) {
    ASSERT_TRUE(outbox_->Add(Item(id, "s1", 0, 500, 3)).ok());
    ASSERT_TRUE(client::DeliverPending(*outbox_, *connection_, 1).ok());
  }
  auto receipts = outbox_->ListReceipts();
  ASSERT_TRUE(receipts.ok());
  EXPECT_EQ(receipts->size(), 1u);
  EXPECT_EQ(Versions(), 1);
}

// A backlog bigger than one SubmitReports call: the versions are chosen in one pass (a second
// report of the same school replaces the first), kept with AddAll, delivered in batches of 500,
// and each item gets its own answer: receipts for the good ones, a refusal for the bad one.
TEST_F(OutboxDeliveryTest, ABacklogGoesInBatchesAndEachItemGetsItsOwnAnswer) {
  constexpr int kSchools = 1100;
  v1::UpsertSchoolsRequest schools;
  schools.set_county_code("140430");
  for (int i = 0; i < kSchools; ++i) {
    auto* s = schools.add_schools();
    s->set_school_code(absl::StrCat("b", i));
    s->set_school_name(absl::StrCat("backlog ", i));
    s->set_school_type("primary");
  }
  ASSERT_TRUE(connection_->Call(&v1::RegistryService::Stub::UpsertSchools, schools).ok());

  std::vector<v1::SchoolReport> reports;
  for (int i = 0; i < kSchools; ++i) {
    reports.push_back(Item("x", absl::StrCat("b", i), 0, 100 + i, 0).request().report());
  }
  reports.push_back(Item("x", "b0", 0, 555, 0).request().report());   // b0 again: replaces it
  reports.push_back(Item("x", "nope", 0, 10, 0).request().report());  // not registered
  bool reachable = true;
  auto chosen = client::ChooseReplacesVersions(*outbox_, connection_, reports, &reachable);
  ASSERT_TRUE(chosen.ok()) << chosen.status();
  ASSERT_EQ(chosen->size(), reports.size());
  EXPECT_EQ((*chosen)[0], 0);
  EXPECT_EQ((*chosen)[kSchools], 1) << "the second report of b0 replaces the first";
  std::vector<v1::OutboxItem> items;
  for (size_t i = 0; i < reports.size(); ++i) {
    items.push_back(Item(absl::StrCat("bk-", i), reports[i].school_code(), (*chosen)[i],
                         reports[i].primary_students(), static_cast<int64_t>(i)));
  }
  ASSERT_TRUE(outbox_->AddAll(items).ok());
  auto listed = outbox_->List();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), items.size());

  std::vector<std::string> seen;
  auto summary = client::DeliverPending(
      *outbox_, *connection_, 3, [&](const v1::OutboxItem& item, const client::DeliveryResult&) {
        seen.push_back(item.request().submission_id());
      });
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->delivered, kSchools + 1);
  EXPECT_EQ(summary->rejected, 1);
  EXPECT_EQ(summary->pending, 0);
  ASSERT_EQ(seen.size(), items.size());
  EXPECT_EQ(seen.front(), "bk-0");
  EXPECT_EQ(seen.back(), absl::StrCat("bk-", items.size() - 1)) << "answers in outbox order";
  auto left = outbox_->List();
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty());
  auto receipts = outbox_->ListReceipts();
  ASSERT_TRUE(receipts.ok());
  EXPECT_EQ(receipts->size(), static_cast<size_t>(kSchools + 1));
  auto newest = outbox_->NewestReceiptVersions();
  ASSERT_TRUE(newest.ok());
  EXPECT_EQ((*newest)["140430/b0/2024"], 2);
}

TEST_F(OutboxDeliveryTest, AResendAfterALostAnswerGetsTheOriginalReceipt) {
  v1::OutboxItem item = Item("lost-answer", "s1", 0, 500, 1);
  ASSERT_TRUE(outbox_->Add(item).ok());
  // The first send reached the server but its answer was lost (the client crashed).
  auto first = connection_->CallWithRetry(&v1::ReportingService::Stub::SubmitReport, item.request(),
                                          /*attempts=*/3);
  ASSERT_TRUE(first.ok());
  auto summary = client::DeliverPending(*outbox_, *connection_, 1);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->delivered, 1);
  EXPECT_EQ(Versions(), 1);
  auto receipts = outbox_->ListReceipts();
  ASSERT_TRUE(receipts.ok());
  ASSERT_EQ(receipts->size(), 1u);
  EXPECT_EQ((*receipts)[0].response().receipt().receipt_id(), first->receipt().receipt_id());
  EXPECT_TRUE(outbox_->List()->empty());
}

TEST_F(OutboxDeliveryTest, UnreachableServerKeepsTheItemsPending) {
  ASSERT_TRUE(outbox_->Add(Item("offline", "s1", 0, 500, 1)).ok());
  ASSERT_TRUE(outbox_->Add(Item("offline-2", "s1", 1, 501, 2)).ok());
  client::Connection nowhere("127.0.0.1:1", absl::Milliseconds(300));
  auto summary = client::DeliverPending(*outbox_, nowhere, 1);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->pending, 2);
  EXPECT_FALSE(summary->last_retry.ok());
  // Both went in the one call that failed: both keep the attempt and the reason.
  for (const char* id : {"offline", "offline-2"}) {
    auto kept = outbox_->Get(id);
    ASSERT_TRUE(kept.ok() && kept->has_value()) << id;
    EXPECT_FALSE((*kept)->failed());
    EXPECT_EQ((*kept)->attempts(), 1) << id;
    EXPECT_FALSE((*kept)->last_error().empty()) << id;
  }
}

}  // namespace
}  // namespace junheng::testing
