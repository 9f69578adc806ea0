// xlsx_to_html WORKBOOK.xlsx OUT_DIR [SHEET...]: one HTML page per sheet of a workbook, drawn from
// the cells liborcus reads back (ReadWorkbookCells: values, number formats, fills, merges), so
// that the pictures in docs/ show what a reader of the file gets, not what the writer meant. A
// headless browser turns each page into a PNG (docs/images/README.md).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "tests/testing/xlsx_cells.h"

namespace {

using junheng::testing::SheetCell;
using junheng::testing::SheetCells;

std::string Escape(const std::string& text) {
  return absl::StrReplaceAll(text, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\n", "<br>"}});
}

// The number as its format shows it: decimals after the point, thousands grouped for "#,##0".
std::string Shown(const SheetCell& cell) {
  if (!cell.number.has_value()) return Escape(cell.text);
  const std::string& f = cell.number_format;
  size_t point = f.find('.');
  int decimals = point == std::string::npos ? 0 : static_cast<int>(f.size() - point - 1);
  if (f.empty()) {
    std::string general = absl::StrFormat("%.10g", *cell.number);
    return general;
  }
  std::string digits = absl::StrFormat("%.*f", decimals, *cell.number);
  if (f.find(',') == std::string::npos) return digits;
  std::string whole = digits.substr(0, digits.find('.'));
  std::string rest = digits.substr(whole.size());
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0 && whole[i - 1] != '-') grouped += ',';
    grouped += whole[i];
  }
  return grouped + rest;
}

std::string Page(const std::string& name, const SheetCells& sheet) {
  int rows = 0, cols = 0;
  for (const auto& [at, cell] : sheet.cells) {
    rows = std::max(rows, at.first + 1);
    cols = std::max(cols, at.second + 1);
  }
  std::map<std::pair<int, int>, std::array<int, 4>> starts;
  std::set<std::pair<int, int>> covered;
  for (const auto& m : sheet.merges) {
    starts[{m[0], m[1]}] = m;
    rows = std::max(rows, m[2] + 1);
    cols = std::max(cols, m[3] + 1);
    for (int r = m[0]; r <= m[2]; ++r) {
      for (int c = m[1]; c <= m[3]; ++c) {
        if (r != m[0] || c != m[1]) covered.insert({r, c});
      }
    }
  }
  std::string html = absl::StrCat(
      "<!doctype html><html><head><meta charset=\"utf-8\"><title>", Escape(name),
      "</title><style>body{font-family:'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;"
      "font-size:12px;margin:12px;background:#fff}table{border-collapse:collapse}"
      "td{border:1px solid #bbb;padding:2px 5px;vertical-align:middle;max-width:420px}"
      "td.n{text-align:right}"
      "th{background:#eee;border:1px solid #bbb;font-weight:normal;color:#666;padding:1px 4px}"
      "caption{text-align:left;color:#666;padding:4px 0}</style></head><body><table><caption>",
      Escape(name), "</caption><tr><th></th>");
  for (int c = 0; c < cols; ++c) {
    absl::StrAppend(&html, "<th>", std::string(1, static_cast<char>('A' + c % 26)), "</th>");
  }
  absl::StrAppend(&html, "</tr>");
  for (int r = 0; r < rows; ++r) {
    absl::StrAppend(&html, "<tr><th>", r + 1, "</th>");
    for (int c = 0; c < cols; ++c) {
      if (covered.contains({r, c})) continue;
      auto found = sheet.cells.find({r, c});
      SheetCell cell = found == sheet.cells.end() ? SheetCell{} : found->second;
      std::string attributes;
      if (auto m = starts.find({r, c}); m != starts.end()) {
        absl::StrAppend(&attributes, " rowspan=\"", m->second[2] - r + 1, "\" colspan=\"",
                        m->second[3] - c + 1, "\"");
      }
      if (cell.filled) {
        // Light fills (headers) keep black text; the forms' dark fill turns it white.
        const uint32_t rgb = cell.fill_rgb;
        const int light = ((rgb >> 16) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
        absl::StrAppend(&attributes, absl::StrFormat(" style=\"background:#%06x;color:%s\"", rgb,
                                                     light < 160 ? "#fff" : "#000"));
      }
      absl::StrAppend(&html, "<td", cell.number.has_value() ? " class=\"n\"" : "", attributes, ">",
                      Shown(cell), "</td>");
    }
    absl::StrAppend(&html, "</tr>");
  }
  absl::StrAppend(&html, "</table></body></html>\n");
  return html;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: xlsx_to_html WORKBOOK.xlsx OUT_DIR [SHEET...]\n";
    return 2;
  }
  auto book = junheng::testing::ReadWorkbookCells(argv[1]);
  if (!book.ok()) {
    std::cerr << book.status().message() << "\n";
    return 1;
  }
  std::set<std::string> wanted(argv + 3, argv + argc);
  int n = 0;
  for (const std::string& name : book->sheet_names) {
    ++n;
    if (!wanted.empty() && !wanted.contains(name)) continue;
    std::string path = absl::StrCat(argv[2], "/sheet", n, ".html");
    std::ofstream(path) << Page(name, book->sheets.at(name));
    std::cout << path << "  " << name << "\n";
  }
  return 0;
}
