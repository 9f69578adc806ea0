#pragma once

#include <functional>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "server/auth/token_store.h"
#include "server/auth/web_sessions.h"
#include "server/http/api_gateway.h"
#include "server/http/connect_protocol.h"
#include "server/http/exports.h"

namespace junheng::server::http {

// A request as the HTTP listener read it; the routes see nothing of the HTTP library.
struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query
  absl::flat_hash_map<std::string, std::string> query;
  // Header names in lower case.
  absl::flat_hash_map<std::string, std::string> headers;
  absl::flat_hash_map<std::string, std::string> cookies;
  std::string body;
  // The listener stopped reading a body over its limit.
  bool body_too_large = false;
  std::string peer;
};

struct WebOptions {
  // The directory of the pages (web/public); empty serves the API only.
  std::string web_root;
  // Mark cookies Secure and send Strict-Transport-Security: whenever the listener has TLS.
  bool tls = true;
  // The listener's limit on a request body, for the 413 answer's sentence.
  size_t max_body_bytes = 4 << 20;
  // GET /readyz: OK when the server takes calls, else why not (rpc/health_reporter.h); unset:
  // always ready.
  std::function<absl::Status()> readiness;
  // GET /metrics: the Prometheus text (observability/metrics.h), answered without a credential
  // like a node exporter's (docs/monitoring.md says what it shows); unset: 404.
  std::function<std::string()> metrics;
};

// What the HTTP door answers (docs/web-console.md): the API (ApiGateway) for bearer tokens and
// browser sessions, sign-in (enrolment, session, logout), the field catalogue, a clerk's file
// read into reports, the pages, and for probes without a credential GET /healthz (the process
// answers: 200 "ok") and GET /readyz (200 "ready", or 503 and the reason in plain text). Every
// answer carries the security headers: a Content-Security-Policy that allows scripts only from
// the server itself, nosniff, no-referrer, no framing; API answers are never cached.
//
// A call with the session cookie must carry the cookie's CSRF value in X-CSRF-Token (403
// otherwise); a call with Authorization: Bearer needs none (a browser never adds that header by
// itself). Sign-in calls must be JSON, which a page of another site cannot send without the
// browser asking this server first.
class WebRoutes {
 public:
  WebRoutes(const ApiGateway* api, auth::WebSessions* sessions, const auth::TokenStore* tokens,
            WebOptions options)
      : api_(api),
        sessions_(sessions),
        tokens_(tokens),
        options_(std::move(options)),
        exports_(api) {}

  HttpAnswer Handle(const HttpRequest& request) const;

  // The answer to a request that its headers alone refuse, before its body is read: a declared
  // body over `max_body_bytes` (413), or an API call without any credential (401). nullopt when
  // the request must be read.
  std::optional<HttpAnswer> RefuseEarly(const HttpRequest& headers_only,
                                        size_t max_body_bytes) const;

 private:
  // The bearer token a request acts with: its Authorization header, else its session's token
  // (checking the CSRF header unless `read_only`: a GET a page links to, e.g. a download), else
  // "" (no credential). Errors: a session that is not valid (UNAUTHENTICATED) or a missing or
  // wrong CSRF header (PERMISSION_DENIED).
  absl::StatusOr<std::string> TokenOf(const HttpRequest& request, bool read_only = false) const;

  HttpAnswer Api(const HttpRequest& request) const;
  HttpAnswer Enrol(const HttpRequest& request) const;
  HttpAnswer Session(const HttpRequest& request) const;
  HttpAnswer Logout(const HttpRequest& request) const;
  HttpAnswer ReadReport(const HttpRequest& request) const;
  HttpAnswer Template(const HttpRequest& request) const;
  HttpAnswer Export(const HttpRequest& request) const;
  HttpAnswer Page(const HttpRequest& request) const;

  std::string Cookie(absl::string_view name, absl::string_view value, bool http_only,
                     absl::Duration max_age) const;
  // The cookies' names: with TLS "__Host-" names, which a browser takes only from this host over
  // HTTPS with Path=/, so a sibling host cannot plant them; plain names on plain HTTP.
  std::string SessionCookie() const;
  std::string CsrfCookie() const;
  // The answer of the routes, without the security headers Handle adds.
  HttpAnswer Route(const HttpRequest& request) const;
  HttpAnswer WithSecurityHeaders(HttpAnswer answer, bool api) const;

  const ApiGateway* api_;
  auth::WebSessions* sessions_;
  const auth::TokenStore* tokens_;
  const WebOptions options_;
  const Exports exports_;
};

}  // namespace junheng::server::http
