#pragma once

// What the metrics and request-log tests share: a real in-process server with tokens and the
// HTTP listener, a county registry of two schools, tokens by role, raw gRPC calls that keep the
// answer's trailing metadata, plain HTTP requests, and the value of one series of a scrape.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "client/rpc/connection.h"
#include "common/rpc/call_metadata.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/testing/http_call.h"
#include "tests/testing/in_process_server.h"
#include "tests/testing/store_fixture.h"

namespace junheng::testing {

inline constexpr char kSchool[] = "2140043001";
inline constexpr char kOtherSchool[] = "2140043002";

// A gRPC answer with what the server put in its trailing metadata.
struct RawAnswer {
  grpc::Status status;
  std::string request_id;
};

class ObservedServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions options;
    options.transport.insecure_plaintext = true;
    options.rate_limit.per_second = 0;
    options.run_scheduler = false;
    options.http_listen = "127.0.0.1:0";
    ASSERT_TRUE(server_.Start(options).ok());
    admin_ = Issue(v1::BUREAU_ADMIN, "").token();
    clerk_ = Issue(v1::SCHOOL_CLERK, kSchool).token();
    v1::UpsertSchoolsRequest schools;
    schools.set_county_code(kTestCounty);
    *schools.add_schools() = MakeSchool(kSchool);
    *schools.add_schools() = MakeSchool(kOtherSchool);
    auto upserted = As(admin_).Call(&v1::RegistryService::Stub::UpsertSchools, schools);
    ASSERT_TRUE(upserted.ok()) << upserted.status();
  }

  v1::IssueTokenResponse Issue(v1::Role role, const std::string& school, bool enrol = false) {
    return server_.IssueToken(kTestCounty, role, school, enrol);
  }

  client::Connection As(const std::string& token) { return server_.ConnectionWith(token); }

  // One call through a generated stub with `token` and the language `lang` ("" sends none).
  template <typename Stub, typename Request, typename Response>
  RawAnswer CallRaw(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                    const Request& request, const std::string& token, const std::string& lang,
                    Response* response = nullptr) {
    auto channel = grpc::CreateChannel(server_.address(), grpc::InsecureChannelCredentials());
    Stub stub(channel);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    if (!lang.empty()) context.AddMetadata("junheng-lang", lang);
    Response ignored;
    RawAnswer answer;
    answer.status = (stub.*method)(&context, request, response != nullptr ? response : &ignored);
    const auto& trailers = context.GetServerTrailingMetadata();
    if (auto it = trailers.find(rpc::kRequestIdMetadataKey); it != trailers.end()) {
      answer.request_id = std::string(it->second.data(), it->second.size());
    }
    return answer;
  }

  HttpReply Http(const std::string& method, const std::string& path, const std::string& body,
                 const std::vector<std::string>& headers) {
    return HttpCall(method, absl::StrCat("http://127.0.0.1:", server_.app()->http_port(), path),
                    body, headers);
  }

  // The value of `series` (its name and labels as the text format writes them, e.g.
  // junheng_rpc_calls_total{method="...",code="OK"}) in `scrape`; 0 when it is not there.
  static double SampleOf(const std::string& scrape, const std::string& series) {
    for (absl::string_view line : absl::StrSplit(scrape, '\n')) {
      if (!absl::ConsumePrefix(&line, series) || !absl::ConsumePrefix(&line, " ")) continue;
      double value = 0;
      EXPECT_TRUE(absl::SimpleAtod(line, &value)) << series << " " << line;
      return value;
    }
    return 0;
  }
  double Sample(const std::string& series) {
    return SampleOf(server_.app()->metrics()->Scrape(), series);
  }

  FakeClock clock_{absl::FromCivil(absl::CivilSecond(2024, 9, 1, 8, 0, 0), absl::UTCTimeZone())};
  InProcessServer server_{&clock_};
  std::string admin_;
  std::string clerk_;
};

}  // namespace junheng::testing
