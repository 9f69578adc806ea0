#pragma once

#include "common/time/clock.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/evaluation_service.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/rpc/handler.h"
#include "server/storage/store.h"

namespace junheng::server {

// EvaluationService (callback API): on-demand evaluation, county facts, snapshots and trend, one
// Handle line per RPC over server/evaluation. The evaluation itself is common/eval's Evaluate
// over what the store holds (stored_evaluation.h).
class EvaluationServiceImpl final : public junheng::v1::EvaluationService::CallbackService,
                                    private Handler {
 public:
  // `default_profile` is used when a request names none.
  EvaluationServiceImpl(storage::Store* store, const Clock* clock,
                        junheng::v1::Profile default_profile, const auth::Authorizer* auth)
      : Handler(auth), store_(store), clock_(clock), default_profile_(std::move(default_profile)) {}

  grpc::ServerUnaryReactor* Evaluate(grpc::CallbackServerContext* context,
                                     const junheng::v1::EvaluateRequest* request,
                                     junheng::v1::Evaluation* response) override;
  grpc::ServerUnaryReactor* EvaluateWithInput(grpc::CallbackServerContext* context,
                                              const junheng::v1::EvaluateWithInputRequest* request,
                                              junheng::v1::EvaluationWithInput* response) override;
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
  grpc::ServerUnaryReactor* SchoolStanding(grpc::CallbackServerContext* context,
                                           const junheng::v1::SchoolStandingRequest* request,
                                           junheng::v1::SchoolStandingResponse* response) override;

 private:
  storage::Store* store_;
  const Clock* clock_;
  junheng::v1::Profile default_profile_;
};

}  // namespace junheng::server
