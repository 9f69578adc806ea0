#pragma once

// Every call of the gRPC server passes through one interceptor (ServerBuilder::experimental()
// .SetInterceptorCreators), whatever its service: the HTTP API's calls too, which reach the
// services through the server's in-process channel. For each call it
//   - names it with a request id (observability/request_id.h), sent in the trailing metadata
//     "junheng-request-id" (rpc::kRequestIdMetadataKey) and appended to an error's message in the
//     caller's language
//     ("……（请求号 3f9a1c2e07）", "... (request id 3f9a1c2e07)"), so that the id a clerk reads out
//     on the phone finds the call's log line;
//   - counts it by method and code, and its duration by method (junheng_rpc_*);
//   - writes one log line (event=rpc): request id, method, code, duration, peer, the principal
//     (token id, role, county, school: never the token) and an error's message.
//
// Successful SubmitReport and SubmitReports calls and health checks are logged at debug level,
// every other call at info (server faults at error): at a deadline's thousands of reports a
// second, a line per accepted report would bury the lines an operator looks for, and the
// metrics count them anyway. Refused reports are logged like every error.

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "common/i18n/lang.h"
#include "common/rpc/call_metadata.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_interceptor.h"
#include "server/auth/principal.h"
#include "server/observability/metrics.h"
#include "server/observability/request_id.h"

namespace junheng::server {

// For the call's log line: the principal the call acts as (or, refused after its token
// authenticated, would have). The Handler says it once authorization has run.
void NoteCaller(grpc::ServerContextBase& context, const auth::Principal& who);

// The request id of the call being handled; "" for a call that did not pass the interceptor.
std::string RequestIdOf(const grpc::ServerContextBase& context);

// What an error's message gets appended: "（请求号 <id>）" or " (request id <id>)"; "" for no id.
std::string RequestIdSuffix(i18n::Lang lang, absl::string_view id);

class CallInterceptorFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Calls are counted in `metrics` under their method's path for the junheng methods (the policy
  // table's) and gRPC's health service, and under "other" for any other path, so that a client
  // calling made-up paths cannot grow the label set.
  explicit CallInterceptorFactory(metrics::Registry* metrics);

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

  // The series of one method, each made on the method's first call (with that code).
  struct MethodSeries {
    std::string label;   // "junheng.v1.ReportingService/SubmitReport"
    bool quiet = false;  // logged at debug when OK
    mutable metrics::SeriesSlots<metrics::Histogram, 1> seconds;
    // By canonical code.
    mutable metrics::SeriesSlots<metrics::Counter, metrics::kStatusCodeCount> by_code;
  };

 private:
  const MethodSeries& SeriesOf(const char* path) const;

  metrics::CounterFamily* calls_;
  metrics::HistogramFamily* seconds_;
  RequestIds ids_;
  // Made at construction and never changed: read without a lock.
  absl::flat_hash_map<std::string, std::unique_ptr<MethodSeries>> methods_;
  std::unique_ptr<MethodSeries> other_;

  friend class CallInterceptor;
};

}  // namespace junheng::server
