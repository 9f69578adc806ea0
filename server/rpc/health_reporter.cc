#include "server/rpc/health_reporter.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

namespace junheng::server {
namespace {

constexpr char kShuttingDown[] = "the server is shutting down";

}  // namespace

HealthReporter::HealthReporter(storage::Store* store, grpc::HealthCheckServiceInterface* health,
                               const std::vector<std::string>& services)
    : store_(store), health_(health) {
  // gRPC's health service knows "" from the start; a service name only once it is set.
  for (const std::string& service : services) health_->SetServingStatus(service, true);
  Refresh();
}

HealthReporter::~HealthReporter() { BeginShutdown(); }

void HealthReporter::Start(absl::Duration interval) {
  absl::MutexLock lock(&mu_);
  if (thread_.joinable() || shutting_down_) return;
  thread_ = std::thread([this, interval] {
    mu_.Lock();
    while (!shutting_down_) {
      mu_.Unlock();
      Refresh();
      mu_.Lock();
      mu_.AwaitWithTimeout(absl::Condition(&shutting_down_), interval);
    }
    mu_.Unlock();
  });
}

void HealthReporter::Refresh() {
  // Outside mu_: RetryWrites waits for the store's write lock, behind a write in progress.
  std::string why;
  if (!store_->AcceptsWrites()) {
    absl::Status retried = store_->RetryWrites();
    if (!retried.ok()) {
      why = absl::StrCat("the data dir refuses writes (", retried.message(),
                         "); free space or fix the disk");
    }
  }
  absl::MutexLock lock(&mu_);
  if (shutting_down_) return;
  PublishLocked(std::move(why));
}

absl::Status HealthReporter::Ready() const {
  absl::MutexLock lock(&mu_);
  if (not_serving_.empty()) return absl::OkStatus();
  return absl::UnavailableError(not_serving_);
}

void HealthReporter::BeginShutdown() {
  {
    absl::MutexLock lock(&mu_);
    if (!shutting_down_) {
      shutting_down_ = true;
      not_serving_ = kShuttingDown;
      // Every name NOT_SERVING, and later changes ignored: watchers hear it before the server
      // stops taking calls.
      health_->Shutdown();
    }
  }
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void HealthReporter::PublishLocked(std::string why) {
  if (why == not_serving_) return;
  if (why.empty()) {
    spdlog::info("health: SERVING again; the data dir accepts writes");
  } else {
    spdlog::warn("health: NOT_SERVING: {}", why);
  }
  not_serving_ = std::move(why);
  health_->SetServingStatus(not_serving_.empty());
}

}  // namespace junheng::server
