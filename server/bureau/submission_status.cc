#include "server/bureau/submission_status.h"

#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/eval/evaluate.h"
#include "common/i18n/server_messages.h"
#include "common/time/time_text.h"
#include "server/bureau/consistency.h"
#include "server/bureau/periods.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/storage/codes.h"

namespace junheng::server {
namespace {

using junheng::v1::ReportingPeriod;
using junheng::v1::School;
using junheng::v1::SchoolSubmission;

// One school's submission for a period: whether it counts as submitted (a complete latest
// version, or one the bureau accepted), and whether the version that first counted came by the
// deadline.
struct Described {
  SchoolSubmission submission;
  bool submitted = false;
  bool incomplete = false;
  bool on_time = false;
};

absl::StatusOr<Described> Describe(const storage::Store& store, const School& school,
                                   absl::string_view period,
                                   const std::optional<ReportingPeriod>& window) {
  Described d;
  SchoolSubmission& s = d.submission;
  s.set_school_code(school.school_code());
  s.set_school_name(school.school_name());
  s.set_contact_name(school.contact_name());
  s.set_contact_phone(school.contact_phone());
  s.set_target_year(school.target_year());
  auto versions = store.ListVersions(school.county_code(), period, school.school_code());
  if (!versions.ok()) return versions.status();
  auto exception = store.GetException(school.county_code(), period, school.school_code());
  if (!exception.ok()) return exception.status();
  if (exception->has_value()) s.set_exception_expires((*exception)->expires());
  if (versions->empty()) {
    s.set_state("not_submitted");
    return d;
  }
  const auto& latest = versions->back();
  s.set_latest_version(latest.version());
  s.set_received(latest.server_time());
  s.set_received_unix_ms(latest.server_time_unix_ms());
  s.set_submitter(latest.submitter());
  *s.mutable_missing_fields() = latest.missing_fields();
  auto review = store.GetReview(school.county_code(), period, school.school_code());
  if (!review.ok()) return review.status();
  const bool decided = review->has_value() && (*review)->version() == latest.version() &&
                       (*review)->state() != "reopened";
  const bool accepted = decided && (*review)->state() == "accepted";
  d.submitted = latest.missing_fields().empty() || accepted;
  d.incomplete = !d.submitted;
  if (d.submitted) {
    const junheng::v1::Receipt* counted = &latest;
    for (const auto& version : *versions) {
      if (version.missing_fields().empty()) {
        counted = &version;
        break;
      }
    }
    s.set_first_received(counted->server_time());
    s.set_first_received_unix_ms(counted->server_time_unix_ms());
    d.on_time = !window.has_value() || counted->server_time_unix_ms() <= window->deadline_unix_ms();
  }
  s.set_state(d.incomplete ? "incomplete" : d.on_time ? "on_time" : "late");
  if (decided) {
    s.set_state((*review)->state());
    s.set_review_comment((*review)->comment());
  }
  return d;
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

absl::StatusOr<junheng::v1::SubmissionStatusResponse> StatusOf(
    const storage::Store& store, absl::string_view county, absl::string_view period, absl::Time now,
    const junheng::v1::Profile* profile) {
  auto window = store.GetPeriod(county, period);
  if (!window.ok()) return window.status();
  auto schools = store.ListSchools(county);
  if (!schools.ok()) return schools.status();
  junheng::v1::SubmissionStatusResponse response;
  response.set_county_code(std::string(county));
  response.set_period(std::string(period));
  response.set_as_of(FormatInstant(now));
  if (window->has_value()) {
    *response.mutable_window() = **window;
    response.set_window_defined(true);
  }
  for (const School& school : *schools) {
    auto described = Describe(store, school, period, *window);
    if (!described.ok()) return described.status();
    const std::string& state = described->submission.state();
    if (described->submitted) {
      response.set_submitted(response.submitted() + 1);
      if (described->on_time) {
        response.set_on_time(response.on_time() + 1);
      } else {
        response.set_late(response.late() + 1);
      }
    } else if (described->incomplete) {
      response.set_incomplete(response.incomplete() + 1);
    } else {
      response.set_not_submitted(response.not_submitted() + 1);
    }
    if (state == "returned") response.set_returned(response.returned() + 1);
    if (state == "accepted") response.set_accepted(response.accepted() + 1);
    *response.add_schools() = std::move(described->submission);
  }
  response.set_schools_total(static_cast<int32_t>(schools->size()));
  if (profile != nullptr && response.submitted() > 0) {
    auto warnings = StoredConsistencyWarnings(store, county, period, *profile);
    if (!warnings.ok()) return warnings.status();
    for (auto& w : *warnings) *response.add_warnings() = std::move(w);
  }
  if (!schools->empty()) {
    response.set_completeness_rate(static_cast<double>(response.submitted()) / schools->size());
    response.set_timeliness_rate(static_cast<double>(response.on_time()) / schools->size());
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
  return StatusOf(store, request.county_code(), request.period(), now, profile);
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
  auto status = StatusOf(store, county, period, now, nullptr);
  if (!status.ok()) return status.status();
  if (!status->window_defined()) {
    return absl::FailedPreconditionError(i18n::Say(i18n::server::kNoDeadline, period, county));
  }
  junheng::v1::RemindersResponse response;
  *response.mutable_window() = status->window();
  response.set_days_to_deadline(DaysUntil(status->window().deadline_unix_ms(), now));
  response.set_within_window(now >= absl::FromUnixMillis(status->window().opens_unix_ms()) &&
                             now <= absl::FromUnixMillis(status->window().closes_unix_ms()));
  if (response.days_to_deadline() > days) return response;
  for (const auto& school : status->schools()) {
    if (Owes(school.state())) {
      *response.add_owing() = school;
    }
  }
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
    const SchoolSubmission& s = described->submission;
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
