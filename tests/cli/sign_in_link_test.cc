#include "common/cli/sign_in_link.h"

#include "gtest/gtest.h"

namespace junheng::cli {
namespace {

TEST(SignInLinkTest, TheLinkIsTheConsolesEnrolPageWithTheCodeInTheFragment) {
  const auto base = WebConsoleBase("https://192.168.1.10:8443//");
  ASSERT_TRUE(base.has_value());
  EXPECT_EQ(*base, "https://192.168.1.10:8443");
  EXPECT_EQ(SignInLink(*base, "jhe1.1404.0123456789abcdef0123456789abcdef"),
            "https://192.168.1.10:8443/enrol.html#code=jhe1.1404.0123456789abcdef0123456789abcdef");
  EXPECT_EQ(WebConsoleBase("http://127.0.0.1:8080").value_or(""), "http://127.0.0.1:8080");
}

TEST(SignInLinkTest, AnAddressWithoutHttpOrHttpsIsRefused) {
  for (const char* url : {"", "192.168.1.10:8443", "ftp://host", "https:/host", "HTTPS//host"}) {
    EXPECT_FALSE(WebConsoleBase(url).has_value()) << url;
  }
}

}  // namespace
}  // namespace junheng::cli
