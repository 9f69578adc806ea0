#include "client/cli/forms_command.h"

#include <iostream>
#include <memory>

#include "CLI/CLI.hpp"
#include "client/cli/command_support.h"
#include "client/cli/exit_codes.h"
#include "common/i18n/client_messages.h"
#include "common/render/national_forms.h"

namespace junheng::client {

int RunForms(const Globals& g, const FormsArgs& args, std::ostream& out, std::ostream& err) {
  if (!NeedCounty(g, err)) return kExitUsage;
  // The forms are a workbook and nothing else: with neither --format nor --output, xlsx.
  Globals chosen = g;
  if (chosen.format.empty() && chosen.output.empty()) chosen.format = "xlsx";
  if (!FormatFor(chosen, {Format::kXlsx}, "forms", out, err)) return kExitUsage;
  v1::EvaluateWithInputRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_profile(args.profile);
  request.set_accepted_only(args.accepted_only);
  auto data = Connect(g).Call(&v1::EvaluationService::Stub::EvaluateWithInput, request);
  if (!data.ok()) return Fail(data.status(), err);
  absl::Status written = WriteXlsx(
      OutputOf(chosen),
      [&](const std::string& path) { return render::WriteNationalForms(*data, path); }, out);
  if (!written.ok()) return Fail(written, err);
  if (!g.output.empty()) {
    out << i18n::Say(i18n::client::kFormsWritten, g.county, args.period, g.output) << "\n";
  }
  return kExitOk;
}

void AddFormsCommand(CLI::App& app, const Globals& g, int* exit_code) {
  auto args = std::make_shared<FormsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "forms", "the national submission forms 申报表 表Ⅰ-表Ⅵ as one workbook (-o FILE.xlsx)");
  cmd->add_option("--period", args->period, "period label, e.g. 2024")->required();
  cmd->add_option("--profile", args->profile, "built-in profile (default: the server's)");
  cmd->add_flag("--accepted-only", args->accepted_only,
                "only the report versions the bureau accepted");
  cmd->callback([=, &g] { *exit_code = RunForms(g, *args, std::cout, std::cerr); });
}

}  // namespace junheng::client
