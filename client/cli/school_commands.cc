#include <ostream>

#include "absl/strings/str_format.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "common/catalog/fields.h"
#include "common/i18n/bureau_messages.h"
#include "common/io/message_codec.h"
#include "common/render/listing_tables.h"

namespace junheng::client {

using i18n::Say;
namespace msg = i18n::bureau;

int RunSchoolsImport(const Globals& g, const std::string& file, std::ostream& out,
                     std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "schools import", out, err);
  if (!format) return kExitUsage;
  if (g.county.empty()) {
    err << ErrorLine(Say(msg::kImportNeedsCounty));
    return kExitUsage;
  }
  auto schools = LoadSchools(file, g.county);
  if (!schools.ok()) return Fail(schools.status(), err);
  v1::UpsertSchoolsRequest request;
  request.set_county_code(g.county);
  for (auto& school : *schools) *request.add_schools() = std::move(school);
  auto response = Connect(g).Call(&v1::RegistryService::Stub::UpsertSchools, request);
  if (!response.ok()) return Fail(response.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*response, false) << "\n";
  } else {
    out << Say(msg::kRegistryImported, g.county, response->created(), response->updated(),
               response->unchanged())
        << "\n";
    for (const auto& warning : response->warnings()) {
      out << Say(msg::kRegistryWarning, warning) << "\n";
    }
  }
  return kExitOk;
}

int RunSchoolsList(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "schools list", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListSchoolsRequest request;
  request.set_county_code(g.county);
  auto response = Connect(g).Call(&v1::RegistryService::Stub::ListSchools, request);
  if (!response.ok()) return Fail(response.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*response) << "\n";
    return kExitOk;
  }
  table::Table t = render::RegistryTable(*response, g.county, *format != Format::kText);
  return Emit(g, *format, {&t}, out, err);
}

}  // namespace junheng::client
