#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/http/web_routes.h"

struct MHD_Daemon;

namespace junheng::server::http {

struct ListenerOptions {
  // HOST:PORT; port 0 picks a free port (tests).
  std::string listen;
  // PEM of the certificate chain and key; both empty: plain HTTP (only with the server's
  // --insecure-plaintext, on loopback, as for gRPC).
  std::string cert_pem;
  std::string key_pem;
  // Largest request body read; a larger one is answered 413.
  size_t max_body_bytes = 4 << 20;
};

// The HTTPS listener of junheng-server, on Debian's libmicrohttpd (GnuTLS inside): one thread
// per connection, so a call that waits for the services blocks only its own connection. It
// reads each request into an HttpRequest and answers what WebRoutes says; nothing else.
class HttpListener {
 public:
  // INVALID_ARGUMENT for a listen address that is not HOST:PORT with an IP host (or
  // "localhost"); UNAVAILABLE when the port cannot be bound or TLS does not start.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<HttpListener>> Start(
      const ListenerOptions& options, const WebRoutes* routes);

  // Stops accepting connections, lets the requests in progress finish for up to `grace` (their
  // calls go on through the gRPC server, which must still run), then closes every connection and
  // joins the threads. Idempotent; the destructor stops with no grace.
  void Stop(absl::Duration grace);
  ~HttpListener();

  int port() const { return port_; }

 private:
  HttpListener() = default;

  // Connections one address may hold at once: a school's PCs and phones behind one NAT stay far
  // below it, one host cannot take every connection thread.
  static constexpr int kConnectionsPerAddress = 64;

  const WebRoutes* routes_ = nullptr;
  // Requests read or being answered (Stop waits for them).
  std::atomic<int> in_flight_{0};
  size_t max_body_bytes_ = 0;
  // libmicrohttpd keeps pointers to the PEM text for the daemon's life.
  std::string cert_pem_;
  std::string key_pem_;
  MHD_Daemon* daemon_ = nullptr;
  int port_ = 0;

  friend struct ListenerCallbacks;
};

}  // namespace junheng::server::http
