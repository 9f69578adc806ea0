#include "server/tools/token_commands.h"

#include <unistd.h>

#include <limits>
#include <optional>
#include <ostream>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "common/cli/sign_in_link.h"
#include "common/i18n/bureau_messages.h"
#include "common/time/clock.h"
#include "common/time/expiry.h"
#include "common/time/time_text.h"
#include "server/auth/principal.h"
#include "server/auth/token_store.h"
#include "server/storage/store.h"

namespace junheng::server {

int RunOfflineTokenIssue(const OfflineTokenArgs& args, std::ostream& out, std::ostream& err) {
  auto role = auth::ParseRole(args.role);
  if (!role.ok()) {
    err << "error: " << role.status().message() << "\n";
    return 2;
  }
  std::optional<std::string> web_base;
  if (args.enrolment) {
    web_base = cli::WebConsoleBase(args.web_url);
    if (!web_base) {
      err << "error: " << i18n::Say(i18n::bureau::kOnboardBadUrl, args.web_url) << "\n";
      return 2;
    }
  }
  SystemClock clock;
  junheng::v1::IssueTokenRequest request;
  request.set_county_code(args.county);
  request.set_role(*role);
  request.set_school_code(args.school);
  request.set_label(args.label);
  request.set_enrolment(args.enrolment);
  if (!args.expires.empty()) {
    auto expires = ParseExpiry(args.expires, clock.Now());
    if (!expires.ok()) {
      err << "error: " << expires.status().message() << "\n";
      return 2;
    }
    request.set_expires_unix_ms(absl::ToUnixMillis(*expires));
  }
  auto store = storage::Store::Open(args.data_dir);
  if (!store.ok()) {
    err << "error: " << store.status().message() << "\n";
    return 1;
  }
  auth::TokenStore tokens(store->get(), &clock);
  auto issued = tokens.Issue(
      request, absl::StrCat("junheng-server token issue (offline, uid ", getuid(), ")"));
  if (!issued.ok()) {
    err << "error: " << issued.status().message() << "\n";
    return 1;
  }
  err << "token " << issued->info().id() << ": " << args.role
      << (*role == junheng::v1::REGION_VIEWER ? " of region " : " of county ") << args.county
      << (args.school.empty() ? "" : ", school " + args.school) << ", expires "
      << FormatInstant(absl::FromUnixMillis(issued->info().expires_unix_ms())) << "\n";
  if (web_base) {
    out << cli::SignInLink(*web_base, issued->enrolment_code()) << "\n";
    err << "The sign-in link works once, until "
        << FormatInstant(absl::FromUnixMillis(issued->enrolment_expires_unix_ms()))
        << ". Give it to its person only: until it is used, it signs in.\n";
    return 0;
  }
  out << issued->token() << "\n";
  err << "It is shown only this once. Give it to the client with $JUNHENG_TOKEN or token = "
         "\"...\" in its config.\n";
  return 0;
}

namespace {

// Opens the data dir and runs `command` on its tokens; a store that cannot be opened, or the
// command's error, is said on `err` and is exit code 1.
int WithTokens(const std::string& data_dir, std::ostream& err,
               absl::FunctionRef<absl::Status(auth::TokenStore&)> command) {
  auto store = storage::Store::Open(data_dir);
  absl::Status status = store.status();
  if (store.ok()) {
    SystemClock clock;
    auth::TokenStore tokens(store->get(), &clock);
    status = command(tokens);
  }
  if (status.ok()) return 0;
  err << "error: " << status.message() << "\n";
  return 1;
}

}  // namespace

int RunOfflineTokenList(const std::string& data_dir, const std::string& county, std::ostream& out,
                        std::ostream& err) {
  return WithTokens(data_dir, err, [&](auth::TokenStore& tokens) -> absl::Status {
    auto listed = tokens.List(county, "", std::numeric_limits<size_t>::max());
    if (!listed.ok()) return listed.status();
    out << "id\trole\tschool\tstate\texpires\tlabel\n";
    for (const auto& info : *listed) {
      out << info.id() << "\t" << auth::RoleName(info.role()) << "\t" << info.school_code() << "\t"
          << (info.revoked() ? "revoked" : "valid") << "\t"
          << FormatInstant(absl::FromUnixMillis(info.expires_unix_ms())) << "\t" << info.label()
          << "\n";
    }
    return absl::OkStatus();
  });
}

int RunOfflineTokenRevoke(const std::string& data_dir, const std::string& county,
                          const std::string& id, std::ostream& out, std::ostream& err) {
  return WithTokens(data_dir, err, [&](auth::TokenStore& tokens) -> absl::Status {
    auto revoked = tokens.Revoke(
        county, id, absl::StrCat("junheng-server token revoke (offline, uid ", getuid(), ")"));
    if (!revoked.ok()) return revoked.status();
    out << "token " << revoked->id() << " (" << auth::RoleName(revoked->role()) << " of " << county
        << ") revoked at " << FormatInstant(absl::FromUnixMillis(revoked->revoked_unix_ms()))
        << "\n";
    return absl::OkStatus();
  });
}

}  // namespace junheng::server
