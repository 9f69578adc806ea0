#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::client {

// `junheng eval`: evaluate a county for a period against a profile and print the report.
//
//   junheng eval --schools FILE --reports FILE [--county-facts FILE] --period P
//                [--profile NAME|FILE] [--format text|json|csv|xlsx] [-o FILE] [--county C]
//                [--forms FORMS.xlsx]
//
// xlsx is the whole evaluation as a workbook (common/render/evaluation_workbook.h); --forms also
// writes the national forms 申报表 表Ⅰ-表Ⅵ (common/render/national_forms.h) from the same
// evaluation and input, offline only (on the server: `junheng forms`).
//
// Exit codes: 0 for a result (a failing county is a result), 1 for bad input (the message names
// the file, the field or column, and the fix) or a file that cannot be written, 2 for a bad
// command line, a format the command does not write included.

struct EvalOptions {
  std::string schools_file;
  std::string reports_file;
  std::string county_facts_file;  // optional
  std::string period;
  std::string profile = "national-2017";
  // text | json | csv | xlsx; empty: from the --output file's extension, else text.
  std::string format;
  // --output FILE; empty: standard output.
  std::string output;
  // --forms FILE.xlsx: also write the national forms (offline only).
  std::string forms_file;
  std::string county;          // optional when the registry holds one county
  std::string server;          // set only when the remote path is wired in (see below)
  bool accepted_only = false;  // server only: evaluate the versions the bureau accepted
};

// Reads and checks the offline inputs: the registry, the reports of `options.period` and the county
// facts. INVALID_ARGUMENT / NOT_FOUND with a message naming the file and the field on bad input.
[[nodiscard]] absl::StatusOr<junheng::eval::EvaluationInput> LoadEvaluationInput(
    const EvalOptions& options);

// Runs the command with `options` already parsed, writing the report to `out` and problems to
// `err`; returns the exit code. When `options.server` is non-empty and `remote` is given, the
// Evaluation comes from `remote` instead of the local files; both paths render the same way.
using RemoteEvaluator =
    std::function<absl::StatusOr<junheng::v1::Evaluation>(const EvalOptions& options)>;
int RunEval(const EvalOptions& options, std::ostream& out, std::ostream& err,
            const RemoteEvaluator& remote = nullptr);

// Registers the `eval` subcommand on `app`; its callback stores the exit code in *exit_code.
// When the parent app already defines --format or --county (global options), values given there
// are used unless the subcommand's own option is given.
void AddEvalCommand(CLI::App& app, int* exit_code);

// The same, with a remote path: adds `--server ADDR` to the subcommand; when it is given the
// Evaluation comes from `remote` (the server's EvaluationService) and renders identically.
void AddEvalCommand(CLI::App& app, int* exit_code, RemoteEvaluator remote);

}  // namespace junheng::client
