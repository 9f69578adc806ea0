#include <cmath>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "client/cli/cli_text.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/rpc/connection.h"
#include "client/rpc/pages.h"
#include "common/catalog/catalog.h"
#include "common/eval/indicators.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/client_messages.h"
#include "common/i18n/help_messages.h"
#include "common/i18n/numbers.h"
#include "common/i18n/server_messages.h"
#include "common/io/message_codec.h"
#include "common/render/submission_table.h"
#include "common/time/time_text.h"

namespace junheng::client {
namespace {

using i18n::PeopleNumber;
using i18n::Say;
namespace help = i18n::help;
namespace msg = i18n::bureau;

// Parses a time option into Unix milliseconds, or prints why not.
bool ParseOption(absl::string_view name, const std::string& text, DateMeans means, int64_t* out,
                 std::ostream& err) {
  auto t = ParseInstant(text, means);
  if (!t.ok()) {
    err << ErrorLine(absl::StrCat(name, i18n::Colon(), t.status().message()));
    return false;
  }
  *out = absl::ToUnixMillis(*t);
  return true;
}

std::string PeriodLine(const v1::ReportingPeriod& p) {
  return Say(msg::kPeriodLine, p.period(), p.opens(), p.deadline(), p.closes());
}

// What a consistency warning names, with its Chinese name as FormatIssue names a field: a report
// field (小学在校生数 primary_students) or an indicator (L2 每百名学生拥有县级及以上骨干教师数).
std::string FieldText(const std::string& field) {
  absl::string_view name_zh;
  if (const catalog::FieldInfo* info = catalog::FindField(*v1::SchoolReport::descriptor(), field)) {
    name_zh = info->label_zh;
  }
  for (const eval::IndicatorInfo& indicator : eval::kIndicatorCatalog) {
    if (indicator.id == field) name_zh = indicator.name_zh;
  }
  if (name_zh.empty()) return field;
  return i18n::CurrentLang() == i18n::Lang::kEn ? absl::StrCat(field, " (", name_zh, ")")
                                                : absl::StrCat(name_zh, " ", field);
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
  // A window wholly in the past fires its deadline and close evaluations at the scheduler's next
  // look, on whatever is stored then, and refuses reports: say so before it happens.
  if (absl::FromUnixMillis(closes) < absl::Now() && !args.past_window) {
    err << ErrorLine(Say(msg::kPastWindow, args.period, args.closes));
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
  out << Say(msg::kPeriodDefined, g.county) << "\n  " << PeriodLine(*defined) << "\n";
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
  t.title = Say(msg::kPeriodsTitle, g.county);
  t.sheet_name = "填报期";
  t.columns = {{"period", Say(msg::kColPeriod)},
               {"opens", Say(msg::kColOpens)},
               {"deadline", Say(msg::kColDeadline)},
               {"closes", Say(msg::kColCloses)},
               {"schools_reported", Say(msg::kColSchoolsReported), 0}};
  std::map<std::string, int> reported;
  for (const auto& r : periods->reported()) reported[r.period()] = r.schools_reported();
  for (const auto& p : periods->periods()) {
    t.AddRow({table::Cell::Of(p.period()), table::Cell::Of(p.opens()),
              table::Cell::Of(p.deadline()), table::Cell::Of(p.closes()),
              table::Cell::Of(static_cast<double>(reported[p.period()]))});
  }
  // Labels that hold reports without a window: history from before the periods, or a mistake
  // (2024.0) to correct with a report under the right label.
  for (const auto& r : periods->reported()) {
    if (r.defined()) continue;
    const std::string undefined = Say(msg::kNotDefinedCell);
    t.AddRow({table::Cell::Of(r.period()), table::Cell::Of(undefined), table::Cell::Of("-"),
              table::Cell::Of("-"), table::Cell::Of(static_cast<double>(r.schools_reported()))});
    if (!periods->periods().empty()) {
      t.notes.push_back(Say(msg::kUndefinedHoldsReports, r.period(), r.schools_reported()));
    }
  }
  if (periods->periods().empty()) t.notes.push_back(Say(msg::kNoPeriods, g.county));
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
  out << Say(msg::kExceptionGranted, granted->school_code(), granted->period(), granted->expires())
      << "\n";
  return kExitOk;
}

// `review diff`: the version (the latest unless --version) field by field against the one it
// replaced, every field whose value differs, as the bureau reads it before deciding.
int RunReviewDiff(const Globals& g, const ReviewArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "review diff", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  Connection connection = Connect(g);
  auto get = [&](int64_t version) {
    v1::GetReportRequest request;
    request.set_county_code(g.county);
    request.set_school_code(args.school);
    request.set_period(args.period);
    request.set_version(version);
    return connection.Call(&v1::ReportingService::Stub::GetReport, request);
  };
  auto current = get(args.version);
  if (!current.ok()) return Fail(current.status(), err);
  const int64_t version = current->receipt().version();
  v1::StoredReport previous;  // empty before the first version: every field is new
  if (version > 1) {
    auto replaced = get(version - 1);
    if (!replaced.ok()) return Fail(replaced.status(), err);
    previous = *std::move(replaced);
  }
  table::Table t;
  t.title = Say(msg::kDiffTitle, args.school, args.period, version, version - 1);
  t.sheet_name = "修改对比";
  t.columns = {{"field", Say(msg::kColField)},
               {"label", Say(msg::kColLabel)},
               {"before", Say(msg::kColBefore, version - 1)},
               {"after", Say(msg::kColAfter, version)}};
  for (const catalog::Field<v1::SchoolReport>* field : catalog::report::kAll) {
    const std::string before = io::CellText(previous.report(), *field);
    const std::string after = io::CellText(current->report(), *field);
    if (before == after) continue;
    t.AddRow({table::Cell::Of(std::string(field->name)), table::Cell::Of(field->DisplayLabel()),
              table::Cell::Of(before.empty() ? "-" : before),
              table::Cell::Of(after.empty() ? "-" : after)});
  }
  t.notes.push_back(t.rows.empty() ? Say(msg::kDiffNone) : Say(msg::kDiffCount, t.rows.size()));
  return Emit(g, *format, {&t}, out, err);
}

int RunReview(const Globals& g, const ReviewArgs& args, std::ostream& out, std::ostream& err) {
  if (args.action == "diff") return RunReviewDiff(g, args, out, err);
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
    list.set_page_size(kLargestPage);
    auto versions = CallAllPages(connection, &v1::ReportingService::Stub::ListReportVersions, list);
    if (!versions.ok()) return Fail(versions.status(), err);
    if (versions->versions().empty()) {
      err << ErrorLine(Say(i18n::server::kNotReported, args.school, args.period));
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
  out << Say(msg::kReviewed, record->version(), record->school_code(), record->period(),
             render::StateText(record->state()), record->time())
      << "\n";
  return kExitOk;
}

// "小学在校生数 primary_students、体育运动场馆面积 sports_area_m2": the fields a report leaves
// empty.
std::string FieldList(const google::protobuf::RepeatedPtrField<std::string>& fields) {
  std::vector<std::string> named;
  for (const std::string& field : fields) named.push_back(FieldText(field));
  return absl::StrJoin(named, i18n::CurrentLang() == i18n::Lang::kEn ? ", " : "、");
}

int RunStatus(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "status", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::SubmissionStatusRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_page_size(kLargestPage);
  Connection connection = Connect(g);
  auto status = CallAllPages(connection, &v1::BureauService::Stub::SubmissionStatus, request);
  if (!status.ok()) return Fail(status.status(), err);
  if (args.missing_only) {
    auto* schools = status->mutable_schools();
    for (int i = schools->size() - 1; i >= 0; --i) {
      const std::string& state = schools->Get(i).state();
      if (state != "not_submitted" && state != "incomplete" && state != "returned") {
        schools->DeleteSubrange(i, 1);
      }
    }
  }
  if (*format == Format::kJson) {
    out << io::EncodeJson(*status) << "\n";
    return kExitOk;
  }
  table::Table t = render::SubmissionTable(status->schools(), /*with_contacts=*/false);
  t.title = Say(msg::kStatusTitle, status->county_code(), status->period(), status->as_of());
  t.notes.push_back(status->window_defined() ? PeriodLine(status->window()) : Say(msg::kNoWindow));
  t.notes.push_back(Say(msg::kStatusCounts, status->schools_total(), status->submitted(),
                        status->on_time(), status->late(), status->not_submitted(),
                        status->returned(), status->accepted(), status->incomplete()));
  t.notes.push_back(Say(msg::kStatusRates, PeopleNumber(100 * status->completeness_rate(), 1),
                        PeopleNumber(100 * status->timeliness_rate(), 1)));
  std::map<std::string, std::string> names;
  for (const auto& school : status->schools()) names[school.school_code()] = school.school_name();
  for (const auto& w : status->warnings()) {
    t.notes.push_back(Say(msg::kConsistencyNote,
                          absl::StrCat(w.school_code(), " ", names[w.school_code()]),
                          FieldText(w.field()), w.message()));
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
  table::Table t = render::SubmissionTable(reminders->owing(), /*with_contacts=*/true);
  t.title =
      Say(days >= 0 ? msg::kRemindTitle : msg::kRemindTitlePassed, reminders->window().period(),
          reminders->window().deadline(), PeopleNumber(std::abs(days), 1));
  if (days > args.days) {
    t.rows.clear();
    t.notes.push_back(Say(msg::kRemindNotYet, args.days));
  } else if (reminders->owing().empty()) {
    t.notes.push_back(Say(msg::kEveryoneReported));
  } else {
    t.notes.push_back(Say(msg::kStillOwe, reminders->owing_size()));
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
  for (const auto& item : due->missed()) {
    out << Say(msg::kMissedPeriod, item.period(), item.closes(), due->school_name(),
               due->school_code(), item.state() == "returned" ? Say(msg::kMissedReturned) : "")
        << "\n";
  }
  if (due->owed().empty()) {
    if (due->missed().empty()) {
      out << Say(msg::kOwesNothing, due->school_name(), due->school_code()) << "\n";
    }
    return kExitOk;
  }
  out << Say(msg::kOwes, due->school_name(), due->school_code()) << "\n";
  for (const auto& item : due->owed()) {
    const double days = item.days_to_deadline();
    const std::string state = item.state() == "returned" ? Say(msg::kReturnedForCorrection)
                              : item.state() == "incomplete"
                                  ? Say(i18n::client::kStateIncomplete, item.missing_fields_size())
                                  : render::StateText("not_submitted");
    out << Say(msg::kDueItem, item.period(), state, item.deadline(),
               Say(days >= 0 ? msg::kInDays : msg::kDaysAgo, PeopleNumber(std::abs(days), 1)),
               item.closes())
        << "\n";
    if (!item.review_comment().empty()) {
      out << "  " << Say(i18n::client::kBureauComment, item.review_comment()) << "\n";
    }
    if (!item.missing_fields().empty()) {
      out << "  " << Say(msg::kStillEmpty, FieldList(item.missing_fields())) << "\n";
    }
  }
  return kExitOk;
}

}  // namespace junheng::client

namespace junheng::client {

void AddBureauCommands(CLI::App& app, const Globals& g, int* exit_code) {
  auto* period = app.add_subcommand("period", Say(help::kPeriod));
  period->require_subcommand(1);
  auto define_args = std::make_shared<PeriodArgs>();
  auto* define = period->add_subcommand("define", Say(help::kPeriodDefine));
  define->add_option("--period", define_args->period, Say(help::kPeriodOption))->required();
  define->add_option("--opens", define_args->opens, Say(help::kOpens))->required();
  define->add_option("--deadline", define_args->deadline, Say(help::kPeriodDeadline))->required();
  define->add_option("--closes", define_args->closes, Say(help::kCloses))->required();
  define->add_flag("--past-window", define_args->past_window, Say(help::kPastWindow));
  define->callback(
      [=, &g] { *exit_code = RunPeriodDefine(g, *define_args, std::cout, std::cerr); });
  period->add_subcommand("list", Say(help::kPeriodList))->callback([=, &g] {
    *exit_code = RunPeriodList(g, std::cout, std::cerr);
  });
  auto exception_args = std::make_shared<PeriodArgs>();
  auto* exception = period->add_subcommand("exception", Say(help::kPeriodException));
  exception->add_option("--period", exception_args->period, Say(help::kPeriodOption))->required();
  exception->add_option("--school", exception_args->school, Say(help::kSchoolOption))->required();
  exception->add_option("--until", exception_args->until, Say(help::kUntil))->required();
  exception->add_option("--reason", exception_args->reason, Say(help::kReason));
  exception->callback(
      [=, &g] { *exit_code = RunPeriodException(g, *exception_args, std::cout, std::cerr); });

  auto review_args = std::make_shared<ReviewArgs>();
  auto* review = app.add_subcommand("review", Say(help::kReview));
  review->add_option("ACTION", review_args->action, "accept | return | reopen | diff")
      ->required()
      ->check(OneOf({"accept", "return", "reopen", "diff"}));
  review->add_option("--school", review_args->school, Say(help::kSchoolOption))->required();
  review->add_option("--period", review_args->period, Say(help::kPeriodOption))->required();
  review->add_option("--version", review_args->version, Say(help::kReviewVersion));
  review->add_option("--comment", review_args->comment, Say(help::kComment));
  review->callback([=, &g] { *exit_code = RunReview(g, *review_args, std::cout, std::cerr); });

  auto status_args = std::make_shared<StatusArgs>();
  auto* status = app.add_subcommand("status", Say(help::kStatus));
  status->add_option("--period", status_args->period, Say(help::kPeriodOption))->required();
  status->add_flag("--missing", status_args->missing_only, Say(help::kMissing));
  status->callback([=, &g] { *exit_code = RunStatus(g, *status_args, std::cout, std::cerr); });

  auto remind_args = std::make_shared<StatusArgs>();
  auto* remind = app.add_subcommand("remind", Say(help::kRemind));
  remind->add_option("--period", remind_args->period, Say(help::kPeriodOption))->required();
  remind->add_option("--days", remind_args->days, Say(help::kDays))
      ->check(NonNegativeNumber())
      ->capture_default_str();
  remind->callback([=, &g] { *exit_code = RunRemind(g, *remind_args, std::cout, std::cerr); });

  auto due_args = std::make_shared<StatusArgs>();
  auto* due = app.add_subcommand("due", Say(help::kDue));
  due->add_option("--school", due_args->school, Say(help::kDueSchool))->required();
  due->callback([=, &g] { *exit_code = RunDue(g, *due_args, std::cout, std::cerr); });
}

}  // namespace junheng::client
