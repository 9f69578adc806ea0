#include "common/cli/config_sources.h"

#include <cstdlib>
#include <fstream>

#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace junheng::cli {
namespace {

// $JUNHENG_TOKEN for the length of one test.
class ScopedToken {
 public:
  explicit ScopedToken(const char* value) {
    if (value == nullptr) {
      unsetenv("JUNHENG_TOKEN");
    } else {
      setenv("JUNHENG_TOKEN", value, 1);
    }
  }
  ~ScopedToken() { unsetenv("JUNHENG_TOKEN"); }
};

// The token a subcommand's callback sees, as `junheng submit` and `junheng-server backup` see
// theirs: with a config file holding "from-config", the given environment and arguments.
std::string TokenSeen(const std::string& config, const char* env, std::vector<const char*> args) {
  ScopedToken scoped(env);
  CLI::App app;
  std::string token, seen;
  app.set_config("--config", config);
  app.allow_config_extras(CLI::config_extras_mode::error);
  app.fallthrough();
  app.add_option("--token", token)->envname("JUNHENG_TOKEN");
  app.add_subcommand("submit")->callback([&] { seen = token; });
  PreferEnvironmentOverConfig(app);
  args.insert(args.begin(), "junheng");
  app.parse(static_cast<int>(args.size()), args.data());
  return seen;
}

TEST(ConfigSourcesTest, CommandLineThenEnvironmentThenConfigFile) {
  testing::TempDir dir;
  const std::string config = dir.Sub("junheng.toml");
  std::ofstream(config) << "token = \"from-config\"\n";
  EXPECT_EQ(TokenSeen(config, nullptr, {"submit"}), "from-config");
  EXPECT_EQ(TokenSeen(config, "from-env", {"submit"}), "from-env")
      << "the environment must outrank the config file";
  EXPECT_EQ(TokenSeen(config, "from-env", {"--token", "from-flag", "submit"}), "from-flag");
  EXPECT_EQ(TokenSeen(config, "from-env", {"submit", "--token=from-flag"}), "from-flag");
  EXPECT_EQ(TokenSeen(config, "", {"submit"}), "from-config")
      << "an empty variable sets nothing, as CLI11 reads it";
}

TEST(ConfigSourcesTest, OtherKeysOfTheFileStillApplyAndStillAreChecked) {
  testing::TempDir dir;
  const std::string config = dir.Sub("junheng.toml");
  std::ofstream(config) << "token = \"from-config\"\nserver = \"10.0.0.5:50551\"\n";
  ScopedToken scoped("from-env");
  CLI::App app;
  std::string token, server;
  app.set_config("--config", config);
  app.allow_config_extras(CLI::config_extras_mode::error);
  app.add_option("--token", token)->envname("JUNHENG_TOKEN");
  app.add_option("--server", server);
  PreferEnvironmentOverConfig(app);
  const char* argv[] = {"junheng"};
  app.parse(1, argv);
  EXPECT_EQ(token, "from-env");
  EXPECT_EQ(server, "10.0.0.5:50551");

  std::ofstream(config) << "token = \"x\"\nsever = \"10.0.0.5:50551\"\n";
  CLI::App strict;
  strict.set_config("--config", config);
  strict.allow_config_extras(CLI::config_extras_mode::error);
  strict.add_option("--token", token)->envname("JUNHENG_TOKEN");
  strict.add_option("--server", server);
  PreferEnvironmentOverConfig(strict);
  EXPECT_THROW(strict.parse(1, argv), CLI::ConfigError) << "a misspelt key is still refused";
}

TEST(ConfigSourcesTest, ReadsOneTopLevelSettingOfAConfigFile) {
  testing::TempDir dir;
  const std::string config = dir.Sub("junheng.toml");
  std::ofstream(config) << "# the county's client\nserver = \"10.0.0.5:50551\"\ntoken = "
                           "\"jh1.abc\"\n[agent]\ntoken = \"other\"\n";
  EXPECT_EQ(ConfigFileValue(config, "token"), "jh1.abc");
  EXPECT_EQ(ConfigFileValue(config, "server"), "10.0.0.5:50551");
  EXPECT_EQ(ConfigFileValue(config, "ca"), std::nullopt);
  EXPECT_EQ(ConfigFileValue(dir.Sub("absent.toml"), "token"), std::nullopt);
}

TEST(ConfigSourcesTest, ClientConfigPathFollowsJunhengConfig) {
  setenv("JUNHENG_CONFIG", "/etc/junheng/junheng.toml", 1);
  EXPECT_EQ(ClientConfigPath(), "/etc/junheng/junheng.toml");
  unsetenv("JUNHENG_CONFIG");
  setenv("HOME", "/home/clerk", 1);
  EXPECT_EQ(ClientConfigPath(), "/home/clerk/.config/junheng/junheng.toml");
}

}  // namespace
}  // namespace junheng::cli
