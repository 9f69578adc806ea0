#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

// libxlsxwriter's handles, kept out of every includer.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace junheng::xlsx {

// How a cell looks. Equal styles share one format in the workbook.
struct Style {
  bool bold = false;
  bool wrap = false;
  bool center = false;
  bool border = false;
  // A light grey background for header cells.
  bool header_fill = false;
  // The dark background the national forms ask for on a failing indicator cell.
  bool dark_fill = false;
  // An Excel number format ("0.00", "#,##0"); empty: General.
  std::string number_format;
  // Points; 0 keeps the default (11).
  double font_size = 0;

  bool operator==(const Style&) const = default;
};

// What Excel checks when someone types into a range of cells, and what it says when refused.
struct Validation {
  enum class Kind { kWholeNumber, kDecimal, kList };
  Kind kind = Kind::kDecimal;
  double minimum = 0;
  double maximum = 0;                // kWholeNumber / kDecimal: the inclusive upper bound
  std::vector<std::string> words;    // kList: the drop-down entries
  std::string prompt_title, prompt;  // shown when the cell is selected; empty: none
  std::string error_title, error;    // shown when a value is refused
};

class Workbook;

// One worksheet of a Workbook; rows and columns count from 0 as in libxlsxwriter. Writing never
// fails on the spot: the first problem is kept and returned by Workbook::Close.
class Sheet {
 public:
  void Text(int row, int col, absl::string_view text, const Style& style = {});
  void Number(int row, int col, double value, const Style& style = {});
  // Merges the range and writes `text` into it.
  void Merge(int first_row, int first_col, int last_row, int last_col, absl::string_view text,
             const Style& style = {});
  void ColumnWidth(int first_col, int last_col, double width);
  void RowHeight(int row, double height);
  // Keeps the rows above `row` and the columns left of `col` in view while scrolling.
  void Freeze(int row, int col);
  void Validate(int first_row, int first_col, int last_row, int last_col,
                const Validation& validation);
  // Landscape A4, fitted to one page wide: how a bureau prints a form.
  void PrintLandscape();

 private:
  friend class Workbook;
  Sheet(Workbook* book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}
  Workbook* book_;
  lxw_worksheet* sheet_;
};

// An .xlsx file being written. Create, add sheets, write, Close. Destroying an unclosed workbook
// closes it and drops the result.
class Workbook {
 public:
  // Fails with INVALID_ARGUMENT when `path` cannot be created.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Workbook>> Create(const std::string& path);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  // A new sheet. Excel allows 31 characters and none of []:*?/\ in a name; a name that breaks the
  // rule, or repeats one, is an INVALID_ARGUMENT at Close and its sheet is not written.
  Sheet& AddSheet(absl::string_view name);

  // Writes the file. The first problem met while writing, if any, is returned instead.
  [[nodiscard]] absl::Status Close();

 private:
  friend class Sheet;
  Workbook(lxw_workbook* book, std::string path);
  lxw_format* FormatOf(const Style& style);
  void Note(int lxw_error_code, absl::string_view what);

  lxw_workbook* book_;
  std::string path_;
  std::vector<std::pair<Style, lxw_format*>> formats_;
  std::vector<std::unique_ptr<Sheet>> sheets_;
  // Sheets whose names were refused: writes to them go nowhere.
  std::unique_ptr<Sheet> discarded_;
  absl::Status first_problem_;
  bool closed_ = false;
};

}  // namespace junheng::xlsx
