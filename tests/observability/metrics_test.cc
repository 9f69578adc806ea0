// The metrics registry and the text exposition format it writes for GET /metrics.
#include "server/observability/metrics.h"

#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/observability/metrics_text.h"

namespace junheng::server::metrics {
namespace {

using ::testing::HasSubstr;

TEST(MetricsTest, ARegistryWritesHelpTypeAndSamplesInTheOrderMetricsWereAdded) {
  Registry registry;
  CounterFamily& calls = registry.AddCounter("calls_total", "Calls.", {"method", "code"});
  Gauge& open = registry.AddGauge("open_periods", "Open periods.").With({});
  calls.With({"Submit", "OK"}).Increment(3);
  calls.With({"Get", "NOT_FOUND"}).Increment();
  open.Set(2);

  EXPECT_EQ(registry.Scrape(),
            "# HELP calls_total Calls.\n"
            "# TYPE calls_total counter\n"
            "calls_total{method=\"Get\",code=\"NOT_FOUND\"} 1\n"
            "calls_total{method=\"Submit\",code=\"OK\"} 3\n"
            "# HELP open_periods Open periods.\n"
            "# TYPE open_periods gauge\n"
            "open_periods 2\n");
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithSumAndCount) {
  Registry registry;
  constexpr double kBounds[] = {0.01, 0.1, 1};
  Histogram& latency =
      registry.AddHistogram("latency_seconds", "Latency.", {"method"}, kBounds).With({"Get"});
  for (double seconds : {0.005, 0.01, 0.05, 2.0}) latency.Observe(seconds);

  EXPECT_EQ(registry.Scrape(),
            "# HELP latency_seconds Latency.\n"
            "# TYPE latency_seconds histogram\n"
            "latency_seconds_bucket{method=\"Get\",le=\"0.01\"} 2\n"
            "latency_seconds_bucket{method=\"Get\",le=\"0.1\"} 3\n"
            "latency_seconds_bucket{method=\"Get\",le=\"1\"} 3\n"
            "latency_seconds_bucket{method=\"Get\",le=\"+Inf\"} 4\n"
            "latency_seconds_sum{method=\"Get\"} 2.065\n"
            "latency_seconds_count{method=\"Get\"} 4\n");
  HistogramSnapshot snapshot = latency.Snapshot();
  EXPECT_EQ(snapshot.counts, (std::vector<uint64_t>{2, 1, 0, 1}));
  EXPECT_EQ(snapshot.count(), 4u);
}

TEST(MetricsTest, LabelValuesAndHelpAreEscaped) {
  Registry registry;
  registry.AddCounter("odd_total", "A \\ help\nline.", {"value"})
      .With({"a \"quoted\" \\ value\nwith a newline"})
      .Increment();
  EXPECT_EQ(registry.Scrape(),
            "# HELP odd_total A \\\\ help\\nline.\n"
            "# TYPE odd_total counter\n"
            "odd_total{value=\"a \\\"quoted\\\" \\\\ value\\nwith a newline\"} 1\n");
}

TEST(MetricsTest, AddingANameAgainReturnsTheFirstFamily) {
  Registry registry;
  CounterFamily& first = registry.AddCounter("reports_total", "Reports.", {"county"});
  CounterFamily& again = registry.AddCounter("reports_total", "Reports.", {"county"});
  EXPECT_EQ(&first, &again);
  first.With({"140430"}).Increment();
  again.With({"140430"}).Increment();
  EXPECT_EQ(first.With({"140430"}).value(), 2u);
}

TEST(MetricsDeathTest, TheSameNameWithOtherLabelsIsAProgrammingError) {
  Registry registry;
  registry.AddCounter("reports_total", "Reports.", {"county"});
  EXPECT_DEATH(registry.AddCounter("reports_total", "Reports.", {"county", "period"}),
               "reports_total");
  EXPECT_DEATH(registry.AddCounter("one_label_total", "x", {"a"}).With({"1", "2"}),
               "one value per label name");
}

TEST(MetricsTest, CollectorsWriteAfterTheFamilies) {
  Registry registry;
  registry.AddCounter("counted_total", "Counted.").With({}).Increment();
  registry.AddCollector([](MetricsText& out) {
    out.Begin("free_bytes", "Free bytes.", MetricType::kGauge);
    out.Sample("free_bytes", {{Label{"dir", "/var/lib/junheng"}}}, uint64_t{123456789012345});
  });
  EXPECT_THAT(registry.Scrape(),
              HasSubstr("counted_total 1\n# HELP free_bytes Free bytes.\n"
                        "# TYPE free_bytes gauge\n"
                        "free_bytes{dir=\"/var/lib/junheng\"} 123456789012345\n"));
}

TEST(MetricsTest, ValuesAreWrittenExactlyAndShort) {
  EXPECT_EQ(FormatValue(0), "0");
  EXPECT_EQ(FormatValue(42), "42");
  EXPECT_EQ(FormatValue(-3), "-3");
  EXPECT_EQ(FormatValue(0.0005), "0.0005");
  EXPECT_EQ(FormatValue(2.5), "2.5");
  EXPECT_EQ(FormatValue(1.0 / 0.0), "+Inf");
  EXPECT_EQ(FormatValue(-1.0 / 0.0), "-Inf");
  EXPECT_EQ(FormatValue(0.0 / 0.0), "NaN");
}

TEST(MetricsTest, ConcurrentIncrementsAreAllCounted) {
  Registry registry;
  CounterFamily& family = registry.AddCounter("hits_total", "Hits.", {"county"});
  Histogram& sizes = registry.AddHistogram("sizes", "Sizes.", {}, kLatencySeconds).With({});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        family.With({i % 2 == 0 ? "140430" : "140431"}).Increment();
        sizes.Observe(0.001);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(family.With({"140430"}).value(), 20000u);
  EXPECT_EQ(family.With({"140431"}).value(), 20000u);
  EXPECT_EQ(sizes.Snapshot().count(), 40000u);
}

TEST(MetricsTest, SeriesSlotsLookUpOnceAndAppearOnlyWhenUsed) {
  Registry registry;
  CounterFamily& family = registry.AddCounter("by_code_total", "By code.", {"code"});
  SeriesSlots<Counter, 17> slots;
  int lookups = 0;
  auto lookup = [&]() -> Counter& {
    ++lookups;
    return family.With({"NOT_FOUND"});
  };
  slots.Get(5, lookup).Increment();
  slots.Get(5, lookup).Increment();
  EXPECT_EQ(lookups, 1);
  EXPECT_EQ(registry.Scrape(),
            "# HELP by_code_total By code.\n"
            "# TYPE by_code_total counter\n"
            "by_code_total{code=\"NOT_FOUND\"} 2\n");
}

}  // namespace
}  // namespace junheng::server::metrics
