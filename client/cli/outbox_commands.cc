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
#include "common/io/message_codec.h"

namespace junheng::client {
namespace {

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
  t.columns = {{"id", "编号"},         {"state", "状态"},           {"school_code", "学校"},
               {"period", "填报期"},   {"replaces", "替换版本", 0}, {"attempts", "尝试次数", 0},
               {"queued", "排队时间"}, {"last_error", "最近错误"}};
  for (const auto& item : *items) {
    const auto& r = item.request();
    if (item.failed()) ++failed;
    t.AddRow({table::Cell::Of(r.submission_id()),
              table::Cell::Of(item.failed() ? "FAILED" : "pending"),
              table::Cell::Of(r.report().school_code()), table::Cell::Of(r.report().period()),
              table::Cell::Of(static_cast<double>(r.replaces_version())),
              table::Cell::Of(static_cast<double>(item.attempts())),
              table::Cell::Of(Time(item.created_unix_ms())),
              table::Cell::Of(item.failed() ? item.failed_code() + ": " + item.last_error()
                                            : item.last_error())});
  }
  t.notes.push_back(absl::StrCat(items->size() - failed, " pending, ", failed, " failed in ",
                                 outbox->dir(), "; receipts in ", outbox->receipts_dir()));
  if (failed > 0) {
    t.notes.push_back(
        "failed items are not resent: fix the report and submit it again, then "
        "`junheng outbox drop ID`");
  }
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
      err << "error: no item " << id << " in the outbox " << outbox->dir()
          << " (see `junheng outbox list`)\n";
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
          out << (result.response.duplicate() ? "already stored: " : "delivered: ")
              << r.report().school_code() << " / " << r.report().period() << " version "
              << result.response.receipt().version() << " receipt "
              << result.response.receipt().receipt_id() << "\n";
        } else if (result.delivery == Delivery::kRejected) {
          err << "rejected " << r.report().school_code() << " / " << r.report().period() << " ("
              << r.submission_id() << "): " << result.status.message() << "\n";
        }
      });
  if (!summary.ok()) return Fail(summary.status(), err);
  if (!summary->last_retry.ok()) {
    err << summary->pending << " report(s) kept in the outbox: " << summary->last_retry.message()
        << "\n";
    return kExitUnreachable;
  }
  out << summary->delivered << " delivered, " << summary->rejected << " rejected, "
      << "nothing pending\n";
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
    err << "error: no item " << id << " in the outbox " << outbox->dir() << "\n";
    return kExitRejected;
  }
  out << "dropped " << id << " from the outbox; it was not delivered by this item\n";
  return kExitOk;
}

int RunAgentCommand(const Globals& g, const AgentOptions& options, const std::atomic<bool>& stop,
                    std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, {Format::kText}, "agent", out, err);
  if (!format) return kExitUsage;
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) {
    err << "error: " << outbox.status().message() << "\n";
    return kExitRejected;
  }
  if (!options.watch_dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(options.watch_dir, ec)) {
      err << "error: --watch " << options.watch_dir << " is not a directory\n";
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
