#include <ostream>

#include "absl/strings/str_format.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/cli/registry_import.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "client/rpc/pages.h"
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
  Connection connection = Connect(g);
  auto response = ImportSchools(connection, g.county, *schools, ImportParts(), &err);
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
  request.set_page_size(kLargestPage);
  Connection connection = Connect(g);
  auto response = CallAllPages(connection, &v1::RegistryService::Stub::ListSchools, request);
  if (!response.ok()) return Fail(response.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*response) << "\n";
    return kExitOk;
  }
  table::Table t = render::RegistryTable(*response, g.county, *format != Format::kText);
  return Emit(g, *format, {&t}, out, err);
}

}  // namespace junheng::client
