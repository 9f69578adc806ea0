#include "common/catalog/school_sections.h"

#include <string>

#include "gtest/gtest.h"

namespace junheng::catalog {
namespace {

void ExpectSections(const std::string& word, bool primary, bool junior, bool senior) {
  std::optional<Sections> s = SectionsOf(word);
  ASSERT_TRUE(s.has_value()) << word;
  EXPECT_EQ(s->primary, primary) << word;
  EXPECT_EQ(s->junior, junior) << word;
  EXPECT_EQ(s->senior, senior) << word;
}

TEST(SchoolSectionsTest, EachCatalogueWordHasItsSections) {
  ExpectSections("primary", true, false, false);
  ExpectSections("teaching_point", true, false, false);
  ExpectSections("junior", false, true, false);
  ExpectSections("nine_year", true, true, false);
  ExpectSections("twelve_year", true, true, true);
  ExpectSections("complete_middle", false, true, true);
}

TEST(SchoolSectionsTest, OtherWordsHaveNone) {
  // Same lengths as catalogue words, other spellings, and the non-unit types.
  for (const char* word :
       {"", "Primary", "primarx", "juniors", "senior", "nine-year", "twelve_yeax",
        "complete_middlE", "teaching_poinT", "special_education", "vocational", "primary "}) {
    EXPECT_FALSE(SectionsOf(word).has_value()) << word;
  }
}

}  // namespace
}  // namespace junheng::catalog
