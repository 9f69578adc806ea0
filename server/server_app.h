#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "grpcpp/server.h"
#include "server/auth/authorizer.h"
#include "server/auth/rate_limiter.h"
#include "server/auth/token_store.h"
#include "server/auth/web_sessions.h"
#include "server/evaluation/scheduler.h"
#include "server/http/api_gateway.h"
#include "server/http/http_listener.h"
#include "server/http/web_routes.h"
#include "server/observability/metrics.h"
#include "server/rpc/admin_service.h"
#include "server/rpc/audit_service.h"
#include "server/rpc/bureau_service.h"
#include "server/rpc/evaluation_service.h"
#include "server/rpc/health_reporter.h"
#include "server/rpc/region_service.h"
#include "server/rpc/reporting_service.h"
#include "server/rpc/token_service.h"
#include "server/rpc/transport_security.h"
#include "server/storage/store.h"

namespace junheng::server {

struct ServerOptions {
  std::string data_dir;
  // host:port; port 0 picks a free port (tests).
  std::string listen = "127.0.0.1:50551";
  // Largest accepted request; a county's whole registry is far below it.
  int max_message_bytes = 4 << 20;
  // Largest answer the server sends (a county's snapshots or audit log).
  int max_send_message_bytes = 32 << 20;
  // TLS (or, explicitly, plain text on loopback): see rpc/transport_security.h.
  TransportOptions transport;
  // The HTTP door (docs/web-console.md): HOST:PORT, empty for none; port 0 picks a free port.
  // It uses the gRPC port's TLS certificate, or plain HTTP with insecure_plaintext.
  std::string http_listen;
  // The web console's pages (web/public); empty serves the API without pages.
  std::string web_root;
  auth::SessionLimits sessions;
  // Calls per second per credential (auth/rate_limiter.h).
  auth::RateLimit rate_limit;
  // In-process tests only: calls need no token and act as an unauthenticated test principal.
  // junheng-server never sets it.
  bool auth_disabled_for_tests = false;

  // Plain text on loopback and no tokens: what in-process tests of other concerns start with.
  static ServerOptions InsecureForTests() {
    ServerOptions options;
    options.transport.insecure_plaintext = true;
    options.auth_disabled_for_tests = true;
    return options;
  }
  // The profile evaluations use when a request names none, and the scheduler always: a built-in
  // name or a TOML file.
  std::string profile = "national-2017";
  // Scheduled aggregation (see evaluation/scheduler.h). With `run_scheduler` false nothing runs in
  // the background (tests call scheduler()->RunDue() on their own clock).
  bool run_scheduler = true;
  SchedulerOptions schedule;
  // The store's test knobs (storage/store.h); production leaves them alone.
  storage::StoreOptions store;
  // How often the health status (grpc.health.v1, /readyz) looks at the store, and while the store
  // refuses writes, retries them (rpc/health_reporter.h).
  absl::Duration health_interval = absl::Seconds(1);
};

// A running junheng server, and the composition root: it opens the store and wires it, the
// clock, the authorizer and the profile into the services and the scheduler; nothing else
// constructs them. Tests run it in-process on 127.0.0.1:0 (tests/testing/in_process_server.h);
// junheng-server's main runs it until a signal.
class ServerApp {
 public:
  // Opens the store and starts listening. Fails when the data dir is refused (see Store::Open) or
  // the address cannot be bound.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ServerApp>> Start(
      const ServerOptions& options, const Clock* clock);

  // Says NOT_SERVING (health), stops accepting calls, lets in-flight calls finish for up to
  // `grace`, then closes the database. Idempotent; the destructor calls it.
  void Shutdown(absl::Duration grace = absl::Seconds(10));
  ~ServerApp();

  int port() const { return port_; }
  // The HTTP door's port; 0 without one.
  int http_port() const { return http_ != nullptr ? http_->port() : 0; }
  Scheduler* scheduler() { return scheduler_.get(); }
  // What grpc.health.v1.Health and /readyz say (tests refresh it on their own schedule).
  HealthReporter* health() { return health_.get(); }
  // Tests issue tokens here directly (the server's TokenService does the same).
  auth::TokenStore* tokens() { return tokens_.get(); }
  // Tests load what an operator's offline commands would (e.g. the region registry) here.
  storage::Store* store() { return store_.get(); }
  // What GET /metrics shows (docs/monitoring.md); scrape it only while the server runs.
  metrics::Registry* metrics() { return metrics_.get(); }
  std::string address() const;

 private:
  ServerApp() = default;
  [[nodiscard]] absl::Status StartHttp(const ServerOptions& options, const Clock* clock);

  // First, so that it outlives everything that counts into it.
  std::unique_ptr<metrics::Registry> metrics_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<auth::TokenStore> tokens_;
  std::unique_ptr<auth::RateLimiter> limiter_;
  std::unique_ptr<auth::Authorizer> authorizer_;
  std::unique_ptr<ReportingServiceImpl> reporting_;
  std::unique_ptr<BureauServiceImpl> bureau_;
  std::unique_ptr<RegistryServiceImpl> registry_;
  std::unique_ptr<AdminServiceImpl> admin_;
  std::unique_ptr<TokenServiceImpl> token_service_;
  std::unique_ptr<AuditServiceImpl> audit_service_;
  std::unique_ptr<EvaluationServiceImpl> evaluation_;
  std::unique_ptr<RegionServiceImpl> region_;
  std::unique_ptr<Scheduler> scheduler_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<HealthReporter> health_;
  std::unique_ptr<auth::WebSessions> sessions_;
  std::unique_ptr<http::ApiGateway> gateway_;
  std::unique_ptr<http::WebRoutes> routes_;
  std::unique_ptr<http::HttpListener> http_;
  std::string host_;
  int port_ = 0;
};

}  // namespace junheng::server
