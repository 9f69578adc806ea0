#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "junheng/v1/security.pb.h"
#include "junheng/v1/storage.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The auditor's view of a county's audit log (AuditService).

// Whether `entry` passes `request`'s filters: school, a '/'-separated segment of the target;
// actor, a substring; from/to, inclusive server times. Empty or 0 filters pass everything.
bool MatchesAuditFilters(const junheng::v1::AuditEntry& entry,
                         const junheng::v1::ListAuditRequest& request);

// A page of the county's audit entries that pass the filters, newest first (storage/page.h:
// `limit` is the page size, the page token names the page's oldest entry), and in `matched` how
// many entries of the whole log pass them, on every page. INVALID_ARGUMENT for a bad county code,
// limit or page token.
[[nodiscard]] absl::StatusOr<junheng::v1::ListAuditResponse> ListAudit(
    const storage::Store& store, const junheng::v1::ListAuditRequest& request);

// Walks the county's chain (storage/audit_chain.h): intact = false names the first broken link
// (seq and why); the head is the last entry's seq and hash.
[[nodiscard]] absl::StatusOr<junheng::v1::VerifyAuditResponse> VerifyAudit(
    const storage::Store& store, const junheng::v1::VerifyAuditRequest& request);

}  // namespace junheng::server
