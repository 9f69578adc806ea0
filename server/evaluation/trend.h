#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The county's course over the years `from_year`..`to_year` (period labels that are years): for
// each year, each level's seven coefficients against their thresholds, the units meeting the
// per-unit rule, the schools meeting the standard, and the plan's target for that year (schools
// due by then and how many of them meet it). A year is evaluated live from what is stored, with
// its newest snapshot made with `profile` (name and version) named beside it and whether that
// snapshot saw the same input; with `from_snapshots` the row is that snapshot's instead (a year
// without one is evaluated live). A year with no reports and no snapshot is not evaluated.
[[nodiscard]] absl::StatusOr<junheng::v1::TrendResponse> BuildTrend(
    const storage::Store& store, absl::string_view county, int from_year, int to_year,
    const junheng::v1::Profile& profile, bool from_snapshots = false);

// EvaluationService.Trend: BuildTrend for the request, with the profile it names (ProfileFor).
// INVALID_ARGUMENT for a bad county code or years.
[[nodiscard]] absl::StatusOr<junheng::v1::TrendResponse> BuildTrend(
    const storage::Store& store, const junheng::v1::TrendRequest& request,
    const junheng::v1::Profile& default_profile);

// One year's row from an evaluation (shared by the live and snapshot paths).
junheng::v1::TrendYear TrendYearOf(int year, const junheng::v1::Evaluation& evaluation);

}  // namespace junheng::server
