#include "server/observability/metrics_text.h"

#include <charconv>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace junheng::server::metrics {
namespace {

// HELP text escapes backslash and newline; a label value also the double quote.
void AppendEscaped(std::string& out, absl::string_view text, bool quote) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quote && c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

absl::string_view TypeName(MetricType type) {
  switch (type) {
    case MetricType::kCounter:
      return "counter";
    case MetricType::kGauge:
      return "gauge";
    case MetricType::kHistogram:
      return "histogram";
  }
  return "untyped";
}

}  // namespace

uint64_t HistogramSnapshot::count() const {
  uint64_t total = 0;
  for (uint64_t n : counts) total += n;
  return total;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  // Integral values below 2^53 are exact as integers, and read better so (bytes, counts).
  if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  char buffer[32];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::general);
  return std::string(buffer, end);
}

void MetricsText::Begin(absl::string_view name, absl::string_view help, MetricType type) {
  absl::StrAppend(&text_, "# HELP ", name, " ");
  AppendEscaped(text_, help, /*quote=*/false);
  absl::StrAppend(&text_, "\n# TYPE ", name, " ", TypeName(type), "\n");
}

void MetricsText::Labels(absl::Span<const Label> labels, const Label* le) {
  if (labels.empty() && le == nullptr) return;
  text_ += '{';
  bool first = true;
  auto one = [&](const Label& label) {
    if (!first) text_ += ',';
    first = false;
    absl::StrAppend(&text_, label.name, "=\"");
    AppendEscaped(text_, label.value, /*quote=*/true);
    text_ += '"';
  };
  for (const Label& label : labels) one(label);
  if (le != nullptr) one(*le);
  text_ += '}';
}

void MetricsText::Sample(absl::string_view name, absl::Span<const Label> labels, double value) {
  text_.append(name.data(), name.size());
  Labels(labels, nullptr);
  absl::StrAppend(&text_, " ", FormatValue(value), "\n");
}

void MetricsText::Sample(absl::string_view name, absl::Span<const Label> labels, uint64_t value) {
  text_.append(name.data(), name.size());
  Labels(labels, nullptr);
  absl::StrAppend(&text_, " ", value, "\n");
}

void MetricsText::Histogram(absl::string_view name, absl::Span<const Label> labels,
                            const HistogramSnapshot& histogram) {
  const std::string bucket = absl::StrCat(name, "_bucket");
  uint64_t cumulative = 0;
  for (size_t i = 0; i < histogram.counts.size(); ++i) {
    cumulative += histogram.counts[i];
    const std::string bound =
        i < histogram.bounds.size() ? FormatValue(histogram.bounds[i]) : std::string("+Inf");
    const Label le{"le", bound};
    text_ += bucket;
    Labels(labels, &le);
    absl::StrAppend(&text_, " ", cumulative, "\n");
  }
  Sample(absl::StrCat(name, "_sum"), labels, histogram.sum);
  Sample(absl::StrCat(name, "_count"), labels, cumulative);
}

}  // namespace junheng::server::metrics
