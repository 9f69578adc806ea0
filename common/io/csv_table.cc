#include "common/io/csv_table.h"

#include <csv.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace junheng::io {
namespace {

// What libcsv's field and row callbacks build up.
struct ParseState {
  std::vector<std::string> current;
  std::vector<std::vector<std::string>> rows;
};

void OnField(void* data, size_t len, void* state) {
  static_cast<ParseState*>(state)->current.emplace_back(static_cast<const char*>(data), len);
}

void OnRowEnd(int /*terminator*/, void* state) {
  auto* s = static_cast<ParseState*>(state);
  s->rows.push_back(std::move(s->current));
  s->current.clear();
}

}  // namespace

absl::StatusOr<Table> ParseCsv(absl::string_view text, char separator) {
  constexpr absl::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return absl::InternalError("cannot initialise the CSV parser");
  }
  csv_set_delim(&parser, static_cast<unsigned char>(separator));
  ParseState state;
  // libcsv reports no positions, so the text is fed one physical line at a time and each finished
  // row is attributed to the line on which the parser last stood outside any row.
  std::vector<int> row_lines;
  int line = 1;
  int row_start_line = 1;
  constexpr int kRowNotBegun = 0;  // libcsv's parser state between rows
  for (size_t pos = 0; pos < text.size(); ++line) {
    if (parser.pstate == kRowNotBegun && state.current.empty()) row_start_line = line;
    size_t end = text.find('\n', pos);
    size_t len = (end == absl::string_view::npos ? text.size() : end + 1) - pos;
    size_t rows_before = state.rows.size();
    if (csv_parse(&parser, text.data() + pos, len, OnField, OnRowEnd, &state) != len) {
      std::string why = csv_strerror(csv_error(&parser));
      csv_free(&parser);
      return absl::InvalidArgumentError(
          absl::StrCat("CSV line ", line, ": ", why,
                       " (a cell that contains a quote must be wrapped in quotes and each quote "
                       "inside it doubled)"));
    }
    row_lines.resize(row_lines.size() + (state.rows.size() - rows_before), row_start_line);
    pos += len;
  }
  if (csv_fini(&parser, OnField, OnRowEnd, &state) != 0) {
    csv_free(&parser);
    return absl::InvalidArgumentError(
        absl::StrCat("CSV line ", row_start_line,
                     ": a quoted cell is never closed (add the missing closing quote)"));
  }
  row_lines.resize(state.rows.size(), row_start_line);
  csv_free(&parser);

  Table table;
  table.source = "the CSV file";
  for (size_t i = 0; i < state.rows.size(); ++i) {
    if (IsBlankRow(state.rows[i])) continue;
    table.rows.push_back(std::move(state.rows[i]));
    table.row_numbers.push_back(row_lines[i]);
  }
  return table;
}

char DetectSeparator(absl::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.find('\n', pos), text.size());
    absl::string_view line = text.substr(pos, end - pos);
    bool tab = line.find('\t') != absl::string_view::npos;
    bool comma = line.find(',') != absl::string_view::npos;
    if (tab || comma) return tab && !comma ? '\t' : ',';
    pos = end + 1;
  }
  return ',';
}

std::string FormatCsvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& cell = cells[i];
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += '\n';
  return out;
}

}  // namespace junheng::io
