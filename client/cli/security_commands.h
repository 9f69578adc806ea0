#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace junheng::client {

// `junheng admin token issue|revoke|list` (bureau_admin) and `junheng audit list|verify`
// (auditor); see docs/security.md.
struct TokenIssueArgs {
  std::string role;
  std::string school;
  std::string expires;  // "90d", "12h", or an instant ParseInstant reads; empty: one year
  std::string label;
};
int RunTokenIssue(const Globals& g, const TokenIssueArgs& args, std::ostream& out,
                  std::ostream& err);
int RunTokenRevoke(const Globals& g, const std::string& id, std::ostream& out, std::ostream& err);
int RunTokenList(const Globals& g, std::ostream& out, std::ostream& err);

struct AuditListArgs {
  std::string school, actor, from, to;
  int limit = 0;
};
int RunAuditList(const Globals& g, const AuditListArgs& args, std::ostream& out, std::ostream& err);
// Exit 0 when the chain is intact, 1 naming the first broken link.
int RunAuditVerify(const Globals& g, std::ostream& out, std::ostream& err);

// Registers `admin token ...` and `audit ...` on `app`; each sets *exit_code when it runs.
void AddSecurityCommands(CLI::App& app, const Globals& g, int* exit_code);

}  // namespace junheng::client
