// The reasons gRPC 1.51 gave for each way a connection failed, as seen from the real binaries
// (issue 14 item 10), and the sentence a person gets for each.
#include "common/rpc/connect_failure.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::rpc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kAddress[] = "127.0.0.1:50551";

absl::Status Unavailable(const char* last_error) {
  return absl::UnavailableError(
      absl::StrCat("failed to connect to all addresses; last error: ", last_error));
}

ChannelSecurity Tls(const std::string& ca = "/etc/junheng/ca.crt") {
  ChannelSecurity security;
  security.ca_file = ca;
  return security;
}

TEST(ConnectFailureTest, EachTlsMistakeIsNamedWithItsFixAndNotRetried) {
  struct Case {
    ChannelSecurity security;
    const char* grpc_reason;
    const char* sentence;
  };
  ChannelSecurity plaintext;
  plaintext.insecure_plaintext = true;
  for (const Case& c : {
           Case{Tls(),
                "UNKNOWN: ipv4:127.0.0.1:50551: Ssl handshake failed: SSL_ERROR_SSL: "
                "error:0A000086:SSL routines::certificate verify failed",
                "set ca (or --ca) to the county's ca.crt"},
           Case{Tls(),
                "UNKNOWN: ipv4:127.0.0.1:50551: Peer name 127.0.0.1 is not in peer certificate",
                "certificate issued for another name"},
           Case{Tls(),
                "UNKNOWN: ipv4:127.0.0.1:50551: Ssl handshake failed: SSL_ERROR_SSL: "
                "error:0A00010B:SSL routines::wrong version number",
                "does not speak TLS"},
           Case{plaintext, "UNAVAILABLE: ipv4:127.0.0.1:50551: Socket closed",
                "expects TLS; drop --insecure-plaintext"},
       }) {
    ConnectFailure failure =
        DescribeConnectFailure(kAddress, c.security, Unavailable(c.grpc_reason));
    EXPECT_TRUE(absl::IsUnavailable(failure.status)) << "still not delivered: " << c.grpc_reason;
    EXPECT_THAT(failure.status.message(), HasSubstr(c.sentence));
    EXPECT_THAT(failure.status.message(), HasSubstr(kAddress));
    EXPECT_THAT(failure.status.message(), Not(HasSubstr("SSL_ERROR"))) << "no gRPC internals";
    EXPECT_TRUE(failure.needs_a_setting) << c.grpc_reason;
  }
  // Which CA was trusted, so that a wrong --ca shows.
  EXPECT_THAT(DescribeConnectFailure(kAddress, Tls("/home/clerk/other-county.crt"),
                                     Unavailable("certificate verify failed"))
                  .status.message(),
              HasSubstr("/home/clerk/other-county.crt"));
  EXPECT_THAT(DescribeConnectFailure(kAddress, Tls(""), Unavailable("certificate verify failed"))
                  .status.message(),
              HasSubstr("the system's root certificates"));
}

TEST(ConnectFailureTest, ANetworkFailureIsRetriedAndSaysWhereToLook) {
  ConnectFailure refused = DescribeConnectFailure(
      kAddress, Tls(),
      Unavailable(
          "UNKNOWN: ipv4:127.0.0.1:1: Failed to connect to remote host: Connection refused"));
  EXPECT_THAT(refused.status.message(), HasSubstr("nothing is listening at 127.0.0.1:50551"));
  EXPECT_FALSE(refused.needs_a_setting) << "a server being restarted comes back";
  ConnectFailure dns = DescribeConnectFailure(
      "nosuchhost.invalid:50551", Tls(),
      absl::UnavailableError("DNS resolution failed for nosuchhost.invalid:50551: C-ares status is "
                             "not ARES_SUCCESS qtype=A name=nosuchhost.invalid: Domain name not "
                             "found"));
  EXPECT_THAT(dns.status.message(),
              HasSubstr("host name in nosuchhost.invalid:50551 is not known"));
  ConnectFailure slow =
      DescribeConnectFailure(kAddress, Tls(), absl::DeadlineExceededError("Deadline Exceeded"));
  EXPECT_TRUE(absl::IsDeadlineExceeded(slow.status));
  EXPECT_THAT(slow.status.message(), HasSubstr("check --server and the network"));
}

TEST(ConnectFailureTest, AnswersOfAServerPassThrough) {
  const absl::Status refused = absl::PermissionDeniedError("this token is for school 2140043001");
  EXPECT_EQ(DescribeConnectFailure(kAddress, Tls(), refused).status, refused);
}

}  // namespace
}  // namespace junheng::rpc
