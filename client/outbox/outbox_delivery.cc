#include "client/outbox/outbox_delivery.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/i18n/outbox_messages.h"

namespace junheng::client {

using junheng::v1::OutboxItem;

bool IsRetryable(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
      return true;
    default:
      return false;
  }
}

DeliveryResult DeliverItem(Outbox& outbox, Connection& connection, OutboxItem item,
                           int attempts_per_call) {
  DeliveryResult result;
  auto response = connection.CallWithRetry(&v1::ReportingService::Stub::SubmitReport,
                                           item.request(), attempts_per_call);
  if (response.ok()) {
    absl::Status kept = outbox.Complete(item, *response);
    if (!kept.ok()) {
      // Delivered, but the receipt could not be kept: the item stays, and the next attempt gets
      // the same receipt from the server (same submission_id).
      result.status =
          absl::UnavailableError(i18n::Say(i18n::outbox::kReceiptNotKept, kept.message()));
      return result;
    }
    result.delivery = Delivery::kDelivered;
    result.response = *std::move(response);
    return result;
  }
  result.status = response.status();
  item.set_attempts(item.attempts() + 1);
  item.set_last_error(std::string(response.status().message()));
  if (!IsRetryable(response.status())) {
    // A refusal is an answer, not a delivery problem: the caller shows it (the clerk's terminal,
    // the agent's log), and sending the same request again would only be refused again. The
    // clerk's own file is untouched; a corrected one is a new submission.
    result.delivery = Delivery::kRejected;
    auto dropped = outbox.Drop(item.request().submission_id());
    if (!dropped.ok()) {
      result.status = absl::Status(result.status.code(),
                                   i18n::Say(i18n::outbox::kItemNotUpdated, result.status.message(),
                                             dropped.status().message()));
    }
    return result;
  }
  result.delivery = Delivery::kRetryLater;
  auto updated = outbox.Update(item);
  if (!updated.ok()) {
    result.status = absl::Status(result.status.code(),
                                 i18n::Say(i18n::outbox::kItemNotUpdated, result.status.message(),
                                           updated.status().message()));
  }
  return result;
}

namespace {

// Items an earlier junheng kept as failed for the school and period that `delivered` has now
// reached: the delivered version replaces whatever they held. Best effort; `outbox drop --failed`
// clears the rest.
void DropSuperseded(Outbox& outbox, const std::vector<OutboxItem>& items,
                    const OutboxItem& delivered) {
  const auto& d = delivered.request();
  for (const OutboxItem& item : items) {
    const auto& r = item.request();
    if (item.failed() && r.county_code() == d.county_code() &&
        r.report().school_code() == d.report().school_code() &&
        r.report().period() == d.report().period()) {
      (void)outbox.Drop(r.submission_id());
    }
  }
}

}  // namespace

absl::StatusOr<DeliverySummary> DeliverPending(
    Outbox& outbox, Connection& connection, int attempts_per_call,
    const std::function<void(const OutboxItem&, const DeliveryResult&)>& on_result) {
  auto items = outbox.List();
  if (!items.ok()) return items.status();
  DeliverySummary summary;
  bool stopped = false;
  for (const OutboxItem& item : *items) {
    if (item.failed()) continue;
    if (stopped) {
      ++summary.pending;
      continue;
    }
    DeliveryResult result = DeliverItem(outbox, connection, item, attempts_per_call);
    if (on_result) on_result(item, result);
    switch (result.delivery) {
      case Delivery::kDelivered:
        ++summary.delivered;
        DropSuperseded(outbox, *items, item);
        break;
      case Delivery::kRejected:
        ++summary.rejected;
        break;
      case Delivery::kRetryLater:
        ++summary.pending;
        summary.last_retry = result.status;
        stopped = true;
        break;
    }
  }
  return summary;
}

absl::StatusOr<int64_t> ChooseReplacesVersion(const Outbox& outbox, Connection* connection,
                                              const junheng::v1::SchoolReport& report,
                                              bool* reachable) {
  auto items = outbox.List();
  if (!items.ok()) return items.status();
  int64_t after_pending = -1;
  for (const OutboxItem& item : *items) {
    const auto& r = item.request();
    if (item.failed() || r.county_code() != report.county_code() ||
        r.report().school_code() != report.school_code() ||
        r.report().period() != report.period()) {
      continue;
    }
    after_pending = std::max(after_pending, r.replaces_version() + 1);
  }
  if (after_pending >= 0) return after_pending;
  if (connection != nullptr) {
    junheng::v1::ListReportVersionsRequest list;
    list.set_county_code(report.county_code());
    list.set_school_code(report.school_code());
    list.set_period(report.period());
    // A read, safe to repeat: a server restarting between the calls must not fail the submit.
    auto versions =
        connection->CallWithRetry(&v1::ReportingService::Stub::ListReportVersions, list, 3);
    if (versions.ok()) {
      return versions->versions().empty() ? 0 : versions->versions().rbegin()->version();
    }
    if (!IsUnreachable(versions.status())) return versions.status();
    *reachable = false;
  }
  return outbox.NewestReceiptVersion(report.county_code(), report.school_code(), report.period());
}

}  // namespace junheng::client

namespace junheng::client {

absl::StatusOr<OutboxItem> NewOutboxItem(const Outbox& outbox, Connection* connection,
                                         const junheng::v1::SchoolReport& report,
                                         const std::string& submission_id, int64_t replaces,
                                         const std::string& submitter, const std::string& source,
                                         int64_t order, bool* reachable) {
  if (replaces < 0) {
    auto chosen = ChooseReplacesVersion(outbox, connection, report, reachable);
    if (!chosen.ok()) return chosen.status();
    replaces = *chosen;
  }
  OutboxItem item;
  auto* request = item.mutable_request();
  request->set_county_code(report.county_code());
  request->set_submission_id(submission_id);
  *request->mutable_report() = report;
  request->set_replaces_version(replaces);
  request->set_submitter(submitter);
  item.set_source(source);
  item.set_created_unix_ms(order / 1000);
  item.set_order(order);
  return item;
}

}  // namespace junheng::client
