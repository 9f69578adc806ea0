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
#include "client/cli/onboard_command.h"
#include "client/rpc/connection.h"
#include "client/rpc/pages.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/client_messages.h"
#include "common/i18n/help_messages.h"
#include "common/io/message_codec.h"
#include "common/time/expiry.h"
#include "common/time/time_text.h"

namespace junheng::client {
namespace {

using i18n::Say;
namespace help = i18n::help;
namespace msg = i18n::bureau;

// What `audit list` shows without --limit: the newest 1000 entries, the server's default page.
constexpr int kDefaultAuditEntries = 1000;

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
    err << ErrorLine(Say(msg::kBadRole, args.role));
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
  for (const std::string& warning : issued->warnings())
    err << Say(i18n::client::kWarning, warning) << "\n";
  out << issued->token() << "\n";
  err << Say(info.school_code().empty() ? msg::kTokenIssued : msg::kClerkTokenIssued, info.id(),
             RoleText(info.role()), info.county_code(), When(info.expires_unix_ms()),
             info.school_code())
      << "\n";
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
  out << Say(msg::kTokenRevoked, revoked->id(), When(revoked->revoked_unix_ms())) << "\n";
  return kExitOk;
}

int RunTokenList(const Globals& g, std::ostream& out, std::ostream& err) {
  auto format = FormatFor(g, kListingFormats, "admin token list", out, err);
  if (!format) return kExitUsage;
  if (!NeedCounty(g, err)) return kExitUsage;
  v1::ListTokensRequest request;
  request.set_county_code(g.county);
  request.set_page_size(kLargestPage);
  Connection connection = Connect(g);
  auto listed = CallAllPages(connection, &v1::TokenService::Stub::ListTokens, request);
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
  t.title = Say(msg::kTokensTitle, g.county);
  t.sheet_name = "令牌";
  t.columns = {{"id", Say(msg::kColId)},
               {"role", Say(msg::kColRole)},
               {"school_code", Say(msg::kColSchool)},
               {"state", Say(msg::kColState)},
               {"expires", Say(msg::kColExpires)},
               {"label", Say(msg::kColLabel)}};
  for (const v1::TokenInfo* info : tokens) {
    const std::string state = Say(info->revoked()                  ? msg::kTokenStateRevoked
                                  : info->expires_unix_ms() <= now ? msg::kTokenStateExpired
                                                                   : msg::kTokenStateValid);
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
  // The newest `wanted` entries (the server's default page when --limit is not given), in pages
  // of at most kLargestPage; a negative --limit goes to the server, which names it.
  const int wanted = args.limit == 0 ? kDefaultAuditEntries : args.limit;
  request.set_limit(wanted < 0 ? wanted : std::min(wanted, kLargestPage));
  Connection connection = Connect(g);
  auto listed = CallAllPages(connection, &v1::AuditService::Stub::ListAudit, request,
                             [&](v1::ListAuditRequest& next, const v1::ListAuditResponse& so_far) {
                               const int left = wanted - so_far.entries_size();
                               next.set_limit(std::min(left, kLargestPage));
                               return left > 0;
                             });
  if (!listed.ok()) return Fail(listed.status(), err);
  // Pages come newest first; the listing reads oldest first, as the chain runs.
  std::reverse(listed->mutable_entries()->begin(), listed->mutable_entries()->end());
  if (*format == Format::kJson) {
    out << io::EncodeJson(*listed) << "\n";
    return kExitOk;
  }
  table::Table t;
  t.sheet_name = "审计日志";
  t.columns = {{"seq", Say(msg::kColSeq), 0},
               {"time", Say(msg::kColTime)},
               {"action", Say(msg::kColAction)},
               {"target", Say(msg::kColTarget)},
               {"actor", Say(msg::kColActor)}};
  for (const auto& e : listed->entries()) {
    t.AddRow({table::Cell::Of(static_cast<double>(e.seq())),
              table::Cell::Of(When(e.time_unix_ms())), table::Cell::Of(e.action()),
              table::Cell::Of(e.target()), table::Cell::Of(e.actor())});
  }
  t.notes.push_back(Say(msg::kAuditShown, listed->entries_size(), listed->matched()));
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
    out << Say(msg::kAuditBroken, g.county, verified->broken_seq(), verified->reason()) << "\n";
    return kExitRejected;
  }
  out << Say(msg::kAuditIntact, g.county, verified->entries(), verified->head_seq(),
             verified->head_hash())
      << "\n";
  return kExitOk;
}

void AddSecurityCommands(CLI::App& app, const Globals& g, int* exit_code) {
  auto* admin = app.add_subcommand("admin", Say(help::kAdmin));
  admin->require_subcommand(1);
  auto* token = admin->add_subcommand("token", Say(help::kTokenCommand));
  token->require_subcommand(1);
  auto issue_args = std::make_shared<TokenIssueArgs>();
  auto* issue = token->add_subcommand("issue", Say(help::kTokenIssue));
  issue
      ->add_option("--role", issue_args->role,
                   "school_clerk | bureau_viewer | bureau_admin | auditor")
      ->required();
  issue->add_option("--school", issue_args->school, Say(help::kTokenSchool));
  issue->add_option("--expires", issue_args->expires, Say(help::kTokenExpires));
  issue->add_option("--label", issue_args->label, Say(help::kTokenLabel));
  issue->callback([=, &g] { *exit_code = RunTokenIssue(g, *issue_args, std::cout, std::cerr); });
  auto revoke_id = std::make_shared<std::string>();
  auto* revoke = token->add_subcommand("revoke", Say(help::kTokenRevoke));
  revoke->add_option("ID", *revoke_id, Say(help::kTokenId))->required();
  revoke->callback([=, &g] { *exit_code = RunTokenRevoke(g, *revoke_id, std::cout, std::cerr); });
  token->add_subcommand("list", Say(help::kTokenList))->callback([=, &g] {
    *exit_code = RunTokenList(g, std::cout, std::cerr);
  });
  AddOnboardCommand(*admin, g, exit_code);

  auto* audit = app.add_subcommand("audit", Say(help::kAudit));
  audit->require_subcommand(1);
  auto list_args = std::make_shared<AuditListArgs>();
  auto* list = audit->add_subcommand("list", Say(help::kAuditList));
  list->add_option("--school", list_args->school, Say(help::kAuditSchool));
  list->add_option("--actor", list_args->actor, Say(help::kAuditActor));
  list->add_option("--from", list_args->from, Say(help::kAuditFrom));
  list->add_option("--to", list_args->to, Say(help::kAuditTo));
  list->add_option("--limit", list_args->limit, Say(help::kAuditLimit));
  list->callback([=, &g] { *exit_code = RunAuditList(g, *list_args, std::cout, std::cerr); });
  audit->add_subcommand("verify", Say(help::kAuditVerify))->callback([=, &g] {
    *exit_code = RunAuditVerify(g, std::cout, std::cerr);
  });
}

}  // namespace junheng::client
