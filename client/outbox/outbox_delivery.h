#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "client/outbox/outbox.h"
#include "client/rpc/connection.h"
#include "junheng/v1/outbox.pb.h"

namespace junheng::client {

// Sending outbox items and recording what became of them.

enum class Delivery {
  kDelivered,   // receipt stored locally, item removed
  kRejected,    // the server refused it for good (told to the person or the agent's log): removed
  kRetryLater,  // unreachable, timed out, or the server could not store it now: kept as pending
};

struct DeliveryResult {
  Delivery delivery = Delivery::kRetryLater;
  absl::Status status;                         // why, when not delivered
  junheng::v1::SubmitReportResponse response;  // when delivered
};

// True for answers after which the same request may succeed later: UNAVAILABLE,
// DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED (the server's disk is full), CANCELLED, INTERNAL, UNKNOWN.
// Everything else (INVALID_ARGUMENT, ALREADY_EXISTS, ABORTED for a stale replacement, ...) is a
// rejection: resending the same request cannot change the answer.
bool IsRetryable(const absl::Status& status);

// Sends `item` exactly as stored (its submission_id and replaces_version never change, so a retry
// can neither store it twice nor overwrite a newer version) and records the outcome: the receipt
// and removal when delivered, failed = true with the server's message when rejected, one more
// attempt and last_error otherwise. `attempts_per_call` is passed to Connection::CallWithRetry.
DeliveryResult DeliverItem(Outbox& outbox, Connection& connection, junheng::v1::OutboxItem item,
                           int attempts_per_call);

struct DeliverySummary {
  int delivered = 0;
  int rejected = 0;
  int pending = 0;          // still waiting (not counting failed items)
  absl::Status last_retry;  // the reason the pass stopped early, if it did
};

// Delivers every pending item, oldest first, and stops at the first kRetryLater (the server is
// most likely unreachable for all of them). Failed items are skipped. Items go in SubmitReports
// calls of up to 500 reports of one county (the server answers each on its own; a server without
// SubmitReports gets them one by one), and each call's receipts are kept with one sync.
// `on_result` (optional) sees each attempt, in outbox order.
absl::StatusOr<DeliverySummary> DeliverPending(
    Outbox& outbox, Connection& connection, int attempts_per_call,
    const std::function<void(const junheng::v1::OutboxItem&, const DeliveryResult&)>& on_result =
        nullptr);

// The version a new submission of `report` replaces when the clerk does not say:
// - after a pending item of the same school and period in the outbox: that item's
//   replaces_version + 1 (it will be delivered first);
// - else the latest version on the server, when `connection` is given and the server answers;
// - else the newest receipt this client holds for it, or 0.
// `*reachable` is set to false when the server was asked and could not be reached.
absl::StatusOr<int64_t> ChooseReplacesVersion(const Outbox& outbox, Connection* connection,
                                              const junheng::v1::SchoolReport& report,
                                              bool* reachable);

// ChooseReplacesVersion for many reports, as if each were added to the outbox before the next is
// chosen (a second report of the same school and period replaces the first), with the outbox
// read once and the server asked once per county and period when the caller may list its
// reports (ListLatestReports), else once per school: linear in the number of reports.
absl::StatusOr<std::vector<int64_t>> ChooseReplacesVersions(
    const Outbox& outbox, Connection* connection,
    const std::vector<junheng::v1::SchoolReport>& reports, bool* reachable);

}  // namespace junheng::client

namespace junheng::client {

// A new outbox item for `report`: the request with `submission_id`, `replaces` (or, when
// negative, ChooseReplacesVersion's choice), `submitter`, and `order` for its place in the queue.
absl::StatusOr<junheng::v1::OutboxItem> NewOutboxItem(
    const Outbox& outbox, Connection* connection, const junheng::v1::SchoolReport& report,
    const std::string& submission_id, int64_t replaces, const std::string& submitter,
    const std::string& source, int64_t order, bool* reachable);

}  // namespace junheng::client
