#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "junheng/v1/services.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// Inserts or updates registry rows of one county. The whole request is validated first
// (validate::CheckRegistryImport); any violation rejects all of it (INVALID_ARGUMENT listing every
// row's problems) and nothing is written. Unchanged rows are counted and not rewritten.
[[nodiscard]] absl::StatusOr<junheng::v1::UpsertSchoolsResponse> UpsertSchools(
    storage::Store& store, const Clock& clock, const junheng::v1::UpsertSchoolsRequest& request,
    absl::string_view actor);

// A page of the county's schools by code (storage/page.h). INVALID_ARGUMENT for a bad county
// code, page size or page token.
[[nodiscard]] absl::StatusOr<junheng::v1::ListSchoolsResponse> ListSchools(
    const storage::Store& store, const junheng::v1::ListSchoolsRequest& request);

// One registry entry; NOT_FOUND when the county's registry has no such school.
[[nodiscard]] absl::StatusOr<junheng::v1::School> GetSchool(
    const storage::Store& store, const junheng::v1::GetSchoolRequest& request);

}  // namespace junheng::server
