#pragma once

#include <iosfwd>
#include <string>

namespace junheng::server {

// `junheng-server token issue --data-dir D --role R --county C [--school S] [--expires E]
// [--enrolment --web-url URL]`: issues a token offline, straight into the data dir, while no
// server runs on it (the data dir's LOCK refuses otherwise). This is how the first bureau_admin
// token is made, and a region_viewer's (whose "county" is its region: 14, 1404, or 00 for the
// nation); later county tokens are issued through the running server with `junheng admin token
// issue` or `junheng admin onboard`. The token is printed once on `out`; its details go to `err`.
// With `enrolment`, the same batch stores a one-time enrolment code and `out` gets the web
// console's sign-in link instead of the token (docs/web-console.md): the person signs in from a
// browser and nobody handles the token. The audit log records the issue with the actor
// "junheng-server token issue (offline, uid N)". Exit 0 ok, 1 refused, 2 bad arguments (a
// web_url that is not http(s):// is refused before anything is issued).
struct OfflineTokenArgs {
  std::string data_dir;
  std::string county;
  std::string role;
  std::string school;
  std::string expires;  // "90d", "12h", a date or an instant; empty: one year
  std::string label;
  bool enrolment = false;
  std::string web_url;  // with enrolment: the web console's address, https://HOST:PORT
};
int RunOfflineTokenIssue(const OfflineTokenArgs& args, std::ostream& out, std::ostream& err);

// `junheng-server token list --data-dir D --county C` and `token revoke --data-dir D --county C
// ID`: the same, offline. They are how a region_viewer's tokens (C = its region: 14, 1404, 00) are
// listed and revoked, since no online role manages them; for a county they do what `junheng admin
// token list|revoke` does through the server. Revoking signs out the web sessions the token
// enrolled. Exit 0 ok, 1 refused (unknown county or token, the data dir in use).
int RunOfflineTokenList(const std::string& data_dir, const std::string& county, std::ostream& out,
                        std::ostream& err);
int RunOfflineTokenRevoke(const std::string& data_dir, const std::string& county,
                          const std::string& id, std::ostream& out, std::ostream& err);

}  // namespace junheng::server
