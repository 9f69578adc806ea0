// `junheng outbox list|retry|drop` and `junheng agent`.
#include <filesystem>
#include <ostream>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/outbox/agent.h"
#include "client/outbox/outbox.h"
#include "client/outbox/outbox_delivery.h"
#include "client/rpc/connection.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/outbox_messages.h"
#include "common/io/message_codec.h"

namespace junheng::client {
namespace {

using i18n::Say;
namespace msg = i18n::outbox;
namespace column = i18n::bureau;

std::string Time(int64_t unix_ms) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixMillis(unix_ms),
                          absl::LocalTimeZone());
}

}  // namespace

int RunOutboxList(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "outbox list", out, err);
  if (!format) return kExitUsage;
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) return Fail(outbox.status(), err);
  auto items = outbox->List();
  if (!items.ok()) return Fail(items.status(), err);
  if (*format == Format::kJson) {
    out << "[";
    for (size_t i = 0; i < items->size(); ++i) {
      out << (i ? ",\n" : "\n") << io::EncodeJson((*items)[i], /*pretty=*/false);
    }
    out << "\n]\n";
    return kExitOk;
  }
  int failed = 0;
  table::Table t;
  t.sheet_name = "待发送";
  t.columns = {{"id", Say(column::kColId)},
               {"state", Say(column::kColState)},
               {"school_code", Say(column::kColSchool)},
               {"period", Say(column::kColPeriod)},
               {"replaces", Say(msg::kColReplaces), 0},
               {"attempts", Say(msg::kColAttempts), 0},
               {"queued", Say(msg::kColQueued)},
               {"last_error", Say(msg::kColLastError)}};
  for (const auto& item : *items) {
    const auto& r = item.request();
    if (item.failed()) ++failed;
    t.AddRow({table::Cell::Of(r.submission_id()),
              table::Cell::Of(Say(item.failed() ? msg::kItemFailed : msg::kItemPending)),
              table::Cell::Of(r.report().school_code()), table::Cell::Of(r.report().period()),
              table::Cell::Of(static_cast<double>(r.replaces_version())),
              table::Cell::Of(static_cast<double>(item.attempts())),
              table::Cell::Of(Time(item.created_unix_ms())),
              table::Cell::Of(item.failed() ? item.failed_code() + ": " + item.last_error()
                                            : item.last_error())});
  }
  t.notes.push_back(
      Say(msg::kCounts, items->size() - failed, failed, outbox->dir(), outbox->receipts_dir()));
  if (failed > 0) t.notes.push_back(Say(msg::kFailedNote));
  return Emit(g, *format, {&t}, out, err);
}

int RunOutboxRetry(const Globals& g, const std::string& id, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "outbox retry", out, err);
  if (!format) return kExitUsage;
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) return Fail(outbox.status(), err);
  if (!id.empty()) {
    auto item = outbox->Get(id);
    if (!item.ok()) return Fail(item.status(), err);
    if (!item->has_value()) {
      err << ErrorLine(Say(msg::kNoItem, id, outbox->dir()));
      return kExitRejected;
    }
    if ((*item)->failed()) {
      (*item)->set_failed(false);
      (*item)->set_failed_code("");
      auto updated = outbox->Update(**item);
      if (!updated.ok()) return Fail(updated.status(), err);
    }
  }
  Connection connection = Connect(g);
  auto summary = DeliverPending(
      *outbox, connection, /*attempts_per_call=*/3,
      [&](const v1::OutboxItem& item, const DeliveryResult& result) {
        const auto& r = item.request();
        if (result.delivery == Delivery::kDelivered) {
          out << Say(result.response.duplicate() ? msg::kDeliveredAlreadyStored : msg::kDelivered,
                     r.report().school_code(), r.report().period(),
                     result.response.receipt().version(), result.response.receipt().receipt_id())
              << "\n";
        } else if (result.delivery == Delivery::kRejected) {
          err << Say(msg::kRetryRejected, r.report().school_code(), r.report().period(),
                     r.submission_id(), result.status.message())
              << "\n";
        }
      });
  if (!summary.ok()) return Fail(summary.status(), err);
  if (!summary->last_retry.ok()) {
    err << Say(msg::kKept, summary->pending, summary->last_retry.message()) << "\n";
    return kExitUnreachable;
  }
  out << Say(msg::kRetryDone, summary->delivered, summary->rejected) << "\n";
  return summary->rejected > 0 ? kExitRejected : kExitOk;
}

int RunOutboxDrop(const Globals& g, const std::string& id, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "outbox drop", out, err);
  if (!format) return kExitUsage;
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) return Fail(outbox.status(), err);
  auto dropped = outbox->Drop(id);
  if (!dropped.ok()) return Fail(dropped.status(), err);
  if (!*dropped) {
    err << ErrorLine(Say(msg::kNoItemToDrop, id, outbox->dir()));
    return kExitRejected;
  }
  out << Say(msg::kDropped, id) << "\n";
  return kExitOk;
}

int RunOutboxDropFailed(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "outbox drop --failed", out, err);
  if (!format) return kExitUsage;
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) return Fail(outbox.status(), err);
  auto items = outbox->List();
  if (!items.ok()) return Fail(items.status(), err);
  int dropped = 0;
  for (const v1::OutboxItem& item : *items) {
    if (!item.failed()) continue;
    auto gone = outbox->Drop(item.request().submission_id());
    if (!gone.ok()) return Fail(gone.status(), err);
    dropped += *gone ? 1 : 0;
  }
  out << Say(msg::kDroppedFailed, dropped) << "\n";
  return kExitOk;
}

int RunAgentCommand(const Globals& g, const AgentOptions& options, const std::atomic<bool>& stop,
                    std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, {Format::kText}, "agent", out, err);
  if (!format) return kExitUsage;
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) {
    err << ErrorLine(outbox.status().message());
    return kExitRejected;
  }
  if (!options.watch_dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(options.watch_dir, ec)) {
      err << ErrorLine(Say(msg::kWatchNotDir, options.watch_dir));
      return kExitUsage;
    }
  }
  AgentOptions with_identity = options;
  with_identity.county = g.county;
  with_identity.submitter = g.submitter;
  RunAgent(*std::move(outbox), Connect(g), with_identity, stop);
  return kExitOk;
}

}  // namespace junheng::client
