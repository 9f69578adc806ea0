#include "server/server_app.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/profile/profile_loader.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "server/auth/policy.h"

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
  app->store_ = *std::move(store);
  app->tokens_ = std::make_unique<auth::TokenStore>(app->store_.get(), clock);
  app->limiter_ = std::make_unique<auth::RateLimiter>(options.rate_limit, clock);
  app->authorizer_ = std::make_unique<auth::Authorizer>(app->tokens_.get(), app->limiter_.get(),
                                                        options.auth_disabled_for_tests);
  const auth::Authorizer* authorizer = app->authorizer_.get();
  app->reporting_ = std::make_unique<ReportingServiceImpl>(app->store_.get(), clock, authorizer);
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
      std::make_unique<Scheduler>(app->store_.get(), clock, *profile, options.schedule);
  app->host_ = options.listen.substr(0, colon);

  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, *credentials, &app->port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_send_message_bytes);
  // gRPC enables SO_REUSEPORT by default, which would let a second server (on another data dir)
  // share the port and split the county's reports between two databases.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterService(app->reporting_.get());
  builder.RegisterService(app->registry_.get());
  builder.RegisterService(app->bureau_.get());
  builder.RegisterService(app->admin_.get());
  builder.RegisterService(app->token_service_.get());
  builder.RegisterService(app->audit_service_.get());
  builder.RegisterService(app->evaluation_.get());
  builder.RegisterService(app->region_.get());
  app->server_ = builder.BuildAndStart();
  if (app->server_ == nullptr || app->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen,
                     ": the address is in use or not local; choose another --listen"));
  }
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
  } else {
    const std::string host = options.http_listen.substr(0, options.http_listen.rfind(':'));
    if (!IsLoopbackHost(host) && !options.transport.allow_remote_plaintext) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--http-listen ", options.http_listen,
          ": plain HTTP only on a loopback address; give --tls-cert/--tls-key for HTTPS"));
    }
  }
  sessions_ =
      std::make_unique<auth::WebSessions>(store_.get(), tokens_.get(), clock, options.sessions);
  gateway_ =
      std::make_unique<http::ApiGateway>(server_->InProcessChannel(grpc::ChannelArguments()));
  routes_ = std::make_unique<http::WebRoutes>(
      gateway_.get(), sessions_.get(), tokens_.get(),
      http::WebOptions{.web_root = options.web_root,
                       .tls = !listener.cert_pem.empty(),
                       .max_body_bytes = listener.max_body_bytes});
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
