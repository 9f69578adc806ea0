#include "server/rpc/region_service.h"

#include "server/bureau/region_registry.h"
#include "server/bureau/region_rollup.h"

namespace junheng::server {

using auth::Principal;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
namespace v1 = junheng::v1;

ServerUnaryReactor* RegionServiceImpl::ListRegions(CallbackServerContext* context,
                                                   const v1::ListRegionsRequest* request,
                                                   v1::ListRegionsResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListRegions(*store_, *request); });
}

ServerUnaryReactor* RegionServiceImpl::RegionStatus(CallbackServerContext* context,
                                                    const v1::RegionStatusRequest* request,
                                                    v1::RegionStatusResponse* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return BuildRegionStatus(*store_, *request, clock_->Now());
  });
}

ServerUnaryReactor* RegionServiceImpl::EvaluateRegion(CallbackServerContext* context,
                                                      const v1::EvaluateRegionRequest* request,
                                                      v1::EvaluateRegionResponse* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return server::EvaluateRegion(*store_, *request, default_profile_);
  });
}

ServerUnaryReactor* RegionServiceImpl::RegionTrend(CallbackServerContext* context,
                                                   const v1::RegionTrendRequest* request,
                                                   v1::RegionTrendResponse* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return BuildRegionTrend(*store_, *request, default_profile_);
  });
}

}  // namespace junheng::server
