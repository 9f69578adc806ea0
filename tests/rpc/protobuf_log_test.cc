#include "common/rpc/protobuf_log.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "junheng/v1/school.pb.h"

namespace junheng {
namespace {

// Serializing a string field that is not UTF-8 makes protobuf log an ERROR line to stderr.
std::string StderrOfSerializingInvalidUtf8() {
  v1::School school;
  school.set_school_name("\xC7\xDF\xCF\xD8");  // 沁县 in GBK
  ::testing::internal::CaptureStderr();
  (void)school.SerializeAsString();
  return ::testing::internal::GetCapturedStderr();
}

TEST(ProtobufLogTest, ProtobufsOwnLinesNoLongerReachStderr) {
  // The test is only meaningful if protobuf logs here at all.
  EXPECT_THAT(StderrOfSerializingInvalidUtf8(), ::testing::HasSubstr("libprotobuf ERROR"));
  DropProtobufLogs();
  EXPECT_EQ(StderrOfSerializingInvalidUtf8(), "");
}

}  // namespace
}  // namespace junheng
