#include "common/time/time_text.h"

#include "absl/strings/str_cat.h"

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
  return absl::InvalidArgumentError(absl::StrCat(
      "'", input,
      "' is not a time; write 2024-12-31 (a whole day, China time), 2024-12-31 17:00 (China "
      "time) or 2024-12-31T17:00:00+08:00"));
}

}  // namespace junheng
