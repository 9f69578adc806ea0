#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace junheng::server {

// Names each call to the server with a request id: 10 hex digits, unique within one run of the
// server (for 2^40 calls), so that the id a clerk reads out of an error finds the one log line
// of that call. Ids of different runs may repeat; the log line's time tells them apart.
// Thread-safe; one atomic add per id.
class RequestIds {
 public:
  static constexpr size_t kLength = 10;

  // Starts at a random point, so that two runs do not give the same first ids.
  RequestIds();
  // `start`: a fixed first point, for tests.
  explicit RequestIds(uint64_t start) : start_(start) {}

  std::string Next();

 private:
  const uint64_t start_;
  std::atomic<uint64_t> issued_{0};
};

}  // namespace junheng::server
