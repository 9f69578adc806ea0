#pragma once

// The server's Prometheus metrics: counters, gauges and fixed-bucket histograms with labels, and a
// registry that writes them in the text exposition format (metrics_text.h) for GET /metrics.
//
// Written here rather than taken from prometheus-cpp: Debian 12 packages no prometheus-cpp (no
// libprometheus-cpp-dev in bookworm) and nothing is downloaded at build time; what the server
// needs is small (three kinds of series, labels, one text format).
//
// Cost on the hot path: an update is one relaxed atomic add (a histogram: two, and a scan of its
// few bounds); nothing takes a lock. Finding a labelled series takes its family's lock in shared
// mode, so a caller that updates one series often looks it up once and keeps the reference,
// which stays valid for the registry's life.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "server/observability/metrics_text.h"

namespace junheng::server::metrics {

// A count that only goes up (Prometheus counter). Thread-safe.
class Counter {
 public:
  void Increment(uint64_t by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> value_{0};
};

// A value that goes up and down (Prometheus gauge). Thread-safe.
class Gauge {
 public:
  void Set(double value) { value_.store(value, std::memory_order_relaxed); }
  void Add(double delta) { value_.fetch_add(delta, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// Observations counted in buckets with fixed upper bounds (Prometheus histogram). Thread-safe;
// a Snapshot taken while others observe may lag their sum by the observations in flight, never
// its count behind its buckets.
class Histogram {
 public:
  // `bounds`: the buckets' upper bounds, finite and strictly increasing; +Inf is implied.
  explicit Histogram(absl::Span<const double> bounds);

  void Observe(double value);
  HistogramSnapshot Snapshot() const;

 private:
  const std::vector<double> bounds_;
  // One per bound, then the +Inf bucket; not cumulative.
  const std::unique_ptr<std::atomic<uint64_t>[]> counts_;
  std::atomic<double> sum_{0};
};

// Upper bounds, in seconds, for the latency of calls and synced writes: 0.5 ms to 30 s.
inline constexpr double kLatencySeconds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                             0.25,   0.5,   1,      2.5,   5,    10,    30};

// Label values of one series, in the order of its family's label names.
using LabelValues = std::initializer_list<absl::string_view>;

// The series of one metric name, one per combination of label values, made on first use.
// Label values must be few (a county, a period, a method, a code; never a school or a token).
template <typename Series>
class Family {
 public:
  // The series with `values` (one per label name), made on first use.
  Series& With(LabelValues values) ABSL_LOCKS_EXCLUDED(mu_);
  Series& With(absl::Span<const std::string> values) ABSL_LOCKS_EXCLUDED(mu_);

  const std::string& name() const { return name_; }

 private:
  friend class Registry;
  using Make = std::function<std::unique_ptr<Series>()>;
  Family(std::string name, std::string help, std::vector<std::string> label_names, Make make)
      : name_(std::move(name)),
        help_(std::move(help)),
        label_names_(std::move(label_names)),
        make_(std::move(make)) {}
  Series& Find(std::string key, size_t value_count) ABSL_LOCKS_EXCLUDED(mu_);
  void Write(MetricType type, MetricsText& out) const ABSL_LOCKS_EXCLUDED(mu_);

  const std::string name_;
  const std::string help_;
  const std::vector<std::string> label_names_;
  const Make make_;
  mutable absl::Mutex mu_;
  // By the label values joined with '\xff' (a byte UTF-8 never has).
  absl::flat_hash_map<std::string, std::unique_ptr<Series>> series_ ABSL_GUARDED_BY(mu_);
};

using CounterFamily = Family<Counter>;
using GaugeFamily = Family<Gauge>;
using HistogramFamily = Family<Histogram>;

// The canonical status codes, absl's and gRPC's alike: 0 (OK) to 16 (UNAUTHENTICATED). Series
// by code are SeriesSlots<..., kStatusCodeCount>.
inline constexpr size_t kStatusCodeCount = 17;

// Series of a family picked by a small number (a status code, a method's slot), each looked up
// in the family on its first use and then found without a lock. Series appear in a scrape once
// used, so that a hundred methods times seventeen codes do not each show a zero.
template <typename Series, size_t kSize>
class SeriesSlots {
 public:
  // The series in `slot` (below kSize), from `lookup` the first time. Two threads that race on
  // a first use both look it up and get the same series.
  template <typename Lookup>
  Series& Get(size_t slot, Lookup&& lookup) {
    Series* series = slots_[slot].load(std::memory_order_acquire);
    if (series == nullptr) {
      series = &std::forward<Lookup>(lookup)();
      slots_[slot].store(series, std::memory_order_release);
    }
    return *series;
  }

 private:
  std::array<std::atomic<Series*>, kSize> slots_{};
};

// The metrics of one server, written for a scrape in the order they were added. Adding a metric
// whose name was added before returns the first one; the same name with another type, help or
// label names is a programming error (the process aborts with the name). Thread-safe.
class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  CounterFamily& AddCounter(std::string name, std::string help,
                            std::vector<std::string> label_names = {});
  GaugeFamily& AddGauge(std::string name, std::string help,
                        std::vector<std::string> label_names = {});
  HistogramFamily& AddHistogram(std::string name, std::string help,
                                std::vector<std::string> label_names,
                                absl::Span<const double> bounds);

  // Metrics read when scraped (from /proc, the store, the clock): `collect` writes whole
  // metrics (MetricsText::Begin, then their samples). It runs on the scraping thread and must
  // stay valid while the registry can be scraped.
  using Collect = std::function<void(MetricsText&)>;
  void AddCollector(Collect collect) ABSL_LOCKS_EXCLUDED(mu_);

  // Every metric in the text exposition format 0.0.4.
  std::string Scrape() const ABSL_LOCKS_EXCLUDED(mu_);

  // A registry nobody scrapes, for the objects that tests make without one: their counts are
  // kept, and never shown.
  static Registry& Unexported();

 private:
  struct Entry {
    MetricType type;
    std::string help;
    std::vector<std::string> label_names;
    std::shared_ptr<void> family;
    std::function<void(MetricsText&)> write;
  };
  template <typename Series>
  Family<Series>& Add(MetricType type, std::string name, std::string help,
                      std::vector<std::string> label_names, typename Family<Series>::Make make)
      ABSL_LOCKS_EXCLUDED(mu_);

  mutable absl::Mutex mu_;
  std::vector<std::string> names_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
  std::vector<Collect> collectors_ ABSL_GUARDED_BY(mu_);
};

}  // namespace junheng::server::metrics
