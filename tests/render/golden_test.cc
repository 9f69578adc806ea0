// The golden evaluation set: 300 randomized counties under three profiles, each rendered as JSON,
// text and CSV (or its error message), hashed. The digests were recorded from the engine before
// issue 10 reshaped it; a change of any output, in any county, changes a digest. When a change of
// output is intended, the test prints the new digests to record.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/eval/evaluate.h"
#include "common/hash/sha256.h"
#include "common/render/evaluation_render.h"
#include "gtest/gtest.h"
#include "tests/eval/random_county.h"
#include "tests/testing/english.h"

namespace junheng::render {
namespace {

using eval::Evaluate;
namespace testing = eval::testing;

constexpr int kCounties = 300;

TEST(GoldenTest, EveryRenderingAndErrorOfTheSetIsUnchanged) {
  std::string json, text, csv, errors;
  std::map<std::string, std::set<std::string>> seen;  // item id -> statuses met
  for (const junheng::v1::Profile& profile : testing::SetProfiles()) {
    for (int n = 0; n < kCounties; ++n) {
      absl::StatusOr<junheng::v1::Evaluation> e = Evaluate(testing::RandomCounty(n), profile);
      if (!e.ok()) {
        errors += e.status().ToString() + "\n";
        continue;
      }
      for (const junheng::v1::ItemResult& item : e->items()) seen[item.id()].insert(item.status());
      json += RenderJson(*e, /*pretty=*/false) + "\n";
      text += RenderText(*e);
      csv += RenderCsv(*e);
    }
  }
  EXPECT_EQ(hash::Sha256Hex(json),
            "3c0efb39a3c71728046a4e57dbc9a81174116756f235057e07c605526a86ad38")
      << "json";
  EXPECT_EQ(hash::Sha256Hex(text),
            "1229b4c6a5d6e845b74bb4cb98ab1c259fd4098dffb7c003b8cb96e592683812")
      << "text";
  EXPECT_EQ(hash::Sha256Hex(csv),
            "80f3feba1480c384a127245bbbe425ff95ade27f93337b1efba307d9e00fc418")
      << "csv";
  EXPECT_EQ(hash::Sha256Hex(errors),
            "b5252898fb174fe4da3bff0cba960bcc340ef39af7818b11a6b1af69b7026c0c")
      << "errors";
  EXPECT_GT(errors.size(), 0u);
  // The set reaches every outcome of every item.
  for (const auto& [id, statuses] : seen) EXPECT_EQ(statuses.size(), 3u) << id;
}

}  // namespace
}  // namespace junheng::render
