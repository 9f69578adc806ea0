#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "grpcpp/server.h"
#include "server/admin_service.h"
#include "server/bureau_service.h"
#include "server/services.h"
#include "server/storage/store.h"

namespace junheng::server {

struct ServerOptions {
  std::string data_dir;
  // host:port; port 0 picks a free port (tests).
  std::string listen = "127.0.0.1:50551";
  // Largest accepted request; a county's whole registry is far below it.
  int max_message_bytes = 4 << 20;
};

// A running junheng server: the store, the services and the gRPC server. Tests run it in-process
// on 127.0.0.1:0; junheng-server's main runs it until a signal.
class ServerApp {
 public:
  // Opens the store and starts listening. Fails when the data dir is refused (see Store::Open) or
  // the address cannot be bound.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ServerApp>> Start(const ServerOptions& options,
                                                                        const Clock* clock);

  // Stops accepting calls, lets in-flight calls finish for up to `grace`, then closes the
  // database. Idempotent; the destructor calls it.
  void Shutdown(absl::Duration grace = absl::Seconds(10));
  ~ServerApp();

  int port() const { return port_; }
  std::string address() const;

 private:
  ServerApp() = default;

  std::unique_ptr<storage::Store> store_;
  // Serialises version checks and review decisions across services.
  std::mutex write_mu_;
  std::unique_ptr<ReportingServiceImpl> reporting_;
  std::unique_ptr<BureauServiceImpl> bureau_;
  std::unique_ptr<RegistryServiceImpl> registry_;
  std::unique_ptr<AdminServiceImpl> admin_;
  std::unique_ptr<grpc::Server> server_;
  std::string host_;
  int port_ = 0;
};

}  // namespace junheng::server
