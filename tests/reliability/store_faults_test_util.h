#pragma once

#include <string>

#include "absl/status/status.h"
#include "junheng/v1/storage.pb.h"
#include "server/storage/store.h"

namespace junheng::testing {

// A stored report version of `school` with content derived from (school, version), as
// ReportIntake would commit it.
inline junheng::v1::StoredReport MakeVersion(const std::string& school, int64_t version) {
  junheng::v1::StoredReport stored;
  stored.mutable_report()->set_school_code(school);
  stored.mutable_report()->set_period("2024");
  stored.mutable_report()->set_county_code("140430");
  stored.mutable_report()->set_primary_students(static_cast<int32_t>(100 + version));
  auto* r = stored.mutable_receipt();
  r->set_county_code("140430");
  r->set_school_code(school);
  r->set_period("2024");
  r->set_version(version);
  r->set_submission_id(school + "-v" + std::to_string(version));
  r->set_content_hash("hash-" + school + "-" + std::to_string(version));
  r->set_receipt_id("r-" + school + "-" + std::to_string(version));
  return stored;
}

inline absl::Status Commit(storage::Store& store, const junheng::v1::StoredReport& stored) {
  junheng::v1::IdempotencyRecord record;
  record.set_content_hash(stored.receipt().content_hash());
  *record.mutable_receipt() = stored.receipt();
  junheng::v1::AuditEntry audit;
  audit.set_action("report.accept");
  return store.CommitReport(stored, record, audit);
}

}  // namespace junheng::testing
