#include "server/observability/request_id.h"

#include <random>

namespace junheng::server {
namespace {

constexpr uint64_t kIdMask = (uint64_t{1} << (4 * RequestIds::kLength)) - 1;
// Odd, so that multiplying by it permutes the numbers modulo 2^40: the n-th id is
// (n * kStride + start) mod 2^40, distinct for every n below 2^40, and consecutive calls get ids
// that share no visible prefix (an operator greps for one, not for its neighbours).
constexpr uint64_t kStride = 0x9E3779B97F4A7C15ull;

}  // namespace

RequestIds::RequestIds()
    : start_((uint64_t{std::random_device()()} << 32) ^ std::random_device()()) {}

std::string RequestIds::Next() {
  const uint64_t n = issued_.fetch_add(1, std::memory_order_relaxed);
  uint64_t id = (n * kStride + start_) & kIdMask;
  std::string text(kLength, '0');
  for (size_t i = kLength; i-- > 0; id >>= 4) text[i] = "0123456789abcdef"[id & 0xF];
  return text;
}

}  // namespace junheng::server
