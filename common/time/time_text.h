#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace junheng {

// Instants as people in a Chinese county read and write them: China Standard Time (UTC+8, no
// daylight saving), RFC 3339 with millisecond precision, e.g. "2024-12-31T17:00:00.000+08:00".
std::string FormatInstant(absl::Time t);

// How a bare date (no time of day) is read.
enum class DateMeans { kStartOfDay, kEndOfDay };

// Reads an instant: RFC 3339 with an offset ("2024-12-31T17:00:00+08:00", "...Z"), or a local
// China time "2024-12-31 17:00", or a bare date "2024-12-31" which means the start or the end
// (23:59:59.999) of that day in China time. INVALID_ARGUMENT names the accepted forms.
[[nodiscard]] absl::StatusOr<absl::Time> ParseInstant(absl::string_view text, DateMeans date_means);

}  // namespace junheng
