#include "server/bureau/periods.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "common/time/time_text.h"
#include "common/validate/validation_result.h"
#include "server/audit/audit_entry.h"
#include "server/storage/codes.h"

namespace junheng::server {
namespace {

using junheng::v1::ReportingPeriod;
using junheng::v1::SubmissionException;

absl::Status CheckCodes(absl::string_view county, absl::string_view period) {
  absl::Status county_ok = validate::CheckCountyCode(county);
  if (!county_ok.ok()) return county_ok;
  if (!validate::IsValidCode(period)) {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kBadPeriodLabel, period));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ReportingPeriod> DefinePeriod(storage::Store& store, const Clock& clock,
                                             const ReportingPeriod& requested,
                                             absl::string_view actor) {
  absl::Status codes = CheckCodes(requested.county_code(), requested.period());
  if (!codes.ok()) return codes;
  if (!(requested.opens_unix_ms() < requested.deadline_unix_ms() &&
        requested.deadline_unix_ms() <= requested.closes_unix_ms())) {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kPeriodOrder));
  }
  ReportingPeriod period = requested;
  period.set_opens(FormatInstant(absl::FromUnixMillis(period.opens_unix_ms())));
  period.set_deadline(FormatInstant(absl::FromUnixMillis(period.deadline_unix_ms())));
  period.set_closes(FormatInstant(absl::FromUnixMillis(period.closes_unix_ms())));
  period.set_defined_by(std::string(actor));
  period.set_defined_at_unix_ms(absl::ToUnixMillis(clock.Now()));
  absl::Status written = store.Commit(
      storage::Change(period.county_code())
          .PutPeriod(period)
          .Audit(MakeAudit(clock, actor, "period.define",
                           absl::StrCat(period.county_code(), "/", period.period()), period)));
  if (!written.ok()) return written;
  return period;
}

absl::StatusOr<junheng::v1::ListPeriodsResponse> ListPeriods(
    const storage::Store& store, const junheng::v1::ListPeriodsRequest& request) {
  absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()}});
  if (!codes.ok()) return codes;
  auto periods = store.ListPeriods(request.county_code());
  if (!periods.ok()) return periods.status();
  auto reported = store.CountReportedPeriods(request.county_code());
  if (!reported.ok()) return reported.status();
  junheng::v1::ListPeriodsResponse response;
  std::set<std::string> defined;
  for (auto& p : *periods) {
    defined.insert(p.period());
    *response.add_periods() = std::move(p);
  }
  for (const auto& [label, schools] : *reported) {
    junheng::v1::ReportedPeriod* r = response.add_reported();
    r->set_period(label);
    r->set_schools_reported(schools);
    r->set_defined(defined.contains(label));
  }
  return response;
}

absl::StatusOr<SubmissionException> GrantException(storage::Store& store, const Clock& clock,
                                                   const SubmissionException& requested,
                                                   absl::string_view actor) {
  absl::Status codes = CheckCodes(requested.county_code(), requested.period());
  if (!codes.ok()) return codes;
  auto period = store.GetPeriod(requested.county_code(), requested.period());
  if (!period.ok()) return period.status();
  if (!period->has_value()) {
    return absl::NotFoundError(
        i18n::Say(i18n::server::kPeriodNotDefined, requested.period(), requested.county_code()));
  }
  auto school = store.GetSchool(requested.county_code(), requested.school_code());
  if (!school.ok()) return school.status();
  if (!school->has_value()) {
    return absl::NotFoundError(i18n::Say(i18n::server::kSchoolNotRegistered,
                                         requested.school_code(), requested.county_code()));
  }
  const absl::Time now = clock.Now();
  if (absl::FromUnixMillis(requested.expires_unix_ms()) <= now) {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kExpiryInPast));
  }
  SubmissionException exception = requested;
  exception.set_expires(FormatInstant(absl::FromUnixMillis(exception.expires_unix_ms())));
  exception.set_granted_by(std::string(actor));
  exception.set_granted_at_unix_ms(absl::ToUnixMillis(now));
  absl::Status written = store.Commit(
      storage::Change(exception.county_code())
          .PutException(exception)
          .Audit(MakeAudit(clock, actor, "period.exception",
                           absl::StrCat(exception.county_code(), "/", exception.period(), "/",
                                        exception.school_code()),
                           exception)));
  if (!written.ok()) return written;
  return exception;
}

absl::Status CheckSubmissionWindow(const storage::Store& store, absl::string_view county,
                                   absl::string_view period, absl::string_view school,
                                   absl::Time now) {
  auto window = store.GetPeriod(county, period);
  if (!window.ok()) return window.status();
  if (!window->has_value()) return absl::OkStatus();
  const ReportingPeriod& p = **window;
  const bool before = now < absl::FromUnixMillis(p.opens_unix_ms());
  const bool after = now > absl::FromUnixMillis(p.closes_unix_ms());
  if (!before && !after) return absl::OkStatus();
  auto exception = store.GetException(county, period, school);
  if (!exception.ok()) return exception.status();
  if (exception->has_value() && now < absl::FromUnixMillis((*exception)->expires_unix_ms())) {
    return absl::OkStatus();
  }
  if (before) {
    return absl::FailedPreconditionError(i18n::Say(i18n::server::kNotOpenYet, period, p.opens()));
  }
  return absl::FailedPreconditionError(i18n::Say(i18n::server::kClosed, period, p.closes()));
}

}  // namespace junheng::server
