#include "common/table/table.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/io/csv_table.h"
#include "common/table/people_text.h"

namespace junheng::table {
namespace {

std::string NumberFormat(const Column& column) {
  if (column.decimals < 0 && !column.thousands) return "";
  std::string format = column.thousands ? "#,##0" : "0";
  if (column.decimals > 0) absl::StrAppend(&format, ".", std::string(column.decimals, '0'));
  return format;
}

// Excel's column width counts characters of the default font; a Chinese character takes two.
double SheetWidth(int display_width) { return std::clamp(display_width + 2, 6, 60); }

}  // namespace

void Table::AddRow(std::vector<Cell> cells) {
  if (cells.size() < columns.size()) cells.resize(columns.size());
  rows.push_back(std::move(cells));
}

std::string CellText(const Cell& cell, const Column& column, bool for_file) {
  if (!cell.number.has_value()) return cell.text;
  return PeopleNumber(*cell.number, column.decimals, column.thousands && !for_file);
}

std::string RenderText(const Table& table) {
  const size_t n = table.columns.size();
  std::vector<int> widths(n, 0);
  std::vector<std::vector<std::string>> texts;
  for (size_t c = 0; c < n; ++c) widths[c] = DisplayWidth(table.columns[c].label);
  for (const auto& row : table.rows) {
    auto& line = texts.emplace_back();
    for (size_t c = 0; c < n; ++c) {
      line.push_back(c < row.size() ? CellText(row[c], table.columns[c]) : "");
      widths[c] = std::max(widths[c], DisplayWidth(line.back()));
    }
  }
  std::string out;
  if (!table.title.empty()) absl::StrAppend(&out, table.title, "\n");
  auto append_line = [&](const std::vector<std::string>& cells, const auto* row) {
    std::string line;
    for (size_t c = 0; c < n; ++c) {
      bool number = row != nullptr && c < row->size() && (*row)[c].number.has_value();
      if (c > 0) line += "  ";
      line += number ? PadLeft(cells[c], widths[c]) : PadRight(cells[c], widths[c]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    absl::StrAppend(&out, line, "\n");
  };
  std::vector<std::string> labels;
  for (const Column& column : table.columns) labels.push_back(column.label);
  append_line(labels, static_cast<const std::vector<Cell>*>(nullptr));
  for (size_t r = 0; r < table.rows.size(); ++r) append_line(texts[r], &table.rows[r]);
  for (const std::string& note : table.notes) absl::StrAppend(&out, note, "\n");
  return out;
}

std::string RenderCsv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> cells;
  for (const Column& column : table.columns) cells.push_back(column.label);
  out += io::FormatCsvRow(cells);
  if (table.key_row) {
    cells.clear();
    for (const Column& column : table.columns) cells.push_back(column.key);
    out += io::FormatCsvRow(cells);
  }
  for (const auto& row : table.rows) {
    cells.clear();
    for (size_t c = 0; c < table.columns.size(); ++c) {
      cells.push_back(c < row.size() ? CellText(row[c], table.columns[c], /*for_file=*/true) : "");
    }
    out += io::FormatCsvRow(cells);
  }
  return out;
}

int FirstDataRow(const Table& table) {
  return (table.title.empty() ? 0 : 1) + 1 + (table.key_row ? 1 : 0);
}

xlsx::Sheet& WriteSheet(const Table& table, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet(table.sheet_name.empty() ? "Sheet1" : table.sheet_name);
  const int n = static_cast<int>(table.columns.size());
  int row = 0;
  if (!table.title.empty()) {
    xlsx::Style title{.bold = true, .font_size = 14};
    if (n > 1) {
      sheet.Merge(row, 0, row, n - 1, table.title, title);
    } else {
      sheet.Text(row, 0, table.title, title);
    }
    ++row;
  }
  const xlsx::Style header{
      .bold = true, .wrap = true, .center = true, .border = true, .header_fill = true};
  std::vector<int> widths(n, 0);
  for (int c = 0; c < n; ++c) {
    sheet.Text(row, c, table.columns[c].label, header);
    widths[c] = DisplayWidth(table.columns[c].label);
  }
  ++row;
  if (table.key_row) {
    const xlsx::Style key{.border = true, .header_fill = true};
    for (int c = 0; c < n; ++c) sheet.Text(row, c, table.columns[c].key, key);
    ++row;
  }
  sheet.Freeze(row, 0);
  std::vector<std::string> formats;
  for (const Column& column : table.columns) formats.push_back(NumberFormat(column));
  for (const auto& cells : table.rows) {
    for (int c = 0; c < n && c < static_cast<int>(cells.size()); ++c) {
      const Cell& cell = cells[c];
      xlsx::Style style{.border = true, .dark_fill = cell.failing, .number_format = formats[c]};
      if (cell.number.has_value()) {
        sheet.Number(row, c, *cell.number, style);
      } else {
        sheet.Text(row, c, cell.text, style);
      }
      widths[c] = std::max(widths[c], DisplayWidth(CellText(cell, table.columns[c])));
    }
    ++row;
  }
  for (const std::string& note : table.notes) {
    if (n > 1) {
      sheet.Merge(row, 0, row, n - 1, note, xlsx::Style{.wrap = true});
    } else {
      sheet.Text(row, 0, note);
    }
    ++row;
  }
  for (int c = 0; c < n; ++c) sheet.ColumnWidth(c, c, SheetWidth(widths[c]));
  return sheet;
}

absl::Status WriteWorkbook(const std::vector<const Table*>& tables, const std::string& path) {
  auto book = xlsx::Workbook::Create(path);
  if (!book.ok()) return book.status();
  for (const Table* table : tables) WriteSheet(*table, **book);
  return (*book)->Close();
}

}  // namespace junheng::table
