#include "server/storage/page.h"

#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/hash/sha256.h"
#include "common/i18n/server_messages.h"
#include "common/validate/validation_result.h"

namespace junheng::storage {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// A token is web-safe base64 (no padding) of kTokenVersion, the request's fingerprint and the
// last key. The version lets a later format refuse today's tokens cleanly.
constexpr absl::string_view kTokenVersion = "p1";
constexpr size_t kFingerprintSize = 16;

// The page fields, by name: the page size (ListAuditRequest's is `limit`) and the token.
const FieldDescriptor* PageSizeField(const Message& request) {
  const auto* descriptor = request.GetDescriptor();
  const FieldDescriptor* field = descriptor->FindFieldByName("page_size");
  if (field == nullptr) field = descriptor->FindFieldByName("limit");
  return field != nullptr && field->cpp_type() == FieldDescriptor::CPPTYPE_INT32 ? field : nullptr;
}

const FieldDescriptor* PageTokenField(const Message& request) {
  const FieldDescriptor* field = request.GetDescriptor()->FindFieldByName("page_token");
  return field != nullptr && field->cpp_type() == FieldDescriptor::CPPTYPE_STRING ? field : nullptr;
}

absl::Status BadToken(absl::string_view token) {
  // The token as sent, shortened: it is the client's own text, and may be anything.
  constexpr size_t kShown = 48;
  std::string shown(token.substr(0, kShown));
  if (token.size() > kShown) shown += "…";
  return absl::InvalidArgumentError(i18n::Say(i18n::server::kPageToken, shown));
}

}  // namespace

absl::StatusOr<Page> Page::Of(const Message& request) {
  const FieldDescriptor* size_field = PageSizeField(request);
  const FieldDescriptor* token_field = PageTokenField(request);
  if (size_field == nullptr || token_field == nullptr) {
    return absl::InternalError(absl::StrCat(request.GetDescriptor()->full_name(),
                                            " has no page_size / page_token to page by"));
  }
  const auto* reflection = request.GetReflection();
  const int32_t size = reflection->GetInt32(request, size_field);
  if (size < 0 || size > kMaxPageSize) {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kPageSize, size_field->name(), size,
                                                kMaxPageSize, kDefaultPageSize));
  }
  Page page;
  page.size_ = size == 0 ? kDefaultPageSize : size;

  std::unique_ptr<Message> filters(request.New());
  filters->CopyFrom(request);
  filters->GetReflection()->ClearField(filters.get(), size_field);
  filters->GetReflection()->ClearField(filters.get(), token_field);
  page.fingerprint_ = hash::Sha256Hex(absl::StrCat(request.GetDescriptor()->full_name(), "\n",
                                                   hash::MessageHash(*filters)))
                          .substr(0, kFingerprintSize);

  const std::string token = reflection->GetString(request, token_field);
  if (token.empty()) return page;
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) ||
      raw.size() <= kTokenVersion.size() + kFingerprintSize ||
      !absl::StartsWith(raw, kTokenVersion) ||
      raw.compare(kTokenVersion.size(), kFingerprintSize, page.fingerprint_) != 0) {
    return BadToken(token);
  }
  page.after_ = raw.substr(kTokenVersion.size() + kFingerprintSize);
  // Keys are codes; anything else (a '/' above all) never reaches a store key.
  if (!validate::IsValidCode(page.after_)) return BadToken(token);
  return page;
}

absl::StatusOr<int64_t> Page::AfterNumber() const {
  if (after_.empty()) return 0;
  int64_t number = 0;
  if (!absl::SimpleAtoi(after_, &number) || number <= 0) {
    return BadToken(Token(after_));
  }
  return number;
}

bool Page::Take(const Message& record) {
  if (closed_) return false;
  const size_t bytes = record.ByteSizeLong();
  if (taken_ >= size_ || (taken_ > 0 && bytes_ + bytes > kMaxPageBytes)) {
    closed_ = true;
    return false;
  }
  ++taken_;
  bytes_ += bytes;
  return true;
}

std::string Page::NextToken(absl::string_view last_key) const {
  return closed_ ? Token(last_key) : std::string();
}

std::string Page::Token(absl::string_view key) const {
  return absl::WebSafeBase64Escape(absl::StrCat(kTokenVersion, fingerprint_, key));
}

}  // namespace junheng::storage
