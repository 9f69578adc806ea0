#pragma once

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "common/rpc/channel_security.h"

namespace CLI {
class App;
}  // namespace CLI

namespace junheng::client {

// Options every command shares; they come from the command line or the config file.
struct Globals {
  std::string server = "127.0.0.1:50551";
  std::string county;
  // --format text|json|csv|xlsx (empty: from --output's extension, else text) and --output
  // FILE (empty: standard output); each command offers the formats it can write (output.h).
  std::string format;
  std::string output;
  double deadline_seconds = 10;
  std::string submitter;
  // The durable outbox of reports waiting for a receipt; empty: DefaultOutboxDir() (outbox.h).
  std::string outbox;
  // TLS, client certificate and bearer token (--ca, --cert, --key, --token / $JUNHENG_TOKEN,
  // --insecure-plaintext).
  rpc::ChannelSecurity security;
};

// Each command writes its result to `out`, problems to `err`, and returns an ExitCode.

struct TemplateArgs {
  std::string school;
  std::string period;
  // The school's type when the server cannot be asked (a stored word or its Chinese name).
  std::string school_type;
  // Fill in the school's latest stored values for the period (or, failing that, nothing).
  bool from_latest = false;
};
int RunTemplate(const Globals& g, const TemplateArgs& args, std::ostream& out, std::ostream& err);

struct ValidateArgs {
  std::string file;
  std::string schools_file;  // optional registry for the school-type checks
};
int RunValidate(const Globals& g, const ValidateArgs& args, std::ostream& out, std::ostream& err);

struct SubmitArgs {
  std::string file;
  int64_t replaces = -1;  // -1: replace whatever the latest version is
};
int RunSubmit(const Globals& g, const SubmitArgs& args, std::ostream& out, std::ostream& err);

// The outbox (issue 5): `junheng outbox list|retry|drop`. retry with an empty id delivers every
// pending item; with an id it also resends that item if it had failed.
int RunOutboxList(const Globals& g, std::ostream& out, std::ostream& err);
int RunOutboxRetry(const Globals& g, const std::string& id, std::ostream& out, std::ostream& err);
int RunOutboxDrop(const Globals& g, const std::string& id, std::ostream& out, std::ostream& err);
// Removes every item an earlier junheng kept as failed (refused by the server).
int RunOutboxDropFailed(const Globals& g, std::ostream& out, std::ostream& err);

// `junheng agent` (outbox_commands.cc): opens the outbox and runs RunAgent (outbox/agent.h) in
// the foreground with the county and submitter of `g`. Exit 0 when `stop` becomes true or, with
// until_empty, when nothing is pending; 1 when the outbox cannot be opened, 2 for a --watch that
// is not a directory.
struct AgentOptions;
int RunAgentCommand(const Globals& g, const AgentOptions& options, const std::atomic<bool>& stop,
                    std::ostream& out, std::ostream& err);

struct ShowArgs {
  std::string school;
  std::string period;
  int64_t version = 0;  // 0: the latest
};
int RunShow(const Globals& g, const ShowArgs& args, std::ostream& out, std::ostream& err);
int RunHistory(const Globals& g, const ShowArgs& args, std::ostream& out, std::ostream& err);

struct ReportsArgs {
  std::string period;
  bool accepted_only = false;  // values: only the versions the bureau accepted
};
int RunReports(const Globals& g, const ReportsArgs& args, std::ostream& out, std::ostream& err);
// Every school's submitted values for a period in one table (bureau).
int RunValues(const Globals& g, const ReportsArgs& args, std::ostream& out, std::ostream& err);

int RunSchoolsImport(const Globals& g, const std::string& file, std::ostream& out,
                     std::ostream& err);
int RunSchoolsList(const Globals& g, std::ostream& out, std::ostream& err);

}  // namespace junheng::client

namespace junheng::client {

// The bureau's commands (bureau_commands.cc).
struct PeriodArgs {
  std::string period;
  std::string opens, deadline, closes;  // times as ParseInstant reads them
  std::string school, until, reason;    // exceptions
  bool past_window = false;             // define: the window has closed already, and that is meant
};
int RunPeriodDefine(const Globals& g, const PeriodArgs& args, std::ostream& out, std::ostream& err);
int RunPeriodList(const Globals& g, std::ostream& out, std::ostream& err);
int RunPeriodException(const Globals& g, const PeriodArgs& args, std::ostream& out,
                       std::ostream& err);

struct ReviewArgs {
  std::string action;  // accept | return | reopen
  std::string school, period, comment;
  int64_t version = 0;  // 0: the latest (looked up first)
};
int RunReview(const Globals& g, const ReviewArgs& args, std::ostream& out, std::ostream& err);

struct StatusArgs {
  std::string period;
  bool missing_only = false;
  int days = 0;        // remind
  std::string school;  // due
};
int RunStatus(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err);
int RunRemind(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err);
int RunDue(const Globals& g, const StatusArgs& args, std::ostream& out, std::ostream& err);

// Registers period, review, status, remind and due on `app`; each sets *exit_code when it runs.
void AddBureauCommands(CLI::App& app, const Globals& g, int* exit_code);

// Registers eval (offline or --server), facts, snapshots and trend (evaluation_commands.cc).
void AddEvaluationCommands(CLI::App& app, const Globals& g, int* exit_code);

// Registers region list, status, eval and trend: the counties under a city or a province
// (region_commands.cc).
void AddRegionCommands(CLI::App& app, const Globals& g, int* exit_code);

}  // namespace junheng::client
