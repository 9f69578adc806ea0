#include "server/server_app.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/profile/profile_loader.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "server/auth/policy.h"
#include "server/rpc/call_interceptor.h"
#include "server/server_metrics.h"

namespace junheng::server {

absl::StatusOr<std::unique_ptr<ServerApp>> ServerApp::Start(const ServerOptions& options,
                                                            const Clock* clock) {
  const size_t colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("--listen ", options.listen, ": use HOST:PORT, e.g. 127.0.0.1:50551"));
  }
  auto profile = profile::LoadProfile(options.profile);
  if (!profile.ok()) return profile.status();
  if (auto problems = auth::PolicyProblems(); !problems.empty()) {
    return absl::InternalError(
        absl::StrCat("the access table is incomplete: ", absl::StrJoin(problems, "; ")));
  }
  auto credentials = MakeServerCredentials(options.transport, options.listen.substr(0, colon));
  if (!credentials.ok()) return credentials.status();
  auto store = storage::Store::Open(options.data_dir, options.store);
  if (!store.ok()) return store.status();

  std::unique_ptr<ServerApp> app(new ServerApp());
  app->metrics_ = std::make_unique<metrics::Registry>();
  metrics::Registry* metrics = app->metrics_.get();
  app->store_ = *std::move(store);
  app->tokens_ = std::make_unique<auth::TokenStore>(app->store_.get(), clock);
  app->limiter_ = std::make_unique<auth::RateLimiter>(options.rate_limit, clock);
  app->authorizer_ = std::make_unique<auth::Authorizer>(app->tokens_.get(), app->limiter_.get(),
                                                        options.auth_disabled_for_tests, metrics);
  const auth::Authorizer* authorizer = app->authorizer_.get();
  app->reporting_ =
      std::make_unique<ReportingServiceImpl>(app->store_.get(), clock, authorizer, metrics);
  app->bureau_ =
      std::make_unique<BureauServiceImpl>(app->store_.get(), clock, authorizer, *profile);
  app->registry_ = std::make_unique<RegistryServiceImpl>(app->store_.get(), clock, authorizer);
  app->admin_ = std::make_unique<AdminServiceImpl>(app->store_.get(), clock, authorizer);
  app->token_service_ = std::make_unique<TokenServiceImpl>(app->tokens_.get(), authorizer);
  app->audit_service_ = std::make_unique<AuditServiceImpl>(app->store_.get(), authorizer);
  app->evaluation_ =
      std::make_unique<EvaluationServiceImpl>(app->store_.get(), clock, *profile, authorizer);
  app->region_ =
      std::make_unique<RegionServiceImpl>(app->store_.get(), clock, *profile, authorizer);
  app->scheduler_ =
      std::make_unique<Scheduler>(app->store_.get(), clock, *profile, options.schedule, metrics);
  AddStoreMetrics(*metrics, app->store_.get(), clock, options.data_dir);
  app->host_ = options.listen.substr(0, colon);

  // The standard grpc.health.v1.Health service, built into libgrpc++ (rpc/health_reporter.h). The
  // switch is process-wide and read when a server is built.
  static const bool health_service_enabled = [] {
    grpc::EnableDefaultHealthCheckService(true);
    return true;
  }();
  (void)health_service_enabled;
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, *credentials, &app->port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_send_message_bytes);
  // gRPC enables SO_REUSEPORT by default, which would let a second server (on another data dir)
  // share the port and split the county's reports between two databases.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  // Every call is counted, logged and given a request id (rpc/call_interceptor.h).
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<CallInterceptorFactory>(metrics));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  namespace v1 = junheng::v1;
  const std::pair<grpc::Service*, const char*> services[] = {
      {app->reporting_.get(), v1::ReportingService::service_full_name()},
      {app->registry_.get(), v1::RegistryService::service_full_name()},
      {app->bureau_.get(), v1::BureauService::service_full_name()},
      {app->admin_.get(), v1::AdminService::service_full_name()},
      {app->token_service_.get(), v1::TokenService::service_full_name()},
      {app->audit_service_.get(), v1::AuditService::service_full_name()},
      {app->evaluation_.get(), v1::EvaluationService::service_full_name()},
      {app->region_.get(), v1::RegionService::service_full_name()},
  };
  std::vector<std::string> service_names;
  for (const auto& [service, name] : services) {
    builder.RegisterService(service);
    service_names.emplace_back(name);
  }
  app->server_ = builder.BuildAndStart();
  if (app->server_ == nullptr || app->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen,
                     ": the address is in use or not local; choose another --listen"));
  }
  grpc::HealthCheckServiceInterface* health = app->server_->GetHealthCheckService();
  if (health == nullptr) return absl::InternalError("gRPC's health service did not start");
  app->health_ = std::make_unique<HealthReporter>(app->store_.get(), health, service_names);
  app->health_->Start(options.health_interval);
  if (!options.http_listen.empty()) {
    absl::Status http = app->StartHttp(options, clock);
    if (!http.ok()) return http;
  }
  if (options.run_scheduler) app->scheduler_->Start();
  return app;
}

absl::Status ServerApp::StartHttp(const ServerOptions& options, const Clock* clock) {
  http::ListenerOptions listener;
  listener.listen = options.http_listen;
  listener.max_body_bytes = static_cast<size_t>(options.max_message_bytes);
  if (!options.transport.insecure_plaintext) {
    auto cert = ReadPemFile(options.transport.tls_cert_file, "--tls-cert");
    if (!cert.ok()) return cert.status();
    auto key = ReadPemFile(options.transport.tls_key_file, "--tls-key");
    if (!key.ok()) return key.status();
    listener.cert_pem = *std::move(cert);
    listener.key_pem = *std::move(key);
  } else if (absl::Status plain = CheckHttpTransport(options.transport, options.http_listen);
             !plain.ok()) {
    return plain;
  }
  sessions_ =
      std::make_unique<auth::WebSessions>(store_.get(), tokens_.get(), clock, options.sessions);
  gateway_ =
      std::make_unique<http::ApiGateway>(server_->InProcessChannel(grpc::ChannelArguments()));
  routes_ = std::make_unique<http::WebRoutes>(
      gateway_.get(), sessions_.get(), tokens_.get(),
      http::WebOptions{.web_root = options.web_root,
                       .tls = !listener.cert_pem.empty(),
                       .max_body_bytes = listener.max_body_bytes,
                       .readiness = [this] { return health_->Ready(); },
                       .metrics = [this] { return metrics_->Scrape(); }});
  AddSessionMetrics(*metrics_, sessions_.get());
  auto started = http::HttpListener::Start(listener, routes_.get());
  if (!started.ok()) return started.status();
  http_ = *std::move(started);
  return absl::OkStatus();
}

std::string ServerApp::address() const { return absl::StrCat(host_, ":", port_); }

void ServerApp::Shutdown(absl::Duration grace) {
  // The HTTP door first (its requests in progress finish within the grace): its calls go
  // through the gRPC server below, which shuts down after it.
  const absl::Time started = absl::Now();
  // NOT_SERVING before anything stops, so that a load balancer stops sending calls here.
  if (health_ != nullptr) health_->BeginShutdown();
  if (http_ != nullptr) http_->Stop(grace);
  grace = std::max(absl::ZeroDuration(), grace - (absl::Now() - started));
  http_.reset();
  routes_.reset();
  gateway_.reset();
  sessions_.reset();
  if (scheduler_ != nullptr) scheduler_->Stop();
  if (server_ != nullptr) {
    server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
    server_->Wait();
    server_.reset();
  }
  health_.reset();
  scheduler_.reset();
  evaluation_.reset();
  audit_service_.reset();
  token_service_.reset();
  admin_.reset();
  bureau_.reset();
  registry_.reset();
  reporting_.reset();
  authorizer_.reset();
  limiter_.reset();
  tokens_.reset();
  store_.reset();  // closes the database after the last call has finished
}

ServerApp::~ServerApp() { Shutdown(); }

}  // namespace junheng::server
