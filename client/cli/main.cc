// junheng: the command line for school clerks and bureau staff.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string_view>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "client/cli/cli_text.h"
#include "client/cli/command_support.h"
#include "client/cli/commands.h"
#include "client/cli/eval_command.h"
#include "client/cli/exit_codes.h"
#include "client/cli/forms_command.h"
#include "client/cli/security_commands.h"
#include "client/outbox/agent.h"
#include "common/cli/config_sources.h"
#include "common/i18n/help_messages.h"
#include "common/i18n/lang.h"
#include "common/i18n/message.h"
#include "common/rpc/protobuf_log.h"

namespace {

// `junheng agent` stops at SIGINT / SIGTERM between deliveries; every state it keeps is on disk.
std::atomic<bool> agent_stop{false};
extern "C" void StopAgent(int) { agent_stop = true; }

// user@host: who submitted, on the receipt, unless --submitter says otherwise.
std::string DefaultSubmitter() {
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  const char* user = std::getenv("USER");
  return std::string(user ? user : "clerk") + "@" + host;
}

// The word after --lang (or in --lang=WORD) anywhere before "--", if any. Read before CLI11
// parses anything, because the help texts are built in the language it names.
std::optional<std::string> LangArgument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) return std::string(argv[i + 1]);
    if (arg.starts_with("--lang=")) return std::string(arg.substr(7));
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace junheng::client;
  using junheng::i18n::Say;
  namespace help = junheng::i18n::help;
  // Chinese unless --lang or the locale (LANG=en_US.UTF-8) asks for English.
  junheng::i18n::Lang lang = junheng::i18n::LangFromEnvironment();
  std::string lang_word;
  if (std::optional<std::string> word = LangArgument(argc, argv)) {
    absl::StatusOr<junheng::i18n::Lang> asked = junheng::i18n::ParseLang(*word);
    if (!asked.ok()) {
      std::cerr << ErrorLine(asked.status().message());
      return kExitUsage;
    }
    lang = *asked;
  }
  junheng::i18n::SetProcessLang(lang);
  // Nothing of protobuf's own logging reaches a clerk's terminal; every failure is a sentence.
  junheng::DropProtobufLogs();
  junheng::DropGrpcLogs();

  CLI::App app{Say(help::kProgram)};
  SpeakCli(app);
  app.require_subcommand(1);
  Globals g;
  g.submitter = DefaultSubmitter();
  // A config file named by $JUNHENG_CONFIG must exist; the default one may be absent. Unknown
  // keys are errors, so a misspelt `sever = ...` is not silently ignored.
  app.set_config("--config", junheng::cli::ClientConfigPath(), Say(help::kConfig),
                 std::getenv("JUNHENG_CONFIG") != nullptr);
  app.allow_config_extras(CLI::config_extras_mode::error);
  // Options of the whole program may also follow the command: `junheng status --county 140430`.
  app.fallthrough();
  // Read by LangArgument before parsing; registered so that CLI11 accepts it and lists it. Not
  // in the config file: the help would already be built in the other language.
  app.add_option("--lang", lang_word, Say(help::kLang))->configurable(false);
  app.add_option("--server", g.server, Say(help::kServer))->capture_default_str();
  app.add_option("--county", g.county, Say(help::kCounty));
  app.add_option("--format", g.format, Say(help::kFormat))
      ->check(OneOf({"text", "json", "csv", "xlsx"}));
  app.add_option("-o,--output", g.output, Say(help::kOutput));
  app.add_option("--deadline", g.deadline_seconds, Say(help::kDeadline))
      ->check(PositiveNumber())
      ->capture_default_str();
  app.add_option("--submitter", g.submitter, Say(help::kSubmitter));
  app.add_option("--outbox", g.outbox, Say(help::kOutbox));
  // Security (issue 6): the county CA to verify the server, an optional client certificate, the
  // bearer token. $JUNHENG_TOKEN keeps the token out of the process list and shell history.
  app.add_option("--token", g.security.token, Say(help::kToken))->envname("JUNHENG_TOKEN");
  app.add_option("--ca", g.security.ca_file, Say(help::kCa));
  app.add_option("--cert", g.security.cert_file, Say(help::kCert));
  app.add_option("--key", g.security.key_file, Say(help::kKey));
  app.add_flag("--insecure-plaintext", g.security.insecure_plaintext,
               Say(help::kInsecurePlaintext));

  int exit_code = kExitOk;
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;

  TemplateArgs template_args;
  auto* tpl = app.add_subcommand("template", Say(help::kTemplate));
  tpl->add_option("--school", template_args.school, Say(help::kSchoolOption))->required();
  tpl->add_option("--period", template_args.period, Say(help::kPeriodOption))->required();
  tpl->add_option("--school-type", template_args.school_type, Say(help::kSchoolType));
  tpl->add_flag("--from-latest", template_args.from_latest, Say(help::kFromLatest));
  tpl->callback([&] { exit_code = RunTemplate(g, template_args, out, err); });

  ValidateArgs validate_args;
  auto* val = app.add_subcommand("validate", Say(help::kValidate));
  val->add_option("FILE", validate_args.file, Say(help::kReportFile))->required();
  val->add_option("--schools", validate_args.schools_file, Say(help::kSchoolsFile));
  val->callback([&] { exit_code = RunValidate(g, validate_args, out, err); });

  SubmitArgs submit_args;
  auto* sub = app.add_subcommand("submit", Say(help::kSubmit));
  sub->add_option("FILE", submit_args.file, Say(help::kReportFile))->required();
  sub->add_option("--replaces", submit_args.replaces, Say(help::kReplaces));
  sub->callback([&] { exit_code = RunSubmit(g, submit_args, out, err); });

  ShowArgs show_args;
  auto* show = app.add_subcommand("show", Say(help::kShow));
  show->add_option("--school", show_args.school, Say(help::kSchoolOption))->required();
  show->add_option("--period", show_args.period, Say(help::kPeriodOption))->required();
  show->add_option("--version", show_args.version, Say(help::kVersionOption));
  show->callback([&] { exit_code = RunShow(g, show_args, out, err); });

  ShowArgs history_args;
  auto* history = app.add_subcommand("history", Say(help::kHistory));
  history->add_option("--school", history_args.school, Say(help::kSchoolOption))->required();
  history->add_option("--period", history_args.period, Say(help::kPeriodOption))->required();
  history->callback([&] { exit_code = RunHistory(g, history_args, out, err); });

  ReportsArgs reports_args;
  auto* reports = app.add_subcommand("reports", Say(help::kReports));
  reports->add_option("--period", reports_args.period, Say(help::kPeriodOption))->required();
  reports->callback([&] { exit_code = RunReports(g, reports_args, out, err); });

  ReportsArgs values_args;
  auto* values = app.add_subcommand("values", Say(help::kValues));
  values->add_option("--period", values_args.period, Say(help::kPeriodOption))->required();
  values->add_flag("--accepted-only", values_args.accepted_only, Say(help::kAcceptedOnly));
  values->callback([&] { exit_code = RunValues(g, values_args, out, err); });

  auto* schools = app.add_subcommand("schools", Say(help::kSchools));
  schools->require_subcommand(1);
  std::string schools_file;
  auto* import = schools->add_subcommand("import", Say(help::kSchoolsImport));
  import->add_option("FILE", schools_file, Say(help::kSchoolsImportFile))->required();
  import->callback([&] { exit_code = RunSchoolsImport(g, schools_file, out, err);
});
auto* list = schools->add_subcommand("list", Say(help::kSchoolsList));
list->callback([&] { exit_code = RunSchoolsList(g, out, err); });

auto* outbox = app.add_subcommand("outbox", Say(help::kOutboxCommand));
outbox->require_subcommand(1);
outbox->add_subcommand("list", Say(help::kOutboxList))->callback([&] {
  exit_code = RunOutboxList(g, out, err);
});
std::string outbox_id;
auto* retry = outbox->add_subcommand("retry", Say(help::kOutboxRetry));
retry->add_option("ID", outbox_id, Say(help::kOutboxId));
retry->callback([&] { exit_code = RunOutboxRetry(g, outbox_id, out, err); });
std::string drop_id;
auto* drop = outbox->add_subcommand("drop", Say(help::kOutboxDrop));
bool drop_failed = false;
auto* drop_one = drop->add_option("ID", drop_id, Say(help::kOutboxId));
drop->add_flag("--failed", drop_failed, Say(help::kOutboxDropFailed))->excludes(drop_one);
drop->callback([&] {
  if (drop_id.empty() && !drop_failed) {
    err << ErrorLine(Say(help::kOutboxDropWhat));
    exit_code = kExitUsage;
    return;
  }
  exit_code = drop_failed ? RunOutboxDropFailed(g, out, err) : RunOutboxDrop(g, drop_id, out, err);
});

AgentOptions agent_options;
double poll_seconds = 2, backoff_min_seconds = 1, backoff_max_seconds = 300;
auto* agent = app.add_subcommand("agent", Say(help::kAgent));
agent->add_option("--watch", agent_options.watch_dir, Say(help::kWatch));
agent->add_option("--poll", poll_seconds, Say(help::kPoll))
    ->check(PositiveNumber())
    ->capture_default_str();
agent->add_option("--backoff-min", backoff_min_seconds, Say(help::kBackoffMin))
    ->check(PositiveNumber())
    ->capture_default_str();
agent->add_option("--backoff-max", backoff_max_seconds, Say(help::kBackoffMax))
    ->check(PositiveNumber())
    ->capture_default_str();
agent->add_flag("--until-empty", agent_options.until_empty, Say(help::kUntilEmpty));
agent->callback([&] {
  agent_options.poll = absl::Seconds(poll_seconds);
  agent_options.backoff_min = absl::Seconds(backoff_min_seconds);
  agent_options.backoff_max = absl::Seconds(std::max(backoff_min_seconds, backoff_max_seconds));
  std::signal(SIGINT, StopAgent);
  std::signal(SIGTERM, StopAgent);
  exit_code = RunAgentCommand(g, agent_options, agent_stop, out, err);
});

AddBureauCommands(app, g, &exit_code);
AddSecurityCommands(app, g, &exit_code);
AddEvaluationCommands(app, g, &exit_code);
AddRegionCommands(app, g, &exit_code);
AddFormsCommand(app, g, &exit_code);
// The evaluation's commands keep their own option texts (evaluation_commands.cc,
// eval_command.cc); the program's list of commands names them in the reader's language too.
for (const auto& [name, description] :
     {std::pair{"eval", &help::kEval}, std::pair{"facts", &help::kFacts},
      std::pair{"snapshots", &help::kSnapshots}, std::pair{"trend", &help::kTrend},
      std::pair{"forms", &help::kForms}, std::pair{"standing", &help::kStanding}}) {
  app.get_subcommand(name)->description(Say(*description));
}
SpeakCliHelpFlags(app);
junheng::cli::PreferEnvironmentOverConfig(app);

try {
  app.parse(argc, argv);
} catch (const CLI::ParseError& e) {
  const std::string name = e.get_name();
  if (name == "CallForHelp" || name == "CallForAllHelp" || name == "CallForVersion" ||
      name == "RuntimeError") {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  SayParseError(app, e, err);
  return kExitUsage;
}
return exit_code;
}
