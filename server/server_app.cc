#include "server/server_app.h"

#include "absl/strings/str_cat.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace junheng::server {

absl::StatusOr<std::unique_ptr<ServerApp>> ServerApp::Start(const ServerOptions& options,
                                                            const Clock* clock) {
  const size_t colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("--listen ", options.listen, ": use HOST:PORT, e.g. 127.0.0.1:50551"));
  }
  auto store = storage::Store::Open(options.data_dir);
  if (!store.ok()) return store.status();

  std::unique_ptr<ServerApp> app(new ServerApp());
  app->store_ = *std::move(store);
  app->reporting_ =
      std::make_unique<ReportingServiceImpl>(app->store_.get(), clock, &app->write_mu_);
  app->bureau_ = std::make_unique<BureauServiceImpl>(app->store_.get(), clock, &app->write_mu_);
  app->registry_ = std::make_unique<RegistryServiceImpl>(app->store_.get(), clock);
  app->admin_ = std::make_unique<AdminServiceImpl>(app->store_.get(), clock);
  app->host_ = options.listen.substr(0, colon);

  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(), &app->port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  // gRPC enables SO_REUSEPORT by default, which would let a second server (on another data dir)
  // share the port and split the county's reports between two databases.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterService(app->reporting_.get());
  builder.RegisterService(app->registry_.get());
  builder.RegisterService(app->bureau_.get());
  builder.RegisterService(app->admin_.get());
  app->server_ = builder.BuildAndStart();
  if (app->server_ == nullptr || app->port_ == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen,
        ": the address is in use or not local; choose another --listen"));
  }
  return app;
}

std::string ServerApp::address() const { return absl::StrCat(host_, ":", port_); }

void ServerApp::Shutdown(absl::Duration grace) {
  if (server_ != nullptr) {
    server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
    server_->Wait();
    server_.reset();
  }
  admin_.reset();
  bureau_.reset();
  registry_.reset();
  reporting_.reset();
  store_.reset();  // closes the database after the last call has finished
}

ServerApp::~ServerApp() { Shutdown(); }

}  // namespace junheng::server
