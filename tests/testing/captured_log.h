#pragma once

// The lines spdlog's default logger writes while a CapturedLog lives, in the server's structured
// format (server/observability/structured_log.h), for tests of what the server logs.
//
//   testing::CapturedLog log(server::LogFormat::kLogfmt);
//   ... calls ...
//   EXPECT_THAT(log.Text(), HasSubstr("event=rpc"));

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "server/observability/structured_log.h"
#include "spdlog/sinks/base_sink.h"
#include "spdlog/spdlog.h"

namespace junheng::testing {

class CapturedLog {
 public:
  // Lines at `level` and above are captured (and the default logger logs them meanwhile).
  explicit CapturedLog(server::LogFormat format,
                       spdlog::level::level_enum level = spdlog::level::info)
      : previous_format_(server::CurrentLogFormat()), previous_level_(spdlog::get_level()) {
    server::UseLogFormat(format);
    spdlog::set_level(level);
    sink_ = std::make_shared<Sink>();
    sink_->set_formatter(server::NewLogFormatter(format));
    spdlog::default_logger()->sinks().push_back(sink_);
  }
  ~CapturedLog() {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
    spdlog::set_level(previous_level_);
    server::UseLogFormat(previous_format_);
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  // What was written so far (a server thread may be writing meanwhile).
  std::string Text() const { return sink_->Text(); }
  std::vector<std::string> Lines() const { return absl::StrSplit(Text(), '\n', absl::SkipEmpty()); }

 private:
  class Sink final : public spdlog::sinks::base_sink<std::mutex> {
   public:
    std::string Text() {
      std::lock_guard<std::mutex> lock(mutex_);
      return text_;
    }

   protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
      spdlog::memory_buf_t line;
      formatter_->format(msg, line);
      text_.append(line.data(), line.size());
    }
    void flush_() override {}

   private:
    std::string text_;
  };

  const server::LogFormat previous_format_;
  const spdlog::level::level_enum previous_level_;
  std::shared_ptr<Sink> sink_;
};

}  // namespace junheng::testing
