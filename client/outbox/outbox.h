#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/outbox.pb.h"

namespace junheng::client {

// The client's durable outbox: reports waiting for a receipt, one JSON file per item named
// <submission_id>.json, and beside it the receipts directory, the clerk's proof of what the
// county received.
//
//   <outbox>/<submission_id>.json     pending or failed items (v1::OutboxItem)
//   <outbox>/../receipts/<period>_<school>_v<version>_<submission_id>.json   (v1::LocalReceipt)
//
// Every change is crash-safe (durable_file.h): an item is on disk before its first send, and
// leaves the outbox only after its receipt is. So a crash at any moment loses nothing, and a
// resend after a crash reuses the item's submission_id, which the server answers with the
// original receipt: nothing is stored twice. Several processes (the agent and `junheng submit`)
// may use one outbox at once: updates take a lock file and never bring back a removed item.
class Outbox {
 public:
  // Opens the outbox in `dir`, creating it and the receipts directory when missing.
  [[nodiscard]] static absl::StatusOr<Outbox> Open(const std::string& dir);

  const std::string& dir() const { return dir_; }
  const std::string& receipts_dir() const { return receipts_dir_; }

  // Writes a new item durably. Its id is request.submission_id; an existing item of that id is
  // left as it is (ALREADY_EXISTS), so re-adding after a crash cannot reset it.
  [[nodiscard]] absl::Status Add(const junheng::v1::OutboxItem& item);
  // Add for many items at once, with one directory sync for all (a file of thousands of rows):
  // when it returns OK every item is durable. On an error, the items before the failing one may
  // be in the outbox; none is sent before this returns.
  [[nodiscard]] absl::Status AddAll(const std::vector<junheng::v1::OutboxItem>& items);
  // Every item, pending and failed, in delivery order (OutboxItem.order).
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::OutboxItem>> List() const;
  [[nodiscard]] absl::StatusOr<std::optional<junheng::v1::OutboxItem>> Get(
      absl::string_view submission_id) const;
  // Rewrites an item that is still in the outbox; false (and nothing written) when it is gone.
  [[nodiscard]] absl::StatusOr<bool> Update(const junheng::v1::OutboxItem& item);
  // Update for many items, written with one directory sync; items no longer in the outbox are
  // skipped.
  [[nodiscard]] absl::Status UpdateAll(const std::vector<junheng::v1::OutboxItem>& items);
  // Removes an item without a receipt (`junheng outbox drop`); false when there was none.
  [[nodiscard]] absl::StatusOr<bool> Drop(absl::string_view submission_id);
  // Stores the receipt of `item` durably, then removes the item.
  [[nodiscard]] absl::Status Complete(const junheng::v1::OutboxItem& item,
                                      const junheng::v1::SubmitReportResponse& response);
  // Complete for many items, with one sync of each directory: every receipt is durable before
  // any item is removed.
  struct Delivered {
    const junheng::v1::OutboxItem* item;
    const junheng::v1::SubmitReportResponse* response;
  };
  [[nodiscard]] absl::Status CompleteAll(const std::vector<Delivered>& delivered);
  // The newest version this client holds a receipt for, of every county/school/period it has
  // receipts for, keyed "county/school/period".
  [[nodiscard]] absl::StatusOr<std::map<std::string, int64_t>> NewestReceiptVersions() const;

  // The receipts kept so far, oldest file name first.
  [[nodiscard]] absl::StatusOr<std::vector<junheng::v1::LocalReceipt>> ListReceipts() const;

 private:
  Outbox(std::string dir, std::string receipts_dir)
      : dir_(std::move(dir)), receipts_dir_(std::move(receipts_dir)) {}
  std::string ItemPath(absl::string_view submission_id) const;

  std::string dir_;
  std::string receipts_dir_;
};

// The default outbox: $XDG_DATA_HOME/junheng/outbox, else ~/.local/share/junheng/outbox.
std::string DefaultOutboxDir();

}  // namespace junheng::client
