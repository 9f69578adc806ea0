#include "common/io/xlsx_table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "common/io/text_decoding.h"
#include "orcus/sax_parser.hpp"
#include "orcus/zip_archive.hpp"
#include "orcus/zip_archive_stream.hpp"

// Why not orcus::orcus_xlsx: Debian 12's liborcus 0.17 drops inline-string cells, which openpyxl
// (pandas) and Apache POI's streaming writer (behind many exports of Chinese systems) write, and
// skips every worksheet whose relationship names it by an absolute part name, as openpyxl does;
// such a workbook would read as an empty sheet. The cell model this reader needs is small, so it
// reads the parts itself with liborcus' zip archive and SAX parser.

namespace junheng::io {
namespace {

// Excel's own limits: the rows and columns a worksheet can have.
constexpr int kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;
// Limits of junheng's, far above any county's workbook (a registry of 500 schools is a sheet part
// of about 2 MB): what one part may inflate to, and how many cells a sheet may span from A1.
constexpr uint32_t kMaxPartBytes = 64u << 20;
constexpr size_t kMaxSheetCells = size_t{1} << 22;
// Deflate cannot compress by more than this; a zip that claims more is damaged or hostile.
constexpr uint32_t kMaxDeflateRatio = 1032;

uint32_t Little(absl::string_view bytes, size_t at, size_t width) {
  uint32_t value = 0;
  for (size_t i = width; i-- > 0;) value = value << 8 | static_cast<uint8_t>(bytes[at + i]);
  return value;
}

// Whether every entry of the zip's central directory has sizes a real workbook can have.
// liborcus 0.17 allocates each entry's declared size before reading it, so a damaged size field
// (or a zip bomb) would take the client's memory; the directory is checked here first, the way
// liborcus will walk it: the end record in the last 22 + 65535 bytes, then the entries.
bool ZipSizesArePlausible(absl::string_view bytes) {
  constexpr absl::string_view kEnd = "PK\x05\x06";
  const size_t window = std::min(bytes.size(), size_t{22 + 0xFFFF});
  const size_t end = bytes.substr(bytes.size() - window).rfind(kEnd);
  if (end == absl::string_view::npos) return false;
  const size_t end_at = bytes.size() - window + end;
  if (end_at + 22 > bytes.size()) return false;
  size_t at = Little(bytes, end_at + 16, 4);
  while (at + 46 <= bytes.size() && Little(bytes, at, 4) == 0x02014b50) {
    const uint32_t method = Little(bytes, at + 10, 2);
    const uint32_t compressed = Little(bytes, at + 20, 4);
    const uint32_t inflated = Little(bytes, at + 24, 4);
    if (compressed > bytes.size() || inflated > kMaxPartBytes) return false;
    if (method == 8 && inflated > 0 &&
        (compressed == 0 || inflated / compressed > kMaxDeflateRatio)) {
      return false;
    }
    at += 46 + Little(bytes, at + 28, 2) + Little(bytes, at + 30, 2) + Little(bytes, at + 32, 2);
  }
  return true;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;

absl::string_view Attribute(const Attributes& attributes, absl::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return "";
}

// Receives the elements of one XML part by local name: namespace prefixes are dropped, so a
// workbook written with prefixed elements (<x:c>) or in Strict OOXML reads the same.
class XmlVisitor {
 public:
  virtual ~XmlVisitor() = default;
  virtual void Open(absl::string_view name, const Attributes& attributes) = 0;
  virtual void Close(absl::string_view /*name*/) {}
  virtual void Text(absl::string_view /*text*/) {}
};

// orcus speaks std::string_view, which Debian's abseil does not alias.
absl::string_view View(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

// orcus::sax_parser's handler. The parser reports an element's attributes before the element
// itself (and those of the <?xml?> declaration before it ends), so they are gathered here.
class SaxHandler {
 public:
  explicit SaxHandler(XmlVisitor* visitor) : visitor_(visitor) {}
  void doctype(const orcus::sax::doctype_declaration&) {}
  void start_declaration(std::string_view) {}
  void end_declaration(std::string_view) { attributes_.clear(); }
  void start_element(const orcus::sax::parser_element& element) {
    visitor_->Open(View(element.name), attributes_);
    attributes_.clear();
  }
  void end_element(const orcus::sax::parser_element& element) {
    visitor_->Close(View(element.name));
  }
  void characters(std::string_view text, bool /*transient*/) { visitor_->Text(View(text)); }
  void attribute(const orcus::sax::parser_attribute& attribute) {
    if (attribute.ns == "xmlns" || (attribute.ns.empty() && attribute.name == "xmlns")) return;
    attributes_.emplace_back(std::string(attribute.name), std::string(attribute.value));
  }

 private:
  XmlVisitor* visitor_;
  Attributes attributes_;
};

// The error every reading failure of a part becomes: orcus' own exceptions carry no sentence a
// clerk could act on (its zip errors have none at all).
struct Unreadable {
  std::string sentence;
};

// Whether every numeric character reference (&#20013; &#x4E2D;) in the XML names a code point.
// liborcus 0.17 (as Debian builds it) aborts the process on one beyond U+10FFFF instead of
// throwing, so a damaged part must not reach its parser.
bool CharacterReferencesAreValid(absl::string_view xml) {
  for (size_t at = xml.find("&#"); at != absl::string_view::npos; at = xml.find("&#", at + 2)) {
    const size_t end = xml.find(';', at);
    if (end == absl::string_view::npos || end - at > 12) return false;
    absl::string_view digits = xml.substr(at + 2, end - at - 2);
    uint32_t code = 0;
    const bool parsed = absl::ConsumePrefix(&digits, "x") ? absl::SimpleHexAtoi(digits, &code)
                                                          : absl::SimpleAtoi(digits, &code);
    if (!parsed || digits.empty() || code == 0 || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
  }
  return true;
}

// An Office Open XML package: a zip archive of parts named by paths ("xl/workbook.xml").
class Package {
 public:
  explicit Package(absl::string_view bytes)
      : stream_(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), archive_(&stream_) {
    archive_.load();
  }

  // The part's bytes, or nullopt when the package has none of that name.
  std::optional<std::vector<unsigned char>> Part(const std::string& name) const {
    std::vector<unsigned char> bytes;
    if (!archive_.read_file_entry(name, bytes)) return std::nullopt;
    return bytes;
  }

  // Parses the part with `visitor`; false when the package has no such part.
  bool Parse(const std::string& name, XmlVisitor& visitor) const {
    std::optional<std::vector<unsigned char>> xml = Part(name);
    if (!xml) return false;
    if (xml->empty()) return true;
    const std::string damaged = absl::StrCat("the workbook is damaged: its part ", name,
                                             " is not well-formed XML; ", SaveAsAdvice());
    if (!CharacterReferencesAreValid(
            absl::string_view(reinterpret_cast<const char*>(xml->data()), xml->size()))) {
      throw Unreadable{damaged};
    }
    // liborcus 0.17's parser reads the character after a truncated tag before it notices the end:
    // like orcus_xlsx, it is given text followed by a NUL, which ends every token it scans.
    const size_t size = xml->size();
    xml->push_back('\0');
    SaxHandler handler(&visitor);
    orcus::sax_parser<SaxHandler> parser(reinterpret_cast<const char*>(xml->data()), size, handler);
    try {
      parser.parse();
    } catch (const std::exception&) {
      throw Unreadable{damaged};
    }
    return true;
  }

 private:
  orcus::zip_archive_stream_blob stream_;
  orcus::zip_archive archive_;
};

// The directory of a part name, with its trailing slash: "xl/workbook.xml" -> "xl/".
std::string DirectoryOf(absl::string_view part) {
  size_t slash = part.rfind('/');
  return slash == absl::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

// The part a relationship target names: relative to `directory`, or absolute when it starts with
// '/' (openpyxl writes "/xl/worksheets/sheet1.xml").
std::string ResolveTarget(absl::string_view directory, absl::string_view target) {
  std::vector<absl::string_view> parts;
  if (!absl::StartsWith(target, "/")) {
    for (absl::string_view part : absl::StrSplit(directory, '/', absl::SkipEmpty())) {
      parts.push_back(part);
    }
  }
  for (absl::string_view part : absl::StrSplit(target, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return absl::StrJoin(parts, "/");
}

struct Relationship {
  std::string type;  // the last segment of the type URI: "worksheet", "sharedStrings", "styles"
  std::string part;  // the resolved part name
};

// The relationships of `part` (from "<dir>/_rels/<name>.rels"), by id; empty when it has none.
std::map<std::string, Relationship> ReadRelationships(const Package& package,
                                                      const std::string& part) {
  class Visitor : public XmlVisitor {
   public:
    explicit Visitor(std::string directory) : directory_(std::move(directory)) {}
    void Open(absl::string_view name, const Attributes& attributes) override {
      if (name != "Relationship" || Attribute(attributes, "TargetMode") == "External") return;
      absl::string_view type = Attribute(attributes, "Type");
      type = type.substr(type.rfind('/') + 1);
      relationships[std::string(Attribute(attributes, "Id"))] = {
          std::string(type), ResolveTarget(directory_, Attribute(attributes, "Target"))};
    }
    std::map<std::string, Relationship> relationships;

   private:
    std::string directory_;
  };
  const std::string directory = DirectoryOf(part);
  Visitor visitor(directory);
  package.Parse(absl::StrCat(directory, "_rels/", part.substr(directory.size()), ".rels"), visitor);
  return std::move(visitor.relationships);
}

struct SheetEntry {
  std::string name;
  std::string relationship;
  bool visible = true;
};

struct Workbook {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

// The workbook part's sheets and date system, or nullopt when the package has no such part.
std::optional<Workbook> ReadWorkbook(const Package& package, const std::string& part) {
  class Visitor : public XmlVisitor {
   public:
    void Open(absl::string_view name, const Attributes& attributes) override {
      if (name == "workbookPr") {
        absl::string_view date1904 = Attribute(attributes, "date1904");
        workbook.date1904 = date1904 == "1" || date1904 == "true";
      } else if (name == "sheet") {
        absl::string_view state = Attribute(attributes, "state");
        workbook.sheets.push_back(
            {std::string(absl::StripAsciiWhitespace(Attribute(attributes, "name"))),
             std::string(Attribute(attributes, "id")), state != "hidden" && state != "veryHidden"});
      }
    }
    Workbook workbook;
  };
  Visitor visitor;
  if (!package.Parse(part, visitor)) return std::nullopt;
  return std::move(visitor.workbook);
}

// Text elements (<t>) of a shared string item or an inline string, without the phonetic runs
// (<rPh>) that East Asian spreadsheets keep beside the text.
class RichText {
 public:
  void Open(absl::string_view name) {
    if (name == "rPh") ++phonetic_depth_;
    if (name == "t") in_text_ = true;
  }
  void Close(absl::string_view name) {
    if (name == "rPh" && phonetic_depth_ > 0) --phonetic_depth_;
    if (name == "t") in_text_ = false;
  }
  void Text(absl::string_view text) {
    if (in_text_ && phonetic_depth_ == 0) absl::StrAppend(&text_, text);
  }
  // The text gathered since the last call.
  std::string Take() {
    in_text_ = false;
    phonetic_depth_ = 0;
    return std::exchange(text_, "");
  }

 private:
  std::string text_;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

// Office Open XML writes characters XML cannot hold as _xHHHH_ (a carriage return as _x000D_) and
// a literal "_x" as _x005F_x.
std::string DecodeEscapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    uint32_t code = 0;
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_' &&
        absl::SimpleHexAtoi(absl::string_view(text).substr(i + 2, 4), &code) &&
        (code < 0xD800 || code > 0xDFFF)) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 6;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::vector<std::string> ReadSharedStrings(const Package& package, const std::string& part) {
  class Visitor : public XmlVisitor {
   public:
    void Open(absl::string_view name, const Attributes&) override {
      if (name == "si") text_.Take();
      text_.Open(name);
    }
    void Close(absl::string_view name) override {
      text_.Close(name);
      if (name == "si") strings.push_back(DecodeEscapes(text_.Take()));
    }
    void Text(absl::string_view text) override { text_.Text(text); }
    std::vector<std::string> strings;

   private:
    RichText text_;
  };
  Visitor visitor;
  package.Parse(part, visitor);
  return std::move(visitor.strings);
}

// Whether a number format code shows a date or a time: it has a y, m, d, h or s outside quoted
// text, escaped characters and bracketed sections ([Red], [$-804], [DBNum1]), or an elapsed-time
// section ([h], [mm]).
bool CodeShowsDate(absl::string_view code) {
  const std::string lower = absl::AsciiStrToLower(code);
  for (size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c == '"') {
      i = lower.find('"', i + 1);
      if (i == std::string::npos) return false;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal, padding or fill
    } else if (c == '[') {
      size_t end = lower.find(']', i);
      if (end == std::string::npos) return false;
      absl::string_view inside = absl::string_view(lower).substr(i + 1, end - i - 1);
      if (!inside.empty() && inside.find_first_not_of(inside[0]) == absl::string_view::npos &&
          (inside[0] == 'h' || inside[0] == 'm' || inside[0] == 's')) {
        return true;
      }
      i = end;
    } else if (lower.compare(i, 7, "general") == 0) {
      i += 6;
    } else if (c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's') {
      return true;
    }
  }
  return false;
}

// Excel's built-in number formats that show dates and times, those of Chinese, Japanese and
// Korean Excel (27-36, 50-58) included.
bool BuiltInFormatShowsDate(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// For each cell format (the s attribute of a cell), whether it shows a date or time.
std::vector<bool> ReadDateFormats(const Package& package, const std::string& part) {
  class Visitor : public XmlVisitor {
   public:
    void Open(absl::string_view name, const Attributes& attributes) override {
      int id = 0;
      if (name == "numFmts") in_formats_ = true;
      if (name == "cellXfs") in_cell_formats_ = true;
      if (name == "numFmt" && in_formats_ &&
          absl::SimpleAtoi(Attribute(attributes, "numFmtId"), &id)) {
        codes_[id] = std::string(Attribute(attributes, "formatCode"));
      }
      if (name == "xf" && in_cell_formats_) {
        if (!absl::SimpleAtoi(Attribute(attributes, "numFmtId"), &id)) id = 0;
        formats_.push_back(id);
      }
    }
    void Close(absl::string_view name) override {
      if (name == "numFmts") in_formats_ = false;
      if (name == "cellXfs") in_cell_formats_ = false;
    }
    std::vector<bool> DateFormats() const {
      std::vector<bool> dates;
      for (int id : formats_) {
        auto code = codes_.find(id);
        dates.push_back(code == codes_.end() ? BuiltInFormatShowsDate(id)
                                             : CodeShowsDate(code->second));
      }
      return dates;
    }

   private:
    bool in_formats_ = false;
    bool in_cell_formats_ = false;
    std::map<int, std::string> codes_;
    std::vector<int> formats_;
  };
  Visitor visitor;
  package.Parse(part, visitor);
  return visitor.DateFormats();
}

// "2024-09-01", "2024-09-01 10:30:00" or, below one day, "10:30:00"; nullopt outside the dates a
// spreadsheet can show (years 1900 to 9999).
std::optional<std::string> DateText(double serial, bool date1904) {
  if (!(serial >= 0 && serial < 2958466)) return std::nullopt;
  const int64_t seconds = std::llround(serial * 86400);
  const int64_t days = seconds / 86400;
  const int64_t time = seconds % 86400;
  std::string date;
  if (date1904) {
    date = absl::FormatCivilTime(absl::CivilDay(1904, 1, 1) + days);
  } else if (days == 60) {
    date = "1900-02-29";  // the day Lotus 1-2-3 invented and Excel keeps
  } else {
    // Day 1 is 1900-01-01; from day 61 on, the invented 29 February is counted in.
    date = absl::FormatCivilTime(absl::CivilDay(1899, 12, days < 60 ? 31 : 30) + days);
  }
  const std::string clock =
      absl::StrFormat("%02d:%02d:%02d", time / 3600, time / 60 % 60, time % 60);
  if (!date1904 && days == 0) return clock;
  return time == 0 ? date : absl::StrCat(date, " ", clock);
}

// Parses "B12" into a 0-based column and a 1-based row; false for anything else.
bool ParseCellReference(absl::string_view reference, int* column, int* row) {
  size_t i = 0;
  int col = 0;
  while (i < reference.size() && absl::ascii_isalpha(static_cast<unsigned char>(reference[i]))) {
    col = col * 26 + (absl::ascii_toupper(static_cast<unsigned char>(reference[i])) - 'A' + 1);
    if (col > kMaxColumns) return false;
    ++i;
  }
  if (i == 0 || !absl::SimpleAtoi(reference.substr(i), row) || *row < 1 || *row > kMaxRows) {
    return false;
  }
  *column = col - 1;
  return true;
}

// The cells of one worksheet, by row number, each row as dense as its rightmost value.
class SheetVisitor : public XmlVisitor {
 public:
  SheetVisitor(const std::vector<std::string>& shared, const std::vector<bool>& dates,
               bool date1904)
      : shared_(shared), dates_(dates), date1904_(date1904) {}

  void Open(absl::string_view name, const Attributes& attributes) override {
    if (name == "row") {
      int number = 0;
      row_ = absl::SimpleAtoi(Attribute(attributes, "r"), &number) ? number : row_ + 1;
      column_ = -1;
    } else if (name == "c") {
      int column = 0, row = 0;
      if (ParseCellReference(Attribute(attributes, "r"), &column, &row)) {
        column_ = column;
        row_ = row;
      } else {
        ++column_;
      }
      type_ = std::string(Attribute(attributes, "t"));
      if (!absl::SimpleAtoi(Attribute(attributes, "s"), &format_)) format_ = 0;
      value_.clear();
      in_value_ = in_inline_ = has_formula_ = false;
      inline_.Take();
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "f") {
      has_formula_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (in_inline_) {
      inline_.Open(name);
    }
  }

  void Close(absl::string_view name) override {
    if (name == "v") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c") {
      FinishCell();
    } else if (in_inline_) {
      inline_.Close(name);
    }
  }

  void Text(absl::string_view text) override {
    if (in_value_) absl::StrAppend(&value_, text);
    if (in_inline_) inline_.Text(text);
  }

  std::map<int, std::vector<std::string>> rows;
  std::vector<std::string> problems;
  // Set when the rows would span more than kMaxSheetCells cells.
  bool too_large = false;

 private:
  std::string Where() const {
    return absl::StrCat("row ", row_, ", column ", ColumnLetters(column_));
  }

  void FinishCell() {
    if (row_ < 1 || row_ > kMaxRows || column_ < 0 || column_ >= kMaxColumns) {
      problems.push_back(absl::StrCat("the workbook is damaged: a cell lies beyond row ", kMaxRows,
                                      " or column ", ColumnLetters(kMaxColumns - 1), "; ",
                                      SaveAsAdvice()));
      return;
    }
    std::string text;
    if (type_ == "s") {
      size_t index = 0;
      if (!absl::SimpleAtoi(value_, &index) || index >= shared_.size()) {
        problems.push_back(absl::StrCat("the workbook is damaged: ", Where(),
                                        " names a shared string it does not have; ",
                                        SaveAsAdvice()));
        return;
      }
      text = shared_[index];
    } else if (type_ == "inlineStr") {
      text = DecodeEscapes(inline_.Take());
    } else if (type_ == "str") {
      text = DecodeEscapes(value_);
    } else if (type_ == "b") {
      text = value_ == "1" || value_ == "true" ? "true" : "false";
    } else if (type_ == "e" || type_ == "d") {
      text = value_;  // an error value (#DIV/0!) or an ISO 8601 date, as written
    } else if (value_.empty()) {
      if (has_formula_) {
        problems.push_back(absl::StrCat(
            Where(),
            " holds a formula whose value was never saved (the file was written by a "
            "program that does not calculate); open the file in Excel or WPS and save it "
            "again"));
      }
      return;
    } else {
      double number = 0;
      const bool date_format = static_cast<size_t>(format_) < dates_.size() && dates_[format_];
      std::optional<std::string> date;
      if (!absl::SimpleAtod(value_, &number)) {
        text = value_;
      } else if (date_format && (date = DateText(number, date1904_)).has_value()) {
        text = *date;
      } else {
        text = NumberText(number);
      }
    }
    if (text.empty()) return;
    if (!IsValidUtf8(text)) {
      problems.push_back(absl::StrCat("the workbook is damaged: ", Where(),
                                      " holds text that is not UTF-8; ", SaveAsAdvice()));
      return;
    }
    std::vector<std::string>& cells = rows[row_];
    if (cells.size() <= static_cast<size_t>(column_)) {
      cells_ += column_ + 1 - cells.size();
      if (cells_ > kMaxSheetCells) {
        too_large = true;
        return;
      }
      cells.resize(column_ + 1);
    }
    cells[column_] = std::move(text);
  }

  const std::vector<std::string>& shared_;
  const std::vector<bool>& dates_;
  const bool date1904_;
  size_t cells_ = 0;  // the cells the rows span so far
  int row_ = 0;
  int column_ = -1;
  std::string type_;
  int format_ = 0;
  std::string value_;
  bool in_value_ = false;
  bool in_inline_ = false;
  bool has_formula_ = false;
  RichText inline_;
};

absl::Status Refuse(absl::string_view sentence) { return absl::InvalidArgumentError(sentence); }

absl::StatusOr<Table> ReadPackage(const Package& package) {
  const std::string kNotWorkbook = absl::StrCat(
      "the file is a zip archive but not an .xlsx workbook (an .ods or .docx file, "
      "or a compressed folder?); ",
      SaveAsAdvice());
  std::string workbook_part;
  for (const auto& [id, relationship] : ReadRelationships(package, "")) {
    if (relationship.type == "officeDocument") workbook_part = relationship.part;
  }
  const std::optional<Workbook> workbook =
      workbook_part.empty() ? std::nullopt : ReadWorkbook(package, workbook_part);
  if (!workbook) return Refuse(kNotWorkbook);
  const std::map<std::string, Relationship> relationships =
      ReadRelationships(package, workbook_part);

  const SheetEntry* chosen = nullptr;
  for (const SheetEntry& sheet : workbook->sheets) {
    auto relationship = relationships.find(sheet.relationship);
    if (relationship == relationships.end() || relationship->second.type != "worksheet") continue;
    if (sheet.name == kDataSheetName) {
      chosen = &sheet;
      break;
    }
    if (chosen == nullptr || (!chosen->visible && sheet.visible)) chosen = &sheet;
  }
  if (chosen == nullptr) {
    return Refuse(absl::StrCat("the workbook has no worksheet; ", SaveAsAdvice()));
  }

  std::vector<std::string> shared;
  std::vector<bool> dates;
  for (const auto& [id, relationship] : relationships) {
    if (relationship.type == "sharedStrings")
      shared = ReadSharedStrings(package, relationship.part);
    if (relationship.type == "styles") dates = ReadDateFormats(package, relationship.part);
  }
  SheetVisitor sheet(shared, dates, workbook->date1904);
  const std::string& sheet_part = relationships.at(chosen->relationship).part;
  if (!package.Parse(sheet_part, sheet)) {
    return Refuse(absl::StrCat("the workbook is damaged: it has no part ", sheet_part,
                               " for sheet ", chosen->name, "; ", SaveAsAdvice()));
  }
  if (sheet.too_large) {
    return Refuse(absl::StrCat("sheet ", chosen->name, " spans more than ", kMaxSheetCells,
                               " cells from A1 to its last values, far more than a report; delete "
                               "the rows and columns it does not need, or ",
                               SaveAsAdvice()));
  }
  if (!sheet.problems.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(sheet.problems, "\n"));
  }

  Table table;
  table.positions = Table::Positions::kCells;
  table.source = absl::StrCat("sheet ", chosen->name, " of the workbook");
  for (auto& [number, cells] : sheet.rows) {
    if (IsBlankRow(cells)) continue;
    table.rows.push_back(std::move(cells));
    table.row_numbers.push_back(number);
  }
  return table;
}

}  // namespace

absl::StatusOr<Table> ReadXlsx(absl::string_view bytes) {
  const std::string cannot_open = absl::StrCat(
      "the file starts like a zip archive, as .xlsx workbooks do, but cannot be opened as one (it "
      "is damaged or incomplete); ",
      SaveAsAdvice());
  if (!ZipSizesArePlausible(bytes)) return Refuse(cannot_open);
  std::unique_ptr<Package> package;
  try {
    package = std::make_unique<Package>(bytes);
  } catch (...) {
    return Refuse(cannot_open);
  }
  try {
    return ReadPackage(*package);
  } catch (const Unreadable& unreadable) {
    return Refuse(unreadable.sentence);
  } catch (...) {
    return Refuse(absl::StrCat("the workbook is damaged and cannot be read; ", SaveAsAdvice()));
  }
}

}  // namespace junheng::io
