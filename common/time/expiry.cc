#include "common/time/expiry.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/i18n/bureau_messages.h"
#include "common/time/time_text.h"

namespace junheng {

absl::StatusOr<absl::Time> ParseExpiry(absl::string_view text, absl::Time now) {
  if (text.size() >= 2 && (text.back() == 'd' || text.back() == 'h')) {
    int64_t n = 0;
    if (absl::SimpleAtoi(text.substr(0, text.size() - 1), &n) && n > 0 && n <= 3650 * 24) {
      return now + (text.back() == 'd' ? absl::Hours(24 * n) : absl::Hours(n));
    }
  }
  auto instant = ParseInstant(text, DateMeans::kEndOfDay);
  if (!instant.ok()) {
    return absl::InvalidArgumentError(i18n::Say(i18n::bureau::kBadExpiry, text));
  }
  return *instant;
}

}  // namespace junheng
