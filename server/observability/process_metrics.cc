#include "server/observability/process_metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace junheng::server::metrics {
namespace {

std::string ReadFile(const char* path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The fields of /proc/self/stat after the command name (which may hold spaces, so it is skipped
// up to its closing parenthesis): fields[0] is field 3 of proc(5), the state.
std::vector<std::string> StatFields() {
  const std::string stat = ReadFile("/proc/self/stat");
  const size_t end_of_name = stat.rfind(')');
  if (end_of_name == std::string::npos) return {};
  return absl::StrSplit(absl::StripAsciiWhitespace(absl::string_view(stat).substr(end_of_name + 1)),
                        ' ', absl::SkipEmpty());
}

// Seconds since the epoch at which the machine booted (/proc/stat's btime); 0 when unknown.
int64_t BootTime() {
  for (absl::string_view line : absl::StrSplit(ReadFile("/proc/stat"), '\n')) {
    int64_t seconds = 0;
    if (absl::ConsumePrefix(&line, "btime ") && absl::SimpleAtoi(line, &seconds)) return seconds;
  }
  return 0;
}

}  // namespace

void WriteProcessMetrics(MetricsText& out) {
  const std::vector<std::string> fields = StatFields();
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  auto field = [&](size_t proc_field, uint64_t* value) {
    // proc(5) numbers fields from 1; fields[0] is field 3.
    return proc_field >= 3 && proc_field - 3 < fields.size() &&
           absl::SimpleAtoi(fields[proc_field - 3], value);
  };
  uint64_t utime = 0, stime = 0, start = 0, vsize = 0, rss_pages = 0;
  if (ticks > 0 && field(14, &utime) && field(15, &stime)) {
    out.Begin("process_cpu_seconds_total", "User and system CPU time the server has used.",
              MetricType::kCounter);
    out.Sample("process_cpu_seconds_total", {}, static_cast<double>(utime + stime) / ticks);
  }
  if (field(24, &rss_pages)) {
    out.Begin("process_resident_memory_bytes", "Resident memory of the server.",
              MetricType::kGauge);
    out.Sample("process_resident_memory_bytes", {},
               rss_pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE)));
  }
  if (field(23, &vsize)) {
    out.Begin("process_virtual_memory_bytes", "Virtual memory size of the server.",
              MetricType::kGauge);
    out.Sample("process_virtual_memory_bytes", {}, vsize);
  }
  const int64_t boot = BootTime();
  if (ticks > 0 && boot > 0 && field(22, &start)) {
    out.Begin("process_start_time_seconds", "When the server started, in seconds since the epoch.",
              MetricType::kGauge);
    out.Sample("process_start_time_seconds", {},
               static_cast<double>(boot) + static_cast<double>(start) / ticks);
  }
  std::error_code error;
  uint64_t open = 0;
  for (std::filesystem::directory_iterator it("/proc/self/fd", error), end; !error && it != end;
       it.increment(error)) {
    ++open;
  }
  if (!error) {
    out.Begin("process_open_fds", "File descriptors the server has open.", MetricType::kGauge);
    out.Sample("process_open_fds", {}, open);
  }
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    out.Begin("process_max_fds", "The most file descriptors the server may open.",
              MetricType::kGauge);
    out.Sample("process_max_fds", {}, static_cast<uint64_t>(limit.rlim_cur));
  }
}

}  // namespace junheng::server::metrics
