#include "server/rpc/call_interceptor.h"

#include <chrono>
#include <map>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/i18n/message.h"
#include "common/i18n/server_messages.h"
#include "junheng/v1/services.pb.h"
#include "server/auth/policy.h"
#include "server/observability/structured_log.h"
#include "server/rpc/handler.h"

namespace junheng::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

// Handler -> interceptor, in the trailing metadata, which the interceptor removes before the
// answer leaves: "<token id> <role> <county> <school>", empty parts for what the call lacks.
constexpr char kCallerMetadataKey[] = "junheng-caller";

// gRPC's health service (rpc/health_reporter.h): known methods, checked every few seconds.
constexpr absl::string_view kHealthCheck = "grpc.health.v1.Health/Check";
constexpr absl::string_view kHealthWatch = "grpc.health.v1.Health/Watch";

// The longest error message a log line carries (a validation may list many fields).
constexpr size_t kMaxLoggedMessage = 1000;

// Codes that say the server, not the caller, is at fault.
bool IsServerFault(grpc::StatusCode code) {
  return code == grpc::StatusCode::UNKNOWN || code == grpc::StatusCode::INTERNAL ||
         code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DATA_LOSS ||
         code == grpc::StatusCode::UNIMPLEMENTED;
}

// The network transports name a peer by its address; gRPC 1.51's in-process transport, which
// carries the HTTP API gateway's calls, gives none ("unknown").
bool IsInProcess(absl::string_view peer) {
  return !absl::StartsWith(peer, "ipv4:") && !absl::StartsWith(peer, "ipv6:") &&
         !absl::StartsWith(peer, "unix:");
}

}  // namespace

void NoteCaller(grpc::ServerContextBase& context, const auth::Principal& who) {
  context.AddTrailingMetadata(
      kCallerMetadataKey,
      absl::StrCat(who.token_id, " ", auth::RoleName(who.role), " ", who.county, " ", who.school));
}

std::string RequestIdOf(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(rpc::kRequestIdMetadataKey);
  return it == metadata.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

std::string RequestIdSuffix(i18n::Lang lang, absl::string_view id) {
  if (id.empty()) return "";
  return i18n::SayIn(lang, i18n::server::kRequestIdSuffix, id);
}

// One call's interceptor: made when the call arrives, destroyed when it ends.
class CallInterceptor final : public grpc::experimental::Interceptor {
 public:
  CallInterceptor(grpc::experimental::ServerRpcInfo* info, CallInterceptorFactory* factory)
      : info_(info),
        factory_(factory),
        series_(factory->SeriesOf(info->method())),
        started_(std::chrono::steady_clock::now()),
        request_id_(factory->ids_.Next()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      // The id the handler reads with RequestIdOf; one a client sent is not ours. The map holds
      // views, of request_id_ here, which lives as long as the call.
      auto* metadata = methods->GetRecvInitialMetadata();
      metadata->erase(grpc::string_ref(rpc::kRequestIdMetadataKey));
      metadata->emplace(grpc::string_ref(rpc::kRequestIdMetadataKey),
                        grpc::string_ref(request_id_));
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Finished(methods);
    }
    methods->Proceed();
  }

 private:
  void Finished(grpc::experimental::InterceptorBatchMethods* methods) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const grpc::Status status = methods->GetSendStatus();
    std::multimap<std::string, std::string>* trailers = methods->GetSendTrailingMetadata();
    std::string caller;
    if (auto it = trailers->find(kCallerMetadataKey); it != trailers->end()) {
      caller = std::move(it->second);
      trailers->erase(it);
    }
    trailers->emplace(rpc::kRequestIdMetadataKey, request_id_);
    grpc::ServerContextBase& context = *info_->server_context();
    const auto code = static_cast<size_t>(status.error_code());
    const std::string code_name = absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
    if (!status.ok()) {
      // gRPC's own refusals (a request it cannot parse) come without a message: the caller gets
      // a sentence instead, as the client would make it, and the id after it.
      const i18n::Lang lang = CallerLang(context);
      const std::string message = status.error_message();
      methods->ModifySendStatus(grpc::Status(
          status.error_code(),
          absl::StrCat(
              message.empty() ? i18n::SayIn(lang, i18n::server::kNoReason, code_name) : message,
              RequestIdSuffix(lang, request_id_)),
          status.error_details()));
    }

    if (code < metrics::kStatusCodeCount) {
      series_.by_code
          .Get(code,
               [&]() -> metrics::Counter& {
                 return factory_->calls_->With({series_.label, code_name});
               })
          .Increment();
    }
    series_.seconds
        .Get(0, [&]() -> metrics::Histogram& { return factory_->seconds_->With({series_.label}); })
        .Observe(seconds);

    const spdlog::level::level_enum level =
        status.ok() ? (series_.quiet ? spdlog::level::debug : spdlog::level::info)
        : IsServerFault(status.error_code()) ? spdlog::level::err
                                             : spdlog::level::info;
    if (!spdlog::should_log(level)) return;
    LogEvent line("rpc");
    line.Add("request_id", request_id_)
        .Add("method", series_.label == "other" && info_->method() != nullptr
                           ? absl::string_view(info_->method())
                           : absl::string_view(series_.label))
        .Add("code", code_name)
        .Add("duration_ms", seconds * 1000);
    std::string peer = context.peer();
    if (IsInProcess(peer)) {
      const auto& metadata = context.client_metadata();
      if (auto it = metadata.find(rpc::kHttpPeerMetadataKey); it != metadata.end()) {
        peer = absl::StrCat("http ", absl::string_view(it->second.data(), it->second.size()));
      }
    }
    line.Add("peer", peer);
    const std::vector<absl::string_view> parts = absl::StrSplit(caller, ' ');
    constexpr absl::string_view kCallerFields[] = {"token_id", "role", "county", "school"};
    for (size_t i = 0; i < parts.size() && i < std::size(kCallerFields); ++i) {
      if (!parts[i].empty()) line.Add(kCallerFields[i], parts[i]);
    }
    if (!status.ok()) {
      const std::string message = status.error_message();  // a copy: gRPC returns it by value
      line.Add("message", absl::string_view(message).substr(0, kMaxLoggedMessage));
    }
    line.Log(level);
  }

  grpc::experimental::ServerRpcInfo* info_;
  CallInterceptorFactory* factory_;
  const CallInterceptorFactory::MethodSeries& series_;
  const std::chrono::steady_clock::time_point started_;
  const std::string request_id_;
};

CallInterceptorFactory::CallInterceptorFactory(metrics::Registry* metrics) {
  calls_ = &metrics->AddCounter(
      "junheng_rpc_calls_total",
      "Calls answered, by method (gRPC path without the leading slash; other: a path the server "
      "does not serve) and canonical gRPC code. HTTP API calls are counted here too.",
      {"method", "code"});
  seconds_ = &metrics->AddHistogram("junheng_rpc_duration_seconds",
                                    "Time from a call's arrival to its answer, by method.",
                                    {"method"}, metrics::kLatencySeconds);
  auto add = [&](absl::string_view label, bool quiet) {
    auto series = std::make_unique<MethodSeries>();
    series->label = std::string(label);
    series->quiet = quiet;
    methods_[absl::StrCat("/", label)] = std::move(series);
  };
  // The paths of the reports' own methods, from their descriptors.
  const std::string submit =
      auth::MethodPath(*auth::MethodTaking(*junheng::v1::SubmitReportRequest::descriptor()));
  const std::string submit_batch =
      auth::MethodPath(*auth::MethodTaking(*junheng::v1::SubmitReportsRequest::descriptor()));
  for (const auth::MethodRule& rule : auth::Policy()) {
    add(absl::string_view(rule.path).substr(1), rule.path == submit || rule.path == submit_batch);
  }
  add(kHealthCheck, true);
  add(kHealthWatch, true);
  other_ = std::make_unique<MethodSeries>();
  other_->label = "other";
}

const CallInterceptorFactory::MethodSeries& CallInterceptorFactory::SeriesOf(
    const char* path) const {
  if (path == nullptr) return *other_;
  auto it = methods_.find(absl::string_view(path));
  return it == methods_.end() ? *other_ : *it->second;
}

grpc::experimental::Interceptor* CallInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new CallInterceptor(info, this);
}

}  // namespace junheng::server
