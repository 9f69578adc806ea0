#include "common/profile/profile_loader.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace junheng::profile {
namespace {

TEST(ProfileLoaderTest, NationalProfileCarriesTheMethodsThresholds) {
  v1::Profile p = LoadBuiltinProfile("national-2017").value();
  EXPECT_EQ(p.name(), "national-2017");
  EXPECT_FALSE(p.version().empty());
  ASSERT_EQ(p.primary().indicator_min_size(), 7);
  EXPECT_EQ(p.primary().indicator_min(0), 4.2);
  EXPECT_EQ(p.junior().indicator_min(0), 5.3);
  EXPECT_EQ(p.primary().indicator_min(5), 2000);
  EXPECT_EQ(p.junior().indicator_min(4), 10.2);
  EXPECT_EQ(p.primary().cv_max(), 0.50);
  EXPECT_EQ(p.junior().cv_max(), 0.45);
  EXPECT_EQ(p.unit_min_met(), 6);
  EXPECT_EQ(p.unit_miss_floor(), 0.85);
  EXPECT_EQ(p.split_nine_year().junior(), 1.1);
  EXPECT_EQ(p.split_twelve_year().senior(), 1.32);
  EXPECT_EQ(p.split_complete_middle().senior(), 1.2);
  EXPECT_EQ(p.teaching_point_min_students(), 50);
  EXPECT_EQ(p.small_teaching_point(), "exclude");
  EXPECT_EQ(p.quality_hs_quota_share_min(), 0.50);
  EXPECT_EQ(p.consolidation_rate_min(), 0.95);
  EXPECT_EQ(p.special_ed_funds_min_yuan(), 6000);
  EXPECT_EQ(p.survey_satisfaction_min(), 0.85);
  EXPECT_EQ(p.primary().max_class_size(), 45);
  EXPECT_EQ(p.junior().zoned_admission_min(), 0.95);
}

TEST(ProfileLoaderTest, QinCountyInheritsAndOverridesTheCountyTargets) {
  v1::Profile p = LoadBuiltinProfile("qin-county").value();
  EXPECT_EQ(p.name(), "qin-county");
  ASSERT_EQ(p.inherits_size(), 1);
  EXPECT_EQ(p.inherits(0), "national-2017");
  EXPECT_EQ(p.quality_hs_quota_share_min(), 0.80);
  EXPECT_EQ(p.consolidation_rate_min(), 0.99);
  EXPECT_EQ(p.disabled_enrollment_rate_min(), 0.99);
  // Everything else is national.
  EXPECT_EQ(p.primary().indicator_min(0), 4.2);
  EXPECT_EQ(p.junior().cv_max(), 0.45);
  EXPECT_EQ(p.migrant_public_share_min(), 0.85);
}

TEST(ProfileLoaderTest, BuiltinNamesAreListed) {
  std::vector<std::string> names = BuiltinProfileNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "national-2017"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "qin-county"), names.end());
  absl::Status s = LoadBuiltinProfile("nowhere").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(std::string(s.message()).find("national-2017"), std::string::npos);
}

TEST(ProfileLoaderTest, OverrideFromTextInheritingABuiltin) {
  v1::Profile p = ParseProfile(R"(
[profile]
name = "province-x"
version = "1"
inherits = "national-2017"
[government.G7]
special_ed_funds_min_yuan = 8000
[units]
small_teaching_point = "merge"
)",
                               "province-x.toml")
                      .value();
  EXPECT_EQ(p.special_ed_funds_min_yuan(), 8000);
  EXPECT_EQ(p.small_teaching_point(), "merge");
  EXPECT_EQ(p.teaching_point_min_students(), 50);
}

TEST(ProfileLoaderTest, ErrorsNameTheKey) {
  auto missing = ParseProfile("[profile]\nname = \"x\"\nversion = \"1\"\n", "x.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(std::string(missing.status().message()).find("resource.primary.L1"), std::string::npos);

  auto unknown = ParseProfile(R"(
[profile]
name = "x"
version = "1"
inherits = "national-2017"
[resource.primary]
L8 = 3.0
)",
                              "x.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(std::string(unknown.status().message()).find("unknown key resource.primary.L8"),
            std::string::npos);

  auto wrong_type = ParseProfile(R"(
[profile]
name = "x"
version = "1"
inherits = "national-2017"
[resource.junior]
cv_max = "0.45"
)",
                                 "x.toml");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(std::string(wrong_type.status().message()).find("resource.junior.cv_max"),
            std::string::npos);

  auto bad_word = ParseProfile(R"(
[profile]
name = "x"
version = "1"
inherits = "national-2017"
[units]
small_teaching_point = "drop"
)",
                               "x.toml");
  ASSERT_FALSE(bad_word.ok());
  EXPECT_NE(std::string(bad_word.status().message()).find("units.small_teaching_point"),
            std::string::npos);

  auto syntax = ParseProfile("[profile\nname=", "broken.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(std::string(syntax.status().message()).find("broken.toml:"), std::string::npos);

  auto no_version =
      ParseProfile("[profile]\nname = \"x\"\ninherits = \"national-2017\"\n", "x.toml");
  ASSERT_FALSE(no_version.ok());
  EXPECT_NE(std::string(no_version.status().message()).find("profile.version"), std::string::npos);
}

TEST(ProfileLoaderTest, OutlierChecksNeedAtLeastThreeUnits) {
  EXPECT_EQ(LoadBuiltinProfile("national-2017")->consistency_outlier_min_units(), 8);
  EXPECT_EQ(LoadBuiltinProfile("qin-county")->consistency_outlier_min_units(), 8);
  auto two = ParseProfile(R"(
[profile]
name = "x"
version = "1"
inherits = "national-2017"
[consistency]
outlier_min_units = 2
)",
                          "x.toml");
  ASSERT_FALSE(two.ok());
  EXPECT_NE(std::string(two.status().message())
                .find("key consistency.outlier_min_units must be at least 3"),
            std::string::npos)
      << two.status();
}

TEST(ProfileLoaderTest, LoadsAFileThatInheritsAFileBesideIt) {
  std::string dir = ::testing::TempDir();
  std::string base = dir + "/base-profile.toml";
  std::string child = dir + "/child-profile.toml";
  {
    std::ofstream out(base);
    out << "[profile]\nname = \"base\"\nversion = \"1\"\ninherits = \"national-2017\"\n"
           "[social]\nsurvey_satisfaction_min = 0.9\n";
  }
  {
    std::ofstream out(child);
    out << "[profile]\nname = \"child\"\nversion = \"2\"\ninherits = \"base-profile.toml\"\n"
           "[government.G14]\nquality_hs_quota_share_min = 0.7\n";
  }
  v1::Profile p = LoadProfile(child).value();
  EXPECT_EQ(p.name(), "child");
  EXPECT_EQ(p.version(), "2");
  EXPECT_EQ(p.survey_satisfaction_min(), 0.9);
  EXPECT_EQ(p.quality_hs_quota_share_min(), 0.7);
  EXPECT_EQ(p.consolidation_rate_min(), 0.95);
  EXPECT_EQ(LoadProfile(dir + "/absent.toml").status().code(), absl::StatusCode::kNotFound);
  std::remove(base.c_str());
  std::remove(child.c_str());
}

}  // namespace
}  // namespace junheng::profile
