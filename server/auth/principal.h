#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/security.pb.h"

namespace junheng::server::auth {

// "school_clerk", "bureau_viewer", "bureau_admin", "auditor"; "" for ROLE_UNSPECIFIED.
std::string RoleName(junheng::v1::Role role);
// The inverse of RoleName; INVALID_ARGUMENT lists the roles.
[[nodiscard]] absl::StatusOr<junheng::v1::Role> ParseRole(absl::string_view name);

// Who is calling: the credential the call was authenticated with.
struct Principal {
  std::string token_id;
  junheng::v1::Role role = junheng::v1::ROLE_UNSPECIFIED;
  std::string county;
  // Set for school_clerk.
  std::string school;
  // Only with ServerOptions::auth_disabled_for_tests: no credential, the peer address instead.
  bool test_mode = false;
  std::string peer;

  // The audit log's actor: "token <id> (<role>[, school <code>])", or "unauthenticated <peer>"
  // in test mode.
  std::string Actor() const;
};

}  // namespace junheng::server::auth
