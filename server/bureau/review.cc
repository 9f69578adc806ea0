#include "server/bureau/review.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "common/time/time_text.h"
#include "server/audit/audit_entry.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::ReviewRecord;

absl::StatusOr<ReviewRecord> ReviewReport(storage::Store& store, const Clock& clock,
                                          const junheng::v1::ReviewReportRequest& request,
                                          absl::string_view actor) {
  absl::Status codes = storage::CheckCodes({{"county_code", request.county_code()},
                                            {"period", request.period()},
                                            {"school_code", request.school_code()}});
  if (!codes.ok()) return codes;
  const std::string& action = request.action();
  if (action != "accept" && action != "return" && action != "reopen") {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kBadAction, action));
  }
  if (action == "return" && request.comment().empty()) {
    return absl::InvalidArgumentError(i18n::Say(i18n::server::kReturnNeedsComment));
  }
  ReviewRecord record;
  absl::Status written = store.CompareAndCommit(
      [&](const storage::Store& current) -> absl::StatusOr<std::optional<storage::Change>> {
        auto latest =
            current.GetLatest(request.county_code(), request.period(), request.school_code());
        if (!latest.ok()) return latest.status();
        if (!latest->has_value()) {
          return absl::NotFoundError(
              i18n::Say(i18n::server::kNotReported, request.school_code(), request.period()));
        }
        const int64_t latest_version = (*latest)->version();
        if (request.version() != latest_version) {
          return absl::AbortedError(
              i18n::Say(i18n::server::kNotLatestVersion, request.version(), latest_version));
        }
        auto previous =
            current.GetReview(request.county_code(), request.period(), request.school_code());
        if (!previous.ok()) return previous.status();
        const bool accepted_now = previous->has_value() && (*previous)->state() == "accepted" &&
                                  (*previous)->version() == latest_version;
        if (action == "reopen" && !accepted_now) {
          return absl::FailedPreconditionError(i18n::Say(i18n::server::kOnlyAcceptedReopen));
        }
        if (action != "reopen" && accepted_now) {
          return absl::FailedPreconditionError(
              i18n::Say(i18n::server::kAlreadyAccepted, latest_version));
        }
        const absl::Time now = clock.Now();
        record.set_county_code(request.county_code());
        record.set_period(request.period());
        record.set_school_code(request.school_code());
        record.set_version(latest_version);
        record.set_state(action == "accept"   ? "accepted"
                         : action == "return" ? "returned"
                                              : "reopened");
        record.set_comment(request.comment());
        record.set_reviewer(request.reviewer().empty() ? std::string(actor) : request.reviewer());
        record.set_time_unix_ms(absl::ToUnixMillis(now));
        record.set_time(FormatInstant(now));
        storage::Change change(request.county_code());
        change.PutReview(record).Audit(
            MakeAudit(clock, record.reviewer(), absl::StrCat("review.", action),
                      absl::StrCat(request.county_code(), "/", request.period(), "/",
                                   request.school_code(), "/v", latest_version),
                      record));
        return change;
      });
  if (!written.ok()) return written;
  return record;
}

absl::Status CheckNotLocked(const storage::Store& store, absl::string_view county,
                            absl::string_view period, absl::string_view school) {
  auto review = store.GetReview(county, period, school);
  if (!review.ok()) return review.status();
  if (review->has_value() && (*review)->state() == "accepted") {
    return absl::FailedPreconditionError(
        i18n::Say(i18n::server::kLocked, (*review)->version(), (*review)->time()));
  }
  return absl::OkStatus();
}

}  // namespace junheng::server
