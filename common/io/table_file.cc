#include "common/io/table_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/i18n/file_messages.h"
#include "common/io/csv_table.h"
#include "common/io/xlsx_table.h"

namespace junheng::io {
namespace {

constexpr absl::string_view kZipMagic = "PK\x03\x04";
// An OLE2 compound file: the .xls workbooks of Excel 97-2003, WPS's own .et, and every
// password-protected .xlsx, which Excel wraps in one.
constexpr absl::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool StartsJson(absl::string_view text) {
  absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(text);
  return !trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[');
}

}  // namespace

absl::StatusOr<TableFile> ReadTable(absl::string_view bytes, absl::string_view name) {
  TableFile file;
  if (absl::StartsWith(bytes, kZipMagic)) {
    absl::StatusOr<Table> table = ReadXlsx(bytes);
    if (!table.ok()) return table.status();
    file.table = *std::move(table);
    return file;
  }
  if (absl::StartsWith(bytes, kOle2Magic)) {
    return absl::InvalidArgumentError(i18n::Say(i18n::file::kOldWorkbook, SaveAsAdvice()));
  }
  absl::StatusOr<DecodedText> decoded = DecodeText(bytes);
  if (!decoded.ok()) return decoded.status();
  file.encoding = decoded->encoding;
  if (absl::StripAsciiWhitespace(decoded->text).empty()) {
    return absl::InvalidArgumentError(i18n::Say(i18n::file::kEmpty, SaveAsAdvice()));
  }
  if (absl::EndsWithIgnoreCase(name, ".json") || StartsJson(decoded->text)) {
    file.kind = TableFile::Kind::kJson;
    file.json = std::move(decoded->text);
    return file;
  }
  absl::StatusOr<Table> table = ParseCsv(decoded->text, DetectSeparator(decoded->text));
  if (!table.ok()) return table.status();
  file.table = *std::move(table);
  return file;
}

absl::StatusOr<TableFile> ReadTableFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::InvalidArgumentError(i18n::Say(i18n::file::kFolder, path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    std::string why = i18n::Say(i18n::file::kCannotOpen, path, std::strerror(error));
    return error == EACCES ? absl::PermissionDeniedError(why) : absl::NotFoundError(why);
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ReadTable(bytes.str(), path);
}

}  // namespace junheng::io
