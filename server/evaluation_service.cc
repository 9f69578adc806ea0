#include "server/evaluation_service.h"

#include "common/profile/profile_loader.h"
#include "server/evaluation/county_facts_store.h"
#include "server/evaluation/snapshots.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/evaluation/trend.h"
#include "server/handler_util.h"

namespace junheng::server {

using namespace junheng::v1;

absl::StatusOr<Profile> EvaluationServiceImpl::ProfileFor(absl::string_view name,
                                                          absl::string_view toml) const {
  if (!toml.empty()) return profile::ParseProfile(toml, "the request's profile_toml");
  if (name.empty() || name == default_profile_.name()) return default_profile_;
  // Only built-in names: a client must not make the server read files by path.
  return profile::LoadBuiltinProfile(name);
}

grpc::ServerUnaryReactor* EvaluationServiceImpl::Evaluate(grpc::CallbackServerContext* context,
                                                          const EvaluateRequest* request,
                                                          Evaluation* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.EvaluationService/Evaluate", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!codes.ok()) return Finish(context, codes);
  auto profile = ProfileFor(request->profile(), request->profile_toml());
  if (!profile.ok()) return Finish(context, profile.status());
  auto evaluation = EvaluateStored(*store_, request->county_code(), request->period(), *profile,
                                   request->accepted_only());
  if (evaluation.ok()) *response = *std::move(evaluation);
  return Finish(context, evaluation.status());
}

grpc::ServerUnaryReactor* EvaluationServiceImpl::SubmitCountyFacts(
    grpc::CallbackServerContext* context, const SubmitCountyFactsRequest* request,
    CountyFactsReceipt* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.EvaluationService/SubmitCountyFacts", *request);
  if (!who.ok()) return Finish(context, who.status());
  std::lock_guard lock(*write_mu_);
  auto receipt = server::SubmitCountyFacts(*store_, *clock_, *request, who->Actor());
  if (receipt.ok()) *response = *std::move(receipt);
  return Finish(context, receipt.status());
}

grpc::ServerUnaryReactor* EvaluationServiceImpl::GetCountyFacts(
    grpc::CallbackServerContext* context, const GetCountyFactsRequest* request,
    StoredCountyFacts* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.EvaluationService/GetCountyFacts", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!codes.ok()) return Finish(context, codes);
  auto facts =
      FindCountyFacts(*store_, request->county_code(), request->period(), request->version());
  if (!facts.ok()) return Finish(context, facts.status());
  if (!facts->has_value()) {
    return Finish(context, absl::NotFoundError("no county facts stored for this period (or "
                                               "version); enter them with `junheng facts "
                                               "submit`"));
  }
  *response = **std::move(facts);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* EvaluationServiceImpl::ListSnapshots(grpc::CallbackServerContext* context,
                                                               const ListSnapshotsRequest* request,
                                                               ListSnapshotsResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.EvaluationService/ListSnapshots", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!codes.ok()) return Finish(context, codes);
  auto snapshots = server::ListSnapshots(*store_, request->county_code(), request->period());
  if (!snapshots.ok()) return Finish(context, snapshots.status());
  for (auto& s : *snapshots) *response->add_snapshots() = std::move(s);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* EvaluationServiceImpl::GetSnapshot(grpc::CallbackServerContext* context,
                                                             const GetSnapshotRequest* request,
                                                             Snapshot* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.EvaluationService/GetSnapshot", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!codes.ok()) return Finish(context, codes);
  auto snapshot =
      server::GetSnapshot(*store_, request->county_code(), request->period(), request->seq());
  if (snapshot.ok()) *response = *std::move(snapshot);
  return Finish(context, snapshot.status());
}

grpc::ServerUnaryReactor* EvaluationServiceImpl::Trend(grpc::CallbackServerContext* context,
                                                       const TrendRequest* request,
                                                       TrendResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.EvaluationService/Trend", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes = CheckCodes({{"county_code", request->county_code()}});
  if (!codes.ok()) return Finish(context, codes);
  auto profile = ProfileFor(request->profile(), "");
  if (!profile.ok()) return Finish(context, profile.status());
  auto trend = BuildTrend(*store_, request->county_code(), request->from_year(), request->to_year(),
                          *profile);
  if (trend.ok()) *response = *std::move(trend);
  return Finish(context, trend.status());
}

}  // namespace junheng::server
