// `junheng template`: the file a clerk fills in for one school and period.
#include <ostream>

#include "absl/strings/str_cat.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "common/catalog/catalog.h"
#include "common/catalog/fields.h"
#include "common/i18n/client_messages.h"
#include "common/io/message_codec.h"
#include "common/render/report_sheet.h"
#include "common/validate/report_validator.h"

namespace junheng::client {
namespace {

using i18n::Say;
using v1::SchoolReport;
namespace msg = i18n::client;

// A school type by its stored word or its Chinese name.
const catalog::Word* FindSchoolType(absl::string_view text) {
  for (const catalog::Word& word : catalog::kSchoolTypeWords) {
    if (word.word == text || word.label_zh == text) return &word;
  }
  return nullptr;
}

// A school type as the reader calls it: 小学, or the stored word (primary) in English.
std::string TypeName(const catalog::Word& type) {
  return std::string(i18n::CurrentLang() == i18n::Lang::kEn ? type.word : type.label_zh);
}

// Every applicable key, null where the template leaves the value to the clerk.
std::string TemplateJson(const SchoolReport& report, catalog::SectionSet sections) {
  std::string out = "{\n";
  bool first = true;
  for (const catalog::Field<SchoolReport>* field : catalog::report::kAll) {
    if (!field->AppliesTo(sections)) continue;
    std::string cell = io::CellText(report, *field);
    bool quoted = field->kind == catalog::Kind::kText || field->kind == catalog::Kind::kWord;
    std::string value = cell.empty() ? "null" : quoted ? absl::StrCat("\"", cell, "\"") : cell;
    absl::StrAppend(&out, first ? "" : ",\n", "  \"", field->name, "\": ", value);
    first = false;
  }
  return out + "\n}\n";
}

}  // namespace

int RunTemplate(const Globals& g, const TemplateArgs& args, std::ostream& out, std::ostream& err) {
  if (!validate::IsValidCode(args.school) || !validate::IsValidCode(args.period)) {
    err << ErrorLine(Say(msg::kTemplateNeedsCodes));
    return kExitUsage;
  }
  OutputOptions output = OutputOf(g);
  // xlsx by default, into a file named after the school and period.
  if (output.format.empty() && output.path.empty()) {
    output.path = absl::StrCat(args.school, "-", args.period, ".xlsx");
  }
  absl::StatusOr<Format> format =
      ChooseFormat(output, {Format::kXlsx, Format::kCsv, Format::kJson}, "template", out);
  if (!format.ok()) {
    err << ErrorLine(format.status().message());
    return kExitUsage;
  }

  SchoolReport report;
  report.set_school_code(args.school);
  report.set_period(args.period);
  report.set_county_code(g.county);
  catalog::SectionSet sections = catalog::kEverySection;
  std::string type_name;
  if (!args.school_type.empty()) {
    const catalog::Word* type = FindSchoolType(args.school_type);
    if (type == nullptr) {
      err << ErrorLine(Say(msg::kNotASchoolType, args.school_type,
                           catalog::WordList(catalog::school::school_type, ", ")));
      return kExitUsage;
    }
    sections = type->sections;
    type_name = TypeName(*type);
  } else if (!g.county.empty()) {
    v1::GetSchoolRequest request;
    request.set_county_code(g.county);
    request.set_school_code(args.school);
    auto school = Connect(g).Call(&v1::RegistryService::Stub::GetSchool, request);
    if (school.ok()) {
      const catalog::Word* type = FindSchoolType(school->school_type());
      if (type != nullptr) {
        sections = type->sections;
        type_name = TypeName(*type);
      }
    } else if (absl::IsNotFound(school.status())) {
      return Fail(school.status(), err);
    } else {
      err << Say(msg::kTypeNotAsked, school.status().message()) << "\n";
    }
  }
  if (args.from_latest) {
    if (!NeedCounty(g, err)) return kExitUsage;
    v1::GetReportRequest request;
    request.set_county_code(g.county);
    request.set_school_code(args.school);
    request.set_period(args.period);
    auto stored = Connect(g).Call(&v1::ReportingService::Stub::GetReport, request);
    if (stored.ok()) {
      report = stored->report();
    } else if (absl::IsNotFound(stored.status())) {
      err << Say(msg::kNothingToFillIn, args.school, args.period) << "\n";
    } else {
      return Fail(stored.status(), err);
    }
  }

  table::Table sheet = render::ReportTable({&report}, sections);
  absl::Status written;
  switch (*format) {
    case Format::kXlsx:
      written = WriteXlsx(
          output,
          [&](const std::string& path) { return render::WriteReportWorkbook(sheet, 0, path); },
          out);
      break;
    case Format::kCsv:
      written = WriteText(output, table::RenderCsv(sheet), out);
      break;
    default:
      written = WriteText(output, TemplateJson(report, sections), out);
      break;
  }
  if (!written.ok()) return Fail(written, err);
  if (!output.path.empty()) {
    out << Say(type_name.empty() ? msg::kTemplateWritten : msg::kTemplateWrittenForType,
               output.path, sheet.columns.size(), args.school, args.period, type_name)
        << "\n";
  }
  return kExitOk;
}

}  // namespace junheng::client
