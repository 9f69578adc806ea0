#include "server/reporting/registry.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/i18n/server_messages.h"
#include "common/validate/school_validator.h"
#include "google/protobuf/util/message_differencer.h"
#include "server/audit/audit_entry.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::School;

absl::StatusOr<junheng::v1::UpsertSchoolsResponse> UpsertSchools(
    storage::Store& store, const Clock& clock, const junheng::v1::UpsertSchoolsRequest& request,
    absl::string_view actor) {
  const std::string& county = request.county_code();
  absl::Status county_ok = validate::CheckCountyCode(county);
  if (!county_ok.ok()) return county_ok;
  std::vector<std::string> problems, warnings;
  std::set<std::string> codes;
  for (int i = 0; i < request.schools_size(); ++i) {
    School school = request.schools(i);
    if (school.county_code().empty()) school.set_county_code(county);
    validate::ValidationResult checked = validate::ValidateSchool(school, county);
    for (const auto& issue : checked.violations) {
      problems.push_back(i18n::Say(i18n::server::kImportProblem, i + 1, school.school_code(),
                                   validate::FormatIssue(issue)));
    }
    for (const auto& issue : checked.warnings) {
      warnings.push_back(i18n::Say(i18n::server::kImportSchool, school.school_code(),
                                   validate::FormatIssue(issue)));
    }
    if (!school.school_code().empty() && !codes.insert(school.school_code()).second) {
      problems.push_back(i18n::Say(i18n::server::kImportDuplicate, i + 1, school.school_code()));
    }
  }
  if (!problems.empty()) {
    return absl::InvalidArgumentError(
        i18n::Say(i18n::server::kImportRejected, absl::StrJoin(problems, "\n  ")));
  }

  junheng::v1::UpsertSchoolsResponse response;
  for (auto& w : warnings) response.add_warnings(std::move(w));
  storage::Change change(county);
  bool changed = false;
  for (School school : request.schools()) {
    if (school.county_code().empty()) school.set_county_code(county);
    if (school.ownership().empty()) school.set_ownership("public");
    auto existing = store.GetSchool(county, school.school_code());
    if (!existing.ok()) return existing.status();
    if (existing->has_value() &&
        google::protobuf::util::MessageDifferencer::Equals(**existing, school)) {
      response.set_unchanged(response.unchanged() + 1);
      continue;
    }
    change.PutSchool(school).Audit(
        MakeAudit(clock, actor, existing->has_value() ? "registry.update" : "registry.create",
                  absl::StrCat(county, "/", school.school_code()), school));
    if (existing->has_value()) {
      response.set_updated(response.updated() + 1);
    } else {
      response.set_created(response.created() + 1);
    }
    changed = true;
  }
  if (changed) {
    absl::Status written = store.Commit(std::move(change));
    if (!written.ok()) return written;
  }
  return response;
}

absl::StatusOr<junheng::v1::ListSchoolsResponse> ListSchools(
    const storage::Store& store, const junheng::v1::ListSchoolsRequest& request) {
  absl::Status status = storage::CheckCodes({{"county_code", request.county_code()}});
  if (!status.ok()) return status;
  auto schools = store.ListSchools(request.county_code());
  if (!schools.ok()) return schools.status();
  junheng::v1::ListSchoolsResponse response;
  for (auto& school : *schools) *response.add_schools() = std::move(school);
  return response;
}

absl::StatusOr<junheng::v1::School> GetSchool(const storage::Store& store,
                                              const junheng::v1::GetSchoolRequest& request) {
  absl::Status status = storage::CheckCodes(
      {{"county_code", request.county_code()}, {"school_code", request.school_code()}});
  if (!status.ok()) return status;
  auto school = store.GetSchool(request.county_code(), request.school_code());
  if (!school.ok()) return school.status();
  if (!school->has_value()) {
    return absl::NotFoundError(
        i18n::Say(i18n::server::kNotInRegistry, request.school_code(), request.county_code()));
  }
  return std::move(**school);
}

}  // namespace junheng::server
