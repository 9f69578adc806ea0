#pragma once

#include <iosfwd>
#include <string>

namespace junheng::server {

// `junheng-server regions import FILE --data-dir D` and `junheng-server regions list --data-dir
// D`: the region registry (server/bureau/region_registry.h), offline, while no server runs on the
// data dir (its LOCK refuses otherwise), like `token issue`. FILE is a CSV (UTF-8 or GBK, as Excel
// and WPS save it) or .xlsx with the header code,name,parent. The audit log records the import
// with the actor "junheng-server regions import (offline, uid N)". Exit 0 ok, 1 refused.
int RunRegionsImport(const std::string& data_dir, const std::string& file, std::ostream& out,
                     std::ostream& err);
int RunRegionsList(const std::string& data_dir, std::ostream& out, std::ostream& err);

}  // namespace junheng::server
