// `junheng region list|status|eval|trend` (issue 15): what city and province staff read of the
// counties under them, through RegionService (proto/junheng/v1/region.proto). Every listing
// follows its pages to the end; the tables come from common/render/region_tables.h.
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/rpc/connection.h"
#include "client/rpc/pages.h"
#include "common/i18n/help_messages.h"
#include "common/i18n/numbers.h"
#include "common/i18n/region_messages.h"
#include "common/io/message_codec.h"
#include "common/render/region_tables.h"
#include "common/rpc/pages.h"

namespace junheng::client {
namespace {

using i18n::Say;
using v1::RegionService;
namespace help = i18n::help;
namespace msg = i18n::region;

struct RegionArgs {
  std::string region;  // --region; empty: from --county
  std::string period;
  std::string profile;
  bool accepted_only = false;
  bool verbose = false;  // eval: the server's time on standard error
  int from = 0, to = 0;  // trend
};

bool IsRegionCode(const std::string& code) {
  return (code.size() == 2 || code.size() == 4) &&
         std::all_of(code.begin(), code.end(), [](char c) { return absl::ascii_isdigit(c); });
}

// The region a command is about: --region, else --county when that names a province or a city
// (2 or 4 digits), else the region a region_viewer's token is for. Says what to write and returns
// nullopt when neither does; with `optional`, no region at all is "" (every region) rather than an
// error.
std::optional<std::string> RegionOf(const Globals& g, const RegionArgs& args, bool optional,
                                    std::ostream& err) {
  if (!args.region.empty()) {
    if (IsRegionCode(args.region)) return args.region;
    err << ErrorLine(Say(msg::kRegionInvalid, args.region));
    return std::nullopt;
  }
  if (IsRegionCode(g.county)) return g.county;
  // A region viewer's token names its region: "jh1.<region>.<id>.<secret>".
  const std::vector<absl::string_view> token = absl::StrSplit(g.security.token, '.');
  if (token.size() == 4 && token[0] == "jh1" && IsRegionCode(std::string(token[1]))) {
    return std::string(token[1]);
  }
  if (optional) return std::string();
  if (g.county.size() == 6) {
    err << ErrorLine(
        Say(msg::kCountyIsNotARegion, g.county, g.county.substr(0, 4), g.county.substr(0, 2)));
    return std::nullopt;
  }
  err << ErrorLine(Say(msg::kRegionRequired));
  return std::nullopt;
}

// The merged answer as JSON, to --output or standard output.
int EmitJson(const Globals& g, const google::protobuf::Message& answer, std::ostream& out,
             std::ostream& err) {
  absl::Status written = WriteText(OutputOf(g), io::EncodeJson(answer) + "\n", out);
  return written.ok() ? kExitOk : Fail(written, err);
}

int RunRegionList(const Globals& g, const RegionArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "region list", out, err);
  if (!format) return kExitUsage;
  std::optional<std::string> region = RegionOf(g, args, /*optional=*/true, err);
  if (!region) return kExitUsage;
  v1::ListRegionsRequest request;
  request.set_region_code(*region);
  auto list = Connect(g).Call(&RegionService::Stub::ListRegions, request);
  if (!list.ok()) return Fail(list.status(), err);
  if (*format == Format::kJson) return EmitJson(g, *list, out, err);
  table::Table t = render::RegionListTable(*list, *region);
  return Emit(g, *format, {&t}, out, err);
}

int RunRegionStatus(const Globals& g, const RegionArgs& args, std::ostream& out,
                    std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "region status", out, err);
  if (!format) return kExitUsage;
  std::optional<std::string> region = RegionOf(g, args, /*optional=*/false, err);
  if (!region) return kExitUsage;
  v1::RegionStatusRequest request;
  request.set_region_code(*region);
  request.set_period(args.period);
  request.set_page_size(kLargestPage);
  Connection connection = Connect(g);
  auto status = CallAllPages(connection, &RegionService::Stub::RegionStatus, request);
  if (!status.ok()) return Fail(status.status(), err);
  if (*format == Format::kJson) return EmitJson(g, *status, out, err);
  table::Table t = render::RegionStatusTable(*status);
  return Emit(g, *format, {&t}, out, err);
}

int RunRegionEval(const Globals& g, const RegionArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "region eval", out, err);
  if (!format) return kExitUsage;
  std::optional<std::string> region = RegionOf(g, args, /*optional=*/false, err);
  if (!region) return kExitUsage;
  v1::EvaluateRegionRequest request;
  request.set_region_code(*region);
  request.set_period(args.period);
  request.set_profile(args.profile);
  request.set_accepted_only(args.accepted_only);
  // The page size stays the server's (1000 counties): a county's row carries its fourteen
  // coefficients, so a page of the largest size could pass gRPC's message limit.
  Connection connection = Connect(g);
  int64_t read_micros = 0, evaluation_micros = 0;
  int pages = 0;
  auto evaluation = rpc::FollowPages(request, [&](const v1::EvaluateRegionRequest& page) {
    auto answer = connection.Call(&RegionService::Stub::EvaluateRegion, page);
    if (answer.ok()) {
      read_micros += answer->read_micros();
      evaluation_micros += answer->evaluation_cpu_micros();
      ++pages;
    }
    return answer;
  });
  if (!evaluation.ok()) return Fail(evaluation.status(), err);
  // The merged answer holds the whole call's time, every page's summed, not the last page's.
  evaluation->set_read_micros(read_micros);
  evaluation->set_evaluation_cpu_micros(evaluation_micros);
  if (args.verbose) {
    err << Say(msg::kTimings, i18n::PeopleNumber(read_micros / 1000.0, 1),
               i18n::PeopleNumber(evaluation_micros / 1000.0, 1), pages)
        << "\n";
  }
  if (*format == Format::kJson) return EmitJson(g, *evaluation, out, err);
  const std::vector<table::Table> tables = render::RegionEvaluationTables(
      *evaluation, *format == Format::kText  ? render::RegionOutput::kText
                   : *format == Format::kCsv ? render::RegionOutput::kCsv
                                             : render::RegionOutput::kWorkbook);
  std::vector<const table::Table*> written;
  for (const table::Table& t : tables) written.push_back(&t);
  return Emit(g, *format, written, out, err);
}

int RunRegionTrend(const Globals& g, const RegionArgs& args, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "region trend", out, err);
  if (!format) return kExitUsage;
  std::optional<std::string> region = RegionOf(g, args, /*optional=*/false, err);
  if (!region) return kExitUsage;
  if (args.from > args.to) {
    err << ErrorLine(Say(msg::kYearsReversed, args.from, args.to));
    return kExitUsage;
  }
  v1::RegionTrendRequest request;
  request.set_region_code(*region);
  request.set_from_year(args.from);
  request.set_to_year(args.to);
  request.set_profile(args.profile);
  Connection connection = Connect(g);
  auto trend = CallAllPages(connection, &RegionService::Stub::RegionTrend, request);
  if (!trend.ok()) return Fail(trend.status(), err);
  if (*format == Format::kJson) return EmitJson(g, *trend, out, err);
  table::Table t = render::RegionTrendTable(*trend);
  return Emit(g, *format, {&t}, out, err);
}

}  // namespace

void AddRegionCommands(CLI::App& app, const Globals& g, int* exit_code) {
  auto* region = app.add_subcommand("region", Say(help::kRegion));
  region->require_subcommand(1);

  auto list_args = std::make_shared<RegionArgs>();
  auto* list = region->add_subcommand("list", Say(help::kRegionList));
  list->add_option("--region", list_args->region, Say(help::kRegionListCode));
  list->callback([=, &g] { *exit_code = RunRegionList(g, *list_args, std::cout, std::cerr); });

  auto status_args = std::make_shared<RegionArgs>();
  auto* status = region->add_subcommand("status", Say(help::kRegionStatus));
  status->add_option("--region", status_args->region, Say(help::kRegionCode));
  status->add_option("--period", status_args->period, Say(help::kPeriodOption))->required();
  status->callback(
      [=, &g] { *exit_code = RunRegionStatus(g, *status_args, std::cout, std::cerr); });

  auto eval_args = std::make_shared<RegionArgs>();
  auto* eval = region->add_subcommand("eval", Say(help::kRegionEval));
  eval->add_option("--region", eval_args->region, Say(help::kRegionCode));
  eval->add_option("--period", eval_args->period, Say(help::kPeriodOption))->required();
  eval->add_option("--profile", eval_args->profile, Say(help::kRegionProfile));
  eval->add_flag("--accepted-only", eval_args->accepted_only, Say(help::kAcceptedOnly));
  eval->add_flag("--verbose", eval_args->verbose, Say(help::kRegionVerbose));
  eval->callback([=, &g] { *exit_code = RunRegionEval(g, *eval_args, std::cout, std::cerr); });

  auto trend_args = std::make_shared<RegionArgs>();
  auto* trend = region->add_subcommand("trend", Say(help::kRegionTrend));
  trend->add_option("--region", trend_args->region, Say(help::kRegionCode));
  trend->add_option("--from", trend_args->from, Say(help::kRegionFrom))->required();
  trend->add_option("--to", trend_args->to, Say(help::kRegionTo))->required();
  trend->add_option("--profile", trend_args->profile, Say(help::kRegionProfile));
  trend->callback([=, &g] { *exit_code = RunRegionTrend(g, *trend_args, std::cout, std::cerr); });
}

}  // namespace junheng::client
