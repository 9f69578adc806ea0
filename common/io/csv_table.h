#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/io/table.h"

namespace junheng::io {

// Parses RFC 4180 CSV text, already decoded to UTF-8 (text_decoding.h), into a Table of its
// non-blank rows, each numbered by the line it starts on: quoted fields, embedded separators,
// quotes and newlines; CRLF or LF; a leading UTF-8 byte-order mark is skipped. `separator` is ','
// or, for tab-separated text (Excel's "Unicode text"), '\t'. Rows may have different lengths;
// which row is the header is the codec's business. An input without rows gives an empty table.
// Fails with INVALID_ARGUMENT, naming the line, on malformed quoting.
[[nodiscard]] absl::StatusOr<Table> ParseCsv(absl::string_view text, char separator = ',');

// The separator of delimited text: a tab when the first line that holds a tab or a comma holds
// tabs and no comma (Excel's "Unicode text"), else a comma.
char DetectSeparator(absl::string_view text);

// Renders one CSV line (terminated by "\n"), quoting cells only where RFC 4180 requires it.
std::string FormatCsvRow(const std::vector<std::string>& cells);

}  // namespace junheng::io
