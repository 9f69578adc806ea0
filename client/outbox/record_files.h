#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

namespace junheng::client {

// The whole contents of a file, or NOT_FOUND / PERMISSION_DENIED naming the path.
[[nodiscard]] absl::StatusOr<std::string> ReadTextFile(const std::string& path);

// Reports from a CSV (one row per school and period) or JSON (an object or an array) file. A report
// without county_code gets `county` (which may be empty: offline validation needs no county).
[[nodiscard]] absl::StatusOr<std::vector<junheng::v1::SchoolReport>> LoadReports(
    const std::string& path, const std::string& county);

// Registry rows from schools.csv or JSON. Rows without county_code get `county`.
[[nodiscard]] absl::StatusOr<std::vector<junheng::v1::School>> LoadSchools(
    const std::string& path, const std::string& county);

}  // namespace junheng::client
