#pragma once

// Prometheus' text exposition format, version 0.0.4: what GET /metrics answers, and what
// `promtool check metrics` reads (deploy/prometheus/, docs/monitoring.md).

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace junheng::server::metrics {

// The Content-Type of the format.
inline constexpr char kTextContentType[] = "text/plain; version=0.0.4; charset=utf-8";

enum class MetricType { kCounter, kGauge, kHistogram };

// A histogram as read at one moment.
struct HistogramSnapshot {
  // The buckets' upper bounds, increasing; +Inf is implied after the last.
  std::vector<double> bounds;
  // Observations per bucket, not cumulative: one per bound, then the +Inf bucket.
  std::vector<uint64_t> counts;
  double sum = 0;

  uint64_t count() const;
};

struct Label {
  absl::string_view name;
  absl::string_view value;
};

// Writes metrics as text. Each metric starts with Begin (its HELP and TYPE lines), and all its
// samples follow before the next Begin: a name must appear once per scrape. Label values and
// help texts are escaped as the format asks; names are the caller's to keep valid
// ([a-zA-Z_:][a-zA-Z0-9_:]*).
class MetricsText {
 public:
  void Begin(absl::string_view name, absl::string_view help, MetricType type);
  // One sample of the current metric (for a counter or gauge, `name` is the metric's own).
  void Sample(absl::string_view name, absl::Span<const Label> labels, double value);
  // Integers exactly, whatever their size.
  void Sample(absl::string_view name, absl::Span<const Label> labels, uint64_t value);
  // A histogram's _bucket (cumulative, with le), _sum and _count samples.
  void Histogram(absl::string_view name, absl::Span<const Label> labels,
                 const HistogramSnapshot& histogram);

  const std::string& text() const { return text_; }

 private:
  void Labels(absl::Span<const Label> labels, const Label* le);

  std::string text_;
};

// A sample value as the format writes it: integers without a fraction, others in the shortest
// form that reads back the same, +Inf, -Inf, NaN.
std::string FormatValue(double value);

}  // namespace junheng::server::metrics
