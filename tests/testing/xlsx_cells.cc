#include "tests/testing/xlsx_cells.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "ixion/address.hpp"
#include "ixion/model_context.hpp"
#include "orcus/orcus_xlsx.hpp"
#include "orcus/spreadsheet/document.hpp"
#include "orcus/spreadsheet/factory.hpp"
#include "orcus/spreadsheet/sheet.hpp"
#include "orcus/spreadsheet/styles.hpp"

namespace junheng::testing {
namespace {

std::pair<int, int> FromA1(const std::string& a1) {
  int col = 0;
  size_t i = 0;
  while (i < a1.size() && a1[i] >= 'A' && a1[i] <= 'Z') col = col * 26 + (a1[i++] - 'A' + 1);
  return {std::stoi(a1.substr(i)) - 1, col - 1};
}

}  // namespace

SheetCell SheetCells::At(const std::string& a1) const {
  auto it = cells.find(FromA1(a1));
  return it == cells.end() ? SheetCell{} : it->second;
}

bool SheetCells::IsMerged(const std::string& first_a1, const std::string& last_a1) const {
  auto [r1, c1] = FromA1(first_a1);
  auto [r2, c2] = FromA1(last_a1);
  for (const auto& m : merges) {
    if (m == std::array<int, 4>{r1, c1, r2, c2}) return true;
  }
  return false;
}

bool StoredInFull(std::optional<double> read, std::optional<double> value) {
  if (!read.has_value() || !value.has_value()) return read.has_value() == value.has_value();
  return std::fabs(*read - *value) <= 1e-14 * std::max(1.0, std::fabs(*value));
}

absl::StatusOr<WorkbookCells> ReadWorkbookCells(const std::string& path) {
  namespace ss = orcus::spreadsheet;
  try {
    ss::document doc{ss::range_size_t{1048576, 16384}};
    ss::import_factory factory{doc};
    orcus::orcus_xlsx reader{&factory};
    reader.read_file(path);
    const ixion::model_context& model = doc.get_model_context();
    const ss::styles& styles = doc.get_styles();
    WorkbookCells out;
    for (size_t s = 0; s < doc.get_sheet_count(); ++s) {
      std::string name(doc.get_sheet_name(s));
      out.sheet_names.push_back(name);
      SheetCells& sheet = out.sheets[name];
      const ss::sheet* data = doc.get_sheet(s);
      ixion::abs_range_t range = data->get_data_range();
      std::set<std::array<int, 4>> merges;
      for (int r = range.first.row; r >= 0 && r <= range.last.row; ++r) {
        for (int c = range.first.column; c >= 0 && c <= range.last.column; ++c) {
          ixion::abs_address_t at(s, r, c);
          SheetCell cell;
          switch (model.get_celltype(at)) {
            case ixion::celltype_t::string:
              cell.text = std::string(model.get_string_value(at));
              break;
            case ixion::celltype_t::numeric:
            case ixion::celltype_t::formula:
              cell.number = model.get_numeric_value(at);
              break;
            case ixion::celltype_t::boolean:
              cell.number = model.get_boolean_value(at) ? 1 : 0;
              break;
            default:
              break;
          }
          size_t xf = data->get_cell_format(r, c);
          if (const ss::cell_format_t* format = styles.get_cell_format(xf)) {
            // cell_format_t holds the numFmtId; the styles list custom formats by index.
            for (size_t i = 0; i < styles.get_number_format_count(); ++i) {
              const ss::number_format_t* nf = styles.get_number_format(i);
              if (nf->identifier == format->number_format) {
                cell.number_format = std::string(nf->format_string);
              }
            }
            if (const ss::fill_t* fill = styles.get_fill(format->fill)) {
              cell.filled = fill->pattern_type == ss::fill_pattern_t::solid;
              if (cell.filled) {
                cell.fill_rgb = static_cast<uint32_t>(fill->fg_color.red) << 16 |
                                static_cast<uint32_t>(fill->fg_color.green) << 8 |
                                fill->fg_color.blue;
              }
            }
          }
          ss::range_t merged = data->get_merge_cell_range(r, c);
          if (merged.last.row != merged.first.row || merged.last.column != merged.first.column) {
            merges.insert(
                {merged.first.row, merged.first.column, merged.last.row, merged.last.column});
          }
          bool empty = cell.text.empty() && !cell.number.has_value() && !cell.filled &&
                       cell.number_format.empty();
          if (!empty) sheet.cells[{r, c}] = std::move(cell);
        }
      }
      sheet.merges.assign(merges.begin(), merges.end());
    }
    return out;
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("cannot read ", path, ": ", e.what()));
  }
}

}  // namespace junheng::testing
