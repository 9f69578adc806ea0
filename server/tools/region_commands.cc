#include "server/tools/region_commands.h"

#include <unistd.h>

#include <ostream>

#include "absl/strings/str_cat.h"
#include "common/io/table_file.h"
#include "common/time/clock.h"
#include "server/bureau/region_registry.h"
#include "server/storage/store.h"

namespace junheng::server {
namespace {

int Refuse(const absl::Status& status, std::ostream& err) {
  err << "error: " << status.message() << "\n";
  return 1;
}

}  // namespace

int RunRegionsImport(const std::string& data_dir, const std::string& file, std::ostream& out,
                     std::ostream& err) {
  auto read = io::ReadTableFile(file);
  if (!read.ok()) return Refuse(read.status(), err);
  if (read->kind != io::TableFile::Kind::kTable) {
    return Refuse(absl::InvalidArgumentError(absl::StrCat(
                      file, " is JSON; give the regions as CSV or .xlsx with code,name,parent")),
                  err);
  }
  auto regions = ParseRegions(read->table);
  if (!regions.ok()) return Refuse(regions.status(), err);
  auto store = storage::Store::Open(data_dir);
  if (!store.ok()) return Refuse(store.status(), err);
  SystemClock clock;
  auto imported =
      ImportRegions(**store, *regions, clock,
                    absl::StrCat("junheng-server regions import (offline, uid ", getuid(), ")"));
  if (!imported.ok()) return Refuse(imported.status(), err);
  out << "imported " << *imported << " regions from " << file << "\n";
  return 0;
}

int RunRegionsList(const std::string& data_dir, std::ostream& out, std::ostream& err) {
  auto store = storage::Store::Open(data_dir);
  if (!store.ok()) return Refuse(store.status(), err);
  auto listed = ListRegions(**store, junheng::v1::ListRegionsRequest());
  if (!listed.ok()) return Refuse(listed.status(), err);
  out << "code\tname\tparent\n";
  for (const auto& region : listed->regions()) {
    out << region.code() << "\t" << region.name() << "\t" << region.parent() << "\n";
  }
  out << "\ncounties held (code, name, schools):\n";
  for (const auto& county : listed->counties()) {
    out << county.county_code() << "\t" << county.name() << "\t" << county.schools() << "\n";
  }
  if (!listed->unplaced().empty()) {
    out << "\nnot placed (their city or province is not in the registry; import it):\n";
    for (const auto& county : listed->unplaced()) {
      out << county.county_code() << "\t" << county.schools() << " schools\n";
    }
  }
  return 0;
}

}  // namespace junheng::server
