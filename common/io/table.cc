#include "common/io/table.h"

#include <charconv>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/i18n/file_messages.h"

namespace junheng::io {

std::string SaveAsAdvice() { return i18n::Say(i18n::file::kSaveAs); }

std::string Table::Where(size_t row, size_t column) const {
  if (positions == Positions::kLines) return WhereRow(row);
  return i18n::Say(i18n::file::kRowColumn, row_numbers[row], ColumnLetters(column));
}

std::string Table::WhereCell(size_t row, size_t column) const {
  if (positions == Positions::kCells) return Where(row, column);
  return i18n::Say(i18n::file::kLineColumn, row_numbers[row], column + 1);
}

std::string Table::WhereRow(size_t row) const {
  return positions == Positions::kLines ? i18n::Say(i18n::file::kLine, row_numbers[row])
                                        : i18n::Say(i18n::file::kRow, row_numbers[row]);
}

const std::string& Table::Cell(size_t row, size_t column) const {
  static const std::string* const kEmpty = new std::string();
  return column < rows[row].size() ? rows[row][column] : *kEmpty;
}

std::string ColumnLetters(size_t column) {
  std::string letters;
  for (size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::string NumberText(double value) {
  if (value == 0) return "0";  // also -0
  const double magnitude = std::fabs(value);
  // Below 2^53 every whole double is exact, so it prints as the integer it is.
  if (std::trunc(value) == value && magnitude < 9007199254740992.0) {
    return absl::StrFormat("%.0f", value);
  }
  char buffer[64];
  // Plain digits where they stay short; an exponent for what no school reports (1e-9, 1e+300).
  const bool plain = magnitude >= 1e-5 && magnitude < 1e15;
  auto [end, error] =
      plain ? std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed)
            : std::to_chars(buffer, buffer + sizeof(buffer), value);
  return error == std::errc() ? std::string(buffer, end) : absl::StrCat(value);
}

bool IsBlankRow(const std::vector<std::string>& cells) {
  for (const std::string& cell : cells) {
    if (!absl::StripAsciiWhitespace(cell).empty()) return false;
  }
  return true;
}

}  // namespace junheng::io
