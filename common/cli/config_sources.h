#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "CLI/CLI.hpp"

namespace junheng::cli {

// One precedence for every setting of every junheng binary: the command line, then the
// environment ($JUNHENG_TOKEN), then the config file.
//
// CLI11 reads the config file before the environment and then consults the environment only for
// options the file left unset, so a `token = ...` in the file would hide $JUNHENG_TOKEN. Call this
// once every option (of the app and its subcommands) is declared: the app then reads its config
// file without the keys whose environment variable is set.
void PreferEnvironmentOverConfig(CLI::App& app);

// The client's config file: $JUNHENG_CONFIG, else ~/.config/junheng/junheng.toml.
std::string ClientConfigPath();

// The top-level string setting `key` of a TOML config file as `junheng` reads it, or nullopt when
// the file or the key is absent or the file cannot be parsed. Lets junheng-server's operator
// commands use the credentials the client on the same machine is set up with.
std::optional<std::string> ConfigFileValue(const std::string& file, std::string_view key);

}  // namespace junheng::cli
