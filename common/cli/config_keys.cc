#include "common/cli/config_keys.h"

#include <string_view>

namespace junheng::cli {

std::optional<UnknownConfigKey> UnknownConfigKeyOf(const CLI::App& app,
                                                   const CLI::ParseError& error) {
  constexpr std::string_view kExtras = "INI was not able to parse ";
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ConfigError*>(&error) == nullptr || !what.starts_with(kExtras)) {
    return std::nullopt;
  }
  UnknownConfigKey unknown;
  unknown.key = what.substr(kExtras.size());
  if (const CLI::Option* config = app.get_config_ptr(); config != nullptr) {
    unknown.file = config->count() > 0 ? config->as<std::string>() : config->get_default_str();
  }
  for (const CLI::Option* option : app.get_options()) {
    if (!option->get_configurable() || option == app.get_config_ptr() ||
        option == app.get_help_ptr() || option->get_lnames().empty()) {
      continue;
    }
    unknown.valid_keys.push_back(option->get_lnames().front());
  }
  return unknown;
}

}  // namespace junheng::cli
