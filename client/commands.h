#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace junheng::client {

// Options every command shares; they come from the command line or the config file.
struct Globals {
  std::string server = "127.0.0.1:50551";
  std::string county;
  std::string format = "text";  // text | json (| csv where a command offers it)
  double deadline_seconds = 10;
  std::string submitter;
};

// Each command writes its result to `out`, problems to `err`, and returns an ExitCode.

struct TemplateArgs {
  std::string school;
  std::string period;
};
int RunTemplate(const Globals& g, const TemplateArgs& args, std::ostream& out, std::ostream& err);

struct ValidateArgs {
  std::string file;
  std::string schools_file;  // optional registry for the school-type checks
};
int RunValidate(const Globals& g, const ValidateArgs& args, std::ostream& out, std::ostream& err);

struct SubmitArgs {
  std::string file;
  int64_t replaces = -1;  // -1: replace whatever the latest version is
};
int RunSubmit(const Globals& g, const SubmitArgs& args, std::ostream& out, std::ostream& err);

struct ShowArgs {
  std::string school;
  std::string period;
  int64_t version = 0;  // 0: the latest
};
int RunShow(const Globals& g, const ShowArgs& args, std::ostream& out, std::ostream& err);
int RunHistory(const Globals& g, const ShowArgs& args, std::ostream& out, std::ostream& err);

struct ReportsArgs {
  std::string period;
};
int RunReports(const Globals& g, const ReportsArgs& args, std::ostream& out, std::ostream& err);

int RunSchoolsImport(const Globals& g, const std::string& file, std::ostream& out,
                     std::ostream& err);
int RunSchoolsList(const Globals& g, std::ostream& out, std::ostream& err);

}  // namespace junheng::client
