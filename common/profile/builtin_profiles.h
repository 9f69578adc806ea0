#pragma once

#include <span>

#include "absl/strings/string_view.h"

namespace junheng::profile {

// A profile file shipped with junheng and compiled into the binary, so that profiles are usable
// without the source tree.
struct BuiltinProfile {
  absl::string_view name;  // the file name without ".toml", e.g. "national-2017"
  absl::string_view text;  // the file's TOML text
};

// Every shipped profile, in the order CMake lists them. Defined in a generated file.
std::span<const BuiltinProfile> BuiltinProfiles();

}  // namespace junheng::profile
