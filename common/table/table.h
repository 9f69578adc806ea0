#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/xlsx/workbook.h"

namespace junheng::table {

// A listing the way people use it: a title, labelled columns, rows, notes. Every command that
// lists something builds one Table, and the same Table becomes aligned text in a terminal, a CSV
// that Chinese Excel opens, or a worksheet; JSON stays the API's own message (io::EncodeJson).

struct Column {
  // The stable name of the column: the field name or JSON key. Written as a second header row
  // when the table is a record file that can be read back (Table::key_row).
  std::string key;
  // What people read at the top of the column, in the language of the command.
  std::string label;
  // Number cells: digits after the decimal point; -1 writes as many as the value needs.
  int decimals = -1;
  // Number cells: group thousands (money) in text and in the sheet; CSV stays plain digits.
  bool thousands = false;
};

struct Cell {
  std::string text;
  std::optional<double> number;
  // The national forms' dark fill: a value that misses its standard.
  bool failing = false;

  static Cell Of(std::string text) { return Cell{std::move(text), std::nullopt}; }
  static Cell Of(double number) { return Cell{"", number}; }
  static Cell Of(std::optional<double> number) { return Cell{"", number}; }
  bool empty() const { return text.empty() && !number.has_value(); }
};

struct Table {
  std::string title;
  // The worksheet name in an xlsx (≤ 31 characters); empty: "Sheet1".
  std::string sheet_name;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  // Lines under the table: counts, what a state means, where the data came from.
  std::vector<std::string> notes;
  // Record files (report values, the registry): the key row under the label row, so the file
  // reads back with `validate`, `submit` or `schools import`.
  bool key_row = false;

  // Appends a row; a row shorter than the columns is padded with empty cells.
  void AddRow(std::vector<Cell> cells);
};

// The cell as text: numbers with the column's decimals (thousands grouped when the column says so)
// and never an exponent; for_file drops the grouping so that a program can read the number back.
std::string CellText(const Cell& cell, const Column& column, bool for_file = false);

// Title, a header of labels, one line per row, then the notes; columns aligned by display width,
// numbers to the right.
std::string RenderText(const Table& table);

// A UTF-8 byte-order mark (so Excel and WPS open Chinese text correctly on a double-click), the
// label row, the key row when key_row, the rows, then nothing else: notes and title belong to
// text and xlsx.
std::string RenderCsv(const Table& table);

// One worksheet: the title merged across the columns, the label row (and key row), the rows with
// number formats and the failing fill, the notes below; header frozen, columns sized to fit.
// Returns the sheet, for cell validation and the like; rows of table.rows start at
// FirstDataRow(table).
xlsx::Sheet& WriteSheet(const Table& table, xlsx::Workbook& book);
int FirstDataRow(const Table& table);

// Writes the tables as one workbook at `path`, one sheet each.
[[nodiscard]] absl::Status WriteWorkbook(const std::vector<const Table*>& tables,
                                         const std::string& path);

}  // namespace junheng::table
