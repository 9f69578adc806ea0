// The server's health through both doors of a real in-process server: grpc.health.v1.Health on
// the gRPC port (and `junheng-server health`, which asks it), GET /healthz and /readyz on the
// HTTP listener. None needs a token; NOT_SERVING and 503 while the disk refuses writes, SERVING
// and 200 again once it recovers; NOT_SERVING as soon as shutdown begins.
#include <chrono>
#include <sstream>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "client/rpc/connection.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "junheng/v1/services.grpc.pb.h"
#include "server/tools/health_command.h"
#include "tests/reliability/fault_injection_fs.h"
#include "tests/testing/english.h"
#include "tests/testing/http_call.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/store_fixture.h"

namespace junheng {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;
using testing::FaultInjectionFs;
using ::testing::HasSubstr;

using Reply = testing::HttpReply;

class HealthIntegrationTest : public ::testing::Test {
 protected:
  // A server that enforces tokens, with its HTTP door, over a disk that fails on demand. Its
  // health is refreshed by the test (Refresh), not on a timer.
  void SetUp() override {
    server::ServerOptions options;
    options.transport.insecure_plaintext = true;
    options.http_listen = "127.0.0.1:0";
    options.run_scheduler = false;
    options.health_interval = absl::Hours(1);
    options.store.env = fs_->env();
    ASSERT_TRUE(server_.Start(options).ok());
    channel_ = grpc::CreateChannel(server_.address(), grpc::InsecureChannelCredentials());
    health_ = Health::NewStub(channel_);
  }

  // Check with no token.
  grpc::Status Check(const std::string& service, HealthCheckResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    HealthCheckRequest request;
    request.set_service(service);
    return health_->Check(&context, request, response);
  }

  HealthCheckResponse::ServingStatus StatusOf(const std::string& service) {
    HealthCheckResponse response;
    grpc::Status status = Check(service, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.status();
  }

  Reply Get(const std::string& path) {
    return testing::HttpCall("GET",
                             absl::StrCat("http://127.0.0.1:", server_.app()->http_port(), path));
  }

  // `junheng-server health` against this server: its exit code and what it printed.
  std::pair<int, std::string> HealthCommand() {
    std::ostringstream out, err;
    const int code = server::RunHealthCommand(server_.address(), "", 10,
                                              rpc::ChannelSecurity::PlaintextForTests(), out, err);
    return {code, out.str() + err.str()};
  }

  std::shared_ptr<FaultInjectionFs> fs_ = std::make_shared<FaultInjectionFs>();
  FakeClock clock_{absl::FromUnixSeconds(1'720'000'000)};
  testing::InProcessServer server_{&clock_};
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Health::Stub> health_;
};

TEST_F(HealthIntegrationTest, ServingForTheServerAndEachServiceWithoutAToken) {
  EXPECT_EQ(StatusOf(""), HealthCheckResponse::SERVING);
  for (const char* service :
       {"junheng.v1.ReportingService", "junheng.v1.RegistryService", "junheng.v1.BureauService",
        "junheng.v1.AdminService", "junheng.v1.TokenService", "junheng.v1.AuditService",
        "junheng.v1.EvaluationService", "junheng.v1.RegionService"}) {
    EXPECT_EQ(StatusOf(service), HealthCheckResponse::SERVING) << service;
  }
  HealthCheckResponse response;
  EXPECT_EQ(Check("junheng.v1.NoSuchService", &response).error_code(), grpc::NOT_FOUND);

  // The same server refuses a junheng call without a token: the health service is open, the
  // rest is not.
  client::Connection anonymous(server_.address(), absl::Seconds(10));
  v1::ListPeriodsRequest periods;
  periods.set_county_code(testing::kTestCounty);
  auto refused = anonymous.Call(&v1::BureauService::Stub::ListPeriods, periods);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kUnauthenticated) << refused.status();

  auto [code, output] = HealthCommand();
  EXPECT_EQ(code, 0) << output;
  EXPECT_EQ(output, "SERVING\n");
}

TEST_F(HealthIntegrationTest, HealthzAndReadyzAnswerWithoutAToken) {
  Reply alive = Get("/healthz");
  EXPECT_EQ(alive.status, 200);
  EXPECT_EQ(alive.body, "ok\n");
  Reply ready = Get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
}

TEST_F(HealthIntegrationTest, ADiskThatRefusesWritesIsNotServingOnBothDoorsUntilItRecovers) {
  storage::Store& store = *server_.app()->store();
  ASSERT_TRUE(testing::CommitVersion(store, testing::MakeVersion("s1", 1)).ok());
  fs_->SetFault(FaultInjectionFs::Fault::kNoSpace);
  ASSERT_FALSE(testing::CommitVersion(store, testing::MakeVersion("s1", 2)).ok());
  server_.app()->health()->Refresh();

  EXPECT_EQ(StatusOf(""), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(StatusOf("junheng.v1.ReportingService"), HealthCheckResponse::NOT_SERVING);
  Reply ready = Get("/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_THAT(ready.body, HasSubstr("not ready: the data dir refuses writes"));
  EXPECT_EQ(Get("/healthz").status, 200);  // the process still answers
  auto [code, output] = HealthCommand();
  EXPECT_EQ(code, 1);
  EXPECT_EQ(output, "NOT_SERVING\n");

  fs_->SetFault(FaultInjectionFs::Fault::kNone);
  for (int i = 0; i < 300 && StatusOf("") != HealthCheckResponse::SERVING; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server_.app()->health()->Refresh();
  }
  EXPECT_EQ(StatusOf(""), HealthCheckResponse::SERVING);
  EXPECT_EQ(StatusOf("junheng.v1.ReportingService"), HealthCheckResponse::SERVING);
  EXPECT_EQ(Get("/readyz").status, 200);
  EXPECT_TRUE(testing::CommitVersion(store, testing::MakeVersion("s1", 2)).ok());
}

TEST_F(HealthIntegrationTest, ShutdownIsNotServingBeforeTheServerStops) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  HealthCheckRequest request;
  auto watch = health_->Watch(&context, request);
  HealthCheckResponse response;
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);

  std::thread shutdown([&] { server_.app()->Shutdown(absl::Seconds(2)); });
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), HealthCheckResponse::NOT_SERVING);
  shutdown.join();
}

}  // namespace
}  // namespace junheng
