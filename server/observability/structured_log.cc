#include "server/observability/structured_log.h"

#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "absl/time/time.h"

namespace junheng::server {
namespace {

std::atomic<LogFormat> g_format{LogFormat::kLogfmt};

// LogEvent::Log passes this as the line's source file; the formatter knows an event by it.
constexpr char kEventSource[] = "junheng-log-event";

// The length of the valid UTF-8 sequence at the start of `text`, or 0 when it is not one.
size_t Utf8Length(absl::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// `text` as a JSON string, quotes included. Bytes that are not UTF-8 become U+FFFD, so that the
// line stays JSON whatever a message carries.
void AppendJsonString(std::string& out, absl::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
      out += escaped;
    } else if (c >= 0x80) {
      const size_t length = Utf8Length(text.substr(i));
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
        continue;
      }
      out.append(text.data() + i, length);
      i += length;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

// `text` as a logfmt value: bare when it is a plain word, else quoted with \" \\ \n \t escaped
// (and other control bytes as \xNN).
void AppendLogfmtValue(std::string& out, absl::string_view text) {
  bool bare = !text.empty();
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == '"' || c == '=' || c == '\\' || u == 0x7F) {
      bare = false;
      break;
    }
  }
  if (bare) {
    out.append(text.data(), text.size());
    return;
  }
  out += '"';
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\x%02x", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

void AppendField(std::string& out, LogFormat format, absl::string_view key, absl::string_view value,
                 bool quoted) {
  const bool first = out.empty() || out.back() == '{';
  if (format == LogFormat::kJson) {
    if (!first) out += ',';
    AppendJsonString(out, key);
    out += ':';
    if (quoted) {
      AppendJsonString(out, value);
    } else {
      out.append(value.data(), value.size());
    }
    return;
  }
  if (!first) out += ' ';
  out.append(key.data(), key.size());
  out += '=';
  AppendLogfmtValue(out, value);
}

class LineFormatter final : public spdlog::formatter {
 public:
  explicit LineFormatter(LogFormat format) : format_(format) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line;
    line.reserve(msg.payload.size() + 64);
    const absl::string_view level = LevelName(msg.level);
    const std::string time = absl::FormatTime("%Y-%m-%dT%H:%M:%E3S%Ez", absl::FromChrono(msg.time),
                                              absl::LocalTimeZone());
    const absl::string_view payload(msg.payload.data(), msg.payload.size());
    const bool event = msg.source.filename == kEventSource;
    if (format_ == LogFormat::kJson) line += '{';
    AppendField(line, format_, "time", time, true);
    AppendField(line, format_, "level", level, true);
    if (event) {
      line += format_ == LogFormat::kJson ? ',' : ' ';
      line.append(payload.data(), payload.size());
    } else {
      AppendField(line, format_, "msg", payload, true);
    }
    if (format_ == LogFormat::kJson) line += '}';
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<LineFormatter>(format_);
  }

 private:
  static absl::string_view LevelName(spdlog::level::level_enum level) {
    switch (level) {
      case spdlog::level::trace:
        return "trace";
      case spdlog::level::debug:
        return "debug";
      case spdlog::level::info:
        return "info";
      case spdlog::level::warn:
        return "warn";
      case spdlog::level::err:
        return "error";
      case spdlog::level::critical:
        return "critical";
      default:
        return "off";
    }
  }

  const LogFormat format_;
};

}  // namespace

absl::StatusOr<LogFormat> ParseLogFormat(absl::string_view text) {
  if (text == "logfmt") return LogFormat::kLogfmt;
  if (text == "json") return LogFormat::kJson;
  return absl::InvalidArgumentError(absl::StrCat(
      "log-format '", text, "' is not a log format; use logfmt (key=value, the default) or json"));
}

void UseLogFormat(LogFormat format) {
  g_format.store(format);
  spdlog::set_formatter(NewLogFormatter(format));
}

LogFormat CurrentLogFormat() { return g_format.load(); }

std::unique_ptr<spdlog::formatter> NewLogFormatter(LogFormat format) {
  return std::make_unique<LineFormatter>(format);
}

LogEvent::LogEvent(absl::string_view event) : format_(CurrentLogFormat()) {
  fields_.reserve(192);
  AppendField(fields_, format_, "event", event, true);
}

LogEvent& LogEvent::Add(absl::string_view key, absl::string_view value) {
  AppendField(fields_, format_, key, value, true);
  return *this;
}

LogEvent& LogEvent::AddNumber(absl::string_view key, absl::string_view number) {
  AppendField(fields_, format_, key, number, false);
  return *this;
}

LogEvent& LogEvent::Add(absl::string_view key, double value) {
  if (!std::isfinite(value)) return Add(key, absl::string_view(std::isnan(value) ? "NaN" : "Inf"));
  char buffer[32];
  // Three decimals: durations in milliseconds to the microsecond.
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed, 3);
  return AddNumber(key, absl::string_view(buffer, static_cast<size_t>(end - buffer)));
}

void LogEvent::Log(spdlog::level::level_enum level) const {
  spdlog::default_logger_raw()->log(spdlog::source_loc{kEventSource, 0, ""}, level,
                                    spdlog::string_view_t(fields_.data(), fields_.size()));
}

}  // namespace junheng::server
