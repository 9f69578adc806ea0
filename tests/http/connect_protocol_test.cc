#include "server/http/connect_protocol.h"

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace junheng::server::http {
namespace {

TEST(ConnectProtocolTest, CodesHaveConnectsNamesAndHttpStatuses) {
  const struct {
    absl::StatusCode code;
    const char* name;
    int status;
  } kTable[] = {
      {absl::StatusCode::kCancelled, "canceled", 499},
      {absl::StatusCode::kUnknown, "unknown", 500},
      {absl::StatusCode::kInvalidArgument, "invalid_argument", 400},
      {absl::StatusCode::kDeadlineExceeded, "deadline_exceeded", 504},
      {absl::StatusCode::kNotFound, "not_found", 404},
      {absl::StatusCode::kAlreadyExists, "already_exists", 409},
      {absl::StatusCode::kPermissionDenied, "permission_denied", 403},
      {absl::StatusCode::kResourceExhausted, "resource_exhausted", 429},
      {absl::StatusCode::kFailedPrecondition, "failed_precondition", 400},
      {absl::StatusCode::kAborted, "aborted", 409},
      {absl::StatusCode::kOutOfRange, "out_of_range", 400},
      {absl::StatusCode::kUnimplemented, "unimplemented", 501},
      {absl::StatusCode::kInternal, "internal", 500},
      {absl::StatusCode::kUnavailable, "unavailable", 503},
      {absl::StatusCode::kDataLoss, "data_loss", 500},
      {absl::StatusCode::kUnauthenticated, "unauthenticated", 401},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(ConnectCodeName(row.code), row.name);
    EXPECT_EQ(HttpStatusOf(row.code), row.status) << row.name;
  }
}

TEST(ConnectProtocolTest, AnErrorIsAJsonObjectWithCodeAndMessage) {
  HttpAnswer answer = ErrorAnswer(absl::PermissionDeniedError("不能调用 \"Evaluate\"\n"));
  EXPECT_EQ(answer.status, 403);
  EXPECT_EQ(answer.content_type, "application/json");
  google::protobuf::Struct body;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(answer.body, &body).ok()) << answer.body;
  EXPECT_EQ(body.fields().size(), 2u);
  EXPECT_EQ(body.fields().at("code").string_value(), "permission_denied");
  EXPECT_EQ(body.fields().at("message").string_value(), "不能调用 \"Evaluate\"\n");
}

}  // namespace
}  // namespace junheng::server::http
