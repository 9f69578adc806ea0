#include "server/reporting/report_intake.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/catalog/fields.h"
#include "common/hash/sha256.h"
#include "common/i18n/server_messages.h"
#include "common/i18n/validation_messages.h"
#include "common/io/message_codec.h"
#include "common/time/time_text.h"
#include "common/validate/report_validator.h"
#include "server/audit/audit_entry.h"
#include "server/bureau/periods.h"
#include "server/bureau/review.h"

namespace junheng::server {

using junheng::v1::Receipt;
using junheng::v1::SchoolReport;
using junheng::v1::SubmitReportRequest;
using junheng::v1::SubmitReportResponse;

namespace {

struct Checked {
  validate::ValidationResult result;
  std::optional<junheng::v1::School> school;
};

// The one validation of a report against its school's registry entry (Submit and Validate), with
// what only the server knows: the county's defined periods, and the version it would replace.
// `replaced`: the version the report replaces when it is not stored yet (an earlier report of
// the same batch); nullptr to read it from the store.
absl::StatusOr<Checked> Check(const storage::Store& store, absl::string_view county,
                              const SchoolReport& report,
                              const ReportIntake::ReplacedInBatch* replaced) {
  auto school = store.GetSchool(county, report.school_code());
  if (!school.ok()) return school.status();
  Checked checked{.school = *std::move(school)};
  checked.result = validate::ValidateReport(
      report, county, checked.school.has_value() ? &*checked.school : nullptr);
  if (!checked.result.ok()) return checked;
  // Once the bureau defines periods, a label outside them is a typo or a spreadsheet's doing
  // (2024.0), never a new collection: it would be stored where no status or evaluation looks.
  auto defined = store.GetPeriod(county, report.period());
  if (!defined.ok()) return defined.status();
  if (!defined->has_value()) {
    auto periods = store.ListPeriods(county);
    if (!periods.ok()) return periods.status();
    if (!periods->empty()) {
      std::vector<std::string> labels;
      for (const auto& p : *periods) labels.push_back(p.period());
      checked.result.Violation(catalog::report::period.name, report.period(),
                               i18n::validation::kPeriodNotDefined,
                               {std::string(county), absl::StrJoin(labels, ", ")});
      return checked;
    }
  }
  std::optional<junheng::v1::StoredReport> previous;
  int64_t previous_version = 0;
  if (replaced != nullptr) {
    previous_version = replaced->version;
  } else {
    auto latest = store.GetLatest(county, report.period(), report.school_code());
    if (!latest.ok()) return latest.status();
    if (!latest->has_value()) return checked;
    previous_version = (*latest)->version();
    auto stored =
        store.GetReportVersion(county, report.period(), report.school_code(), previous_version);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return checked;
    previous = *std::move(stored);
  }
  const SchoolReport& before = replaced != nullptr ? *replaced->report : previous->report();
  for (const auto* field : catalog::report::kAll) {
    // Compared by presence; the cell's text is made only for the warning.
    if (field->HasValue(before) && !field->HasValue(report)) {
      checked.result.Warning(field->name, "", i18n::validation::kFieldEmptied,
                             {absl::StrCat(previous_version), io::CellText(before, *field)});
    }
  }
  return checked;
}

}  // namespace

absl::StatusOr<junheng::v1::ValidateReportResponse> ReportIntake::Validate(
    const junheng::v1::ValidateReportRequest& request) const {
  const std::string& county = request.county_code();
  if (absl::Status ok = validate::CheckCountyCode(county); !ok.ok()) return ok;
  SchoolReport report = request.report();
  if (report.county_code().empty()) report.set_county_code(county);
  auto checked = Check(*store_, county, report, nullptr);
  if (!checked.ok()) return checked.status();
  junheng::v1::ValidateReportResponse response;
  for (auto& issue : checked->result.violations) *response.add_violations() = std::move(issue);
  for (auto& issue : checked->result.warnings) *response.add_warnings() = std::move(issue);
  return response;
}

namespace {

// One submission between its validation on a gRPC thread and its answer from the report writer.
struct Submission {
  SubmitReportRequest request;
  std::string actor;
  Checked checked;
  std::string content_hash;
  absl::Time now;
  // The new version but for what only the writer knows (see PrepareVersion).
  junheng::v1::StoredReport prepared;
};

// Everything of the stored version a submission would become but its number, time, lateness and
// receipt id: made on the gRPC thread, since the report writer is ingest's one serial step.
junheng::v1::StoredReport PrepareVersion(const Submission& s) {
  const SchoolReport& report = s.request.report();
  junheng::v1::StoredReport stored;
  Receipt& receipt = *stored.mutable_receipt();
  receipt.set_county_code(s.request.county_code());
  receipt.set_school_code(report.school_code());
  receipt.set_period(report.period());
  receipt.set_content_hash(s.content_hash);
  receipt.set_submission_id(s.request.submission_id());
  const auto& school = s.checked.school;
  for (std::string& field :
       validate::MissingFields(report, school.has_value() ? &*school : nullptr)) {
    receipt.add_missing_fields(std::move(field));
  }
  receipt.set_submitter(s.request.submitter().empty() ? s.actor : s.request.submitter());
  *stored.mutable_report() = report;
  for (const auto& w : s.checked.result.warnings) *stored.add_warnings() = w;
  return stored;
}

}  // namespace

ReportIntake::ReportIntake(storage::Store* store, const Clock* clock, metrics::Registry* metrics)
    : store_(store), clock_(clock) {
  if (metrics == nullptr) metrics = &metrics::Registry::Unexported();
  accepted_ = &metrics->AddCounter(
      "junheng_reports_accepted_total",
      "School reports stored as a new version, by county and reporting period.",
      {"county", "period"});
  duplicates_ = &metrics->AddCounter(
      "junheng_report_duplicates_total",
      "Report submissions answered with the receipt stored before (an outbox's retry, or the "
      "same content sent again), by county.",
      {"county"});
  refusals_ = &metrics->AddCounter(
      "junheng_report_refusals_total",
      "Report submissions refused, by canonical gRPC code (INVALID_ARGUMENT: validation; "
      "FAILED_PRECONDITION: window closed or report locked; ABORTED: stale replacement; ...).",
      {"code"});
}

void ReportIntake::CountRefusal(const absl::Status& refusal) const {
  const auto code = static_cast<size_t>(refusal.code());
  if (code >= metrics::kStatusCodeCount) return;
  refusal_slots_
      .Get(code,
           [&]() -> metrics::Counter& {
             return refusals_->With({absl::StatusCodeToString(refusal.code())});
           })
      .Increment();
}

void ReportIntake::Count(const absl::StatusOr<storage::ReportOutcome>& outcome,
                         absl::string_view county, absl::string_view period) const {
  if (!outcome.ok()) {
    CountRefusal(outcome.status());
  } else if (outcome->duplicate) {
    duplicates_->With({county}).Increment();
  } else {
    accepted_->With({county, period}).Increment();
  }
}

void ReportIntake::SubmitAsync(const SubmitReportRequest& request, absl::string_view actor,
                               SubmitDone done) {
  SubmitOne(request, actor, nullptr, std::move(done));
}

void ReportIntake::SubmitOne(const SubmitReportRequest& request, absl::string_view actor,
                             const ReplacedInBatch* replaced, SubmitDone done) {
  auto refuse = [&](absl::Status refusal) {
    CountRefusal(refusal);
    done(std::move(refusal));
  };
  const std::string& county = request.county_code();
  absl::Status county_ok = validate::CheckCountyCode(county);
  if (!county_ok.ok()) return refuse(county_ok);
  if (!validate::IsValidCode(request.submission_id())) {
    return refuse(absl::InvalidArgumentError(
        i18n::Say(i18n::server::kBadSubmissionId, request.submission_id())));
  }
  if (request.replaces_version() < 0) {
    return refuse(absl::InvalidArgumentError(i18n::Say(i18n::server::kBadReplacesVersion)));
  }
  auto s = std::make_shared<Submission>();
  s->request = request;
  s->actor = std::string(actor);
  SchoolReport& report = *s->request.mutable_report();
  if (report.county_code().empty()) report.set_county_code(county);

  auto checked = Check(*store_, county, report, replaced);
  if (!checked.ok()) return refuse(checked.status());
  s->checked = *std::move(checked);
  absl::Status invalid = validate::ToStatus(
      s->checked.result,
      i18n::Say(i18n::validation::kReportSubject, report.school_code(), report.period()));
  if (!invalid.ok()) return refuse(invalid);

  s->content_hash = hash::MessageHash(report);
  s->prepared = PrepareVersion(*s);
  storage::ReportProposal proposal{
      county,          report.period(),           report.school_code(), request.submission_id(),
      s->content_hash, request.replaces_version()};
  // The bureau's preconditions, read under the store's lock like the version they guard.
  auto admit = [s, clock = clock_](const storage::Store& store) -> absl::Status {
    s->now = clock->Now();
    const SchoolReport& report = s->request.report();
    const std::string& county = s->request.county_code();
    absl::Status window =
        CheckSubmissionWindow(store, county, report.period(), report.school_code(), s->now);
    if (!window.ok()) return window;
    return CheckNotLocked(store, county, report.period(), report.school_code());
  };
  // Called at most once, by the writer: the prepared version is moved into the one it builds.
  auto build = [s, clock = clock_](const storage::Store& store,
                                   int64_t version) -> absl::StatusOr<storage::ReportVersion> {
    const std::string& county = s->request.county_code();
    const std::string& period = s->request.report().period();
    const std::string& school = s->request.report().school_code();
    auto defined = store.GetPeriod(county, period);
    if (!defined.ok()) return defined.status();
    storage::ReportVersion next{.stored = std::move(s->prepared)};
    Receipt& receipt = *next.stored.mutable_receipt();
    receipt.set_version(version);
    receipt.set_server_time_unix_ms(absl::ToUnixMillis(s->now));
    receipt.set_server_time(FormatInstant(s->now));
    receipt.set_late(defined->has_value() &&
                     absl::ToUnixMillis(s->now) > (*defined)->deadline_unix_ms());
    receipt.set_receipt_id(hash::Sha256Hex(absl::StrCat(county, "/", period, "/", school, "/",
                                                        version, "/", s->content_hash))
                               .substr(0, 20));
    next.audit =
        MakeAudit(*clock, s->actor, "report.accept",
                  absl::StrCat(county, "/", period, "/", school, "/v", version), s->content_hash);
    next.audit.set_time_unix_ms(receipt.server_time_unix_ms());
    return next;
  };
  // Runs on the report writer's thread, before the call is finished: the intake (a member of
  // the service) outlives it.
  auto answer = [this, s, done = std::move(done)](absl::StatusOr<storage::ReportOutcome> outcome) {
    Count(outcome, s->request.county_code(), s->request.report().period());
    if (!outcome.ok()) return done(outcome.status());
    SubmitReportResponse response;
    *response.mutable_receipt() = std::move(outcome->receipt);
    response.set_duplicate(outcome->duplicate);
    if (s->checked.school.has_value()) response.set_school_name(s->checked.school->school_name());
    for (const auto& w : s->checked.result.warnings) *response.add_warnings() = w;
    done(std::move(response));
  };
  store_->CommitReportAsync(std::move(proposal), std::move(admit), std::move(build),
                            std::move(answer));
}

void ReportIntake::SubmitBatchAsync(const junheng::v1::SubmitReportsRequest& request,
                                    absl::string_view actor, const Permit& permit, BatchDone done) {
  const int count = request.reports_size();
  if (count == 0 || count > kMaxBatchReports) {
    return done(
        absl::InvalidArgumentError(i18n::Say(i18n::server::kBatchSize, count, kMaxBatchReports)));
  }
  struct Batch {
    junheng::v1::SubmitReportsResponse response;
    std::atomic<int> left;
    BatchDone done;
  };
  auto batch = std::make_shared<Batch>();
  batch->left = count;
  batch->done = std::move(done);
  for (int i = 0; i < count; ++i) batch->response.add_results();
  // The last report of each school and period so far, by "period/school": a later one that
  // replaces the version it would become is compared with it, not with what is stored.
  absl::flat_hash_map<std::string, int> last_of_school;
  for (int i = 0; i < count; ++i) {
    SubmitReportRequest one = request.reports(i);
    if (one.county_code().empty()) one.set_county_code(request.county_code());
    const std::string school_key =
        absl::StrCat(one.report().period(), "/", one.report().school_code());
    std::optional<ReplacedInBatch> replaced;
    if (auto earlier = last_of_school.find(school_key); earlier != last_of_school.end()) {
      const SubmitReportRequest& before = request.reports(earlier->second);
      if (one.replaces_version() == before.replaces_version() + 1) {
        replaced = ReplacedInBatch{&before.report(), one.replaces_version()};
      }
    }
    last_of_school.insert_or_assign(school_key, i);
    auto answer = [batch, i](absl::StatusOr<SubmitReportResponse> result) {
      junheng::v1::SubmitReportResult& slot = *batch->response.mutable_results(i);
      if (result.ok()) {
        *slot.mutable_response() = *std::move(result);
      } else {
        slot.set_code(static_cast<int>(result.status().code()));
        slot.set_message(std::string(result.status().message()));
      }
      // The last answer, on whichever thread gives it, sends them all.
      if (batch->left.fetch_sub(1) == 1) batch->done(std::move(batch->response));
    };
    if (absl::Status permitted = permit(one); !permitted.ok()) {
      CountRefusal(permitted);
      answer(permitted);
      continue;
    }
    SubmitOne(one, actor, replaced.has_value() ? &*replaced : nullptr, std::move(answer));
  }
}

}  // namespace junheng::server
