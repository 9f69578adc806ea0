#include "server/auth/rate_limiter.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::server::auth {
namespace {

using ::testing::HasSubstr;

TEST(RateLimiterTest, BurstThenRefillAtTheConfiguredRate) {
  FakeClock clock(absl::FromUnixSeconds(1'700'000'000));
  RateLimiter limiter({.per_second = 2, .burst = 3}, &clock);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Acquire("a").ok()) << i;
  absl::Duration retry;
  absl::Status refused = limiter.Acquire("a", &retry);
  EXPECT_TRUE(absl::IsResourceExhausted(refused)) << refused;
  EXPECT_THAT(refused.message(), HasSubstr("retry in 500 ms"));
  EXPECT_EQ(retry, absl::Milliseconds(500));
  // Another credential has its own bucket.
  EXPECT_TRUE(limiter.Acquire("b").ok());
  clock.Advance(absl::Milliseconds(499));
  EXPECT_TRUE(absl::IsResourceExhausted(limiter.Acquire("a")));
  clock.Advance(absl::Milliseconds(1));
  EXPECT_TRUE(limiter.Acquire("a").ok());
  EXPECT_TRUE(absl::IsResourceExhausted(limiter.Acquire("a")));
  // A long pause refills no more than the burst.
  clock.Advance(absl::Hours(1));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Acquire("a").ok()) << i;
  EXPECT_TRUE(absl::IsResourceExhausted(limiter.Acquire("a")));
}

TEST(RateLimiterTest, ZeroRateMeansNoLimit) {
  FakeClock clock(absl::FromUnixSeconds(1'700'000'000));
  RateLimiter limiter({.per_second = 0, .burst = 1}, &clock);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.Acquire("a").ok());
}

}  // namespace
}  // namespace junheng::server::auth
