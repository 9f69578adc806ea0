#pragma once

// A real junheng server inside the test process: a ServerApp on 127.0.0.1:0 over a temp data dir,
// and a client Connection to it. Replaces the start-up block the integration, security,
// reliability and bureau suites each used to repeat.
//
//   FakeClock clock_{...};
//   testing::InProcessServer server_{&clock_};
//   ASSERT_TRUE(server_.Start().ok());          // ServerOptions::InsecureForTests()
//   server_.connection()->Call(&v1::ReportingService::Stub::SubmitReport, request);

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "client/rpc/connection.h"
#include "common/time/clock.h"
#include "gtest/gtest.h"
#include "server/server_app.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {

class InProcessServer {
 public:
  // `clock` drives the server; connections made by connection() use `deadline`.
  explicit InProcessServer(const Clock* clock, absl::Duration deadline = absl::Seconds(10))
      : clock_(clock), deadline_(deadline) {}
  ~InProcessServer() { Stop(); }
  InProcessServer(const InProcessServer&) = delete;
  InProcessServer& operator=(const InProcessServer&) = delete;

  // Starts a server with `options`, listening on 127.0.0.1:0; an empty data_dir becomes
  // dir().Sub("data"). Returns ServerApp::Start's error when it refuses.
  [[nodiscard]] absl::Status Start(
      server::ServerOptions options = server::ServerOptions::InsecureForTests()) {
    Stop();
    if (options.data_dir.empty()) options.data_dir = dir_.Sub("data");
    options.listen = "127.0.0.1:0";
    auto app = server::ServerApp::Start(options, clock_);
    if (!app.ok()) return app.status();
    options_ = std::move(options);
    app_ = *std::move(app);
    return absl::OkStatus();
  }

  // Stops the server and starts it again with the same options on the same data dir.
  [[nodiscard]] absl::Status Restart() {
    server::ServerOptions options = options_;
    return Start(std::move(options));
  }

  // Closes the connection, then the server (a no-op when none runs).
  void Stop() {
    connection_.reset();
    app_.reset();
  }

  server::ServerApp* app() const { return app_.get(); }
  std::string address() const { return app_->address(); }
  const TempDir& dir() const { return dir_; }

  // Issues a token straight into the server's token store, as TokenService would; a refusal
  // fails the test (and gives an empty response). `school` for a school_clerk; `enrol` also
  // makes a one-time web sign-in code.
  v1::IssueTokenResponse IssueToken(const std::string& county, v1::Role role,
                                    const std::string& school = "", bool enrol = false) {
    v1::IssueTokenRequest request;
    request.set_county_code(county);
    request.set_role(role);
    request.set_school_code(school);
    request.set_enrolment(enrol);
    auto issued = app_->tokens()->Issue(request, "test setup");
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? *std::move(issued) : v1::IssueTokenResponse();
  }

  // A connection carrying `token` (plain text unless `security` says otherwise).
  client::Connection ConnectionWith(
      const std::string& token,
      rpc::ChannelSecurity security = rpc::ChannelSecurity::PlaintextForTests()) const {
    security.token = token;
    return client::Connection(app_->address(), deadline_, security);
  }

  // A connection without a token, in plain text: for servers started with InsecureForTests().
  // Made on first use after each start.
  client::Connection* connection() {
    if (connection_ == nullptr) {
      connection_ = std::make_unique<client::Connection>(app_->address(), deadline_);
    }
    return connection_.get();
  }

 private:
  const Clock* clock_;
  absl::Duration deadline_;
  TempDir dir_;
  server::ServerOptions options_;
  std::unique_ptr<server::ServerApp> app_;
  std::unique_ptr<client::Connection> connection_;
};

}  // namespace junheng::testing
