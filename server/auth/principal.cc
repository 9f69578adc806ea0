#include "server/auth/principal.h"

#include "absl/strings/str_cat.h"

namespace junheng::server::auth {

std::string RoleName(junheng::v1::Role role) {
  switch (role) {
    case junheng::v1::SCHOOL_CLERK:
      return "school_clerk";
    case junheng::v1::BUREAU_VIEWER:
      return "bureau_viewer";
    case junheng::v1::BUREAU_ADMIN:
      return "bureau_admin";
    case junheng::v1::AUDITOR:
      return "auditor";
    case junheng::v1::REGION_VIEWER:
      return "region_viewer";
    default:
      return "";
  }
}

absl::StatusOr<junheng::v1::Role> ParseRole(absl::string_view name) {
  for (auto role : {junheng::v1::SCHOOL_CLERK, junheng::v1::BUREAU_VIEWER,
                    junheng::v1::BUREAU_ADMIN, junheng::v1::AUDITOR, junheng::v1::REGION_VIEWER}) {
    if (name == RoleName(role)) return role;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("role '", name,
                   "' is unknown; use school_clerk, bureau_viewer, bureau_admin, auditor or "
                   "region_viewer"));
}

std::string Principal::Actor() const {
  if (test_mode) return absl::StrCat("unauthenticated ", peer);
  std::string actor = absl::StrCat("token ", token_id, " (", RoleName(role));
  if (!school.empty()) absl::StrAppend(&actor, ", school ", school);
  return absl::StrCat(actor, ")");
}

}  // namespace junheng::server::auth
