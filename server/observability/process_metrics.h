#pragma once

#include "server/observability/metrics_text.h"

namespace junheng::server::metrics {

// The process' own figures, read from /proc/self when scraped, under the names every Prometheus
// client library uses (so that existing dashboards and alerts find them):
// process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
// process_start_time_seconds, process_open_fds, process_max_fds. A figure that cannot be read is
// left out.
void WriteProcessMetrics(MetricsText& out);

}  // namespace junheng::server::metrics
