#include "common/xlsx/workbook.h"

#include <xlsxwriter.h>

#include <cstdio>

#include "absl/strings/str_cat.h"

namespace junheng::xlsx {
namespace {

constexpr lxw_color_t kHeaderGrey = 0xD9D9D9;
constexpr lxw_color_t kFailingGrey = 0x7F7F7F;
constexpr lxw_color_t kWhite = 0xFFFFFF;

// libxlsxwriter keeps its own copies of every string it is given but declares them char*.
char* Mutable(const std::string& text) { return const_cast<char*>(text.c_str()); }

// Characters, not bytes: Excel's limits on validation texts count characters.
size_t CharacterCount(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// Excel refuses longer validation texts, and libxlsxwriter would print a warning of its own.
bool FitsExcelLimits(const Validation& v) {
  constexpr size_t kTitle = 32, kMessage = 255, kList = 255;
  size_t list = 0;
  for (const std::string& word : v.words) list += CharacterCount(word) + 1;
  return CharacterCount(v.prompt_title) <= kTitle && CharacterCount(v.error_title) <= kTitle &&
         CharacterCount(v.prompt) <= kMessage && CharacterCount(v.error) <= kMessage &&
         list <= kList;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Workbook>> Workbook::Create(const std::string& path) {
  // libxlsxwriter opens the file only when closing; find an unwritable path before any work.
  std::FILE* probe = std::fopen(path.c_str(), "wb");
  if (probe == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write ", path, ": check that the folder exists and is writable"));
  }
  std::fclose(probe);
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) return absl::ResourceExhaustedError("cannot start an xlsx workbook");
  return std::unique_ptr<Workbook>(new Workbook(book, path));
}

Workbook::Workbook(lxw_workbook* book, std::string path)
    : book_(book), path_(std::move(path)), discarded_(new Sheet(this, nullptr)) {}

Workbook::~Workbook() {
  if (!closed_) (void)Close();
}

Sheet& Workbook::AddSheet(absl::string_view name) {
  std::string owned(name);
  if (workbook_validate_sheet_name(book_, owned.c_str()) != LXW_NO_ERROR) {
    if (first_problem_.ok()) {
      first_problem_ = absl::InvalidArgumentError(
          absl::StrCat("sheet name '", owned,
                       "' is longer than 31 characters, repeats a sheet or holds one of "
                       "[]:*?/\\"));
    }
    return *discarded_;
  }
  lxw_worksheet* sheet = workbook_add_worksheet(book_, owned.c_str());
  if (sheet == nullptr) {
    Note(LXW_ERROR_MEMORY_MALLOC_FAILED, owned);
    return *discarded_;
  }
  sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(this, sheet)));
  return *sheets_.back();
}

absl::Status Workbook::Close() {
  if (closed_) return first_problem_;
  closed_ = true;
  lxw_error closed = workbook_close(book_);
  if (first_problem_.ok() && closed != LXW_NO_ERROR) {
    first_problem_ =
        absl::UnavailableError(absl::StrCat("cannot write ", path_, ": ", lxw_strerror(closed)));
  }
  if (!first_problem_.ok()) std::remove(path_.c_str());
  return first_problem_;
}

lxw_format* Workbook::FormatOf(const Style& style) {
  for (const auto& [known, format] : formats_) {
    if (known == style) return format;
  }
  lxw_format* format = workbook_add_format(book_);
  if (style.bold) format_set_bold(format);
  if (style.wrap) format_set_text_wrap(format);
  if (style.center) {
    format_set_align(format, LXW_ALIGN_CENTER);
    format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
  }
  if (style.border) format_set_border(format, LXW_BORDER_THIN);
  if (style.header_fill) format_set_bg_color(format, kHeaderGrey);
  if (style.dark_fill) {
    format_set_bg_color(format, kFailingGrey);
    format_set_font_color(format, kWhite);
  }
  if (!style.number_format.empty()) format_set_num_format(format, style.number_format.c_str());
  if (style.font_size > 0) format_set_font_size(format, style.font_size);
  formats_.emplace_back(style, format);
  return format;
}

void Workbook::Note(int lxw_error_code, absl::string_view what) {
  if (lxw_error_code == LXW_NO_ERROR || !first_problem_.ok()) return;
  first_problem_ = absl::InvalidArgumentError(
      absl::StrCat(what, ": ", lxw_strerror(static_cast<lxw_error>(lxw_error_code))));
}

void Sheet::Text(int row, int col, absl::string_view text, const Style& style) {
  if (sheet_ == nullptr) return;
  std::string owned(text);
  book_->Note(worksheet_write_string(sheet_, row, col, owned.c_str(), book_->FormatOf(style)),
              absl::StrCat("cell text '", owned.substr(0, 40), "'"));
}

void Sheet::Number(int row, int col, double value, const Style& style) {
  if (sheet_ == nullptr) return;
  book_->Note(worksheet_write_number(sheet_, row, col, value, book_->FormatOf(style)),
              "cell number");
}

void Sheet::Merge(int first_row, int first_col, int last_row, int last_col, absl::string_view text,
                  const Style& style) {
  if (sheet_ == nullptr) return;
  std::string owned(text);
  book_->Note(worksheet_merge_range(sheet_, first_row, first_col, last_row, last_col, owned.c_str(),
                                    book_->FormatOf(style)),
              absl::StrCat("merged cells '", owned.substr(0, 40), "'"));
}

void Sheet::ColumnWidth(int first_col, int last_col, double width) {
  if (sheet_ == nullptr) return;
  book_->Note(worksheet_set_column(sheet_, first_col, last_col, width, nullptr), "column width");
}

void Sheet::RowHeight(int row, double height) {
  if (sheet_ == nullptr) return;
  book_->Note(worksheet_set_row(sheet_, row, height, nullptr), "row height");
}

void Sheet::Freeze(int row, int col) {
  if (sheet_ != nullptr) worksheet_freeze_panes(sheet_, row, col);
}

void Sheet::PrintLandscape() {
  if (sheet_ == nullptr) return;
  constexpr uint8_t kA4 = 9;
  worksheet_set_landscape(sheet_);
  worksheet_set_paper(sheet_, kA4);
  worksheet_fit_to_pages(sheet_, 1, 0);
}

void Sheet::Validate(int first_row, int first_col, int last_row, int last_col,
                     const Validation& validation) {
  if (sheet_ == nullptr) return;
  if (!FitsExcelLimits(validation)) {
    book_->Note(LXW_ERROR_PARAMETER_VALIDATION, "cell validation text longer than Excel allows");
    return;
  }
  lxw_data_validation rule = {};
  std::vector<char*> words;
  switch (validation.kind) {
    case Validation::Kind::kWholeNumber:
    case Validation::Kind::kDecimal:
      rule.validate = validation.kind == Validation::Kind::kWholeNumber
                          ? LXW_VALIDATION_TYPE_INTEGER
                          : LXW_VALIDATION_TYPE_DECIMAL;
      rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      rule.minimum_number = validation.minimum;
      rule.maximum_number = validation.maximum;
      break;
    case Validation::Kind::kList:
      rule.validate = LXW_VALIDATION_TYPE_LIST;
      for (const std::string& word : validation.words) words.push_back(Mutable(word));
      words.push_back(nullptr);
      rule.value_list = words.data();
      break;
  }
  if (!validation.prompt.empty()) {
    rule.input_title = Mutable(validation.prompt_title);
    rule.input_message = Mutable(validation.prompt);
  }
  if (!validation.error.empty()) {
    rule.error_title = Mutable(validation.error_title);
    rule.error_message = Mutable(validation.error);
  }
  book_->Note(
      worksheet_data_validation_range(sheet_, first_row, first_col, last_row, last_col, &rule),
      "cell validation");
}

}  // namespace junheng::xlsx
