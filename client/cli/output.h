#pragma once

#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/table/table.h"

namespace junheng::client {

// Where and in which form a command writes its result: `--format text|json|csv|xlsx` and
// `--output FILE`. Every command states the formats it can produce; any other is refused with
// exit 2 instead of being ignored.

enum class Format { kText, kJson, kCsv, kXlsx };

struct OutputOptions {
  // As given by --format; empty: from the --output file's extension, else text.
  std::string format;
  // --output; empty: standard output.
  std::string path;
};

// The format to write, or INVALID_ARGUMENT (exit 2) naming the formats the command offers. An
// xlsx to a terminal is refused too: a workbook is a binary file and needs --output.
[[nodiscard]] absl::StatusOr<Format> ChooseFormat(const OutputOptions& options,
                                                  std::initializer_list<Format> offered,
                                                  absl::string_view command, std::ostream& out);

// Writes `text` to the --output file, or to `out`.
[[nodiscard]] absl::Status WriteText(const OutputOptions& options, absl::string_view text,
                                     std::ostream& out);

// Runs `write` on the --output path, or on a temporary file that is then copied to `out`.
[[nodiscard]] absl::Status WriteXlsx(const OutputOptions& options,
                                     const std::function<absl::Status(const std::string&)>& write,
                                     std::ostream& out);

// The tables as text (all of them, a blank line between), CSV (the first only: a CSV file holds
// one table) or one workbook with a sheet per table. JSON is the API's message: the caller's.
[[nodiscard]] absl::Status WriteTables(const OutputOptions& options, Format format,
                                       const std::vector<const table::Table*>& tables,
                                       std::ostream& out);

}  // namespace junheng::client
