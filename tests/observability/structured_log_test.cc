// The server's log lines: logfmt and JSON, free text and events, escaping.
#include "server/observability/structured_log.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/testing/captured_log.h"

namespace junheng::server {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

using testing::CapturedLog;

google::protobuf::Struct ParseJson(const std::string& line) {
  google::protobuf::Struct object;
  auto parsed = google::protobuf::util::JsonStringToMessage(line, &object);
  EXPECT_TRUE(parsed.ok()) << parsed.message() << " in " << line;
  return object;
}

TEST(StructuredLogTest, FreeTextBecomesAQuotedMsgField) {
  CapturedLog log(LogFormat::kLogfmt);
  spdlog::warn("disk {} is \"full\"", "/var/lib/junheng");
  ASSERT_EQ(log.Lines().size(), 1u);
  EXPECT_THAT(log.Lines()[0],
              MatchesRegex("time=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+[-+][0-9]{2}:[0-9]{2} "
                           "level=warn msg=\"disk /var/lib/junheng is \\\\\"full\\\\\"\""));
}

TEST(StructuredLogTest, AnEventKeepsItsFieldsInOrder) {
  CapturedLog log(LogFormat::kLogfmt);
  LogEvent("rpc")
      .Add("request_id", "3f9a1c2e07")
      .Add("code", "OK")
      .Add("duration_ms", 1.25)
      .Add("snapshot", 3)
      .Add("message", "学校 2140043001：缺少字段 = 空")
      .Add("empty", "")
      .Log(spdlog::level::info);
  ASSERT_EQ(log.Lines().size(), 1u);
  EXPECT_THAT(log.Lines()[0], HasSubstr(" level=info event=rpc request_id=3f9a1c2e07 code=OK "
                                        "duration_ms=1.250 snapshot=3 "
                                        "message=\"学校 2140043001：缺少字段 = 空\" empty=\"\""));
}

TEST(StructuredLogTest, ControlCharactersAreEscapedSoALineStaysOneLine) {
  CapturedLog log(LogFormat::kLogfmt);
  LogEvent("rpc").Add("message", "two\nlines\tand\x01").Log(spdlog::level::info);
  ASSERT_EQ(log.Lines().size(), 1u);
  EXPECT_THAT(log.Lines()[0], HasSubstr("message=\"two\\nlines\\tand\\x01\""));
}

TEST(StructuredLogTest, JsonLinesParseAsJsonWithTheirFields) {
  CapturedLog log(LogFormat::kJson);
  spdlog::error("cannot open \"{}\": {}", "/data", "no\tspace\n");
  LogEvent("rpc")
      .Add("request_id", "3f9a1c2e07")
      .Add("duration_ms", 0.5)
      .Add("snapshot", 12)
      .Add("message", "请求号 \"x\" \\ y")
      .Log(spdlog::level::info);
  const auto lines = log.Lines();
  ASSERT_EQ(lines.size(), 2u);
  for (const std::string& line : lines) EXPECT_THAT(line, StartsWith("{\"time\":\""));

  auto text = ParseJson(lines[0]);
  EXPECT_EQ(text.fields().at("level").string_value(), "error");
  EXPECT_EQ(text.fields().at("msg").string_value(), "cannot open \"/data\": no\tspace\n");

  auto event = ParseJson(lines[1]);
  EXPECT_EQ(event.fields().at("level").string_value(), "info");
  EXPECT_EQ(event.fields().at("event").string_value(), "rpc");
  EXPECT_EQ(event.fields().at("request_id").string_value(), "3f9a1c2e07");
  EXPECT_EQ(event.fields().at("duration_ms").number_value(), 0.5);
  EXPECT_EQ(event.fields().at("snapshot").number_value(), 12);
  EXPECT_EQ(event.fields().at("message").string_value(), "请求号 \"x\" \\ y");
}

TEST(StructuredLogTest, BytesThatAreNotUtf8StayJson) {
  CapturedLog log(LogFormat::kJson);
  LogEvent("rpc").Add("message", std::string("caf\xC3\xA9 \xFF\xFE end")).Log(spdlog::level::info);
  ASSERT_EQ(log.Lines().size(), 1u);
  EXPECT_EQ(ParseJson(log.Lines()[0]).fields().at("message").string_value(),
            "café \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST(StructuredLogTest, LogFormatsAreParsedByName) {
  EXPECT_EQ(*ParseLogFormat("logfmt"), LogFormat::kLogfmt);
  EXPECT_EQ(*ParseLogFormat("json"), LogFormat::kJson);
  auto bad = ParseLogFormat("JSON ");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("log-format 'JSON '"));
  EXPECT_THAT(bad.status().message(), HasSubstr("use logfmt (key=value, the default) or json"));
}

}  // namespace
}  // namespace junheng::server
