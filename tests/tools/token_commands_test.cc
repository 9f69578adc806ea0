// `junheng-server token issue`, offline (server/tools/token_commands.h): with --enrolment it prints
// the web console's sign-in link instead of the token, and that link signs its person in; a region
// viewer's link signs in as the region (docs/web-console.md, "城市和省的同志").
#include "server/tools/token_commands.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/auth/token_store.h"
#include "server/auth/web_sessions.h"
#include "server/storage/store.h"
#include "server/tools/region_commands.h"
#include "tests/testing/temp_dir.h"

namespace junheng::server {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::StartsWith;

class OfflineTokenIssueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.Sub("regions.csv")) << "code,name,parent\n14,山西省,\n1404,长治市,14\n";
    std::ostringstream out, err;
    ASSERT_EQ(RunRegionsImport(data_, dir_.Sub("regions.csv"), out, err), 0) << err.str();
  }

  // Runs the command; its stdout and stderr land in out_ and err_.
  int Issue(const OfflineTokenArgs& args) {
    std::ostringstream out, err;
    const int code = RunOfflineTokenIssue(args, out, err);
    out_ = out.str();
    err_ = err.str();
    return code;
  }

  OfflineTokenArgs RegionViewer() const {
    OfflineTokenArgs args;
    args.data_dir = data_;
    args.role = "region_viewer";
    args.county = "1404";
    args.label = "长治市教育局 李科长";
    return args;
  }

  testing::TempDir dir_;
  const std::string data_ = dir_.Sub("data");
  std::string out_, err_;
};

TEST_F(OfflineTokenIssueTest, ARegionViewersLinkSignsInAsTheRegion) {
  OfflineTokenArgs args = RegionViewer();
  args.enrolment = true;
  args.web_url = "https://10.0.0.5:8443/";
  ASSERT_EQ(Issue(args), 0) << err_;
  EXPECT_THAT(
      out_,
      MatchesRegex("https://10\\.0\\.0\\.5:8443/enrol\\.html#code=jhe1\\.1404\\.[0-9a-f]{32}\n"));
  EXPECT_THAT(out_, Not(HasSubstr("jh1."))) << "the link, not the token";
  EXPECT_THAT(err_, HasSubstr("region_viewer of region 1404"));
  EXPECT_THAT(err_, HasSubstr("works once"));

  // The server, started later on the data dir, signs the link's browser in as the city.
  auto store = storage::Store::Open(data_);
  ASSERT_TRUE(store.ok()) << store.status();
  SystemClock clock;
  auth::TokenStore tokens(store->get(), &clock);
  auth::WebSessions sessions(store->get(), &tokens, &clock);
  const std::string code(absl::StripSuffix(out_.substr(out_.find("#code=") + 6), "\n"));
  auto session = sessions.Enrol(code, "ipv4:10.0.0.9:5000");
  ASSERT_TRUE(session.ok()) << session.status();
  EXPECT_EQ(session->principal.role, v1::REGION_VIEWER);
  EXPECT_EQ(session->principal.county, "1404");
  EXPECT_EQ(session->label, "长治市教育局 李科长");
  auto resolved = sessions.Resolve(session->cookie);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->session.principal.county, "1404");
  EXPECT_EQ(sessions.Enrol(code, "").status().code(), absl::StatusCode::kUnauthenticated)
      << "the link works once";
}

TEST_F(OfflineTokenIssueTest, WithoutEnrolmentTheTokenIsPrintedAsBefore) {
  ASSERT_EQ(Issue(RegionViewer()), 0) << err_;
  EXPECT_THAT(out_, MatchesRegex("jh1\\.1404\\.[0-9a-f]{16}\\.[0-9a-f]{64}\n"));
  EXPECT_THAT(err_, HasSubstr("shown only this once"));
}

TEST_F(OfflineTokenIssueTest, AnAddressThatIsNotAWebAddressIsRefusedBeforeAnythingIsIssued) {
  OfflineTokenArgs args;
  args.data_dir = data_;
  args.role = "bureau_viewer";
  args.county = "140430";
  args.enrolment = true;
  args.web_url = "192.168.1.10:8443";
  EXPECT_EQ(Issue(args), 2);
  EXPECT_EQ(out_, "");
  EXPECT_THAT(err_, HasSubstr("--web-url '192.168.1.10:8443'"));

  auto store = storage::Store::Open(data_);
  ASSERT_TRUE(store.ok()) << store.status();
  SystemClock clock;
  auto listed = auth::TokenStore(store->get(), &clock).List("140430", "", 10);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_TRUE(listed->empty()) << "no token was issued";
}

TEST_F(OfflineTokenIssueTest, ALinkForARegionNotInTheRegistryIsRefused) {
  OfflineTokenArgs args = RegionViewer();
  args.county = "1405";
  args.enrolment = true;
  args.web_url = "https://10.0.0.5:8443";
  EXPECT_EQ(Issue(args), 1);
  EXPECT_EQ(out_, "");
  EXPECT_THAT(err_, StartsWith("error: "));
  EXPECT_THAT(err_, HasSubstr("1405"));
}

// No online role manages a region viewer's tokens: the operator lists and revokes them offline,
// and a revoked token no longer authenticates.
TEST_F(OfflineTokenIssueTest, ARegionViewersTokenIsListedAndRevokedOffline) {
  ASSERT_EQ(Issue(RegionViewer()), 0) << err_;
  const std::string token(absl::StripTrailingAsciiWhitespace(out_));
  const std::string id = token.substr(std::string("jh1.1404.").size(), 16);

  std::ostringstream listed, err;
  ASSERT_EQ(RunOfflineTokenList(data_, "1404", listed, err), 0) << err.str();
  EXPECT_THAT(listed.str(), HasSubstr(id + "\tregion_viewer\t\tvalid"));

  std::ostringstream revoked;
  ASSERT_EQ(RunOfflineTokenRevoke(data_, "1404", id, revoked, err), 0) << err.str();
  EXPECT_THAT(revoked.str(), HasSubstr("revoked"));
  std::ostringstream again;
  ASSERT_EQ(RunOfflineTokenList(data_, "1404", again, err), 0);
  EXPECT_THAT(again.str(), HasSubstr(id + "\tregion_viewer\t\trevoked"));

  auto store = storage::Store::Open(data_);
  ASSERT_TRUE(store.ok()) << store.status();
  SystemClock clock;
  auth::TokenStore tokens(store->get(), &clock);
  auto principal = tokens.Authenticate(token);
  EXPECT_EQ(principal.status().code(), absl::StatusCode::kUnauthenticated);
  store->reset();

  std::ostringstream unknown, unknown_err;
  EXPECT_EQ(RunOfflineTokenRevoke(data_, "1404", "0123456789abcdef", unknown, unknown_err), 1);
  EXPECT_THAT(unknown_err.str(), HasSubstr("0123456789abcdef"));
  std::ostringstream bad, bad_err;
  EXPECT_EQ(RunOfflineTokenList(data_, "140", bad, bad_err), 1);
  EXPECT_THAT(bad_err.str(), HasSubstr("140"));
}

}  // namespace
}  // namespace junheng::server
