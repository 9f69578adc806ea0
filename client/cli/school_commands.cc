#include <ostream>

#include "absl/strings/str_format.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "common/io/message_codec.h"

namespace junheng::client {

int RunSchoolsImport(const Globals& g, const std::string& file, std::ostream& out,
                     std::ostream& err) {
  if (g.county.empty()) {
    err << "error: give --county 140430: the registry is imported into one county\n";
    return kExitUsage;
  }
  auto schools = LoadSchools(file, g.county);
  if (!schools.ok()) return Fail(schools.status(), err);
  v1::UpsertSchoolsRequest request;
  request.set_county_code(g.county);
  for (auto& school : *schools) *request.add_schools() = std::move(school);
  auto response = Connect(g).Call(&v1::RegistryService::Stub::UpsertSchools, request);
  if (!response.ok()) return Fail(response.status(), err);
  if (g.format == "json") {
    out << io::EncodeJson(*response, false) << "\n";
  } else {
    out << "registry of county " << g.county << ": " << response->created() << " created, "
        << response->updated() << " updated, " << response->unchanged() << " unchanged\n";
    for (const auto& warning : response->warnings()) out << "  warning: " << warning << "\n";
  }
  return kExitOk;
}

int RunSchoolsList(const Globals& g, std::ostream& out, std::ostream& err) {
  if (g.county.empty()) {
    err << "error: give --county 140430\n";
    return kExitUsage;
  }
  v1::ListSchoolsRequest request;
  request.set_county_code(g.county);
  auto response = Connect(g).Call(&v1::RegistryService::Stub::ListSchools, request);
  if (!response.ok()) return Fail(response.status(), err);
  if (g.format == "json") {
    out << io::EncodeJson(*response) << "\n";
    return kExitOk;
  }
  if (g.format == "csv") {
    std::vector<const google::protobuf::Message*> rows;
    for (const auto& s : response->schools()) rows.push_back(&s);
    out << io::EncodeCsv(rows);
    return kExitOk;
  }
  out << absl::StrFormat("%-12s %-16s %-7s %-6s %s\n", "school_code", "school_type", "target",
                         "locale", "school_name");
  for (const auto& s : response->schools()) {
    out << absl::StrFormat("%-12s %-16s %-7s %-6s %s\n", s.school_code(), s.school_type(),
                           s.has_target_year() ? absl::StrCat(s.target_year()) : "-", s.locale(),
                           s.school_name());
  }
  out << response->schools_size() << " schools in county " << g.county << "\n";
  return kExitOk;
}

}  // namespace junheng::client
