// The evaluation's reasons are written in the language of the call: Chinese by default, English
// for --lang en; formulas and field names are the same in both.
#include <set>
#include <string>

#include "common/eval/evaluate.h"
#include "common/i18n/evaluation_messages.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"

namespace junheng::eval {
namespace {

using ::testing::HasSubstr;
using namespace ::junheng::eval::testing;

TEST(ReasonsLanguageTest, ChineseByDefaultAndEnglishOnRequest) {
  EvaluationInput in = GoodPrimaryCounty();
  in.reports[0].clear_has_charter();
  i18n::SetProcessLang(i18n::Lang::kZh);
  v1::Evaluation zh = Evaluate(in, National()).value();
  i18n::SetProcessLang(i18n::Lang::kEn);
  v1::Evaluation en = Evaluate(in, National()).value();
  EXPECT_THAT(FindItem(zh, "Q3")->reason(), HasSubstr("所学校无法判定"));
  EXPECT_THAT(FindItem(zh, "Q3")->reason(), HasSubstr("未填报：has_charter"));
  EXPECT_THAT(FindItem(en, "Q3")->reason(), HasSubstr("schools could not be judged"));
  EXPECT_THAT(FindItem(en, "Q3")->reason(), HasSubstr("not reported: has_charter"));
  EXPECT_THAT(FindItem(zh, "Q4")->reason(), HasSubstr("所学校达标"));
  // The language changes words only: the verdict is the same.
  EXPECT_EQ(zh.verdict().pass(), en.verdict().pass());
  EXPECT_EQ(FindItem(zh, "Q3")->status(), FindItem(en, "Q3")->status());
}

// The placeholders $0 … $9 of each entry, as a set: both languages must use the same ones.
std::set<char> Placeholders(absl::string_view text) {
  std::set<char> out;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '$' && text[i + 1] >= '0' && text[i + 1] <= '9') out.insert(text[i + 1]);
  }
  return out;
}

TEST(ReasonsLanguageTest, EveryReasonHasBothLanguagesWithTheSameValues) {
  for (const i18n::Msg* msg : {&i18n::evaluation::kNoStudents, &i18n::evaluation::kTooFewMet,
                               &i18n::evaluation::kRotation, &i18n::evaluation::kPointMerged,
                               &i18n::evaluation::kFundsBelow, &i18n::evaluation::kSchoolsFail,
                               &i18n::evaluation::kUnitFails, &i18n::evaluation::kNotARating}) {
    EXPECT_FALSE(msg->zh.empty()) << msg->id;
    EXPECT_EQ(Placeholders(msg->zh), Placeholders(msg->en)) << msg->id;
  }
}

}  // namespace
}  // namespace junheng::eval
