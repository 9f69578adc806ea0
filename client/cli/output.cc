#include "client/cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/i18n/client_messages.h"

namespace junheng::client {
namespace {

absl::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kJson:
      return "json";
    case Format::kCsv:
      return "csv";
    case Format::kXlsx:
      return "xlsx";
  }
  return "text";
}

std::optional<Format> ParseFormat(absl::string_view word) {
  for (Format f : {Format::kText, Format::kJson, Format::kCsv, Format::kXlsx}) {
    if (word == FormatName(f)) return f;
  }
  return std::nullopt;
}

Format FromExtension(absl::string_view path) {
  std::string lower = absl::AsciiStrToLower(path);
  if (lower.ends_with(".xlsx")) return Format::kXlsx;
  if (lower.ends_with(".csv")) return Format::kCsv;
  if (lower.ends_with(".json")) return Format::kJson;
  return Format::kText;
}

}  // namespace

absl::StatusOr<Format> ChooseFormat(const OutputOptions& options,
                                    std::initializer_list<Format> offered,
                                    absl::string_view command, std::ostream& out) {
  std::optional<Format> chosen =
      options.format.empty() ? FromExtension(options.path) : ParseFormat(options.format);
  bool offers = false;
  for (Format f : offered) offers = offers || (chosen.has_value() && *chosen == f);
  if (!offers) {
    std::vector<std::string> names;
    for (Format f : offered) names.emplace_back(FormatName(f));
    const std::string writes = absl::StrJoin(names, i18n::ListComma());
    return absl::InvalidArgumentError(
        options.format.empty()
            ? i18n::Say(i18n::client::kFormatRefusedByExtension, command, options.path, writes)
            : i18n::Say(i18n::client::kFormatRefused, command, options.format, writes));
  }
  if (*chosen == Format::kXlsx && options.path.empty() && &out == &std::cout &&
      isatty(STDOUT_FILENO)) {
    return absl::InvalidArgumentError(i18n::Say(i18n::client::kXlsxToTerminal));
  }
  return *chosen;
}

absl::Status WriteText(const OutputOptions& options, absl::string_view text, std::ostream& out) {
  if (options.path.empty()) {
    out << text;
    return absl::OkStatus();
  }
  std::ofstream file(options.path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    return absl::InvalidArgumentError(i18n::Say(i18n::client::kCannotWriteOutput, options.path));
  }
  return absl::OkStatus();
}

absl::Status WriteXlsx(const OutputOptions& options,
                       const std::function<absl::Status(const std::string&)>& write,
                       std::ostream& out) {
  if (!options.path.empty()) return write(options.path);
  const char* tmp = std::getenv("TMPDIR");
  std::string path = absl::StrCat(tmp ? tmp : "/tmp", "/junheng-XXXXXX.xlsx");
  int fd = mkstemps(path.data(), 5);
  if (fd < 0) return absl::UnavailableError(i18n::Say(i18n::client::kNoTempFile));
  close(fd);
  absl::Status written = write(path);
  if (written.ok()) {
    std::ifstream file(path, std::ios::binary);
    out << file.rdbuf();
  }
  std::remove(path.c_str());
  return written;
}

absl::Status WriteTables(const OutputOptions& options, Format format,
                         const std::vector<const table::Table*>& tables, std::ostream& out) {
  switch (format) {
    case Format::kXlsx:
      return WriteXlsx(
          options, [&](const std::string& path) { return table::WriteWorkbook(tables, path); },
          out);
    case Format::kCsv:
      return WriteText(options, tables.empty() ? "" : table::RenderCsv(*tables.front()), out);
    case Format::kText:
    case Format::kJson: {
      std::string text;
      for (const table::Table* t : tables) {
        if (!text.empty()) text += "\n";
        text += table::RenderText(*t);
      }
      return WriteText(options, text, out);
    }
  }
  return absl::OkStatus();
}

}  // namespace junheng::client
