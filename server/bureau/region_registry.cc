#include "server/bureau/region_registry.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "server/audit/audit_entry.h"
#include "server/auth/policy.h"

namespace junheng::server {
namespace {

using junheng::v1::Region;
namespace msg = i18n::server;

// Longer names than any division's (新疆维吾尔自治区 is 8 characters) are a wrong column.
constexpr size_t kMaxNameBytes = 96;

// 00 is the nation (auth::kNationCode), which no division code starts with.
bool IsDivisionCode(absl::string_view code) {
  return (code.size() == 2 || code.size() == 4 || code.size() == 6) &&
         !absl::StartsWith(code, "00") &&
         std::all_of(code.begin(), code.end(), absl::ascii_isdigit);
}

// The code's parent: "" for a province, else the code without its last two digits.
std::string ParentOf(absl::string_view code) {
  return code.size() <= 2 ? "" : std::string(code.substr(0, code.size() - 2));
}

// The column of each field in the header row, or -1.
struct Columns {
  int code = -1, name = -1, parent = -1;
};

Columns HeaderColumns(const std::vector<std::string>& header) {
  Columns columns;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string cell(absl::StripAsciiWhitespace(header[i]));
    if (cell == "code" || cell == "区划代码" || cell == "代码") columns.code = static_cast<int>(i);
    if (cell == "name" || cell == "名称" || cell == "区划名称") columns.name = static_cast<int>(i);
    if (cell == "parent" || cell == "上级代码" || cell == "上级") {
      columns.parent = static_cast<int>(i);
    }
  }
  return columns;
}

}  // namespace

absl::StatusOr<std::vector<Region>> ParseRegions(const io::Table& table) {
  if (table.rows.empty()) return absl::InvalidArgumentError(i18n::Say(msg::kRegionsEmpty));
  const Columns columns = HeaderColumns(table.rows[0]);
  if (columns.code < 0 || columns.name < 0) {
    return absl::InvalidArgumentError(i18n::Say(msg::kRegionsHeader, table.WhereRow(0)));
  }
  std::vector<Region> regions;
  std::set<std::string> seen;
  for (size_t row = 1; row < table.rows.size(); ++row) {
    auto cell = [&](int column) {
      return column < 0 ? std::string()
                        : std::string(absl::StripAsciiWhitespace(table.Cell(row, column)));
    };
    Region region;
    region.set_code(cell(columns.code));
    region.set_name(cell(columns.name));
    region.set_parent(cell(columns.parent));
    if (!IsDivisionCode(region.code())) {
      return absl::InvalidArgumentError(
          i18n::Say(msg::kRegionBadCode, table.Where(row, columns.code), region.code()));
    }
    if (region.name().empty() || region.name().size() > kMaxNameBytes) {
      return absl::InvalidArgumentError(
          i18n::Say(msg::kRegionBadName, table.Where(row, columns.name), region.code()));
    }
    const std::string parent = ParentOf(region.code());
    if (region.parent().empty()) region.set_parent(parent);
    if (region.parent() != parent) {
      return absl::InvalidArgumentError(i18n::Say(msg::kRegionBadParent,
                                                  table.Where(row, columns.parent), region.code(),
                                                  region.parent(), parent));
    }
    if (!seen.insert(region.code()).second) {
      return absl::InvalidArgumentError(
          i18n::Say(msg::kRegionTwice, table.Where(row, columns.code), region.code()));
    }
    regions.push_back(std::move(region));
  }
  return regions;
}

absl::StatusOr<int> ImportRegions(storage::Store& store, const std::vector<Region>& regions,
                                  const Clock& clock, absl::string_view actor) {
  if (regions.empty()) return absl::InvalidArgumentError(i18n::Say(msg::kRegionsEmpty));
  std::set<std::string> codes;
  for (const Region& region : regions) codes.insert(region.code());
  absl::Status stored = store.CompareAndCommit(
      [&](const storage::Store& current) -> absl::StatusOr<std::optional<storage::Change>> {
        storage::Change change(storage::kRegionChain);
        junheng::v1::ListRegionsResponse imported;
        for (const Region& region : regions) {
          if (!region.parent().empty() && !codes.contains(region.parent())) {
            auto parent = current.GetRegion(region.parent());
            if (!parent.ok()) return parent.status();
            if (!parent->has_value()) {
              return absl::FailedPreconditionError(
                  i18n::Say(msg::kRegionNoParent, region.code(), region.name(), region.parent()));
            }
          }
          change.PutRegion(region);
          *imported.add_regions() = region;
        }
        change.Audit(MakeAudit(clock, actor, "regions.import",
                               absl::StrCat(storage::kRegionChain, "/regions"), imported));
        return change;
      });
  if (!stored.ok()) return stored;
  return static_cast<int>(regions.size());
}

absl::StatusOr<Region> FindRegion(const storage::Store& store, absl::string_view code,
                                  absl::string_view field) {
  if (!auth::IsRegionCode(code)) {
    return absl::InvalidArgumentError(i18n::Say(msg::kRegionCodeNeeded, field, code));
  }
  if (code == auth::kNationCode) {
    Region nation;
    nation.set_code(auth::kNationCode);
    nation.set_name(i18n::Say(msg::kNation));
    return nation;
  }
  auto region = store.GetRegion(code);
  if (!region.ok()) return region.status();
  if (!region->has_value()) return absl::NotFoundError(i18n::Say(msg::kUnknownRegion, code));
  return **region;
}

std::string CountyName(const storage::Store& store, absl::string_view county) {
  auto region = store.GetRegion(county);
  return region.ok() && region->has_value() ? (*region)->name() : std::string();
}

absl::StatusOr<junheng::v1::ListRegionsResponse> ListRegions(
    const storage::Store& store, const junheng::v1::ListRegionsRequest& request) {
  if (!request.region_code().empty()) {
    auto region = FindRegion(store, request.region_code(), "region_code");
    if (!region.ok()) return region.status();
  }
  // Every region for "" and the nation.
  const std::string code(auth::RegionCodePrefix(request.region_code()));
  auto regions = store.ListRegions();
  if (!regions.ok()) return regions.status();
  std::map<std::string, const Region*> by_code;
  for (const Region& region : *regions) by_code[region.code()] = &region;
  junheng::v1::ListRegionsResponse response;
  for (const Region& region : *regions) {
    if (absl::StartsWith(region.code(), code)) *response.add_regions() = region;
  }
  auto counties = store.ListCounties(code, "", std::numeric_limits<size_t>::max());
  if (!counties.ok()) return counties.status();
  for (const storage::CountyHeld& held : *counties) {
    junheng::v1::RegionCounty county;
    county.set_county_code(held.county_code);
    county.set_schools(held.schools);
    auto named = by_code.find(held.county_code);
    if (named != by_code.end()) county.set_name(named->second->name());
    const bool placed = by_code.contains(ParentOf(held.county_code)) &&
                        by_code.contains(ParentOf(ParentOf(held.county_code)));
    if (placed) {
      *response.add_counties() = std::move(county);
    } else if (code.empty()) {
      *response.add_unplaced() = std::move(county);
    }
  }
  return response;
}

}  // namespace junheng::server
