#include "server/tools/token_commands.h"

#include <unistd.h>

#include <ostream>

#include "absl/strings/str_cat.h"
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
  SystemClock clock;
  junheng::v1::IssueTokenRequest request;
  request.set_county_code(args.county);
  request.set_role(*role);
  request.set_school_code(args.school);
  request.set_label(args.label);
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
  out << issued->token() << "\n";
  err << "token " << issued->info().id() << ": " << args.role
      << (*role == junheng::v1::REGION_VIEWER ? " of region " : " of county ") << args.county
      << (args.school.empty() ? "" : ", school " + args.school) << ", expires "
      << FormatInstant(absl::FromUnixMillis(issued->info().expires_unix_ms())) << "\n"
      << "It is shown only this once. Give it to the client with $JUNHENG_TOKEN or token = "
         "\"...\" in its config.\n";
  return 0;
}

}  // namespace junheng::server
