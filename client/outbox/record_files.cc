#include "client/outbox/record_files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "common/i18n/outbox_messages.h"
#include "common/io/message_codec.h"

namespace junheng::client {

absl::StatusOr<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(i18n::Say(i18n::outbox::kCannotOpen, path, std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

absl::StatusOr<std::vector<junheng::v1::SchoolReport>> LoadReports(const std::string& path,
                                                                   const std::string& county) {
  auto text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  auto reports = io::DecodeRecords<junheng::v1::SchoolReport>(*text, io::DetectFormat(path, *text));
  if (!reports.ok()) {
    return absl::InvalidArgumentError(
        i18n::Say(i18n::outbox::kFileProblems, path, reports.status().message()));
  }
  if (reports->empty()) return absl::InvalidArgumentError(i18n::Say(i18n::outbox::kNoRows, path));
  for (auto& report : *reports) {
    if (report.county_code().empty()) report.set_county_code(county);
  }
  return reports;
}

absl::StatusOr<std::vector<junheng::v1::School>> LoadSchools(const std::string& path,
                                                             const std::string& county) {
  auto text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  auto schools = io::DecodeRecords<junheng::v1::School>(*text, io::DetectFormat(path, *text));
  if (!schools.ok()) {
    return absl::InvalidArgumentError(
        i18n::Say(i18n::outbox::kFileProblems, path, schools.status().message()));
  }
  for (auto& school : *schools) {
    if (school.county_code().empty()) school.set_county_code(county);
  }
  return schools;
}

}  // namespace junheng::client
