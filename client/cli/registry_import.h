#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/rpc/connection.h"
#include "junheng/v1/school.pb.h"
#include "junheng/v1/services.pb.h"

namespace junheng::client {

// How `junheng schools import` cuts a registry into UpsertSchools calls. The defaults keep each
// call well under gRPC's default 4 MiB message limit and the server's 10,000 entries per repeated
// field (server/auth/input_limits.h).
struct ImportParts {
  // Serialized bytes of the schools of one call.
  size_t max_bytes = size_t{2} << 20;
  int max_schools = 5000;
};

// Imports `schools` into `county` in as few UpsertSchools calls as `parts` allows, in file order,
// and answers the sum of the calls' counts and warnings, as one call would have.
//
// The whole file is checked first with the server's own check (validate::CheckRegistryImport):
// a problem anywhere refuses it all with the server's INVALID_ARGUMENT sentence, rows numbered in
// the file, and nothing is sent. Row checks look at one row at a time (a teaching point's
// parent_school_code is checked for form, not looked up), so no part warns of a row in another.
// When a call fails, the parts before it are stored: the error keeps the call's code and says
// which rows (first and last school code) failed and how many schools are stored. With more than
// one part, `progress` (if not null) gets a line after each.
[[nodiscard]] absl::StatusOr<junheng::v1::UpsertSchoolsResponse> ImportSchools(
    Connection& connection, const std::string& county,
    const std::vector<junheng::v1::School>& schools, const ImportParts& parts = {},
    std::ostream* progress = nullptr);

}  // namespace junheng::client
