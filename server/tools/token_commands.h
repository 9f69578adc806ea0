#pragma once

#include <iosfwd>
#include <string>

namespace junheng::server {

// `junheng-server token issue --data-dir D --role R --county C [--school S] [--expires E]`:
// issues a token offline, straight into the data dir, while no server runs on it (the data dir's
// LOCK refuses otherwise). This is how the first bureau_admin token is made; later tokens are
// issued through the running server with `junheng admin token issue`. The token is printed once
// on `out`; its details go to `err`. The audit log records the issue with the actor
// "junheng-server token issue (offline, uid N)". Exit 0 ok, 1 refused, 2 bad arguments.
struct OfflineTokenArgs {
  std::string data_dir;
  std::string county;
  std::string role;
  std::string school;
  std::string expires;  // "90d", "12h", a date or an instant; empty: one year
  std::string label;
};
int RunOfflineTokenIssue(const OfflineTokenArgs& args, std::ostream& out, std::ostream& err);

}  // namespace junheng::server
