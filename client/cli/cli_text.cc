#include "client/cli/cli_text.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "client/cli/command_support.h"
#include "common/cli/config_keys.h"
#include "common/i18n/help_messages.h"
#include "common/i18n/message.h"
#include "common/table/people_text.h"

namespace junheng::client {
namespace {

using i18n::Say;
namespace help = i18n::help;

// "junheng submit": the commands CLI11 had entered when it stopped.
std::string CommandPath(const CLI::App& app) {
  std::string path = "junheng";
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) {
    at = at->get_subcommands().front();
    path += " " + at->get_name();
  }
  return path;
}

// CLI11's formatter pads an option's name to the description column by bytes; a Chinese label
// ("必填", "环境变量") is 3 bytes a character but 2 columns wide. This one pads by display width.
class WidthFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const int width = static_cast<int>(get_column_width());
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    std::string out = table::PadRight(name, width);
    if (!description.empty()) {
      if (table::DisplayWidth(name) >= width) out += "\n" + std::string(width, ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out += std::string(width, ' ');
      }
    }
    return out + "\n";
  }
};

void MoveHelpFlags(CLI::App& app, const std::string& group) {
  if (CLI::Option* flag = app.get_help_ptr()) flag->group(group);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    MoveHelpFlags(*sub, group);
  }
}

CLI::Validator NumberAtLeast(double least, bool inclusive, const i18n::Msg& refusal,
                             const char* name) {
  return CLI::Validator(
      [least, inclusive, &refusal](std::string& text) -> std::string {
        double value = 0;
        if (absl::SimpleAtod(text, &value) && (inclusive ? value >= least : value > least)) {
          return "";
        }
        return Say(refusal, text);
      },
      name);
}

}  // namespace

void SpeakCli(CLI::App& app) {
  app.formatter(std::make_shared<WidthFormatter>());
  auto formatter = app.get_formatter();
  formatter->label("Usage", Say(help::kUsage));
  formatter->label("OPTIONS", Say(help::kOptionsBadge));
  formatter->label("SUBCOMMAND", Say(help::kSubcommandBadge));
  formatter->label("SUBCOMMANDS", Say(help::kSubcommandBadge));
  formatter->label("REQUIRED", Say(help::kRequired));
  formatter->label("Positionals", Say(help::kPositionals));
  formatter->label("Env", Say(help::kEnv));
  formatter->label("Needs", Say(help::kNeeds));
  formatter->label("Excludes", Say(help::kExcludes));
  app.option_defaults()->group(Say(help::kOptionsGroup));
  app.set_help_flag("-h,--help", Say(help::kHelpFlag));
  app.group(Say(help::kSubcommandsGroup));
}

void SpeakCliHelpFlags(CLI::App& app) { MoveHelpFlags(app, Say(help::kOptionsGroup)); }

void SayParseError(const CLI::App& app, const CLI::ParseError& e, std::ostream& err) {
  const std::string what = e.what();
  const std::string command = CommandPath(app);
  const std::string required = " is required";
  std::string sentence;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr &&
      what.find(": ") != std::string::npos) {
    sentence = Say(help::kParseExtras, what.substr(what.find(": ") + 2), command);
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && what.ends_with(required)) {
    const std::string missing = what.substr(0, what.size() - required.size());
    sentence = missing == "A subcommand" ? Say(help::kParseNoCommand, command)
                                         : Say(help::kParseRequired, missing, command);
  } else if (auto unknown = cli::UnknownConfigKeyOf(app, e)) {
    sentence = Say(help::kParseConfigKey, unknown->file, unknown->key,
                   absl::StrJoin(unknown->valid_keys, i18n::ListComma()));
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    // "--deadline: <the validator's sentence>": the validators below speak the catalogue.
    sentence = Say(help::kParseValue, what, command);
  } else {
    sentence = Say(help::kParseOther, what, command);
  }
  err << ErrorLine(sentence);
}

CLI::Validator PositiveNumber() {
  return NumberAtLeast(0, /*inclusive=*/false, help::kNotPositive, "POSITIVE");
}

CLI::Validator NonNegativeNumber() {
  return NumberAtLeast(0, /*inclusive=*/true, help::kNegativeNumber, "NONNEGATIVE");
}

CLI::Validator OneOf(std::initializer_list<const char*> words) {
  std::vector<std::string> choices(words.begin(), words.end());
  return CLI::Validator(
      [choices](std::string& text) -> std::string {
        for (const std::string& choice : choices) {
          if (text == choice) return "";
        }
        return Say(help::kNotOneOf, text, absl::StrJoin(choices, i18n::ListComma()));
      },
      "{" + absl::StrJoin(choices, ",") + "}");
}

}  // namespace junheng::client
