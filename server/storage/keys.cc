#include "server/storage/keys.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace junheng::storage {

std::string RegistryKey(absl::string_view county, absl::string_view school) {
  return absl::StrCat(county, "/", school);
}

std::string RegistryPrefix(absl::string_view county) { return absl::StrCat(county, "/"); }

std::string VersionKey(absl::string_view county, absl::string_view period, absl::string_view school,
                       int64_t version) {
  return absl::StrCat(VersionPrefix(county, period, school), absl::StrFormat("%012d", version));
}

std::string VersionPrefix(absl::string_view county, absl::string_view period,
                          absl::string_view school) {
  return absl::StrCat(county, "/", period, "/", school, "/");
}

std::string LatestKey(absl::string_view county, absl::string_view period,
                      absl::string_view school) {
  return absl::StrCat(county, "/", period, "/", school);
}

std::string LatestPrefix(absl::string_view county, absl::string_view period) {
  return absl::StrCat(county, "/", period, "/");
}

std::string LatestPrefix(absl::string_view county) { return absl::StrCat(county, "/"); }

std::string IdempotencyKey(absl::string_view county, absl::string_view submission_id) {
  return absl::StrCat(county, "/", submission_id);
}

std::string AuditKey(absl::string_view county, int64_t seq) {
  return absl::StrCat(county, "/", absl::StrFormat("%020d", seq));
}

std::string AuditPrefix(absl::string_view county) { return absl::StrCat(county, "/"); }

std::string PeriodKey(absl::string_view county, absl::string_view period) {
  return absl::StrCat(county, "/", period);
}

std::string PeriodPrefix(absl::string_view county) { return absl::StrCat(county, "/"); }

std::string ExceptionKey(absl::string_view county, absl::string_view period,
                         absl::string_view school) {
  return absl::StrCat(county, "/", period, "/", school);
}

std::string ReviewKey(absl::string_view county, absl::string_view period,
                      absl::string_view school) {
  return absl::StrCat(county, "/", period, "/", school);
}

std::string ReviewPrefix(absl::string_view county, absl::string_view period) {
  return absl::StrCat(county, "/", period, "/");
}

std::string FactsKey(absl::string_view county, absl::string_view period, int64_t version) {
  return absl::StrCat(FactsPrefix(county, period), absl::StrFormat("%012d", version));
}

std::string FactsPrefix(absl::string_view county, absl::string_view period) {
  return absl::StrCat(county, "/", period, "/");
}

std::string SnapshotKey(absl::string_view county, absl::string_view period, int64_t seq) {
  return absl::StrCat(SnapshotPrefix(county, period), absl::StrFormat("%012d", seq));
}

std::string SnapshotPrefix(absl::string_view county, absl::string_view period) {
  return absl::StrCat(county, "/", period, "/");
}

std::string TokenKey(absl::string_view county, absl::string_view token_id) {
  return absl::StrCat(county, "/", token_id);
}

std::string TokenPrefix(absl::string_view county) { return absl::StrCat(county, "/"); }

std::string EnrolmentKey(absl::string_view county, absl::string_view code_sha256_hex) {
  return absl::StrCat(county, "/e/", code_sha256_hex);
}

std::string SessionKey(absl::string_view county, absl::string_view session_sha256_hex) {
  return absl::StrCat(county, "/s/", session_sha256_hex);
}

std::string ScheduleKey(absl::string_view county, absl::string_view period,
                        absl::string_view trigger) {
  return absl::StrCat(county, "/", period, "/", trigger);
}

std::string RegionKey(absl::string_view code) { return std::string(code); }

}  // namespace junheng::storage
