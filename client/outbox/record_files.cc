#include "client/outbox/record_files.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/i18n/outbox_messages.h"
#include "common/io/message_codec.h"

namespace junheng::client {
namespace {

// The records of the file, with a refusal of its contents prefixed by the path.
template <typename M>
absl::StatusOr<std::vector<M>> Load(const std::string& path,
                                    std::set<std::string>* without_column = nullptr) {
  absl::StatusOr<io::TableFile> file = io::ReadTableFile(path);
  if (!file.ok()) return file.status();
  if (without_column != nullptr) {
    *without_column = io::FieldsWithoutColumn(*file, M::default_instance());
  }
  absl::StatusOr<std::vector<M>> records = io::DecodeRecords<M>(*file);
  if (absl::IsInvalidArgument(records.status())) {
    return absl::InvalidArgumentError(
        i18n::Say(i18n::outbox::kFileProblems, path, records.status().message()));
  }
  return records;
}

}  // namespace

absl::StatusOr<std::vector<junheng::v1::SchoolReport>> LoadReports(
    const std::string& path, const std::string& county, std::set<std::string>* without_column) {
  auto reports = Load<junheng::v1::SchoolReport>(path, without_column);
  if (!reports.ok()) return reports.status();
  if (reports->empty()) return absl::InvalidArgumentError(i18n::Say(i18n::outbox::kNoRows, path));
  for (auto& report : *reports) {
    if (report.county_code().empty()) report.set_county_code(county);
  }
  return reports;
}

absl::StatusOr<std::vector<junheng::v1::School>> LoadSchools(const std::string& path,
                                                             const std::string& county) {
  auto schools = Load<junheng::v1::School>(path);
  if (!schools.ok()) return schools.status();
  for (auto& school : *schools) {
    if (school.county_code().empty()) school.set_county_code(county);
  }
  return schools;
}

absl::StatusOr<junheng::v1::CountyFacts> LoadCountyFacts(const std::string& path,
                                                         const std::string& county) {
  auto facts = Load<junheng::v1::CountyFacts>(path);
  if (!facts.ok()) return facts.status();
  if (facts->size() != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " holds ", facts->size(),
                     " records; county facts are one record per county and period"));
  }
  junheng::v1::CountyFacts& f = facts->front();
  if (f.county_code().empty()) f.set_county_code(county);
  return std::move(f);
}

}  // namespace junheng::client
