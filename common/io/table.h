#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace junheng::io {

// The cells of a file people give junheng, as UTF-8 text: the rows of a CSV or tab-separated file,
// or of the chosen sheet of an .xlsx workbook. Every reader (csv_table.h, xlsx_table.h) yields
// one, and the codec (message_codec.h) finds the header among its first rows.
struct Table {
  // How messages name a place in the file: a CSV row by the line it starts on ("line 3", the
  // column being named by its field), a spreadsheet cell by its row and column ("row 3, column E").
  enum class Positions { kLines, kCells };

  // The non-blank rows in file order; rows may differ in length (a missing cell is empty).
  std::vector<std::vector<std::string>> rows;
  // For each row, the 1-based number a person finds it by: its line, or its spreadsheet row.
  std::vector<int> row_numbers;
  Positions positions = Positions::kLines;
  // What the table was read from, for sentences about the whole table: "the CSV file",
  // "sheet 填报 of the workbook".
  std::string source = "the file";

  // "line 3" or "row 3, column E" for the cell in column `column` (0-based) of rows[row], for a
  // message that goes on to name the cell's field.
  std::string Where(size_t row, size_t column) const;
  // "line 3, column 5" or "row 3, column E", for a cell whose column names no field.
  std::string WhereCell(size_t row, size_t column) const;
  // "line 3" or "row 3" for rows[row].
  std::string WhereRow(size_t row) const;
  // The cell, or "" for a cell beyond the end of its row.
  const std::string& Cell(size_t row, size_t column) const;
};

// A spreadsheet's name for the 0-based column: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string ColumnLetters(size_t column);

// A number as a cell shows it: a whole number in plain digits (2024 and 1000000, never 2024.0 or
// 1e+06), any other in the shortest digits that read back as the same double (3492.3, 0.95).
std::string NumberText(double value);

// True when every cell is empty or only whitespace: such rows are left out of a Table.
bool IsBlankRow(const std::vector<std::string>& cells);

// The advice every refusal of an unreadable file ends with, in the current language.
std::string SaveAsAdvice();

}  // namespace junheng::io
