#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "junheng/v1/security.pb.h"
#include "junheng/v1/storage.pb.h"
#include "server/storage/store.h"

namespace junheng::server {

// The auditor's view of a county's audit log (AuditService).

// The entries of `entries` that pass `request`'s filters (school: a '/'-separated segment of the
// target; actor: a substring; from/to: inclusive server times), and how many matched; at most
// `limit` (0: 1000) of the newest are returned, oldest first.
junheng::v1::ListAuditResponse FilterAudit(const std::vector<junheng::v1::AuditEntry>& entries,
                                           const junheng::v1::ListAuditRequest& request);

// FilterAudit over the county's stored log. INVALID_ARGUMENT for a bad county code.
[[nodiscard]] absl::StatusOr<junheng::v1::ListAuditResponse> ListAudit(
    const storage::Store& store, const junheng::v1::ListAuditRequest& request);

// Walks the county's chain (storage/audit_chain.h): intact = false names the first broken link
// (seq and why); the head is the last entry's seq and hash.
[[nodiscard]] absl::StatusOr<junheng::v1::VerifyAuditResponse> VerifyAudit(
    const storage::Store& store, const junheng::v1::VerifyAuditRequest& request);

}  // namespace junheng::server
