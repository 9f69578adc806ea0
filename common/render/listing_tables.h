#pragma once

#include "common/table/table.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "junheng/v1/services.pb.h"

namespace junheng::render {

// Listings that `junheng` prints and the web console downloads, each as one Table.

// The registry. With `all_columns` the file `schools import` reads back (every catalogue column,
// words by their Chinese names, under a label row and a field-name row); else the brief listing
// for a terminal (code, name, type, locale, target year) with its title and count.
table::Table RegistryTable(const junheng::v1::ListSchoolsResponse& registry,
                           const std::string& county, bool all_columns);

// The trend across years: per year, level and indicator the coefficient against its limit, with
// each year's schools reported and meeting the standard in the notes.
table::Table TrendTable(const junheng::v1::TrendResponse& trend);

}  // namespace junheng::render
