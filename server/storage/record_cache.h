#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace junheng::storage {

// A read-through cache of records that every call reads and few writes change (a county's
// reporting periods, a token), so that a report does not pay a RocksDB lookup for them.
//
// Contract with the store's writes: after a write of a cached record is visible to reads, the
// writer calls Invalidate(key). A load that ran while any Invalidate happened is returned to its
// caller but not kept, so a value read before a write can never outlive it in the cache. Holds at
// most `capacity` values; when full it starts over empty (the records are small and re-read
// once). Thread-safe.
template <typename V>
class RecordCache {
 public:
  explicit RecordCache(size_t capacity) : capacity_(capacity) {}
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  // The value kept for `key`, or what `load` reads (kept as above). `load`'s error is returned
  // and nothing is kept.
  absl::StatusOr<std::shared_ptr<const V>> Get(absl::string_view key,
                                               absl::FunctionRef<absl::StatusOr<V>()> load)
      ABSL_LOCKS_EXCLUDED(mu_) {
    uint64_t generation = 0;
    {
      absl::ReaderMutexLock lock(&mu_);
      if (auto kept = values_.find(key); kept != values_.end()) return kept->second;
      generation = generation_;
    }
    absl::StatusOr<V> loaded = load();
    if (!loaded.ok()) return loaded.status();
    auto value = std::make_shared<const V>(*std::move(loaded));
    absl::MutexLock lock(&mu_);
    if (generation == generation_) {
      if (values_.size() >= capacity_) values_.clear();
      values_.insert_or_assign(std::string(key), value);
    }
    return value;
  }

  // Forgets `key`, and makes every load already under way forget what it read.
  void Invalidate(absl::string_view key) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    ++generation_;
    values_.erase(key);
  }

  size_t size() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::ReaderMutexLock lock(&mu_);
    return values_.size();
  }

 private:
  const size_t capacity_;
  mutable absl::Mutex mu_;
  // Incremented by every Invalidate: a load started at another generation may be stale.
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<std::string, std::shared_ptr<const V>> values_ ABSL_GUARDED_BY(mu_);
};

}  // namespace junheng::storage
