// The report writer's group commit (Store::CommitReportAsync): reports queued together are
// decided in order against each other and written in one synced batch.
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/blocking_counter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/storage/audit_chain.h"
#include "server/storage/store.h"
#include "tests/testing/english.h"
#include "tests/testing/store_fixture.h"
#include "tests/testing/temp_dir.h"

namespace junheng::storage {
namespace {

using junheng::testing::MakeVersion;
using ::testing::HasSubstr;

class ReportWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options = junheng::testing::TinyMemtableOptions();
    options.hold_report_writer = true;
    auto store = Store::Open(dir_.Sub("data"), options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Queues a report of `school` with content `hash` under `id`, replacing `replaces`; its outcome
  // lands in outcomes_[slot].
  void Queue(const std::string& school, const std::string& id, const std::string& hash,
             int64_t replaces) {
    const size_t slot = outcomes_.size();
    outcomes_.emplace_back(absl::UnknownError("not answered"));
    ReportProposal proposal{"140430", "2024", school, id, hash, replaces};
    store_->CommitReportAsync(
        proposal, [](const Store&) { return absl::OkStatus(); },
        [school, id, hash](const Store&, int64_t version) -> absl::StatusOr<ReportVersion> {
          ReportVersion next{MakeVersion(school, version), {}};
          next.stored.mutable_receipt()->set_submission_id(id);
          next.stored.mutable_receipt()->set_content_hash(hash);
          next.audit.set_action("report.accept");
          next.audit.set_target(school);
          return next;
        },
        [this, slot](absl::StatusOr<ReportOutcome> outcome) {
          outcomes_[slot] = std::move(outcome);
          answered_->DecrementCount();
        });
  }

  // Lets the writer go and waits for every queued report's answer.
  void ReleaseAndWait() {
    store_->ReleaseReportWriter();
    answered_->Wait();
  }

  void Expect(int answers) { answered_ = std::make_unique<absl::BlockingCounter>(answers); }

  junheng::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<absl::StatusOr<ReportOutcome>> outcomes_;
  std::unique_ptr<absl::BlockingCounter> answered_;
};

TEST_F(ReportWriterTest, AGroupIsDecidedInOrderAgainstItselfAndWrittenOnce) {
  Expect(7);
  outcomes_.reserve(7);
  Queue("s1", "a", "h1", 0);  // 0: s1 v1
  Queue("s1", "a", "h1", 0);  // 1: the same submission again: duplicate of 0
  Queue("s1", "b", "h1", 0);  // 2: a new id with the content of the latest (0): duplicate
  Queue("s1", "c", "h2", 1);  // 3: replaces v1, written in this group: s1 v2
  Queue("s1", "d", "h3", 1);  // 4: replaces v1, but 3 made v2: stale
  Queue("s2", "e", "h4", 0);  // 5: s2 v1
  Queue("s2", "a", "h9", 0);  // 6: id "a" again with other content: refused
  ReleaseAndWait();

  ASSERT_TRUE(outcomes_[0].ok()) << outcomes_[0].status();
  EXPECT_FALSE(outcomes_[0]->duplicate);
  EXPECT_EQ(outcomes_[0]->receipt.version(), 1);
  ASSERT_TRUE(outcomes_[1].ok()) << outcomes_[1].status();
  EXPECT_TRUE(outcomes_[1]->duplicate);
  EXPECT_EQ(outcomes_[1]->receipt.version(), 1);
  ASSERT_TRUE(outcomes_[2].ok()) << outcomes_[2].status();
  EXPECT_TRUE(outcomes_[2]->duplicate);
  ASSERT_TRUE(outcomes_[3].ok()) << outcomes_[3].status();
  EXPECT_EQ(outcomes_[3]->receipt.version(), 2);
  EXPECT_EQ(outcomes_[4].status().code(), absl::StatusCode::kAborted) << outcomes_[4].status();
  ASSERT_TRUE(outcomes_[5].ok()) << outcomes_[5].status();
  EXPECT_EQ(outcomes_[5]->receipt.version(), 1);
  EXPECT_EQ(outcomes_[6].status().code(), absl::StatusCode::kAlreadyExists);

  const GroupCommitStats stats = store_->group_commit_stats();
  EXPECT_EQ(stats.groups, 1) << "the held queue was written as one batch";
  EXPECT_EQ(stats.reports, 3);
  EXPECT_EQ(stats.largest, 3);

  // Stored exactly as three separate commits would have stored them, across a restart.
  store_.reset();
  auto reopened = Store::Open(dir_.Sub("data"));
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  auto s1 = (*reopened)->ListVersions("140430", "2024", "s1");
  ASSERT_TRUE(s1.ok());
  ASSERT_EQ(s1->size(), 2u);
  EXPECT_EQ((*s1)[1].submission_id(), "c");
  auto latest = (*reopened)->GetLatest("140430", "2024", "s1");
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version(), 2);
  auto idem = (*reopened)->GetIdempotency("140430", "e");
  ASSERT_TRUE(idem.ok() && idem->has_value());
  EXPECT_EQ((*idem)->receipt().school_code(), "s2");
  auto audit = (*reopened)->ListAudit("140430");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u) << "one entry per stored version, none for refusals";
  for (size_t i = 0; i < audit->size(); ++i) EXPECT_EQ((*audit)[i].seq(), int64_t(i + 1));
  EXPECT_EQ((*audit)[0].target(), "s1");
  EXPECT_EQ((*audit)[2].target(), "s2") << "the chain follows queue order";
  EXPECT_FALSE(VerifyAuditChain(*audit).has_value());
}

TEST_F(ReportWriterTest, ARefusalInsideTheGroupStoresNothingForIt) {
  Expect(2);
  outcomes_.reserve(2);
  Queue("s1", "a", "h1", 5);  // replaces a version that does not exist
  Queue("s1", "b", "h2", 0);
  ReleaseAndWait();
  EXPECT_EQ(outcomes_[0].status().code(), absl::StatusCode::kAborted);
  EXPECT_THAT(std::string(outcomes_[0].status().message()), HasSubstr("s1"));
  ASSERT_TRUE(outcomes_[1].ok());
  EXPECT_EQ(outcomes_[1]->receipt.version(), 1);
  auto idem = store_->GetIdempotency("140430", "a");
  ASSERT_TRUE(idem.ok());
  EXPECT_FALSE(idem->has_value()) << "a refused submission left an idempotency record";
}

TEST_F(ReportWriterTest, ClosingTheStoreAnswersEveryQueuedReport) {
  Expect(3);
  outcomes_.reserve(3);
  Queue("s1", "a", "h1", 0);
  Queue("s2", "b", "h2", 0);
  Queue("s3", "c", "h3", 0);
  store_.reset();  // held, never released: closing drains the queue
  answered_->Wait();
  for (const auto& outcome : outcomes_) EXPECT_TRUE(outcome.ok()) << outcome.status();
  auto reopened = Store::Open(dir_.Sub("data"));
  ASSERT_TRUE(reopened.ok());
  auto latest = (*reopened)->ListLatest("140430", "2024");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->size(), 3u);
}

}  // namespace
}  // namespace junheng::storage
