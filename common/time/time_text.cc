#include "common/time/time_text.h"

#include "absl/strings/str_cat.h"
#include "common/i18n/bureau_messages.h"

namespace junheng {
namespace {

absl::TimeZone ChinaTime() { return absl::FixedTimeZone(8 * 60 * 60); }

}  // namespace

std::string FormatInstant(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3S%Ez", t, ChinaTime());
}

absl::StatusOr<absl::Time> ParseInstant(absl::string_view text, DateMeans date_means) {
  absl::Time t;
  std::string error;
  const std::string input(text);
  if (absl::ParseTime(absl::RFC3339_full, input, &t, &error)) return t;
  if (absl::ParseTime("%Y-%m-%d %H:%M", input, ChinaTime(), &t, &error)) return t;
  if (absl::ParseTime("%Y-%m-%dT%H:%M", input, ChinaTime(), &t, &error)) return t;
  if (absl::ParseTime("%Y-%m-%d", input, ChinaTime(), &t, &error)) {
    return date_means == DateMeans::kStartOfDay ? t : t + absl::Hours(24) - absl::Milliseconds(1);
  }
  return absl::InvalidArgumentError(i18n::Say(i18n::bureau::kNotATime, input));
}

}  // namespace junheng
