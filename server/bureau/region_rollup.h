#pragma once

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/region.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The roll-up of a city or a province (issue 15): every county held on the server whose code
// starts with the region's, one row each, by county code, paginated like every listing
// (storage/page.h: page_size 0 means 1000 counties). Each row is computed by the same functions
// as the county's own call, so a row never disagrees with it. INVALID_ARGUMENT for a region code
// that is not 2 or 4 digits, a bad period, page size or token; NOT_FOUND for a region that is not
// in the region registry.

// RegionService.RegionStatus: each county's submission counts and rates (BuildSubmissionStatus).
[[nodiscard]] absl::StatusOr<junheng::v1::RegionStatusResponse> BuildRegionStatus(
    const storage::Store& store, const junheng::v1::RegionStatusRequest& request, absl::Time now);

// RegionService.EvaluateRegion: each county's evaluation (its input gathered as the county's own
// Evaluate gathers it, evaluated county after county on one eval::BatchEvaluator), summarised by
// SummarizeCounty. A county whose evaluation fails gets a row with `error`, not a failed call.
[[nodiscard]] absl::StatusOr<junheng::v1::EvaluateRegionResponse> EvaluateRegion(
    const storage::Store& store, const junheng::v1::EvaluateRegionRequest& request,
    const junheng::v1::Profile& default_profile);

// RegionService.RegionTrend: each county's BuildTrend (live evaluations) for the years.
[[nodiscard]] absl::StatusOr<junheng::v1::RegionTrendResponse> BuildRegionTrend(
    const storage::Store& store, const junheng::v1::RegionTrendRequest& request,
    const junheng::v1::Profile& default_profile);

// One county's row from its evaluation: the verdict, the four dimensions (资源配置 from the
// levels; 政府保障程度, 教育质量 and 社会认可度 from their items: fail when one fails, not_judged
// when one is not judged, else pass), whether a veto item is set, each level's largest coefficient,
// and the coefficients and school counts of TrendYearOf(`year`) (the plan's figures need the
// period's year; 0 leaves them out).
junheng::v1::CountyEvaluationRow SummarizeCounty(const junheng::v1::Evaluation& evaluation,
                                                 int year);

}  // namespace junheng::server
