#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/io/table.h"
#include "common/io/text_decoding.h"

namespace junheng::io {

// A report, registry or county-facts file as people save it, read by what its bytes are: either a
// table of UTF-8 cells or JSON text in UTF-8.
struct TableFile {
  enum class Kind { kTable, kJson };
  Kind kind = Kind::kTable;
  Table table;       // kTable: a CSV or tab-separated file, or the chosen sheet of an .xlsx
  std::string json;  // kJson: the text, decoded
  // The text encoding found (text files only; nullopt for an .xlsx workbook).
  std::optional<TextEncoding> encoding;
};

// Reads `bytes`, the contents of the file `name` (its extension counts; "-" or "" for none), by
// their magic bytes first and then the extension:
//   - a zip archive (PK\3\4) is read as an .xlsx workbook (xlsx_table.h);
//   - any other bytes are decoded to UTF-8 (text_decoding.h), then read as JSON when the name
//     ends in .json or the text starts with '{' or '[', else as CSV, tab-separated when the
//     header line has tabs and no comma (csv_table.h).
// Files junheng cannot read are refused with INVALID_ARGUMENT and one sentence saying what the
// file is and what to save instead: an empty file, an .xls/.et workbook or a password-protected
// one (OLE2 compound file), a semicolon-separated CSV, a zip that is not a workbook, and text in
// no encoding junheng reads (with the line). Malformed CSV quoting is named by its line.
[[nodiscard]] absl::StatusOr<TableFile> ReadTable(absl::string_view bytes, absl::string_view name);

// Reads the file at `path` with ReadTable. NOT_FOUND or PERMISSION_DENIED name the path when the
// file cannot be opened; a refusal of its contents is ReadTable's, without the path.
[[nodiscard]] absl::StatusOr<TableFile> ReadTableFile(const std::string& path);

}  // namespace junheng::io
