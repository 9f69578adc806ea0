#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/io/table.h"

namespace junheng::io {

// The sheet the reader takes from a workbook that has one of this name: the template's data sheet.
inline constexpr absl::string_view kDataSheetName = "填报";

// Reads one worksheet of an .xlsx workbook (Office Open XML, as Excel, WPS, LibreOffice,
// libxlsxwriter and openpyxl save it) into a Table whose positions are spreadsheet cells: the
// sheet named 填报 when there is one, else the first visible worksheet. Cells are written as
// people see them in the spreadsheet:
//   - text as it is (shared or inline strings, formula results);
//   - a whole number without a decimal point or exponent (2024, not 2024.0 or 2.024e3), any other
//     number in the shortest digits that read back as the same double (3492.3);
//   - true and false for booleans;
//   - a number formatted as a date or time as "2024-09-01" or "2024-09-01 10:30:00", so that a
//     date in a numeric field is refused by the codec naming its cell;
//   - an error value as Excel shows it (#DIV/0!).
// The zip and XML parsing is liborcus'; nothing it throws leaves this function, and it prints
// nothing. Fails with INVALID_ARGUMENT and one sentence when the bytes are not a readable
// workbook (a damaged zip, no workbook part, no worksheet) and, listing every such cell, when a
// formula cell holds no saved value (a file written by a program that does not calculate).
[[nodiscard]] absl::StatusOr<Table> ReadXlsx(absl::string_view bytes);

}  // namespace junheng::io
