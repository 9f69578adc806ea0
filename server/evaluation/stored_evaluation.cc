#include "server/evaluation/stored_evaluation.h"

#include "common/eval/evaluate.h"
#include "common/profile/profile_loader.h"
#include "server/evaluation/county_facts_store.h"
#include "server/storage/codes.h"

namespace junheng::server {

namespace {

// The version the bureau accepted of each school that has one, by school code.
absl::StatusOr<std::vector<junheng::v1::SchoolReport>> AcceptedReports(const storage::Store& store,
                                                                       absl::string_view county,
                                                                       absl::string_view period) {
  auto latest = store.ListLatest(county, period);
  if (!latest.ok()) return latest.status();
  std::vector<junheng::v1::SchoolReport> reports;
  for (const auto& receipt : *latest) {
    auto review = store.GetReview(county, period, receipt.school_code());
    if (!review.ok()) return review.status();
    if (!review->has_value() || (*review)->state() != "accepted") continue;
    auto stored =
        store.GetReportVersion(county, period, receipt.school_code(), (*review)->version());
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) {
      return absl::DataLossError("a review names a version that is not stored");
    }
    reports.push_back(std::move(*(*stored)->mutable_report()));
  }
  return reports;
}

}  // namespace

absl::StatusOr<eval::EvaluationInput> GatherEvaluationInput(const storage::Store& store,
                                                            absl::string_view county,
                                                            absl::string_view period,
                                                            bool accepted_only) {
  eval::EvaluationInput input;
  input.county_code = std::string(county);
  input.period = std::string(period);
  auto schools = store.ListSchools(county);
  if (!schools.ok()) return schools.status();
  input.registry = *std::move(schools);
  auto reports = accepted_only ? AcceptedReports(store, county, period)
                               : store.ListLatestReports(county, period);
  if (!reports.ok()) return reports.status();
  input.reports = *std::move(reports);
  auto facts = FindCountyFacts(store, county, period, 0);
  if (!facts.ok()) return facts.status();
  if (facts->has_value()) input.county_facts = (*facts)->facts();
  return input;
}

absl::StatusOr<junheng::v1::Evaluation> EvaluateStored(const storage::Store& store,
                                                       absl::string_view county,
                                                       absl::string_view period,
                                                       const junheng::v1::Profile& profile,
                                                       bool accepted_only) {
  auto input = GatherEvaluationInput(store, county, period, accepted_only);
  if (!input.ok()) return input.status();
  return eval::Evaluate(*input, profile);
}

absl::StatusOr<junheng::v1::Profile> ProfileFor(const junheng::v1::Profile& default_profile,
                                                absl::string_view name, absl::string_view toml) {
  if (!toml.empty()) return profile::ParseProfile(toml, "the request's profile_toml");
  if (name.empty() || name == default_profile.name()) return default_profile;
  return profile::LoadBuiltinProfile(name);
}

// The profile an on-demand request names, once its county and period are valid codes: what both
// Evaluate and EvaluateWithInput check first.
template <typename Request>
absl::StatusOr<junheng::v1::Profile> ProfileOfRequest(const Request& request,
                                                      const junheng::v1::Profile& default_profile) {
  absl::Status codes =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!codes.ok()) return codes;
  return ProfileFor(default_profile, request.profile(), request.profile_toml());
}

absl::StatusOr<junheng::v1::Evaluation> EvaluateOnDemand(
    const storage::Store& store, const junheng::v1::EvaluateRequest& request,
    const junheng::v1::Profile& default_profile) {
  auto profile = ProfileOfRequest(request, default_profile);
  if (!profile.ok()) return profile.status();
  return EvaluateStored(store, request.county_code(), request.period(), *profile,
                        request.accepted_only());
}

absl::StatusOr<junheng::v1::EvaluationWithInput> EvaluateWithInputOnDemand(
    const storage::Store& store, const junheng::v1::EvaluateWithInputRequest& request,
    const junheng::v1::Profile& default_profile) {
  auto profile = ProfileOfRequest(request, default_profile);
  if (!profile.ok()) return profile.status();
  auto input = GatherEvaluationInput(store, request.county_code(), request.period(),
                                     request.accepted_only());
  if (!input.ok()) return input.status();
  return eval::EvaluateWithInput(*input, *profile);
}

}  // namespace junheng::server
