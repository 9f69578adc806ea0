#pragma once

#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "junheng/v1/county_facts.pb.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

namespace junheng::client {

// The client's report, registry and county-facts files, read through the one reader
// (io::ReadRecordFile): CSV or tab-separated text in UTF-8 (with or without a BOM), UTF-16 or
// GB18030/GBK, an .xlsx workbook, or JSON. NOT_FOUND / PERMISSION_DENIED name the path when the
// file cannot be opened; INVALID_ARGUMENT starts "<path>:" and lists what is wrong with it.

// Reports, one per data row (or JSON object). A report without county_code gets `county` (which
// may be empty: offline validation needs no county). A file without data rows is refused.
// With `without_column`, also the report fields the file has no column for (FieldsWithoutColumn).
[[nodiscard]] absl::StatusOr<std::vector<junheng::v1::SchoolReport>> LoadReports(
    const std::string& path, const std::string& county,
    std::set<std::string>* without_column = nullptr);

// Registry rows. Rows without county_code get `county`.
[[nodiscard]] absl::StatusOr<std::vector<junheng::v1::School>> LoadSchools(
    const std::string& path, const std::string& county);

// The county facts of one county and period: exactly one record. Without county_code it gets
// `county`.
[[nodiscard]] absl::StatusOr<junheng::v1::CountyFacts> LoadCountyFacts(const std::string& path,
                                                                       const std::string& county);

}  // namespace junheng::client
