#include "server/bureau/region_rollup.h"

#include <time.h>

#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/eval/batch_evaluator.h"
#include "common/eval/items.h"
#include "server/auth/policy.h"
#include "server/bureau/region_registry.h"
#include "server/bureau/submission_status.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/evaluation/trend.h"
#include "server/storage/codes.h"
#include "server/storage/page.h"

namespace junheng::server {
namespace {

using junheng::v1::CountyEvaluationRow;
using junheng::v1::Evaluation;

// The counties of one page of a region call: the region (checked and stored), and the counties
// held under it after the page token.
struct RegionPage {
  junheng::v1::Region region;
  storage::Page page;
  std::vector<storage::CountyHeld> counties;
};

template <typename Request>
absl::StatusOr<RegionPage> ReadRegionPage(const storage::Store& store, const Request& request) {
  auto region = FindRegion(store, request.region_code(), "region_code");
  if (!region.ok()) return region.status();
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  auto counties =
      store.ListCounties(auth::RegionCodePrefix(region->code()), page->after(), page->read_limit());
  if (!counties.ok()) return counties.status();
  return RegionPage{*std::move(region), *std::move(page), *std::move(counties)};
}

// Adds rows to `rows` while the page takes them; sets the next page token from the last.
template <typename Row, typename Response, typename MakeRow>
absl::Status FillPage(RegionPage& region_page, google::protobuf::RepeatedPtrField<Row>* rows,
                      Response& response, MakeRow make_row) {
  for (const storage::CountyHeld& county : region_page.counties) {
    auto row = make_row(county);
    if (!row.ok()) return row.status();
    if (!region_page.page.Take(*row)) break;
    *rows->Add() = *std::move(row);
  }
  if (!rows->empty()) {
    response.set_next_page_token(region_page.page.NextToken(rows->rbegin()->county_code()));
  }
  return absl::OkStatus();
}

int64_t ThreadCpuMicros() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return int64_t{now.tv_sec} * 1000000 + now.tv_nsec / 1000;
}

// fail when one fails, not_judged when one is not judged (or there is none), else pass.
template <typename Statuses>
std::string Combined(const Statuses& statuses) {
  bool any = false, not_judged = false;
  for (const std::string& status : statuses) {
    any = true;
    if (status == eval::kFail) return eval::kFail;
    not_judged |= status != eval::kPass;
  }
  return !any || not_judged ? eval::kNotJudged : eval::kPass;
}

}  // namespace

CountyEvaluationRow SummarizeCounty(const Evaluation& evaluation, int year) {
  CountyEvaluationRow row;
  row.set_county_code(evaluation.county_code());
  row.set_evaluated(true);
  row.set_verdict(evaluation.verdict().status());
  row.set_input_hash(evaluation.input_hash());
  row.set_schools_in_registry(evaluation.schools_in_registry());
  std::vector<std::string> levels;
  for (const auto& level : evaluation.levels()) levels.push_back(level.status());
  struct Dimension {
    const char* id;
    const char* name_zh;
  };
  for (const Dimension& d :
       {Dimension{"resources", "资源配置"}, Dimension{"government", "政府保障程度"},
        Dimension{"quality", "教育质量"}, Dimension{"social", "社会认可度"}}) {
    std::vector<std::string> statuses;
    if (absl::string_view(d.id) == "resources") {
      statuses = levels;
    } else {
      for (const auto& item : evaluation.items()) {
        if (item.category() == d.id) statuses.push_back(item.status());
      }
    }
    auto* out = row.add_dimensions();
    out->set_id(d.id);
    out->set_name_zh(d.name_zh);
    out->set_status(Combined(statuses));
    row.set_dimensions_passing(row.dimensions_passing() + (out->status() == eval::kPass));
  }
  for (const auto& item : evaluation.items()) {
    if (item.category() == "veto" && item.status() == eval::kFail) row.set_vetoed(true);
  }
  for (const auto& level : evaluation.levels()) {
    auto* largest = row.add_largest();
    largest->set_level(level.level());
    largest->set_level_zh(level.name_zh());
    for (const auto& indicator : level.indicators()) {
      if (!indicator.cv().has_number_value()) continue;
      const double cv = indicator.cv().number_value();
      if (largest->has_cv() && cv <= largest->cv()) continue;
      largest->set_cv(cv);
      largest->set_indicator(indicator.id());
      largest->set_indicator_zh(indicator.name_zh());
      largest->set_threshold(indicator.threshold());
    }
  }
  *row.mutable_figures() = TrendYearOf(year, evaluation);
  return row;
}

absl::StatusOr<junheng::v1::RegionStatusResponse> BuildRegionStatus(
    const storage::Store& store, const junheng::v1::RegionStatusRequest& request, absl::Time now) {
  if (absl::Status codes = storage::CheckCodes({{"period", request.period()}}); !codes.ok()) {
    return codes;
  }
  auto region_page = ReadRegionPage(store, request);
  if (!region_page.ok()) return region_page.status();
  junheng::v1::RegionStatusResponse response;
  response.set_region_code(region_page->region.code());
  response.set_region_name(region_page->region.name());
  response.set_period(request.period());
  absl::Status filled = FillPage(
      *region_page, response.mutable_counties(), response,
      [&](const storage::CountyHeld& county) -> absl::StatusOr<junheng::v1::CountySubmissionRow> {
        junheng::v1::SubmissionStatusRequest one;
        one.set_county_code(county.county_code);
        one.set_period(request.period());
        one.set_page_size(1);  // the counts cover the county whatever the page holds
        auto status = BuildSubmissionStatus(store, one, now);
        if (!status.ok()) return status.status();
        if (response.as_of().empty()) response.set_as_of(status->as_of());
        junheng::v1::CountySubmissionRow row;
        row.set_county_code(county.county_code);
        row.set_county_name(CountyName(store, county.county_code));
        row.set_window_defined(status->window_defined());
        row.set_deadline(status->window().deadline());
        row.set_schools_total(status->schools_total());
        row.set_submitted(status->submitted());
        row.set_on_time(status->on_time());
        row.set_late(status->late());
        row.set_incomplete(status->incomplete());
        row.set_not_submitted(status->not_submitted());
        row.set_returned(status->returned());
        row.set_accepted(status->accepted());
        row.set_completeness_rate(status->completeness_rate());
        row.set_timeliness_rate(status->timeliness_rate());
        return row;
      });
  if (!filled.ok()) return filled;
  return response;
}

absl::StatusOr<junheng::v1::EvaluateRegionResponse> EvaluateRegion(
    const storage::Store& store, const junheng::v1::EvaluateRegionRequest& request,
    const junheng::v1::Profile& default_profile) {
  if (absl::Status codes = storage::CheckCodes({{"period", request.period()}}); !codes.ok()) {
    return codes;
  }
  auto profile = ProfileFor(default_profile, request.profile(), "");
  if (!profile.ok()) return profile.status();
  auto region_page = ReadRegionPage(store, request);
  if (!region_page.ok()) return region_page.status();
  junheng::v1::EvaluateRegionResponse response;
  response.set_region_code(region_page->region.code());
  response.set_region_name(region_page->region.name());
  response.set_period(request.period());
  response.mutable_profile()->set_name(profile->name());
  response.mutable_profile()->set_version(profile->version());
  int year = 0;
  if (!absl::SimpleAtoi(request.period(), &year)) year = 0;
  eval::BatchEvaluator evaluator;
  int64_t read_micros = 0, evaluation_cpu_micros = 0;
  absl::Status filled =
      FillPage(*region_page, response.mutable_counties(), response,
               [&](const storage::CountyHeld& county) -> absl::StatusOr<CountyEvaluationRow> {
                 const absl::Time read_start = absl::Now();
                 auto input = GatherEvaluationInput(store, county.county_code, request.period(),
                                                    request.accepted_only());
                 read_micros += absl::ToInt64Microseconds(absl::Now() - read_start);
                 if (!input.ok()) return input.status();
                 CountyEvaluationRow row;
                 if (!input->reports.empty()) {
                   const int64_t cpu_start = ThreadCpuMicros();
                   auto evaluation = evaluator.Evaluate(*input, *profile);
                   evaluation_cpu_micros += ThreadCpuMicros() - cpu_start;
                   if (evaluation.ok()) {
                     row = SummarizeCounty(**evaluation, year);
                   } else {
                     row.set_error(std::string(evaluation.status().message()));
                   }
                 }
                 row.set_county_code(county.county_code);
                 row.set_county_name(CountyName(store, county.county_code));
                 row.set_schools_in_registry(static_cast<int>(input->registry.size()));
                 return row;
               });
  if (!filled.ok()) return filled;
  response.set_read_micros(read_micros);
  response.set_evaluation_cpu_micros(evaluation_cpu_micros);
  return response;
}

absl::StatusOr<junheng::v1::RegionTrendResponse> BuildRegionTrend(
    const storage::Store& store, const junheng::v1::RegionTrendRequest& request,
    const junheng::v1::Profile& default_profile) {
  auto profile = ProfileFor(default_profile, request.profile(), "");
  if (!profile.ok()) return profile.status();
  auto region_page = ReadRegionPage(store, request);
  if (!region_page.ok()) return region_page.status();
  junheng::v1::RegionTrendResponse response;
  response.set_region_code(region_page->region.code());
  response.set_region_name(region_page->region.name());
  absl::Status filled =
      FillPage(*region_page, response.mutable_counties(), response,
               [&](const storage::CountyHeld& county) -> absl::StatusOr<junheng::v1::CountyTrend> {
                 auto trend = BuildTrend(store, county.county_code, request.from_year(),
                                         request.to_year(), *profile);
                 if (!trend.ok()) return trend.status();
                 junheng::v1::CountyTrend row;
                 row.set_county_code(county.county_code);
                 row.set_county_name(CountyName(store, county.county_code));
                 *row.mutable_years() = std::move(*trend->mutable_years());
                 return row;
               });
  if (!filled.ok()) return filled;
  return response;
}

}  // namespace junheng::server
