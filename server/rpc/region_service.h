#pragma once

#include "common/time/clock.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/region.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/rpc/handler.h"
#include "server/storage/store.h"

namespace junheng::server {

// RegionService (callback API): the city and province roll-up over server/bureau's
// region_registry and region_rollup, one Handle line per RPC.
class RegionServiceImpl final : public junheng::v1::RegionService::CallbackService,
                                private Handler {
 public:
  // `default_profile` is used when a request names none.
  RegionServiceImpl(const storage::Store* store, const Clock* clock,
                    junheng::v1::Profile default_profile, const auth::Authorizer* auth)
      : Handler(auth), store_(store), clock_(clock), default_profile_(std::move(default_profile)) {}

  grpc::ServerUnaryReactor* ListRegions(grpc::CallbackServerContext* context,
                                        const junheng::v1::ListRegionsRequest* request,
                                        junheng::v1::ListRegionsResponse* response) override;
  grpc::ServerUnaryReactor* RegionStatus(grpc::CallbackServerContext* context,
                                         const junheng::v1::RegionStatusRequest* request,
                                         junheng::v1::RegionStatusResponse* response) override;
  grpc::ServerUnaryReactor* EvaluateRegion(grpc::CallbackServerContext* context,
                                           const junheng::v1::EvaluateRegionRequest* request,
                                           junheng::v1::EvaluateRegionResponse* response) override;
  grpc::ServerUnaryReactor* RegionTrend(grpc::CallbackServerContext* context,
                                        const junheng::v1::RegionTrendRequest* request,
                                        junheng::v1::RegionTrendResponse* response) override;

 private:
  const storage::Store* store_;
  const Clock* clock_;
  junheng::v1::Profile default_profile_;
};

}  // namespace junheng::server
