#include "server/evaluation/stored_evaluation.h"

#include "common/eval/evaluate.h"
#include "server/bureau/review.h"
#include "server/evaluation/county_facts_store.h"

namespace junheng::server {

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
  auto latest = store.ListLatest(county, period);
  if (!latest.ok()) return latest.status();
  for (const auto& receipt : *latest) {
    int64_t version = receipt.version();
    if (accepted_only) {
      auto review = FindReview(store, county, period, receipt.school_code());
      if (!review.ok()) return review.status();
      if (!review->has_value() || (*review)->state() != "accepted") continue;
      version = (*review)->version();
    }
    auto stored = store.GetReportVersion(county, period, receipt.school_code(), version);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) {
      return absl::DataLossError("a latest pointer names a version that is not stored");
    }
    input.reports.push_back((*stored)->report());
  }
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

}  // namespace junheng::server
