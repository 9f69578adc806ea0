#include "server/rpc/evaluation_service.h"

#include "server/evaluation/county_facts_store.h"
#include "server/evaluation/school_standing.h"
#include "server/evaluation/snapshots.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/evaluation/trend.h"

namespace junheng::server {

using auth::Principal;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
using junheng::v1::CountyFactsReceipt;
using junheng::v1::EvaluateRequest;
using junheng::v1::EvaluateWithInputRequest;
using junheng::v1::Evaluation;
using junheng::v1::EvaluationWithInput;
using junheng::v1::GetCountyFactsRequest;
using junheng::v1::GetSnapshotRequest;
using junheng::v1::ListSnapshotsRequest;
using junheng::v1::ListSnapshotsResponse;
using junheng::v1::Snapshot;
using junheng::v1::StoredCountyFacts;
using junheng::v1::SubmitCountyFactsRequest;
using junheng::v1::TrendRequest;
using junheng::v1::TrendResponse;

ServerUnaryReactor* EvaluationServiceImpl::Evaluate(CallbackServerContext* context,
                                                    const EvaluateRequest* request,
                                                    Evaluation* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return EvaluateOnDemand(*store_, *request, default_profile_);
  });
}

ServerUnaryReactor* EvaluationServiceImpl::EvaluateWithInput(
    CallbackServerContext* context, const EvaluateWithInputRequest* request,
    EvaluationWithInput* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return EvaluateWithInputOnDemand(*store_, *request, default_profile_);
  });
}

ServerUnaryReactor* EvaluationServiceImpl::SubmitCountyFacts(
    CallbackServerContext* context, const SubmitCountyFactsRequest* request,
    CountyFactsReceipt* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return server::SubmitCountyFacts(*store_, *clock_, *request, who.Actor());
  });
}

ServerUnaryReactor* EvaluationServiceImpl::GetCountyFacts(CallbackServerContext* context,
                                                          const GetCountyFactsRequest* request,
                                                          StoredCountyFacts* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::GetCountyFacts(*store_, *request); });
}

ServerUnaryReactor* EvaluationServiceImpl::ListSnapshots(CallbackServerContext* context,
                                                         const ListSnapshotsRequest* request,
                                                         ListSnapshotsResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListSnapshots(*store_, *request); });
}

ServerUnaryReactor* EvaluationServiceImpl::GetSnapshot(CallbackServerContext* context,
                                                       const GetSnapshotRequest* request,
                                                       Snapshot* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::GetSnapshot(*store_, *request); });
}

ServerUnaryReactor* EvaluationServiceImpl::Trend(CallbackServerContext* context,
                                                 const TrendRequest* request,
                                                 TrendResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return BuildTrend(*store_, *request, default_profile_); });
}

ServerUnaryReactor* EvaluationServiceImpl::SchoolStanding(
    CallbackServerContext* context, const junheng::v1::SchoolStandingRequest* request,
    junheng::v1::SchoolStandingResponse* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return BuildSchoolStanding(*store_, *request, default_profile_);
  });
}

}  // namespace junheng::server
