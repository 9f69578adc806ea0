#pragma once

#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/storage/store.h"

namespace junheng::server {

// The server's health as both doors tell it: the standard grpc.health.v1.Health service on the
// gRPC port and /readyz on the HTTP listener. The server is serving while its store accepts
// writes (Store::AcceptsWrites: not after a write failed on a full or read-only disk) and it is
// not shutting down; NOT_SERVING otherwise.
//
// gRPC's built-in health service (grpc::EnableDefaultHealthCheckService) answers Check and Watch;
// this class sets what it says, for "" (the whole server) and for each junheng service alike,
// since every one of them needs the store. That service is not a junheng service: its calls never
// reach the Authorizer, so a load balancer, systemd or a monitoring probe needs no token.
//
// Thread-safe.
class HealthReporter {
 public:
  // `health`: the running server's health service (grpc::Server::GetHealthCheckService);
  // `services`: the full names of the services the server registered
  // ("junheng.v1.ReportingService"). Publishes the store's state at once.
  HealthReporter(storage::Store* store, grpc::HealthCheckServiceInterface* health,
                 const std::vector<std::string>& services);
  ~HealthReporter();
  HealthReporter(const HealthReporter&) = delete;
  HealthReporter& operator=(const HealthReporter&) = delete;

  // Refreshes every `interval` on a thread of its own until BeginShutdown.
  void Start(absl::Duration interval) ABSL_LOCKS_EXCLUDED(mu_);

  // Looks at the store once and publishes its state when it changed. While the store refuses
  // writes it first asks it to retry them (Store::RetryWrites), so the status comes back with
  // the disk, without waiting for a client's write.
  void Refresh() ABSL_LOCKS_EXCLUDED(mu_);

  // What was last published: OK when serving, else UNAVAILABLE saying why in a short sentence.
  [[nodiscard]] absl::Status Ready() const ABSL_LOCKS_EXCLUDED(mu_);

  // The server is shutting down: NOT_SERVING from now on, for good. Stops the thread. Idempotent.
  void BeginShutdown() ABSL_LOCKS_EXCLUDED(mu_);

 private:
  // Sets `why` (empty: serving) and tells the health service and the log when it changed.
  void PublishLocked(std::string why) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  storage::Store* const store_;
  grpc::HealthCheckServiceInterface* const health_;

  mutable absl::Mutex mu_;
  // Why the server is not serving; empty while it is.
  std::string not_serving_ ABSL_GUARDED_BY(mu_);
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace junheng::server
