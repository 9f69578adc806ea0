#include "common/eval/batch_evaluator.h"

#include <string>
#include <vector>

#include "common/eval/evaluate.h"
#include "gtest/gtest.h"
#include "tests/eval/eval_test_util.h"
#include "tests/eval/random_county.h"

namespace junheng::eval {
namespace {

using testing::Bytes;
using testing::kGoodPrimary;
using testing::MakeSchool;
using testing::PrimaryReport;

// County `n`: a different number of schools, failing indicators and findings for each n, so that
// a reused message must shrink, grow and change every part from one county to the next.
EvaluationInput County(int n) {
  EvaluationInput in;
  in.county_code = "1404" + std::to_string(10 + n);
  in.period = "2024";
  int schools = 1 + (n * 7) % 9;
  for (int s = 0; s < schools; ++s) {
    std::string code = in.county_code + std::to_string(100 + s);
    in.registry.push_back(
        MakeSchool(code, s % 4 == 3 ? "teaching_point" : "primary", in.county_code));
    in.registry.back().set_target_year(2024 + (n + s) % 6);
    if ((n + s) % 5 == 4) continue;  // no report: not_judged parts
    std::array<double, 7> v = kGoodPrimary;
    v[(n + s) % 7] *= 0.5 + 0.1 * (s % 4);  // one indicator short by a varying amount
    junheng::v1::SchoolReport r = PrimaryReport(code, 60 + 40 * ((n + s) % 4), v);
    if ((n + s) % 3 == 0) r.set_music_rooms(0);  // a G3 finding
    if ((n + s) % 4 == 1) r.set_ict_rating("poor");
    in.reports.push_back(r);
  }
  if (n % 2 == 0) in.county_facts = testing::GoodFacts();
  return in;
}

TEST(BatchEvaluatorTest, EveryResultIsTheMessageEvaluateGives) {
  BatchEvaluator batch;
  for (int n = 0; n < 40; ++n) {
    for (const junheng::v1::Profile& profile : {testing::National(), testing::Qin()}) {
      EvaluationInput in = County(n);
      absl::StatusOr<junheng::v1::Evaluation> fresh = Evaluate(in, profile);
      absl::StatusOr<const junheng::v1::Evaluation*> reused = batch.Evaluate(in, profile);
      ASSERT_TRUE(fresh.ok()) << fresh.status();
      ASSERT_TRUE(reused.ok()) << reused.status();
      EXPECT_EQ(Bytes(**reused), Bytes(*fresh)) << "county " << n << " " << profile.name();
    }
  }
  EXPECT_EQ(batch.resets(), 0);  // all of it in one arena block: every county reused the message
}

// The golden set's counties (every school type, missing reports and fields, errors) under its
// three profiles, one after another through one evaluator and into an arena: the same bytes, or the
// same error, as Evaluate().
TEST(BatchEvaluatorTest, TheGoldenSetGivesEvaluatesMessagesByteForByte) {
  BatchEvaluator batch;
  google::protobuf::Arena arena;
  int compared = 0;
  for (const junheng::v1::Profile& profile : testing::SetProfiles()) {
    for (int n = 0; n < 300; ++n) {
      EvaluationInput in = testing::RandomCounty(n);
      absl::StatusOr<junheng::v1::Evaluation> fresh = Evaluate(in, profile);
      absl::StatusOr<const junheng::v1::Evaluation*> reused = batch.Evaluate(in, profile);
      auto* on_arena = google::protobuf::Arena::CreateMessage<junheng::v1::Evaluation>(&arena);
      absl::Status into = EvaluateInto(in, profile, on_arena);
      ASSERT_EQ(reused.status(), fresh.status()) << "county " << n;
      ASSERT_EQ(into, fresh.status()) << "county " << n;
      if (!fresh.ok()) continue;
      EXPECT_EQ(Bytes(**reused), Bytes(*fresh)) << "county " << n << " " << profile.name();
      EXPECT_EQ(Bytes(*on_arena), Bytes(*fresh)) << "county " << n << " " << profile.name();
      ++compared;
    }
  }
  EXPECT_GT(compared, 800);
}

TEST(BatchEvaluatorTest, ResetsItsArenaAndStaysCorrect) {
  // A tiny bound makes the evaluator reset its arena every few counties.
  BatchEvaluator batch(64 << 10);
  for (int n = 0; n < 60; ++n) {
    EvaluationInput in = County(n);
    absl::StatusOr<const junheng::v1::Evaluation*> reused = batch.Evaluate(in, testing::National());
    ASSERT_TRUE(reused.ok()) << reused.status();
    EXPECT_EQ(Bytes(**reused), Bytes(*Evaluate(in, testing::National()))) << "county " << n;
  }
  EXPECT_GT(batch.resets(), 1);
}

TEST(BatchEvaluatorTest, AnErrorLeavesTheNextCountyUnaffected) {
  BatchEvaluator batch;
  ASSERT_TRUE(batch.Evaluate(County(3), testing::National()).ok());
  EvaluationInput bad = County(4);
  bad.registry.push_back(bad.registry.front());  // a school code twice
  absl::StatusOr<const junheng::v1::Evaluation*> error = batch.Evaluate(bad, testing::National());
  EXPECT_EQ(error.status(), Evaluate(bad, testing::National()).status());
  EXPECT_EQ(error.status().code(), absl::StatusCode::kInvalidArgument);
  absl::StatusOr<const junheng::v1::Evaluation*> next = batch.Evaluate(County(5), testing::Qin());
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(Bytes(**next), Bytes(*Evaluate(County(5), testing::Qin())));
}

}  // namespace
}  // namespace junheng::eval
