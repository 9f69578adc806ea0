#include <iostream>
#include <memory>
#include <ostream>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/rpc/connection.h"
#include "common/io/message_codec.h"
#include "common/time/time_text.h"

namespace junheng::client {
namespace {

absl::string_view StateZh(absl::string_view state) {
  if (state == "not_submitted") return "未报送";
  if (state == "on_time") return "按时报送";
  if (state == "late") return "逾期报送";
  if (state == "returned") return "已退回";
  if (state == "accepted") return "已审核";
  return "";
}

// Parses a time option into Unix milliseconds, or prints why not.
bool ParseOption(absl::string_view name, const std::string& text, DateMeans means, int64_t* out,
                 std::ostream& err) {
  auto t = ParseInstant(text, means);
  if (!t.ok()) {
    err << "error: " << name << ": " << t.status().message() << "\n";
    return false;
  }
  *out = absl::ToUnixMillis(*t);
  return true;
}

std::string PeriodLine(const v1::ReportingPeriod& p) {
  return absl::StrFormat("period %s: opens %s, deadline %s, closes %s", p.period(), p.opens(),
                         p.deadline(), p.closes());
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

// Schools and their submission state: the status listing, or with contacts the reminder list.
table::Table SchoolRowsTable(
    const google::protobuf::RepeatedPtrField<v1::SchoolSubmission>& schools, bool with_contacts) {
  table::Table t;
  t.sheet_name = with_contacts ? "催报名单" : "报送情况";
  t.columns = {{"school_code", "学校标识码"}, {"school_name", "学校名称"}, {"state", "状态"}};
  if (with_contacts) {
    t.columns.push_back({"contact_name", "联系人"});
    t.columns.push_back({"contact_phone", "联系电话"});
  } else {
    t.columns.push_back({"latest_version", "版本", 0});
    t.columns.push_back({"received", "最近报送时间"});
    t.columns.push_back({"submitter", "报送人"});
    t.columns.push_back({"review_comment", "审核意见"});
  }
  for (const auto& s : schools) {
    std::vector<table::Cell> row = {
        table::Cell::Of(s.school_code()), table::Cell::Of(s.school_name()),
        table::Cell::Of(absl::StrCat(StateZh(s.state()), " ", s.state()))};
    if (with_contacts) {
      row.push_back(table::Cell::Of(OrDash(s.contact_name())));
      row.push_back(table::Cell::Of(OrDash(s.contact_phone())));
    } else {
      row.push_back(s.latest_version() ? table::Cell::Of(static_cast<double>(s.latest_version()))
                                       : table::Cell::Of("-"));
      row.push_back(table::Cell::Of(OrDash(s.received())));
      row.push_back(table::Cell::Of(OrDash(s.submitter())));
      row.push_back(table::Cell::Of(s.review_comment()));
    }
    t.AddRow(std::move(row));
  }
  return t;
}

}  // namespace

int RunPeriodDefine(const Globals& g, const PeriodArgs& args, std::ostream& out,
                    std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "period define", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::DefinePeriodRequest request;
  auto* p = request.mutable_period();
  p->set_county_code(g.county);
  p->set_period(args.period);
  int64_t opens = 0, deadline = 0, closes = 0;
  if (!ParseOption("--opens", args.opens, DateMeans::kStartOfDay, &opens, err) ||
      !ParseOption("--deadline", args.deadline, DateMeans::kEndOfDay, &deadline, err) ||
      !ParseOption("--closes", args.closes, DateMeans::kEndOfDay, &closes, err)) {
    return kExitUsage;
  }
  p->set_opens_unix_ms(opens);
  p->set_deadline_unix_ms(deadline);
  p->set_closes_unix_ms(closes);
  auto defined = Connect(g).Call(&v1::BureauService::Stub::DefinePeriod, request);
  if (!defined.ok()) return Fail(defined.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*defined) << "\n";
    return kExitOk;
  }
  out << "defined for county " << g.county << ":\n  " << PeriodLine(*defined) << "\n";
  return kExitOk;
}

int RunPeriodList(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "period list", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListPeriodsRequest request;
  request.set_county_code(g.county);
  auto periods = Connect(g).Call(&v1::BureauService::Stub::ListPeriods, request);
  if (!periods.ok()) return Fail(periods.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*periods) << "\n";
    return kExitOk;
  }
  table::Table t;
  t.title = absl::StrCat("填报期 periods of county ", g.county);
  t.sheet_name = "填报期";
  t.columns = {{"period", "填报期"}, {"opens", "开始"}, {"deadline", "截止"}, {"closes", "关闭"}};
  for (const auto& p : periods->periods()) {
    t.AddRow({table::Cell::Of(p.period()), table::Cell::Of(p.opens()),
              table::Cell::Of(p.deadline()), table::Cell::Of(p.closes())});
  }
  if (periods->periods().empty()) t.notes.push_back("no periods defined in county " + g.county);
  return Emit(g, *format, {&t}, out, err);
}

int RunPeriodException(const Globals& g, const PeriodArgs& args, std::ostream& out,
                       std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "period exception", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::GrantExceptionRequest request;
  auto* e = request.mutable_exception();
  e->set_county_code(g.county);
  e->set_period(args.period);
  e->set_school_code(args.school);
  e->set_reason(args.reason);
  int64_t until = 0;
  if (!ParseOption("--until", args.until, DateMeans::kEndOfDay, &until, err)) return kExitUsage;
  e->set_expires_unix_ms(until);
  auto granted = Connect(g).Call(&v1::BureauService::Stub::GrantException, request);
  if (!granted.ok()) return Fail(granted.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*granted) << "\n";
    return kExitOk;
  }
  out << "school " << granted->school_code() << " may submit for period " << granted->period()
      << " until " << granted->expires() << "\n";
  return kExitOk;
}

int RunReview(const Globals& g, const ReviewArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "review", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  Connection connection = Connect(g);
  v1::ReviewReportRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_school_code(args.school);
  request.set_action(args.action);
  request.set_comment(args.comment);
  request.set_reviewer(g.submitter);
  request.set_version(args.version);
  if (args.version == 0) {
    v1::ListReportVersionsRequest list;
    list.set_county_code(g.county);
    list.set_school_code(args.school);
    list.set_period(args.period);
    auto versions = connection.Call(&v1::ReportingService::Stub::ListReportVersions, list);
    if (!versions.ok()) return Fail(versions.status(), err);
    if (versions->versions().empty()) {
      err << "error: school " << args.school << " has not reported for period " << args.period
          << "\n";
      return kExitRejected;
    }
    request.set_version(versions->versions().rbegin()->version());
  }
  auto record = connection.Call(&v1::BureauService::Stub::ReviewReport, request);
  if (!record.ok()) return Fail(record.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*record) << "\n";
    return kExitOk;
  }
  out << "version " << record->version() << " of " << record->school_code() << " / "
      << record->period() << " is now " << record->state() << " (" << record->time() << ")\n";
  return kExitOk;
}

int RunStatus(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "status", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::SubmissionStatusRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  auto status = Connect(g).Call(&v1::BureauService::Stub::SubmissionStatus, request);
  if (!status.ok()) return Fail(status.status(), err);
  if (args.missing_only) {
    auto* schools = status->mutable_schools();
    for (int i = schools->size() - 1; i >= 0; --i) {
      const std::string& state = schools->Get(i).state();
      if (state != "not_submitted" && state != "returned") schools->DeleteSubrange(i, 1);
    }
  }
  if (*format == Format::kJson) {
    out << io::EncodeJson(*status) << "\n";
    return kExitOk;
  }
  table::Table t = SchoolRowsTable(status->schools(), /*with_contacts=*/false);
  t.title = absl::StrCat("报送情况 county ", status->county_code(), ", period ", status->period(),
                         " (as of ", status->as_of(), ")");
  t.notes.push_back(status->window_defined()
                        ? PeriodLine(status->window())
                        : "no window defined for this period: every report counts as on time");
  t.notes.push_back(absl::StrFormat(
      "%d schools: %d submitted (%d on time, %d late), %d not submitted, %d returned, %d "
      "accepted",
      status->schools_total(), status->submitted(), status->on_time(), status->late(),
      status->not_submitted(), status->returned(), status->accepted()));
  t.notes.push_back(absl::StrFormat("completeness %.1f%%  timeliness %.1f%%  (报送率 / 及时率)",
                                    100 * status->completeness_rate(),
                                    100 * status->timeliness_rate()));
  for (const auto& w : status->warnings()) {
    t.notes.push_back(
        absl::StrCat("  warning ", w.school_code(), " ", w.field(), ": ", w.message()));
  }
  return Emit(g, *format, {&t}, out, err);
}

int RunRemind(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "remind", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::RemindersRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_days(args.days);
  auto reminders = Connect(g).Call(&v1::BureauService::Stub::Reminders, request);
  if (!reminders.ok()) return Fail(reminders.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*reminders) << "\n";
    return kExitOk;
  }
  const double days = reminders->days_to_deadline();
  table::Table t = SchoolRowsTable(reminders->owing(), /*with_contacts=*/true);
  t.title =
      days >= 0
          ? absl::StrFormat("催报 period %s: deadline %s, in %.1f days",
                            reminders->window().period(), reminders->window().deadline(), days)
          : absl::StrFormat("催报 period %s: deadline %s passed %.1f days ago",
                            reminders->window().period(), reminders->window().deadline(), -days);
  if (days > args.days) {
    t.rows.clear();
    t.notes.push_back(
        absl::StrCat("the deadline is more than ", args.days, " days away: no reminders yet"));
  } else if (reminders->owing().empty()) {
    t.notes.push_back("every school has reported");
  } else {
    t.notes.push_back(absl::StrCat(reminders->owing_size(), " schools still owe a report"));
  }
  return Emit(g, *format, {&t}, out, err);
}

int RunDue(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "due", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::DueRequest request;
  request.set_county_code(g.county);
  request.set_school_code(args.school);
  auto due = Connect(g).Call(&v1::BureauService::Stub::Due, request);
  if (!due.ok()) return Fail(due.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*due) << "\n";
    return kExitOk;
  }
  if (due->owed().empty()) {
    out << due->school_name() << " (" << due->school_code() << ") owes no report now\n";
    return kExitOk;
  }
  out << due->school_name() << " (" << due->school_code() << ") owes:\n";
  for (const auto& item : due->owed()) {
    out << absl::StrFormat(
        "  period %s: %s, deadline %s (%s), closes %s\n", item.period(),
        item.state() == "returned" ? "returned for correction" : "not submitted", item.deadline(),
        item.days_to_deadline() >= 0 ? absl::StrFormat("in %.1f days", item.days_to_deadline())
                                     : absl::StrFormat("%.1f days ago", -item.days_to_deadline()),
        item.closes());
    if (!item.review_comment().empty()) {
      out << "    bureau comment: " << item.review_comment() << "\n";
    }
  }
  return kExitOk;
}

}  // namespace junheng::client

namespace junheng::client {

void AddBureauCommands(CLI::App& app, const Globals& g, int* exit_code) {
  auto* period = app.add_subcommand("period", "the county's reporting periods (bureau)");
  period->require_subcommand(1);
  auto define_args = std::make_shared<PeriodArgs>();
  auto* define = period->add_subcommand(
      "define", "define or change a period's window; a bare date is a whole day in China time");
  define->add_option("--period", define_args->period, "period label, e.g. 2024")->required();
  define->add_option("--opens", define_args->opens, "e.g. 2024-09-01")->required();
  define->add_option("--deadline", define_args->deadline, "e.g. 2024-10-15 (end of that day)")
      ->required();
  define->add_option("--closes", define_args->closes, "e.g. 2024-10-31; late reports until then")
      ->required();
  define->callback(
      [=, &g] { *exit_code = RunPeriodDefine(g, *define_args, std::cout, std::cerr); });
  period->add_subcommand("list", "list the defined periods")->callback([=, &g] {
    *exit_code = RunPeriodList(g, std::cout, std::cerr);
  });
  auto exception_args = std::make_shared<PeriodArgs>();
  auto* exception = period->add_subcommand(
      "exception", "let one school submit outside the window until a given time");
  exception->add_option("--period", exception_args->period, "period label")->required();
  exception->add_option("--school", exception_args->school, "school_code")->required();
  exception->add_option("--until", exception_args->until, "expiry, e.g. 2024-11-10")->required();
  exception->add_option("--reason", exception_args->reason, "why, for the audit log");
  exception->callback(
      [=, &g] { *exit_code = RunPeriodException(g, *exception_args, std::cout, std::cerr); });

  auto review_args = std::make_shared<ReviewArgs>();
  auto* review = app.add_subcommand(
      "review", "accept a school's report (locks it), return it with a comment, or reopen it");
  review->add_option("ACTION", review_args->action, "accept | return | reopen")
      ->required()
      ->check(CLI::IsMember({"accept", "return", "reopen"}));
  review->add_option("--school", review_args->school, "school_code")->required();
  review->add_option("--period", review_args->period, "period label")->required();
  review->add_option("--version", review_args->version, "the version reviewed (default: latest)");
  review->add_option("--comment", review_args->comment, "required with return: what to correct");
  review->callback([=, &g] { *exit_code = RunReview(g, *review_args, std::cout, std::cerr); });

  auto status_args = std::make_shared<StatusArgs>();
  auto* status = app.add_subcommand("status", "who has reported for a period, on time or late");
  status->add_option("--period", status_args->period, "period label")->required();
  status->add_flag("--missing", status_args->missing_only,
                   "only the schools that still owe a report");
  status->callback([=, &g] { *exit_code = RunStatus(g, *status_args, std::cout, std::cerr); });

  auto remind_args = std::make_shared<StatusArgs>();
  auto* remind = app.add_subcommand(
      "remind", "schools that owe a report once the deadline is within N days, with contacts");
  remind->add_option("--period", remind_args->period, "period label")->required();
  remind->add_option("--days", remind_args->days, "days before the deadline")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  remind->callback([=, &g] { *exit_code = RunRemind(g, *remind_args, std::cout, std::cerr); });

  auto due_args = std::make_shared<StatusArgs>();
  auto* due = app.add_subcommand("due", "what a school owes and by when (for clerks)");
  due->add_option("--school", due_args->school, "your school_code")->required();
  due->callback([=, &g] { *exit_code = RunDue(g, *due_args, std::cout, std::cerr); });
}

}  // namespace junheng::client
