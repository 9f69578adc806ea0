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
  // The registry as the file `schools import` reads back: every catalogue column, words by
  // their Chinese names, under a label row and a field-name row.
  table::Table t;
  t.title = *format == Format::kText ? Say(msg::kRegistryTitle, g.county) : "";
  t.sheet_name = "学校名册";
  t.key_row = *format != Format::kText;
  const bool all_columns = *format != Format::kText;
  std::vector<const catalog::Field<v1::School>*> fields;
  for (const catalog::Field<v1::School>* field : catalog::school::kAll) {
    bool brief = field == &catalog::school::school_code || field == &catalog::school::school_name ||
                 field == &catalog::school::school_type || field == &catalog::school::locale ||
                 field == &catalog::school::target_year;
    if (!all_columns && !brief) continue;
    fields.push_back(field);
    t.columns.push_back({std::string(field->name), field->DisplayLabel(),
                         field->kind == catalog::Kind::kYear ? 0 : -1});
  }
  for (const auto& school : response->schools()) {
    std::vector<table::Cell> row;
    for (const catalog::Field<v1::School>* field : fields) {
      if (field->kind == catalog::Kind::kYear) {
        row.push_back(table::Cell::Of(field->Number(school)));
      } else if (field->kind == catalog::Kind::kYesNo) {
        std::optional<bool> flag = field->Flag(school);
        row.push_back(table::Cell::Of(!flag ? "" : *flag ? "是" : "否"));
      } else {
        const catalog::Word* word = field->FindWord(field->Text(school));
        row.push_back(table::Cell::Of(std::string(word ? word->label_zh : field->Text(school))));
      }
    }
    t.AddRow(std::move(row));
  }
  if (*format == Format::kText) {
    t.notes.push_back(Say(msg::kSchoolsCount, g.county, response->schools_size()));
  }
  return Emit(g, *format, {&t}, out, err);
}

}  // namespace junheng::client
