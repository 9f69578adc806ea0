#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace junheng {

// When a credential expires, as an operator writes it: "<N>d" or "<N>h" from `now` (N up to ten
// years), or an instant ParseInstant reads, a bare date meaning the end of that day in China time.
// INVALID_ARGUMENT names the accepted forms.
[[nodiscard]] absl::StatusOr<absl::Time> ParseExpiry(absl::string_view text, absl::Time now);

}  // namespace junheng
