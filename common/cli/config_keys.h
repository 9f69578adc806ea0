#pragma once

#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"

namespace junheng::cli {

// A config file's key that no option takes: CLI11 reports it as a ConfigError "INI was not able
// to parse <key>" (with allow_config_extras(error)). What a person needs instead: the file, the
// key and the keys there are. `junheng` and `junheng-server` both read TOML config files.
struct UnknownConfigKey {
  std::string file;
  std::string key;
  // The long names of the app's configurable options, in the order the app declares them.
  std::vector<std::string> valid_keys;
};

// The unknown key `error` reports, or nullopt for any other parse error.
std::optional<UnknownConfigKey> UnknownConfigKeyOf(const CLI::App& app,
                                                   const CLI::ParseError& error);

}  // namespace junheng::cli
