#pragma once

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "server/auth/principal.h"
#include "server/auth/token_store.h"
#include "server/storage/store.h"

namespace junheng::server::auth {

// How long a browser stays signed in.
struct SessionLimits {
  // Without a call for this long, the session ends (counted in memory: after a server restart,
  // from the restart).
  absl::Duration idle = absl::Hours(8);
  // After this long from sign-in, the session ends whatever it does.
  absl::Duration absolute = absl::Hours(24 * 30);
};

// A signed-in browser: the session cookie's value, the CSRF value the page must echo in the
// X-CSRF-Token header, and who it is.
struct WebSession {
  std::string cookie;
  std::string csrf;
  Principal principal;
  std::string label;
};

// The web console's sign-in (docs/web-console.md). A one-time enrolment code, made with the
// token (TokenStore::Issue with enrolment), is exchanged for a session; each call of the session
// then acts with the token it was enrolled from, so revoking that token ends its sessions at
// once. Cookies are "jhs1.<county>.<64 hex digits>"; a region viewer's carry its region's code
// (14, 1404, or 00 for the nation) as its token does. Only SHA-256 of codes and cookies is stored,
// with the token sealed under the secret (sealed_token.h). Exchanges and logouts are mutations
// with their audit entries. Thread-safe.
class WebSessions {
 public:
  WebSessions(storage::Store* store, const TokenStore* tokens, const Clock* clock,
              SessionLimits limits = {})
      : store_(store), tokens_(tokens), clock_(clock), limits_(limits) {}

  // A new session for a one-time enrolment code. UNAUTHENTICATED (with a sentence for the
  // person: ask the bureau for a new sign-in sheet) when the code is malformed, unknown, used,
  // expired, or its token was revoked or has expired. `peer` goes into the audit entry.
  [[nodiscard]] absl::StatusOr<WebSession> Enrol(absl::string_view code, absl::string_view peer);

  // The session a cookie stands for, with the token to call with. UNAUTHENTICATED when the
  // cookie is malformed or unknown, the session was ended, idle or past its absolute end, or
  // its token no longer authenticates. Counts as activity for the idle limit. The session's label
  // is left empty: every API call of a browser resolves its cookie, and only GET /auth/session
  // shows the label (LabelOf).
  struct Resolved {
    WebSession session;
    std::string token;
  };
  [[nodiscard]] absl::StatusOr<Resolved> Resolve(absl::string_view cookie);

  // Ends the session (logout). OK when it had already ended.
  [[nodiscard]] absl::Status End(absl::string_view cookie);

  // The CSRF value of a cookie: a digest of it, so nothing more is stored.
  static std::string CsrfOf(absl::string_view cookie);

  // Who holds the principal's token, as the bureau labelled it; "" when it has no label.
  std::string LabelOf(const Principal& principal) const;

  // Sessions signed in or used within the idle limit, as this run of the server saw them (the
  // junheng_web_sessions gauge): a session last used before a restart counts from its next call.
  int ActiveSessions() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  absl::StatusOr<junheng::v1::StoredSession> Find(absl::string_view cookie) const;
  // Ends the session in the store, audited as `action` (session.logout, session.idle).
  [[nodiscard]] absl::Status Close(absl::string_view cookie, absl::string_view action);

  storage::Store* store_;
  const TokenStore* tokens_;
  const Clock* clock_;
  const SessionLimits limits_;
  mutable absl::Mutex mu_;
  // Last activity per session (by the SHA-256 of its cookie).
  absl::flat_hash_map<std::string, absl::Time> last_seen_ ABSL_GUARDED_BY(mu_);
};

}  // namespace junheng::server::auth
