#include "client/cli/eval_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/cli/output.h"
#include "common/eval/evaluate.h"
#include "common/i18n/client_messages.h"
#include "common/io/message_codec.h"
#include "common/profile/profile_loader.h"
#include "common/render/evaluation_render.h"
#include "common/render/evaluation_workbook.h"
#include "common/render/national_forms.h"
#include "common/validate/report_validator.h"
#include "common/validate/school_validator.h"
#include "common/validate/validation_result.h"

namespace junheng::client {
namespace {

constexpr int kExitResult = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

// The records of one input file, its problems prefixed by the option that named it.
template <typename M>
absl::StatusOr<std::vector<M>> LoadRecords(const std::string& path, absl::string_view what) {
  absl::StatusOr<std::vector<M>> records = io::ReadRecordFile<M>(path);
  if (absl::IsInvalidArgument(records.status())) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " file ", path, ": ", records.status().message()));
  }
  if (!records.ok()) {
    return absl::Status(records.status().code(),
                        absl::StrCat(what, ": ", records.status().message()));
  }
  return records;
}

}  // namespace

absl::StatusOr<eval::EvaluationInput> LoadEvaluationInput(const EvalOptions& options) {
  eval::EvaluationInput input;
  input.period = options.period;

  absl::StatusOr<std::vector<v1::School>> schools =
      LoadRecords<v1::School>(options.schools_file, "--schools");
  if (!schools.ok()) return schools.status();
  std::set<std::string> counties;
  for (const v1::School& s : *schools) {
    if (!s.county_code().empty()) counties.insert(s.county_code());
  }
  input.county_code = options.county;
  if (input.county_code.empty()) {
    if (counties.size() != 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--schools file ", options.schools_file,
          counties.empty()
              ? " has no county_code column values"
              : absl::StrCat(" holds several counties (", absl::StrJoin(counties, ", "), ")"),
          "; name the county with --county C"));
    }
    input.county_code = *counties.begin();
  }
  std::vector<std::string> problems;
  for (v1::School& s : *schools) {
    if (s.county_code().empty()) s.set_county_code(input.county_code);
    if (s.county_code() != input.county_code) continue;
    validate::ValidationResult result = validate::ValidateSchool(s, input.county_code);
    if (!result.ok()) {
      problems.emplace_back(
          validate::ToStatus(result, absl::StrCat("school ", s.school_code())).message());
    }
    input.registry.push_back(s);
  }
  if (input.registry.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("--schools file ", options.schools_file,
                                                   " has no school of county ", input.county_code));
  }
  std::map<std::string, const v1::School*> by_code;
  for (const v1::School& s : input.registry) by_code[s.school_code()] = &s;

  absl::StatusOr<std::vector<v1::SchoolReport>> reports =
      LoadRecords<v1::SchoolReport>(options.reports_file, "--reports");
  if (!reports.ok()) return reports.status();
  std::map<std::string, int> rows_per_school;
  for (v1::SchoolReport& r : *reports) {
    if (r.period() != options.period) continue;
    if (r.county_code().empty()) r.set_county_code(input.county_code);
    if (r.county_code() != input.county_code) continue;
    auto school = by_code.find(r.school_code());
    const v1::School* registered = school == by_code.end() ? nullptr : school->second;
    validate::ValidationResult result = validate::ValidateReport(r, input.county_code, registered);
    if (!result.ok()) {
      problems.emplace_back(
          validate::ToStatus(result, absl::StrCat("report ", r.school_code(), " / ", r.period()))
              .message());
      continue;
    }
    if (++rows_per_school[r.school_code()] == 2) {
      problems.push_back(
          absl::StrCat("report ", r.school_code(), " / ", r.period(),
                       ": the school has more than one row for the period; keep only "
                       "its latest report"));
    }
    input.reports.push_back(std::move(r));
  }

  if (!options.county_facts_file.empty()) {
    absl::StatusOr<std::vector<v1::CountyFacts>> facts =
        LoadRecords<v1::CountyFacts>(options.county_facts_file, "--county-facts");
    if (!facts.ok()) return facts.status();
    std::vector<v1::CountyFacts> matching;
    for (v1::CountyFacts& f : *facts) {
      if (!f.county_code().empty() && f.county_code() != input.county_code) continue;
      if (!f.period().empty() && f.period() != options.period) continue;
      matching.push_back(std::move(f));
    }
    if (matching.size() > 1) {
      problems.push_back(absl::StrCat("--county-facts file ", options.county_facts_file, " has ",
                                      matching.size(), " records for county ", input.county_code,
                                      " and period ", options.period, "; keep one"));
    } else if (matching.empty()) {
      problems.push_back(absl::StrCat("--county-facts file ", options.county_facts_file,
                                      " has no record for county ", input.county_code,
                                      " and period ", options.period,
                                      " (check its county_code and period fields)"));
    } else {
      input.county_facts = std::move(matching.front());
    }
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  return input;
}

namespace {

render::RenderFormat RenderFormatOf(Format format) {
  switch (format) {
    case Format::kJson:
      return render::RenderFormat::kJson;
    case Format::kCsv:
      return render::RenderFormat::kCsv;
    default:
      return render::RenderFormat::kText;
  }
}

}  // namespace

int RunEval(const EvalOptions& options, std::ostream& out, std::ostream& err,
            const RemoteEvaluator& remote) {
  const OutputOptions output{options.format, options.output};
  absl::StatusOr<Format> format = ChooseFormat(
      output, {Format::kText, Format::kJson, Format::kCsv, Format::kXlsx}, "eval", out);
  if (!format.ok()) {
    err << "junheng eval: " << format.status().message() << "\n";
    return kExitUsage;
  }
  if (options.period.empty()) {
    err << "junheng eval: --period is required (a period label such as 2024)\n";
    return kExitUsage;
  }
  const bool on_server = !options.server.empty() && remote;
  if (on_server && !options.forms_file.empty()) {
    err << "junheng eval: " << i18n::Say(i18n::client::kFormsOffline, options.period) << "\n";
    return kExitUsage;
  }
  absl::StatusOr<v1::Evaluation> evaluation;
  if (on_server) {
    evaluation = remote(options);
    if (!evaluation.ok()) {
      err << "junheng eval: " << evaluation.status().message() << "\n";
      return absl::IsUnavailable(evaluation.status()) ||
                     absl::IsDeadlineExceeded(evaluation.status())
                 ? 3
                 : kExitBadInput;
    }
  } else {
    if (options.schools_file.empty() || options.reports_file.empty()) {
      err << "junheng eval: --schools FILE and --reports FILE are required to evaluate offline\n";
      return kExitUsage;
    }
    absl::StatusOr<v1::Profile> profile = profile::LoadProfile(options.profile);
    if (!profile.ok()) {
      err << "junheng eval: --profile: " << profile.status().message() << "\n";
      return kExitBadInput;
    }
    absl::StatusOr<eval::EvaluationInput> input = LoadEvaluationInput(options);
    if (!input.ok()) {
      err << "junheng eval: " << input.status().message() << "\n";
      return kExitBadInput;
    }
    if (input->reports.empty()) {
      err << "junheng eval: warning: --reports file " << options.reports_file
          << " has no report for period " << options.period << "\n";
    }
    absl::StatusOr<v1::EvaluationWithInput> evaluated = eval::EvaluateWithInput(*input, *profile);
    if (!evaluated.ok()) {
      err << "junheng eval: " << evaluated.status().message() << "\n";
      return kExitBadInput;
    }
    if (!options.forms_file.empty()) {
      absl::Status forms = render::WriteNationalForms(*evaluated, options.forms_file);
      if (!forms.ok()) {
        err << "junheng eval: --forms: " << forms.message() << "\n";
        return kExitBadInput;
      }
    }
    evaluation = std::move(*evaluated->mutable_evaluation());
  }
  absl::Status written =
      *format == Format::kXlsx
          ? WriteXlsx(
                output,
                [&](const std::string& path) {
                  return render::WriteEvaluationWorkbook(*evaluation, path);
                },
                out)
          : WriteText(output, render::Render(*evaluation, RenderFormatOf(*format)), out);
  if (!written.ok()) {
    err << "junheng eval: " << written.message() << "\n";
    return kExitBadInput;
  }
  return kExitResult;
}

void AddEvalCommand(CLI::App& app, int* exit_code) { AddEvalCommand(app, exit_code, nullptr); }

void AddEvalCommand(CLI::App& app, int* exit_code, RemoteEvaluator remote) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "evaluate a county against the 2017 method (offline, from files) and print the report");
  cmd->add_option("--schools", options->schools_file, "registry: schools.csv or JSON");
  cmd->add_option("--reports", options->reports_file, "school reports: reports.csv or JSON");
  cmd->add_option("--county-facts", options->county_facts_file,
                  "what the bureau entered for the county and period (JSON or CSV)");
  cmd->add_option("--period", options->period, "period label, e.g. 2024");
  CLI::Option* profile_option =
      cmd->add_option("--profile", options->profile,
                      "standard profile: a built-in name (" +
                          absl::StrJoin(profile::BuiltinProfileNames(), ", ") + ") or a TOML file")
          ->capture_default_str();
  CLI::Option* format =
      cmd->add_option("--format", options->format,
                      "text, json, csv or xlsx (default: from --output's extension, else text)");
  CLI::Option* output = cmd->add_option("-o,--output", options->output,
                                        "write the result to FILE (.xlsx: a workbook)");
  cmd->add_option("--forms", options->forms_file,
                  "also write the national forms 申报表 表Ⅰ-表Ⅵ to FILE.xlsx (offline only)");
  CLI::Option* county = cmd->add_option("--county", options->county,
                                        "county code (default: the registry's only one)");
  if (remote) {
    cmd->add_option("--server", options->server, "evaluate on junheng-server at ADDR");
    cmd->add_flag("--accepted-only", options->accepted_only,
                  "on the server: only the report versions the bureau accepted");
  }
  cmd->callback([options, exit_code, format, output, county, profile_option, remote, &app] {
    EvalOptions effective = *options;
    // With no files to read, evaluate on the server the program is configured for, with the
    // server's own profile unless one is named.
    if (remote && effective.server.empty() && effective.schools_file.empty() &&
        effective.reports_file.empty()) {
      if (CLI::Option* global = app.get_option_no_throw("--server")) {
        effective.server = global->as<std::string>();
      }
    }
    if (!effective.server.empty() && profile_option->count() == 0) effective.profile.clear();
    // Global options of the parent app, when given there and not here.
    if (format->count() == 0) {
      if (CLI::Option* global = app.get_option_no_throw("--format");
          global && global->count() > 0) {
        effective.format = global->as<std::string>();
      }
    }
    if (output->count() == 0) {
      if (CLI::Option* global = app.get_option_no_throw("--output");
          global && global->count() > 0) {
        effective.output = global->as<std::string>();
      }
    }
    if (county->count() == 0) {
      if (CLI::Option* global = app.get_option_no_throw("--county");
          global && global->count() > 0) {
        effective.county = global->as<std::string>();
      }
    }
    *exit_code = RunEval(effective, std::cout, std::cerr, remote);
  });
}

}  // namespace junheng::client
