#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/eval_command.h"
#include "client/cli/exit_codes.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "common/catalog/fields.h"
#include "common/eval/indicators.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/client_messages.h"
#include "common/io/message_codec.h"
#include "common/render/evaluation_render.h"
#include "common/render/evaluation_workbook.h"
#include "common/render/listing_tables.h"
#include "common/table/table.h"
#include "common/validate/county_facts_validator.h"
#include "common/validate/validation_result.h"

namespace junheng::client {
namespace {

using i18n::Say;
namespace msg = i18n::bureau;

struct FactsArgs {
  std::string file, period;
  int64_t replaces = -1;  // -1: the latest stored version
  int64_t version = 0;
};

int RunFactsSubmit(const Globals& g, const FactsArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "facts submit", out, err);
  if (!format) return kExitUsage;
  auto facts = LoadCountyFacts(args.file, g.county);
  if (!facts.ok()) return Fail(facts.status(), err);
  v1::CountyFacts& f = *facts;
  validate::ValidationResult checked = validate::ValidateCountyFacts(f, f.county_code());
  absl::Status invalid = validate::ToStatus(checked, "county facts");
  if (!invalid.ok()) {
    err << invalid.message() << "\nnothing was submitted: fix the fields above\n";
    return kExitRejected;
  }
  for (const auto& warning : checked.warnings) {
    err << i18n::Say(i18n::client::kWarning, validate::FormatIssue(warning)) << "\n";
  }
  Connection connection = Connect(g);
  v1::SubmitCountyFactsRequest request;
  *request.mutable_facts() = f;
  request.set_submitter(g.submitter);
  if (args.replaces >= 0) {
    request.set_replaces_version(args.replaces);
  } else {
    v1::GetCountyFactsRequest get;
    get.set_county_code(f.county_code());
    get.set_period(f.period());
    auto latest = connection.Call(&v1::EvaluationService::Stub::GetCountyFacts, get);
    if (latest.ok()) {
      request.set_replaces_version(latest->receipt().version());
    } else if (!absl::IsNotFound(latest.status())) {
      return Fail(latest.status(), err);
    }
  }
  auto receipt = connection.Call(&v1::EvaluationService::Stub::SubmitCountyFacts, request);
  if (!receipt.ok()) return Fail(receipt.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*receipt) << "\n";
    return kExitOk;
  }
  out << absl::StrFormat("county facts %s / %s stored as version %d at %s\n",
                         receipt->county_code(), receipt->period(), receipt->version(),
                         receipt->server_time());
  return kExitOk;
}

// `facts template`: the county facts as one row to fill in, under the catalogue's label row and
// field-name row (row 1 DisplayLabel(), row 2 the names: what the county-facts reader accepts),
// with the county and period filled. The repeated monitoring results have no column: enter them
// in the JSON form.
int RunFactsTemplate(const Globals& g, const FactsArgs& args, std::ostream& out,
                     std::ostream& err) {
  if (!validate::IsValidCode(args.period)) {
    err << "error: " << i18n::Say(i18n::client::kPeriodFlagRequired) << "\n";
    return kExitUsage;
  }
  Globals chosen = g;
  if (chosen.format.empty() && chosen.output.empty()) chosen.format = "csv";
  std::optional<Format> format =
      FormatFor(chosen, {Format::kCsv, Format::kXlsx}, "facts template", out, err);
  if (!format) return kExitUsage;
  table::Table sheet;
  sheet.sheet_name = "县级数据";
  sheet.key_row = true;
  std::vector<table::Cell> row;
  for (const catalog::Field<v1::CountyFacts>* field : catalog::county_facts::kAll) {
    sheet.columns.push_back({std::string(field->name), field->DisplayLabel()});
    if (field == &catalog::county_facts::county_code) {
      row.push_back(table::Cell::Of(g.county));
    } else if (field == &catalog::county_facts::period) {
      row.push_back(table::Cell::Of(args.period));
    } else {
      row.emplace_back();
    }
  }
  sheet.AddRow(std::move(row));
  return Emit(chosen, *format, {&sheet}, out, err);
}

int RunFactsShow(const Globals& g, const FactsArgs& args, std::ostream& out, std::ostream& err) {
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::GetCountyFactsRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_version(args.version);
  auto facts = Connect(g).Call(&v1::EvaluationService::Stub::GetCountyFacts, request);
  if (!facts.ok()) return Fail(facts.status(), err);
  out << io::EncodeJson(*facts) << "\n";
  return kExitOk;
}

struct SnapshotArgs {
  std::string period;
  int64_t seq = 0;
  int from = 0, to = 0;
  std::string profile;
  bool from_snapshots = false;  // trend --snapshot
};

int RunSnapshotsList(const Globals& g, const SnapshotArgs& args, std::ostream& out,
                     std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "snapshots list", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListSnapshotsRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  auto list = Connect(g).Call(&v1::EvaluationService::Stub::ListSnapshots, request);
  if (!list.ok()) return Fail(list.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*list) << "\n";
    return kExitOk;
  }
  table::Table t;
  t.title = Say(msg::kSnapshotsTitle, g.county, args.period);
  t.sheet_name = "评估快照";
  t.columns = {{"seq", Say(msg::kColSeq), 0},
               {"time", Say(msg::kColTime)},
               {"trigger", Say(msg::kColTrigger)},
               {"profile", Say(msg::kColProfile)},
               {"input_hash", Say(msg::kColInputHash)}};
  for (const auto& snap : list->snapshots()) {
    t.AddRow({table::Cell::Of(static_cast<double>(snap.seq())), table::Cell::Of(snap.time()),
              table::Cell::Of(snap.trigger()),
              table::Cell::Of(absl::StrCat(snap.profile_name(), " ", snap.profile_version())),
              table::Cell::Of(snap.input_hash().substr(0, 16))});
  }
  if (list->snapshots().empty()) t.notes.push_back(Say(msg::kNoSnapshots, args.period));
  return Emit(g, *format, {&t}, out, err);
}

int RunSnapshotsShow(const Globals& g, const SnapshotArgs& args, std::ostream& out,
                     std::ostream& err) {
  if (!NeedCounty(g, err)) return kExitUsage;
  std::optional<Format> format = FormatFor(g, kListingFormats, "snapshots show", out, err);
  if (!format) return kExitUsage;
  v1::GetSnapshotRequest request;
  request.set_county_code(g.county);
  request.set_period(args.period);
  request.set_seq(args.seq);
  auto snapshot = Connect(g).Call(&v1::EvaluationService::Stub::GetSnapshot, request);
  if (!snapshot.ok()) return Fail(snapshot.status(), err);
  absl::Status written;
  switch (*format) {
    case Format::kXlsx:
      written = WriteXlsx(
          OutputOf(g),
          [&](const std::string& path) {
            return render::WriteEvaluationWorkbook(snapshot->evaluation(), path);
          },
          out);
      break;
    case Format::kJson:
      written = WriteText(OutputOf(g),
                          render::Render(snapshot->evaluation(), render::RenderFormat::kJson), out);
      break;
    case Format::kCsv:
      written = WriteText(OutputOf(g),
                          render::Render(snapshot->evaluation(), render::RenderFormat::kCsv), out);
      break;
    case Format::kText:
      written = WriteText(
          OutputOf(g),
          absl::StrCat(absl::StrFormat("snapshot %d of %s / %s, %s, trigger %s, profile %s %s\n",
                                       snapshot->seq(), snapshot->county_code(), snapshot->period(),
                                       snapshot->time(), snapshot->trigger(),
                                       snapshot->profile_name(), snapshot->profile_version()),
                       render::Render(snapshot->evaluation(), render::RenderFormat::kText)),
          out);
      break;
  }
  if (!written.ok()) return Fail(written, err);
  return kExitOk;
}

int RunTrend(const Globals& g, const SnapshotArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "trend", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::TrendRequest request;
  request.set_county_code(g.county);
  request.set_from_year(args.from);
  request.set_to_year(args.to);
  request.set_profile(args.profile);
  request.set_from_snapshots(args.from_snapshots);
  auto trend = Connect(g).Call(&v1::EvaluationService::Stub::Trend, request);
  if (!trend.ok()) return Fail(trend.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*trend) << "\n";
    return kExitOk;
  }
  table::Table t = render::TrendTable(*trend);
  return Emit(g, *format, {&t}, out, err);
}

struct StandingArgs {
  std::string school, period, profile;
};

// `junheng standing`: a clerk's view of the school's own standing (SchoolStanding).
int RunStanding(const Globals& g, const StandingArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "standing", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::SchoolStandingRequest request;
  request.set_county_code(g.county);
  request.set_school_code(args.school);
  request.set_period(args.period);
  request.set_profile(args.profile);
  auto standing = Connect(g).Call(&v1::EvaluationService::Stub::SchoolStanding, request);
  if (!standing.ok()) return Fail(standing.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*standing) << "\n";
    return kExitOk;
  }
  const v1::SchoolStandard& standard = standing->standard();
  table::Table t;
  t.title = Say(msg::kStandingTitle, standard.school_code(), standard.school_name(),
                standing->period(), standing->profile().name());
  t.sheet_name = "本校达标情况";
  t.columns = {{"level", Say(msg::kColLevel)},           {"indicator", Say(msg::kColIndicator)},
               {"name_zh", Say(msg::kColIndicatorName)}, {"value", Say(msg::kColValue), 2},
               {"minimum", Say(msg::kColMinimum), 2},    {"result", Say(msg::kColResult)}};
  for (const v1::UnitResult& unit : standing->units()) {
    if (unit.excluded()) {
      t.notes.push_back(Say(msg::kStandingExcluded, unit.section(), unit.exclusion_reason()));
      continue;
    }
    const eval::IndicatorArray values = eval::FromMessage(unit.values());
    for (const v1::UnitMinimum& minimum : standing->minimums()) {
      if (minimum.level() != unit.section()) continue;
      const int index = minimum.indicator()[1] - '1';
      table::Cell value = values[index] ? table::Cell::Of(*values[index]) : table::Cell::Of("-");
      const bool below = std::find(unit.below().begin(), unit.below().end(), minimum.indicator()) !=
                         unit.below().end();
      value.failing = below;
      t.AddRow({table::Cell::Of(unit.section()), table::Cell::Of(minimum.indicator()),
                table::Cell::Of(minimum.name_zh()), std::move(value),
                table::Cell::Of(minimum.minimum()),
                table::Cell::Of(Say(!values[index] ? msg::kNotJudged
                                    : below        ? msg::kFails
                                                   : msg::kMeets))});
    }
  }
  t.notes.push_back(
      Say(standard.meets() ? msg::kStandingMeets : msg::kStandingNotYet, standard.target_year()));
  for (const std::string& reason : standard.reasons()) t.notes.push_back("  " + reason);
  for (const v1::Gap& gap : standing->gaps()) {
    for (const v1::Addition& add : gap.additions()) {
      t.notes.push_back(Say(msg::kStandingAdd, gap.indicator(), gap.name_zh(), add.quantity(),
                            add.school_amount(), add.unit_zh()));
    }
  }
  for (const v1::SchoolItem& item : standing->items()) {
    if (item.status() == "pass") continue;
    t.notes.push_back(Say(msg::kStandingItem, item.id(), item.name_zh(),
                          Say(item.status() == "fail" ? msg::kFails : msg::kNotJudged),
                          item.reason()));
  }
  return Emit(g, *format, {&t}, out, err);
}

}  // namespace

void AddEvaluationCommands(CLI::App& app, const Globals& g, int* exit_code) {
  auto* facts = app.add_subcommand("facts", "the county facts the bureau enters per period");
  facts->require_subcommand(1);
  auto submit_args = std::make_shared<FactsArgs>();
  auto* submit = facts->add_subcommand("submit", "validate and store county facts (JSON or CSV)");
  submit->add_option("FILE", submit_args->file, "county facts file")->required();
  submit->add_option("--replaces", submit_args->replaces,
                     "the version these facts replace (default: the latest stored)");
  submit->callback([=, &g] { *exit_code = RunFactsSubmit(g, *submit_args, std::cout, std::cerr); });
  auto template_args = std::make_shared<FactsArgs>();
  auto* tpl = facts->add_subcommand(
      "template", "an empty county facts file for a period: CSV, or xlsx with -o FILE.xlsx");
  tpl->add_option("--period", template_args->period, "period label, e.g. 2024")->required();
  tpl->callback(
      [=, &g] { *exit_code = RunFactsTemplate(g, *template_args, std::cout, std::cerr); });
  auto show_args = std::make_shared<FactsArgs>();
  auto* show = facts->add_subcommand("show", "print stored county facts as JSON");
  show->add_option("--period", show_args->period, "period label")->required();
  show->add_option("--version", show_args->version, "a specific version (default: latest)");
  show->callback([=, &g] { *exit_code = RunFactsShow(g, *show_args, std::cout, std::cerr); });

  auto* snapshots = app.add_subcommand("snapshots", "stored evaluations of a period");
  snapshots->require_subcommand(1);
  auto list_args = std::make_shared<SnapshotArgs>();
  auto* list = snapshots->add_subcommand("list", "list a period's snapshots");
  list->add_option("--period", list_args->period, "period label")->required();
  list->callback([=, &g] { *exit_code = RunSnapshotsList(g, *list_args, std::cout, std::cerr); });
  auto snap_args = std::make_shared<SnapshotArgs>();
  auto* snap = snapshots->add_subcommand("show", "print a snapshot's evaluation (--format too)");
  snap->add_option("--period", snap_args->period, "period label")->required();
  snap->add_option("--seq", snap_args->seq, "snapshot number (default: the newest)");
  snap->callback([=, &g] { *exit_code = RunSnapshotsShow(g, *snap_args, std::cout, std::cerr); });

  auto standing_args = std::make_shared<StandingArgs>();
  auto* standing = app.add_subcommand(
      "standing", "one school's own standing: its indicators against the minimums, what to add");
  standing->add_option("--school", standing_args->school, "school_code")->required();
  standing->add_option("--period", standing_args->period, "period, e.g. 2024")->required();
  standing->add_option("--profile", standing_args->profile,
                       "built-in profile (default: the server's)");
  standing->callback(
      [=, &g] { *exit_code = RunStanding(g, *standing_args, std::cout, std::cerr); });

  auto trend_args = std::make_shared<SnapshotArgs>();
  auto* trend = app.add_subcommand(
      "trend", "per year: each indicator's coefficient and the schools meeting the standard");
  trend->add_option("--from", trend_args->from, "first year, e.g. 2022")->required();
  trend->add_option("--to", trend_args->to, "last year, e.g. 2029")->required();
  trend->add_option("--profile", trend_args->profile, "built-in profile (default: the server's)");
  trend->add_flag("--snapshot", trend_args->from_snapshots,
                  "each year's newest snapshot (the record as it stood) instead of what is stored "
                  "now");
  trend->callback([=, &g] { *exit_code = RunTrend(g, *trend_args, std::cout, std::cerr); });

  AddEvalCommand(app, exit_code, [&g](const EvalOptions& options) {
    v1::EvaluateRequest request;
    request.set_county_code(options.county.empty() ? g.county : options.county);
    request.set_period(options.period);
    request.set_profile(options.profile);
    request.set_accepted_only(options.accepted_only);
    return Connection(options.server, absl::Seconds(g.deadline_seconds), g.security)
        .Call(&v1::EvaluationService::Stub::Evaluate, request);
  });
}

}  // namespace junheng::client
