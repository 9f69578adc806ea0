#include "common/cli/config_sources.h"

#include <cstdlib>
#include <memory>
#include <set>
#include <utility>
#include <vector>

namespace junheng::cli {
namespace {

// TOML as CLI11 reads it, without the keys whose environment variable is set.
class EnvironmentFirstToml : public CLI::ConfigTOML {
 public:
  explicit EnvironmentFirstToml(std::set<std::string> overridden)
      : overridden_(std::move(overridden)) {}

  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
    std::vector<CLI::ConfigItem> items = CLI::ConfigTOML::from_config(input);
    std::erase_if(items,
                  [&](const CLI::ConfigItem& item) { return overridden_.contains(item.name); });
    return items;
  }

 private:
  std::set<std::string> overridden_;
};

void CollectOverridden(const CLI::App& app, std::set<std::string>* keys) {
  for (const CLI::Option* option : app.get_options()) {
    const std::string env = option->get_envname();
    if (env.empty() || option->get_lnames().empty()) continue;
    const char* value = std::getenv(env.c_str());
    if (value != nullptr && *value != '\0') keys->insert(option->get_lnames().front());
  }
  for (const CLI::App* sub : app.get_subcommands({})) CollectOverridden(*sub, keys);
}

}  // namespace

void PreferEnvironmentOverConfig(CLI::App& app) {
  std::set<std::string> overridden;
  CollectOverridden(app, &overridden);
  app.config_formatter(std::make_shared<EnvironmentFirstToml>(std::move(overridden)));
}

std::string ClientConfigPath() {
  if (const char* path = std::getenv("JUNHENG_CONFIG")) return path;
  if (const char* home = std::getenv("HOME")) {
    return std::string(home) + "/.config/junheng/junheng.toml";
  }
  return "junheng.toml";
}

std::optional<std::string> ConfigFileValue(const std::string& file, std::string_view key) {
  try {
    for (const CLI::ConfigItem& item : CLI::ConfigTOML().from_file(file)) {
      if (item.parents.empty() && item.name == key && item.inputs.size() == 1) {
        return item.inputs.front();
      }
    }
  } catch (const CLI::Error&) {
    // An absent or unreadable file gives nothing; `junheng` itself reports its problems.
  }
  return std::nullopt;
}

}  // namespace junheng::cli
