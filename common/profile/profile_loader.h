#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::profile {

// Standard profiles are TOML files (common/profile/*.toml; format in docs/evaluation.md). A profile
// may name another in `profile.inherits` and then states only the keys it overrides; the chain is
// resolved against the built-in profiles first and then against files in the including file's
// directory. After inheritance every key of the format must be present and no unknown key may
// appear; errors are INVALID_ARGUMENT naming the key (e.g. "resource.primary.L1") and the file.

// The names of the profiles compiled into the binary ("national-2017", "qin-county").
std::vector<std::string> BuiltinProfileNames();

// The built-in profile `name`, or NOT_FOUND listing the known names.
[[nodiscard]] absl::StatusOr<junheng::v1::Profile> LoadBuiltinProfile(absl::string_view name);

// The profile in the TOML file at `path` (NOT_FOUND when it cannot be read).
[[nodiscard]] absl::StatusOr<junheng::v1::Profile> LoadProfileFile(const std::string& path);

// A built-in name when it is one, else a file path: what `--profile NAME|FILE` accepts.
[[nodiscard]] absl::StatusOr<junheng::v1::Profile> LoadProfile(absl::string_view name_or_path);

// Parses TOML text. `origin` names the text in errors and is the base for a file `inherits`.
[[nodiscard]] absl::StatusOr<junheng::v1::Profile> ParseProfile(absl::string_view toml_text,
                                                                absl::string_view origin);

// Range checks on a complete profile (positive minimums and weights, known words): OK or
// INVALID_ARGUMENT naming the key. ParseProfile already applies it.
[[nodiscard]] absl::Status CheckProfile(const junheng::v1::Profile& profile);

}  // namespace junheng::profile
