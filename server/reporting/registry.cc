#include "server/reporting/registry.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/i18n/server_messages.h"
#include "common/validate/school_validator.h"
#include "google/protobuf/util/message_differencer.h"
#include "server/audit/audit_entry.h"
#include "server/storage/codes.h"
#include "server/storage/page.h"

namespace junheng::server {

using junheng::v1::School;

absl::StatusOr<junheng::v1::UpsertSchoolsResponse> UpsertSchools(
    storage::Store& store, const Clock& clock, const junheng::v1::UpsertSchoolsRequest& request,
    absl::string_view actor) {
  const std::string& county = request.county_code();
  absl::Status county_ok = validate::CheckCountyCode(county);
  if (!county_ok.ok()) return county_ok;
  validate::RegistryImportCheck check = validate::CheckRegistryImport(request.schools(), county);
  if (!check.problems.empty()) {
    return absl::InvalidArgumentError(
        i18n::Say(i18n::server::kImportRejected, absl::StrJoin(check.problems, "\n  ")));
  }

  junheng::v1::UpsertSchoolsResponse response;
  for (auto& w : check.warnings) response.add_warnings(std::move(w));
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
  auto page = storage::Page::Of(request);
  if (!page.ok()) return page.status();
  auto schools = store.ListSchools(request.county_code(), page->after(), page->read_limit());
  if (!schools.ok()) return schools.status();
  junheng::v1::ListSchoolsResponse response;
  for (auto& school : *schools) {
    if (!page->Take(school)) break;
    *response.add_schools() = std::move(school);
  }
  if (!response.schools().empty()) {
    response.set_next_page_token(page->NextToken(response.schools().rbegin()->school_code()));
  }
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
