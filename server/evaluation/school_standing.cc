#include "server/evaluation/school_standing.h"

#include <set>
#include <string>

#include "common/i18n/server_messages.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::Evaluation;
using junheng::v1::SchoolStandingResponse;

SchoolStandingResponse StandingOf(const Evaluation& evaluation, absl::string_view school_code) {
  SchoolStandingResponse out;
  out.set_county_code(evaluation.county_code());
  out.set_period(evaluation.period());
  *out.mutable_profile() = evaluation.profile();
  for (const auto& standard : evaluation.schools()) {
    if (standard.school_code() == school_code) *out.mutable_standard() = standard;
  }
  std::set<std::string> levels;
  for (const auto& level : evaluation.levels()) {
    for (const auto& unit : level.units()) {
      if (unit.school_code() != school_code) continue;
      *out.add_units() = unit;
      levels.insert(level.level());
    }
  }
  for (const auto& unit : evaluation.exclusions()) {
    if (unit.school_code() == school_code) *out.add_units() = unit;
  }
  for (const auto& level : evaluation.levels()) {
    if (!levels.contains(level.level())) continue;
    for (const auto& indicator : level.indicators()) {
      auto* minimum = out.add_minimums();
      minimum->set_level(level.level());
      minimum->set_indicator(indicator.id());
      minimum->set_name_zh(indicator.name_zh());
      minimum->set_minimum(indicator.unit_threshold());
      minimum->set_unit_zh(indicator.unit_zh());
    }
  }
  for (const auto& gap : evaluation.gaps()) {
    if (gap.kind() == "unit" && gap.school_code() == school_code) *out.add_gaps() = gap;
  }
  for (const auto& item : evaluation.items()) {
    if (item.kind() != "S") continue;
    auto* mine = out.add_items();
    mine->set_id(item.id());
    mine->set_name_zh(item.name_zh());
    // An S item lists its failing and not-judged schools; a school it does not list meets it.
    mine->set_status("pass");
    for (const auto& finding : item.schools()) {
      if (finding.school_code() != school_code) continue;
      mine->set_status(finding.status());
      mine->set_reason(finding.reason());
      *mine->mutable_value() = finding.value();
      *mine->mutable_threshold() = finding.threshold();
    }
  }
  return out;
}

absl::StatusOr<SchoolStandingResponse> BuildSchoolStanding(
    const storage::Store& store, const junheng::v1::SchoolStandingRequest& request,
    const junheng::v1::Profile& default_profile) {
  absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()},
                                            {"period", request.period()},
                                            {"school_code", request.school_code()}});
  if (!codes.ok()) return codes;
  auto school = store.GetSchool(request.county_code(), request.school_code());
  if (!school.ok()) return school.status();
  if (!school->has_value()) {
    return absl::NotFoundError(i18n::Say(i18n::server::kSchoolNotRegistered, request.school_code(),
                                         request.county_code()));
  }
  auto profile = ProfileFor(default_profile, request.profile(), "");
  if (!profile.ok()) return profile.status();
  auto evaluation = EvaluateStored(store, request.county_code(), request.period(), *profile,
                                   /*accepted_only=*/false);
  if (!evaluation.ok()) return evaluation.status();
  return StandingOf(*evaluation, request.school_code());
}

}  // namespace junheng::server
