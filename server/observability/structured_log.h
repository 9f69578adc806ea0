#pragma once

// The server's log lines as fields an operator can grep and a log shipper can parse: key=value
// (logfmt) by default, one JSON object per line with `--log-format json`.
//
//   time=2026-05-06T10:01:02.345+08:00 level=info event=rpc request_id=3f9a1c2e07 method=...
//   code=OK
//   {"time":"2026-05-06T10:01:02.345+08:00","level":"info","event":"rpc","request_id":"3f9a1c2e07",...}
//
// Every line of spdlog's default logger follows the format: a free-text line (spdlog::info("...")
// anywhere in the server) becomes the one field msg="...", a LogEvent keeps its own fields.
// Nothing here knows what is secret: callers put no token, enrolment code or cookie in a line.

#include <memory>
#include <string>
#include <type_traits>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "spdlog/formatter.h"
#include "spdlog/spdlog.h"

namespace junheng::server {

enum class LogFormat { kLogfmt, kJson };

// "logfmt" or "json"; INVALID_ARGUMENT naming the setting and the choices otherwise.
[[nodiscard]] absl::StatusOr<LogFormat> ParseLogFormat(absl::string_view text);

// From now on every line of the default logger is written in `format`, and LogEvents are made in
// it. Call at start-up, before other threads log.
void UseLogFormat(LogFormat format);
LogFormat CurrentLogFormat();

// The formatter UseLogFormat gives the default logger's sinks, for a sink added afterwards (a
// test's capture).
std::unique_ptr<spdlog::formatter> NewLogFormatter(LogFormat format);

// One structured line: "event" and then the fields in the order added, written in the format in
// use when the LogEvent is made. Build it only when its level is logged
// (spdlog::should_log(level)), so that a line not written costs nothing.
//
//   LogEvent("rpc").Add("method", path).Add("code", "OK").Add("duration_ms", 1.25)
//       .Log(spdlog::level::info);
class LogEvent {
 public:
  explicit LogEvent(absl::string_view event);

  LogEvent& Add(absl::string_view key, absl::string_view value);
  template <typename Int, std::enable_if_t<std::is_integral_v<Int>, int> = 0>
  LogEvent& Add(absl::string_view key, Int value) {
    return AddNumber(key, absl::StrCat(value));
  }
  LogEvent& Add(absl::string_view key, double value);

  void Log(spdlog::level::level_enum level) const;
  // The fields as the line carries them (after time and level).
  const std::string& fields() const { return fields_; }

 private:
  LogEvent& AddNumber(absl::string_view key, absl::string_view number);

  const LogFormat format_;
  std::string fields_;
};

}  // namespace junheng::server
