#pragma once

#include <iosfwd>
#include <string>

#include "client/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace junheng::client {

// `junheng forms --period P [-o FILE.xlsx] [--profile NAME] [--accepted-only]`: the national
// submission forms (申报表 表Ⅰ-表Ⅵ, common/render/national_forms.h) of the configured county, from
// the server's evaluation and the input it read (EvaluationService.EvaluateWithInput). Writes
// only xlsx: to --output, or to standard output when that is not a terminal.
struct FormsArgs {
  std::string period;
  // A built-in profile name; empty: the server's.
  std::string profile;
  bool accepted_only = false;
};
int RunForms(const Globals& g, const FormsArgs& args, std::ostream& out, std::ostream& err);

// Registers `forms` on `app`; it sets *exit_code when it runs.
void AddFormsCommand(CLI::App& app, const Globals& g, int* exit_code);

}  // namespace junheng::client
