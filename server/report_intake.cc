#include "server/report_intake.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/hash/sha256.h"
#include "common/time/time_text.h"
#include "common/validate/report_validator.h"
#include "server/audit.h"
#include "server/bureau/periods.h"
#include "server/bureau/review.h"

namespace junheng::server {

using junheng::v1::AuditEntry;
using junheng::v1::IdempotencyRecord;
using junheng::v1::Receipt;
using junheng::v1::SchoolReport;
using junheng::v1::StoredReport;
using junheng::v1::SubmitReportRequest;
using junheng::v1::SubmitReportResponse;

absl::StatusOr<SubmitReportResponse> ReportIntake::Submit(const SubmitReportRequest& request,
                                                          absl::string_view actor) {
  const std::string& county = request.county_code();
  absl::Status county_ok = validate::CheckCountyCode(county);
  if (!county_ok.ok()) return county_ok;
  if (!validate::IsValidCode(request.submission_id())) {
    return absl::InvalidArgumentError(
        absl::StrCat("submission_id = '", request.submission_id(),
                     "': the client must send an id of 1-64 letters, digits, '.', '_' or '-'"));
  }
  if (request.replaces_version() < 0) {
    return absl::InvalidArgumentError("replaces_version must be 0 (first report) or a version");
  }
  SchoolReport report = request.report();
  if (report.county_code().empty()) report.set_county_code(county);

  auto school = store_->GetSchool(county, report.school_code());
  if (!school.ok()) return school.status();
  validate::ValidationResult checked =
      validate::ValidateReport(report, county, school->has_value() ? &**school : nullptr);
  absl::Status invalid = validate::ToStatus(
      checked, absl::StrCat("report ", report.school_code(), " / ", report.period()));
  if (!invalid.ok()) return invalid;

  const std::string content_hash = hash::MessageHash(report);
  std::lock_guard lock(*write_mu_);

  auto earlier = store_->GetIdempotency(county, request.submission_id());
  if (!earlier.ok()) return earlier.status();
  if (earlier->has_value()) {
    if ((*earlier)->content_hash() != content_hash) {
      return absl::AlreadyExistsError(absl::StrCat(
          "submission_id ", request.submission_id(),
          " was already used for a different report; a changed report needs a new submission "
          "(the client makes one for each new submit)"));
    }
    SubmitReportResponse response;
    *response.mutable_receipt() = (*earlier)->receipt();
    response.set_duplicate(true);
    for (const auto& w : checked.warnings) *response.add_warnings() = w;
    return response;
  }

  auto latest = store_->GetLatest(county, report.period(), report.school_code());
  if (!latest.ok()) return latest.status();
  if (latest->has_value() && (*latest)->content_hash() == content_hash) {
    // The clerk sent again what is already the latest version: nothing is stored twice.
    SubmitReportResponse response;
    *response.mutable_receipt() = **latest;
    response.set_duplicate(true);
    for (const auto& w : checked.warnings) *response.add_warnings() = w;
    return response;
  }
  const absl::Time now = clock_->Now();
  absl::Status window =
      CheckSubmissionWindow(*store_, county, report.period(), report.school_code(), now);
  if (!window.ok()) return window;
  absl::Status locked = CheckNotLocked(*store_, county, report.period(), report.school_code());
  if (!locked.ok()) return locked;
  const int64_t latest_version = latest->has_value() ? (*latest)->version() : 0;
  if (request.replaces_version() != latest_version) {
    return absl::AbortedError(absl::StrCat(
        "stale replacement: this submission replaces version ", request.replaces_version(),
        " but the latest stored version of ", report.school_code(), " / ", report.period(), " is ",
        latest_version, "; check it with `junheng show` and submit again with --replaces ",
        latest_version));
  }

  auto period = FindPeriod(*store_, county, report.period());
  if (!period.ok()) return period.status();
  Receipt receipt;
  receipt.set_county_code(county);
  receipt.set_school_code(report.school_code());
  receipt.set_period(report.period());
  receipt.set_version(latest_version + 1);
  receipt.set_server_time_unix_ms(absl::ToUnixMillis(now));
  receipt.set_server_time(FormatInstant(now));
  receipt.set_content_hash(content_hash);
  receipt.set_submission_id(request.submission_id());
  receipt.set_late(period->has_value() && absl::ToUnixMillis(now) > (*period)->deadline_unix_ms());
  receipt.set_submitter(request.submitter().empty() ? std::string(actor) : request.submitter());
  receipt.set_receipt_id(
      hash::Sha256Hex(absl::StrCat(county, "/", report.period(), "/", report.school_code(), "/",
                                   receipt.version(), "/", content_hash))
          .substr(0, 20));

  StoredReport stored;
  *stored.mutable_report() = report;
  *stored.mutable_receipt() = receipt;
  for (const auto& w : checked.warnings) *stored.add_warnings() = w;
  IdempotencyRecord idempotency;
  idempotency.set_content_hash(content_hash);
  *idempotency.mutable_receipt() = receipt;
  AuditEntry audit = MakeAudit(*clock_, actor, "report.accept",
                               absl::StrCat(county, "/", report.period(), "/", report.school_code(),
                                            "/v", receipt.version()),
                               report);
  audit.set_time_unix_ms(receipt.server_time_unix_ms());

  absl::Status written = store_->CommitReport(stored, idempotency, std::move(audit));
  if (!written.ok()) return written;

  SubmitReportResponse response;
  *response.mutable_receipt() = receipt;
  for (const auto& w : checked.warnings) *response.add_warnings() = w;
  return response;
}

}  // namespace junheng::server
