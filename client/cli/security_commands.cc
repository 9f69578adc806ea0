#include "client/cli/security_commands.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <tuple>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/cli/command_support.h"
#include "client/cli/exit_codes.h"
#include "client/rpc/connection.h"
#include "common/io/message_codec.h"
#include "common/time/expiry.h"
#include "common/time/time_text.h"

namespace junheng::client {
namespace {

std::string RoleText(v1::Role role) {
  switch (role) {
    case v1::SCHOOL_CLERK:
      return "school_clerk";
    case v1::BUREAU_VIEWER:
      return "bureau_viewer";
    case v1::BUREAU_ADMIN:
      return "bureau_admin";
    case v1::AUDITOR:
      return "auditor";
    default:
      return "?";
  }
}

std::string When(int64_t unix_ms) { return FormatInstant(absl::FromUnixMillis(unix_ms)); }

}  // namespace

int RunTokenIssue(const Globals& g, const TokenIssueArgs& args, std::ostream& out,
                  std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "admin token issue", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::IssueTokenRequest request;
  request.set_county_code(g.county);
  v1::Role role = v1::ROLE_UNSPECIFIED;
  for (auto r : {v1::SCHOOL_CLERK, v1::BUREAU_VIEWER, v1::BUREAU_ADMIN, v1::AUDITOR}) {
    if (args.role == RoleText(r)) role = r;
  }
  if (role == v1::ROLE_UNSPECIFIED) {
    err << "error: --role " << args.role
        << ": use school_clerk, bureau_viewer, bureau_admin or auditor\n";
    return kExitUsage;
  }
  request.set_role(role);
  request.set_school_code(args.school);
  request.set_label(args.label);
  if (!args.expires.empty()) {
    auto expires = ParseExpiry(args.expires, absl::Now());
    if (!expires.ok()) return Fail(expires.status(), err);
    request.set_expires_unix_ms(absl::ToUnixMillis(*expires));
  }
  auto issued = Connect(g).Call(&v1::TokenService::Stub::IssueToken, request);
  if (!issued.ok()) return Fail(issued.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*issued) << "\n";
    return kExitOk;
  }
  const v1::TokenInfo& info = issued->info();
  out << issued->token() << "\n";
  err << "token " << info.id() << ": " << RoleText(info.role()) << " of county "
      << info.county_code() << (info.school_code().empty() ? "" : ", school " + info.school_code())
      << ", expires " << When(info.expires_unix_ms()) << "\n"
      << "It is shown only this once (the server keeps a salted hash): hand it over privately; "
         "the holder puts it in the config as token = \"...\" or in $JUNHENG_TOKEN.\n";
  return kExitOk;
}

int RunTokenRevoke(const Globals& g, const std::string& id, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "admin token revoke", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::RevokeTokenRequest request;
  request.set_county_code(g.county);
  request.set_id(id);
  auto revoked = Connect(g).Call(&v1::TokenService::Stub::RevokeToken, request);
  if (!revoked.ok()) return Fail(revoked.status(), err);
  out << "token " << revoked->id() << " revoked at " << When(revoked->revoked_unix_ms())
      << "; calls with it are refused from now on\n";
  return kExitOk;
}

int RunTokenList(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "admin token list", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListTokensRequest request;
  request.set_county_code(g.county);
  auto listed = Connect(g).Call(&v1::TokenService::Stub::ListTokens, request);
  if (!listed.ok()) return Fail(listed.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*listed) << "\n";
    return kExitOk;
  }
  const int64_t now = absl::ToUnixMillis(absl::Now());
  // By role, then school: the way the bureau looks for a clerk's token.
  std::vector<const v1::TokenInfo*> tokens;
  for (const auto& t : listed->tokens()) tokens.push_back(&t);
  std::stable_sort(tokens.begin(), tokens.end(),
                   [](const v1::TokenInfo* a, const v1::TokenInfo* b) {
                     return std::make_tuple(a->role(), a->school_code(), a->created_unix_ms()) <
                            std::make_tuple(b->role(), b->school_code(), b->created_unix_ms());
                   });
  table::Table t;
  t.title = absl::StrCat("tokens of county ", g.county);
  t.sheet_name = "令牌";
  t.columns = {{"id", "编号"},    {"role", "角色"},    {"school_code", "学校"},
               {"state", "状态"}, {"expires", "到期"}, {"label", "说明"}};
  for (const v1::TokenInfo* info : tokens) {
    const char* state =
        info->revoked() ? "revoked" : (info->expires_unix_ms() <= now ? "expired" : "valid");
    t.AddRow({table::Cell::Of(info->id()), table::Cell::Of(RoleText(info->role())),
              table::Cell::Of(info->school_code()), table::Cell::Of(state),
              table::Cell::Of(When(info->expires_unix_ms())), table::Cell::Of(info->label())});
  }
  return Emit(g, *format, {&t}, out, err);
}

int RunAuditList(const Globals& g, const AuditListArgs& args, std::ostream& out,
                 std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "audit list", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListAuditRequest request;
  request.set_county_code(g.county);
  request.set_school_code(args.school);
  request.set_actor(args.actor);
  request.set_limit(args.limit);
  if (!args.from.empty()) {
    auto from = ParseInstant(args.from, DateMeans::kStartOfDay);
    if (!from.ok()) return Fail(from.status(), err);
    request.set_from_unix_ms(absl::ToUnixMillis(*from));
  }
  if (!args.to.empty()) {
    auto to = ParseInstant(args.to, DateMeans::kEndOfDay);
    if (!to.ok()) return Fail(to.status(), err);
    request.set_to_unix_ms(absl::ToUnixMillis(*to));
  }
  auto listed = Connect(g).Call(&v1::AuditService::Stub::ListAudit, request);
  if (!listed.ok()) return Fail(listed.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*listed) << "\n";
    return kExitOk;
  }
  table::Table t;
  t.sheet_name = "审计日志";
  t.columns = {{"seq", "序号", 0},
               {"time", "时间"},
               {"action", "操作"},
               {"target", "对象"},
               {"actor", "操作者"}};
  for (const auto& e : listed->entries()) {
    t.AddRow({table::Cell::Of(static_cast<double>(e.seq())),
              table::Cell::Of(When(e.time_unix_ms())), table::Cell::Of(e.action()),
              table::Cell::Of(e.target()), table::Cell::Of(e.actor())});
  }
  t.notes.push_back(
      absl::StrCat(listed->entries_size(), " of ", listed->matched(), " matching entries shown"));
  return Emit(g, *format, {&t}, out, err);
}

int RunAuditVerify(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kMessageFormats, "audit verify", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::VerifyAuditRequest request;
  request.set_county_code(g.county);
  auto verified = Connect(g).Call(&v1::AuditService::Stub::VerifyAudit, request);
  if (!verified.ok()) return Fail(verified.status(), err);
  if (*format == Format::kJson) {
    out << io::EncodeJson(*verified) << "\n";
    return verified->intact() ? kExitOk : kExitRejected;
  }
  if (!verified->intact()) {
    out << "audit log of county " << g.county << " is BROKEN at seq " << verified->broken_seq()
        << ": " << verified->reason() << "\n";
    return kExitRejected;
  }
  out << "audit log of county " << g.county << ": " << verified->entries()
      << " entries, hash chain intact; head seq " << verified->head_seq() << " "
      << verified->head_hash() << "\n"
      << "(keep the head outside the server: a later verify must still contain it)\n";
  return kExitOk;
}

void AddSecurityCommands(CLI::App& app, const Globals& g, int* exit_code) {
  auto* admin = app.add_subcommand("admin", "credentials of the county (bureau_admin)");
  admin->require_subcommand(1);
  auto* token = admin->add_subcommand("token", "issue, list and revoke bearer tokens");
  token->require_subcommand(1);
  auto issue_args = std::make_shared<TokenIssueArgs>();
  auto* issue = token->add_subcommand(
      "issue", "issue a token; it is printed once on stdout (details on stderr)");
  issue
      ->add_option("--role", issue_args->role,
                   "school_clerk | bureau_viewer | bureau_admin | auditor")
      ->required();
  issue->add_option("--school", issue_args->school, "school_code (school_clerk only)");
  issue->add_option("--expires", issue_args->expires,
                    "lifetime (90d, 12h) or date/time; default one year");
  issue->add_option("--label", issue_args->label, "who holds it, for `token list`");
  issue->callback([=, &g] { *exit_code = RunTokenIssue(g, *issue_args, std::cout, std::cerr); });
  auto revoke_id = std::make_shared<std::string>();
  auto* revoke = token->add_subcommand("revoke", "revoke a token at once");
  revoke->add_option("ID", *revoke_id, "token id from `junheng admin token list`")->required();
  revoke->callback([=, &g] { *exit_code = RunTokenRevoke(g, *revoke_id, std::cout, std::cerr); });
  token->add_subcommand("list", "list the county's tokens (never their secrets)")
      ->callback([=, &g] { *exit_code = RunTokenList(g, std::cout, std::cerr); });

  auto* audit = app.add_subcommand("audit", "the county's tamper-evident audit log (auditor)");
  audit->require_subcommand(1);
  auto list_args = std::make_shared<AuditListArgs>();
  auto* list = audit->add_subcommand("list", "list audit entries, oldest first");
  list->add_option("--school", list_args->school, "entries about this school");
  list->add_option("--actor", list_args->actor, "entries whose actor contains this (a token id)");
  list->add_option("--from", list_args->from, "from this time (a date: its start)");
  list->add_option("--to", list_args->to, "until this time (a date: its end)");
  list->add_option("--limit", list_args->limit, "at most this many, the newest (default 1000)");
  list->callback([=, &g] { *exit_code = RunAuditList(g, *list_args, std::cout, std::cerr); });
  audit->add_subcommand("verify", "check the hash chain; names the first broken link")
      ->callback([=, &g] { *exit_code = RunAuditVerify(g, std::cout, std::cerr); });
}

}  // namespace junheng::client
