#include "common/cli/config_keys.h"

#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace junheng::cli {
namespace {

using ::testing::ElementsAre;

TEST(ConfigKeysTest, AMisspeltKeyNamesTheFileTheKeyAndTheSettings) {
  testing::TempDir dir;
  const std::string file = dir.Sub("junheng.toml");
  std::ofstream(file) << "server = \"10.0.0.5:50551\"\nsever = \"10.0.0.5:50551\"\n";
  CLI::App app;
  std::string server, county;
  bool verbose = false;
  app.set_config("--config", file);
  app.allow_config_extras(CLI::config_extras_mode::error);
  app.add_option("--server", server);
  app.add_option("--county", county);
  app.add_flag("--verbose", verbose)->configurable(false);
  const char* argv[] = {"junheng"};
  try {
    app.parse(1, argv);
    FAIL() << "the misspelt key was accepted";
  } catch (const CLI::ParseError& e) {
    auto unknown = UnknownConfigKeyOf(app, e);
    ASSERT_TRUE(unknown.has_value()) << e.what();
    EXPECT_EQ(unknown->file, file);
    EXPECT_EQ(unknown->key, "sever");
    EXPECT_THAT(unknown->valid_keys, ElementsAre("server", "county"))
        << "configurable options only, without --config and --help";
  }
}

TEST(ConfigKeysTest, OtherParseErrorsAreNotAboutConfigKeys) {
  CLI::App app;
  int number = 0;
  app.add_option("--number", number)->required();
  const char* argv[] = {"junheng"};
  try {
    app.parse(1, argv);
    FAIL() << "a required option was missing";
  } catch (const CLI::ParseError& e) {
    EXPECT_FALSE(UnknownConfigKeyOf(app, e).has_value());
  }
}

}  // namespace
}  // namespace junheng::cli
