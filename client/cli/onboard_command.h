#pragma once

#include <iosfwd>
#include <string>

#include "client/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace junheng::client {

// `junheng admin onboard` (bureau_admin): issues tokens with one-time enrolment codes and writes
// a printable sign-in sheet per person (docs/web-console.md): a clerk per school of a registry
// file, or one member of the bureau.
struct OnboardArgs {
  std::string schools_file;
  std::string role;  // with --label, instead of --schools
  std::string label;
  std::string web_url;
  std::string out_dir = "signin-sheets";
};
int RunOnboard(const Globals& g, const OnboardArgs& args, std::ostream& out, std::ostream& err);

// The sign-in sheet's QR code of `text` as an inline SVG element; empty when it cannot be made.
std::string QrSvg(const std::string& text);

// Registers `admin onboard` under `admin`.
void AddOnboardCommand(CLI::App& admin, const Globals& g, int* exit_code);

}  // namespace junheng::client
