#include "server/observability/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace junheng::server::metrics {
namespace {

constexpr char kSeparator = '\xff';

[[noreturn]] void Misuse(absl::string_view name, absl::string_view what) {
  std::fprintf(stderr, "metric %.*s: %.*s\n", static_cast<int>(name.size()), name.data(),
               static_cast<int>(what.size()), what.data());
  std::abort();
}

template <typename Values>
std::string KeyOf(const Values& values) {
  std::string key;
  bool first = true;
  for (const auto& value : values) {
    if (!first) key += kSeparator;
    first = false;
    key.append(value.data(), value.size());
  }
  return key;
}

void WriteSeries(const std::string& name, absl::Span<const Label> labels, const Counter& counter,
                 MetricsText& out) {
  out.Sample(name, labels, counter.value());
}

void WriteSeries(const std::string& name, absl::Span<const Label> labels, const Gauge& gauge,
                 MetricsText& out) {
  out.Sample(name, labels, gauge.value());
}

void WriteSeries(const std::string& name, absl::Span<const Label> labels,
                 const Histogram& histogram, MetricsText& out) {
  out.Histogram(name, labels, histogram.Snapshot());
}

}  // namespace

Histogram::Histogram(absl::Span<const double> bounds)
    : bounds_(bounds.begin(), bounds.end()), counts_(new std::atomic<uint64_t>[bounds.size() + 1]) {
  for (size_t i = 0; i <= bounds_.size(); ++i) counts_[i].store(0, std::memory_order_relaxed);
}

void Histogram::Observe(double value) {
  const size_t bucket = static_cast<size_t>(
      std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin());
  counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

HistogramSnapshot Histogram::Snapshot() const {
  HistogramSnapshot snapshot;
  snapshot.bounds = bounds_;
  snapshot.counts.reserve(bounds_.size() + 1);
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    snapshot.counts.push_back(counts_[i].load(std::memory_order_relaxed));
  }
  snapshot.sum = sum_.load(std::memory_order_relaxed);
  return snapshot;
}

template <typename Series>
Series& Family<Series>::Find(std::string key, size_t value_count) {
  if (value_count != label_names_.size()) {
    Misuse(name_, "a series must give one value per label name");
  }
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = series_.find(key);
    if (it != series_.end()) return *it->second;
  }
  absl::MutexLock lock(&mu_);
  auto [it, fresh] = series_.try_emplace(std::move(key));
  if (fresh) it->second = make_();
  return *it->second;
}

template <typename Series>
Series& Family<Series>::With(LabelValues values) {
  return Find(KeyOf(values), values.size());
}

template <typename Series>
Series& Family<Series>::With(absl::Span<const std::string> values) {
  return Find(KeyOf(values), values.size());
}

template <typename Series>
void Family<Series>::Write(MetricType type, MetricsText& out) const {
  out.Begin(name_, help_, type);
  absl::ReaderMutexLock lock(&mu_);
  std::vector<const std::pair<const std::string, std::unique_ptr<Series>>*> sorted;
  sorted.reserve(series_.size());
  for (const auto& entry : series_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  std::vector<Label> labels(label_names_.size());
  for (const auto* entry : sorted) {
    if (!label_names_.empty()) {
      std::vector<absl::string_view> values = absl::StrSplit(entry->first, kSeparator);
      for (size_t i = 0; i < labels.size(); ++i) labels[i] = Label{label_names_[i], values[i]};
    }
    WriteSeries(name_, labels, *entry->second, out);
  }
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

template <typename Series>
Family<Series>& Registry::Add(MetricType type, std::string name, std::string help,
                              std::vector<std::string> label_names,
                              typename Family<Series>::Make make) {
  absl::MutexLock lock(&mu_);
  if (auto it = entries_.find(name); it != entries_.end()) {
    const Entry& entry = it->second;
    if (entry.type != type || entry.help != help || entry.label_names != label_names) {
      Misuse(name, "added again with another type, help or label names");
    }
    return *std::static_pointer_cast<Family<Series>>(entry.family);
  }
  std::shared_ptr<Family<Series>> family(
      new Family<Series>(name, help, label_names, std::move(make)));
  Family<Series>& added = *family;
  names_.push_back(name);
  entries_.emplace(name, Entry{.type = type,
                               .help = std::move(help),
                               .label_names = std::move(label_names),
                               .family = family,
                               .write = [type, raw = family.get()](MetricsText& out) {
                                 raw->Write(type, out);
                               }});
  return added;
}

CounterFamily& Registry::AddCounter(std::string name, std::string help,
                                    std::vector<std::string> label_names) {
  return Add<Counter>(MetricType::kCounter, std::move(name), std::move(help),
                      std::move(label_names), [] { return std::make_unique<Counter>(); });
}

GaugeFamily& Registry::AddGauge(std::string name, std::string help,
                                std::vector<std::string> label_names) {
  return Add<Gauge>(MetricType::kGauge, std::move(name), std::move(help), std::move(label_names),
                    [] { return std::make_unique<Gauge>(); });
}

HistogramFamily& Registry::AddHistogram(std::string name, std::string help,
                                        std::vector<std::string> label_names,
                                        absl::Span<const double> bounds) {
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
      Misuse(name, "histogram bounds must be finite and strictly increasing");
    }
  }
  return Add<Histogram>(MetricType::kHistogram, std::move(name), std::move(help),
                        std::move(label_names),
                        [kept = std::vector<double>(bounds.begin(), bounds.end())] {
                          return std::make_unique<Histogram>(kept);
                        });
}

void Registry::AddCollector(Collect collect) {
  absl::MutexLock lock(&mu_);
  collectors_.push_back(std::move(collect));
}

std::string Registry::Scrape() const {
  MetricsText out;
  absl::MutexLock lock(&mu_);
  for (const std::string& name : names_) entries_.at(name).write(out);
  for (const Collect& collect : collectors_) collect(out);
  return out.text();
}

Registry& Registry::Unexported() {
  static Registry* const unexported = new Registry();
  return *unexported;
}

}  // namespace junheng::server::metrics
