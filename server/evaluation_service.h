#pragma once

#include <mutex>

#include "common/time/clock.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/evaluation_service.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/storage/store.h"

namespace junheng::server {

// EvaluationService (callback API): on-demand evaluation, county facts, snapshots and trend. The
// evaluation itself is common/eval's Evaluate over what the store holds (stored_evaluation.h).
class EvaluationServiceImpl final : public junheng::v1::EvaluationService::CallbackService {
 public:
  // `default_profile` is used when a request names none.
  EvaluationServiceImpl(storage::Store* store, const Clock* clock, std::mutex* write_mu,
                        junheng::v1::Profile default_profile, const auth::Authorizer* auth)
      : store_(store),
        clock_(clock),
        write_mu_(write_mu),
        default_profile_(std::move(default_profile)),
        auth_(auth) {}

  grpc::ServerUnaryReactor* Evaluate(grpc::CallbackServerContext* context,
                                     const junheng::v1::EvaluateRequest* request,
                                     junheng::v1::Evaluation* response) override;
  grpc::ServerUnaryReactor* SubmitCountyFacts(grpc::CallbackServerContext* context,
                                              const junheng::v1::SubmitCountyFactsRequest* request,
                                              junheng::v1::CountyFactsReceipt* response) override;
  grpc::ServerUnaryReactor* GetCountyFacts(grpc::CallbackServerContext* context,
                                           const junheng::v1::GetCountyFactsRequest* request,
                                           junheng::v1::StoredCountyFacts* response) override;
  grpc::ServerUnaryReactor* ListSnapshots(grpc::CallbackServerContext* context,
                                          const junheng::v1::ListSnapshotsRequest* request,
                                          junheng::v1::ListSnapshotsResponse* response) override;
  grpc::ServerUnaryReactor* GetSnapshot(grpc::CallbackServerContext* context,
                                        const junheng::v1::GetSnapshotRequest* request,
                                        junheng::v1::Snapshot* response) override;
  grpc::ServerUnaryReactor* Trend(grpc::CallbackServerContext* context,
                                  const junheng::v1::TrendRequest* request,
                                  junheng::v1::TrendResponse* response) override;

 private:
  // The profile a request asks for: its TOML text, a built-in name, or the default.
  [[nodiscard]] absl::StatusOr<junheng::v1::Profile> ProfileFor(absl::string_view name,
                                                                absl::string_view toml) const;

  storage::Store* store_;
  const Clock* clock_;
  std::mutex* write_mu_;
  junheng::v1::Profile default_profile_;
  const auth::Authorizer* auth_;
};

}  // namespace junheng::server
