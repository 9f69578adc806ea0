#pragma once

#include <map>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/time/clock.h"

namespace junheng::server::auth {

struct RateLimit {
  // Sustained calls per second each credential may make; 0 or less turns the limit off.
  double per_second = 50;
  // Calls a credential may make at once after being idle (the bucket's size).
  double burst = 200;
};

// A token bucket per credential (key: the token id). A bucket starts full, holds at most `burst`
// calls and refills at `per_second` on the injected clock. Keys are authenticated credentials
// only, so the map is bounded by the number of valid tokens. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(RateLimit limit, const Clock* clock) : limit_(limit), clock_(clock) {}

  // Takes one call from `key`'s bucket. RESOURCE_EXHAUSTED when it is empty; the message says
  // when to retry and `*retry_after` (when given) is set to that wait.
  [[nodiscard]] absl::Status Acquire(absl::string_view key, absl::Duration* retry_after = nullptr)
      ABSL_LOCKS_EXCLUDED(mu_);

 private:
  struct Bucket {
    double tokens;
    absl::Time updated;
  };
  const RateLimit limit_;
  const Clock* clock_;
  absl::Mutex mu_;
  std::map<std::string, Bucket, std::less<>> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace junheng::server::auth
