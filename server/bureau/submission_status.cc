#include "server/bureau/submission_status.h"

#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/eval/evaluate.h"
#include "common/i18n/server_messages.h"
#include "common/time/time_text.h"
#include "server/bureau/consistency.h"
#include "server/bureau/periods.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/storage/codes.h"
#include "server/storage/page.h"

namespace junheng::server {
namespace {

using junheng::v1::ReportingPeriod;
using junheng::v1::School;
using junheng::v1::SchoolSubmission;

// What decides a school's state for a period: its latest receipt, the bureau's decision on it,
// and the version that first counted as submitted. The rows (Describe) and the county's counts
// (CountCounty) both come from here, so they cannot disagree.
struct Standing {
  std::string state;
  bool submitted = false;
  bool incomplete = false;
  bool on_time = false;
  // The bureau's decision holds for the latest version (accepted or returned, not reopened).
  bool decided = false;
  // When submitted: the first complete version, or the latest when none is (an accepted one).
  junheng::v1::Receipt counted;
};

// `latest` and `review` as the store holds them for the school (nullptr: none). Reads the earlier
// versions only when the latest counts as submitted and is not the first.
absl::StatusOr<Standing> Classify(const storage::Store& store, absl::string_view county,
                                  absl::string_view period, absl::string_view school,
                                  const junheng::v1::Receipt* latest,
                                  const junheng::v1::ReviewRecord* review,
                                  const std::optional<ReportingPeriod>& window) {
  Standing st;
  if (latest == nullptr) {
    st.state = "not_submitted";
    return st;
  }
  st.decided =
      review != nullptr && review->version() == latest->version() && review->state() != "reopened";
  const bool accepted = st.decided && review->state() == "accepted";
  st.submitted = latest->missing_fields().empty() || accepted;
  st.incomplete = !st.submitted;
  if (st.submitted) {
    st.counted = *latest;
    for (int64_t v = 1; v < latest->version(); ++v) {
      auto version = store.GetReportVersion(county, period, school, v);
      if (!version.ok()) return version.status();
      if (version->has_value() && (*version)->receipt().missing_fields().empty()) {
        st.counted = (*version)->receipt();
        break;
      }
    }
    st.on_time =
        !window.has_value() || st.counted.server_time_unix_ms() <= window->deadline_unix_ms();
  }
  st.state = st.incomplete ? "incomplete" : st.on_time ? "on_time" : "late";
  if (st.decided) st.state = review->state();
  return st;
}

// One school's row of the status for a period.
absl::StatusOr<SchoolSubmission> Describe(const storage::Store& store, const School& school,
                                          absl::string_view period,
                                          const std::optional<ReportingPeriod>& window) {
  const std::string& county = school.county_code();
  SchoolSubmission s;
  s.set_school_code(school.school_code());
  s.set_school_name(school.school_name());
  s.set_contact_name(school.contact_name());
  s.set_contact_phone(school.contact_phone());
  s.set_target_year(school.target_year());
  auto exception = store.GetException(county, period, school.school_code());
  if (!exception.ok()) return exception.status();
  if (exception->has_value()) s.set_exception_expires((*exception)->expires());
  auto latest = store.GetLatest(county, period, school.school_code());
  if (!latest.ok()) return latest.status();
  std::optional<junheng::v1::ReviewRecord> review;
  if (latest->has_value()) {
    auto stored_review = store.GetReview(county, period, school.school_code());
    if (!stored_review.ok()) return stored_review.status();
    review = *std::move(stored_review);
  }
  auto st = Classify(store, county, period, school.school_code(),
                     latest->has_value() ? &**latest : nullptr,
                     review.has_value() ? &*review : nullptr, window);
  if (!st.ok()) return st.status();
  s.set_state(st->state);
  if (!latest->has_value()) return s;
  const junheng::v1::Receipt& r = **latest;
  s.set_latest_version(r.version());
  s.set_received(r.server_time());
  s.set_received_unix_ms(r.server_time_unix_ms());
  s.set_submitter(r.submitter());
  *s.mutable_missing_fields() = r.missing_fields();
  if (st->submitted) {
    s.set_first_received(st->counted.server_time());
    s.set_first_received_unix_ms(st->counted.server_time_unix_ms());
  }
  if (st->decided) s.set_review_comment(review->comment());
  return s;
}

// How many registry rows the county-wide walks read at a time.
constexpr size_t kRegistrySlice = 10000;

// Calls `visit` with every school of the county's registry, by code, a slice at a time.
template <typename Visit>
absl::Status ForEachSchool(const storage::Store& store, absl::string_view county, Visit visit) {
  std::string after;
  while (true) {
    auto schools = store.ListSchools(county, after, kRegistrySlice);
    if (!schools.ok()) return schools.status();
    for (const School& school : *schools) {
      if (absl::Status visited = visit(school); !visited.ok()) return visited;
    }
    if (schools->size() < kRegistrySlice) return absl::OkStatus();
    after = schools->back().school_code();
  }
}

// The county-wide counts of `response` (bureau.proto), from the latest receipts and the review
// decisions of the period read in one scan each, not school by school: every page of the status
// carries them, so they cost a walk of the registry, not a row's reads per school.
absl::Status CountCounty(const storage::Store& store, absl::string_view county,
                         absl::string_view period, const std::optional<ReportingPeriod>& window,
                         junheng::v1::SubmissionStatusResponse& response) {
  auto latest = store.ListLatest(county, period);
  if (!latest.ok()) return latest.status();
  auto reviews = store.ListReviews(county, period);
  if (!reviews.ok()) return reviews.status();
  absl::flat_hash_map<absl::string_view, const junheng::v1::Receipt*> latest_of;
  for (const auto& r : *latest) latest_of[r.school_code()] = &r;
  absl::flat_hash_map<absl::string_view, const junheng::v1::ReviewRecord*> review_of;
  for (const auto& r : *reviews) review_of[r.school_code()] = &r;
  int32_t total = 0;
  absl::Status walked = ForEachSchool(store, county, [&](const School& school) -> absl::Status {
    ++total;
    auto l = latest_of.find(school.school_code());
    auto r = review_of.find(school.school_code());
    auto st = Classify(store, county, period, school.school_code(),
                       l == latest_of.end() ? nullptr : l->second,
                       r == review_of.end() ? nullptr : r->second, window);
    if (!st.ok()) return st.status();
    if (st->submitted) {
      response.set_submitted(response.submitted() + 1);
      if (st->on_time) {
        response.set_on_time(response.on_time() + 1);
      } else {
        response.set_late(response.late() + 1);
      }
    } else if (st->incomplete) {
      response.set_incomplete(response.incomplete() + 1);
    } else {
      response.set_not_submitted(response.not_submitted() + 1);
    }
    if (st->state == "returned") response.set_returned(response.returned() + 1);
    if (st->state == "accepted") response.set_accepted(response.accepted() + 1);
    return absl::OkStatus();
  });
  if (!walked.ok()) return walked;
  response.set_schools_total(total);
  if (total > 0) {
    response.set_completeness_rate(static_cast<double>(response.submitted()) / total);
    response.set_timeliness_rate(static_cast<double>(response.on_time()) / total);
  }
  return absl::OkStatus();
}

// The period before `period` that the county has reports for: the previous year for a year
// label, else the nearest earlier defined period. Empty when there is none.
absl::StatusOr<std::string> PreviousPeriod(const storage::Store& store, absl::string_view county,
                                           absl::string_view period) {
  std::vector<std::string> candidates;
  int year = 0;
  if (absl::SimpleAtoi(period, &year)) candidates.push_back(absl::StrCat(year - 1));
  auto periods = store.ListPeriods(county);
  if (!periods.ok()) return periods.status();
  for (auto it = periods->rbegin(); it != periods->rend(); ++it) {
    if (it->period() < period) candidates.push_back(it->period());
  }
  for (const std::string& candidate : candidates) {
    auto latest = store.ListLatest(county, candidate);
    if (!latest.ok()) return latest.status();
    if (!latest->empty()) return candidate;
  }
  return std::string();
}

absl::StatusOr<std::vector<junheng::v1::ConsistencyWarning>> StoredConsistencyWarnings(
    const storage::Store& store, absl::string_view county, absl::string_view period,
    const junheng::v1::Profile& profile) {
  auto input = GatherEvaluationInput(store, county, period, /*accepted_only=*/false);
  if (!input.ok()) return input.status();
  auto evaluation = eval::Evaluate(*input, profile);
  if (!evaluation.ok()) return evaluation.status();
  std::map<std::string, junheng::v1::SchoolReport> previous;
  auto previous_period = PreviousPeriod(store, county, period);
  if (!previous_period.ok()) return previous_period.status();
  if (!previous_period->empty()) {
    auto before = GatherEvaluationInput(store, county, *previous_period, false);
    if (!before.ok()) return before.status();
    for (auto& r : before->reports) previous[r.school_code()] = std::move(r);
  }
  return ConsistencyWarnings(input->reports, previous, *evaluation, profile);
}

// A school in this state still owes the period a (complete) report.
bool Owes(absl::string_view state) {
  return state == "not_submitted" || state == "incomplete" || state == "returned";
}

double DaysUntil(int64_t unix_ms, absl::Time now) {
  return absl::ToDoubleHours(absl::FromUnixMillis(unix_ms) - now) / 24.0;
}

absl::StatusOr<junheng::v1::SubmissionStatusResponse> StatusPage(
    const storage::Store& store, absl::string_view county, absl::string_view period, absl::Time now,
    const junheng::v1::Profile* profile, storage::Page& page) {
  auto window = store.GetPeriod(county, period);
  if (!window.ok()) return window.status();
  junheng::v1::SubmissionStatusResponse response;
  response.set_county_code(std::string(county));
  response.set_period(std::string(period));
  response.set_as_of(FormatInstant(now));
  if (window->has_value()) {
    *response.mutable_window() = **window;
    response.set_window_defined(true);
  }
  if (absl::Status counted = CountCounty(store, county, period, *window, response); !counted.ok()) {
    return counted;
  }
  auto schools = store.ListSchools(county, page.after(), page.read_limit());
  if (!schools.ok()) return schools.status();
  for (const School& school : *schools) {
    auto described = Describe(store, school, period, *window);
    if (!described.ok()) return described.status();
    if (!page.Take(*described)) break;
    *response.add_schools() = *std::move(described);
  }
  if (!response.schools().empty()) {
    response.set_next_page_token(page.NextToken(response.schools().rbegin()->school_code()));
  }
  if (page.first() && profile != nullptr && response.submitted() > 0) {
    auto warnings = StoredConsistencyWarnings(store, county, period, *profile);
    if (!warnings.ok()) return warnings.status();
    for (auto& w : *warnings) *response.add_warnings() = std::move(w);
  }
  return response;
}

}  // namespace

absl::StatusOr<junheng::v1::SubmissionStatusResponse> BuildSubmissionStatus(
    const storage::Store& store, const junheng::v1::SubmissionStatusRequest& request,
    absl::Time now, const junheng::v1::Profile* profile) {
  absl::Status codes =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!codes.ok()) return codes;
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  return StatusPage(store, request.county_code(), request.period(), now, profile, *page);
}

absl::StatusOr<junheng::v1::RemindersResponse> BuildReminders(
    const storage::Store& store, const junheng::v1::RemindersRequest& request, absl::Time now) {
  absl::Status codes =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!codes.ok()) return codes;
  if (request.days() < 0) {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kDaysNegative));
  }
  const std::string& county = request.county_code();
  const std::string& period = request.period();
  const int days = request.days();
  auto window = store.GetPeriod(county, period);
  if (!window.ok()) return window.status();
  if (!window->has_value()) {
    return absl::FailedPreconditionError(i18n::Say(i18n::server::kNoDeadline, period, county));
  }
  const ReportingPeriod& defined = **window;
  junheng::v1::RemindersResponse response;
  *response.mutable_window() = defined;
  response.set_days_to_deadline(DaysUntil(defined.deadline_unix_ms(), now));
  response.set_within_window(now >= absl::FromUnixMillis(defined.opens_unix_ms()) &&
                             now <= absl::FromUnixMillis(defined.closes_unix_ms()));
  if (response.days_to_deadline() > days) return response;
  absl::Status walked = ForEachSchool(store, county, [&](const School& school) -> absl::Status {
    auto described = Describe(store, school, period, *window);
    if (!described.ok()) return described.status();
    if (Owes(described->state())) {
      *response.add_owing() = *std::move(described);
    }
    return absl::OkStatus();
  });
  if (!walked.ok()) return walked;
  return response;
}

absl::StatusOr<junheng::v1::DueResponse> BuildDue(const storage::Store& store,
                                                  const junheng::v1::DueRequest& request,
                                                  absl::Time now) {
  absl::Status codes = storage::CheckCodes(
      {{"county_code", request.county_code()}, {"school_code", request.school_code()}});
  if (!codes.ok()) return codes;
  const std::string& county = request.county_code();
  const std::string& school_code = request.school_code();
  auto school = store.GetSchool(county, school_code);
  if (!school.ok()) return school.status();
  if (!school->has_value()) {
    return absl::NotFoundError(i18n::Say(i18n::server::kSchoolNotRegistered, school_code, county));
  }
  auto periods = store.ListPeriods(county);
  if (!periods.ok()) return periods.status();
  junheng::v1::DueResponse response;
  response.set_school_code(std::string(school_code));
  response.set_school_name((*school)->school_name());
  for (const ReportingPeriod& period : *periods) {
    auto described = Describe(store, **school, period.period(), period);
    if (!described.ok()) return described.status();
    const SchoolSubmission& s = *described;
    if (!Owes(s.state())) continue;
    const bool open = now <= absl::FromUnixMillis(period.closes_unix_ms());
    const bool excepted =
        !s.exception_expires().empty() &&
        absl::OkStatus() == CheckSubmissionWindow(store, county, period.period(), school_code, now);
    auto* item = open || excepted ? response.add_owed() : response.add_missed();
    item->set_period(period.period());
    item->set_state(s.state());
    item->set_deadline(period.deadline());
    item->set_closes(period.closes());
    item->set_days_to_deadline(DaysUntil(period.deadline_unix_ms(), now));
    item->set_review_comment(s.review_comment());
    *item->mutable_missing_fields() = s.missing_fields();
  }
  return response;
}

}  // namespace junheng::server
