#include "server/evaluation/trend.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "server/evaluation/snapshots.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::Evaluation;
using junheng::v1::TrendYear;

TrendYear TrendYearOf(int year, const Evaluation& evaluation) {
  TrendYear row;
  row.set_year(year);
  row.set_evaluated(true);
  for (const auto& level : evaluation.levels()) {
    auto* out = row.add_levels();
    out->set_level(level.level());
    out->set_units_meeting(level.units_meeting());
    int units = 0;
    for (const auto& unit : level.units()) units += unit.excluded() ? 0 : 1;
    out->set_units(units);
    for (const auto& indicator : level.indicators()) {
      auto* t = out->add_indicators();
      t->set_id(indicator.id());
      t->set_name_zh(indicator.name_zh());
      if (indicator.cv().has_number_value()) t->set_cv(indicator.cv().number_value());
      t->set_threshold(indicator.threshold());
      t->set_pass(indicator.pass());
      t->set_status(indicator.status());
    }
  }
  int meeting = 0;
  for (const auto& school : evaluation.schools()) meeting += school.meets() ? 1 : 0;
  row.set_schools_reported(evaluation.schools_reported());
  row.set_schools_meeting(meeting);
  for (const auto& plan : evaluation.plan_progress()) {
    if (plan.year() == year) {
      row.set_schools_due(plan.due());
      row.set_due_meeting(plan.meeting());
    }
  }
  row.set_county_pass(evaluation.verdict().pass());
  return row;
}

absl::StatusOr<junheng::v1::TrendResponse> BuildTrend(const storage::Store& store,
                                                      absl::string_view county, int from_year,
                                                      int to_year,
                                                      const junheng::v1::Profile& profile,
                                                      bool from_snapshots) {
  if (from_year > to_year || to_year - from_year > 50) {
    return absl::InvalidArgumentError(
        "give --from and --to years with from <= to (e.g. 2022 2029)");
  }
  junheng::v1::TrendResponse response;
  response.set_county_code(std::string(county));
  for (int year = from_year; year <= to_year; ++year) {
    const std::string period = absl::StrCat(year);
    auto snapshots = ListSnapshots(store, county, period, /*with_evaluations=*/true);
    if (!snapshots.ok()) return snapshots.status();
    const junheng::v1::Snapshot* newest = nullptr;
    for (const auto& s : *snapshots) {
      if (s.profile_name() == profile.name() && s.profile_version() == profile.version() &&
          !s.accepted_only()) {
        newest = &s;
      }
    }
    auto latest = store.ListLatest(county, period);
    if (!latest.ok()) return latest.status();
    std::optional<Evaluation> live;
    if (!latest->empty()) {
      auto evaluation = EvaluateStored(store, county, period, profile, /*accepted_only=*/false);
      if (!evaluation.ok()) return evaluation.status();
      live = *std::move(evaluation);
    }
    TrendYear row;
    if (from_snapshots && newest != nullptr) {
      row = TrendYearOf(year, newest->evaluation());
      row.set_source("snapshot");
    } else if (live.has_value()) {
      row = TrendYearOf(year, *live);
      row.set_source("live");
    } else {
      row.set_year(year);
      row.set_evaluated(false);
    }
    if (newest != nullptr) {
      row.set_snapshot_seq(newest->seq());
      row.set_snapshot_time(newest->time());
      row.set_snapshot_trigger(newest->trigger());
      row.set_snapshot_same_as_stored(live.has_value() &&
                                      live->input_hash() == newest->input_hash());
    }
    *response.add_years() = std::move(row);
  }
  return response;
}

absl::StatusOr<junheng::v1::TrendResponse> BuildTrend(const storage::Store& store,
                                                      const junheng::v1::TrendRequest& request,
                                                      const junheng::v1::Profile& default_profile) {
  absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()}});
  if (!codes.ok()) return codes;
  auto profile = ProfileFor(default_profile, request.profile(), "");
  if (!profile.ok()) return profile.status();
  return BuildTrend(store, request.county_code(), request.from_year(), request.to_year(), *profile,
                    request.from_snapshots());
}

}  // namespace junheng::server
