#pragma once

// Workbooks written in the test with libxlsxwriter's C API, as the template and Excel write them:
// shared strings, numbers, booleans, named sheets. Link PkgConfig::XLSXWRITER.

#include <xlsxwriter.h>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace junheng::testing {

// A cell: text, a number or a boolean; an empty string writes no cell.
using XlsxCell = std::variant<std::string, double, bool>;

struct XlsxSheet {
  std::string name;
  std::vector<std::vector<XlsxCell>> rows;  // from A1 on
  bool hidden = false;
};

// Writes the sheets to `path` and returns the file's bytes ("" when libxlsxwriter fails). A hidden
// sheet needs another one to be shown: the first visible sheet is made the active one.
inline std::string WriteXlsx(const std::string& path, const std::vector<XlsxSheet>& sheets) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return "";
  bool activated = false;
  for (const XlsxSheet& sheet : sheets) {
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const XlsxCell& cell = sheet.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        if (const auto* text = std::get_if<std::string>(&cell)) {
          if (!text->empty()) worksheet_write_string(worksheet, row, col, text->c_str(), nullptr);
        } else if (const auto* number = std::get_if<double>(&cell)) {
          worksheet_write_number(worksheet, row, col, *number, nullptr);
        } else {
          worksheet_write_boolean(worksheet, row, col, std::get<bool>(cell), nullptr);
        }
      }
    }
    if (!sheet.hidden && !activated) {
      worksheet_activate(worksheet);
      activated = true;
    }
    if (sheet.hidden) worksheet_hide(worksheet);
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) return "";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace junheng::testing
