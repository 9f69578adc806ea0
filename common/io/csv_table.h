#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace junheng::io {

// A CSV file as read: its header row and its data rows, each with the 1-based line number it
// started on so that errors can point a clerk at the right spreadsheet row.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;
};

// Parses RFC 4180 CSV (quoted fields, embedded commas, quotes and newlines; CRLF or LF; a leading
// UTF-8 byte-order mark as Excel writes it). Blank lines are skipped. Fails with INVALID_ARGUMENT
// on malformed quoting, an empty input, or a data row with more cells than the header.
[[nodiscard]] absl::StatusOr<CsvTable> ParseCsv(absl::string_view text);

// Renders one CSV line (terminated by "\n"), quoting cells only where RFC 4180 requires it.
std::string FormatCsvRow(const std::vector<std::string>& cells);

}  // namespace junheng::io
