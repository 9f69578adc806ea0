// `junheng-server check --config FILE` (server/config_check.h): a good config passes; each broken
// setting is reported on a line naming it, and the exit code says whether the server can start.
#include "server/config_check.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "server/storage/store.h"
#include "tests/testing/english.h"
#include "tests/testing/server_process.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_certificates.h"

#ifndef JUNHENG_SERVER_BIN
#error "JUNHENG_SERVER_BIN must name the junheng-server binary"
#endif

namespace junheng::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Verdict = Finding::Verdict;

constexpr absl::Duration kDay = absl::Hours(24);

struct CheckRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A config's settings as TOML lines, written to a file and checked as the command does.
class ConfigCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const absl::Time now = absl::Now();
    auto ca = testing::MakeCa(dir_.Sub("ca"), now - 10 * kDay, now + 3650 * kDay);
    ASSERT_TRUE(ca.ok()) << ca.status();
    ca_ = *ca;
    auto server = testing::MakeSignedCertificate(dir_.Sub("server"), ca_, "junheng-server",
                                                 now - kDay, now + 800 * kDay);
    ASSERT_TRUE(server.ok()) << server.status();
    std::filesystem::create_directory(dir_.Sub("web"));
    std::ofstream(dir_.Sub("web/index.html")) << "<!doctype html>";
    settings_ = {
        {"data-dir", Quoted(dir_.Sub("data"))},
        {"listen", Quoted(absl::StrCat("127.0.0.1:", testing::PickFreePort()))},
        {"tls-cert", Quoted(server->cert)},
        {"tls-key", Quoted(server->key)},
        {"tls-client-ca", Quoted(ca_.cert)},
        {"http-listen", Quoted(absl::StrCat("127.0.0.1:", testing::PickFreePort()))},
        {"web-root", Quoted(dir_.Sub("web"))},
    };
  }

  static std::string Quoted(const std::string& text) { return absl::StrCat("\"", text, "\""); }

  // A certificate signed by the CA, valid from now + `from` to now + `until`, as tls-cert/key.
  void UseCertificate(const std::string& name, absl::Duration from, absl::Duration until) {
    const absl::Time now = absl::Now();
    auto cert = testing::MakeSignedCertificate(dir_.Sub(name), ca_, name, now + from, now + until);
    ASSERT_TRUE(cert.ok()) << cert.status();
    settings_["tls-cert"] = Quoted(cert->cert);
    settings_["tls-key"] = Quoted(cert->key);
  }

  std::string WriteConfig(const std::string& extra_lines = "") {
    const std::string path = dir_.Sub("server.toml");
    std::ofstream file(path);
    for (const auto& [key, value] : settings_) file << key << " = " << value << "\n";
    file << extra_lines;
    return path;
  }

  CheckRun Run(const std::string& extra_lines = "") {
    std::ostringstream out, err;
    CheckRun run;
    run.exit_code = RunConfigCheck(WriteConfig(extra_lines), out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
  }

  // The findings of the settings, read the way the command reads the file.
  std::vector<Finding> Findings() {
    CLI::App parser;
    ServeSettings settings;
    AddServeOptions(parser, settings);
    parser.parse(std::vector<std::string>{WriteConfig(), "--config"});
    return CheckServeSettings(settings, absl::Now());
  }

  // The findings about `setting` with `verdict`.
  std::vector<std::string> Texts(const std::vector<Finding>& findings, const std::string& setting,
                                 Verdict verdict) {
    std::vector<std::string> texts;
    for (const Finding& finding : findings) {
      if (finding.setting == setting && finding.verdict == verdict) texts.push_back(finding.text);
    }
    return texts;
  }

  int Errors(const std::vector<Finding>& findings) {
    int errors = 0;
    for (const Finding& finding : findings) errors += finding.verdict == Verdict::kError;
    return errors;
  }

  testing::TempDir dir_;
  testing::PemFiles ca_;
  std::map<std::string, std::string> settings_;
};

TEST_F(ConfigCheckTest, AGoodConfigPassesAndSaysWhatItChecked) {
  CheckRun run = Run();
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.err, "");
  for (const char* line : {"ok       data-dir: ", "ok       tls-cert: ", "ok       tls-key: ",
                           "ok       tls-client-ca: ", "ok       listen: ",
                           "ok       http-listen: ", "ok       web-root: ", "ok       profile: "}) {
    EXPECT_THAT(run.out, HasSubstr(line));
  }
  EXPECT_THAT(run.out, HasSubstr("the server's certificate chains to it"));
  EXPECT_THAT(run.out, HasSubstr("the config is good"));
  EXPECT_THAT(run.out, Not(HasSubstr("error")));
}

TEST_F(ConfigCheckTest, SaysItInChineseByDefault) {
  i18n::SetProcessLang(i18n::Lang::kZh);
  CheckRun run = Run();
  i18n::SetProcessLang(i18n::Lang::kEn);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("正常  tls-key: "));
  EXPECT_THAT(run.out, HasSubstr("配置没有问题"));
}

TEST_F(ConfigCheckTest, AnExpiredCertificateIsAnErrorNamingTlsCert) {
  UseCertificate("expired", -400 * kDay, -2 * kDay);
  CheckRun run = Run();
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("error    tls-cert: the certificate "));
  EXPECT_THAT(run.out, HasSubstr("expired on"));
  EXPECT_THAT(run.out, HasSubstr("1 error(s)"));
}

TEST_F(ConfigCheckTest, ACertificateNotYetValidIsAnError) {
  UseCertificate("future", 5 * kDay, 400 * kDay);
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "tls-cert", Verdict::kError),
              ElementsAre(HasSubstr("is not valid until")));
}

TEST_F(ConfigCheckTest, ACertificateExpiringWithin30DaysIsAWarningOnly) {
  UseCertificate("expiring", -300 * kDay, 12 * kDay + absl::Hours(1));
  CheckRun run = Run();
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("warning  tls-cert: the certificate "));
  EXPECT_THAT(run.out, HasSubstr("(in 12 days); renew it before then"));
  EXPECT_THAT(run.out, HasSubstr("(1 warning(s))"));
}

TEST_F(ConfigCheckTest, TheKeyOfAnotherCertificateIsAnErrorNamingTlsKey) {
  const absl::Time now = absl::Now();
  auto other =
      testing::MakeSignedCertificate(dir_.Sub("other"), ca_, "other", now - kDay, now + 100 * kDay);
  ASSERT_TRUE(other.ok()) << other.status();
  settings_["tls-key"] = Quoted(other->key);
  auto findings = Findings();
  EXPECT_THAT(
      Texts(findings, "tls-key", Verdict::kError),
      ElementsAre(HasSubstr(absl::StrCat(other->key, " is not the key of the certificate"))));
  EXPECT_EQ(Errors(findings), 1);
}

TEST_F(ConfigCheckTest, UnreadableAndNonPemFilesAreErrorsNamingTheirSetting) {
  std::ofstream(dir_.Sub("junk.pem")) << "not a certificate\n";
  settings_["tls-cert"] = Quoted(dir_.Sub("junk.pem"));
  settings_["tls-client-ca"] = Quoted(dir_.Sub("missing-ca.crt"));
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "tls-cert", Verdict::kError),
              ElementsAre(HasSubstr("holds no PEM certificate")));
  EXPECT_THAT(Texts(findings, "tls-client-ca", Verdict::kError),
              ElementsAre(HasSubstr("cannot read " + dir_.Sub("missing-ca.crt"))));
}

TEST_F(ConfigCheckTest, AServerCertificateOfAnotherCaIsAWarningAboutTheClientCa) {
  const absl::Time now = absl::Now();
  auto other_ca = testing::MakeCa(dir_.Sub("other-ca"), now - kDay, now + 1000 * kDay);
  ASSERT_TRUE(other_ca.ok()) << other_ca.status();
  settings_["tls-client-ca"] = Quoted(other_ca->cert);
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "tls-client-ca", Verdict::kWarning),
              ElementsAre(HasSubstr("does not chain to")));
  EXPECT_EQ(Errors(findings), 0);
}

TEST_F(ConfigCheckTest, ADataDirThatCannotBeCreatedIsAnError) {
  settings_["data-dir"] = Quoted(dir_.Sub("no/such/parent/data"));
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "data-dir", Verdict::kError),
              ElementsAre(HasSubstr("does not exist and")));
}

TEST_F(ConfigCheckTest, AnUnsetDataDirIsAnError) {
  settings_.erase("data-dir");
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "data-dir", Verdict::kError),
              ElementsAre(HasSubstr("not set; add data-dir = ")));
}

TEST_F(ConfigCheckTest, ADataDirOfANewerSchemaIsAnError) {
  const std::string data = dir_.Sub("data");
  { ASSERT_TRUE(storage::Store::Open(data).ok()); }
  {
    // What a later release would leave: its own schema marker.
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), data, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const auto& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), data, families, &handles, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[0], "meta/schema_version", "2").ok());
    for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
    delete db;
  }
  CheckRun run = Run();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("error    data-dir: the server would refuse it: data dir " + data +
                                 " has schema version 2 but this server reads 1"));
}

TEST_F(ConfigCheckTest, AForeignNonEmptyDirectoryIsAnError) {
  std::filesystem::create_directory(dir_.Sub("data"));
  std::ofstream(dir_.Sub("data/notes.txt")) << "not a database";
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "data-dir", Verdict::kError),
              ElementsAre(HasSubstr("holds no junheng database")));
}

TEST_F(ConfigCheckTest, APortHeldByAnotherProgramIsAnErrorNamingTheSetting) {
  const int held = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(held, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(held, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(listen(held, 1), 0);
  socklen_t length = sizeof(address);
  ASSERT_EQ(getsockname(held, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const std::string listen_at = absl::StrCat("127.0.0.1:", ntohs(address.sin_port));
  settings_["http-listen"] = Quoted(listen_at);
  auto findings = Findings();
  close(held);
  // This test process holds it, and no junheng-server holds the data dir.
  EXPECT_THAT(Texts(findings, "http-listen", Verdict::kError),
              ElementsAre(HasSubstr(
                  absl::StrCat(listen_at, " is in use by another program (process ", getpid()))));
}

TEST_F(ConfigCheckTest, MalformedListenAddressesAreErrors) {
  settings_["listen"] = Quoted("50551");
  settings_["http-listen"] = Quoted("console.example:8443");
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "listen", Verdict::kError),
              ElementsAre(HasSubstr("'50551' is not HOST:PORT")));
  EXPECT_THAT(Texts(findings, "http-listen", Verdict::kError),
              ElementsAre(HasSubstr("must be an IP address")));
}

TEST_F(ConfigCheckTest, PlainTextOnANetworkAddressIsRefusedAsTheServerWould) {
  settings_.erase("tls-cert");
  settings_.erase("tls-key");
  settings_.erase("tls-client-ca");
  settings_["listen"] = Quoted(absl::StrCat("0.0.0.0:", testing::PickFreePort()));
  settings_["insecure-plaintext"] = "true";
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "insecure-plaintext", Verdict::kError),
              ElementsAre(HasSubstr("would send tokens and reports unencrypted")));
}

TEST_F(ConfigCheckTest, PlainTextOnLoopbackIsAWarning) {
  settings_.erase("tls-cert");
  settings_.erase("tls-key");
  settings_.erase("tls-client-ca");
  settings_["insecure-plaintext"] = "true";
  auto findings = Findings();
  EXPECT_EQ(Errors(findings), 0);
  EXPECT_THAT(Texts(findings, "insecure-plaintext", Verdict::kWarning),
              ElementsAre(HasSubstr("for a local demo only")));
}

TEST_F(ConfigCheckTest, AWebRootWithoutIndexAndAnUnknownProfileAreErrors) {
  std::filesystem::create_directory(dir_.Sub("empty"));
  settings_["web-root"] = Quoted(dir_.Sub("empty"));
  settings_["profile"] = Quoted("national-2099");
  auto findings = Findings();
  EXPECT_THAT(Texts(findings, "web-root", Verdict::kError),
              ElementsAre(HasSubstr("holds no index.html")));
  EXPECT_THAT(Texts(findings, "profile", Verdict::kError),
              ElementsAre(HasSubstr("cannot be loaded")));
}

TEST_F(ConfigCheckTest, AnUnknownKeyExitsTwoNamingIt) {
  CheckRun run = Run("sever = \"127.0.0.1:50551\"\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("sever in the config file"));
  EXPECT_THAT(run.err, HasSubstr("is not a setting (misspelt?); the settings are: data-dir, "));
}

TEST_F(ConfigCheckTest, AMissingConfigFileExitsTwo) {
  std::ostringstream out, err;
  EXPECT_EQ(RunConfigCheck(dir_.Sub("absent.toml"), out, err), 2);
  EXPECT_THAT(err.str(), HasSubstr("cannot read the config file " + dir_.Sub("absent.toml")));
}

// A restart's view: the running junheng-server holds the data dir's LOCK and the port, which the
// check reads without disturbing it, and says the restart frees the port.
TEST_F(ConfigCheckTest, APortHeldByTheServerRunningOnTheDataDirIsFine) {
  testing::ServerProcess server(JUNHENG_SERVER_BIN, dir_.Sub("data"), dir_.Sub("server.log"));
  ASSERT_TRUE(server.Start().ok());
  settings_.erase("tls-cert");
  settings_.erase("tls-key");
  settings_.erase("tls-client-ca");
  settings_.erase("http-listen");
  settings_.erase("web-root");
  settings_["insecure-plaintext"] = "true";
  settings_["listen"] = Quoted(server.address());
  CheckRun run = Run();
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr(absl::StrCat("ok       data-dir: in use: process ", server.pid(),
                                              " (junheng-server) holds its LOCK")));
  EXPECT_THAT(run.out,
              HasSubstr(absl::StrCat("ok       listen: ", server.address(),
                                     " is held by the junheng-server running on this data-dir "
                                     "(process ",
                                     server.pid(), "); a restart frees it")));
  EXPECT_THAT(run.out, HasSubstr("is a junheng database of schema 1"));
  server.Stop();
}

}  // namespace
}  // namespace junheng::server
