#pragma once

#include <initializer_list>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace junheng::storage {

// The codes a request names before they become parts of a key. Key parts are joined with '/',
// which no valid code contains (keys.h), so every read that takes codes from a request checks
// them here first.
//
// INVALID_ARGUMENT naming the first (field, value) pair that is not a valid code: county_code
// must be a 6-digit division code, every other field a code as validate::IsValidCode defines it.
// OK otherwise.
[[nodiscard]] absl::Status CheckCodes(
    std::initializer_list<std::pair<absl::string_view, absl::string_view>> codes);

}  // namespace junheng::storage
