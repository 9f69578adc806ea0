#include "common/rpc/grpc_status.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng {
namespace {

using ::testing::HasSubstr;

TEST(GrpcStatusTest, CodesAndMessagesPassThroughBothWays) {
  absl::Status stale = absl::AbortedError("stale replacement: version 3 is the latest");
  grpc::Status wire = ToGrpcStatus(stale);
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(FromGrpcStatus(wire), stale);
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
}

// gRPC answers a request the server cannot parse (a string field that is not UTF-8) with INTERNAL
// and no message; the client printed "error: " and nothing after it.
TEST(GrpcStatusTest, AnErrorWithoutAMessageGetsASentence) {
  absl::Status status = FromGrpcStatus(grpc::Status(grpc::StatusCode::INTERNAL, ""));
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_FALSE(status.message().empty());
  EXPECT_THAT(status.message(), HasSubstr("the server gave no reason (status INTERNAL"));
  EXPECT_THAT(status.message(), HasSubstr("server log"));
}

}  // namespace
}  // namespace junheng
