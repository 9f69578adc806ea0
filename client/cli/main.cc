// junheng: the command line for school clerks and bureau staff.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "client/cli/commands.h"
#include "client/cli/eval_command.h"
#include "client/cli/exit_codes.h"
#include "client/cli/forms_command.h"
#include "client/cli/security_commands.h"
#include "client/outbox/agent.h"
#include "common/i18n/lang.h"
#include "common/rpc/protobuf_log.h"

namespace {

// `junheng agent` stops at SIGINT / SIGTERM between deliveries; every state it keeps is on disk.
std::atomic<bool> agent_stop{false};
extern "C" void StopAgent(int) { agent_stop = true; }

std::string DefaultConfigPath() {
  if (const char* path = std::getenv("JUNHENG_CONFIG")) return path;
  if (const char* home = std::getenv("HOME"))
    return std::string(home) + "/.config/junheng/junheng.toml";
  return "junheng.toml";
}

// user@host: who submitted, on the receipt, unless --submitter says otherwise.
std::string DefaultSubmitter() {
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  const char* user = std::getenv("USER");
  return std::string(user ? user : "clerk") + "@" + host;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace junheng::client;
  // Chinese unless the environment asks for English (LANG=en_*).
  junheng::i18n::SetProcessLang(junheng::i18n::LangFromEnvironment());
  // Nothing of protobuf's own logging reaches a clerk's terminal; every failure is a sentence.
  junheng::DropProtobufLogs();
  CLI::App app{
      "junheng: prepare, validate and submit school reports; follow what the county received.\n"
      "Exit codes: 0 ok, 1 invalid or rejected, 2 usage, 3 server unreachable."};
  app.require_subcommand(1);
  Globals g;
  g.submitter = DefaultSubmitter();
  // A config file named by $JUNHENG_CONFIG must exist; the default one may be absent. Unknown
  // keys are errors, so a misspelt `sever = ...` is not silently ignored.
  app.set_config("--config", DefaultConfigPath(),
                 "TOML file with defaults: server = \"host:port\", county = \"140430\", ...",
                 std::getenv("JUNHENG_CONFIG") != nullptr);
  app.allow_config_extras(CLI::config_extras_mode::error);
  // Options of the whole program may also follow the command: `junheng status --county 140430`.
  app.fallthrough();
  app.add_option("--server", g.server, "address of junheng-server (host:port)")
      ->capture_default_str();
  app.add_option("--county", g.county, "6-digit county code, e.g. 140430");
  app.add_option("--format", g.format,
                 "output: text, json, csv or xlsx, as the command offers (default: from "
                 "--output's extension, else text)")
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx"}));
  app.add_option("-o,--output", g.output, "write the result to FILE instead of the terminal");
  app.add_option("--deadline", g.deadline_seconds, "seconds to wait for the server per call")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--submitter", g.submitter, "your name, recorded on the receipt");
  app.add_option("--outbox", g.outbox,
                 "outbox directory for reports waiting for a receipt (receipts are kept in "
                 "receipts/ beside it); default ~/.local/share/junheng/outbox");
  // Security (issue 6): the county CA to verify the server, an optional client certificate, the
  // bearer token. $JUNHENG_TOKEN keeps the token out of the process list and shell history.
  app.add_option("--token", g.security.token,
                 "bearer token from the bureau (better: token = \"...\" in the config, or "
                 "$JUNHENG_TOKEN)")
      ->envname("JUNHENG_TOKEN");
  app.add_option("--ca", g.security.ca_file,
                 "the county CA certificate (PEM) the server's certificate must chain to");
  app.add_option("--cert", g.security.cert_file, "this school's client certificate (mutual TLS)");
  app.add_option("--key", g.security.key_file, "the client certificate's private key");
  app.add_flag("--insecure-plaintext", g.security.insecure_plaintext,
               "no TLS: only for a demo server on 127.0.0.1 started with --insecure-plaintext");

  int exit_code = kExitOk;
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;

  TemplateArgs template_args;
  auto* tpl = app.add_subcommand(
      "template",
      "write the report file to fill in for a school and period: SCHOOL-PERIOD.xlsx, or "
      "--format csv|json, or -o FILE");
  tpl->add_option("--school", template_args.school, "school_code")->required();
  tpl->add_option("--period", template_args.period, "period label, e.g. 2024")->required();
  tpl->add_option("--school-type", template_args.school_type,
                  "the school's type when the server cannot be asked (primary, junior, nine_year, "
                  "twelve_year, complete_middle, teaching_point)");
  tpl->add_flag("--from-latest", template_args.from_latest,
                "fill in the school's latest stored values for the period");
  tpl->callback([&] { exit_code = RunTemplate(g, template_args, out, err); });

  ValidateArgs validate_args;
  auto* val = app.add_subcommand("validate", "check a report file without sending it");
  val->add_option("FILE", validate_args.file, "reports CSV or JSON")->required();
  val->add_option("--schools", validate_args.schools_file,
                  "schools.csv, to also check sections against each school's type");
  val->callback([&] { exit_code = RunValidate(g, validate_args, out, err); });

  SubmitArgs submit_args;
  auto* sub = app.add_subcommand("submit", "validate and submit a report file (CSV rows or JSON)");
  sub->add_option("FILE", submit_args.file, "reports CSV or JSON")->required();
  sub->add_option("--replaces", submit_args.replaces,
                  "the version this report replaces (default: the latest stored version)");
  sub->callback([&] { exit_code = RunSubmit(g, submit_args, out, err); });

  ShowArgs show_args;
  auto* show = app.add_subcommand("show", "show a stored report (the latest version by default)");
  show->add_option("--school", show_args.school, "school_code")->required();
  show->add_option("--period", show_args.period, "period label")->required();
  show->add_option("--version", show_args.version, "a specific version");
  show->callback([&] { exit_code = RunShow(g, show_args, out, err); });

  ShowArgs history_args;
  auto* history = app.add_subcommand("history", "list every stored version of a school's report");
  history->add_option("--school", history_args.school, "school_code")->required();
  history->add_option("--period", history_args.period, "period label")->required();
  history->callback([&] { exit_code = RunHistory(g, history_args, out, err); });

  ReportsArgs reports_args;
  auto* reports =
      app.add_subcommand("reports", "list the latest report of every school that reported");
  reports->add_option("--period", reports_args.period, "period label")->required();
  reports->callback([&] { exit_code = RunReports(g, reports_args, out, err); });

  ReportsArgs values_args;
  auto* values = app.add_subcommand(
      "values", "every school's submitted values for a period in one table (--format xlsx|csv)");
  values->add_option("--period", values_args.period, "period label")->required();
  values->add_flag("--accepted-only", values_args.accepted_only,
                   "only the versions the bureau accepted");
  values->callback([&] { exit_code = RunValues(g, values_args, out, err); });

  auto* schools = app.add_subcommand("schools", "the county's school registry");
  schools->require_subcommand(1);
  std::string schools_file;
  auto* import = schools->add_subcommand("import", "add or update schools from schools.csv");
  import->add_option("FILE", schools_file, "schools CSV or JSON")->required();
  import->callback([&] { exit_code = RunSchoolsImport(g, schools_file, out, err);
});
auto* list = schools->add_subcommand("list", "list the registered schools (--format csv too)");
list->callback([&] { exit_code = RunSchoolsList(g, out, err); });

auto* outbox = app.add_subcommand(
    "outbox", "reports kept until the server acknowledges them (see also `junheng agent`)");
outbox->require_subcommand(1);
outbox->add_subcommand("list", "list pending and failed reports with their last error")
    ->callback([&] { exit_code = RunOutboxList(g, out, err); });
std::string outbox_id;
auto* retry = outbox->add_subcommand(
    "retry", "send pending reports now; with ID, also resend that failed item");
retry->add_option("ID", outbox_id, "submission id from `junheng outbox list`");
retry->callback([&] { exit_code = RunOutboxRetry(g, outbox_id, out, err); });
std::string drop_id;
auto* drop = outbox->add_subcommand("drop", "remove an item from the outbox without sending it");
drop->add_option("ID", drop_id, "submission id from `junheng outbox list`")->required();
drop->callback([&] { exit_code = RunOutboxDrop(g, drop_id, out, err); });

AgentOptions agent_options;
double poll_seconds = 2, backoff_min_seconds = 1, backoff_max_seconds = 300;
auto* agent = app.add_subcommand(
    "agent",
    "deliver the outbox in the foreground (systemd: deploy/systemd/), retrying with "
    "backoff until every report has a receipt");
agent->add_option("--watch", agent_options.watch_dir,
                  "drop folder: report files put here are queued, then moved to processed/");
agent->add_option("--poll", poll_seconds, "seconds between looks at the folder and outbox")
    ->check(CLI::PositiveNumber)
    ->capture_default_str();
agent->add_option("--backoff-min", backoff_min_seconds, "first retry delay in seconds")
    ->check(CLI::PositiveNumber)
    ->capture_default_str();
agent->add_option("--backoff-max", backoff_max_seconds, "longest retry delay in seconds")
    ->check(CLI::PositiveNumber)
    ->capture_default_str();
agent->add_flag("--until-empty", agent_options.until_empty, "exit once nothing is left to deliver");
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
AddFormsCommand(app, g, &exit_code);

try {
  app.parse(argc, argv);
} catch (const CLI::ParseError& e) {
  int code = app.exit(e);
  return code == 0 ? kExitOk : kExitUsage;
}
return exit_code;
}
