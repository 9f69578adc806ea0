#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace junheng::storage {

// Key encoding, internal to server/storage: only store.cc (and the storage module's own tests)
// include this; every other module reads and writes through Store's typed operations.
//
// Every key leads with the county, so one county is a contiguous range in every
// column family and sharding by county is a routing change. Parts are joined with '/', which the
// validator never admits inside a code (validate::IsValidCode), so keys parse unambiguously.
// Versions are zero-padded to 12 digits so that byte order is version order.

std::string RegistryKey(absl::string_view county, absl::string_view school);
std::string RegistryPrefix(absl::string_view county);

std::string VersionKey(absl::string_view county, absl::string_view period, absl::string_view school,
                       int64_t version);
std::string VersionPrefix(absl::string_view county, absl::string_view period,
                          absl::string_view school);

std::string LatestKey(absl::string_view county, absl::string_view period, absl::string_view school);
std::string LatestPrefix(absl::string_view county, absl::string_view period);
std::string LatestPrefix(absl::string_view county);

std::string IdempotencyKey(absl::string_view county, absl::string_view submission_id);

std::string AuditKey(absl::string_view county, int64_t seq);
std::string AuditPrefix(absl::string_view county);

// Bureau records.
std::string PeriodKey(absl::string_view county, absl::string_view period);
std::string PeriodPrefix(absl::string_view county);
std::string ExceptionKey(absl::string_view county, absl::string_view period,
                         absl::string_view school);
std::string ReviewKey(absl::string_view county, absl::string_view period, absl::string_view school);
std::string ReviewPrefix(absl::string_view county, absl::string_view period);
std::string FactsKey(absl::string_view county, absl::string_view period, int64_t version);
std::string FactsPrefix(absl::string_view county, absl::string_view period);
std::string SnapshotKey(absl::string_view county, absl::string_view period, int64_t seq);
std::string SnapshotPrefix(absl::string_view county, absl::string_view period);
std::string ScheduleKey(absl::string_view county, absl::string_view period,
                        absl::string_view trigger);

// Credentials: county/token id.
std::string TokenKey(absl::string_view county, absl::string_view token_id);
std::string TokenPrefix(absl::string_view county);

// Web console: county/e/<sha256 of the enrolment code>, county/s/<sha256 of the session cookie>.
std::string EnrolmentKey(absl::string_view county, absl::string_view code_sha256_hex);
std::string SessionKey(absl::string_view county, absl::string_view session_sha256_hex);

// The region registry: by region code alone (a region is above every county).
std::string RegionKey(absl::string_view code);
}  // namespace junheng::storage
