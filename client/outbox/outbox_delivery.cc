#include "client/outbox/outbox_delivery.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/rpc/pages.h"
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

using junheng::v1::SchoolReport;
using junheng::v1::SubmitReportResponse;

// Bounds of one SubmitReports call: the server takes at most 1000 reports, and the whole call
// stays far below gRPC's default 4 MiB message limit.
constexpr int kBatchReports = 500;
constexpr size_t kBatchBytes = 2 << 20;

std::string ReportKey(absl::string_view county, absl::string_view school,
                      absl::string_view period) {
  return absl::StrCat(county, "/", school, "/", period);
}

std::string ItemKey(const OutboxItem& item) {
  const auto& r = item.request();
  return ReportKey(r.county_code(), r.report().school_code(), r.report().period());
}

// Items an earlier junheng kept as failed for a school and period that this pass has delivered:
// the delivered version replaces whatever they held. Best effort; `outbox drop --failed` clears
// the rest.
void DropSuperseded(Outbox& outbox, const std::vector<OutboxItem>& items,
                    const std::set<std::string>& delivered) {
  for (const OutboxItem& item : items) {
    if (item.failed() && delivered.contains(ItemKey(item))) {
      (void)outbox.Drop(item.request().submission_id());
    }
  }
}

// Records the answers of one chunk in the outbox: receipts kept and items removed all at once,
// refused items dropped, items to retry updated. Fills `results` (one per item).
void RecordChunk(Outbox& outbox, const std::vector<const OutboxItem*>& chunk,
                 std::vector<DeliveryResult>& results) {
  std::vector<Outbox::Delivered> delivered;
  for (size_t i = 0; i < chunk.size(); ++i) {
    if (results[i].delivery == Delivery::kDelivered) {
      delivered.push_back({chunk[i], &results[i].response});
    }
  }
  if (!delivered.empty()) {
    if (absl::Status kept = outbox.CompleteAll(delivered); !kept.ok()) {
      // Delivered, but the receipts could not be kept: the items stay, and the next attempt gets
      // the same receipts from the server (same submission_ids).
      for (DeliveryResult& result : results) {
        if (result.delivery != Delivery::kDelivered) continue;
        result.delivery = Delivery::kRetryLater;
        result.status =
            absl::UnavailableError(i18n::Say(i18n::outbox::kReceiptNotKept, kept.message()));
      }
    }
  }
  // Items to send again get one more attempt and the reason, written together (a whole call
  // that failed leaves up to 500 of them).
  std::vector<OutboxItem> retried;
  for (size_t i = 0; i < chunk.size(); ++i) {
    DeliveryResult& result = results[i];
    if (result.delivery == Delivery::kRetryLater) {
      OutboxItem& item = retried.emplace_back(*chunk[i]);
      item.set_attempts(item.attempts() + 1);
      item.set_last_error(std::string(result.status.message()));
      continue;
    }
    if (result.delivery != Delivery::kRejected) continue;
    absl::StatusOr<bool> dropped = outbox.Drop(chunk[i]->request().submission_id());
    if (!dropped.ok()) {
      result.status = absl::Status(result.status.code(),
                                   i18n::Say(i18n::outbox::kItemNotUpdated, result.status.message(),
                                             dropped.status().message()));
    }
  }
  if (retried.empty()) return;
  if (absl::Status updated = outbox.UpdateAll(retried); !updated.ok()) {
    for (DeliveryResult& result : results) {
      if (result.delivery != Delivery::kRetryLater) continue;
      result.status = absl::Status(
          result.status.code(),
          i18n::Say(i18n::outbox::kItemNotUpdated, result.status.message(), updated.message()));
    }
  }
}

// One SubmitReports call for `chunk` (all of one county), its answers as DeliveryResults. A server
// without SubmitReports (older than the batch path) gets the items one by one.
std::vector<DeliveryResult> SendChunk(Outbox& outbox, Connection& connection,
                                      const std::vector<const OutboxItem*>& chunk,
                                      int attempts_per_call) {
  std::vector<DeliveryResult> results(chunk.size());
  v1::SubmitReportsRequest request;
  request.set_county_code(chunk.front()->request().county_code());
  for (const OutboxItem* item : chunk) *request.add_reports() = item->request();
  auto answer = connection.CallWithRetry(&v1::ReportingService::Stub::SubmitReports, request,
                                         attempts_per_call);
  if (absl::IsUnimplemented(answer.status())) {
    for (size_t i = 0; i < chunk.size(); ++i) {
      results[i] = DeliverItem(outbox, connection, *chunk[i], attempts_per_call);
      if (results[i].delivery == Delivery::kRetryLater) break;
    }
    return results;
  }
  for (size_t i = 0; i < chunk.size(); ++i) {
    DeliveryResult& result = results[i];
    if (!answer.ok()) {
      result.status = answer.status();
    } else if (i >= static_cast<size_t>(answer->results_size())) {
      result.status = absl::InternalError(
          i18n::Say(i18n::outbox::kBatchAnswerShort, answer->results_size(), chunk.size()));
    } else if (const auto& one = answer->results(static_cast<int>(i)); one.code() != 0) {
      result.status = absl::Status(static_cast<absl::StatusCode>(one.code()), one.message());
    } else {
      result.delivery = Delivery::kDelivered;
      result.response = one.response();
      continue;
    }
    result.delivery = IsRetryable(result.status) ? Delivery::kRetryLater : Delivery::kRejected;
  }
  RecordChunk(outbox, chunk, results);
  return results;
}

}  // namespace

absl::StatusOr<DeliverySummary> DeliverPending(
    Outbox& outbox, Connection& connection, int attempts_per_call,
    const std::function<void(const OutboxItem&, const DeliveryResult&)>& on_result) {
  auto items = outbox.List();
  if (!items.ok()) return items.status();
  DeliverySummary summary;
  std::set<std::string> delivered;
  std::vector<const OutboxItem*> chunk;
  size_t chunk_bytes = 0;
  bool stopped = false;
  auto send = [&] {
    if (chunk.empty()) return;
    if (stopped) {
      summary.pending += static_cast<int>(chunk.size());
    } else {
      std::vector<DeliveryResult> results = SendChunk(outbox, connection, chunk, attempts_per_call);
      for (size_t i = 0; i < chunk.size(); ++i) {
        const DeliveryResult& result = results[i];
        if (on_result) on_result(*chunk[i], result);
        switch (result.delivery) {
          case Delivery::kDelivered:
            ++summary.delivered;
            delivered.insert(ItemKey(*chunk[i]));
            break;
          case Delivery::kRejected:
            ++summary.rejected;
            break;
          case Delivery::kRetryLater:
            // The server is most likely unreachable for the rest too: they wait for next time.
            ++summary.pending;
            if (!stopped) summary.last_retry = result.status;
            stopped = true;
            break;
        }
      }
    }
    chunk.clear();
    chunk_bytes = 0;
  };
  for (const OutboxItem& item : *items) {
    if (item.failed()) continue;
    const size_t bytes = item.request().ByteSizeLong();
    if (!chunk.empty() &&
        (static_cast<int>(chunk.size()) == kBatchReports || chunk_bytes + bytes > kBatchBytes ||
         chunk.front()->request().county_code() != item.request().county_code())) {
      send();
    }
    chunk.push_back(&item);
    chunk_bytes += bytes;
  }
  send();
  DropSuperseded(outbox, *items, delivered);
  return summary;
}

absl::StatusOr<std::vector<int64_t>> ChooseReplacesVersions(
    const Outbox& outbox, Connection* connection, const std::vector<SchoolReport>& reports,
    bool* reachable) {
  auto items = outbox.List();
  if (!items.ok()) return items.status();
  // key -> the version the next submission of that report replaces.
  std::map<std::string, int64_t> next;
  for (const OutboxItem& item : *items) {
    if (item.failed()) continue;
    int64_t& after = next.try_emplace(ItemKey(item), -1).first->second;
    after = std::max(after, item.request().replaces_version() + 1);
  }
  // What the outbox does not settle: the server's latest versions, asked once per period when
  // the caller may list the county's reports (the bureau), else once per school (a clerk).
  std::map<std::pair<std::string, std::string>, std::set<std::string>> unknown;
  for (const SchoolReport& r : reports) {
    if (!next.contains(ReportKey(r.county_code(), r.school_code(), r.period()))) {
      unknown[{r.county_code(), r.period()}].insert(r.school_code());
    }
  }
  bool asked_server = false;
  if (connection != nullptr && !unknown.empty()) {
    asked_server = true;
    for (const auto& [county_period, schools] : unknown) {
      const auto& [county, period] = county_period;
      absl::Status listed = absl::PermissionDeniedError("");
      if (schools.size() > 1) {
        v1::ListLatestReportsRequest list;
        list.set_county_code(county);
        list.set_period(period);
        list.set_page_size(kLargestPage);
        auto latest = rpc::FollowPages(list, [&](const v1::ListLatestReportsRequest& page) {
          return connection->CallWithRetry(&v1::ReportingService::Stub::ListLatestReports, page, 3);
        });
        listed = latest.status();
        if (latest.ok()) {
          for (const std::string& school : schools) next[ReportKey(county, school, period)] = 0;
          for (const auto& receipt : latest->latest()) {
            const std::string key = ReportKey(county, receipt.school_code(), period);
            if (schools.contains(receipt.school_code())) next[key] = receipt.version();
          }
        }
      }
      if (listed.ok()) continue;
      if (IsUnreachable(listed)) {
        *reachable = false;
        break;
      }
      for (const std::string& school : schools) {
        v1::ListReportVersionsRequest list;
        list.set_county_code(county);
        list.set_school_code(school);
        list.set_period(period);
        // A read, safe to repeat: a server restarting between the calls must not fail the submit.
        // Every page, so that the last version is the latest however many there are.
        list.set_page_size(kLargestPage);
        auto versions = rpc::FollowPages(list, [&](const v1::ListReportVersionsRequest& page) {
          return connection->CallWithRetry(&v1::ReportingService::Stub::ListReportVersions, page,
                                           3);
        });
        if (!versions.ok()) {
          if (!IsUnreachable(versions.status())) return versions.status();
          *reachable = false;
          break;
        }
        next[ReportKey(county, school, period)] =
            versions->versions().empty() ? 0 : versions->versions().rbegin()->version();
      }
      if (!*reachable) break;
    }
  }
  if (!asked_server || !*reachable) {
    // Offline: the newest receipt this client holds.
    auto receipts = outbox.NewestReceiptVersions();
    if (!receipts.ok()) return receipts.status();
    for (const SchoolReport& r : reports) {
      const std::string key = ReportKey(r.county_code(), r.school_code(), r.period());
      if (next.contains(key)) continue;
      auto held = receipts->find(key);
      next[key] = held == receipts->end() ? 0 : held->second;
    }
  }
  std::vector<int64_t> chosen;
  chosen.reserve(reports.size());
  for (const SchoolReport& r : reports) {
    int64_t& version = next[ReportKey(r.county_code(), r.school_code(), r.period())];
    chosen.push_back(version);
    ++version;  // a later row of the same school and period replaces this one
  }
  return chosen;
}

absl::StatusOr<int64_t> ChooseReplacesVersion(const Outbox& outbox, Connection* connection,
                                              const junheng::v1::SchoolReport& report,
                                              bool* reachable) {
  auto chosen = ChooseReplacesVersions(outbox, connection, {report}, reachable);
  if (!chosen.ok()) return chosen.status();
  return chosen->front();
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
