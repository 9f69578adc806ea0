#include "client/outbox/outbox.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/outbox/durable_file.h"
#include "common/i18n/outbox_messages.h"
#include "common/validate/report_validator.h"
#include "google/protobuf/util/json_util.h"

namespace junheng::client {
namespace {

namespace fs = std::filesystem;
using junheng::v1::LocalReceipt;
using junheng::v1::OutboxItem;

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

absl::Status FromJson(const std::string& path, google::protobuf::Message* message) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(i18n::Say(i18n::outbox::kCannotReadFile, path));
  std::stringstream text;
  text << in.rdbuf();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto parsed = google::protobuf::util::JsonStringToMessage(text.str(), message, options);
  if (!parsed.ok()) {
    return absl::DataLossError(
        i18n::Say(i18n::outbox::kNotAnOutboxFile, path, std::string(parsed.message())));
  }
  return absl::OkStatus();
}

// Holds an exclusive lock on <outbox>/.lock while alive.
class DirLock {
 public:
  explicit DirLock(const std::string& dir) {
    fd_ = ::open((dir + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

bool IsItemFile(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] != '.' && absl::EndsWith(name, ".json");
}

}  // namespace

std::string DefaultOutboxDir() {
  if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
    return std::string(data) + "/junheng/outbox";
  }
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.local/share/junheng/outbox";
}

absl::StatusOr<Outbox> Outbox::Open(const std::string& dir) {
  if (dir.empty()) return absl::InvalidArgumentError(i18n::Say(i18n::outbox::kDirEmpty));
  std::error_code ec;
  fs::path outbox = fs::absolute(dir, ec).lexically_normal();
  if (outbox.has_filename() == false) outbox = outbox.parent_path();
  const fs::path receipts = outbox.parent_path() / "receipts";
  for (const fs::path& d : {outbox, receipts}) {
    fs::create_directories(d, ec);
    if (ec || !fs::is_directory(d)) {
      return absl::PermissionDeniedError(
          i18n::Say(i18n::outbox::kCannotCreateDir, d.string(), ec.message()));
    }
  }
  return Outbox(outbox.string(), receipts.string());
}

std::string Outbox::ItemPath(absl::string_view submission_id) const {
  return absl::StrCat(dir_, "/", submission_id, ".json");
}

absl::Status Outbox::Add(const OutboxItem& item) {
  const std::string& id = item.request().submission_id();
  if (!validate::IsValidCode(id)) {
    return absl::InvalidArgumentError(i18n::Say(i18n::outbox::kBadSubmissionId, id));
  }
  DirLock lock(dir_);
  std::error_code ec;
  if (fs::exists(ItemPath(id), ec)) {
    return absl::AlreadyExistsError(i18n::Say(i18n::outbox::kItemExists, id));
  }
  return WriteFileDurably(ItemPath(id), ToJson(item));
}

absl::Status Outbox::AddAll(const std::vector<OutboxItem>& items) {
  DirLock lock(dir_);
  std::vector<FileContent> files;
  files.reserve(items.size());
  for (const OutboxItem& item : items) {
    const std::string& id = item.request().submission_id();
    if (!validate::IsValidCode(id)) {
      return absl::InvalidArgumentError(i18n::Say(i18n::outbox::kBadSubmissionId, id));
    }
    std::error_code ec;
    if (fs::exists(ItemPath(id), ec)) {
      return absl::AlreadyExistsError(i18n::Say(i18n::outbox::kItemExists, id));
    }
    files.push_back({ItemPath(id), ToJson(item)});
  }
  return WriteFilesDurably(dir_, files);
}

absl::StatusOr<std::vector<OutboxItem>> Outbox::List() const {
  std::vector<OutboxItem> items;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    if (!entry.is_regular_file(ec) || !IsItemFile(entry.path())) continue;
    OutboxItem item;
    absl::Status read = FromJson(entry.path().string(), &item);
    if (absl::IsNotFound(read)) continue;  // removed meanwhile by another process
    if (!read.ok()) return read;
    items.push_back(std::move(item));
  }
  if (ec) return absl::UnavailableError(i18n::Say(i18n::outbox::kCannotList, dir_, ec.message()));
  std::sort(items.begin(), items.end(), [](const OutboxItem& a, const OutboxItem& b) {
    if (a.order() != b.order()) return a.order() < b.order();
    return a.request().submission_id() < b.request().submission_id();
  });
  return items;
}

absl::StatusOr<std::optional<OutboxItem>> Outbox::Get(absl::string_view submission_id) const {
  if (!validate::IsValidCode(submission_id)) return std::nullopt;
  OutboxItem item;
  absl::Status read = FromJson(ItemPath(submission_id), &item);
  if (absl::IsNotFound(read)) return std::nullopt;
  if (!read.ok()) return read;
  return item;
}

absl::StatusOr<bool> Outbox::Update(const OutboxItem& item) {
  const std::string path = ItemPath(item.request().submission_id());
  DirLock lock(dir_);
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  absl::Status written = WriteFileDurably(path, ToJson(item));
  if (!written.ok()) return written;
  return true;
}

absl::Status Outbox::UpdateAll(const std::vector<OutboxItem>& items) {
  DirLock lock(dir_);
  std::vector<FileContent> files;
  files.reserve(items.size());
  for (const OutboxItem& item : items) {
    const std::string path = ItemPath(item.request().submission_id());
    std::error_code ec;
    if (fs::exists(path, ec)) files.push_back({path, ToJson(item)});
  }
  return WriteFilesDurably(dir_, files);
}

absl::StatusOr<bool> Outbox::Drop(absl::string_view submission_id) {
  if (!validate::IsValidCode(submission_id)) return false;
  const std::string path = ItemPath(submission_id);
  DirLock lock(dir_);
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  absl::Status removed = RemoveFileDurably(path);
  if (!removed.ok()) return removed;
  return true;
}

namespace {

// The receipts file of a delivered item. Named by the submission that made the version, so that
// "already stored" answers (which carry the original receipt) rewrite the same file: one receipt
// file per version.
std::string ReceiptName(const OutboxItem& item, const junheng::v1::SubmitReportResponse& response) {
  const auto& r = response.receipt();
  const std::string& made_by =
      r.submission_id().empty() ? item.request().submission_id() : r.submission_id();
  return absl::StrCat(r.period(), "_", r.school_code(), "_v", r.version(), "_", made_by, ".json");
}

std::string ReceiptJson(const OutboxItem& item, const junheng::v1::SubmitReportResponse& response) {
  LocalReceipt local;
  *local.mutable_response() = response;
  local.set_source(item.source());
  local.set_stored_unix_ms(absl::ToUnixMillis(absl::Now()));
  return ToJson(local);
}

}  // namespace

absl::Status Outbox::Complete(const OutboxItem& item,
                              const junheng::v1::SubmitReportResponse& response) {
  return CompleteAll({Delivered{&item, &response}});
}

absl::Status Outbox::CompleteAll(const std::vector<Delivered>& delivered) {
  // The receipts first: if we crash before an item is removed, its resend gets the same receipt.
  std::vector<FileContent> receipts;
  receipts.reserve(delivered.size());
  for (const Delivered& d : delivered) {
    receipts.push_back({absl::StrCat(receipts_dir_, "/", ReceiptName(*d.item, *d.response)),
                        ReceiptJson(*d.item, *d.response)});
  }
  if (absl::Status kept = WriteFilesDurably(receipts_dir_, receipts); !kept.ok()) return kept;
  DirLock lock(dir_);
  for (const Delivered& d : delivered) {
    absl::Status removed = RemoveFileDurably(ItemPath(d.item->request().submission_id()),
                                             /*sync_directory=*/false);
    if (!removed.ok()) return removed;
  }
  return SyncDirectory(dir_);
}

absl::StatusOr<std::vector<LocalReceipt>> Outbox::ListReceipts() const {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(receipts_dir_, ec)) {
    if (entry.is_regular_file(ec) && IsItemFile(entry.path())) {
      paths.push_back(entry.path().string());
    }
  }
  if (ec) {
    return absl::UnavailableError(
        i18n::Say(i18n::outbox::kCannotList, receipts_dir_, ec.message()));
  }
  std::sort(paths.begin(), paths.end());
  std::vector<LocalReceipt> receipts;
  for (const auto& path : paths) {
    LocalReceipt receipt;
    absl::Status read = FromJson(path, &receipt);
    if (!read.ok()) return read;
    receipts.push_back(std::move(receipt));
  }
  return receipts;
}

absl::StatusOr<std::map<std::string, int64_t>> Outbox::NewestReceiptVersions() const {
  auto receipts = ListReceipts();
  if (!receipts.ok()) return receipts.status();
  std::map<std::string, int64_t> newest;
  for (const auto& local : *receipts) {
    const auto& r = local.response().receipt();
    int64_t& version = newest[absl::StrCat(r.county_code(), "/", r.school_code(), "/", r.period())];
    version = std::max(version, r.version());
  }
  return newest;
}

}  // namespace junheng::client
