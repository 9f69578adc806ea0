#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace junheng::testing {

// What a test checks of a written .xlsx, read back with liborcus (an independent reader): each
// cell's value, number format and fill, and the merged ranges. Rows and columns count from 0.
struct SheetCell {
  std::string text;              // string cells
  std::optional<double> number;  // numeric cells
  std::string number_format;     // "0.00"; empty for General
  bool filled = false;           // a solid background fill
  uint32_t fill_rgb = 0;         // its colour as 0xRRGGBB (the forms' dark fill is 0x7F7F7F)
};

struct SheetCells {
  std::map<std::pair<int, int>, SheetCell> cells;
  // first row, first col, last row, last col
  std::vector<std::array<int, 4>> merges;

  // The cell at an A1 reference ("B3"), or an empty cell.
  SheetCell At(const std::string& a1) const;
  bool IsMerged(const std::string& first_a1, const std::string& last_a1) const;
};

struct WorkbookCells {
  std::vector<std::string> sheet_names;
  std::map<std::string, SheetCells> sheets;
};

[[nodiscard]] absl::StatusOr<WorkbookCells> ReadWorkbookCells(const std::string& path);

// Whether a number read back is `value` as an .xlsx holds it: libxlsxwriter writes 16 significant
// digits and readers parse them back within an ulp or so, so "stored in full" means equal to 14
// significant digits (far beyond any rounding a number format does). Both absent is equal too.
bool StoredInFull(std::optional<double> read, std::optional<double> value);

}  // namespace junheng::testing
