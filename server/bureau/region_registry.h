#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/io/table.h"
#include "common/time/clock.h"
#include "junheng/v1/region.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The region registry (issue 15): provinces, cities and counties by their administrative division
// codes (行政区划代码), so that a county held on the server can be placed under its city and
// province. A code's parent is its own prefix: 140430 沁县 → 1404 长治市 → 14 山西省.

// The rows of a region file: a header `code,name,parent` (or 区划代码,名称,上级代码), then one
// region per row; `parent` may be left empty, and is then the code's prefix. INVALID_ARGUMENT
// naming the line and field: a code that is not 2, 4 or 6 digits, an empty or overlong name, a
// parent that is not the code's prefix, a code given twice.
[[nodiscard]] absl::StatusOr<std::vector<junheng::v1::Region>> ParseRegions(const io::Table& table);

// Adds `regions` to the registry (a stored code gets the new name) in one commit with one audit
// entry. Every parent must be in `regions` or already stored: FAILED_PRECONDITION names the first
// region whose parent is missing, and nothing is stored. Returns how many regions were written.
[[nodiscard]] absl::StatusOr<int> ImportRegions(storage::Store& store,
                                                const std::vector<junheng::v1::Region>& regions,
                                                const Clock& clock, absl::string_view actor);

// RegionService.ListRegions: the region (or all, for "") with the regions and the counties held
// under it. INVALID_ARGUMENT for a code that is not 2 or 4 digits; NOT_FOUND for a region that is
// not in the registry.
[[nodiscard]] absl::StatusOr<junheng::v1::ListRegionsResponse> ListRegions(
    const storage::Store& store, const junheng::v1::ListRegionsRequest& request);

// The stored region `code` (a province or a city) for a region call: INVALID_ARGUMENT naming
// `field` for a code that is not 2 or 4 digits, NOT_FOUND when the registry does not hold it.
[[nodiscard]] absl::StatusOr<junheng::v1::Region> FindRegion(const storage::Store& store,
                                                             absl::string_view code,
                                                             absl::string_view field);

// The name of a county in the registry, "" when it has none.
std::string CountyName(const storage::Store& store, absl::string_view county);

}  // namespace junheng::server
