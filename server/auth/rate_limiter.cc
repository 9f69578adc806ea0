#include "server/auth/rate_limiter.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "common/i18n/numbers.h"
#include "common/i18n/server_messages.h"

namespace junheng::server::auth {

absl::Status RateLimiter::Acquire(absl::string_view key, absl::Duration* retry_after) {
  if (limit_.per_second <= 0) return absl::OkStatus();
  const double burst = std::max(1.0, limit_.burst);
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) it = buckets_.emplace(std::string(key), Bucket{burst, now}).first;
  Bucket& bucket = it->second;
  const double elapsed = std::max(0.0, absl::ToDoubleSeconds(now - bucket.updated));
  bucket.tokens = std::min(burst, bucket.tokens + elapsed * limit_.per_second);
  bucket.updated = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return absl::OkStatus();
  }
  const int64_t wait_ms =
      static_cast<int64_t>(std::ceil((1.0 - bucket.tokens) / limit_.per_second * 1000.0));
  if (retry_after != nullptr) *retry_after = absl::Milliseconds(wait_ms);
  return absl::ResourceExhaustedError(i18n::Say(i18n::server::kRateLimit,
                                                i18n::PeopleNumber(limit_.per_second),
                                                i18n::PeopleNumber(burst), wait_ms));
}

}  // namespace junheng::server::auth
