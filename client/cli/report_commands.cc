#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/outbox/outbox.h"
#include "client/outbox/outbox_delivery.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "client/rpc/pages.h"
#include "client/rpc/submission_id.h"
#include "common/catalog/catalog.h"
#include "common/i18n/client_messages.h"
#include "common/i18n/message.h"
#include "common/i18n/validation_messages.h"
#include "common/io/csv_table.h"
#include "common/io/message_codec.h"
#include "common/render/report_sheet.h"
#include "common/render/submission_table.h"
#include "common/validate/report_validator.h"

namespace junheng::client {
namespace {

using i18n::Say;
using junheng::v1::Receipt;
using junheng::v1::SchoolReport;
namespace msg = i18n::client;

void PrintIssues(absl::string_view heading,
                 const google::protobuf::RepeatedPtrField<v1::FieldIssue>& issues,
                 std::ostream& out) {
  // An empty needed field is on the receipt's "incomplete" line already, all in one line.
  auto shown = [](const v1::FieldIssue& issue) {
    return issue.rule_id() != i18n::validation::kNeededField.id;
  };
  if (std::none_of(issues.begin(), issues.end(), shown)) return;
  out << heading << "\n";
  for (const auto& issue : issues) {
    if (shown(issue)) out << "  " << validate::FormatIssue(issue) << "\n";
  }
}

// The school as a clerk recognises it: its code, and its registered name when known.
std::string SchoolText(absl::string_view code, absl::string_view name) {
  return name.empty() ? std::string(code) : absl::StrCat(code, " ", name);
}

void PrintReceipt(const Receipt& r, absl::string_view school_name, std::ostream& out) {
  out << Say(msg::kReceiptLine, SchoolText(r.school_code(), school_name), r.period(), r.version(),
             r.receipt_id())
      << "\n";
  out << Say(msg::kReceivedLine, r.server_time(), r.submitter(), r.content_hash().substr(0, 16))
      << "\n";
  if (r.late()) out << Say(msg::kLateLine) << "\n";
  if (r.missing_fields_size() > 0) {
    out << Say(msg::kIncompleteLine, r.missing_fields_size(),
               absl::StrJoin(r.missing_fields(), ", "))
        << "\n";
  }
}

// The school's registered name, for the heading of `show`; empty when it cannot be asked.
std::string SchoolName(Connection& connection, const std::string& county,
                       const std::string& school) {
  v1::GetSchoolRequest request;
  request.set_county_code(county);
  request.set_school_code(school);
  auto found = connection.Call(&v1::RegistryService::Stub::GetSchool, request);
  return found.ok() ? found->school_name() : "";
}

void PrintReportFields(const SchoolReport& report, std::ostream& out) {
  for (const catalog::Field<SchoolReport>* field : catalog::report::kAll) {
    std::string cell = io::CellText(report, *field);
    if (cell.empty()) continue;
    out << absl::StrFormat("  %-30s %-14s %s\n", field->name, cell, field->DisplayLabel());
  }
}

}  // namespace

int RunValidate(const Globals& g, const ValidateArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "validate", out, err);
  if (!format) return kExitUsage;
  std::set<std::string> without_column;
  auto reports = LoadReports(args.file, g.county, &without_column);
  if (!reports.ok()) return Fail(reports.status(), err);
  std::map<std::string, v1::School> registry;
  if (!args.schools_file.empty()) {
    auto schools = LoadSchools(args.schools_file, g.county);
    if (!schools.ok()) return Fail(schools.status(), err);
    for (auto& s : *schools) registry[s.school_code()] = s;
  }
  int invalid = 0;
  for (const auto& report : *reports) {
    validate::ValidationResult result;
    if (args.schools_file.empty()) {
      result = validate::ValidateReportContent(report);
    } else {
      auto it = registry.find(report.school_code());
      result = validate::ValidateReport(report, report.county_code(),
                                        it == registry.end() ? nullptr : &it->second);
    }
    auto known = registry.find(report.school_code());
    const std::string school = SchoolText(
        report.school_code(), known == registry.end() ? "" : known->second.school_name());
    int empty = 0;
    for (const auto& w : result.warnings) empty += w.rule_id() == i18n::validation::kNeededField.id;
    out << (!result.ok() ? Say(msg::kInvalid, school, report.period())
            : empty > 0  ? Say(msg::kValidIncomplete, school, report.period(), empty)
                         : Say(msg::kValid, school, report.period()))
        << "\n";
    for (const auto& v : result.violations) {
      out << Say(msg::kIssueError, validate::FormatIssue(v)) << "\n";
    }
    // A needed field the file has no column for is a missing column, not an empty cell.
    std::vector<std::string> no_column;
    for (const auto& w : result.warnings) {
      if (w.rule_id() == i18n::validation::kNeededField.id && without_column.contains(w.field())) {
        no_column.push_back(w.field());
      } else {
        out << Say(msg::kIssueWarning, validate::FormatIssue(w)) << "\n";
      }
    }
    if (!no_column.empty()) {
      out << Say(msg::kIssueWarning, Say(msg::kNoColumns, absl::StrJoin(no_column, ", "))) << "\n";
    }
    if (!result.ok()) ++invalid;
  }
  if (invalid > 0) {
    err << Say(msg::kInvalidCount, invalid, reports->size()) << "\n";
    return kExitRejected;
  }
  return kExitOk;
}

int RunSubmit(const Globals& g, const SubmitArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "submit", out, err);
  if (!format) return kExitUsage;
  std::set<std::string> without_column;
  auto reports = LoadReports(args.file, g.county, &without_column);
  if (!reports.ok()) return Fail(reports.status(), err);
  std::set<std::string> no_column;
  for (const auto& report : *reports) {
    for (const std::string& field : validate::MissingFields(report, nullptr)) {
      if (without_column.contains(field)) no_column.insert(field);
    }
  }
  if (!no_column.empty()) {
    err << Say(msg::kIssueWarning, Say(msg::kNoColumns, absl::StrJoin(no_column, ", "))) << "\n";
  }
  for (const auto& report : *reports) {
    if (report.county_code().empty()) {
      err << ErrorLine(Say(msg::kFileNoCounty, args.file));
      return kExitUsage;
    }
  }
  if (args.replaces >= 0 && reports->size() != 1) {
    err << ErrorLine(Say(msg::kReplacesOneReport, args.file, reports->size()));
    return kExitUsage;
  }
  // The same checks the server makes, before anything is sent: a clerk sees every problem at once.
  int invalid = 0;
  for (const auto& report : *reports) {
    validate::ValidationResult checked = validate::ValidateReportContent(report);
    if (checked.ok()) continue;
    ++invalid;
    err << validate::ToStatus(checked, Say(i18n::validation::kReportSubject, report.school_code(),
                                           report.period()))
               .message()
        << "\n";
  }
  if (invalid > 0) {
    err << Say(msg::kNothingSubmitted) << "\n";
    return kExitRejected;
  }

  // Every report is first kept in the durable outbox with its submission id and the version it
  // replaces, then sent (issue 5): an unreachable server loses nothing.
  auto outbox = OpenOutbox(g);
  if (!outbox.ok()) return Fail(outbox.status(), err);
  Connection connection = Connect(g);
  bool reachable = true;
  std::set<std::string> mine, answered;
  const int64_t order = absl::ToUnixMicros(absl::Now());
  std::vector<int64_t> replaces(reports->size(), args.replaces);
  if (args.replaces < 0) {
    auto chosen =
        ChooseReplacesVersions(*outbox, reachable ? &connection : nullptr, *reports, &reachable);
    if (!chosen.ok()) return Fail(chosen.status(), err);
    replaces = *std::move(chosen);
  }
  std::vector<v1::OutboxItem> items;
  items.reserve(reports->size());
  for (size_t i = 0; i < reports->size(); ++i) {
    const SchoolReport& report = (*reports)[i];
    auto item = NewOutboxItem(*outbox, nullptr, report, NewSubmissionId(), replaces[i], g.submitter,
                              args.file, order + static_cast<int64_t>(i), &reachable);
    if (!item.ok()) return Fail(item.status(), err);
    mine.insert(item->request().submission_id());
    items.push_back(*std::move(item));
  }
  if (absl::Status added = outbox->AddAll(items); !added.ok()) {
    const SchoolReport& first = items.front().request().report();
    err << ErrorLine(
        Say(msg::kCannotKeep, first.school_code(), first.period(), outbox->dir(), added.message()));
    return kExitRejected;
  }

  int worst = kExitOk;
  int earlier_delivered = 0;
  auto on_result = [&](const v1::OutboxItem& item, const DeliveryResult& result) {
    const SchoolReport& report = item.request().report();
    if (!mine.contains(item.request().submission_id())) {
      if (result.delivery == Delivery::kDelivered) ++earlier_delivered;
      return;
    }
    if (result.delivery == Delivery::kRetryLater) return;
    answered.insert(item.request().submission_id());
    if (result.delivery == Delivery::kRejected) {
      err << Say(msg::kRejected, report.school_code(), report.period(), result.status.message())
          << "\n";
      worst = std::max(worst, static_cast<int>(kExitRejected));
      return;
    }
    if (*format == Format::kJson) {
      out << io::EncodeJson(result.response, /*pretty=*/false) << "\n";
      return;
    }
    out << Say(result.response.duplicate() ? msg::kAlreadyStored : msg::kAccepted) << "\n";
    PrintReceipt(result.response.receipt(), result.response.school_name(), out);
    PrintIssues(Say(msg::kWarningsHeading), result.response.warnings(), out);
  };
  absl::Status not_sent = absl::UnavailableError(Say(msg::kServerNotReached, g.server));
  if (reachable) {
    auto summary = DeliverPending(*outbox, connection, /*attempts_per_call=*/3, on_result);
    if (!summary.ok()) return Fail(summary.status(), err);
    if (!summary->last_retry.ok()) not_sent = summary->last_retry;
  }
  if (earlier_delivered > 0) {
    out << Say(msg::kAlsoDelivered, earlier_delivered) << "\n";
  }
  if (answered.size() < mine.size()) {
    err << Say(msg::kNotSentYet, mine.size() - answered.size(), outbox->dir(), not_sent.message(),
               outbox->receipts_dir())
        << "\n";
    return kExitUnreachable;
  }
  return worst;
}

int RunShow(const Globals& g, const ShowArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "show", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::GetReportRequest request;
  request.set_county_code(g.county);
  request.set_school_code(args.school);
  request.set_period(args.period);
  request.set_version(args.version);
  Connection connection = Connect(g);
  auto stored = connection.Call(&v1::ReportingService::Stub::GetReport, request);
  if (!stored.ok()) return Fail(stored.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*stored) << "\n";
    return kExitOk;
  }
  if (*format == Format::kCsv || *format == Format::kXlsx) {
    // The clerk's own file back, to correct and submit again: the template's layout.
    table::Table sheet = render::ReportTable({&stored->report()}, catalog::kEverySection);
    absl::Status written = *format == Format::kCsv
                               ? WriteText(OutputOf(g), table::RenderCsv(sheet), out)
                               : WriteXlsx(
                                     OutputOf(g),
                                     [&](const std::string& path) {
                                       return render::WriteReportWorkbook(sheet, 0, path);
                                     },
                                     out);
    return written.ok() ? kExitOk : Fail(written, err);
  }
  const std::string name = SchoolName(connection, g.county, args.school);
  out << Say(msg::kShowHeading, SchoolText(args.school, name), args.period) << "\n";
  PrintReceipt(stored->receipt(), name, out);
  if (stored->has_review()) {
    const auto& review = stored->review();
    out << Say(msg::kReviewLine, render::StateText(review.state()), review.time(),
               review.reviewer())
        << "\n";
    if (!review.comment().empty()) out << Say(msg::kBureauComment, review.comment()) << "\n";
  }
  PrintReportFields(stored->report(), out);
  PrintIssues(Say(msg::kWarningsRecorded), stored->warnings(), out);
  return kExitOk;
}

int RunHistory(const Globals& g, const ShowArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "history", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListReportVersionsRequest request;
  request.set_county_code(g.county);
  request.set_school_code(args.school);
  request.set_period(args.period);
  request.set_page_size(kLargestPage);
  Connection connection = Connect(g);
  auto versions =
      CallAllPages(connection, &v1::ReportingService::Stub::ListReportVersions, request);
  if (!versions.ok()) return Fail(versions.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*versions) << "\n";
    return kExitOk;
  }
  table::Table t;
  t.title = Say(msg::kHistoryTitle, args.school, args.period);
  t.sheet_name = "版本";
  t.columns = {{"version", Say(msg::kColVersion), 0},
               {"received", Say(msg::kColReceived)},
               {"receipt_id", Say(msg::kColReceipt)},
               {"submitter", Say(msg::kColSubmitter)},
               {"content_hash", Say(msg::kColContentHash)}};
  for (const auto& r : versions->versions()) {
    t.AddRow({table::Cell::Of(static_cast<double>(r.version())), table::Cell::Of(r.server_time()),
              table::Cell::Of(r.receipt_id()), table::Cell::Of(r.submitter()),
              table::Cell::Of(r.content_hash().substr(0, 16))});
  }
  if (versions->versions().empty()) {
    t.notes.push_back(Say(msg::kNoReportYet, args.school, args.period));
  }
  return Emit(g, *format, {&t}, out, err);
}

int RunReports(const Globals& g, const ReportsArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "reports", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListLatestReportsRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_page_size(kLargestPage);
  Connection connection = Connect(g);
  auto latest = CallAllPages(connection, &v1::ReportingService::Stub::ListLatestReports, request);
  if (!latest.ok()) return Fail(latest.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*latest) << "\n";
    return kExitOk;
  }
  table::Table t;
  t.title = Say(msg::kReportsTitle, g.county, args.period);
  t.sheet_name = "最新报送";
  t.columns = {{"school_code", Say(msg::kColSchoolCode)},
               {"version", Say(msg::kColVersion), 0},
               {"received", Say(msg::kColReceived)},
               {"receipt_id", Say(msg::kColReceipt)},
               {"submitter", Say(msg::kColSubmitter)}};
  for (const auto& r : latest->latest()) {
    t.AddRow({table::Cell::Of(r.school_code()), table::Cell::Of(static_cast<double>(r.version())),
              table::Cell::Of(r.server_time()), table::Cell::Of(r.receipt_id()),
              table::Cell::Of(r.submitter())});
  }
  t.notes.push_back(Say(msg::kReportsCount, g.county, args.period, latest->latest_size()));
  return Emit(g, *format, {&t}, out, err);
}

int RunValues(const Globals& g, const ReportsArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "values", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  Connection connection = Connect(g);
  v1::SubmissionStatusRequest status_request;
  status_request.set_county_code(g.county);
  status_request.set_period(args.period);
  status_request.set_page_size(kLargestPage);
  auto status =
      CallAllPages(connection, &v1::BureauService::Stub::SubmissionStatus, status_request);
  if (!status.ok()) return Fail(status.status(), err);
  std::map<std::string, std::string> names;
  std::vector<v1::StoredReport> stored;
  for (const v1::SchoolSubmission& school : status->schools()) {
    names[school.school_code()] = school.school_name();
    if (school.latest_version() == 0) continue;
    if (args.accepted_only && school.state() != "accepted") continue;
    v1::GetReportRequest request;
    request.set_county_code(g.county);
    request.set_school_code(school.school_code());
    request.set_period(args.period);
    request.set_version(school.latest_version());
    auto report = connection.Call(&v1::ReportingService::Stub::GetReport, request);
    if (!report.ok()) return Fail(report.status(), err);
    stored.push_back(*std::move(report));
  }
  if (*format == Format::kJson) {
    out << "[";
    for (size_t i = 0; i < stored.size(); ++i) {
      out << (i ? ",\n" : "\n") << io::EncodeJson(stored[i].report(), /*pretty=*/false);
    }
    out << "\n]\n";
    return kExitOk;
  }
  std::vector<const SchoolReport*> reports;
  for (const v1::StoredReport& s : stored) reports.push_back(&s.report());
  table::Table t = render::ReportTable(reports, catalog::kEverySection, &names);
  t.title = Say(msg::kValuesTitle, g.county, args.period,
                Say(args.accepted_only ? msg::kAcceptedVersions : msg::kLatestVersions));
  t.sheet_name = "各校填报数据";
  t.notes.push_back(Say(msg::kValuesNote, reports.size(), status->schools_size()));
  return Emit(g, *format, {&t}, out, err);
}

}  // namespace junheng::client
